"""What results pages show: per-question reviews and per-quiz summaries, from core scores."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from quizapp import core
from quizapp.core.answer_key import (
    answer_lines,
    answer_text,
    response_feedback,
    response_lines,
    response_text,
)
from quizapp.core.attempts import AttemptMode, AttemptStatus
from quizapp.core.checkers import Check
from quizapp.core.passages import Passage, find_passages
from quizapp.core.scoring import points_earned, stored_check
from quizapp.services.attempts import AttemptState, score_of


@dataclass(frozen=True, slots=True)
class QuestionReview:
    question: core.Question
    response_text: str
    check: Check | None  # None: not answered
    answer_text: str
    passages: tuple[Passage, ...]  # the paragraphs the question quotes, its quotes marked
    answer_lines: tuple[str, ...] = ()
    response_lines: tuple[str, ...] = ()
    response_feedback: tuple[str, ...] = ()  # the teacher's words on the response (core answer_key)

    @property
    def points(self) -> Fraction:
        return points_earned(self.check, self.question) if self.check else Fraction(0)


def attempt_review(question: core.Question, response: Any, bank: core.Bank | None) -> QuestionReview:
    result = stored_check(question, response) if response is not None else None  # None: not answered
    passages = find_passages(bank.source_text, question.source_quotes) if bank and bank.source_text else ()
    return QuestionReview(
        question,
        response_text(question, response),
        result,
        answer_text(question),
        passages,
        tuple(answer_lines(question)),
        tuple(response_lines(question, response)),
        response_feedback(question, response),
    )


@dataclass(frozen=True, slots=True)
class QuizSummary:
    bank: core.Bank
    open_attempt: AttemptState | None
    tests: int  # submitted tests
    practices: int  # submitted practice rounds
    best_percent: Fraction | None
    last_percent: Fraction | None
    last_attempt: AttemptState | None


def quiz_summaries(banks: Sequence[core.Bank], attempts: Sequence[AttemptState]) -> list[QuizSummary]:
    """Per bank: the open attempt, and best and last test score (``attempts`` newest first)."""
    summaries = []
    for bank in banks:
        mine = [a for a in attempts if a.bank_slug == bank.slug]
        open_attempt = next((a for a in mine if a.status is AttemptStatus.IN_PROGRESS), None)
        tests = [a for a in mine if a.submitted and a.mode is AttemptMode.TEST]
        practices = [a for a in mine if a.submitted and a.mode is AttemptMode.PRACTICE]
        percents = [score_of(a).percent for a in tests]
        summaries.append(
            QuizSummary(
                bank=bank,
                open_attempt=open_attempt,
                tests=len(tests),
                practices=len(practices),
                best_percent=max(percents) if percents else None,
                last_percent=percents[0] if percents else None,
                last_attempt=tests[0] if tests else None,
            )
        )
    return summaries
