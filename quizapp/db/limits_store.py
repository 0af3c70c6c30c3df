"""The rate limits' counters in the app's own database: limits that hold across workers and
servers with no Redis (``RATELIMIT_STORAGE_URI = "database://"``, the default).

A storage class for the ``limits`` library (under Flask-Limiter), registered by its URI scheme.
Each counter is one row, changed by one atomic statement (an upsert that restarts an expired
window), on the storage's own connections in autocommit: a count never waits for a request's
transaction, and a request that rolls back does not undo it.

- SQLite: the counters live in a small file of their own beside the database
  (``quizapp.sqlite`` -> ``quizapp-limits.sqlite``), so a login never waits for the main
  database's write lock; they are disposable, so that file is not synced to disk.
- PostgreSQL: the ``rate_limit_counters`` table of the database (a migration makes it).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qs, quote, urlsplit

from limits.storage import Storage
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.exc import SQLAlchemyError

SCHEME = "database"
TABLE = "rate_limit_counters"
SWEEP_EVERY = 1000  # increments per process between deletions of expired rows

_INCR = (
    f"INSERT INTO {TABLE} (key, count, expires_at) VALUES (:key, :amount, :now + :expiry) "
    f"ON CONFLICT (key) DO UPDATE SET "
    f"count = CASE WHEN {TABLE}.expires_at <= :now THEN :amount ELSE {TABLE}.count + :amount END, "
    f"expires_at = CASE WHEN {TABLE}.expires_at <= :now THEN :now + :expiry ELSE {TABLE}.expires_at END "
    f"RETURNING count"
)
_GET = f"SELECT count, expires_at FROM {TABLE} WHERE key = :key AND expires_at > :now"
_SQLITE_TABLE = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} "
    "(key VARCHAR(500) NOT NULL PRIMARY KEY, count INTEGER NOT NULL, expires_at FLOAT NOT NULL)"
)


def store_uri(database_url: str) -> str | None:
    """The storage URI for an app on ``database_url``: ``database://?url=<the counters' URL>``
    (in the URI, not in storage options: Flask-Limiter keeps options from one app to the next)."""
    url = counters_database_url(database_url)
    return None if url is None else f"{SCHEME}://?url={quote(url, safe='')}"


def counters_database_url(database_url: str) -> str | None:
    """Where the counters of an app on ``database_url`` live; None for an in-memory SQLite
    database (one process only: its limits may as well be counted in memory)."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        return database_url
    if not url.database or url.database == ":memory:" or url.query.get("mode") == "memory":
        return None
    path = Path(url.database)
    return url.set(database=str(path.with_name(f"{path.stem}-limits.sqlite"))).render_as_string(
        hide_password=False
    )


class DatabaseStorage(Storage):
    """Fixed-window counters in a database table (the strategy Flask-Limiter uses by default)."""

    # limits registers the class by this class attribute, but Storage declares an instance variable
    STORAGE_SCHEME: ClassVar[list[str]] = [SCHEME]  # type: ignore[misc]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options: Any) -> None:
        database_url = parse_qs(urlsplit(uri or "").query).get("url", [""])[0]
        if not database_url:
            raise ValueError("database:// needs ?url=... (settings.py sets it from the database)")
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        url = make_url(database_url)
        self._run: _SqliteFile | _Pool
        if url.get_backend_name() != "sqlite":
            self._run = _Pool(database_url)
        elif url.database:
            self._run = _SqliteFile(url.database)
        else:  # store_uri gives no URL for an in-memory database
            raise ValueError("database:// needs a SQLite file, not an in-memory database")
        self._increments = 0

    @property
    def base_exceptions(self) -> tuple[type[Exception], ...]:
        return (SQLAlchemyError, sqlite3.Error)

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        now = time.time()
        rows, _ = self._run(_INCR, {"key": key, "amount": amount, "now": now, "expiry": float(expiry)})
        self._increments += 1
        if self._increments % SWEEP_EVERY == 0:
            self._run(f"DELETE FROM {TABLE} WHERE expires_at <= :now", {"now": now})
        return int(rows[0][0])

    def get(self, key: str) -> int:
        row = self._row(key)
        return int(row[0]) if row else 0

    def get_expiry(self, key: str) -> float:
        row = self._row(key)
        return float(row[1]) if row else time.time()

    def check(self) -> bool:
        """Reachable, and the table is there (on PostgreSQL, after ``db upgrade``)."""
        try:
            self._run(f"SELECT 1 FROM {TABLE} LIMIT 1", {})
        except self.base_exceptions:
            return False
        return True

    def reset(self) -> int | None:
        return self._run(f"DELETE FROM {TABLE}", {})[1]

    def clear(self, key: str) -> None:
        self._run(f"DELETE FROM {TABLE} WHERE key = :key", {"key": key})

    def dispose(self) -> None:
        """Close the storage's connections (tests make many apps)."""
        self._run.dispose()

    def _row(self, key: str) -> Any:
        rows, _ = self._run(_GET, {"key": key, "now": time.time()})
        return rows[0] if rows else None


SETUP_ATTEMPTS = 100  # x 50 ms: five seconds, the busy timeout of every other statement


class _SqliteFile:
    """The counters' SQLite file, through one sqlite3 connection per thread: a count costs
    tens of microseconds (SQLAlchemy's connection handling would cost several times that)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.local = threading.local()

    def __call__(self, sql: str, params: dict[str, Any]) -> tuple[list[tuple[Any, ...]], int]:
        connection = self._connection()
        cursor = connection.execute(sql, params)
        return cursor.fetchall(), cursor.rowcount

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self.local, "connection", None)
        if connection is None or self.local.pid != os.getpid():  # none yet, or made before a fork
            connection = self._connect()
            self.local.connection, self.local.pid = connection, os.getpid()
        return connection

    def _connect(self) -> sqlite3.Connection:
        """A connection to the counters' file, set up. Switching the file to WAL does not wait for
        a busy file as other statements do (it failed with "database is locked" when workers or
        threads started together, and their counts were lost): it is done only when the file is
        not WAL yet (WAL stays with the file), and tried again for a while when the file is busy."""
        for attempt in range(SETUP_ATTEMPTS):
            connection = sqlite3.connect(self.path, isolation_level=None, timeout=5)  # autocommit
            try:
                if connection.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    connection.execute("PRAGMA journal_mode = WAL")
                connection.execute("PRAGMA synchronous = OFF")  # counters need not survive a power cut
                connection.execute(_SQLITE_TABLE)
            except sqlite3.OperationalError:
                connection.close()
                if attempt == SETUP_ATTEMPTS - 1:
                    raise
                time.sleep(0.05)
            else:
                return connection
        raise AssertionError("unreachable")  # the loop returns or raises

    def dispose(self) -> None:
        connection = getattr(self.local, "connection", None)
        if connection is not None:
            connection.close()
            self.local.connection = None


class _Pool:
    """PostgreSQL (or another server database): a small pool of its own, in autocommit."""

    def __init__(self, url: str) -> None:
        self.engine = create_engine(url, isolation_level="AUTOCOMMIT", pool_size=2, max_overflow=3)

    def __call__(self, sql: str, params: dict[str, Any]) -> tuple[list[tuple[Any, ...]], int]:
        with self.engine.connect() as connection:
            result = connection.execute(text(sql), params)
            return ([tuple(row) for row in result] if result.returns_rows else []), result.rowcount

    def dispose(self) -> None:
        self.engine.dispose()
