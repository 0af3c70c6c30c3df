"""core/assignments.py: the window and limit rules of an assigned test, over random windows,
accommodations and clock times (Hypothesis), and the cases a teacher names."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from quizapp.core.assignments import (
    MAX_TITLE_LENGTH,
    Accommodation,
    Accommodations,
    Counted,
    Refusal,
    Status,
    Taken,
    Window,
    accommodation_problems,
    applying,
    assignment_name,
    clean_title,
    counted,
    for_student,
    may_start,
    standing_problems,
    status,
    title_problem,
    window_problems,
    window_warnings,
)

T0 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)

moments = st.integers(min_value=-7 * 24 * 60, max_value=7 * 24 * 60).map(lambda m: T0 + timedelta(minutes=m))
optional_moments = st.none() | moments
limits = st.none() | st.integers(min_value=1, max_value=240).map(lambda m: timedelta(minutes=m))
windows = st.builds(
    Window,
    opens_at=optional_moments,
    due_at=optional_moments,
    time_limit=limits,
    max_attempts=st.none() | st.integers(min_value=1, max_value=5),
    accept_late=st.booleans(),
    ends_at_close=st.booleans(),
)
accommodations = st.builds(
    Accommodation,
    extra_time_percent=st.integers(min_value=0, max_value=400),
    extra_time_minutes=st.integers(min_value=0, max_value=600),
    extra_attempts=st.integers(min_value=0, max_value=5),
    opens_at=optional_moments,
    due_at=optional_moments,
)


@given(windows, st.integers(min_value=0, max_value=8), moments)
def test_a_start_is_never_allowed_outside_the_rules(window, started, now):
    start = may_start(window, started, now)
    if window.opens_at is not None and now < window.opens_at:
        assert start.refusal is Refusal.NOT_OPEN
    elif window.max_attempts is not None and started >= window.max_attempts:
        assert start.refusal is Refusal.NO_ATTEMPTS_LEFT
    elif window.due_at is not None and now >= window.due_at and not window.accept_late:
        assert start.refusal is Refusal.CLOSED
    else:
        assert start.allowed
        assert start.late is (window.due_at is not None and now >= window.due_at)
        if start.deadline is not None:
            assert start.deadline > now or (window.ends_at_close and start.deadline == window.due_at)
            if window.time_limit is not None:
                assert start.deadline <= now + window.time_limit
            if window.ends_at_close and window.due_at is not None and not start.late:
                assert start.deadline <= window.due_at
        else:
            assert window.time_limit is None and not (
                window.ends_at_close and window.due_at and not start.late
            )


@given(windows, accommodations, st.integers(min_value=0, max_value=8), moments)
def test_an_accommodation_never_takes_time_or_attempts_away(window, accommodation, started, now):
    theirs = for_student(window, accommodation)
    if window.time_limit is None:
        assert theirs.time_limit is None
    else:
        assert theirs.time_limit >= window.time_limit
    if window.max_attempts is None:
        assert theirs.max_attempts is None
    else:
        assert theirs.max_attempts == window.max_attempts + accommodation.extra_attempts
    assert theirs.opens_at == (accommodation.opens_at or window.opens_at)
    assert theirs.due_at == (accommodation.due_at or window.due_at)
    # with the same dates, whoever may start without the accommodation may start with it
    same_dates = Accommodation(
        accommodation.extra_time_percent, accommodation.extra_time_minutes, accommodation.extra_attempts
    )
    if may_start(window, started, now).allowed:
        assert may_start(for_student(window, same_dates), started, now).allowed


@given(windows, st.integers(min_value=0, max_value=8), moments)
def test_no_accommodation_is_the_assignment_itself(window, started, now):
    assert for_student(window, None) == window
    assert may_start(for_student(window, Accommodation()), started, now) == may_start(window, started, now)


@given(st.none() | accommodations, st.none() | accommodations)
def test_an_own_accommodation_replaces_the_standing_one_entirely(own, standing):
    applied = applying(own, standing)
    if own is not None:
        assert applied is own  # nothing of the standing one mixes in, not even where own gives 0
    elif standing is None:
        assert applied is None
    else:  # the standing one, without dates; one that gives nothing is none
        numbers = (standing.extra_time_percent, standing.extra_time_minutes, standing.extra_attempts)
        if numbers == (0, 0, 0):
            assert applied is None
        else:
            assert applied == Accommodation(*numbers)
    given_both = Accommodations(own, standing)
    assert given_both.applying == applied
    assert given_both.from_class is (own is None and applied is not None)


@given(windows, st.none() | accommodations, st.integers(min_value=0, max_value=8), moments)
def test_a_standing_accommodation_never_moves_a_date(window, standing, started, now):
    theirs = for_student(window, applying(None, standing))
    assert (theirs.opens_at, theirs.due_at) == (window.opens_at, window.due_at)
    start, class_start = may_start(theirs, started, now), may_start(window, started, now)
    if class_start.refusal is not Refusal.NO_ATTEMPTS_LEFT:  # only attempts and time may differ
        assert start.refusal == class_start.refusal and start.late == class_start.late


def test_an_own_accommodation_may_give_less_than_the_class_one():
    window = Window(time_limit=timedelta(minutes=30), max_attempts=1)
    standing = Accommodation(extra_time_percent=50, extra_attempts=1)
    assert for_student(window, applying(None, standing)) == replace(
        window, time_limit=timedelta(minutes=45), max_attempts=2
    )
    # on this test: 10 minutes more, and nothing of the class's 50 % or its extra attempt
    own = Accommodation(extra_time_minutes=10)
    assert for_student(window, applying(own, standing)) == replace(window, time_limit=timedelta(minutes=40))
    # "nothing extra on this test"
    assert for_student(window, applying(Accommodation(), standing)) == window


def test_a_standing_accommodation_has_the_bounds_of_any_and_no_dates():
    assert standing_problems(Accommodation(extra_time_percent=50, extra_attempts=2)) == []
    assert standing_problems(Accommodation(extra_time_percent=401)) == ["extra time: from 0 to 400 percent"]
    [problem] = standing_problems(Accommodation(due_at=T0))
    assert "no dates" in problem


def test_extra_time_adds_a_percentage_then_minutes():
    window = Window(time_limit=timedelta(minutes=30))
    theirs = for_student(window, Accommodation(extra_time_percent=50, extra_time_minutes=5))
    assert theirs.time_limit == timedelta(minutes=50)  # 30 x 1.5 + 5
    start = may_start(theirs, 0, T0)
    assert start.allowed and start.deadline == T0 + timedelta(minutes=50)


def test_the_window_as_a_student_meets_it():
    window = Window(opens_at=T0, due_at=T0 + 2 * HOUR, time_limit=HOUR, max_attempts=2)
    assert may_start(window, 0, T0 - timedelta(seconds=1)).refusal is Refusal.NOT_OPEN
    assert may_start(window, 0, T0) == may_start(window, 1, T0)  # the first and the second attempt
    assert may_start(window, 2, T0).refusal is Refusal.NO_ATTEMPTS_LEFT
    assert may_start(window, 0, T0 + 2 * HOUR).refusal is Refusal.CLOSED  # due is the end
    # started 30 minutes before the close: the whole hour, unless it ends at the close
    assert may_start(window, 0, T0 + 90 * timedelta(minutes=1)).deadline == T0 + 150 * timedelta(minutes=1)
    closing = Window(opens_at=T0, due_at=T0 + 2 * HOUR, time_limit=HOUR, ends_at_close=True)
    assert may_start(closing, 0, T0 + 90 * timedelta(minutes=1)).deadline == T0 + 2 * HOUR
    late = Window(due_at=T0, time_limit=HOUR, accept_late=True, ends_at_close=True)
    start = may_start(late, 0, T0 + HOUR)
    assert start.allowed and start.late and start.deadline == T0 + 2 * HOUR  # a late one has its hour


def test_an_accommodations_own_dates_open_a_closed_window():
    window = Window(opens_at=T0, due_at=T0 + HOUR)
    theirs = for_student(window, Accommodation(due_at=T0 + 3 * HOUR))
    assert may_start(window, 0, T0 + 2 * HOUR).refusal is Refusal.CLOSED
    assert may_start(theirs, 0, T0 + 2 * HOUR).allowed


def test_bad_windows_and_accommodations_are_named():
    assert window_problems(Window(opens_at=T0, due_at=T0 + HOUR, time_limit=HOUR)) == []
    assert window_problems(Window(opens_at=T0, due_at=T0)) == [
        "the due time must come after the opening time"
    ]
    assert window_problems(Window(max_attempts=0)) == ["attempts allowed: from 1 to 100, or unlimited"]
    assert window_problems(Window(max_attempts=-1)) == ["attempts allowed: from 1 to 100, or unlimited"]
    assert window_problems(Window(time_limit=timedelta(0))) == ["a time limit must be at least a minute"]
    assert window_problems(Window(ends_at_close=True)) == [
        "an attempt can only end at the close if there is a due time"
    ]
    assert accommodation_problems(Accommodation(extra_time_percent=50, extra_attempts=1)) == []
    assert accommodation_problems(Accommodation(extra_time_percent=401)) == [
        "extra time: from 0 to 400 percent"
    ]
    assert accommodation_problems(Accommodation(extra_time_minutes=-5)) == [
        "extra time: from 0 to 1440 minutes"
    ]
    assert accommodation_problems(Accommodation(extra_attempts=101)) == ["extra attempts: from 0 to 100"]
    assert accommodation_problems(Accommodation(opens_at=T0 + HOUR, due_at=T0)) == [
        "the due time must come after the opening time"
    ]


def test_the_counted_attempt():
    percents = [Fraction(60), Fraction(80), Fraction(80), Fraction(40)]
    assert counted(percents, Counted.BEST) == 1  # the earliest of the best
    assert counted(percents, Counted.LAST) == 3
    assert counted(percents, Counted.FIRST) == 0
    assert counted([], Counted.BEST) is None


takens = st.lists(st.builds(Taken, submitted=st.booleans(), late=st.booleans()), max_size=4)


@given(windows, takens, moments)
def test_a_status_says_where_the_student_stands(window, taken, now):
    found = status(window, taken, now)
    submitted = [attempt for attempt in taken if attempt.submitted]
    if len(submitted) < len(taken):
        assert found is Status.IN_PROGRESS
    elif submitted:
        assert found is (Status.LATE if all(a.late for a in submitted) else Status.SUBMITTED)
    elif window.opens_at is not None and now < window.opens_at:
        assert found is Status.UPCOMING
    elif window.due_at is not None and now >= window.due_at:
        assert found is (Status.OVERDUE if window.accept_late else Status.MISSED)
    else:
        assert found is Status.NOT_STARTED


def test_a_status_of_the_cases_a_teacher_names():
    window = Window(opens_at=T0, due_at=T0 + 24 * HOUR, accept_late=True)
    assert status(window, [], T0 - HOUR) is Status.UPCOMING
    assert status(window, [], T0) is Status.NOT_STARTED
    assert status(window, [Taken(submitted=False, late=False)], T0) is Status.IN_PROGRESS
    assert status(window, [], T0 + 24 * HOUR) is Status.OVERDUE  # late work accepted: may still start
    assert status(replace(window, accept_late=False), [], T0 + 24 * HOUR) is Status.MISSED
    assert status(window, [Taken(submitted=True, late=True)], T0 + 30 * HOUR) is Status.LATE
    on_time_then_late = [Taken(submitted=True, late=False), Taken(submitted=True, late=True)]
    assert status(window, on_time_then_late, T0 + 30 * HOUR) is Status.SUBMITTED


# --- titles and warnings -------------------------------------------------------------------


def test_an_assignment_is_called_by_its_title_else_by_its_banks():
    assert assignment_name("Retake", "Peacekeepers in Kosovo") == "Retake"
    assert assignment_name(None, "Peacekeepers in Kosovo") == "Peacekeepers in Kosovo"
    assert assignment_name("", "Peacekeepers in Kosovo") == "Peacekeepers in Kosovo"


def test_a_title_is_kept_without_blanks_around_it_and_empty_is_the_banks():
    assert clean_title("  Unit test 3  ") == "Unit test 3"
    assert clean_title("   ") is None and clean_title("") is None and clean_title(None) is None
    assert title_problem(None) is None and title_problem("  ") is None
    assert title_problem(" " + "x" * MAX_TITLE_LENGTH + " ") is None  # blanks around it do not count
    assert title_problem("x" * (MAX_TITLE_LENGTH + 1)) == "a title may be at most 120 characters long"
    assert title_problem("Emoji 👩\u200d🏫 and 'quotes' <b>") is None  # a joiner, markup: text, fine


def test_a_title_with_control_or_formatting_characters_or_nothing_visible_is_refused():
    for bad in ("Retake\ttwo", "Retake\x1b[2J", "Re\u202etake", "Re\u2028take", "Re\x00take"):
        assert "control or formatting" in title_problem(bad), repr(bad)
    assert "visible" in title_problem("\u3164")  # a Hangul filler draws nothing


def test_a_due_time_already_past_is_saved_with_a_warning_that_says_what_students_can_do():
    past = Window(due_at=T0 - HOUR)
    assert window_warnings(past, T0) == [
        "the due time is already past: students cannot start it (move the due time, or accept late work)"
    ]
    assert window_warnings(Window(due_at=T0 - HOUR, accept_late=True), T0) == [
        "the due time is already past: students can only start it late"
    ]
    assert window_warnings(Window(due_at=T0), T0) != []  # at the due time a start is late already
    assert window_warnings(Window(due_at=T0 + HOUR), T0) == []
    assert window_warnings(Window(), T0) == []


@given(windows, moments)
def test_the_warning_says_what_may_start_says(window, now):
    """A due time past when saved warns exactly when a start then is late or refused as closed."""
    start = may_start(replace(window, opens_at=None, max_attempts=None), 0, now)
    assert bool(window_warnings(window, now)) == (start.late or start.refusal is Refusal.CLOSED)
