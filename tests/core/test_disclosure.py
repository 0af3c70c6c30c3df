"""The disclosure rule as a table: every path x every show_answers x test open or not x who looks."""

from __future__ import annotations

import itertools

import pytest

from quizapp.core.attempts import AttemptMode
from quizapp.core.disclosure import AttemptMoment, Path, Viewer, Withheld, disclose
from quizapp.core.model import AnswerVisibility, QuizSettings

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
