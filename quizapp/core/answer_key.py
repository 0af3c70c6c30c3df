"""The full-marks answer of each question: as text for people, and as a response for machines.

Each question type writes its own (``quizapp.core.question_types``); these are the entry points.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from quizapp.core.markdown_text import markdown_escape
from quizapp.core.model import Bank, Question
from quizapp.core.question_types import question_type
from quizapp.core.question_types.base import ARROW, format_number
from quizapp.core.responses import Response

__all__ = [
    "ARROW",
    "AnswerKeyEntry",
    "also_accepted",
    "answer_key",
    "answer_lines",
    "answer_markdown_lines",
    "answer_text",
    "format_number",
    "full_marks_response",
    "response_lines",
    "response_text",
]


def answer_text(question: Question) -> str:
    """The full-marks answer written for a human, e.g. "Kuwait" or "1999 → 2008"."""
    return question_type(question.type).answer_text(question.answer)


def answer_lines(question: Question) -> list[str]:
    """The full-marks answer as lines for a list: one per correct choice, blank, item or pair."""
    return question_type(question.type).answer_lines(question.answer)


def answer_markdown_lines(question: Question) -> list[str]:
    """``answer_lines`` as Markdown, where a flashcard shows them: a plain answer (a typed
    answer such as "__init__", a number) escaped so it shows as written."""
    kind = question_type(question.type)
    lines = kind.answer_lines(question.answer)
    return lines if kind.markdown_answer else [markdown_escape(line) for line in lines]


def response_lines(question: Question, response: Response) -> list[str]:
    """A student's response as lines, in the same form as ``answer_lines``."""
    if response in (None, "", [], {}):
        return []
    try:
        return question_type(question.type).response_lines(question.answer, response)
    except (TypeError, AttributeError):  # a stored response of the wrong shape
        return [str(response)]


def response_feedback(question: Question, response: Response) -> tuple[str, ...]:
    """What the teacher wrote for this response (a picked choice's feedback, a typed answer's, the
    question's on a right or wrong answer), if anything."""
    if response in (None, "", [], {}):
        return ()
    try:
        return question_type(question.type).response_feedback(question.answer, response)
    except (TypeError, AttributeError):  # a stored response of the wrong shape
        return ()


def response_text(question: Question, response: Response) -> str:
    """A student's response written for a human, in the words of the question; "" if none."""
    if response in (None, "", [], {}):
        return ""
    try:
        return question_type(question.type).response_text(question.answer, response)
    except (TypeError, AttributeError):  # a stored response of the wrong shape
        return str(response)


def full_marks_response(question: Question) -> Response:
    """A response, in the checkers' JSON shape, that scores full marks."""
    return question_type(question.type).full_marks_response(question.answer)


def also_accepted(question: Question) -> tuple[str, ...]:
    return question_type(question.type).also_accepted(question.answer)


@dataclass(frozen=True, slots=True)
class AnswerKeyEntry:
    """One question of a printed or exported answer key."""

    id: str
    type: str
    prompt: str
    answer_text: str
    answer_lines: tuple[str, ...]
    also_accepted: tuple[str, ...]  # other typed answers that score full marks
    explanation: str
    source_quotes: tuple[str, ...]
    points: Decimal


def answer_key(bank: Bank) -> list[AnswerKeyEntry]:
    return [
        AnswerKeyEntry(
            q.id,
            q.type,
            q.prompt,
            answer_text(q),
            tuple(answer_lines(q)),
            tuple(also_accepted(q)),
            q.explanation,
            q.source_quotes,
            q.points,
        )
        for q in bank.questions
    ]


def has_written_feedback(question: Question) -> bool:
    """Whether the teacher wrote feedback anywhere in the question (on a choice, a typed answer,
    a right or a wrong answer): its stored form names each ``feedback`` or ``entry_feedback``,
    so one look covers every type, those to come included."""
    return _holds_feedback(question_type(question.type).answer_to_dict(question.answer))


def _holds_feedback(data: object) -> bool:
    if isinstance(data, dict):
        return any(
            (key in ("feedback", "entry_feedback") and bool(value)) or _holds_feedback(value)
            for key, value in data.items()
        )
    if isinstance(data, list):
        return any(_holds_feedback(item) for item in data)
    return False
