"""Text the app can keep: any Unicode text but the NUL character and lone surrogates.

PostgreSQL refuses NUL in text outright (a class named "a\\0b", a username typed with one: the
request failed with a 500), and nobody types one. A lone surrogate (``\\ud800`` to ``\\udfff``
not in a pair) is no character at all: JSON may write one (``"\\ud800"``), but it cannot be
encoded as UTF-8, so no database, page or export can keep it (a username with one failed with a
500; an answer with one was stored, and then its question and results pages failed for the
student and the teacher). So every way text comes in (form fields, query strings, URL parts,
JSON bodies, roster files) is checked here, and refused with one message for each.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

NUL = "\x00"
NUL_REFUSED = "Text may not contain the NUL character (\\0): remove it and send it again."
SURROGATE_REFUSED = (
    "Text may not contain a lone surrogate (\\ud800 to \\udfff without its pair), which is no "
    "character and cannot be written as UTF-8: remove it and send it again."
)


def _strings(value: Any) -> Iterator[str]:
    """Every string in ``value``: a string, or lists and dicts of them (keys too)."""
    pending = [value]
    while pending:  # a loop, not recursion: JSON may nest as deep as its parser allows
        item = pending.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list | tuple):
            pending.extend(item)


def holds_nul(value: Any) -> bool:
    """True if any string in ``value`` (a string, or lists and dicts of them, keys too) has a NUL."""
    return any(NUL in text for text in _strings(value))


def unstorable_text(value: Any) -> str | None:
    """Why some string in ``value`` (a string, or lists and dicts of them, keys too) cannot be
    kept: ``NUL_REFUSED`` or ``SURROGATE_REFUSED``; None when every one can."""
    for text in _strings(value):
        if NUL in text:
            return NUL_REFUSED
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # only lone surrogates cannot be encoded
            return SURROGATE_REFUSED
    return None
