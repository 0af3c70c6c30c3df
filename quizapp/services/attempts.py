"""Attempts, for pages, API and commands alike: start, save an answer, submit, read, score.

The rules come from ``core.attempts`` (which questions, the deadline, when an attempt is
overdue) and ``core.scoring``; the statements from ``db/attempt_store.py``. What lives here is
how they combine: an open test blocks everything else at its quiz, starting a test ends an open
practice round, an overdue attempt is closed as soon as anything reads it, and quiz answers
feed the flashcard memory model (a practice answer at once where the bank shows practice
feedback at once, the others when their attempt closes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from flask import current_app

from quizapp import core
from quizapp.core.attempts import AttemptMode, AttemptStatus, deadline_for, draw_questions, is_overdue
from quizapp.core.checkers import is_blank
from quizapp.core.decks import question_card_key
from quizapp.core.disclosure import practice_correctness_at_once
from quizapp.core.model import AnswerVisibility
from quizapp.core.scheduling import grade_for_answer
from quizapp.core.scoring import score_answers, stored_check
from quizapp.db import attempt_store, study_store
from quizapp.db.attempt_store import AttemptClosed, AttemptState, AttemptSummary
from quizapp.services.question_source import questions_for

__all__ = [
    "AnswerRequired",
    "AssignedStart",
    "AttemptClosed",
    "AttemptState",
    "AttemptSummary",
    "NotStarted",
    "Started",
    "attempts_of",
    "attempts_of_users",
    "close_overdue_of",
    "feed_memory_of_closed",
    "feeds_no_memory",
    "get",
    "open_attempt",
    "open_test_blocks",
    "questions_of",
    "save_answer",
    "score_of",
    "start",
    "submit",
]


def grace() -> timedelta:
    """How late an answer may arrive after the deadline and still count (network delay)."""
    return timedelta(seconds=float(current_app.config["ANSWER_GRACE_SECONDS"]))


# --- Reads (each closes an overdue attempt on the way) ---------------------------------------


def _closed_overdue(attempts: Sequence[AttemptState], now: datetime) -> bool:
    """Close the open attempts past their deadline, as of their deadline; whether any was."""
    overdue = [a.id for a in attempts if is_overdue(a.status, a.deadline, now, grace())]
    if not overdue:
        return False
    _close(overdue, now)
    return True


def _close(overdue: Sequence[int], now: datetime) -> None:
    for attempt_id in attempt_store.close_overdue(overdue):  # only the request that closed one
        _feed_memory(attempt_id, now, closing=True)


def close_overdue_of(user_ids: Sequence[int], now: datetime) -> None:
    """Close these students' overdue attempts without reading them, for the bulk reads that
    take submitted attempts straight from the database (score exports): an attempt whose time
    ran out is then in the export as on the results pages, which close it as they read it."""
    overdue = attempt_store.overdue_attempt_ids(user_ids, now - grace())
    if overdue:
        _close(overdue, now)


def get(attempt_id: int, now: datetime, responses: bool = True) -> AttemptState | None:
    """The attempt with its responses (unless ``responses`` is False, saving a query when only
    the attempt is needed, e.g. to save an answer); an overdue one is closed first."""
    attempt = attempt_store.read_attempt(attempt_id, responses)
    if attempt is not None and _closed_overdue([attempt], now):
        return attempt_store.read_attempt(attempt_id, responses)
    return attempt


def attempts_of_users(
    user_ids: Sequence[int], now: datetime, bank_slug: str | None = None
) -> list[AttemptState]:
    """Every attempt of these students (at one quiz, or all), newest first: two queries."""
    attempts = attempt_store.read_attempts(user_ids, bank_slug)
    if _closed_overdue(attempts, now):
        return attempt_store.read_attempts(user_ids, bank_slug)
    return attempts


def attempts_of(user_id: int, now: datetime, bank_slug: str | None = None) -> list[AttemptState]:
    """A student's attempts, newest first, with their responses (two queries)."""
    return attempts_of_users([user_id], now, bank_slug)


def open_attempt(user_id: int, bank_slug: str, now: datetime) -> AttemptState | None:
    """The student's open attempt at this quiz (there is at most one), if any."""
    return next(
        (a for a in attempts_of(user_id, now, bank_slug) if a.status is AttemptStatus.IN_PROGRESS), None
    )


def questions_of(attempt: AttemptState) -> list[core.Question]:
    """The exact question versions the attempt asks, in its order."""
    return questions_for(attempt.bank_slug, attempt.items)


def score_of(attempt: AttemptState) -> core.Score:
    """The attempt's score, computed now from its stored answers."""
    return score_answers(questions_of(attempt), attempt.responses)


# --- Start ---------------------------------------------------------------------------------


def open_test_blocks(existing: AttemptState | None, mode: AttemptMode) -> bool:
    """The rule: an open test must be finished before practice of its quiz starts (practice
    would show answers the test asks). The page resumes the test; the API answers 409."""
    return existing is not None and existing.mode is AttemptMode.TEST and mode is AttemptMode.PRACTICE


class NotStarted(LookupError):
    """The attempt could not be written and no open one took its place: what it refers to (an
    assignment deleted a moment ago, a bank retired) is gone."""


@dataclass(frozen=True, slots=True)
class AssignedStart:
    """The terms an assigned test starts under (``services.assignments`` decides them)."""

    assignment_id: int
    late: bool
    deadline: datetime | None
    max_attempts: int | None  # counted again under a lock as the attempt is written


@dataclass(frozen=True, slots=True)
class Started:
    attempt: AttemptState
    resumed: bool  # the student's open attempt, not a new one
    blocked: bool  # resumed because an open test blocks the mode asked for (``open_test_blocks``)


def start(
    user_id: int,
    bank: core.Bank,
    mode: AttemptMode,
    now: datetime,
    seed: int,
    only: Sequence[str] | None = None,
    assigned: AssignedStart | None = None,
) -> Started:
    """A new attempt, or the student's open one at this quiz (there is at most one).

    Starting a test ends an open practice round (it has no stakes); an open test must be
    finished before anything else starts. ``only`` limits a practice round to those questions.
    ``assigned``: a test under an assignment, with its deadline (``NoAttemptsLeft`` if another
    tab started the last allowed attempt first). Who may start what is ``services.assignments``.
    ``LookupError``: the bank is not in the database (or not active).
    """
    existing = open_attempt(user_id, bank.slug, now)
    if existing is not None and existing.mode is AttemptMode.PRACTICE and mode is AttemptMode.TEST:
        submit(existing.id, now)
        existing = None
    if existing is None:
        hashes = {q.id: q.content_hash for q in bank.questions}
        items = tuple((key, hashes[key]) for key in draw_questions(bank, seed, mode, only=only))
        if assigned is not None:
            deadline = assigned.deadline
            terms = attempt_store.Assigned(assigned.assignment_id, assigned.late, assigned.max_attempts)
        else:
            deadline, terms = deadline_for(now, mode, bank.settings.time_limit_minutes), None
        at_once = mode is AttemptMode.PRACTICE and practice_correctness_at_once(bank.settings)
        created = attempt_store.insert_attempt(
            user_id, bank.slug, mode, seed, items, now, deadline, at_once, assigned=terms
        )
        if created is not None:
            return Started(created, resumed=False, blocked=False)
        existing = open_attempt(user_id, bank.slug, now)  # another tab started one at the same moment
        if existing is None:  # no: what it refers to went away (its assignment, deleted just now)
            raise NotStarted(bank.slug)
    return Started(existing, resumed=True, blocked=open_test_blocks(existing, mode))


# --- Answer and submit ---------------------------------------------------------------------


class AnswerRequired(Exception):
    """A blank answer sent in practice, which takes an answer (the first one stands): the student
    answers, or moves on to the next question. Refused here for the page and the API alike."""


def save_answer(attempt: AttemptState, question_key: str, response: Any, now: datetime) -> bool:
    """Store (or replace, or with a blank response clear) one answer of an open attempt.

    One statement: the answer is written only if the attempt still takes answers, so an answer
    is never stored after a submit or past the deadline. Raises ``AttemptClosed`` when it no
    longer does, ``KeyError`` when the question is not part of it. In practice the first answer
    to a question is final: returns False when one was there already; a blank one is refused
    (``AnswerRequired``). A practice answer feeds the flashcard memory model at once if the round was started
    so (``feeds_memory_at_once``: the bank showed practice correctness at once), else when the
    round closes.
    """
    if question_key not in attempt.question_ids:
        raise KeyError(question_key)
    practice = attempt.mode is AttemptMode.PRACTICE
    cutoff = now - grace()
    if is_blank(response):
        if practice:
            raise AnswerRequired(question_key)
        attempt_store.clear_answer(attempt.id, question_key, cutoff)
        return True
    written = attempt_store.store_answer(
        attempt.id, question_key, response, now, cutoff, first_stands=practice
    )
    if practice and written and attempt.feeds_memory_at_once:
        _feed_memory(attempt.id, now, only=question_key)
    return written


def submit(attempt_id: int, now: datetime) -> bool:
    """Close the attempt; True only for the call that closed it (a repeat changes nothing).
    Its answers then feed the flashcard memory model, unless they did one by one."""
    closed = attempt_store.close_attempt(attempt_id, now, grace())
    if closed is not None:
        _feed_memory(attempt_id, now, closing=True)
    return closed is not None


def feed_memory_of_closed(attempt_id: int, now: datetime) -> None:
    """Feed the flashcards with an attempt written closed (a live quiz's, ``services/live.py``)."""
    _feed_memory(attempt_id, now, closing=True)


def feeds_no_memory(attempt: AttemptState) -> bool:
    """Whether the attempt is a test under an assignment that keeps its answers back (never, or
    until the due time; stricter than its bank): then its answers feed no flashcard memory,
    whose weakest questions, retries and due cards would tell which were right. The memory is
    fed when an attempt closes, before the due time as a rule, and not later: an after-due
    test never feeds it. (What a dashboard shows of such a test is
    ``answer_disclosure.held_back``'s; a bank that never shows answers is kept by the
    disclosure rule on every path.)"""
    return attempt.assigned_show_answers in (AnswerVisibility.NEVER, AnswerVisibility.AFTER_DUE)


def _feed_memory(attempt_id: int, now: datetime, only: str | None = None, closing: bool = False) -> None:
    """Quiz answers feed the flashcard memory model: a wrong answer is Again, a right one Good
    (one of the wrong shape is wrong: ``core.scoring.stored_check``). ``closing``: the attempt
    was just closed, and feeds all its answers unless they went in one by one."""
    attempt = attempt_store.read_attempt(attempt_id)
    if attempt is None or (closing and attempt.feeds_memory_at_once):  # fed one by one already
        return
    if feeds_no_memory(attempt):
        return
    questions = {question.id: question for question in questions_of(attempt)}
    grades = [
        (question_card_key(key), grade_for_answer(stored_check(questions[key], response).correct))
        for key, response in attempt.responses.items()
        if key in questions and (only is None or key == only)
    ]
    study_store.record_reviews(attempt.user_id, attempt.bank_slug, grades, now, study_store.Source.QUIZ)
