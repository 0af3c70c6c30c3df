"""The live tables' guarded writes (db/live_store.py), on SQLite and PostgreSQL: a PIN unique
among active sessions, a state changed once by two racing actions, an answer stored once and
only while its question is open and running."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from quizapp.core.live import session as rules
from quizapp.db import live_store
from quizapp.db.base import db

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
ITEMS = [("q1", "h1"), ("q2", "h2")]


def new_session(people, pins):
    return live_store.create_session(
        people.teacher,
        "kosovo-peacekeepers",
        ITEMS,
        7,
        False,
        rules.new_session(2, 20),
        T0,
        lambda: next(pins),
    )


def test_a_pin_in_use_is_drawn_again_and_an_ended_sessions_pin_is_free(app, people):
    with app.app_context():
        first = new_session(people, iter(["111111"]))
        second = new_session(people, iter(["111111", "222222"]))
        assert (first.pin, second.pin) == ("111111", "222222")
        assert live_store.active_session_by_pin("111111").id == first.id
        ended = rules.end(first.state, T0)
        assert live_store.change_state(first.id, first.state.seq, ended, T0)
        assert live_store.active_session_by_pin("111111") is None
        third = new_session(people, iter(["111111"]))
        assert third.pin == "111111" and third.id != first.id


def test_a_state_computed_from_an_old_seq_is_not_written(app, people):
    with app.app_context():
        found = new_session(people, iter(["333333"]))
        started = rules.start(found.state, T0)
        assert live_store.change_state(found.id, found.state.seq, started, T0)
        assert not live_store.change_state(found.id, found.state.seq, rules.end(found.state, T0), T0)
        stored = live_store.read_session(found.id).state
    assert stored == started  # deadline, seq and phase read back as written


def test_an_answer_is_stored_once_and_only_in_the_state_it_was_judged_in(app, people):
    """The rule is core's (``answer_refusal``); the store writes only while the session is
    still at the seq judged, so that a reveal or pause in between refuses it."""
    with app.app_context():
        found = new_session(people, iter(["444444"]))
        player = live_store.add_player(found.id, people.student, "Sam", None, T0)
        other = live_store.add_player(found.id, people.classmate, "Sara", None, T0)

        def store(who, seq, index=0, at=T0 + timedelta(seconds=2)):
            return live_store.store_answer(found.id, seq, who.id, index, "x", at, 900, True)

        started = rules.start(found.state, T0)
        live_store.change_state(found.id, found.state.seq, started, T0)
        assert store(player, found.state.seq) is None  # judged in the lobby: the state changed
        assert store(player, started.seq) is True and store(player, started.seq) is False  # a double tap
        paused = rules.pause(started, T0 + timedelta(seconds=3))
        live_store.change_state(found.id, started.seq, paused, T0)
        assert store(other, started.seq) is None
        ended = rules.end(paused, T0)
        live_store.change_state(found.id, paused.seq, ended, T0)
        assert store(other, ended.seq) is None  # no longer active
        assert [(a.player_id, a.points) for a in live_store.answers(found.id)] == [(player.id, 900)]


def test_racing_host_clicks_change_the_state_once(app, people):
    with app.app_context():
        found = new_session(people, iter(["555555"]))
    started = rules.start(found.state, T0)
    results = []
    barrier = threading.Barrier(4)

    def click():
        with app.app_context():
            barrier.wait()
            results.append(live_store.change_state(found.id, found.state.seq, started, T0))
            db.session.remove()

    threads = [threading.Thread(target=click) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False, False, False, True]
