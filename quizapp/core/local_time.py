"""Times as people read and type them: in a time zone (the school's, or their own), while
everything is stored in UTC. The standard library's ``zoneinfo`` knows the zones (from the
system's files, or from the ``tzdata`` package where there are none).

A typed local time that does not exist (the hour skipped when clocks go forward) is refused, not
guessed; one that happens twice (the hour repeated when they go back) is the first of the two.
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

TYPED_EXAMPLE = "2026-12-01 23:59"
FIRST_YEAR, LAST_YEAR = 1900, 9000  # beyond them a time is a typing slip, and some zones overflow


def time_zone(name: str) -> ZoneInfo:
    """The zone with this IANA name (``Europe/Belgrade``, ``America/Chicago``, ``UTC``);
    ValueError with a message a person can act on. Only the database's zones: not the files
    that sit beside them ("localtime", the server's own; "posixrules"; "right/UTC", leap-second
    tables about 27 s off) nor "Factory", which a browser's report could otherwise name."""
    if name.strip() not in _known_zones():
        raise ValueError(f"{name[:60]!r} is no time zone: use a name such as Europe/Belgrade or UTC")
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError, OSError):  # ValueError: "../x" or ""; OSError: odd names
        raise ValueError(
            f"{name[:60]!r} is no time zone: use a name such as Europe/Belgrade or UTC"
        ) from None


@functools.cache
def _known_zones() -> frozenset[str]:
    """The zones' names, read once (the standard library walks the zone files to list them)."""
    return frozenset(available_timezones()) - {"localtime", "posixrules", "Factory"}


def shown(moment: datetime, zone: ZoneInfo) -> str:
    """``moment`` (aware) as a person in ``zone`` reads it: "2026-12-01 23:59 CET"."""
    try:
        local = moment.astimezone(zone)
    except OverflowError:  # stored before times were bounded: shown in UTC rather than failing
        local = moment.astimezone(UTC)
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()}"


def local_day(moment: datetime, zone: ZoneInfo) -> date:
    """The date ``moment`` falls on for a person in ``zone``: their "today", their study days."""
    try:
        return moment.astimezone(zone).date()
    except OverflowError:  # stored before times were bounded
        return moment.astimezone(UTC).date()


def day_start(moment: datetime, zone: ZoneInfo) -> datetime:
    """When the day of ``moment`` began for a person in ``zone`` (their midnight), in UTC: the
    daily limit of new cards counts from it. A day that skips its midnight (some zones move their
    clocks then) begins at its first minute."""
    local = moment.astimezone(zone)
    midnight = datetime.combine(local.date(), time(0), tzinfo=zone)
    return midnight.astimezone(UTC)


def editable(moment: datetime, zone: ZoneInfo) -> str:
    """``moment`` as a form field shows it for editing in ``zone``, so that saving it unchanged
    keeps it: "2026-12-01 23:59", or with its offset in the hour repeated when clocks go back
    ("2026-10-25 02:30+01:00"), which ``read_typed`` would otherwise read as the first."""
    try:
        local = moment.astimezone(zone)
        plain = f"{local:%Y-%m-%d %H:%M}"
        if read_typed(plain, zone) == moment.replace(second=0, microsecond=0):
            return plain
    except (OverflowError, ValueError):  # stored before times were bounded
        local = moment.astimezone(UTC)
    return local.isoformat(timespec="minutes")


def read_typed(text: str, zone: ZoneInfo) -> datetime:
    """A date and time typed by a person in ``zone`` ("2026-12-01 23:59"; an ISO offset, if
    given, is taken as it is), in UTC; ValueError saying what to fix.

    A date without a time is refused rather than read as its midnight: a due date typed alone
    usually means the end of that day, not its first minute, so the message offers both."""
    text = text.strip()
    try:
        date.fromisoformat(text)
    except ValueError:
        pass
    else:
        day = _shown_date(text)
        raise ValueError(
            f"give a time as well as the date: {day} 08:00, or {day} 23:59 for the end of the day"
        )
    try:
        typed = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"not a date and time such as {TYPED_EXAMPLE}") from None
    if not FIRST_YEAR <= typed.year <= LAST_YEAR:
        raise ValueError(
            f"{typed.year:04d}-{typed:%m-%d %H:%M} is out of range: "
            f"choose a date between {FIRST_YEAR} and {LAST_YEAR}"
        )
    return _in_utc(typed, zone)


def _shown_date(typed_date: str) -> str:
    """A date typed alone ("20261201" too) as the forms write it: "2026-12-01"."""
    day = date.fromisoformat(typed_date)
    return f"{day.year:04d}-{day:%m-%d}"  # %Y writes the year 1 as "1" on some systems


def _in_utc(typed: datetime, zone: ZoneInfo) -> datetime:
    if typed.tzinfo is not None:
        return typed.astimezone(UTC)
    local = typed.replace(tzinfo=zone)  # fold=0: of a repeated hour, the first
    back = local.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    if back != typed:
        first_after = back - timedelta(minutes=typed.minute)  # the wall clock jumped this far
        raise ValueError(
            f"{typed:%Y-%m-%d %H:%M} does not exist in {zone.key}: the clocks go forward then; "
            f"choose a time before {typed:%H}:00 or from {first_after:%H:%M}"
        )
    return local.astimezone(UTC)
