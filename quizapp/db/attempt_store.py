"""The database side of attempts and answers: reads, and writes that cannot race.

Scores are never stored: they are computed by the core from the stored answers and the exact
question versions the attempt recorded. The use cases (start, save, submit, closing overdue
attempts, feeding flashcards) are ``services/attempts.py``; this module only runs their
statements, so that a save is one INSERT that happens only while the attempt is open, and a
submit one conditional UPDATE.

One way to talk to the database: SQLAlchemy Core statements, run on the session's connection
(so they share its transaction and ``begin_write``), rows read by column name. The statements
the pages run on every request are built once, below, each saying why.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CursorResult,
    Executable,
    Insert,
    String,
    Table,
    Text,
    bindparam,
    case,
    cast,
    delete,
    exists,
    func,
    insert,
    literal,
    or_,
    type_coerce,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from quizapp.core.assignments import last_due_at
from quizapp.core.attempts import AttemptMode, AttemptStatus, ClosedBy, is_overdue
from quizapp.core.model import AnswerVisibility
from quizapp.db.base import db
from quizapp.db.database import begin_write
from quizapp.db.models import Accommodation as AccommodationRow
from quizapp.db.models import Answer, Assignment, Attempt, Bank, User

Items = tuple[tuple[str, str], ...]  # the questions an attempt asks: (question id, content hash)


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
    items: Items
    started_at: datetime
    deadline: datetime | None
    submitted_at: datetime | None
    responses: dict[str, Any] = field(default_factory=dict)
    feeds_memory_at_once: bool = False  # its answers feed the flashcards as given (else at close)
    assignment_id: int | None = None  # the assignment a test was taken under
    late: bool = False  # started after the assignment's due time (late work accepted)
    assigned_show_answers: AnswerVisibility | None = None  # its assignment's, if stricter than the bank's
    assignment_title: str | None = None  # the title its assignment's teacher gave it (a retake)
    # The last due time under its assignment: the assignment's, or a student's own where later
    # (None: no assignment, or none due); ``after_due`` answers wait for it, so that no one is
    # still to take the test when they show.
    answers_due_at: datetime | None = None

    @property
    def question_ids(self) -> list[str]:
        return [key for key, _ in self.items]

    @property
    def submitted(self) -> bool:
        return self.status is AttemptStatus.SUBMITTED

    @property
    def duration(self) -> timedelta | None:
        return self.submitted_at - self.started_at if self.submitted_at else None


@dataclass(frozen=True, slots=True)
class AttemptSummary:
    """What an export needs of a submitted attempt (its questions and answers are read later)."""

    id: int
    user_id: int
    bank_slug: str
    bank_title: str
    mode: AttemptMode
    started_at: datetime
    submitted_at: datetime
    late: bool = False  # started after its assignment's due time (late work accepted)


class AttemptClosed(Exception):
    """The attempt no longer takes answers (submitted, or past its deadline)."""


class NoAttemptsLeft(Exception):
    """The student has started every attempt an assignment allows them (counted under a lock)."""


@dataclass(frozen=True, slots=True)
class Assigned:
    """An assigned test's terms for the attempt about to start (``core.assignments.may_start``)."""

    assignment_id: int
    late: bool
    max_attempts: int | None  # None: unlimited


_ATTEMPTS = Attempt.__table__
_BANKS = Bank.__table__
_ANSWERS = Answer.__table__
_ASSIGNMENTS = Assignment.__table__
_ACCOMMODATIONS = AccommodationRow.__table__


def _run(statement: Executable, parameters: dict[str, Any] | None = None) -> CursorResult[Any]:
    """Run a Core statement in the session's transaction (no ORM work per statement)."""
    return db.session.connection().execute(statement, parameters)


def _dialect() -> str:
    return db.session.connection().dialect.name


# --- Prebuilt statements -------------------------------------------------------------------

# The latest due time any student has under the attempt's assignment (an accommodation's own),
# None if none has one: with the assignment's, when an ``after_due`` test's answers come out.
_LATEST_OWN_DUE = (
    db.select(func.max(_ACCOMMODATIONS.c.due_at))
    .where(_ACCOMMODATIONS.c.assignment_id == _ATTEMPTS.c.assignment_id)
    .scalar_subquery()
)
# The latest deadline of a test still running under the attempt's assignment (a date moved or an
# accommodation taken away after it started does not shorten it): answers wait for it too.
_RUNNING = _ATTEMPTS.alias("running")
_RUNNING_UNTIL = (
    db.select(func.max(_RUNNING.c.deadline))
    .where(_RUNNING.c.assignment_id == _ATTEMPTS.c.assignment_id, _RUNNING.c.status == "in_progress")
    .scalar_subquery()
)
# Prebuilt: every page of an attempt reads it (the question page is the app's most viewed).
# With the show_answers of the attempt's assignment (None: none, or the bank's) and the last
# due time of its class (the assignment's, or a student's own where later: no one may still be
# taking it when its answers show), which decide what its pages may show: read with the
# attempt rather than in queries of their own.
_ATTEMPT_COLUMNS = (
    db.select(
        *_ATTEMPTS.c,
        _BANKS.c.slug.label("bank_slug"),
        _BANKS.c.title.label("bank_title"),
        func.coalesce(_ASSIGNMENTS.c.show_answers, _ATTEMPTS.c.kept_show_answers).label(
            "assigned_show_answers"
        ),
        _ASSIGNMENTS.c.due_at.label("assignment_due_at"),
        _ASSIGNMENTS.c.title.label("assignment_title"),
        _LATEST_OWN_DUE.label("latest_own_due_at"),
        _RUNNING_UNTIL.label("running_until"),
    )
    .join(_BANKS, _BANKS.c.id == _ATTEMPTS.c.bank_id)
    .outerjoin(_ASSIGNMENTS, _ASSIGNMENTS.c.id == _ATTEMPTS.c.assignment_id)
)
# Prebuilt: one attempt, on every page and API call of an attempt.
_ATTEMPT_BY_ID = _ATTEMPT_COLUMNS.where(_ATTEMPTS.c.id == bindparam("attempt_id"))
# Prebuilt: the answers of the attempts just read, on every page of an attempt.
_RESPONSES_OF = db.select(_ANSWERS.c.attempt_id, _ANSWERS.c.question_key, _ANSWERS.c.response).where(
    _ANSWERS.c.attempt_id.in_(bindparam("attempt_ids", expanding=True))
)
# Prebuilt: asked before every answer is written. The attempt's id if it still takes answers
# (``core.attempts.accepts_answers`` in SQL), share-locked on PostgreSQL (SQLite ignores the
# lock: its write lock is already held) so that a submit waits for the answer being saved.
_OPEN_ATTEMPT = (
    db.select(_ATTEMPTS.c.id)
    .where(
        _ATTEMPTS.c.id == bindparam("attempt_id", type_=_ATTEMPTS.c.id.type),
        _ATTEMPTS.c.status == AttemptStatus.IN_PROGRESS.value,
        or_(_ATTEMPTS.c.deadline.is_(None), _ATTEMPTS.c.deadline >= bindparam("cutoff")),
    )
    .with_for_update(read=True)
)


def _save_answer_statement(
    dialect_insert: Callable[[Table], sqlite.Insert | postgresql.Insert], first_stands: bool
) -> Insert:
    """INSERT the answer SELECTed only if the attempt is open (``_OPEN_ATTEMPT``); RETURNING
    says whether a row was written (rowcount is -1 for this insert on PostgreSQL). Practice
    keeps the first answer; a test replaces it. An upsert is dialect SQL, hence one per dialect.
    """
    answer = db.select(
        bindparam("attempt_id", type_=_ANSWERS.c.attempt_id.type),
        bindparam("key", type_=_ANSWERS.c.question_key.type),
        bindparam("response", type_=_ANSWERS.c.response.type),
        bindparam("at", type_=_ANSWERS.c.answered_at.type),
    ).where(exists(_OPEN_ATTEMPT))
    statement = dialect_insert(_ANSWERS).from_select(
        ["attempt_id", "question_key", "response", "answered_at"], answer
    )
    keys = [_ANSWERS.c.attempt_id, _ANSWERS.c.question_key]
    if first_stands:
        statement = statement.on_conflict_do_nothing(index_elements=keys)
    else:
        statement = statement.on_conflict_do_update(
            index_elements=keys,
            set_={"response": statement.excluded.response, "answered_at": statement.excluded.answered_at},
        )
    return statement.returning(_ANSWERS.c.id)


# Prebuilt: saving an answer is the app's most frequent write. Keyed by (dialect, first stands).
_SAVE_ANSWER = {
    (name, first_stands): _save_answer_statement(dialect.insert, first_stands)
    for name, dialect in (("sqlite", sqlite), ("postgresql", postgresql))
    for first_stands in (True, False)
}


def _response_as_json_text(dialect: str) -> ColumnElement[str]:
    """The stored response as JSON text, written by the database: an export copies it as is."""
    if dialect == "postgresql":
        return cast(_ANSWERS.c.response, Text)
    # a JSON column has numeric affinity in SQLite: a bare number may come back as one
    stored = type_coerce(_ANSWERS.c.response, String)
    return case((func.typeof(stored).in_(["integer", "real"]), func.json_quote(stored)), else_=stored)


def _answered_at_as_iso_text(dialect: str) -> ColumnElement[str]:
    """When the answer was given, as ISO 8601 UTC text, formatted by the database."""
    if dialect == "postgresql":
        utc = func.timezone("UTC", _ANSWERS.c.answered_at)
        return func.to_char(utc, 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"', type_=String)
    stored = type_coerce(_ANSWERS.c.answered_at, String)  # 'YYYY-MM-DD HH:MM:SS.ffffff', UTC
    return func.replace(stored, " ", "T", type_=String) + literal("+00:00", String)


# Prebuilt: an answers export streams up to a million rows through it, a few hundred attempts
# at a time; the database formats what the export only copies. One per dialect (formatting).
_RAW_ANSWERS = {
    name: db.select(
        _ANSWERS.c.attempt_id,
        _ANSWERS.c.question_key,
        _response_as_json_text(name).label("response_json"),
        _answered_at_as_iso_text(name).label("answered_at"),
    )
    .where(_ANSWERS.c.attempt_id.in_(bindparam("attempt_ids", expanding=True)))
    .order_by(_ANSWERS.c.attempt_id, _ANSWERS.c.id)
    .execution_options(yield_per=5_000)  # rows are fetched a batch at a time, not all at once
    for name in ("sqlite", "postgresql")
}


# --- Reads ---------------------------------------------------------------------------------


def _state(row: Any, responses: dict[str, Any] | None = None) -> AttemptState:
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
        feeds_memory_at_once=row.feeds_memory_at_once,
        assignment_id=row.assignment_id,
        late=row.late,
        assigned_show_answers=AnswerVisibility(row.assigned_show_answers)
        if row.assigned_show_answers
        else None,
        answers_due_at=last_due_at(row.assignment_due_at, row.latest_own_due_at, row.running_until),
        assignment_title=row.assignment_title,
    )


def _responses(attempt_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    by_attempt: dict[int, dict[str, Any]] = defaultdict(dict)
    if attempt_ids:
        for row in _run(_RESPONSES_OF, {"attempt_ids": list(attempt_ids)}):
            by_attempt[row.attempt_id][row.question_key] = row.response
    return by_attempt


def read_attempt(attempt_id: int, responses: bool = True) -> AttemptState | None:
    """The attempt as stored, with its responses unless ``responses`` is False (one query
    instead of two, e.g. to save an answer). Overdue attempts are the caller's to close."""
    row = _run(_ATTEMPT_BY_ID, {"attempt_id": attempt_id}).first()
    if row is None:
        return None
    return _state(row, _responses([row.id])[row.id] if responses else None)


def read_attempts(user_ids: Sequence[int], bank_slug: str | None = None) -> list[AttemptState]:
    """Every attempt of these users (at one quiz, or all), newest first, with their responses:
    two queries. Overdue attempts are the caller's to close."""
    if not user_ids:
        return []
    query = _ATTEMPT_COLUMNS.where(_ATTEMPTS.c.user_id.in_(list(user_ids))).order_by(
        _ATTEMPTS.c.started_at.desc(), _ATTEMPTS.c.id.desc()
    )
    if bank_slug is not None:
        query = query.where(_BANKS.c.slug == bank_slug)
    found = _run(query).all()
    responses = _responses([row.id for row in found])
    return [_state(row, responses[row.id]) for row in found]


def submitted_attempts(
    user_ids: Sequence[int], bank_slug: str | None, since: datetime | None, assignment_id: int | None = None
) -> list[AttemptSummary]:
    """The submitted attempts of these students (at one quiz, since a time, under one
    assignment), by id; two queries.

    An export may hold a hundred thousand of them: each refers to its bank's one id and title
    (read first: there are few banks) and to its mode's enum member, not to copies of its own.
    """
    if not user_ids:
        return []
    banks = {row.id: row for row in _run(db.select(_BANKS.c.id, _BANKS.c.slug, _BANKS.c.title))}
    query = (
        db.select(
            _ATTEMPTS.c.id,
            _ATTEMPTS.c.user_id,
            _ATTEMPTS.c.bank_id,
            _ATTEMPTS.c.mode,
            _ATTEMPTS.c.started_at,
            _ATTEMPTS.c.submitted_at,
            _ATTEMPTS.c.late,
        )
        .where(_ATTEMPTS.c.user_id.in_(list(user_ids)), _ATTEMPTS.c.status == AttemptStatus.SUBMITTED.value)
        .order_by(_ATTEMPTS.c.id)
    )
    if bank_slug is not None:
        query = query.where(
            _ATTEMPTS.c.bank_id.in_([id_ for id_, bank in banks.items() if bank.slug == bank_slug])
        )
    if since is not None:
        query = query.where(_ATTEMPTS.c.started_at >= since)
    if assignment_id is not None:
        query = query.where(_ATTEMPTS.c.assignment_id == assignment_id)
    return [
        AttemptSummary(
            id=row.id,
            user_id=row.user_id,
            bank_slug=banks[row.bank_id].slug,
            bank_title=banks[row.bank_id].title,
            mode=AttemptMode(row.mode),
            started_at=row.started_at,
            submitted_at=row.submitted_at,
            late=row.late,
        )
        for row in _run(query.execution_options(yield_per=2_000))  # fetched a batch at a time
    ]


def attempt_items(attempt_ids: Sequence[int]) -> dict[int, Items]:
    """The questions (id, content hash) each attempt asked."""
    items = _ATTEMPTS.c["items"]  # not .c.items: that is the column collection's items()
    query = db.select(_ATTEMPTS.c.id, items).where(_ATTEMPTS.c.id.in_(list(attempt_ids)))
    return {row.id: tuple((key, content_hash) for key, content_hash in row.items) for row in _run(query)}


def stream_raw_answers(attempt_ids: Sequence[int]) -> Iterator[Any]:
    """The answers of these attempts, attempt by attempt, as rows of ``attempt_id``,
    ``question_key``, ``response_json`` (the response as JSON text) and ``answered_at`` (ISO
    text): an export of a million answers does not decode what it only copies. Callers pass a
    few hundred attempts at a time."""
    with _run(_RAW_ANSWERS[_dialect()], {"attempt_ids": list(attempt_ids)}) as rows:
        yield from rows


# --- Writes --------------------------------------------------------------------------------


def insert_attempt(
    user_id: int,
    bank_slug: str,
    mode: AttemptMode,
    seed: int,
    items: Items,
    started_at: datetime,
    deadline: datetime | None,
    feeds_memory_at_once: bool = False,
    assigned: Assigned | None = None,
) -> AttemptState | None:
    """A new open attempt; None if the user already has one open at this bank (the unique index
    on open attempts settles a race with another tab). ``LookupError``: no such active bank.

    Under an assignment, the attempts already started are counted in the same transaction,
    under a lock on the student's row on PostgreSQL (SQLite's write lock, taken by
    ``begin_write``, already serializes it): two tabs starting the last allowed attempt at
    once start one; the other gets ``NoAttemptsLeft`` or the open attempt.
    """
    bank_id = _run(db.select(_BANKS.c.id).where(_BANKS.c.slug == bank_slug, _BANKS.c.active)).scalar()
    if bank_id is None:
        raise LookupError(bank_slug)
    begin_write()
    if assigned is not None and _none_left(user_id, assigned):
        db.session.rollback()
        raise NoAttemptsLeft()
    statement = insert(_ATTEMPTS).returning(_ATTEMPTS.c.id)
    values = {
        "user_id": user_id,
        "bank_id": bank_id,
        "mode": mode.value,
        "seed": seed,
        "items": [list(item) for item in items],
        "started_at": started_at,
        "deadline": deadline,
        "feeds_memory_at_once": feeds_memory_at_once,
        "assignment_id": assigned.assignment_id if assigned else None,
        "late": assigned.late if assigned else False,
    }
    try:
        attempt_id = _run(statement, values).scalar_one()
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return None
    return read_attempt(attempt_id, responses=False)


def _none_left(user_id: int, assigned: Assigned) -> bool:
    """Whether the student has started every attempt the assignment allows, counted with the
    student's row locked on PostgreSQL until the transaction ends (a concurrent start waits
    here, then counts again)."""
    if assigned.max_attempts is None:
        return False
    users = User.__table__
    _run(db.select(users.c.id).where(users.c.id == user_id).with_for_update())
    count = db.select(func.count()).where(
        _ATTEMPTS.c.user_id == user_id, _ATTEMPTS.c.assignment_id == assigned.assignment_id
    )
    return int(_run(count).scalar_one()) >= assigned.max_attempts


def overdue_attempt_ids(user_ids: Sequence[int], cutoff: datetime) -> list[int]:
    """The open attempts of these students whose deadline is before ``cutoff`` (the moment less
    the grace: ``core.attempts.is_overdue``), for a bulk read that does not load them (exports)."""
    if not user_ids:
        return []
    statement = db.select(_ATTEMPTS.c.id).where(
        _ATTEMPTS.c.user_id.in_(list(user_ids)),
        _ATTEMPTS.c.status == AttemptStatus.IN_PROGRESS.value,
        _ATTEMPTS.c.deadline < cutoff,
    )
    return list(_run(statement).scalars())


def close_overdue(attempt_ids: Sequence[int]) -> list[int]:
    """Close these attempts as of their deadline, if still open; the ids this call closed."""
    begin_write()  # ends the read transaction; the UPDATE re-checks the status itself
    statement = (
        update(_ATTEMPTS)
        .where(_ATTEMPTS.c.id.in_(list(attempt_ids)), _ATTEMPTS.c.status == AttemptStatus.IN_PROGRESS.value)
        .values(
            status=AttemptStatus.SUBMITTED.value,
            closed_by=ClosedBy.DEADLINE.value,
            submitted_at=_ATTEMPTS.c.deadline,
        )
        .returning(_ATTEMPTS.c.id)
    )
    closed = list(_run(statement).scalars())
    db.session.commit()
    return closed


def close_attempt(attempt_id: int, now: datetime, grace: timedelta) -> AttemptMode | None:
    """Submit the attempt: closed by the student, or as of its deadline if it is overdue.
    Returns its mode if this call closed it, None if not (closed already, or no such attempt)."""
    begin_write()
    row = _run(
        db.select(_ATTEMPTS.c.status, _ATTEMPTS.c.mode, _ATTEMPTS.c.deadline)
        .where(_ATTEMPTS.c.id == attempt_id)
        .with_for_update()
    ).first()
    if row is None:
        db.session.rollback()
        return None
    if is_overdue(AttemptStatus(row.status), row.deadline, now, grace):
        values = {"closed_by": ClosedBy.DEADLINE.value, "submitted_at": row.deadline}
    else:
        values = {"closed_by": ClosedBy.STUDENT.value, "submitted_at": now}
    result = _run(
        update(_ATTEMPTS)
        .where(_ATTEMPTS.c.id == attempt_id, _ATTEMPTS.c.status == AttemptStatus.IN_PROGRESS.value)
        .values(status=AttemptStatus.SUBMITTED.value, **values)
    )
    db.session.commit()
    return AttemptMode(row.mode) if result.rowcount == 1 else None


def _is_open(attempt_id: int, cutoff: datetime) -> bool:
    return _run(_OPEN_ATTEMPT, {"attempt_id": attempt_id, "cutoff": cutoff}).first() is not None


def store_answer(
    attempt_id: int, question_key: str, response: Any, now: datetime, cutoff: datetime, first_stands: bool
) -> bool:
    """Store (or, unless ``first_stands``, replace) one answer, in one statement that writes
    only while the attempt takes answers (open, and its deadline not before ``cutoff``).
    Returns False when the first answer stands and one was there already (nothing changes);
    raises ``AttemptClosed`` when the attempt no longer takes answers."""
    begin_write()
    parameters = {
        "attempt_id": attempt_id,
        "cutoff": cutoff,
        "key": question_key,
        "response": response,
        "at": now,
    }
    statement = _SAVE_ANSWER[(_dialect(), first_stands)]
    written = _run(statement, parameters).first() is not None
    if not written and (not first_stands or not _is_open(attempt_id, cutoff)):
        db.session.rollback()
        raise AttemptClosed(attempt_id)
    db.session.commit()
    return written


def clear_answer(attempt_id: int, question_key: str, cutoff: datetime) -> None:
    """Remove one answer while the attempt takes answers; ``AttemptClosed`` when it does not."""
    begin_write()
    if not _is_open(attempt_id, cutoff):
        db.session.rollback()
        raise AttemptClosed(attempt_id)
    _run(delete(_ANSWERS).where(_ANSWERS.c.attempt_id == attempt_id, _ANSWERS.c.question_key == question_key))
    db.session.commit()


def insert_closed_attempt(
    user_id: int,
    bank_slug: str,
    mode: AttemptMode,
    seed: int,
    items: Items,
    started_at: datetime,
    submitted_at: datetime,
    responses: Sequence[tuple[str, Any, datetime]],
    commit: bool = True,
) -> int:
    """A finished attempt written at once with its answers ((question key, response, answered
    at)): a live quiz's, kept when the session ends. It is never open, so it does not meet the
    unique index on open attempts (a practice round of the bank open meanwhile stays open).
    ``commit=False``: left in the caller's writing transaction (a session's attempts are
    written together). ``LookupError``: no such bank in the database."""
    bank_id = _run(db.select(_BANKS.c.id).where(_BANKS.c.slug == bank_slug)).scalar()
    if bank_id is None:
        raise LookupError(bank_slug)
    begin_write()
    values = {
        "user_id": user_id,
        "bank_id": bank_id,
        "mode": mode.value,
        "status": AttemptStatus.SUBMITTED.value,
        "closed_by": ClosedBy.STUDENT.value,
        "seed": seed,
        "items": [list(item) for item in items],
        "started_at": started_at,
        "deadline": None,
        "submitted_at": submitted_at,
        "feeds_memory_at_once": False,
    }
    attempt_id = int(_run(insert(_ATTEMPTS).returning(_ATTEMPTS.c.id), values).scalar_one())
    if responses:
        rows = [
            {"attempt_id": attempt_id, "question_key": key, "response": response, "answered_at": at}
            for key, response, at in responses
        ]
        db.session.connection().execute(insert(_ANSWERS), rows)
    if commit:
        db.session.commit()
    return attempt_id
