"""Studying, for the pages and the API alike: flashcard queues and ratings, learn sessions,
and the weakest questions to practice.

The card states live in the database (``study_store``); the scheduling is the core's. A
rating made on the website or through the API goes through the same function here, so both
count it once and schedule it the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from quizapp import core
from quizapp.core.decks import Queue, StudyCard, question_card_key
from quizapp.core.disclosure import Disclosure, Path
from quizapp.core.learn import LearnSession, pick_questions, record, start
from quizapp.core.progress import weakest
from quizapp.core.scheduling import Grade, grade_for_answer, new_card, preview
from quizapp.core.visibility import BankAccess
from quizapp.db import study_store
from quizapp.db.account_store import Account
from quizapp.db.study_store import CardMemory, LearnState
from quizapp.services import answer_disclosure, assignments

__all__ = [
    "CardMemory",
    "LearnState",
    "card_memory",
    "flashcard_banks",
    "memory_of",
    "new_cards_per_day",
    "open_to_study",
    "own_learn_session",
    "rate_flashcard",
    "rating_preview",
    "record_learn_answer",
    "set_new_cards_per_day",
    "start_learn_session",
    "study_queue",
    "weakest_questions",
]


def flashcard_banks(
    account: Account,
    visible: Iterable[tuple[core.Bank, BankAccess]],
    now: datetime,
    open_tests: frozenset[str] | None = None,
) -> list[core.Bank]:
    """Of the banks the account may see (``assignments.visible_banks``), those whose flashcards
    count for it now: it may study the bank (``BankAccess.study``, from its assignments) and the
    disclosure rule shows the cards' answers (the bank has flashcards, no test of it is in
    progress). The API's due cards and progress, and the progress page, count these alone.
    ``open_tests``: as for ``answer_disclosure.for_bank`` (a query per bank without it)."""

    def shown(bank: core.Bank) -> bool:
        return answer_disclosure.for_bank(Path.FLASHCARDS, account, bank, now, open_tests).answers

    return [bank for bank, allowed in visible if allowed.study and shown(bank)]


def open_to_study(
    account: Account, bank_slug: str, now: datetime, path: Path = Path.FLASHCARDS
) -> tuple[core.Bank, Disclosure]:
    """One bank to study on ``path`` (flashcards, learn mode), by the rule of ``flashcard_banks``:
    the bank if the account may study it (``BankNotFound`` otherwise), and what the disclosure
    rule shows of it; it is open to study where that shows ``answers``, and ``withheld`` says
    why not (a test in progress: back once it is submitted). The study pages and the API's due
    cards of one quiz ask here."""
    bank = assignments.study_bank(account, bank_slug, now)
    return bank, answer_disclosure.for_bank(path, account, bank, now)


def study_queue(
    user_id: int,
    bank: core.Bank,
    now: datetime,
    zone: ZoneInfo,
    tag: str | None = None,
    new_reverse: bool = False,
) -> tuple[list[StudyCard], Queue]:
    """A deck (the bank's cards, or one topic's) and what to study in it now: the deck page,
    the study page, the API's due cards and the progress summary all count the same queue.
    ``zone`` is the student's: the daily limit of new cards counts from their midnight."""
    return study_store.study_queue(user_id, bank, now, zone, tag, new_reverse)


def new_cards_per_day(user_id: int) -> int:
    """The student's own limit of new cards a day (the deck page's setting shows it)."""
    return study_store.new_cards_per_day(user_id)


def set_new_cards_per_day(user_id: int, count: int) -> None:
    """Change the student's limit of new cards a day (every deck of theirs follows it)."""
    study_store.set_new_cards_per_day(user_id, count)


def memory_of(user_id: int, bank_slug: str, keys: Iterable[str]) -> dict[str, CardMemory]:
    """What the student's cards ``keys`` of a bank remember (reviews, due date), in one query:
    the API sends each card's review count with it, to make a repeated rating count once."""
    return study_store.memory_of(user_id, bank_slug, keys)


def card_memory(user_id: int, bank_slug: str, card_key: str) -> CardMemory | None:
    """One card's state after a rating (None: never rated), for the API's answer to it."""
    return study_store.memory_of(user_id, bank_slug, [card_key]).get(card_key)


def rating_preview(
    user_id: int, bank_slug: str, card_key: str, now: datetime
) -> tuple[dict[Grade, timedelta], int]:
    """When the card would come back after each rating, and its review count: the flipped
    card's buttons say it, with the same fuzz the rating then applies."""
    memory = card_memory(user_id, bank_slug, card_key)
    state = memory.card if memory else new_card(now)
    reviews = memory.reviews if memory else 0
    seed = study_store.fuzz_seed(user_id, bank_slug, card_key, reviews)
    return preview(state, now, seed), reviews


def rate_flashcard(
    user_id: int, bank_slug: str, card_key: str, grade: Grade, now: datetime, expected_reviews: int | None
) -> bool:
    """Schedule a flashcard after its rating; whether the rating counted.

    ``expected_reviews``: the card's review count when it was shown; a repeated rating (double
    click, back button, a client's retry) then finds it moved on and is not counted twice.
    """
    expected = None if expected_reviews is None else {card_key: expected_reviews}
    updated = study_store.record_reviews(
        user_id, bank_slug, [(card_key, grade)], now, study_store.Source.FLASHCARD, expected_reviews=expected
    )
    return card_key in updated


def weakest_questions(user_id: int, bank: core.Bank, now: datetime) -> list[str]:
    """The ids of the student's weakest questions of a bank (at most ten): a practice round of
    them is offered on the quiz page."""
    memory = study_store.question_memory(user_id, bank.slug, now)
    return weakest(memory, [question.id for question in bank.questions])


def start_learn_session(user_id: int, bank: core.Bank, now: datetime, seed: int) -> int:
    """A new learn session of the student's weakest questions of ``bank``; its id.

    The session keeps each question's version (content hash), so a bank edited meanwhile
    still asks the questions the session began with.
    """
    memory = study_store.question_memory(user_id, bank.slug, now)
    ids = pick_questions(bank, memory, seed)
    hashes = {question.id: question.content_hash for question in bank.questions}
    return study_store.start_learn_session(
        user_id, bank.slug, [(key, hashes[key]) for key in ids], seed, start(ids), now
    )


def own_learn_session(session_id: int, user_id: int) -> LearnState | None:
    """The learn session if ``user_id`` began it; anyone else's is "not found"."""
    state = study_store.learn_session(session_id)
    return state if state is not None and state.user_id == user_id else None


def record_learn_answer(state: LearnState, question_id: str, correct: bool, now: datetime) -> LearnSession:
    """Move the learn session on after an answer, and rate the question's card by it; the session
    as it is after the answer (for the feedback page's progress bar).

    The card is rated only if the session was still as shown: a reload of the feedback page
    re-sends the answer, and it must not count twice.
    """
    after = record(state.session, question_id, correct)
    if study_store.save_learn_session(state.id, state.session.to_dict(), after, now):
        study_store.record_reviews(
            state.user_id,
            state.bank_slug,
            [(question_card_key(question_id), grade_for_answer(correct))],
            now,
            study_store.Source.LEARN,
        )
    return after
