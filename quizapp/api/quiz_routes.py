"""Quizzes: the list every user sees, and answer keys for teachers."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields

from quizapp import core
from quizapp.api.common import api_blueprint, documented_errors
from quizapp.api.token_auth import current_account, require_teacher
from quizapp.core.answer_key import answer_key, full_marks_response
from quizapp.core.attempts import AttemptMode, draw_questions
from quizapp.core.model import BANK_ANSWER_VISIBILITIES
from quizapp.core.question_types import question_types
from quizapp.services import assignments, bank_library, clock

blueprint = api_blueprint("Quizzes", __name__, "What there is to take, and answer keys for teachers.")

VISIBILITY = [v.value for v in BANK_ANSWER_VISIBILITIES]
TYPES = [kind.name for kind in question_types()]


class QuizSchema(Schema):
    id = fields.String(required=True, metadata={"description": "The bank's id (its file name without .yaml)"})
    title = fields.String(required=True)
    description = fields.String(required=True)
    question_count = fields.Integer(required=True, metadata={"description": "Questions in the bank"})
    test_question_count = fields.Integer(required=True, metadata={"description": "Questions a test asks"})
    time_limit_seconds = fields.Integer(
        required=True, allow_none=True, metadata={"description": "A test's time limit; null: untimed"}
    )
    pass_mark = fields.Integer(required=True, metadata={"description": "Percent needed to pass"})
    show_answers = fields.String(required=True, metadata={"enum": VISIBILITY})
    flashcards = fields.Boolean(
        required=True, metadata={"description": "Whether students may study it as cards"}
    )
    source_title = fields.String(required=True, allow_none=True)
    tags = fields.List(fields.String(), required=True)


class QuizListSchema(Schema):
    quizzes = fields.List(fields.Nested(QuizSchema), required=True)


class KeyEntrySchema(Schema):
    id = fields.String(required=True)
    type = fields.String(required=True, metadata={"enum": TYPES})
    prompt = fields.String(required=True)
    points = fields.Float(required=True)
    answer = fields.Raw(
        required=True,
        metadata={"description": "A response (the shape PUT .../answers takes) that scores full marks"},
    )
    answer_text = fields.String(required=True)
    also_accepted = fields.List(fields.String(), required=True)
    explanation = fields.String(required=True)
    source_quotes = fields.List(
        fields.String(),
        required=True,
        metadata={
            "description": "The quotes from the source text the answer rests on, as the bank lists them"
        },
    )
    source_quote = fields.String(
        required=True,
        metadata={
            "description": "The first of source_quotes, or empty: kept for clients written before lists",
            "deprecated": True,
        },
    )


class AnswerKeySchema(Schema):
    quiz_id = fields.String(required=True)
    questions = fields.List(fields.Nested(KeyEntrySchema), required=True)


def quiz_json(bank: core.Bank) -> dict[str, Any]:
    settings = bank.settings
    minutes = settings.time_limit_minutes
    return {
        "id": bank.slug,
        "title": bank.title,
        "description": bank.description,
        "question_count": len(bank.questions),
        "test_question_count": len(draw_questions(bank, 0, AttemptMode.TEST)),
        "time_limit_seconds": minutes * 60 if minutes else None,
        "pass_mark": settings.pass_mark,
        "show_answers": settings.show_answers.value,
        "flashcards": settings.flashcards,
        "source_title": bank.source.title if bank.source else None,
        "tags": list(bank.tags),
    }


@blueprint.route("/quizzes", methods=["GET"])
@blueprint.response(200, QuizListSchema)
@blueprint.doc(summary="The quizzes in service")
@documented_errors(blueprint, 401)
def list_quizzes() -> dict[str, Any]:
    banks = assignments.visible_banks(current_account(), clock.now())
    # a quiz whose assignment has not opened is only in GET /assignments, with when it opens
    return {"quizzes": [quiz_json(bank) for bank, allowed in banks if allowed.opened]}


@blueprint.route("/quizzes/<quiz_id>/answer-key", methods=["GET"])
@blueprint.response(200, AnswerKeySchema)
@blueprint.doc(summary="A quiz's answer key (teachers only)")
@documented_errors(blueprint, 401, 403, 404)
def get_answer_key(quiz_id: str) -> dict[str, Any]:
    require_teacher()
    bank = bank_library.bank(quiz_id)
    questions = {question.id: question for question in bank.questions}
    return {
        "quiz_id": bank.slug,
        "questions": [
            {
                "id": entry.id,
                "type": str(entry.type),
                "prompt": entry.prompt,
                "points": float(entry.points),
                "answer": full_marks_response(questions[entry.id]),
                "answer_text": entry.answer_text,
                "also_accepted": list(entry.also_accepted),
                "explanation": entry.explanation,
                "source_quotes": list(entry.source_quotes),
                "source_quote": entry.source_quotes[0] if entry.source_quotes else "",
            }
            for entry in answer_key(bank)
        ],
    }
