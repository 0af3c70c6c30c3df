from fractions import Fraction

import pytest

from quizapp.core import ResponseError, check, score_answers
from quizapp.core.decks import deck_cards
from quizapp.core.scoring import percent, points_earned, score_question, stored_check
from tests.core.yaml_banks import bank_from

BANK = bank_from("""
    title: T
    questions:
      - {id: a, type: true_false, prompt: P, answer: true, points: 2}
      - {id: b, type: multiple, prompt: P, choices: [x, y, z], answers: [x, y]}
      - {id: c, type: short, prompt: P, accept: [Kuwait], explanation: It says so.}
    cards:
      - {id: ksf, term: KSF, definition: Kosovo Security Force}
""")


def choice(question_id, text):
    question = BANK.question(question_id)
    return next(c.id for c in question.answer.choices if c.text == text)


def test_score_sums_points_and_partial_credit():
    score = score_answers(BANK.questions, {"a": True, "b": [choice("b", "x")]})
    assert [r.points for r in score.results] == [Fraction(2), Fraction(1, 2), Fraction(0)]
    assert score.points == Fraction(5, 2) and score.max_points == 4
    assert score.percent == Fraction(125, 2)
    assert score.passed(60) and not score.passed(63)
    assert not score.results[2].check.answered


@pytest.mark.parametrize(
    ("question_id", "response"),
    [("a", ["x"]), ("b", "x"), ("b", {"x": 1}), ("c", 42), ("c", ["Kuwait"])],
)
def test_a_stored_response_of_the_wrong_shape_scores_zero_as_a_wrong_answer(question_id, response):
    question = BANK.question(question_id)
    with pytest.raises(ResponseError):  # the checker refuses it: new answers are refused so
        check(question, response)
    result = stored_check(question, response)
    assert result.fraction == 0 and result.answered and not result.correct
    assert score_question(question, response).points == 0
    score = score_answers(
        BANK.questions, {question_id: response, "a": True} if question_id != "a" else {"a": response}
    )
    assert score.results[[q.id for q in BANK.questions].index(question_id)].points == 0


def test_points_are_the_fraction_of_the_question_points():
    question = BANK.question("a")  # 2 points
    assert points_earned(stored_check(question, True), question) == 2
    assert points_earned(stored_check(question, False), question) == 0
    assert percent(Fraction(1), Fraction(3)) == Fraction(100, 3) and percent(Fraction(0), Fraction(0)) == 0


def test_empty_attempt_scores_zero():
    score = score_answers((), {})
    assert score.points == 0 and score.percent == 0


def test_every_question_and_card_is_a_flashcard():
    cards = deck_cards(BANK)
    assert [c.key for c in cards] == ["q:a", "q:b", "q:c", "card:ksf"]
    assert cards[2].back == "Kuwait" and cards[2].explanation == "It says so."
    assert cards[3].front == "KSF" and cards[3].back == "Kosovo Security Force"
