"""The database:// rate limits store: fixed-window counters in the app's database (on SQLite a
file beside it), on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from types import SimpleNamespace

from limits import parse
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter

from quizapp.db import limits_store
from quizapp.db.limits_store import DatabaseStorage, counters_database_url, store_uri
from quizapp.extensions import limiter


def test_the_app_counts_in_its_database_by_default(app, is_postgres):
    assert isinstance(limiter.storage, DatabaseStorage)
    database = app.config["SQLALCHEMY_DATABASE_URI"]
    expected = database if is_postgres else database.replace("test.sqlite", "test-limits.sqlite")
    assert counters_database_url(database) == expected


def test_an_in_memory_sqlite_database_counts_in_memory():
    assert counters_database_url("sqlite://") is None and store_uri("sqlite:///:memory:") is None


def test_counts_restart_when_their_window_ends(app, monkeypatch):
    storage = storage_from_string(store_uri(app.config["SQLALCHEMY_DATABASE_URI"]))
    clock = SimpleNamespace(now=1_000_000.0)
    monkeypatch.setattr(limits_store, "time", SimpleNamespace(time=lambda: clock.now))
    assert [storage.incr("k", 60) for _ in range(3)] == [1, 2, 3]
    assert storage.get("k") == 3 and storage.get_expiry("k") == 1_000_060.0
    assert storage.incr("k", 60, amount=-1) == 2  # a place given back
    clock.now += 61
    assert storage.get("k") == 0 and storage.incr("k", 60) == 1  # a new window
    assert storage.get_expiry("k") == 1_000_121.0
    storage.clear("k")
    assert storage.get("k") == 0 and storage.check()
    storage.incr("other", 60)
    assert storage.reset() >= 1 and storage.get("other") == 0
    storage.dispose()


def test_concurrent_hits_count_every_one(app):
    """One atomic statement per count: 8 threads x 25 hits, no count lost."""
    storage = storage_from_string(store_uri(app.config["SQLALCHEMY_DATABASE_URI"]))
    strategy, item = FixedWindowRateLimiter(storage), parse("150 per minute")
    allowed = []

    def hit() -> None:
        allowed.extend(strategy.hit(item, "key") for _ in range(25))

    threads = [threading.Thread(target=hit) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert allowed.count(True) == 150 and storage.get(item.key_for("key")) == 200
    storage.dispose()


def test_connections_set_up_together_all_count(tmp_path):
    """Workers starting together each open the counters' file and switch it to WAL, which does
    not wait for a busy file: a failed set-up lost that thread's counts (CI saw 175 of 200)."""
    storage = storage_from_string(store_uri(f"sqlite:///{tmp_path / 'app.sqlite'}"))
    errors: list[BaseException] = []
    barrier = threading.Barrier(16)

    def first_hit() -> None:
        barrier.wait()
        try:
            storage.incr("together", 60)
        except BaseException as error:  # any failure is the finding
            errors.append(error)

    threads = [threading.Thread(target=first_hit) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and storage.get("together") == 16
    storage.dispose()
