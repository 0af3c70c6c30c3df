"""Instants typed by people and programs (``since`` in exports): one reading for every entry point.

ISO 8601 as :meth:`datetime.fromisoformat` reads it: ``2026-03-01``, ``2026-03-01T08:00``,
``2026-03-01T08:00:00+05:00``, ``2026-03-01T08:00Z``. A time without an offset (and a date alone,
which means its midnight) is UTC, as every time the app shows is. The result is aware and in UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime

EXAMPLE = "2026-03-01T08:00:00+05:00"


def parse_instant(text: str) -> datetime:
    """The instant ``text`` names, in UTC; ValueError with a message a person can act on."""
    value = text.strip()
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        hint = (
            " (a '+' in a web address means a space: write the offset's '+' as %2B)"
            if " " in value and "T" in value
            else ""
        )
        raise ValueError(f"not a date and time in ISO 8601, such as {EXAMPLE} or 2026-03-01{hint}") from None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except OverflowError:
        raise ValueError("that date and time is out of range") from None
