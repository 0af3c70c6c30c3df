"""The database side of attempts and answers.

Scores are never stored: they are computed by the core from the stored answers and the exact
question versions the attempt recorded. The rules (open, overdue, due) come from
``core.attempts``; this module applies them in statements that cannot race: a save is one
INSERT that happens only while the attempt is open, a submit one conditional UPDATE.
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import Insert, Row, Select, bindparam, delete, exists, or_, update
from sqlalchemy.dialects.postgresql import insert as postgres_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from quizapp import core
from quizapp.core.attempts import AttemptMode, AttemptStatus, ClosedBy, deadline_for, is_overdue
from quizapp.core.checkers import is_blank
from quizapp.core.decks import question_card_key
from quizapp.core.scheduling import grade_for_answer
from quizapp.db import study_store
from quizapp.db.base import db
from quizapp.db.database import begin_write
from quizapp.db.models import Answer, Attempt, Bank
from quizapp.services.question_source import questions_for


@dataclass(frozen=True, slots=True)
class AttemptState:
    id: int
    user_id: int
    bank_slug: str
    bank_title: str
    mode: AttemptMode
    status: AttemptStatus
    closed_by: ClosedBy | None
    seed: int
    items: tuple[tuple[str, str], ...]
    started_at: datetime
    deadline: datetime | None
    submitted_at: datetime | None
    responses: dict[str, Any] = field(default_factory=dict)

    @property
    def question_ids(self) -> list[str]:
        return [key for key, _ in self.items]

    @property
    def submitted(self) -> bool:
        return self.status is AttemptStatus.SUBMITTED

    @property
    def duration(self) -> timedelta | None:
        return self.submitted_at - self.started_at if self.submitted_at else None


class AttemptClosed(Exception):
    """The attempt no longer takes answers (submitted, or past its deadline)."""


def grace() -> timedelta:
    return timedelta(seconds=float(current_app.config["ANSWER_GRACE_SECONDS"]))


_ATTEMPTS = Attempt.__table__
_BANKS = Bank.__table__
_ANSWERS = Answer.__table__
# Core statements built once: the pages that show an attempt run them on every request, and
# reading rows instead of ORM entities costs a fraction of the time.
_ATTEMPT_COLUMNS = db.select(
    *_ATTEMPTS.c, _BANKS.c.slug.label("bank_slug"), _BANKS.c.title.label("bank_title")
).join(_BANKS, _BANKS.c.id == _ATTEMPTS.c.bank_id)
_ATTEMPT_BY_ID = _ATTEMPT_COLUMNS.where(_ATTEMPTS.c.id == bindparam("attempt_id"))
_RESPONSES_OF = db.select(_ANSWERS.c.attempt_id, _ANSWERS.c.question_key, _ANSWERS.c.response).where(
    _ANSWERS.c.attempt_id.in_(bindparam("attempt_ids", expanding=True))
)


def _state(row: Row, responses: dict[str, Any] | None = None) -> AttemptState:
    """An attempt from a row of ``_ATTEMPT_COLUMNS``."""
    return AttemptState(
        id=row.id,
        user_id=row.user_id,
        bank_slug=row.bank_slug,
        bank_title=row.bank_title,
        mode=AttemptMode(row.mode),
        status=AttemptStatus(row.status),
        closed_by=ClosedBy(row.closed_by) if row.closed_by else None,
        seed=row.seed,
        items=tuple((key, content_hash) for key, content_hash in row.items),
        started_at=row.started_at,
        deadline=row.deadline,
        submitted_at=row.submitted_at,
        responses=responses or {},
    )


def _responses(attempt_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    by_attempt: dict[int, dict[str, Any]] = defaultdict(dict)
    if attempt_ids:
        rows = db.session.connection().execute(_RESPONSES_OF, {"attempt_ids": list(attempt_ids)})
        for attempt_id, key, response in rows:
            by_attempt[attempt_id][key] = response
    return by_attempt


def _close_overdue(rows: Iterable[Row], now: datetime) -> bool:
    """Close open attempts past their deadline, as of their deadline; returns whether any was."""
    overdue = [row.id for row in rows if is_overdue(AttemptStatus(row.status), row.deadline, now, grace())]
    if not overdue:
        return False
    begin_write()  # ends the read transaction; the UPDATE re-checks the status itself
    closed = db.session.scalars(
        update(Attempt)
        .where(Attempt.id.in_(overdue), Attempt.status == AttemptStatus.IN_PROGRESS.value)
        .values(
            status=AttemptStatus.SUBMITTED.value,
            closed_by=ClosedBy.DEADLINE.value,
            submitted_at=Attempt.deadline,
        )
        .returning(Attempt.id)
    ).all()
    db.session.commit()
    for attempt_id in closed:  # only the request that closed an attempt feeds its answers
        _feed_memory(attempt_id, now)
    return True


def get_attempt(attempt_id: int, now: datetime, responses: bool = True) -> AttemptState | None:
    """The attempt with its responses (unless ``responses`` is False, saving a query when only
    the attempt is needed, e.g. to save an answer); an overdue one is closed first."""
    row = db.session.connection().execute(_ATTEMPT_BY_ID, {"attempt_id": attempt_id}).first()
    if row is None:
        return None
    if _close_overdue([row], now):
        return get_attempt(attempt_id, now, responses)
    return _state(row, _responses([row.id])[row.id] if responses else None)


def attempts_of(user_id: int, now: datetime, bank_slug: str | None = None) -> list[AttemptState]:
    """A student's attempts, newest first, with their responses (two queries)."""
    return attempts_of_users([user_id], now, bank_slug)


def attempts_of_users(
    user_ids: Sequence[int], now: datetime, bank_slug: str | None = None
) -> list[AttemptState]:
    """Every attempt of these students (at one quiz, or all), newest first: two queries."""
    if not user_ids:
        return []
    query = _ATTEMPT_COLUMNS.where(_ATTEMPTS.c.user_id.in_(list(user_ids))).order_by(
        _ATTEMPTS.c.started_at.desc(), _ATTEMPTS.c.id.desc()
    )
    if bank_slug is not None:
        query = query.where(_BANKS.c.slug == bank_slug)
    found = db.session.connection().execute(query).all()
    if _close_overdue(found, now):
        return attempts_of_users(user_ids, now, bank_slug)
    responses = _responses([row.id for row in found])
    return [_state(row, responses[row.id]) for row in found]


def open_attempt(user_id: int, bank_slug: str, now: datetime) -> AttemptState | None:
    for attempt in attempts_of(user_id, now, bank_slug):
        if attempt.status is AttemptStatus.IN_PROGRESS:
            return attempt
    return None


def start_attempt(
    user_id: int,
    bank: core.Bank,
    mode: AttemptMode,
    now: datetime,
    seed: int,
    only: Sequence[str] | None = None,
) -> AttemptState:
    """A new attempt, or the student's open one at this quiz (there is at most one).

    Starting a test ends an open practice round (it has no stakes); an open test must be
    finished before anything else starts.
    """
    existing = open_attempt(user_id, bank.id, now)
    if existing is not None:
        if not (existing.mode is AttemptMode.PRACTICE and mode is AttemptMode.TEST):
            return existing
        submit(existing.id, now)
    bank_id = db.session.scalar(db.select(Bank.id).where(Bank.slug == bank.id, Bank.active))
    if bank_id is None:
        raise LookupError(bank.id)
    ids = core.attempts.draw_questions(bank, seed, mode, only=only)
    hashes = {q.id: q.content_hash for q in bank.questions}
    deadline = deadline_for(now, mode, bank.settings.time_limit_minutes)
    begin_write()  # the unique index on open attempts settles a race with another tab
    row = Attempt(
        user_id=user_id,
        bank_id=bank_id,
        mode=mode.value,
        seed=seed,
        items=[[key, hashes[key]] for key in ids],
        started_at=now,
        deadline=deadline,
    )
    db.session.add(row)
    try:
        db.session.commit()
    except IntegrityError:  # another tab started one at the same moment: use that one
        db.session.rollback()
        existing = open_attempt(user_id, bank.id, now)
        if existing is None:
            raise
        return existing
    started = get_attempt(row.id, now, responses=False)
    assert started is not None  # committed just above
    return started


def _locked_attempt(attempt_id: int) -> Attempt | None:
    return db.session.scalar(db.select(Attempt).where(Attempt.id == attempt_id).with_for_update())


@functools.cache
def _open_statement(dialect: str) -> Select:
    """The attempt's id if it still takes answers (the rule of ``core.attempts.accepts_answers``,
    in SQL), share-locked on PostgreSQL so a submit waits for the answer being saved.
    Parameters: ``attempt`` and ``cutoff`` (now minus the grace period)."""
    query = db.select(_ATTEMPTS.c.id).where(
        _ATTEMPTS.c.id == bindparam("attempt"),
        _ATTEMPTS.c.status == AttemptStatus.IN_PROGRESS.value,
        or_(_ATTEMPTS.c.deadline.is_(None), _ATTEMPTS.c.deadline >= bindparam("cutoff")),
    )
    return query.with_for_update(read=True) if dialect == "postgresql" else query


@functools.cache
def _save_statement(dialect: str, practice: bool) -> Insert:
    """INSERT the answer SELECTed only if the attempt is open; RETURNING says whether a row was
    written (rowcount is -1 for this insert on PostgreSQL). Built once per engine and mode: a
    save is the app's most frequent write. Parameters: those of ``_open_statement``, ``key``,
    ``response`` and ``at``."""
    insert = postgres_insert if dialect == "postgresql" else sqlite_insert
    row = db.select(
        bindparam("attempt", type_=_ANSWERS.c.attempt_id.type),
        bindparam("key", type_=_ANSWERS.c.question_key.type),
        bindparam("response", type_=_ANSWERS.c.response.type),
        bindparam("at", type_=_ANSWERS.c.answered_at.type),
    ).where(exists(_open_statement(dialect)))
    statement = insert(_ANSWERS).from_select(["attempt_id", "question_key", "response", "answered_at"], row)
    keys = [_ANSWERS.c.attempt_id, _ANSWERS.c.question_key]
    if practice:  # the first answer stands
        statement = statement.on_conflict_do_nothing(index_elements=keys)
    else:
        statement = statement.on_conflict_do_update(
            index_elements=keys,
            set_={"response": statement.excluded.response, "answered_at": statement.excluded.answered_at},
        )
    return statement.returning(_ANSWERS.c.id)


def _is_open(attempt_id: int, now: datetime) -> bool:
    connection = db.session.connection()
    query = _open_statement(connection.dialect.name)
    return connection.execute(query, {"attempt": attempt_id, "cutoff": now - grace()}).first() is not None


def save_answer(attempt: AttemptState, question_key: str, response: Any, now: datetime) -> bool:
    """Store (or replace, or with a blank response clear) one answer of an open attempt.

    One statement: the answer is written only if the attempt still takes answers, so an answer
    is never stored after a submit or past the deadline. Raises ``AttemptClosed`` when it no
    longer does, ``KeyError`` when the question is not part of it. In practice the first answer
    to a question is final: returns False when one was there already (nothing changes).
    """
    if question_key not in attempt.question_ids:
        raise KeyError(question_key)
    begin_write()
    practice = attempt.mode is AttemptMode.PRACTICE
    if is_blank(response):
        if not practice:
            if not _is_open(attempt.id, now):
                db.session.rollback()
                raise AttemptClosed(attempt.id)
            db.session.execute(
                delete(Answer).where(Answer.attempt_id == attempt.id, Answer.question_key == question_key)
            )
        db.session.commit()
        return True
    connection = db.session.connection()
    parameters = {
        "attempt": attempt.id,
        "cutoff": now - grace(),
        "key": question_key,
        "response": response,
        "at": now,
    }
    statement = _save_statement(connection.dialect.name, practice)
    written = connection.execute(statement, parameters).first() is not None
    if not written and (not practice or not _is_open(attempt.id, now)):
        db.session.rollback()
        raise AttemptClosed(attempt.id)
    db.session.commit()
    if practice and written:  # the practice answer is final: it feeds the memory model now
        _feed_memory(attempt.id, now, only=question_key)
    return written


def submit(attempt_id: int, now: datetime) -> bool:
    """Close the attempt; True only for the call that closed it (a repeat changes nothing)."""
    begin_write()
    row = _locked_attempt(attempt_id)
    if row is None:
        db.session.rollback()
        return False
    row_mode = row.mode
    if is_overdue(AttemptStatus(row.status), row.deadline, now, grace()):
        values = {"closed_by": ClosedBy.DEADLINE.value, "submitted_at": row.deadline}
    else:
        values = {"closed_by": ClosedBy.STUDENT.value, "submitted_at": now}
    result = db.session.execute(
        update(Attempt)
        .where(Attempt.id == attempt_id, Attempt.status == AttemptStatus.IN_PROGRESS.value)
        .values(status=AttemptStatus.SUBMITTED.value, **values)
    )
    db.session.commit()
    closed = result.rowcount == 1
    if closed and row_mode == AttemptMode.TEST.value:
        _feed_memory(attempt_id, now)
    return closed


def _feed_memory(attempt_id: int, now: datetime, only: str | None = None) -> None:
    """Quiz answers feed the flashcard memory model: a wrong answer is Again, a right one Good."""
    attempt = get_attempt(attempt_id, now)
    if attempt is None:
        return
    questions = {question.id: question for question in questions_of(attempt)}
    grades = []
    for key, response in attempt.responses.items():
        if key not in questions or (only is not None and key != only):
            continue
        try:
            correct = core.check(questions[key], response).correct
        except core.ResponseError:
            correct = False
        grades.append((question_card_key(key), grade_for_answer(correct)))
    study_store.record_reviews(attempt.user_id, attempt.bank_slug, grades, now, study_store.Source.QUIZ)


def questions_of(attempt: AttemptState) -> list[core.Question]:
    return questions_for(attempt.bank_slug, attempt.items)


def score_of(attempt: AttemptState) -> core.Score:
    """The attempt's score, computed now from its stored answers."""
    return core.score_answers(questions_of(attempt), attempt.responses)


@dataclass(frozen=True, slots=True)
class AttemptSummary:
    """What an export needs of a submitted attempt (its questions and answers are read later)."""

    id: int
    user_id: int
    bank_slug: str
    bank_title: str
    mode: str
    started_at: datetime
    submitted_at: datetime


def submitted_attempts(
    user_ids: Sequence[int], bank_slug: str | None, since: datetime | None
) -> list[AttemptSummary]:
    """The submitted attempts of these students (at one quiz, since a time), by id; one query."""
    if not user_ids:
        return []
    query = (
        db.select(
            Attempt.id,
            Attempt.user_id,
            Bank.slug,
            Bank.title,
            Attempt.mode,
            Attempt.started_at,
            Attempt.submitted_at,
        )
        .join(Bank, Bank.id == Attempt.bank_id)
        .where(Attempt.user_id.in_(list(user_ids)), Attempt.status == AttemptStatus.SUBMITTED.value)
        .order_by(Attempt.id)
    )
    if bank_slug is not None:
        query = query.where(Bank.slug == bank_slug)
    if since is not None:
        query = query.where(Attempt.started_at >= since)
    shared: dict[str, str] = {}  # one copy of each bank id, title and mode for thousands of attempts
    return [
        AttemptSummary(
            row[0],
            row[1],
            shared.setdefault(row[2], row[2]),
            shared.setdefault(row[3], row[3]),
            shared.setdefault(row[4], row[4]),
            row[5],
            row[6],
        )
        for row in db.session.execute(query.execution_options(yield_per=2_000))  # not all rows at once
    ]


def attempt_items(attempt_ids: Sequence[int]) -> dict[int, tuple[tuple[str, str], ...]]:
    """The questions (id, content hash) each attempt asked, read as raw JSON (it is only looked up)."""
    connection = db.session.connection()
    postgres = connection.dialect.name == "postgresql"
    marks = ", ".join(["%s" if postgres else "?"] * len(attempt_ids))
    cursor = connection.connection.cursor()
    try:
        cursor.execute(
            f"SELECT id, {'items::text' if postgres else 'items'} FROM attempts WHERE id IN ({marks})",
            list(attempt_ids),
        )
        return {attempt_id: tuple(map(tuple, json.loads(items))) for attempt_id, items in cursor.fetchall()}
    finally:
        cursor.close()


def stream_raw_answers(attempt_ids: Sequence[int]) -> Iterator[tuple[int, str, str, str]]:
    """(attempt id, question id, response as JSON text, answered at as ISO text), attempt by attempt.

    Read with the database driver's cursor and formatted by the database: an export of a million
    answers does not decode what it only copies. Callers pass a few hundred attempts at a time.
    """
    connection = db.session.connection()
    if connection.dialect.name == "postgresql":
        marks, response = "%s", "response::text"
        answered = "to_char(answered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+00:00\"')"
    else:  # a JSON column has numeric affinity in SQLite: a bare number may come back as one
        marks = "?"
        response = (
            "CASE WHEN typeof(response) IN ('integer', 'real') THEN json_quote(response) ELSE response END"
        )
        answered = "replace(answered_at, ' ', 'T') || '+00:00'"
    placeholders = ", ".join([marks] * len(attempt_ids))
    sql = (
        f"SELECT attempt_id, question_key, {response}, {answered} FROM answers "
        f"WHERE attempt_id IN ({placeholders}) ORDER BY attempt_id, id"
    )
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql, list(attempt_ids))
        while rows := cursor.fetchmany(5_000):
            yield from rows
    finally:
        cursor.close()
