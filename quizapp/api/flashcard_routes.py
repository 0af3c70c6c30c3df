"""Flashcards: the cards to study now, and ratings that schedule them (FSRS, as on the website)."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from flask_smorest import Blueprint
from marshmallow import RAISE, Schema, ValidationError, fields, pre_load, validate

from quizapp import core
from quizapp.api.common import api_blueprint, documented_errors
from quizapp.api.errors import ApiError
from quizapp.api.token_auth import current_account
from quizapp.core.decks import StudyCard, deck_cards
from quizapp.core.disclosure import Withheld
from quizapp.core.scheduling import Grade
from quizapp.services import accounts, assignments, clock, study
from quizapp.services.bank_library import BankNotFound

blueprint: Blueprint = api_blueprint(
    "Flashcards", __name__, "Cards due now, and their ratings (spaced repetition with FSRS)."
)
RATINGS = [grade.name.lower() for grade in Grade]


class DueQuerySchema(Schema):
    quiz_id = fields.String(
        validate=validate.Length(min=1, max=80), metadata={"description": "One quiz; all if absent"}
    )
    limit = fields.Integer(load_default=20, validate=validate.Range(min=1, max=200))


class FlashcardSchema(Schema):
    id = fields.String(
        required=True, metadata={"description": "quiz id:card key; rate it with POST .../reviews"}
    )
    quiz_id = fields.String(required=True)
    front = fields.String(required=True, metadata={"description": "Markdown"})
    back = fields.String(required=True, metadata={"description": "Markdown"})
    explanation = fields.String(required=True)
    new = fields.Boolean(required=True, metadata={"description": "Never studied before"})
    reviews = fields.Integer(
        required=True, metadata={"description": "Ratings so far; send it back with yours"}
    )


class DueSchema(Schema):
    cards = fields.List(fields.Nested(FlashcardSchema), required=True)
    due_count = fields.Integer(
        required=True, metadata={"description": "All cards due now (may exceed limit)"}
    )


class RatingSchema(Schema):
    rating = fields.String(required=True, validate=validate.OneOf(RATINGS))
    reviews = fields.Integer(
        validate=validate.Range(min=0),
        metadata={"description": "The card's review count when shown: a repeated rating then counts once"},
    )

    @pre_load
    def _whole_reviews(self, data: Any, **kwargs: Any) -> Any:
        """``reviews`` is a count: 3, or 3.0 (an integer to JSON Schema, so the OpenAPI document
        allows it), never 3.5, NaN or Infinity. A strict field refuses 3.0; a lenient one cuts
        3.5 to 3 and fails on Infinity. (Numbers too costly to convert never get here.)"""
        value = data.get("reviews") if isinstance(data, dict) else None
        if isinstance(value, float | Decimal) and not (math.isfinite(value) and value == int(value)):
            raise ValidationError("Not a valid integer.", "reviews")
        return data


class ReviewedSchema(Schema):
    id = fields.String(required=True)
    due = fields.DateTime(required=True)
    state = fields.String(required=True, metadata={"enum": ["learning", "review", "relearning"]})
    reviews = fields.Integer(required=True)


def _banks(bank_slug: str | None) -> list[core.Bank]:
    """The banks whose cards the caller may study now (the disclosure rule decides)."""
    account, now = current_account(), clock.now()
    if bank_slug is None:
        return study.flashcard_banks(account, assignments.visible_banks(account, now), now)
    not_found = ApiError(404, "quiz_not_found", f"There is no quiz {bank_slug[:80]!r} to study.")
    try:
        bank, shown = study.open_to_study(account, bank_slug, now)
    except BankNotFound:
        raise not_found from None
    if shown.withheld is Withheld.TEST_IN_PROGRESS:
        raise ApiError(
            409,
            "test_in_progress",
            "You have a test of this quiz in progress: its cards are back after you submit it.",
        )
    if not shown.answers:
        raise not_found
    return [bank]


def _card_json(bank: core.Bank, card: StudyCard, new: bool, reviews: int) -> dict[str, Any]:
    return {
        "id": f"{bank.slug}:{card.key}",
        "quiz_id": bank.slug,
        "front": card.front,
        "back": card.back,
        "explanation": card.explanation,
        "new": new,
        "reviews": reviews,
    }


@blueprint.route("/flashcards/due", methods=["GET"])
@blueprint.arguments(DueQuerySchema, location="query", unknown=RAISE, error_status_code=400)
@blueprint.response(200, DueSchema)
@blueprint.doc(summary="Cards to study now: due ones first, then today's new ones")
@documented_errors(blueprint, 400, 401, 404, 409)
def due_cards(query: dict[str, Any]) -> dict[str, Any]:
    account = current_account()
    now = clock.now()
    out: list[dict[str, Any]] = []
    due_count = 0
    for bank in _banks(query.get("quiz_id")):
        cards, queue = study.study_queue(account.id, bank, now, accounts.zone_of(account))
        due_count += queue.due_count
        by_key = {card.key: card for card in cards}
        wanted = [(key, False) for key in queue.due] + [(key, True) for key in queue.new]
        wanted = wanted[: max(0, query["limit"] - len(out))]
        memory = study.memory_of(account.id, bank.slug, [key for key, _ in wanted])
        for key, new in wanted:
            known = memory.get(key)
            out.append(_card_json(bank, by_key[key], new, known.reviews if known else 0))
    return {"cards": out, "due_count": due_count}


@blueprint.route("/flashcards/<card_id>/reviews", methods=["POST"])
@blueprint.arguments(RatingSchema, error_status_code=400)
@blueprint.response(200, ReviewedSchema)
@blueprint.doc(summary="Rate a card: again, hard, good or easy; returns when it is due next")
@documented_errors(blueprint, 400, 401, 404, 409, 413)
def review_card(body: dict[str, Any], card_id: str) -> dict[str, Any]:
    account = current_account()
    bank_slug, colon, key = card_id.partition(":")
    if not colon:
        raise ApiError(
            404, "card_not_found", f"There is no card {card_id[:80]!r}: a card id is QUIZ_ID:CARD_KEY."
        )
    [bank] = _banks(bank_slug)
    if key not in {card.key for card in deck_cards(bank, reverse=True)}:
        raise ApiError(404, "card_not_found", f"Quiz {bank.slug!r} has no card {key[:80]!r}.")
    grade = Grade[body["rating"].upper()]
    counted = study.rate_flashcard(account.id, bank.slug, key, grade, clock.now(), body.get("reviews"))
    memory = study.card_memory(account.id, bank.slug, key)
    if memory is None:  # a "reviews" count above 0 for a card never rated: nothing was recorded
        raise ApiError(
            409,
            "reviews_mismatch",
            "This card has no ratings yet: send the review count it was shown with (0), or none.",
            {"reviews": 0},
        )
    if not counted:
        raise ApiError(
            409,
            "already_rated",
            "This card was rated since it was shown; the rating counted once.",
            {"reviews": memory.reviews, "due": memory.card.due.isoformat()},
        )
    return {
        "id": card_id,
        "due": memory.card.due,
        "state": memory.card.state.name.lower(),
        "reviews": memory.reviews,
    }
