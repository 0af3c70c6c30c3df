"""Scores of a set of answers: per question, in total, as a percentage, and pass or fail."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from quizapp.core.checkers import Check, Response, check
from quizapp.core.model import Question


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
        return self.points * 100 / self.max_points if self.max_points else Fraction(0)

    def passed(self, pass_mark: int) -> bool:
        return self.percent >= pass_mark


def score_question(question: Question, response: Response) -> QuestionScore:
    result = check(question, response)
    max_points = Fraction(question.points)
    return QuestionScore(question.id, result, result.fraction * max_points, max_points)


def score_answers(questions: Sequence[Question], responses: Mapping[str, Response]) -> Score:
    """Score every question of an attempt; a question without a response earns nothing."""
    results = tuple(score_question(q, responses.get(q.id)) for q in questions)
    return Score(
        results,
        sum((r.points for r in results), Fraction(0)),
        sum((r.max_points for r in results), Fraction(0)),
    )
