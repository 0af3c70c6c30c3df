"""The QR code of a live quiz's join address, drawn on the server as inline SVG (segno: pure
Python, no image files, nothing for the CSP to allow). Its colours come from live.css (the
path's stroke and the code's background follow the theme), so the SVG carries none of its own
beyond segno's default stroke, which the stylesheet overrides."""

from __future__ import annotations

from functools import lru_cache

import segno
from markupsafe import Markup


@lru_cache(maxsize=64)
def qr_svg(address: str) -> Markup:
    """A QR code (error correction M: a projector's glare or a dirty lens) of ``address``, with
    its quiet zone, scaled by CSS (a viewBox, no size)."""
    code = segno.make(address, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=4, omitsize=True, svgclass="live-qr-code", lineclass="live-qr-line")
    return Markup(svg)  # segno's own output: only numbers and the two class names above
