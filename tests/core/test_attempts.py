from datetime import UTC, datetime, timedelta

import pytest

from quizapp.core.attempts import (
    AttemptMode,
    AttemptStatus,
    accepts_answers,
    deadline_for,
    disclosure,
    draw_questions,
    is_overdue,
    seeded_shuffle,
)
from quizapp.core.model import AnswerVisibility

from .yaml_banks import bank_from

T0 = datetime(2026, 3, 9, 9, 0, tzinfo=UTC)
GRACE = timedelta(seconds=10)


def bank_with(settings: str, count: int = 10):
    questions = "".join(
        f"  - {{id: q{n}, type: true_false, prompt: P{n}, answer: true}}\n" for n in range(count)
    )
    return bank_from(f"title: T\nsettings: {settings}\nquestions:\n{questions}")


def test_seeded_shuffle_is_repeatable_and_seed_dependent():
    items = list(range(20))
    assert seeded_shuffle(items, 1, "a") == seeded_shuffle(items, 1, "a")
    assert seeded_shuffle(items, 1, "a") != seeded_shuffle(items, 2, "a")
    assert seeded_shuffle(items, 1, "a") != seeded_shuffle(items, 1, "b")
    assert sorted(seeded_shuffle(items, 1, "a")) == items


def test_draw_all_in_file_order_without_shuffle():
    bank = bank_with("{shuffle_questions: false}")
    assert draw_questions(bank, seed=5) == [f"q{n}" for n in range(10)]


def test_draw_shuffles_with_the_seed():
    bank = bank_with("{shuffle_questions: true}")
    order = draw_questions(bank, seed=5)
    assert order == draw_questions(bank, seed=5) and sorted(order) == sorted(f"q{n}" for n in range(10))
    assert order != [f"q{n}" for n in range(10)]


def test_draw_n_of_m():
    bank = bank_with("{draw: 4, shuffle_questions: false}")
    drawn = draw_questions(bank, seed=9)
    assert len(drawn) == 4 and drawn == sorted(drawn, key=lambda q: int(q[1:]))  # file order kept
    assert any(draw_questions(bank, seed=s) != drawn for s in range(10))


def test_draw_only_some_for_a_retry():
    bank = bank_with("{draw: 4}")
    assert sorted(draw_questions(bank, seed=1, only=["q7", "q2"])) == ["q2", "q7"]


def test_deadline_only_for_timed_tests():
    assert deadline_for(T0, AttemptMode.TEST, 30) == T0 + timedelta(minutes=30)
    assert deadline_for(T0, AttemptMode.TEST, None) is None
    assert deadline_for(T0, AttemptMode.PRACTICE, 30) is None


@pytest.mark.parametrize(
    ("status", "deadline", "now", "accepts", "overdue"),
    [
        (AttemptStatus.IN_PROGRESS, None, T0 + timedelta(days=9), True, False),
        (AttemptStatus.IN_PROGRESS, T0, T0, True, False),
        (AttemptStatus.IN_PROGRESS, T0, T0 + GRACE, True, False),
        (AttemptStatus.IN_PROGRESS, T0, T0 + GRACE + timedelta(microseconds=1), False, True),
        (AttemptStatus.SUBMITTED, T0, T0 - timedelta(minutes=1), False, False),
        (AttemptStatus.SUBMITTED, None, T0, False, False),
    ],
)
def test_accepting_answers_and_overdue(status, deadline, now, accepts, overdue):
    assert accepts_answers(status, deadline, now, GRACE) is accepts
    assert is_overdue(status, deadline, now, GRACE) is overdue


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
def test_disclosure_follows_the_bank_setting(visibility, mode, submitted, answered, shown):
    result = disclosure(visibility, mode, submitted, answered)
    assert result.answers is shown and result.correctness is shown
