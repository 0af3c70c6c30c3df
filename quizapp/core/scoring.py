"""Scores of a set of answers: per question, in total, as a percentage, and pass or fail.

Every score in the app comes from here (pages, API, reports, dashboards, exports): a question
earns ``fraction x points``, and a stored response of the wrong shape earns nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from quizapp.core.checkers import Check, Response, ResponseError, check
from quizapp.core.model import Question

WRONG_SHAPE = Check(Fraction(0))  # answered, and wrong


def stored_check(question: Question, response: Response) -> Check:
    """The check of a stored response; one of the wrong shape scores 0, as a wrong answer.

    A stored response can predate its question's current shape (a bank edited from choices to
    a number, say), or come from a hand-edited database: its score is then 0, never an error,
    so one old answer cannot break a results page, a report or an export. New answers are
    checked for shape before they are stored (``check_new_response``), so this is for old ones.
    """
    try:
        return check(question, response)
    except ResponseError:
        return WRONG_SHAPE


def points_earned(result: Check, question: Question) -> Fraction:
    """The points a check earns: its fraction of the question's points."""
    return result.fraction * Fraction(question.points)


def percent(points: Fraction, max_points: Fraction) -> Fraction:
    """``points`` as a percentage of ``max_points``; 0 when there is nothing to earn."""
    return points * 100 / max_points if max_points else Fraction(0)


@dataclass(frozen=True, slots=True)
class QuestionScore:
    question_id: str
    check: Check
    points: Fraction  # earned
    max_points: Fraction


@dataclass(frozen=True, slots=True)
class Score:
    results: tuple[QuestionScore, ...]
    points: Fraction
    max_points: Fraction

    @property
    def percent(self) -> Fraction:
        return percent(self.points, self.max_points)

    def passed(self, pass_mark: int) -> bool:
        return self.percent >= pass_mark


def score_question(question: Question, response: Response) -> QuestionScore:
    """One question's score (``stored_check``: a response of the wrong shape scores 0)."""
    result = stored_check(question, response)
    return QuestionScore(question.id, result, points_earned(result, question), Fraction(question.points))


def score_answers(questions: Sequence[Question], responses: Mapping[str, Response]) -> Score:
    """Score every question of an attempt; a question without a response earns nothing, and
    one whose stored response has the wrong shape earns nothing either."""
    results = tuple(score_question(q, responses.get(q.id)) for q in questions)
    return Score(
        results,
        sum((r.points for r in results), Fraction(0)),
        sum((r.max_points for r in results), Fraction(0)),
    )
