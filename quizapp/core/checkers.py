"""Checking a response: the entry points core, services, pages and API call (docs/scoring.md).

Each question type scores its own responses (``QuestionKind.check`` in
``quizapp.core.question_types``); here the blank answer, the stored form of a response, and the
one rule for an answer given now, which the test page, the learn page and the API all use.
"""

from __future__ import annotations

from quizapp.core.model import Question
from quizapp.core.question_types import question_type
from quizapp.core.responses import (
    UNANSWERED,
    Check,
    Response,
    ResponseError,
    is_blank,
)

__all__ = [
    "UNANSWERED",
    "Check",
    "Response",
    "ResponseError",
    "accept_new_response",
    "canonical_response",
    "check",
    "check_new_response",
    "is_blank",
]


def check(question: Question, response: Response) -> Check:
    """Score ``response`` to ``question``; raises ``ResponseError`` for a wrong shape."""
    if is_blank(response):
        return UNANSWERED
    return question_type(question.type).check(question.answer, response)


def canonical_response(question: Question, response: Response) -> Response:
    """The response as it is stored: None when blank, else as its type keeps it (a numeric
    answer's number as exact text, a true/false answer as a boolean)."""
    if is_blank(response):
        return None
    return question_type(question.type).canonical(response)


def check_new_response(question: Question, response: Response) -> Check:
    """``check`` for an answer being given now, refusing (``ResponseError``, with the message
    for the student) what the student should fix first: a numeric answer with no number in it,
    a text longer than its field. Answers already stored are only ever scored, with ``check``."""
    if is_blank(response):
        return UNANSWERED
    return question_type(question.type).accept(question.answer, response)


def accept_new_response(question: Question, response: Response) -> tuple[Response, Check]:
    """The one rule for an answer given now, on the pages and in the API: the response as it is
    to be stored, and its check; raises ``ResponseError`` when it is refused."""
    stored = canonical_response(question, response)
    return stored, check_new_response(question, stored)
