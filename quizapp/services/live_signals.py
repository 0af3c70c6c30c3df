"""Waking the waiters of a live session when its state changes (docs/live.md, "Transport").

The state always lives in the database; a signal only says "session N is at seq S now" so that
each open event stream re-reads it at once. The interface:

- ``publish(session_id, seq, ended=False)`` after a change is committed (``ended``: the
  session finished, so its entry can go once its waiters are gone);
- ``wait(session_id, after_seq, timeout) -> bool``: True as soon as the session is past
  ``after_seq`` (at once if it is already), False when ``timeout`` seconds pass first;
- ``trouble() -> str | None``: what the host is told while changes cannot reach the other
  servers at once (None: all is well).

``QUIZAPP_LIVE_SIGNALS`` (``LIVE_SIGNALS``) chooses the implementation:
- ``memory``: a ``threading.Condition`` per process: exact and instant within one process
  (the development server, one gunicorn worker with threads);
- ``database`` (the default): the memory signal for changes made in this process, and a read of
  the session's ``seq`` about once a second (``LIVE_POLL_SECONDS``) for changes other
  workers or servers made: one server with several workers works with nothing else to run;
- ``redis://HOST:PORT/DB`` (or ``rediss://``): Redis pub/sub on ``LIVE_SIGNALS_CHANNEL``, for
  several servers without the poll's delay. Each change is published once; one subscriber
  thread per process hands it to the memory signal. While Redis is unreachable the waiters
  fall back to the database poll and the subscriber reconnects every half second; on
  reconnecting every waiter re-reads the database (what was published meanwhile is lost).
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from flask import Flask, current_app

from quizapp.db import live_store

EXTENSION_KEY = "quizapp_live_signals"
SLOWER = "live updates are slower: the message service is down"
log = logging.getLogger(__name__)


class Signals(Protocol):
    def publish(self, session_id: int, seq: int, ended: bool = False) -> None: ...

    def wait(self, session_id: int, after_seq: int, timeout: float) -> bool: ...

    def trouble(self) -> str | None: ...


@dataclass(slots=True)
class _Entry:
    seq: int
    touched: float
    ended: bool = False
    waiters: int = 0


class MemorySignals:
    """Within one process: the newest seq published per session, and a condition to wait on.

    An entry goes when no one waits on it and its session ended ``ended_kept`` seconds ago (a
    stream that rendered just before the end still finds it), or nothing was published for it
    for ``idle_kept`` seconds (an abandoned session); without this every session ever run
    stayed in the dict of every process."""

    def __init__(
        self,
        ended_kept: float = 120.0,
        idle_kept: float = 3600.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._condition = threading.Condition()
        self._entries: dict[int, _Entry] = {}
        self._epoch = 0  # bumped by wake_all: every waiter looks again
        self._ended_kept = ended_kept
        self._idle_kept = idle_kept
        self._clock = clock
        self._pruned_at = clock()

    def publish(self, session_id: int, seq: int, ended: bool = False) -> None:
        with self._condition:
            now = self._clock()
            entry = self._entries.get(session_id)
            if entry is None:
                entry = self._entries[session_id] = _Entry(seq, now)
            entry.seq = max(entry.seq, seq)
            entry.touched = now
            entry.ended = entry.ended or ended
            if now - self._pruned_at >= min(self._ended_kept, 10.0):
                self._prune(now)
            self._condition.notify_all()

    def _prune(self, now: float) -> None:
        self._pruned_at = now
        for session_id, entry in list(self._entries.items()):
            age = now - entry.touched
            if not entry.waiters and (age >= self._idle_kept or (entry.ended and age >= self._ended_kept)):
                del self._entries[session_id]

    def sessions_kept(self) -> int:
        with self._condition:
            return len(self._entries)

    def latest(self, session_id: int) -> int:
        with self._condition:
            entry = self._entries.get(session_id)
            return -1 if entry is None else entry.seq

    def wake_all(self) -> None:
        """Every waiter returns to look again (the source of signals was lost or is back)."""
        with self._condition:
            self._epoch += 1
            self._condition.notify_all()

    def wait(self, session_id: int, after_seq: int, timeout: float) -> bool:
        """True when a seq past ``after_seq`` was published; False on timeout or ``wake_all``."""
        with self._condition:
            epoch = self._epoch
            entry = self._entries.get(session_id)
            if entry is None:
                entry = self._entries[session_id] = _Entry(-1, self._clock())
            entry.waiters += 1
            try:
                self._condition.wait_for(lambda: entry.seq > after_seq or self._epoch != epoch, timeout)
            finally:
                entry.waiters -= 1
            return entry.seq > after_seq

    def trouble(self) -> str | None:
        return None


def _poll_wait(
    memory: MemorySignals,
    read_seq: Callable[[int], int | None],
    interval: Callable[[], float],
    session_id: int,
    after_seq: int,
    timeout: float,
) -> bool:
    """Read the database's seq, then wait on the memory signal at most ``interval()``; again."""
    end = time.monotonic() + timeout
    while True:
        current = read_seq(session_id)
        if current is None or current > after_seq:
            return True  # changed, or gone: either way the waiter re-reads
        left = end - time.monotonic()
        if left <= 0:
            return False
        if memory.wait(session_id, after_seq, min(interval(), left)):
            return True


class DatabasePollSignals:
    """The memory signal, and between its wake-ups a read of the session's seq every
    ``interval`` seconds (``read_seq``: the database's, in the app's context)."""

    def __init__(self, interval: float, read_seq: Callable[[int], int | None]) -> None:
        self.memory = MemorySignals()
        self.interval = interval
        self.read_seq = read_seq

    def publish(self, session_id: int, seq: int, ended: bool = False) -> None:
        self.memory.publish(session_id, seq, ended)

    def wait(self, session_id: int, after_seq: int, timeout: float) -> bool:
        return _poll_wait(self.memory, self.read_seq, lambda: self.interval, session_id, after_seq, timeout)

    def trouble(self) -> str | None:
        return None


class RedisSignals:
    """Redis pub/sub between processes and servers, the database poll while Redis is away.

    Messages are ``"<session id> <seq> <ended 0|1>"`` on one channel. The client never retries
    on its own (``retries=0``): a lost connection must surface here, since what was published
    while it was down is gone and the waiters have to re-read the database."""

    def __init__(
        self,
        url: str,
        channel: str,
        poll_seconds: float,
        read_seq: Callable[[int], int | None],
        recheck_seconds: float = 10.0,
        retry_seconds: float = 0.5,
    ) -> None:
        import redis
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        self._errors: tuple[type[BaseException], ...] = (redis.RedisError, OSError, ValueError)
        self._client = redis.Redis.from_url(
            url,
            socket_connect_timeout=1.0,
            socket_timeout=5.0,
            retry=Retry(NoBackoff(), 0),
            health_check_interval=5,
        )
        self.memory = MemorySignals()
        self.channel = channel
        self.poll_seconds = poll_seconds
        self.recheck_seconds = recheck_seconds  # a safety re-read while subscribed
        self.retry_seconds = retry_seconds
        self.read_seq = read_seq
        self._subscribed = threading.Event()
        self._down = threading.Event()  # set once connecting or publishing failed, until it works
        self._lock = threading.Lock()
        self._listener: threading.Thread | None = None
        self._listener_pid = 0
        self._stop = threading.Event()

    # -- the subscriber thread (one per process, started on first use: after gunicorn's fork)

    def _ensure_listener(self) -> None:
        if self._listener is not None and self._listener_pid == os.getpid() and self._listener.is_alive():
            return
        with self._lock:
            if self._listener is None or self._listener_pid != os.getpid() or not self._listener.is_alive():
                self._subscribed.clear()
                self._listener_pid = os.getpid()
                self._listener = threading.Thread(target=self._listen, name="live-signals", daemon=True)
                self._listener.start()

    def _listen(self) -> None:
        while not self._stop.is_set():
            pubsub = self._client.pubsub()  # type: ignore[no-untyped-call]
            try:
                pubsub.subscribe(self.channel)
                while not self._stop.is_set():
                    message = pubsub.get_message(timeout=1.0)
                    if message is None:
                        continue
                    if message["type"] == "subscribe":
                        self._subscribed.set()
                        self._down.clear()
                        self.memory.wake_all()  # re-read what changed while not subscribed
                    elif message["type"] == "message":
                        self._deliver(message["data"])
            except self._errors as error:
                if not self._down.is_set():
                    log.warning("live signals: Redis unreachable, polling the database meanwhile: %s", error)
                self._down.set()
            finally:
                self._subscribed.clear()
                self.memory.wake_all()  # waiters switch to the database poll
                with contextlib.suppress(*self._errors):
                    pubsub.close()
            self._stop.wait(self.retry_seconds)

    def _deliver(self, data: Any) -> None:
        try:
            session_id, seq, ended = (int(part) for part in bytes(data).split())
        except (TypeError, ValueError):
            return  # not ours
        self.memory.publish(session_id, seq, bool(ended))

    def close(self) -> None:
        """Stop the subscriber (tests)."""
        self._stop.set()
        if self._listener is not None:
            self._listener.join(timeout=5)

    # -- the interface

    def publish(self, session_id: int, seq: int, ended: bool = False) -> None:
        self.memory.publish(session_id, seq, ended)  # this process's waiters at once
        self._ensure_listener()
        try:
            self._client.publish(self.channel, f"{session_id} {seq} {int(ended)}")
        except self._errors as error:
            # committed all the same: the other servers' waiters find it by their poll
            log.warning("live signals: could not publish session %s seq %s: %s", session_id, seq, error)
            self._down.set()

    def wait(self, session_id: int, after_seq: int, timeout: float) -> bool:
        self._ensure_listener()
        return _poll_wait(self.memory, self.read_seq, self._interval, session_id, after_seq, timeout)

    def _interval(self) -> float:
        return self.recheck_seconds if self._subscribed.is_set() else self.poll_seconds

    def trouble(self) -> str | None:
        self._ensure_listener()
        return SLOWER if self._down.is_set() else None


def _read_seq(session_id: int) -> int | None:
    try:
        return live_store.seq_of(session_id)
    finally:
        live_store.release()  # a waiter holds no connection between polls


def _make(name: str, poll_seconds: float, channel: str = "quizapp:live") -> Signals:
    if name == "memory":
        return MemorySignals()
    if name == "database":
        return DatabasePollSignals(poll_seconds, _read_seq)
    if name.startswith(("redis://", "rediss://", "unix://")):
        return RedisSignals(name, channel, poll_seconds, _read_seq)
    raise ValueError(f"LIVE_SIGNALS must be 'memory', 'database' or a redis:// address, not {name!r}")


def init_app(app: Flask) -> None:
    app.extensions[EXTENSION_KEY] = _make(
        str(app.config["LIVE_SIGNALS"]),
        float(app.config["LIVE_POLL_SECONDS"]),
        str(app.config["LIVE_SIGNALS_CHANNEL"]),
    )


def signals() -> Signals:
    found: Signals = current_app.extensions[EXTENSION_KEY]
    return found
