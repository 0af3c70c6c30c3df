"""Waking the waiters of a live session when its state changes (docs/live.md, "Transport").

The state always lives in the database; a signal only says "session N is at seq S now" so that
each open event stream re-reads it at once. The interface is two calls:

- ``publish(session_id, seq)`` after a change is committed;
- ``wait(session_id, after_seq, timeout) -> bool``: True as soon as the session is past
  ``after_seq`` (at once if it is already), False when ``timeout`` seconds pass first.

``QUIZAPP_LIVE_SIGNALS`` (``LIVE_SIGNALS``) chooses the implementation:
- ``memory``: a ``threading.Condition`` per process: exact and instant within one process
  (the development server, one gunicorn worker with threads);
- ``database`` (the default): the memory signal for changes made in this process, and a read of
  the session's ``seq`` about once a second (``LIVE_POLL_SECONDS``) for changes other
  workers or servers made: one server with several workers works with nothing else to run;
- a Redis pub/sub implementation goes here too (the seam: a class with ``publish`` and
  ``wait``, chosen by name in ``_make``), for several servers without the poll's delay.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Protocol

from flask import Flask, current_app

from quizapp.db import live_store

EXTENSION_KEY = "quizapp_live_signals"


class Signals(Protocol):
    def publish(self, session_id: int, seq: int) -> None: ...

    def wait(self, session_id: int, after_seq: int, timeout: float) -> bool: ...


class MemorySignals:
    """Within one process: the newest seq published per session, and a condition to wait on."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._latest: dict[int, int] = {}

    def publish(self, session_id: int, seq: int) -> None:
        with self._condition:
            if seq > self._latest.get(session_id, -1):
                self._latest[session_id] = seq
            self._condition.notify_all()

    def latest(self, session_id: int) -> int:
        with self._condition:
            return self._latest.get(session_id, -1)

    def wait(self, session_id: int, after_seq: int, timeout: float) -> bool:
        with self._condition:
            return self._condition.wait_for(lambda: self._latest.get(session_id, -1) > after_seq, timeout)


class DatabasePollSignals:
    """The memory signal, and between its wake-ups a read of the session's seq every
    ``interval`` seconds (``read_seq``: the database's, in the app's context)."""

    def __init__(self, interval: float, read_seq: Callable[[int], int | None]) -> None:
        self.memory = MemorySignals()
        self.interval = interval
        self.read_seq = read_seq

    def publish(self, session_id: int, seq: int) -> None:
        self.memory.publish(session_id, seq)

    def wait(self, session_id: int, after_seq: int, timeout: float) -> bool:
        end = time.monotonic() + timeout
        while True:
            current = self.read_seq(session_id)
            if current is None or current > after_seq:
                return True  # changed, or gone: either way the waiter re-reads
            left = end - time.monotonic()
            if left <= 0:
                return False
            if self.memory.wait(session_id, after_seq, min(self.interval, left)):
                return True


def _read_seq(session_id: int) -> int | None:
    try:
        return live_store.seq_of(session_id)
    finally:
        live_store.release()  # a waiter holds no connection between polls


def _make(name: str, poll_seconds: float) -> Signals:
    if name == "memory":
        return MemorySignals()
    if name == "database":
        return DatabasePollSignals(poll_seconds, _read_seq)
    raise ValueError(f"LIVE_SIGNALS must be 'memory' or 'database', not {name!r}")


def init_app(app: Flask) -> None:
    app.extensions[EXTENSION_KEY] = _make(
        str(app.config["LIVE_SIGNALS"]), float(app.config["LIVE_POLL_SECONDS"])
    )


def signals() -> Signals:
    found: Signals = current_app.extensions[EXTENSION_KEY]
    return found
