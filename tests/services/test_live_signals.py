"""The signals that wake live event streams (services/live_signals.py): the memory signal
forgets ended sessions, and Redis pub/sub wakes waiters of other processes, falls back to the
database poll while Redis is down, says so, and comes back by itself."""

from __future__ import annotations

import threading
import time

import pytest

from quizapp.services.live_signals import SLOWER, MemorySignals, RedisSignals, _make


def test_an_ended_session_is_forgotten_once_no_one_waits():
    now = [0.0]
    memory = MemorySignals(ended_kept=60, idle_kept=3600, clock=lambda: now[0])
    memory.publish(1, 3)
    memory.publish(2, 5, ended=True)
    now[0] = 59
    memory.publish(3, 1)
    assert memory.sessions_kept() == 3  # an ended one stays a while: a stream may just be looking
    now[0] = 70  # (it looks at most every 10 s)
    memory.publish(3, 2)
    assert memory.sessions_kept() == 2 and memory.latest(2) == -1
    now[0] = 3700
    memory.publish(4, 1)
    assert memory.sessions_kept() == 1  # untouched for an hour: an abandoned session goes too


def test_an_entry_someone_waits_on_is_kept():
    now = [0.0]
    memory = MemorySignals(ended_kept=1, idle_kept=1, clock=lambda: now[0])
    memory.publish(1, 4, ended=True)
    waiting = threading.Thread(target=memory.wait, args=(1, 9, 1.0))
    waiting.start()
    time.sleep(0.1)
    now[0] = 100
    memory.publish(2, 1)
    assert memory.latest(1) == 4
    waiting.join()
    now[0] = 200
    memory.publish(2, 2)
    assert memory.latest(1) == -1


def test_a_wait_returns_at_once_when_the_seq_was_published_already():
    memory = MemorySignals()
    memory.publish(1, 2)
    started = time.monotonic()
    assert memory.wait(1, 1, 5.0) and time.monotonic() - started < 0.1
    assert not memory.wait(1, 2, 0.05)


def waiter(signals: RedisSignals, session_id: int, after: int, timeout: float) -> dict:
    out: dict = {}

    def run() -> None:
        started = time.monotonic()
        out["woken"] = signals.wait(session_id, after, timeout)
        out["after"] = time.monotonic() - started

    thread = threading.Thread(target=run)
    thread.start()
    out["thread"] = thread
    return out


def subscribed(signals: RedisSignals) -> None:
    signals.trouble()  # starts the subscriber
    deadline = time.monotonic() + 5
    while not signals._subscribed.is_set():
        assert time.monotonic() < deadline, "never subscribed"
        time.sleep(0.02)


def test_redis_wakes_another_process_at_once_and_the_poll_takes_over_while_it_is_down(redis_server):
    database = {7: 0}  # what each server would read from the shared database
    a = RedisSignals(redis_server.url, "test:live", 0.3, database.get, recheck_seconds=30)
    b = RedisSignals(redis_server.url, "test:live", 0.3, database.get, recheck_seconds=30)
    try:
        subscribed(a)
        subscribed(b)
        waiting = waiter(b, 7, 0, 10.0)
        time.sleep(0.1)
        database[7] = 1
        a.publish(7, 1)
        waiting["thread"].join()
        assert waiting["woken"] and waiting["after"] < 0.25  # by the message, not a 30 s recheck
        assert a.trouble() is None and b.trouble() is None

        redis_server.stop()
        waiting = waiter(b, 7, 1, 10.0)
        time.sleep(0.2)
        database[7] = 2
        a.publish(7, 2)  # fails: a's host is told
        assert a.trouble() == SLOWER
        waiting["thread"].join()
        assert waiting["woken"] and waiting["after"] < 1.5  # by the database poll
        assert b.trouble() == SLOWER  # its subscriber lost Redis too

        redis_server.start()  # the same port: the subscribers come back by themselves
        subscribed(a)
        subscribed(b)
        assert a.trouble() is None and b.trouble() is None
        waiting = waiter(b, 7, 2, 10.0)
        time.sleep(0.1)
        database[7] = 3
        a.publish(7, 3)
        waiting["thread"].join()
        assert waiting["woken"] and waiting["after"] < 0.25
    finally:
        a.close()
        b.close()


def test_a_redis_address_chooses_redis_and_anything_unknown_is_refused():
    assert isinstance(_make("redis://127.0.0.1:1/0", 1.0, "c"), RedisSignals)
    with pytest.raises(ValueError, match="redis://"):
        _make("postgres", 1.0)
