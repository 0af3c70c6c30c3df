from datetime import UTC, datetime, timedelta

import pytest

from quizapp.core.attempts import (
    AttemptMode,
    AttemptStatus,
    accepts_answers,
    deadline_for,
    draw_questions,
    is_overdue,
    is_test_score,
    seeded_shuffle,
)
from tests.core.yaml_banks import bank_from

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
    for mode in AttemptMode:
        assert draw_questions(bank, 5, mode) == [f"q{n}" for n in range(10)]


def test_draw_shuffles_with_the_seed():
    bank = bank_with("{shuffle_questions: true}")
    order = draw_questions(bank, 5, AttemptMode.TEST)
    assert order == draw_questions(bank, 5, AttemptMode.TEST)
    assert sorted(order) == sorted(f"q{n}" for n in range(10)) and order != [f"q{n}" for n in range(10)]


def test_a_test_draws_n_of_m_and_practice_asks_everything():
    bank = bank_with("{draw: 4, shuffle_questions: false}")
    drawn = draw_questions(bank, 9, AttemptMode.TEST)
    assert len(drawn) == 4 and drawn == sorted(drawn, key=lambda q: int(q[1:]))  # file order kept
    assert any(draw_questions(bank, s, AttemptMode.TEST) != drawn for s in range(10))
    assert len(draw_questions(bank, 9, AttemptMode.PRACTICE)) == 10


def test_a_test_asks_one_question_per_group():
    bank = bank_from("""
        title: T
        settings: {shuffle_questions: false}
        questions:
          - {id: a1, type: true_false, prompt: A1, answer: true, group: a}
          - {id: a2, type: true_false, prompt: A2, answer: true, group: a}
          - {id: b1, type: true_false, prompt: B1, answer: true, group: b}
          - {id: b2, type: true_false, prompt: B2, answer: true, group: b}
          - {id: c, type: true_false, prompt: C, answer: true}
    """)
    seen = set()
    for seed in range(20):
        drawn = draw_questions(bank, seed, AttemptMode.TEST)
        assert len(drawn) == 3 and drawn[-1] == "c"
        assert {q[0] for q in drawn[:2]} == {"a", "b"}
        seen.update(drawn)
    assert seen == {"a1", "a2", "b1", "b2", "c"}  # every member gets its turn
    assert len(draw_questions(bank, 1, AttemptMode.PRACTICE)) == 5


def test_draw_only_some_for_a_retry():
    bank = bank_with("{draw: 4}")
    assert sorted(draw_questions(bank, 1, AttemptMode.PRACTICE, only=["q7", "q2"])) == ["q2", "q7"]


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


def test_only_submitted_tests_are_test_scores():
    """Practice and live rounds are shown beside test scores, never among them; an open test is
    not scored yet."""
    assert is_test_score(AttemptMode.TEST, submitted=True)
    assert not is_test_score(AttemptMode.TEST, submitted=False)
    for mode in AttemptMode:
        if mode is not AttemptMode.TEST:
            assert not is_test_score(mode, submitted=True)
