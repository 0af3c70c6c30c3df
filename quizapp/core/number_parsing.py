"""Reading numbers the way people type them: "5,000", "5 000", "5000", "5000.0", "1,5"."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_SPACES = re.compile(r"[\s\u00a0\u2009\u202f\u2007_']+")
_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")
_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?")
MAX_NUMBER_LENGTH = 100


def parse_number(text: str) -> Decimal | None:
    """The number in ``text``, or None when it is not one.

    Spaces (including thin and non-breaking ones), underscores and apostrophes group
    thousands. A comma before groups of exactly three digits groups thousands ("5,000");
    any other single comma is a decimal comma ("1,5" is 1.5).
    """
    if len(text) > MAX_NUMBER_LENGTH:
        return None
    compact = _SPACES.sub("", text.strip())
    if compact[:1] in ("\u2212", "\u2013"):  # minus sign, or the en dash autocorrect makes of "-"
        compact = "-" + compact[1:]
    if _GROUPED.fullmatch(compact):
        compact = compact.replace(",", "")
    elif _DECIMAL_COMMA.fullmatch(compact):
        compact = compact.replace(",", ".")
    if not _PLAIN.fullmatch(compact):
        return None
    try:
        value = Decimal(compact)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


_DOT_GROUPED = re.compile(r"[+-]?\d{1,3}(\.\d{3})+")


def number_readings(text: str) -> tuple[Decimal, ...]:
    """Every way ``text`` may fairly be read: "5.000" is 5 in English and 5000 in much of Europe."""
    readings = []
    first = parse_number(text)
    if first is not None:
        readings.append(first)
    compact = _SPACES.sub("", text.strip()) if len(text) <= MAX_NUMBER_LENGTH else ""
    if _DOT_GROUPED.fullmatch(compact):
        readings.append(Decimal(compact.replace(".", "")))
    return tuple(readings)
