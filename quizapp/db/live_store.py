"""The database side of live sessions (docs/live.md): the session and its state, who joined,
and each answer, so that a restarted server loses nothing.

Two writes race in a live quiz, and each is one guarded statement:
- the host's actions (two tabs, a double click, the timer's own reveal): ``change_state``
  writes the new state only if ``seq`` is still the one the action was computed from;
- an answer against a reveal: ``store_answer`` share-locks the session row on PostgreSQL
  (SQLite's write lock, taken by ``begin_write``, already serializes it) and inserts only while
  the session is at the ``seq`` that ``core.live.session.answer_refusal`` judged; a second
  answer of the same player to the same question meets the UNIQUE constraint and is not stored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import CursorResult, Executable, and_, delete, func, insert, literal, select, update
from sqlalchemy.exc import IntegrityError

from quizapp.core.live.session import LiveState, Phase
from quizapp.db.base import db
from quizapp.db.database import begin_write
from quizapp.db.models import LiveAnswer, LivePlayer, LiveSession, User

_SESSIONS = LiveSession.__table__
_PLAYERS = LivePlayer.__table__
_ANSWERS = LiveAnswer.__table__
_USERS = User.__table__
PIN_TRIES = 20  # new PINs tried before giving up (a million PINs, a few active at a time)


class NoFreePin(RuntimeError):
    """Every PIN tried is in use by an active session."""


@dataclass(frozen=True, slots=True)
class SessionRow:
    id: int
    pin: str
    active: bool
    host_id: int
    bank_slug: str
    items: tuple[tuple[str, str], ...]
    seed: int
    allow_guests: bool
    state: LiveState
    created_at: datetime
    ended_at: datetime | None
    results_kept: bool


@dataclass(frozen=True, slots=True)
class PlayerRow:
    id: int
    session_id: int
    user_id: int | None
    nickname: str
    token: str | None
    joined_at: datetime
    removed: bool = False  # by the host: out of the session for good


@dataclass(frozen=True, slots=True)
class AnswerRow:
    player_id: int
    question_index: int
    response: Any
    received_at: datetime
    points: int
    correct: bool


def _run(statement: Executable, parameters: dict[str, Any] | None = None) -> CursorResult[Any]:
    return db.session.connection().execute(statement, parameters)


def _state_values(state: LiveState) -> dict[str, Any]:
    remaining = state.paused_remaining
    return {
        "phase": state.phase.value,
        "current_index": state.index,
        "seq": state.seq,
        "deadline": state.deadline,
        "paused_remaining_ms": None if remaining is None else round(remaining / timedelta(milliseconds=1)),
        "skipped": list(state.skipped),
    }


def _session(row: Any) -> SessionRow:
    paused = row.paused_remaining_ms
    state = LiveState(
        phase=Phase(row.phase),
        question_count=len(row.items),
        seconds_per_question=row.seconds_per_question,
        index=row.current_index,
        seq=row.seq,
        deadline=row.deadline,
        paused_remaining=None if paused is None else timedelta(milliseconds=paused),
        skipped=tuple(row.skipped),
    )
    return SessionRow(
        id=row.id,
        pin=row.pin,
        active=row.active,
        host_id=row.host_id,
        bank_slug=row.bank_slug,
        items=tuple((key, content_hash) for key, content_hash in row.items),
        seed=row.seed,
        allow_guests=row.allow_guests,
        state=state,
        created_at=row.created_at,
        ended_at=row.ended_at,
        results_kept=row.results_kept,
    )


def create_session(
    host_id: int,
    bank_slug: str,
    items: Sequence[tuple[str, str]],
    seed: int,
    allow_guests: bool,
    state: LiveState,
    now: datetime,
    new_pin: Callable[[], str],
) -> SessionRow:
    """A new session in its lobby, with a PIN no active session has (``NoFreePin`` if
    ``PIN_TRIES`` draws all were)."""
    for _ in range(PIN_TRIES):
        begin_write()
        values = {
            "pin": new_pin(),
            "active": True,
            "host_id": host_id,
            "bank_slug": bank_slug,
            "items": [list(item) for item in items],
            "seed": seed,
            "seconds_per_question": state.seconds_per_question,
            "allow_guests": allow_guests,
            "created_at": now,
            "results_kept": False,
            **_state_values(state),
        }
        try:
            session_id = _run(insert(_SESSIONS).returning(_SESSIONS.c.id), values).scalar_one()
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            continue
        found = read_session(session_id)
        assert found is not None
        return found
    raise NoFreePin()


def read_session(session_id: int) -> SessionRow | None:
    row = _run(select(_SESSIONS).where(_SESSIONS.c.id == session_id)).first()
    return _session(row) if row else None


def active_session_by_pin(pin: str) -> SessionRow | None:
    row = _run(select(_SESSIONS).where(_SESSIONS.c.pin == pin, _SESSIONS.c.active)).first()
    return _session(row) if row else None


def active_sessions_opened_before(moment: datetime) -> list[int]:
    """Sessions still going that were opened before ``moment`` (to end: past their hours)."""
    rows = _run(select(_SESSIONS.c.id).where(_SESSIONS.c.active, _SESSIONS.c.created_at < moment))
    return [row.id for row in rows]


def sessions_of_host(host_id: int, limit: int = 20) -> list[SessionRow]:
    rows = _run(
        select(_SESSIONS).where(_SESSIONS.c.host_id == host_id).order_by(_SESSIONS.c.id.desc()).limit(limit)
    )
    return [_session(row) for row in rows]


def seq_of(session_id: int) -> int | None:
    """The session's ``seq`` alone: what a poll for changes reads."""
    value = _run(select(_SESSIONS.c.seq).where(_SESSIONS.c.id == session_id)).scalar()
    return None if value is None else int(value)


def change_state(session_id: int, old_seq: int, new: LiveState, now: datetime) -> bool:
    """Write ``new`` if the session is still at ``old_seq`` (False: another change came first).
    A finished state ends the session: it is no longer active, its PIN is free, and its guests'
    tokens are cleared in the same transaction (their nicknames and answers stay for the results)."""
    begin_write()
    values = _state_values(new)
    if new.phase is Phase.FINISHED:
        values |= {"active": False, "ended_at": now}
    result = _run(
        update(_SESSIONS).where(_SESSIONS.c.id == session_id, _SESSIONS.c.seq == old_seq).values(**values)
    )
    if new.phase is Phase.FINISHED and result.rowcount == 1:  # guests keep nothing: not even who they were
        _run(update(_PLAYERS).where(_PLAYERS.c.session_id == session_id).values(token=None))
    db.session.commit()
    return result.rowcount == 1


def mark_results_kept(session_id: int, commit: bool = True) -> bool:
    """Note that the students' attempts were written; True only for the call that did.
    ``commit=False``: in the caller's writing transaction, with the attempts themselves
    (``commit`` or ``rollback`` below end it): the flag and the attempts stand or fall together."""
    begin_write()
    result = _run(
        update(_SESSIONS)
        .where(_SESSIONS.c.id == session_id, _SESSIONS.c.results_kept.is_(False))
        .values(results_kept=True)
    )
    if commit or result.rowcount != 1:
        db.session.commit()
    return result.rowcount == 1


def commit() -> None:
    db.session.commit()


def rollback() -> None:
    db.session.rollback()


def _player(row: Any) -> PlayerRow:
    return PlayerRow(
        row.id,
        row.session_id,
        row.user_id,
        row.nickname,
        row.token,
        row.joined_at,
        row.removed_at is not None,
    )


def players(session_id: int) -> list[PlayerRow]:
    """Everyone who joined and was not removed, in the order they joined."""
    rows = _run(
        select(_PLAYERS)
        .where(_PLAYERS.c.session_id == session_id, _PLAYERS.c.removed_at.is_(None))
        .order_by(_PLAYERS.c.id)
    )
    return [_player(row) for row in rows]


def remove_player(session_id: int, player_id: int, now: datetime) -> int | None:
    """The host removes a player from an active session: marked (their row stays, so that
    their cookie or login cannot join again), their answers deleted, and the session's ``seq``
    raised so that every stream looks again (the removed player's ends). The session row is
    locked first, as ``store_answer`` share-locks it: an answer being stored meanwhile is
    either in before (and deleted) or refused after. The new seq; None: no such player, or
    the session ended."""
    begin_write()
    active = select(_SESSIONS.c.seq).where(_SESSIONS.c.id == session_id, _SESSIONS.c.active).with_for_update()
    seq = _run(active).scalar()
    marked = None
    if seq is not None:
        marked = _run(
            update(_PLAYERS)
            .where(
                _PLAYERS.c.id == player_id,
                _PLAYERS.c.session_id == session_id,
                _PLAYERS.c.removed_at.is_(None),
            )
            .values(removed_at=now)
        )
    if seq is None or marked is None or marked.rowcount != 1:
        db.session.rollback()
        return None
    new_seq = int(seq) + 1
    _run(delete(_ANSWERS).where(_ANSWERS.c.player_id == player_id))
    _run(update(_SESSIONS).where(_SESSIONS.c.id == session_id).values(seq=new_seq))
    db.session.commit()
    return new_seq


def player_of_user(session_id: int, user_id: int) -> PlayerRow | None:
    row = _run(
        select(_PLAYERS).where(_PLAYERS.c.session_id == session_id, _PLAYERS.c.user_id == user_id)
    ).first()
    return _player(row) if row else None


def player_by_token(session_id: int, token: str) -> PlayerRow | None:
    row = _run(select(_PLAYERS).where(_PLAYERS.c.session_id == session_id, _PLAYERS.c.token == token)).first()
    return _player(row) if row else None


def add_player(
    session_id: int, user_id: int | None, nickname: str, token: str | None, now: datetime
) -> PlayerRow | None:
    """Join a session that is still active; a student who joined already gets their row back.
    None: the session ended, or a guest of that nickname is in it already."""
    begin_write()
    if not _run(select(_SESSIONS.c.active).where(_SESSIONS.c.id == session_id)).scalar():
        db.session.rollback()
        return None
    values = {
        "session_id": session_id,
        "user_id": user_id,
        "nickname": nickname,
        "token": token,
        "joined_at": now,
    }
    try:
        player_id = _run(insert(_PLAYERS).returning(_PLAYERS.c.id), values).scalar_one()
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return player_of_user(session_id, user_id) if user_id is not None else None
    return PlayerRow(player_id, session_id, user_id, nickname, token, now)


def answers(session_id: int) -> list[AnswerRow]:
    rows = _run(select(_ANSWERS).where(_ANSWERS.c.session_id == session_id).order_by(_ANSWERS.c.id))
    return [
        AnswerRow(r.player_id, r.question_index, r.response, r.received_at, r.points, r.correct) for r in rows
    ]


def answer_count(session_id: int, question_index: int) -> int:
    count = select(func.count()).where(
        _ANSWERS.c.session_id == session_id, _ANSWERS.c.question_index == question_index
    )
    return int(_run(count).scalar_one())


def store_answer(
    session_id: int,
    seq: int,
    player_id: int,
    question_index: int,
    response: Any,
    received_at: datetime,
    points: int,
    correct: bool,
) -> bool | None:
    """Store a player's answer if the session is still active at ``seq``, the state that
    ``core.live.session.answer_refusal`` let it count in (the rule is there alone), and the
    player has none to it yet. True: stored; False: not (answered already, or not a player of
    the session); None: the state changed meanwhile (judge it again)."""
    begin_write()
    same_state = (
        select(_SESSIONS.c.id)
        .where(_SESSIONS.c.id == session_id, _SESSIONS.c.active, _SESSIONS.c.seq == seq)
        .with_for_update(read=True)
    )
    if _run(same_state).scalar() is None:
        db.session.rollback()
        return None
    statement = insert(_ANSWERS).from_select(
        ["session_id", "player_id", "question_index", "response", "received_at", "points", "correct"],
        select(
            literal(session_id),
            _PLAYERS.c.id,
            literal(question_index),
            literal(response, _ANSWERS.c.response.type),
            literal(received_at, _ANSWERS.c.received_at.type),
            literal(points),
            literal(correct),
        ).where(
            and_(
                _PLAYERS.c.id == player_id,
                _PLAYERS.c.session_id == session_id,
                _PLAYERS.c.removed_at.is_(None),
            )
        ),
    )
    try:
        written = _run(statement.returning(_ANSWERS.c.id)).first() is not None
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return False
    return written


def user_names(user_ids: Sequence[int]) -> dict[int, str]:
    """Display names of these users (their name, else their username)."""
    if not user_ids:
        return {}
    rows = _run(
        select(_USERS.c.id, _USERS.c.display_name, _USERS.c.username).where(_USERS.c.id.in_(user_ids))
    )
    return {row.id: row.display_name or row.username for row in rows}


def release() -> None:
    """End the session's transaction and give its connection back (a long wait holds none)."""
    db.session.remove()
