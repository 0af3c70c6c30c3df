from itertools import pairwise

import pytest

from quizapp.core.learn import (
    MAX_TRIES,
    LearnSession,
    QuestionMemory,
    pick_questions,
    record,
    start,
    weakness,
)
from tests.core.yaml_banks import bank_from

BANK = bank_from(
    """
    title: T
    questions:
"""
    + "".join(f"      - {{id: s{n}, type: short, prompt: S{n}, accept: [x]}}\n" for n in range(6))
    + "".join(f"      - {{id: t{n}, type: true_false, prompt: T{n}, answer: true}}\n" for n in range(6))
)


def test_weakness_orders_forgotten_and_missed_before_known():
    assert weakness(None) == 1.0  # never seen
    assert weakness(QuestionMemory(0.95, 0)) < weakness(QuestionMemory(0.5, 0)) < weakness(None)
    assert weakness(QuestionMemory(0.2, 3)) > weakness(None)  # often missed beats unseen
    assert weakness(QuestionMemory(0.2, 40)) == weakness(QuestionMemory(0.2, 4))  # capped


def test_pick_takes_the_weakest_and_mixes_types():
    memory = {f"s{n}": QuestionMemory(0.99, 0) for n in range(6)}  # the short ones are known
    memory["s0"] = QuestionMemory(0.1, 2)
    picked = pick_questions(BANK, memory, seed=3, size=5)
    assert picked[0] == "s0"
    assert set(picked[1:]) <= {f"t{n}" for n in range(6)}  # unseen true/false questions next
    mixed = pick_questions(BANK, {}, seed=3, size=8)
    assert pick_questions(BANK, {}, seed=3, size=8) == mixed  # deterministic given the seed
    for seed in range(20):
        kinds = [q[0] for q in pick_questions(BANK, {}, seed=seed, size=9)]
        rest = kinds[1:]  # the weakest is asked first; the others are mixed around it
        major = max(set(rest), key=rest.count)
        more, fewer = rest.count(major), len(rest) - rest.count(major)
        fewest = max(0, more - fewer - (1 if kinds[0] != major else 0))
        repeats = sum(a == b for a, b in pairwise(kinds))
        assert repeats == fewest, kinds
    assert pick_questions(BANK, {}, seed=4, size=8) != mixed


def test_a_missed_question_comes_back_until_right():
    session = start(["a", "b", "c", "d", "e"])
    session = record(session, "a", False)
    assert session.queue == ("b", "c", "d", "a", "e")
    for question in ("b", "c", "d"):
        session = record(session, question, True)
    session = record(session, "a", True)
    session = record(session, "e", True)
    assert session.finished and session.first_try() == ["b", "c", "d", "e"] and session.later_tries() == ["a"]


def test_a_question_missed_too_often_is_left_for_later():
    session = start(["a"])
    for _ in range(MAX_TRIES):
        session = record(session, "a", False)
    assert session.finished and session.not_yet == ("a",) and session.tries["a"] == MAX_TRIES


def test_only_the_current_question_can_be_answered_and_state_round_trips():
    session = record(start(["a", "b"]), "a", False)
    with pytest.raises(ValueError):
        record(session, "a", True)
    assert LearnSession.from_dict(session.to_dict()) == session
