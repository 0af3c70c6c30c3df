"""Live classroom quizzes, for pages, API and commands alike (docs/live.md): create a session,
join it, answer, the host's actions, what a player or the host sees, and the results kept when
it ends.

The rules are ``core.live`` (states and actions, points, what each may see); the statements
``db/live_store.py``; the signal that wakes the event streams ``services/live_signals.py``.
Answers are judged only by ``core.checkers.accept_new_response``, as on the quiz pages. Each
student's answers become an attempt of mode ``live`` when the session ends, which counts in
their progress and flashcards like quiz answers; a guest keeps nothing but the session's own
results.
"""

from __future__ import annotations

import random
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from flask import current_app

from quizapp import core
from quizapp.core.attempts import AttemptMode, draw_questions
from quizapp.core.checkers import ResponseError, accept_new_response
from quizapp.core.disclosure import for_tests, stricter
from quizapp.core.live import session as rules
from quizapp.core.live.pin import clean_pin, new_pin
from quizapp.core.live.points import live_points
from quizapp.core.live.session import LiveRuleError, LiveState, Phase
from quizapp.core.live.views import (
    ClassState,
    HostView,
    LiveAnswer,
    PlayerView,
    Report,
    Session,
    class_state,
    host_view,
    player_view,
    report,
)
from quizapp.core.model import AnswerVisibility
from quizapp.db import attempt_store, live_store
from quizapp.db.account_store import Account
from quizapp.db.live_store import PlayerRow, SessionRow
from quizapp.services import accounts, answer_disclosure, assignments, attempts, bank_library
from quizapp.services.live_signals import signals
from quizapp.services.question_source import questions_for

__all__ = [
    "LiveRefused",
    "LiveRuleError",
    "NotFound",
    "PlayerRow",
    "SessionRow",
    "WrongPin",
    "act",
    "answer",
    "create",
    "current",
    "for_host",
    "host_state",
    "join_guest",
    "join_student",
    "player_of",
    "player_state",
    "remove_player",
    "session_report",
]

DEFAULT_SECONDS = 20
MAX_NICKNAME = 24
OPEN_TEST = "finish your open test of this quiz first"
SNAPSHOTS_KEY = "quizapp_live_snapshots"
REMOVED = "the host removed you from this live quiz"
ANSWER_TRIES = 3  # judged again after a state change that came between the judging and the write


class LiveRefused(Exception):
    """Not allowed, with the reason for the person (a student of another class, guests off...)."""


class NotFound(LookupError):
    """No such session, or not one this person may see or control (the host's alone)."""


class WrongPin(LookupError):
    """No active session has this PIN (counted against the address by the pages)."""


def grace() -> timedelta:
    """How late after a question's time an answer still counts (network delay)."""
    return timedelta(seconds=float(current_app.config["LIVE_ANSWER_GRACE_SECONDS"]))


def lifetime() -> timedelta:
    """How long after it opened a session still going ends by itself (a lobby left open, a
    quiz abandoned): its PIN is freed and no one joins it by a typo days later."""
    return timedelta(hours=float(current_app.config["LIVE_SESSION_HOURS"]))


# --- Create and host -----------------------------------------------------------------------


def create(
    host: Account,
    bank_slug: str,
    now: datetime,
    seed: int,
    rng: random.Random,
    question_ids: Sequence[str] | None = None,
    test_draw: bool = False,
    allow_guests: bool = False,
    seconds_per_question: int = DEFAULT_SECONDS,
) -> SessionRow:
    """A session in its lobby, hosted by ``host`` (a teacher): the questions chosen (in the
    bank's order), a test draw of the bank (``test_draw``), or all its reviewed questions.
    ``LiveRefused``: a bank that never shows its answers (a live quiz reveals each one)."""
    if not host.is_teacher:
        raise LiveRefused("only teachers host live quizzes")
    bank = bank_library.bank(bank_slug)
    if bank.settings.show_answers is AnswerVisibility.NEVER:
        raise LiveRefused("this quiz never shows its answers, and a live quiz reveals each one")
    active = [c.id for c in accounts.classes_of_teacher(host.id) if not c.archived]
    for row in assignments.of_classes(active, bank.slug):
        reason = _holds_back(bank, row.terms.show_answers, row.terms.study, row.last_due_at, now)
        if reason:
            raise LiveRefused(
                f"{row.class_name}'s assignment of this quiz {reason}, and a live quiz reveals every answer"
            )
    if question_ids:
        wanted = set(question_ids)
        ids = [q.id for q in bank.questions if q.id in wanted]
        if len(ids) != len(wanted):
            raise LiveRefused("some of the questions chosen are not in this quiz")
    elif test_draw:
        ids = draw_questions(bank, seed, AttemptMode.TEST)
    else:
        ids = [q.id for q in bank.questions]
    for stale in live_store.active_sessions_opened_before(now - lifetime()):
        current(stale, now)  # ends it: its PIN is free again, its guests' tokens cleared
    hashes = {q.id: q.content_hash for q in bank.questions}
    state = rules.new_session(len(ids), seconds_per_question)
    items = [(key, hashes[key]) for key in ids]
    return live_store.create_session(
        host.id, bank.slug, items, seed, allow_guests, state, now, lambda: new_pin(rng)
    )


def _holds_back(
    bank: core.Bank,
    assigned: AnswerVisibility | None,
    study: bool,
    last_due_at: datetime | None,
    now: datetime,
) -> str | None:
    """Why an assignment keeps the bank's answers from its class at ``now`` (None: it does not):
    its tests show them never, or after a due time not yet passed, or it has study off. A live
    quiz reveals each answer, its verdict and the class's right answers, so it must not run for
    them (docs/live.md: a teacher who held the answers back expects them kept back)."""
    shown = for_tests(stricter(bank.settings.show_answers, assigned))
    if shown is AnswerVisibility.NEVER:
        return "never shows its answers"
    if shown is AnswerVisibility.AFTER_DUE and (last_due_at is None or now < last_due_at + attempts.grace()):
        return "keeps its answers back until after its due time"
    if not study:
        return "has study off"
    return None


def for_host(host: Account, session_id: int) -> SessionRow:
    """The session if ``host`` hosts it; else ``NotFound`` (only the host controls it)."""
    found = live_store.read_session(session_id)
    if found is None or found.host_id != host.id:
        raise NotFound(session_id)
    return found


def sessions_of(host: Account, now: datetime, limit: int = 20) -> list[SessionRow]:
    """The host's sessions, newest first, each as of ``now``: one past its hours is ended and
    one whose results a crash left unwritten gets them (a look at the list is a look at each)."""
    found = live_store.sessions_of_host(host.id, limit)
    if not any(_behind(row, now) for row in found):
        return found
    return [current(row.id, now) or row if _behind(row, now) else row for row in found]


def _behind(row: SessionRow, now: datetime) -> bool:
    if row.state.phase is Phase.FINISHED:
        return not row.results_kept
    return now >= row.created_at + lifetime()


def _changed(session_id: int, old: LiveState, new: LiveState, now: datetime) -> bool:
    if not live_store.change_state(session_id, old.seq, new, now):
        return False
    signals().publish(session_id, new.seq, ended=new.phase is Phase.FINISHED)
    if new.phase is Phase.FINISHED:
        keep_results(session_id, now)
    return True


def current(session_id: int, now: datetime) -> SessionRow | None:
    """The session as of ``now``: an open question whose time (and grace) is up is revealed
    first, a session past its hours (``lifetime``) ended (by whichever request sees it first;
    the others read the result)."""
    found = live_store.read_session(session_id)
    if found is None:
        return None
    expires = found.created_at + lifetime()
    settled = rules.settle(found.state, now, grace(), expires)
    if settled is not found.state:
        _changed(session_id, found.state, settled, min(now, expires))
        found = live_store.read_session(session_id)
    elif found.state.phase is Phase.FINISHED and not found.results_kept:
        keep_results(session_id, now)  # the end's own try failed part-way (nothing of it stayed)
        found = live_store.read_session(session_id)
    return found


def act(host: Account, session_id: int, action: str, now: datetime) -> SessionRow:
    """One of the host's actions (``core.live.session.ACTIONS``: start, next, reveal, pause,
    resume, skip, end). ``LiveRuleError`` says why it does not apply now, also when another
    click changed the session first; ``NotFound`` for anyone but the host."""
    for_host(host, session_id)
    change = rules.ACTIONS.get(action)
    if change is None:
        raise LiveRuleError(f"no action {action!r}")
    found = current(session_id, now)
    assert found is not None
    new = change(found.state, now)
    if not _changed(session_id, found.state, new, now):
        raise LiveRuleError("the session changed meanwhile: look again")
    latest = live_store.read_session(session_id)
    assert latest is not None
    return latest


def remove_player(host: Account, session_id: int, player_id: int, now: datetime) -> None:
    """The host removes a player from the session (a prank name, someone who is not in the
    class): their answers go, their page says so, and they cannot join it again (a guest's
    cookie with a new nickname neither). ``LiveRuleError``: not a player, or the quiz ended."""
    for_host(host, session_id)
    seq = live_store.remove_player(session_id, player_id, now)
    if seq is None:
        raise LiveRuleError("that player is not in this live quiz, or it has ended")
    signals().publish(session_id, seq)


# --- Join ----------------------------------------------------------------------------------


def _active(pin: str, now: datetime) -> SessionRow:
    cleaned = clean_pin(pin)
    found = live_store.active_session_by_pin(cleaned) if cleaned else None
    if found is not None:
        found = current(found.id, now)  # past its hours: ended now
    if found is None or not found.active:
        raise WrongPin(pin)
    return found


def join_student(account: Account, pin: str, now: datetime) -> tuple[SessionRow, PlayerRow]:
    """A logged-in student joins (or rejoins) by PIN: only a student of one of the host's
    classes, and one with no test of the bank open (the reveals would show its answers)."""
    found = _active(pin, now)
    if account.is_teacher:
        raise LiveRefused("teachers host live quizzes; students join them")
    if not accounts.teacher_teaches(found.host_id, account.id, active_only=True):
        raise LiveRefused("this live quiz is for another class")
    if answer_disclosure.test_in_progress(account.id, found.bank_slug, now):
        raise LiveRefused(OPEN_TEST)
    bank = bank_library.find_bank(found.bank_slug)
    for view in assignments.student_assignments(account.id, now, found.bank_slug) if bank else ():
        assert bank is not None
        row = view.assignment
        if _holds_back(bank, row.terms.show_answers, row.terms.study, row.last_due_at, now):
            raise LiveRefused("your class's assignment of this quiz keeps its answers back for now")
    player = live_store.add_player(found.id, account.id, account.display_name or account.username, None, now)
    if player is None:
        raise WrongPin(pin)
    if player.removed:
        raise LiveRefused(REMOVED)
    return found, player


def clean_nickname(typed: str) -> str | None:
    nickname = " ".join(typed.split())
    return nickname if 0 < len(nickname) <= MAX_NICKNAME and nickname.isprintable() else None


def join_guest(
    pin: str,
    nickname: str,
    now: datetime,
    held: Iterable[str] = (),
    new_token: Callable[[], str] = lambda: secrets.token_urlsafe(32),
) -> tuple[SessionRow, PlayerRow]:
    """A guest joins by PIN with a nickname, if the session allows guests; the token returned
    (``PlayerRow.token``) is who they are from now on (kept in their session cookie). ``held``:
    the tokens their cookie holds already; one of this session's makes this a rejoin as that
    player (no new nickname), and one the host removed refuses them."""
    found = _active(pin, now)
    if not found.allow_guests:
        raise LiveRefused("this live quiz is for students who are logged in: log in first")
    for token in held:
        known = live_store.player_by_token(found.id, token)
        if known is not None:
            if known.removed:
                raise LiveRefused(REMOVED)
            return found, known
    name = clean_nickname(nickname)
    if name is None:
        raise LiveRefused(f"choose a nickname of 1 to {MAX_NICKNAME} characters")
    names = {known.casefold() for known in _names(live_store.players(found.id)).values()}
    taken = name.casefold() in names  # no one takes a player's name, not even in other case
    player = None if taken else live_store.add_player(found.id, None, name, new_token(), now)
    if player is None:
        raise LiveRefused("that nickname is taken in this quiz: choose another")
    return found, player


def player_of(session_id: int, account: Account | None, guest_token: str | None) -> PlayerRow | None:
    """The player this person is in the session: their account's, else their guest token's."""
    if account is not None:
        found = live_store.player_of_user(session_id, account.id)
        if found is not None:
            return found
    if guest_token:
        return live_store.player_by_token(session_id, guest_token)
    return None


# --- Answer --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Answered:
    stored: bool  # False: this player had answered already (a double tap counts once)


def question_at(found: SessionRow, index: int) -> core.Question:
    return questions_for(found.bank_slug, [found.items[index]])[0]


def answer(player: PlayerRow, question_index: int, response: Any, now: datetime) -> Answered:
    """The player's answer to the question at ``question_index``: judged by the quiz's own
    checker, earning points by how fast it came. ``LiveRuleError``: that question is not open
    (not yet, paused, revealed, time up); ``ResponseError``: the answer must be fixed first."""
    found = current(player.session_id, now)
    for _ in range(ANSWER_TRIES):
        if found is None:
            raise NotFound(player.session_id)
        refusal = rules.answer_refusal(found.state, question_index, now, grace())
        if refusal is not None:
            raise LiveRuleError(refusal)
        question = question_at(found, question_index)
        stored, check = accept_new_response(question, response)
        if stored is None:
            raise ResponseError("Choose or type an answer first")
        points = live_points(check.fraction, found.state.elapsed(now), found.state.limit)
        written = live_store.store_answer(
            found.id, found.state.seq, player.id, question_index, stored, now, points, check.correct
        )
        if written is not None:
            return Answered(stored=written)
        found = current(player.session_id, now)  # the state changed meanwhile: judge it again
    raise LiveRuleError("the session changed meanwhile: send your answer again")


# --- What each sees ------------------------------------------------------------------------


def snapshot(found: SessionRow) -> Session:
    """Everything the views are made from, read now (three queries)."""
    bank = bank_library.find_bank(found.bank_slug)
    questions = tuple(questions_for(found.bank_slug, found.items))
    players = live_store.players(found.id)
    names = _names(players)
    given = [
        LiveAnswer(a.player_id, a.question_index, a.response, a.points, a.correct)
        for a in live_store.answers(found.id)
    ]
    if bank is None:  # retired meanwhile: the questions asked are still stored
        bank = core.Bank(found.bank_slug, found.bank_slug, questions)
    return Session(found.state, bank, questions, names, given, found.seed)


def _names(players: Sequence[PlayerRow]) -> dict[int, str]:
    accounts_named = live_store.user_names([p.user_id for p in players if p.user_id is not None])
    return {p.id: accounts_named.get(p.user_id, p.nickname) if p.user_id else p.nickname for p in players}


def player_state(player: PlayerRow, now: datetime, after_change: bool = False) -> PlayerView:
    """What the player sees now. ``LiveRefused`` while the student has a test of the bank
    open (opened after joining: the reveals would show its answers, as at joining), and for a
    player the host removed. ``after_change``: for an event stream a change just woke, which
    shares the process's one read of the session at that state with the other streams it woke
    (``SharedSnapshots``); pages and a stream's first event read afresh (the player's own answer
    of a moment ago)."""
    found = current(player.session_id, now)
    if found is None:
        raise NotFound(player.session_id)
    user_id = player.user_id
    if user_id is not None and answer_disclosure.test_in_progress(user_id, found.bank_slug, now):
        raise LiveRefused(OPEN_TEST)
    if after_change:
        shot, shared = shared_snapshots().get(found, time.monotonic())
    else:
        shot, shared = snapshot(found), None
    if player.id not in shot.names:  # removed by the host (the players read are the others)
        raise LiveRefused(REMOVED)
    return player_view(shot, player.id, now, shared)


SHARED_SECONDS = 2.0  # a shared snapshot serves the streams woken within this time of its read


class SharedSnapshots:
    """The session as the event streams one change woke see it: read once per process and
    state (session id and seq), with the part every player's view shares (``class_state``).

    Why: each change wakes every player's stream at once; each read the session's players and
    answers and ranked them itself, 5.6 ms of CPU per player at 200 players (2.8 of it the
    reads), over a second per change on two cores (benchmarks/live_render.py). Now the first
    stream woken reads, the others of its session wait for that read and share it.

    Safe to share: the snapshot is the whole class's data at that seq, as every player's own
    read would be; what one player may see of it is still decided only by
    ``core.live.views.player_view``, given that player's id. A snapshot only serves the same
    seq, and for SHARED_SECONDS at most, so the answers given meanwhile are not missed for long
    (a woken stream only sends a new seq; pages read afresh)."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[int, threading.Lock] = {}
        self._kept: dict[int, tuple[int, float, Session, ClassState]] = {}

    def get(self, found: SessionRow, monotonic: float) -> tuple[Session, ClassState]:
        with self._guard:
            lock = self._locks.setdefault(found.id, threading.Lock())
        with lock:  # one read per session at a time: the woken streams wait for it
            kept = self._kept.get(found.id)
            if kept is not None and kept[0] == found.state.seq and monotonic - kept[1] < SHARED_SECONDS:
                return kept[2], kept[3]
            shot = snapshot(found)
            shared = class_state(shot)
            with self._guard:
                self._forget_older_than(monotonic - SHARED_SECONDS)
                self._kept[found.id] = (found.state.seq, monotonic, shot, shared)
            return shot, shared

    def _forget_older_than(self, moment: float) -> None:
        for session_id in [key for key, kept in self._kept.items() if kept[1] < moment]:
            del self._kept[session_id]
            self._locks.pop(session_id, None)


def shared_snapshots() -> SharedSnapshots:
    """This app's (one per process and app: the tests make many apps in one process)."""
    kept: SharedSnapshots = current_app.extensions.setdefault(SNAPSHOTS_KEY, SharedSnapshots())
    return kept


def host_state(host: Account, session_id: int, now: datetime) -> tuple[SessionRow, HostView]:
    for_host(host, session_id)
    found = current(session_id, now)
    assert found is not None
    return found, host_view(snapshot(found), now)


def session_report(host: Account, session_id: int, now: datetime) -> tuple[SessionRow, Session, Report]:
    """The host's report of a session (``NotFound`` for anyone else): each question's histogram,
    right answer and how many got it right, the questions missed most, the standings."""
    for_host(host, session_id)
    found = current(session_id, now)
    assert found is not None
    shot = snapshot(found)
    return found, shot, report(shot)


def wait_for_change(session_id: int, after_seq: int, timeout: float) -> bool:
    """True as soon as the session is past ``after_seq``; False after ``timeout`` seconds."""
    return signals().wait(session_id, after_seq, timeout)


def signal_trouble() -> str | None:
    """What the host is told while changes reach the other servers only by the poll (Redis
    down), else None."""
    return signals().trouble()


def release() -> None:
    """Give the database connection back while a stream waits (it may wait for a minute)."""
    live_store.release()


# --- Results -------------------------------------------------------------------------------


def keep_results(session_id: int, now: datetime) -> int:
    """At the end: each student's answers to the questions that counted become an attempt of
    mode ``live`` (submitted as the session ends), which feeds their progress and flashcards
    like quiz answers. Guests keep nothing. Once per session: the attempts and the session's
    "results kept" flag are written in one transaction, so a failure part-way leaves none of
    them (and ``current`` tries again); how many attempts were written."""
    found = live_store.read_session(session_id)
    if found is None or found.state.phase is not Phase.FINISHED or found.results_kept:
        return 0
    counted = set(found.state.counted)
    students = {p.id: (p.user_id, p.joined_at) for p in live_store.players(session_id) if p.user_id}
    by_player: dict[int, list[tuple[str, Any, datetime]]] = {pid: [] for pid in students}
    for given in live_store.answers(session_id):
        if given.player_id in students and given.question_index in counted:
            key = found.items[given.question_index][0]
            by_player[given.player_id].append((key, given.response, given.received_at))
    items = tuple(found.items[i] for i in sorted(counted))
    ended = found.ended_at or now  # a later look (the end's own try failed) dates them at the end
    try:
        if not live_store.mark_results_kept(session_id, commit=False):
            return 0  # another request kept them first
        written = [
            attempt_store.insert_closed_attempt(
                user_id,
                found.bank_slug,
                AttemptMode.LIVE,
                found.seed,
                items,
                joined,
                ended,
                by_player[pid],
                commit=False,
            )
            for pid, (user_id, joined) in students.items()
        ]
        live_store.commit()
    except BaseException:
        live_store.rollback()
        raise
    # Flashcards are fed after the commit, each student's in its own transaction: a failure
    # here loses that student's flashcard reviews, never their attempt.
    for attempt_id in written:
        attempts.feed_memory_of_closed(attempt_id, ended)
    return len(written)
