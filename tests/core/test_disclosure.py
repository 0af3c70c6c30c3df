"""The disclosure rule as a table: every path x every show_answers x test open or not x who looks."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizapp.core.assignments import Accommodation, Window, for_student
from quizapp.core.attempts import AttemptMode
from quizapp.core.disclosure import (
    AttemptMoment,
    Path,
    Viewer,
    Withheld,
    disclose,
    for_tests,
    held_until,
    kept_when_deleted,
    stricter,
)
from quizapp.core.model import BANK_ANSWER_VISIBILITIES, AnswerVisibility, QuizSettings

STUDENT = Viewer(teacher=False)
TESTING = Viewer(teacher=False, test_in_progress=True)
TEACHER = Viewer(teacher=True)
SUBMITTED = AttemptMoment(AttemptMode.TEST, submitted=True, answered=True)


def settings(visibility: AnswerVisibility, flashcards: bool = True) -> QuizSettings:
    return QuizSettings(show_answers=visibility, flashcards=flashcards)


def moment_for(path: Path) -> AttemptMoment | None:
    return SUBMITTED if path in (Path.ATTEMPT, Path.SOURCE) else None


@pytest.mark.parametrize(
    ("visibility", "mode", "submitted", "answered", "shown"),
    [
        (AnswerVisibility.IMMEDIATELY, AttemptMode.PRACTICE, False, False, False),
        (AnswerVisibility.IMMEDIATELY, AttemptMode.PRACTICE, False, True, True),
        (AnswerVisibility.IMMEDIATELY, AttemptMode.TEST, False, True, False),  # never during a test
        (AnswerVisibility.IMMEDIATELY, AttemptMode.TEST, True, True, True),
        (AnswerVisibility.AFTER_SUBMIT, AttemptMode.PRACTICE, False, True, False),
        (AnswerVisibility.AFTER_SUBMIT, AttemptMode.PRACTICE, True, True, True),
        (AnswerVisibility.AFTER_SUBMIT, AttemptMode.TEST, True, False, True),
        (AnswerVisibility.NEVER, AttemptMode.PRACTICE, True, True, False),
        (AnswerVisibility.NEVER, AttemptMode.TEST, True, True, False),
    ],
)
def test_an_attempt_shows_answers_when_the_bank_says(visibility, mode, submitted, answered, shown):
    result = disclose(Path.ATTEMPT, settings(visibility), STUDENT, AttemptMoment(mode, submitted, answered))
    assert result.answers is shown and result.correctness is shown
    if not shown:
        expected = Withheld.BANK_SETTING if visibility is AnswerVisibility.NEVER else Withheld.NOT_YET
        assert result.withheld is expected


@pytest.mark.parametrize("path", list(Path))
@pytest.mark.parametrize("visibility", list(AnswerVisibility))
def test_a_student_with_a_test_in_progress_sees_nothing_of_that_bank(path, visibility):
    result = disclose(path, settings(visibility), TESTING, moment_for(path))
    assert not result.correctness and not result.answers


@pytest.mark.parametrize(("path", "flashcards"), list(itertools.product(Path, [True, False])))
def test_a_never_bank_shows_students_nothing_anywhere(path, flashcards):
    result = disclose(path, settings(AnswerVisibility.NEVER, flashcards), STUDENT, moment_for(path))
    assert (result.correctness, result.answers, result.withheld) == (False, False, Withheld.BANK_SETTING)


@pytest.mark.parametrize("visibility", [AnswerVisibility.IMMEDIATELY, AnswerVisibility.AFTER_SUBMIT])
@pytest.mark.parametrize(
    ("path", "flashcards", "correctness", "answers"),
    [
        (Path.FLASHCARDS, True, True, True),
        (Path.FLASHCARDS, False, False, False),
        (Path.LEARN, True, True, True),
        (Path.LEARN, False, False, False),
        (Path.RETRY, False, True, False),
        (Path.PRACTICE_WEAKEST, False, True, False),
        (Path.PROGRESS, True, True, False),
        (Path.SOURCE, False, True, True),
    ],
)
def test_study_paths_without_a_test_in_progress(visibility, path, flashcards, correctness, answers):
    result = disclose(path, settings(visibility, flashcards), STUDENT, moment_for(path))
    assert (result.correctness, result.answers) == (correctness, answers)


@pytest.mark.parametrize("path", list(Path))
@pytest.mark.parametrize("mode", list(AttemptMode))
@pytest.mark.parametrize("visibility", BANK_ANSWER_VISIBILITIES)
def test_a_student_who_may_not_study_a_bank_sees_nothing_of_its_practice_nor_its_study_paths(
    path, mode, visibility
):
    """Its tests, live quizzes and a dashboard's progress keep what they show; practice rounds (feedback,
    results, source passages), flashcards, learn mode, retrying and the weakest questions show
    nothing, saying why (a never bank says its own reason first)."""
    moment = (
        AttemptMoment(mode, submitted=True, answered=True) if path in (Path.ATTEMPT, Path.SOURCE) else None
    )
    studying = disclose(path, settings(visibility), STUDENT, moment)
    result = disclose(path, settings(visibility), Viewer(teacher=False, studies=False), moment)
    # A live quiz's attempt keeps what it shows, as a test does: the class saw every answer revealed.
    if path is Path.PROGRESS or (moment is not None and mode in (AttemptMode.TEST, AttemptMode.LIVE)):
        assert result == studying
    elif visibility is AnswerVisibility.NEVER:
        assert result.withheld is Withheld.BANK_SETTING
    else:
        assert (result.correctness, result.answers, result.withheld) == (False, False, Withheld.STUDY_OFF)
        assert studying.correctness  # it is study being off that hides them


@pytest.mark.parametrize("path", [p for p in Path if p is not Path.ATTEMPT])
@pytest.mark.parametrize("visibility", list(AnswerVisibility))
def test_teachers_see_everything_outside_their_own_attempts(path, visibility):
    result = disclose(path, settings(visibility, flashcards=False), TEACHER)
    assert result.correctness and result.answers


def test_a_teacher_of_the_class_sees_a_students_attempt_in_full():
    moment = AttemptMoment(AttemptMode.TEST, submitted=True, answered=True, owner=False)
    result = disclose(Path.ATTEMPT, settings(AnswerVisibility.NEVER), TEACHER, moment)
    assert result.correctness and result.answers


def test_a_teacher_taking_a_quiz_sees_what_students_would():
    moment = AttemptMoment(AttemptMode.TEST, submitted=False, answered=True)
    result = disclose(Path.ATTEMPT, settings(AnswerVisibility.IMMEDIATELY), TEACHER, moment)
    assert not result.answers and result.withheld is Withheld.NOT_YET


@pytest.mark.parametrize("path", [Path.ATTEMPT, Path.SOURCE])
def test_attempt_paths_need_the_attempts_moment(path):
    with pytest.raises(ValueError, match="needs the attempt"):
        disclose(path, settings(AnswerVisibility.IMMEDIATELY), STUDENT)


# --- an assignment's "after the due time" ----------------------------------------------------

T0 = datetime(2026, 12, 1, 22, 59, tzinfo=UTC)
moments = st.integers(min_value=-72 * 60, max_value=72 * 60).map(lambda m: T0 + timedelta(minutes=m))
AFTER_DUE = settings(AnswerVisibility.AFTER_DUE)
TOLD_OF_AN_ATTEMPT = [Path.ATTEMPT, Path.SOURCE, Path.RETRY, Path.PRACTICE_WEAKEST, Path.PROGRESS]


@given(
    due=moments,
    own_due=st.none() | moments,
    now=moments,
    path=st.sampled_from(TOLD_OF_AN_ATTEMPT),
    bank=st.sampled_from(BANK_ANSWER_VISIBILITIES),
)
def test_after_the_due_time_a_submitted_test_shows_what_its_path_shows_and_before_it_nothing(
    due, own_due, now, path, bank
):
    """Over random due times, accommodations' own due times and clocks: a submitted test's
    answers and correctness show exactly from the student's own due time on (their
    accommodation's, else the assignment's), and before it the page learns until when."""
    theirs = for_student(Window(due_at=due), Accommodation(due_at=own_due) if own_due else None).due_at
    assert theirs == (own_due or due)
    shown_as = stricter(bank, AnswerVisibility.AFTER_DUE)
    moment = AttemptMoment(AttemptMode.TEST, submitted=True, answered=True, due_at=theirs)
    result = disclose(path, settings(shown_as), STUDENT, moment, now)
    if bank is AnswerVisibility.NEVER:  # the bank never shows them: stricter still
        assert (result.correctness, result.withheld) == (False, Withheld.BANK_SETTING)
    elif now >= theirs:
        after_submit = disclose(path, settings(AnswerVisibility.AFTER_SUBMIT), STUDENT, moment, now)
        assert result == after_submit and result.correctness
    else:
        assert (result.correctness, result.answers) == (False, False)
        assert (result.withheld, result.until) == (Withheld.UNTIL_DUE, theirs)


@given(due=moments, now=moments)
def test_after_the_due_time_nothing_shows_during_the_test_nor_with_another_test_open(due, now):
    during = AttemptMoment(AttemptMode.TEST, submitted=False, answered=True, due_at=due)
    assert not disclose(Path.ATTEMPT, AFTER_DUE, STUDENT, during, now).correctness
    submitted = AttemptMoment(AttemptMode.TEST, submitted=True, answered=True, due_at=due)
    shown = disclose(Path.ATTEMPT, AFTER_DUE, TESTING, submitted, now)
    assert (shown.correctness, shown.withheld) == (False, Withheld.TEST_IN_PROGRESS)


def test_after_the_due_time_needs_the_time_and_the_attempt_and_without_a_due_time_is_never():
    moment = AttemptMoment(AttemptMode.TEST, submitted=True, answered=True, due_at=T0)
    with pytest.raises(ValueError, match="after the due time"):
        disclose(Path.ATTEMPT, AFTER_DUE, STUDENT, moment)
    with pytest.raises(ValueError, match="after the due time"):
        disclose(Path.RETRY, AFTER_DUE, STUDENT, None, T0)
    undated = AttemptMoment(AttemptMode.TEST, submitted=True, answered=True, due_at=None)
    shown = disclose(Path.ATTEMPT, AFTER_DUE, STUDENT, undated, T0 + timedelta(days=999))
    assert (shown.correctness, shown.withheld) == (False, Withheld.BANK_SETTING)
    teacher_of_class = AttemptMoment(AttemptMode.TEST, True, True, owner=False, due_at=T0)
    assert disclose(Path.ATTEMPT, AFTER_DUE, TEACHER, teacher_of_class, T0 - timedelta(hours=1)).answers


def test_after_the_due_time_lies_between_after_submit_and_never():
    order = [
        AnswerVisibility.IMMEDIATELY,
        AnswerVisibility.AFTER_SUBMIT,
        AnswerVisibility.AFTER_DUE,
        AnswerVisibility.NEVER,
    ]
    for bank, assigned in itertools.product(BANK_ANSWER_VISIBILITIES, order):
        assert stricter(bank, assigned) == max(bank, assigned, key=order.index)
    assert stricter(AnswerVisibility.IMMEDIATELY, None) is AnswerVisibility.IMMEDIATELY
    assert for_tests(AnswerVisibility.IMMEDIATELY) is AnswerVisibility.AFTER_SUBMIT
    assert held_until(AnswerVisibility.AFTER_DUE, T0) == T0
    assert held_until(AnswerVisibility.AFTER_SUBMIT, T0) is None
    assert AnswerVisibility.AFTER_DUE not in BANK_ANSWER_VISIBILITIES  # a bank has no due time


@given(
    assigned=st.none() | st.sampled_from(list(AnswerVisibility)), last_due=st.none() | moments, now=moments
)
def test_a_deleted_after_due_assignment_shows_answers_only_if_every_due_time_has_passed(
    assigned, last_due, now
):
    kept = kept_when_deleted(assigned, last_due, now)
    if assigned is not AnswerVisibility.AFTER_DUE:
        assert kept is assigned
    elif last_due is not None and now >= last_due:
        assert kept is AnswerVisibility.AFTER_SUBMIT
    else:
        assert kept is AnswerVisibility.NEVER
