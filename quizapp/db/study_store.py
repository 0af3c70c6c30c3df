"""The database side of studying: flashcard memory states, review logs, learn sessions.

Each rating (flashcard, quiz answer, learn mode) goes through ``record_reviews``: the core
computes the card's next state, and the state and a log row are written in one transaction.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from quizapp import core
from quizapp.core.decks import Queue, StudyCard, StudyState, build_queue, deck_cards
from quizapp.core.learn import LearnSession, QuestionMemory
from quizapp.core.local_time import day_start, local_day
from quizapp.core.scheduling import (
    Card,
    Grade,
    StoredCard,
    from_stored,
    new_card,
    retrievability,
    review,
    to_stored,
)
from quizapp.db.base import db
from quizapp.db.database import begin_write
from quizapp.db.models import Bank, CardState, LearnSessionRow, ReviewLog, User


class Source:
    FLASHCARD = "flashcard"
    QUIZ = "quiz"
    LEARN = "learn"


def fuzz_seed(user_id: int, bank_slug: str, card_key: str, reviews: int) -> int:
    """The seed of a review's fuzz: the interval shown on a rating button is the one applied."""
    return zlib.crc32(f"{user_id}:{bank_slug}:{card_key}:{reviews}".encode())


def _bank_id(bank_slug: str) -> int | None:
    return db.session.scalar(select(Bank.id).where(Bank.slug == bank_slug))


def _card(row: CardState) -> Card:
    return from_stored(StoredCard(row.fsrs_version, row.state))


@dataclass(frozen=True, slots=True)
class CardMemory:
    card: Card
    reviews: int
    lapses: int
    last_rating: int


def memory_of(user_id: int, bank_slug: str, keys: Iterable[str] | None = None) -> dict[str, CardMemory]:
    """The student's cards of a bank (all, or those of ``keys``), in one query."""
    query = (
        select(CardState)
        .join(Bank, Bank.id == CardState.bank_id)
        .where(CardState.user_id == user_id, Bank.slug == bank_slug)
    )
    if keys is not None:
        query = query.where(CardState.card_key.in_(list(keys)))
    return {
        row.card_key: CardMemory(_card(row), row.reviews, row.lapses, row.last_rating)
        for row in db.session.scalars(query)
    }


DUE_PREFETCH = 50  # a study page needs the next due card, not all of them


def study_state(user_id: int, bank_slug: str, now: datetime, keys: Sequence[str] | None = None) -> StudyState:
    """What the study queue of a deck needs, in two or three small queries.

    The deck is the whole bank (``keys`` None) or the cards of ``keys`` (a topic's deck).
    Reverse cards once studied are reviewed in their deck whether or not new ones are wanted.
    """
    due = (
        select(CardState.card_key)
        .join(Bank, Bank.id == CardState.bank_id)
        .where(CardState.user_id == user_id, Bank.slug == bank_slug, CardState.due <= now)
    )
    if keys is not None:
        due = due.where(CardState.card_key.in_(list(keys)))
    first_due = tuple(db.session.scalars(due.order_by(CardState.due).limit(DUE_PREFETCH)))
    count = len(first_due)
    if count == DUE_PREFETCH:
        count = db.session.scalar(select(func.count()).select_from(due.subquery())) or 0
    return StudyState(studied_keys(user_id, bank_slug), first_due, count)


def study_queue(
    user_id: int,
    bank: core.Bank,
    now: datetime,
    zone: ZoneInfo,
    tag: str | None = None,
    new_reverse: bool = False,
) -> tuple[list[StudyCard], Queue]:
    """A deck (the bank's cards, or one topic's) and what to study in it now, by the daily limit
    (of the student's day: ``zone``)."""
    cards = deck_cards(bank, tag, reverse=True)
    keys = None if tag is None else [card.key for card in cards]
    queue = build_queue(
        cards,
        study_state(user_id, bank.slug, now, keys),
        new_cards_per_day(user_id),
        new_cards_started_today(user_id, now, zone),
        new_reverse=new_reverse,
    )
    return cards, queue


_STUDIED_LIMIT = 5_000


def _studied_cache() -> dict[tuple[int, str], tuple[int, frozenset[str]]]:
    cache: dict[tuple[int, str], tuple[int, frozenset[str]]]
    cache = current_app.extensions.setdefault("quizapp.studied_keys", {})
    return cache


def studied_keys(user_id: int, bank_slug: str) -> frozenset[str]:
    """The keys of the student's cards of a bank, reading only the rows added since last time.

    Card rows are only added, with growing ids, so the rows with a larger id than the largest
    seen are the new ones, on any host. A count checks it: if the rows do not add up (the
    database was restored, say), all keys are read again.
    """
    cache = _studied_cache()
    since, known = cache.get((user_id, bank_slug), (0, frozenset()))
    mine = (
        select(CardState.id, CardState.card_key)
        .join(Bank, Bank.id == CardState.bank_id)
        .where(CardState.user_id == user_id, Bank.slug == bank_slug)
    )
    rows = db.session.execute(mine.where(CardState.id > since)).all()
    total = db.session.scalar(select(func.count()).select_from(mine.subquery())) or 0
    if len(known) + len(rows) != total:
        since, known, rows = 0, frozenset(), db.session.execute(mine).all()
    if rows:
        known = known | {key for _, key in rows}
        since = max(row_id for row_id, _ in rows)
    if len(cache) >= _STUDIED_LIMIT:
        cache.clear()
    cache[(user_id, bank_slug)] = (since, known)
    return known


def new_cards_started_today(user_id: int, now: datetime, zone: ZoneInfo) -> int:
    """New flashcards begun today, the day of a student in ``zone``; cards first met in a quiz
    or learn mode do not count."""
    started = db.session.scalar(
        select(func.count())
        .select_from(CardState)
        .where(
            CardState.user_id == user_id,
            CardState.first_review >= day_start(now, zone),
            CardState.introduced_by == Source.FLASHCARD,
        )
    )
    return started or 0


def new_cards_per_day(user_id: int) -> int:
    return db.session.scalar(select(User.new_cards_per_day).where(User.id == user_id)) or 0


def set_new_cards_per_day(user_id: int, count: int) -> None:
    begin_write()
    user = db.session.get(User, user_id)
    if user is None:
        raise LookupError(f"no user {user_id}")
    user.new_cards_per_day = count
    db.session.commit()


def record_reviews(
    user_id: int,
    bank_slug: str,
    grades: Sequence[tuple[str, Grade]],
    now: datetime,
    source: str,
    expected_reviews: Mapping[str, int] | None = None,
) -> dict[str, Card]:
    """Apply ratings to the student's cards and log them; returns the new card states.

    ``expected_reviews`` (card key -> how many reviews it had when it was shown) makes a rating
    count once: a repeat (double click, back button, two tabs) finds the count moved on and is
    ignored.
    """
    if not grades:
        return {}
    begin_write()
    bank_id = _bank_id(bank_slug)
    if bank_id is None:
        raise LookupError(bank_slug)
    keys = [key for key, _ in grades]
    rows = {
        row.card_key: row
        for row in db.session.scalars(
            select(CardState)
            .where(CardState.user_id == user_id, CardState.bank_id == bank_id, CardState.card_key.in_(keys))
            .with_for_update()
        )
    }
    updated: dict[str, Card] = {}
    for key, grade in grades:
        row = rows.get(key)
        reviews = row.reviews if row is not None else 0
        if expected_reviews is not None and expected_reviews.get(key) != reviews:
            continue  # rated already
        card = _card(row) if row is not None else new_card(now)
        card = review(card, grade, now, random.Random(fuzz_seed(user_id, bank_slug, key, reviews)))
        stored = to_stored(card)
        if row is None:
            row = CardState(
                user_id=user_id,
                bank_id=bank_id,
                card_key=key,
                first_review=now,
                introduced_by=source,
                reviews=0,
                lapses=0,
            )
            db.session.add(row)
            rows[key] = row
        row.fsrs_version, row.state = stored.fsrs_version, stored.data
        row.due, row.stability, row.last_review = card.due, card.stability, now
        row.reviews = reviews + 1
        row.lapses = (row.lapses or 0) + (grade is Grade.AGAIN)
        row.last_rating = int(grade)
        db.session.add(
            ReviewLog(
                user_id=user_id,
                bank_id=bank_id,
                card_key=key,
                rating=int(grade),
                source=source,
                reviewed_at=now,
            )
        )
        updated[key] = card
    try:
        db.session.commit()
    except IntegrityError:  # the same new card rated at the same moment elsewhere: that one counts
        db.session.rollback()
        if expected_reviews is None:
            raise
        return {}
    return updated


def question_memory(user_id: int, bank_slug: str, now: datetime) -> dict[str, QuestionMemory]:
    """Per question of the bank: how likely it is recalled now, and how often it was missed."""
    memory = {}
    for key, card in memory_of(user_id, bank_slug).items():
        if key.startswith("q:") and not key.endswith(":reverse"):
            memory[key[2:]] = QuestionMemory(
                retrievability(card.card, now), card.lapses, card.last_rating == Grade.AGAIN
            )
    return memory


# --- the dashboard's few queries ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CardSummary:
    user_id: int
    bank_slug: str
    key: str
    due: datetime
    stability: float | None
    last_review: datetime
    lapses: int
    last_rating: int


def card_summaries(user_ids: Sequence[int]) -> list[CardSummary]:
    """Every card of these students, with the figures the dashboards need (one query, no JSON)."""
    if not user_ids:
        return []
    rows = db.session.execute(
        select(
            CardState.user_id,
            Bank.slug,
            CardState.card_key,
            CardState.due,
            CardState.stability,
            CardState.last_review,
            CardState.lapses,
            CardState.last_rating,
        )
        .join(Bank, Bank.id == CardState.bank_id)
        .where(CardState.user_id.in_(list(user_ids)))
    )
    return [CardSummary(*row) for row in rows]


def study_days(user_id: int, since: datetime, zone: ZoneInfo) -> set[date]:
    """The days with at least one rating since ``since``, the days of a person in ``zone`` (one
    query for the times of the ratings, each put on its local day here: a database's own date
    function would give UTC days)."""
    rows = db.session.scalars(
        select(ReviewLog.reviewed_at)
        .where(ReviewLog.user_id == user_id, ReviewLog.reviewed_at >= since)
        .distinct()
    )
    return {local_day(moment, zone) for moment in rows}


# --- learn sessions ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LearnState:
    id: int
    user_id: int
    bank_slug: str
    items: tuple[tuple[str, str], ...]
    session: LearnSession
    finished: bool


def start_learn_session(
    user_id: int,
    bank_slug: str,
    items: Sequence[tuple[str, str]],
    seed: int,
    session: LearnSession,
    now: datetime,
) -> int:
    begin_write()
    row = LearnSessionRow(
        user_id=user_id,
        bank_id=_bank_id(bank_slug),
        seed=seed,
        items=[list(item) for item in items],
        state=session.to_dict(),
        started_at=now,
    )
    db.session.add(row)
    db.session.commit()
    return row.id


def learn_session(session_id: int) -> LearnState | None:
    found = db.session.execute(
        select(LearnSessionRow, Bank.slug)
        .join(Bank, Bank.id == LearnSessionRow.bank_id)
        .where(LearnSessionRow.id == session_id)
    ).first()
    if found is None:
        return None
    row, slug = found
    return LearnState(
        row.id,
        row.user_id,
        slug,
        tuple((k, h) for k, h in row.items),
        LearnSession.from_dict(row.state),
        row.finished_at is not None,
    )


def save_learn_session(
    session_id: int, expected: dict[str, Any], session: LearnSession, now: datetime
) -> bool:
    """Store the session's new state unless it changed meanwhile (a double post); True if stored."""
    begin_write()
    row = db.session.scalar(select(LearnSessionRow).where(LearnSessionRow.id == session_id).with_for_update())
    if row is None or row.state != expected:
        db.session.rollback()
        return False
    row.state = session.to_dict()
    if session.finished:
        row.finished_at = now
    db.session.commit()
    return True
