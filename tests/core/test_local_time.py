"""core/local_time.py: times read and typed in a zone, on the nights the clocks change in
Europe/Belgrade and America/Chicago."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from quizapp.core.local_time import editable, read_typed, shown, time_zone

BELGRADE = time_zone("Europe/Belgrade")
CHICAGO = time_zone("America/Chicago")


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_a_typed_time_is_read_in_the_zone_and_kept_in_utc():
    assert read_typed("2026-12-01 23:59", BELGRADE) == utc(2026, 12, 1, 22, 59)  # CET, UTC+1
    assert read_typed("2026-07-01 23:59", BELGRADE) == utc(2026, 7, 1, 21, 59)  # CEST, UTC+2
    assert read_typed("2026-12-01T23:59", CHICAGO) == utc(2026, 12, 2, 5, 59)  # CST, UTC-6
    assert read_typed("2026-12-01 23:59+00:00", CHICAGO) == utc(2026, 12, 1, 23, 59)  # an offset stands


@pytest.mark.parametrize(("zone", "skipped"), [(BELGRADE, "2026-03-29 02:30"), (CHICAGO, "2026-03-08 02:15")])
def test_the_hour_skipped_when_clocks_go_forward_is_refused(zone, skipped):
    with pytest.raises(ValueError, match=r"does not exist in .*the clocks go forward"):
        read_typed(skipped, zone)


def test_the_hour_repeated_when_clocks_go_back_is_its_first_time():
    assert read_typed("2026-10-25 02:30", BELGRADE) == utc(2026, 10, 25, 0, 30)  # still CEST
    assert read_typed("2026-11-01 01:30", CHICAGO) == utc(2026, 11, 1, 6, 30)  # still CDT


def test_a_due_time_on_the_night_clocks_change():
    # 23:59 on the day the clocks went back is an hour later in UTC than the evening before
    assert read_typed("2026-10-24 23:59", BELGRADE) == utc(2026, 10, 24, 21, 59)
    assert read_typed("2026-10-25 23:59", BELGRADE) == utc(2026, 10, 25, 22, 59)
    assert read_typed("2026-03-08 23:59", CHICAGO) == utc(2026, 3, 9, 4, 59)  # CDT, UTC-5


def test_times_are_shown_with_the_zones_abbreviation():
    assert shown(utc(2026, 10, 25, 0, 30), BELGRADE) == "2026-10-25 02:30 CEST"
    assert shown(utc(2026, 10, 25, 1, 30), BELGRADE) == "2026-10-25 02:30 CET"  # the same clock time
    assert shown(utc(2026, 12, 2, 5, 59), CHICAGO) == "2026-12-01 23:59 CST"
    assert shown(utc(2026, 12, 1, 8, 0), time_zone("UTC")) == "2026-12-01 08:00 UTC"


@pytest.mark.parametrize("text", ["tomorrow", "2026-13-01 10:00", "", "2026-12-01 25:00"])
def test_what_is_not_a_date_and_time_says_how_to_write_one(text):
    with pytest.raises(ValueError, match="such as 2026-12-01 23:59"):
        read_typed(text, BELGRADE)


@pytest.mark.parametrize("name", ["Europe/Nowhere", "", "../etc/passwd", "x" * 300, "Europe", "a\x00b"])
def test_an_unknown_zone_is_a_clear_error(name):
    with pytest.raises(ValueError, match="is no time zone"):
        time_zone(name)


def test_a_time_at_the_edge_of_the_calendar_is_refused_not_an_overflow():
    for text, zone in (("0001-01-01 00:30", "Europe/Belgrade"), ("9999-12-31 23:59", "America/Chicago")):
        with pytest.raises(ValueError, match="is out of range"):
            read_typed(text, time_zone(zone))


def test_a_time_in_the_repeated_hour_is_edited_with_its_offset_and_read_back_the_same():
    belgrade = time_zone("Europe/Belgrade")
    second = read_typed("2026-10-25 02:30+01:00", belgrade)  # the second 02:30 that night
    first = read_typed("2026-10-25 02:30", belgrade)
    assert second - first == timedelta(hours=1)
    assert editable(second, belgrade) == "2026-10-25T02:30+01:00"
    assert editable(first, belgrade) == "2026-10-25 02:30"
    for moment in (first, second, read_typed("2026-12-01 23:59", belgrade)):
        assert read_typed(editable(moment, belgrade), belgrade) == moment


def test_a_time_stored_beyond_a_zones_calendar_is_shown_not_failed():
    end = datetime(9999, 12, 31, 23, 59, tzinfo=UTC)
    assert shown(end, time_zone("Asia/Tokyo")) == "9999-12-31 23:59 UTC"


def test_the_skipped_hour_is_refused_naming_the_first_time_after_it():
    with pytest.raises(ValueError, match="choose a time before 02:00 or from 03:00"):
        read_typed("2026-03-29 02:30", time_zone("Europe/Belgrade"))
    with pytest.raises(ValueError, match="choose a time before 02:00 or from 02:30"):
        read_typed("2026-10-04 02:15", time_zone("Australia/Lord_Howe"))  # clocks go forward 30 minutes


@pytest.mark.parametrize("typed", ["2026-12-01", " 2026-12-01 ", "20261201"])
def test_a_date_without_a_time_is_refused_not_read_as_midnight(typed):
    with pytest.raises(ValueError) as refused:
        read_typed(typed, BELGRADE)
    assert str(refused.value) == (
        "give a time as well as the date: 2026-12-01 08:00, or 2026-12-01 23:59 for the end of the day"
    )
    assert read_typed("2026-12-01 00:00", BELGRADE) == utc(2026, 11, 30, 23, 0)  # midnight, typed: fine


def test_a_persons_day_and_its_midnight_are_in_their_zone():
    from quizapp.core.local_time import day_start, local_day

    chicago = time_zone("America/Chicago")
    late_evening = datetime(2026, 3, 10, 3, tzinfo=UTC)  # March 9, 22:00 CDT
    assert local_day(late_evening, chicago) == date(2026, 3, 9)
    assert local_day(late_evening, time_zone("UTC")) == date(2026, 3, 10)
    assert day_start(late_evening, chicago) == datetime(2026, 3, 9, 5, tzinfo=UTC)  # midnight CDT
    # a day whose midnight is skipped (Santiago moves its clocks at 00:00) begins at its first minute
    santiago = time_zone("America/Santiago")
    assert day_start(datetime(2026, 9, 6, 12, tzinfo=UTC), santiago) == datetime(2026, 9, 6, 4, tzinfo=UTC)
    assert f"{datetime(2026, 9, 6, 4, tzinfo=UTC).astimezone(santiago):%H:%M}" == "01:00"


@pytest.mark.parametrize(
    "name", ["localtime", "posixrules", "Factory", "right/UTC", "posix/UTC", "../etc/passwd", ""]
)
def test_only_the_databases_zones_are_time_zones(name):
    """A browser's report goes through the same rule as a typed zone: the files beside the zones
    (the server's own "localtime", leap-second "right/" tables) are no zone a person lives in."""
    with pytest.raises(ValueError, match="is no time zone"):
        time_zone(name)
    assert (
        time_zone(" America/New_York ").key == "America/New_York"
        and time_zone("Etc/GMT-3").key == "Etc/GMT-3"
    )
