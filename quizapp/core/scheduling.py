"""Spaced repetition with FSRS (the py-fsrs package), with time and randomness passed in.

py-fsrs draws its "fuzz" (which spreads reviews a little so cards learnt together do not all
come back on the same day) from the ``random`` module's global state and reads the clock when
no time is given. ``review`` takes both from the caller instead, so a review is exact and
repeatable: the same card, rating, time and seed always give the same next due date.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import IntEnum
from importlib.metadata import version
from typing import Any, cast

from fsrs import Card as Card  # re-exported: the database layer stores cards (db/study_store.py)
from fsrs import Rating, Scheduler, State
from fsrs.card import CardDict
from fsrs.scheduler import FUZZ_RANGES

FSRS_VERSION = version("fsrs")
MASTERED_STABILITY_DAYS = 21.0  # a card recalled at 90% three weeks on counts as mastered


class Grade(IntEnum):
    """The four answers to "how well did you remember?", as FSRS numbers them."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4

    @property
    def label(self) -> str:
        return self.name.capitalize()


def grade_for_answer(correct: bool) -> Grade:
    """A quiz answer feeds the same memory model: wrong is Again, right is Good."""
    return Grade.GOOD if correct else Grade.AGAIN


class _SeededScheduler(Scheduler):
    """py-fsrs's scheduler, with its fuzz drawn from a given random source.

    The fuzz range is py-fsrs's own (FUZZ_RANGES); only where the random number comes from
    differs.
    """

    def __init__(self, rng: random.Random, **options: Any):
        super().__init__(**options)
        self._rng = rng

    def _get_fuzzed_interval(self, *, interval: timedelta) -> timedelta:
        days = interval.days
        if days < 2.5:
            return interval
        delta = 1.0
        for fuzz in FUZZ_RANGES:
            delta += fuzz["factor"] * max(min(float(days), fuzz["end"]) - fuzz["start"], 0.0)
        low = max(2, round(days - delta))
        high = min(round(days + delta), self.maximum_interval)
        low = min(low, high)
        fuzzed = min(round(self._rng.random() * (high - low + 1) + low), self.maximum_interval)
        return timedelta(days=fuzzed)


def new_card(now: datetime) -> Card:
    """A card never reviewed, due at once. (py-fsrs would read the clock for these.)"""
    return Card(card_id=0, due=now)


def review(card: Card, grade: Grade, now: datetime, rng: random.Random | None) -> Card:
    """The card after a review at ``now``; ``rng`` None turns the fuzz off."""
    scheduler = _SeededScheduler(rng or random.Random(0), enable_fuzzing=rng is not None)
    reviewed, _log = scheduler.review_card(card, Rating(int(grade)), review_datetime=now)
    return reviewed


def preview(card: Card, now: datetime, seed: int) -> dict[Grade, timedelta]:
    """When the card would come back after each grade (with the same fuzz ``review`` will use)."""
    return {grade: review(card, grade, now, random.Random(seed)).due - now for grade in Grade}


def retrievability(card: Card, now: datetime) -> float:
    """The chance (0 to 1) that the card is recalled at ``now``; 0 for a card never reviewed."""
    return Scheduler(enable_fuzzing=False).get_card_retrievability(card, now)


def retrievability_at(stability: float | None, last_review: datetime | None, now: datetime) -> float | None:
    """Retrievability from the two stored numbers it depends on (no full card needed)."""
    if stability is None or last_review is None:
        return None
    card = Card(
        card_id=0,
        state=State.Review,
        stability=stability,
        difficulty=5.0,
        due=last_review,
        last_review=last_review,
    )
    return retrievability(card, now)


def is_mastered(card: Card) -> bool:
    return card.state is State.Review and (card.stability or 0) >= MASTERED_STABILITY_DAYS


def describe_interval(interval: timedelta) -> str:
    """ "in 10 min", "in 3 days": when a card comes back, as people say it."""
    minutes = max(1, round(interval.total_seconds() / 60))
    if minutes < 60:
        return f"in {minutes} min"
    hours = round(minutes / 60)
    if hours < 24:
        return f"in {hours} h"
    days = round(interval.total_seconds() / 86400)
    if days < 31:
        return f"in {days} day{'s' if days != 1 else ''}"
    months = round(days / 30.4)
    if months < 12:
        return f"in {months} month{'s' if months != 1 else ''}"
    years = round(days / 365.25, 1)
    return f"in {years:g} year{'s' if years != 1 else ''}"


@dataclass(frozen=True, slots=True)
class StoredCard:
    """A card's state as the database keeps it, with the py-fsrs version that wrote it."""

    fsrs_version: str
    data: dict[str, Any]


def to_stored(card: Card) -> StoredCard:
    return StoredCard(FSRS_VERSION, dict(card.to_dict()))


def from_stored(stored: StoredCard) -> Card:
    """Load a card written by this or an older py-fsrs (4.x and 5.x wrote other fields)."""
    data = stored.data
    major = int(stored.fsrs_version.split(".", 1)[0] or 0)
    return _aware(Card.from_dict(cast(CardDict, data)) if major >= 6 else _from_v4_or_v5(data))


def _from_v4_or_v5(data: dict[str, Any]) -> Card:
    """py-fsrs 4/5: states New=0, Learning=1, Review=2, Relearning=3; no learning step."""
    state = int(data.get("state", 0))
    last_review = data.get("last_review")
    stability = data.get("stability") or None
    difficulty = data.get("difficulty") or None
    if state == 0:  # "New" is gone in 6.x: a new card is a Learning card at step 0
        return Card(card_id=int(data.get("card_id", 0)), due=datetime.fromisoformat(data["due"]))
    return Card(
        card_id=int(data.get("card_id", 0)),
        state=State(state),
        step=0 if state in (1, 3) else None,
        stability=float(stability) if stability else None,
        difficulty=float(difficulty) if difficulty else None,
        due=datetime.fromisoformat(data["due"]),
        last_review=datetime.fromisoformat(last_review) if last_review else None,
    )


def _aware(card: Card) -> Card:
    """Datetimes are UTC everywhere; a stored one without a zone is taken as UTC."""
    if card.due.tzinfo is None:
        card.due = card.due.replace(tzinfo=UTC)
    if card.last_review is not None and card.last_review.tzinfo is None:
        card.last_review = card.last_review.replace(tzinfo=UTC)
    return card
