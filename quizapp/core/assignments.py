"""When a student may start an assigned test, and how long it runs: the window and limit rules.

An assignment gives a bank to a class as a test, with a window (``opens_at`` to ``due_at``), a
time limit, a number of attempts, whether late work is accepted, and whether an attempt started
before the close keeps its whole time limit or ends at the close. A student may have an
accommodation: extra time (a percentage and/or minutes), extra attempts, dates of their own; on
one assignment, or standing (for every test of a class, without dates: ``applying`` says which
applies).

Pure and typed: the clock comes in as ``now``; the pages, the API and the commands ask these
functions (issue 14 builds them on this), so they cannot disagree on a window or a limit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from fractions import Fraction

from quizapp.core.accounts import shown_text_problem

MAX_TITLE_LENGTH = 120  # the column's (assignments.title)
MAX_EXTRA_TIME_PERCENT = 400  # five times the time limit: beyond that, set no time limit
MAX_EXTRA_TIME_MINUTES = 24 * 60
MAX_ATTEMPTS = 100  # beyond that, "unlimited" says it better


class Counted(StrEnum):
    """Which of a student's submitted attempts counts for the gradebook."""

    BEST = "best"
    LAST = "last"
    FIRST = "first"


class Refusal(StrEnum):
    """Why a student may not start an attempt now (each page and the API word it their way)."""

    NOT_OPEN = "not_open"  # before the window opens: the student sees when it opens
    CLOSED = "closed"  # after the due time, and late work is not accepted
    NO_ATTEMPTS_LEFT = "no_attempts_left"


class Status(StrEnum):
    """Where a student stands with an assignment (the home page, the teacher's table, the API)."""

    UPCOMING = "upcoming"  # not open yet
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"  # an attempt submitted, started on time
    LATE = "late"  # attempts submitted, every one started after the due time
    OVERDUE = "overdue"  # due time passed with nothing submitted; late work accepted: may start late
    MISSED = "missed"  # due time passed with nothing submitted, and late work is not accepted


@dataclass(frozen=True, slots=True)
class Taken:
    """What the status needs to know of one of the student's attempts at the assignment."""

    submitted: bool
    late: bool


@dataclass(frozen=True, slots=True)
class Window:
    """An assignment's rules as they apply to one student (``for_student`` adds an accommodation)."""

    opens_at: datetime | None = None  # None: open from the start
    due_at: datetime | None = None  # None: never closes
    time_limit: timedelta | None = None  # None: untimed
    max_attempts: int | None = 1  # None: unlimited
    accept_late: bool = False  # after the due time, attempts may start and are marked late
    ends_at_close: bool = False  # an attempt started before the close ends at the close


@dataclass(frozen=True, slots=True)
class Accommodation:
    """What one student gets beyond the assignment (an IEP or 504 plan, an adjustment)."""

    extra_time_percent: int = 0
    extra_time_minutes: int = 0
    extra_attempts: int = 0
    opens_at: datetime | None = None  # None: the assignment's
    due_at: datetime | None = None  # None: the assignment's


@dataclass(frozen=True, slots=True)
class Accommodations:
    """A student's accommodations that bear on one assignment: their own on it, and their standing
    one in its class (None: none). ``applying`` says which of them the student has."""

    own: Accommodation | None = None
    standing: Accommodation | None = None

    @property
    def applying(self) -> Accommodation | None:
        return applying(self.own, self.standing)

    @property
    def from_class(self) -> bool:
        """The standing accommodation is the one that applies."""
        return self.own is None and self.applying is not None


@dataclass(frozen=True, slots=True)
class Start:
    """The answer to "may this student start an attempt now?"."""

    refusal: Refusal | None  # None: they may
    late: bool = False  # started after the due time (late work accepted)
    deadline: datetime | None = None  # when the attempt started now would end; None: untimed

    @property
    def allowed(self) -> bool:
        return self.refusal is None


def last_due_at(
    assignment_due_at: datetime | None,
    latest_own_due_at: datetime | None,
    running_until: datetime | None = None,
) -> datetime | None:
    """The last due time of an assignment's class: its own, or the latest a student has of their
    own, or the latest deadline of a test still running under it (started before the teacher
    moved a date), whichever is latest; None: the assignment is not due, so neither is anyone.
    An ``after_due`` test's answers wait for it: no one is still taking the test when they show."""
    if assignment_due_at is None:
        return None
    return max(time for time in (assignment_due_at, latest_own_due_at, running_until) if time is not None)


def for_student(window: Window, accommodation: Accommodation | None) -> Window:
    """The window as it applies to a student with ``accommodation`` (None: the assignment's).

    Extra time lengthens the time limit (percent first, then minutes); an untimed test stays
    untimed. Extra attempts add to a limited number; unlimited stays unlimited. The student's own
    dates replace the assignment's.
    """
    if accommodation is None:
        return window
    time_limit = window.time_limit
    if time_limit is not None:
        percent = 100 + accommodation.extra_time_percent
        time_limit = time_limit * percent / 100 + timedelta(minutes=accommodation.extra_time_minutes)
    attempts = window.max_attempts
    if attempts is not None:
        attempts += accommodation.extra_attempts
    return replace(
        window,
        opens_at=accommodation.opens_at or window.opens_at,
        due_at=accommodation.due_at or window.due_at,
        time_limit=time_limit,
        max_attempts=attempts,
    )


def applying(own: Accommodation | None, standing: Accommodation | None) -> Accommodation | None:
    """The accommodation a student has on one assignment: their own on it where the teacher set
    one, else their standing one in the assignment's class (None: the assignment's terms).

    The own one replaces the standing one entirely, not field by field, as a user override
    replaces a group override in Moodle: what a teacher sets on one test is all the student has
    on it, so it can give less than the class one too (an own accommodation that gives nothing
    means "nothing extra on this test"), and what the assignment's form shows is what applies.
    A standing accommodation has no dates (dates belong to one assignment: any it carries are
    ignored), and one that gives nothing is none.
    """
    if own is not None:
        return own
    if standing is None:
        return None
    standing = replace(standing, opens_at=None, due_at=None)
    return None if standing == Accommodation() else standing


def may_start(window: Window, attempts_started: int, now: datetime) -> Start:
    """Whether a student who has started ``attempts_started`` attempts may start one at ``now``,
    and if so whether it is late and when it ends."""
    if window.opens_at is not None and now < window.opens_at:
        return Start(Refusal.NOT_OPEN)
    if window.max_attempts is not None and attempts_started >= window.max_attempts:
        return Start(Refusal.NO_ATTEMPTS_LEFT)
    late = window.due_at is not None and now >= window.due_at
    if late and not window.accept_late:
        return Start(Refusal.CLOSED)
    deadline = now + window.time_limit if window.time_limit is not None else None
    if window.ends_at_close and window.due_at is not None and not late:
        deadline = window.due_at if deadline is None else min(deadline, window.due_at)
    return Start(None, late, deadline)


def status(window: Window, taken: Sequence[Taken], now: datetime) -> Status:
    """Where a student with these attempts stands at ``now`` (``window`` is theirs: ``for_student``)."""
    if any(not attempt.submitted for attempt in taken):
        return Status.IN_PROGRESS
    submitted = [attempt for attempt in taken if attempt.submitted]
    if submitted:
        return Status.LATE if all(attempt.late for attempt in submitted) else Status.SUBMITTED
    if window.opens_at is not None and now < window.opens_at:
        return Status.UPCOMING
    if window.due_at is not None and now >= window.due_at:
        return Status.OVERDUE if window.accept_late else Status.MISSED
    return Status.NOT_STARTED


def window_problems(window: Window) -> list[str]:
    """What is wrong with an assignment's window as a teacher set it (empty: nothing)."""
    problems = []
    if window.opens_at is not None and window.due_at is not None and window.due_at <= window.opens_at:
        problems.append("the due time must come after the opening time")
    if window.max_attempts is not None and not 1 <= window.max_attempts <= MAX_ATTEMPTS:
        problems.append(f"attempts allowed: from 1 to {MAX_ATTEMPTS}, or unlimited")
    if window.time_limit is not None and window.time_limit <= timedelta(0):
        problems.append("a time limit must be at least a minute")
    if window.ends_at_close and window.due_at is None:
        problems.append("an attempt can only end at the close if there is a due time")
    return problems


def accommodation_problems(accommodation: Accommodation) -> list[str]:
    """What is wrong with an accommodation as a teacher set it (empty: nothing)."""
    problems = []
    if not 0 <= accommodation.extra_time_percent <= MAX_EXTRA_TIME_PERCENT:
        problems.append(f"extra time: from 0 to {MAX_EXTRA_TIME_PERCENT} percent")
    if not 0 <= accommodation.extra_time_minutes <= MAX_EXTRA_TIME_MINUTES:
        problems.append(f"extra time: from 0 to {MAX_EXTRA_TIME_MINUTES} minutes")
    if not 0 <= accommodation.extra_attempts <= MAX_ATTEMPTS:
        problems.append(f"extra attempts: from 0 to {MAX_ATTEMPTS}")
    opens, due = accommodation.opens_at, accommodation.due_at
    if opens is not None and due is not None and due <= opens:
        problems.append("the due time must come after the opening time")
    return problems


def standing_problems(accommodation: Accommodation) -> list[str]:
    """What is wrong with a standing accommodation (for every test of a class) as a teacher set
    it: the bounds of any accommodation, and no dates (empty: nothing)."""
    problems = accommodation_problems(accommodation)
    if accommodation.opens_at is not None or accommodation.due_at is not None:
        problems.append("an accommodation for every test of a class has no dates: set them on one assignment")
    return problems


def assignment_name(title: str | None, bank_title: str) -> str:
    """What an assignment is called wherever it is named (pages, API, exports, commands): the
    title its teacher gave it (a test and its retake of one bank), else its bank's title."""
    return title or bank_title


def clean_title(typed: str | None) -> str | None:
    """A title as it is kept: without blanks around it; None (the bank's title) when empty."""
    title = (typed or "").strip()
    return title or None


def title_problem(typed: str | None) -> str | None:
    """What is wrong with an assignment's title as typed (None: nothing; empty is the bank's)."""
    title = clean_title(typed)
    if title is None:
        return None
    return shown_text_problem(title, "a title", MAX_TITLE_LENGTH, empty_hint=" (or leave it empty)")


def window_warnings(window: Window, now: datetime) -> list[str]:
    """What a teacher should hear about a window they may save but probably did not mean (empty:
    nothing): a due time already past when it is saved."""
    if window.due_at is None or now < window.due_at:
        return []
    if window.accept_late:
        return ["the due time is already past: students can only start it late"]
    return ["the due time is already past: students cannot start it (move the due time, or accept late work)"]


def counted(percents: Sequence[Fraction], which: Counted) -> int | None:
    """The index of the attempt that counts among submitted ones, oldest first (None: none)."""
    if not percents:
        return None
    match which:
        case Counted.FIRST:
            return 0
        case Counted.LAST:
            return len(percents) - 1
        case Counted.BEST:  # the earliest of equal best scores
            return max(range(len(percents)), key=lambda index: (percents[index], -index))
