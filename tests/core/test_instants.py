"""parse_instant: the one reading of ``since`` for the pages, the API and the command."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from quizapp.core.instants import parse_instant


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        ("2026-03-01T08:00:00+05:00", datetime(2026, 3, 1, 3, 0, tzinfo=UTC)),
        ("2026-03-01T08:00-05:00", datetime(2026, 3, 1, 13, 0, tzinfo=UTC)),
        ("2026-03-01T08:00Z", datetime(2026, 3, 1, 8, 0, tzinfo=UTC)),
        ("2026-03-01T08:00", datetime(2026, 3, 1, 8, 0, tzinfo=UTC)),  # no offset: UTC
        ("2026-03-01", datetime(2026, 3, 1, tzinfo=UTC)),  # a date: its midnight, UTC
        (" 2026-03-01 ", datetime(2026, 3, 1, tzinfo=UTC)),
    ],
)
def test_offsets_are_kept_and_no_offset_is_utc(text, instant):
    parsed = parse_instant(text)
    assert parsed == instant and parsed.utcoffset().total_seconds() == 0


@pytest.mark.parametrize("text", ["", "yesterday", "2026-13-01", "2026-03-01T08:00:00 05:00", "０２６-03-01"])
def test_anything_else_is_a_value_error_with_an_example(text):
    with pytest.raises(ValueError, match="ISO 8601"):
        parse_instant(text)


def test_an_instant_outside_the_calendar_in_utc_is_refused():
    with pytest.raises(ValueError, match="out of range"):
        parse_instant("0001-01-01T00:00:00+00:01")
