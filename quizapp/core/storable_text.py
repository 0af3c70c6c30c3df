"""Text the app can keep: any Unicode text but the NUL character.

PostgreSQL refuses NUL in text outright (a class named "a\\0b", a username typed with one: the
request failed with a 500), and nobody types one. So every way text comes in (form fields, query
strings, URL parts, JSON bodies, roster files) is checked here, and refused with one message.
"""

from __future__ import annotations

from typing import Any

NUL = "\x00"
NUL_REFUSED = "Text may not contain the NUL character (\\0): remove it and send it again."


def holds_nul(value: Any) -> bool:
    """True if any string in ``value`` (a string, or lists and dicts of them, keys too) has a NUL."""
    pending = [value]
    while pending:  # a loop, not recursion: JSON may nest as deep as its parser allows
        item = pending.pop()
        if isinstance(item, str):
            if NUL in item:
                return True
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list | tuple):
            pending.extend(item)
    return False
