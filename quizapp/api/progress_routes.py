"""A user's own progress: per quiz, attempts and best and last test score; cards due now."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields

from quizapp.api.common import api_blueprint, documented_errors
from quizapp.api.token_auth import current_account
from quizapp.services import accounts, answer_disclosure, assignments, attempts, clock, study
from quizapp.services.export_formats import number
from quizapp.services.results import quiz_summaries

blueprint = api_blueprint("Progress", __name__, "Your own scores, and the flashcards due.")


class QuizProgressSchema(Schema):
    quiz_id = fields.String(required=True)
    title = fields.String(required=True)
    tests = fields.Integer(required=True, metadata={"description": "Submitted tests"})
    practices = fields.Integer(required=True, metadata={"description": "Submitted practice rounds"})
    best_percent = fields.Float(required=True, allow_none=True, metadata={"description": "Best test score"})
    last_percent = fields.Float(required=True, allow_none=True, metadata={"description": "Latest test score"})
    open_attempt_id = fields.Integer(required=True, allow_none=True)
    cards_due = fields.Integer(
        required=True, allow_none=True, metadata={"description": "null: no flashcards"}
    )
    cards_new = fields.Integer(
        required=True, allow_none=True, metadata={"description": "New cards for today"}
    )


class ProgressSchema(Schema):
    quizzes = fields.List(fields.Nested(QuizProgressSchema), required=True)
    cards_due = fields.Integer(required=True, metadata={"description": "Flashcards due now, in every quiz"})


@blueprint.route("/me/progress", methods=["GET"])
@blueprint.response(200, ProgressSchema)
@blueprint.doc(summary="Your progress")
@documented_errors(blueprint, 401)
def my_progress() -> dict[str, Any]:
    account = current_account()
    now = clock.now()
    visible = [(bank, allowed) for bank, allowed in assignments.visible_banks(account, now) if allowed.opened]
    banks = [bank for bank, _ in visible]
    mine = attempts.attempts_of(account.id, now)
    open_tests = answer_disclosure.tests_in_progress(mine)
    with_cards = {bank.slug for bank in study.flashcard_banks(account, visible, now, open_tests)}
    quizzes = []
    for summary in quiz_summaries(banks, mine):
        due = new = None
        if summary.bank.slug in with_cards:
            _, queue = study.study_queue(account.id, summary.bank, now, accounts.zone_of(account))
            due, new = queue.due_count, len(queue.new)
        quizzes.append(
            {
                "quiz_id": summary.bank.slug,
                "title": summary.bank.title,
                "tests": summary.tests,
                "practices": summary.practices,
                "best_percent": None if summary.best_percent is None else number(summary.best_percent),
                "last_percent": None if summary.last_percent is None else number(summary.last_percent),
                "open_attempt_id": summary.open_attempt.id if summary.open_attempt else None,
                "cards_due": due,
                "cards_new": new,
            }
        )
    return {"quizzes": quizzes, "cards_due": sum(q["cards_due"] or 0 for q in quizzes)}
