"""Engine set-up: SQLite pragmas and lock modes, the write-transaction rule, schema creation.

SQLite: WAL (readers never block the writer), foreign keys on, a busy timeout, and our own
BEGIN (SQLAlchemy's SQLite transaction recipe). A transaction that will write begins
IMMEDIATE, taking the write lock up front so concurrent writers wait for each other instead
of failing with "database is locked" when a read lock cannot be upgraded; read-only
transactions stay DEFERRED and run concurrently.

SQLite has one write lock for the whole database, so it is held for the writes alone: the
code that writes (the ``*_store.py`` modules, bank sync, commands) calls ``begin_write`` just
before the reads its writes depend on, and commits promptly. No request holds it while it
reads a body, parses, hashes a password or renders. A write in a DEFERRED transaction is a
programming error (``DeferredWrite``): the tests raise it, production logs it.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import Flask
from sqlalchemy import Connection, CursorResult, Engine, Result, event, inspect, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from quizapp.db.base import db, migrate

BEGIN_OPTION = "quizapp_sqlite_begin"
BEGAN = "quizapp_began"  # connection.info: how the connection's transaction began (SQLite)
WROTE = "quizapp_wrote"  # connection.info: whether the transaction has written yet
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
log = logging.getLogger(__name__)
# The errors that mean "the database cannot serve now" (locked too long, out of space,
# unreachable): a request that meets one is answered 503 with nothing saved (error pages).
UNAVAILABLE: tuple[type[Exception], ...] = (OperationalError,)
SCHEMA_LOCK_KEY = 7_311_001  # PostgreSQL advisory lock that serializes schema and bank sync


MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def init_app(app: Flask) -> None:
    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS))
    with app.app_context():
        engine = db.engine
        _watch_writes(engine, strict=bool(app.config["TESTING"]))
        if engine.dialect.name == "sqlite":
            _configure_sqlite(engine, app.config)
        elif engine.dialect.name == "postgresql":
            _configure_postgresql(engine, app.config)
        upgrade = app.config["UPGRADE_SCHEMA_ON_START"]
        if upgrade is True or (upgrade == "sqlite" and engine.dialect.name == "sqlite"):
            upgrade_schema()


def _configure_sqlite(engine: Engine, config: Mapping[str, Any]) -> None:
    busy_ms = int(config["DATABASE_LOCK_TIMEOUT_MS"])
    synchronous = str(config["SQLITE_SYNCHRONOUS"]).upper()
    if synchronous not in {"OFF", "NORMAL", "FULL", "EXTRA"}:
        raise ValueError(f"SQLITE_SYNCHRONOUS must be OFF, NORMAL, FULL or EXTRA, not {synchronous}")

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {busy_ms}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA synchronous = {synchronous}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
        connection.info[BEGAN] = mode
        if mode == "DEFERRED":  # takes no lock, so cannot fail: straight to the driver (cheaper)
            _sqlite_driver(connection).execute("BEGIN DEFERRED")
        else:  # may meet a locked database: SQLAlchemy wraps the error (503, error_pages.py)
            connection.exec_driver_sql(f"BEGIN {mode}")


def _sqlite_driver(connection: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under SQLAlchemy's, for what SQLAlchemy must not see: our BEGIN,
    and pragmas that work only outside a transaction."""
    driver = connection.connection.driver_connection
    if not isinstance(driver, sqlite3.Connection):
        raise TypeError(f"expected a sqlite3 connection, not {driver!r}")
    return driver


class DeferredWrite(RuntimeError):
    """A write in a transaction that did not take SQLite's write lock first (``begin_write``)."""


def _watch_writes(engine: Engine, strict: bool) -> None:
    """Note which transactions have written (``begin_write`` keeps those open); on SQLite,
    catch a write in a DEFERRED transaction: it may fail with "database is locked" when its
    read lock cannot be upgraded, so every write path must take the lock first."""
    sqlite = engine.dialect.name == "sqlite"

    @event.listens_for(engine, "begin")
    def on_begin(connection: Connection) -> None:
        connection.info[WROTE] = False

    @event.listens_for(engine, "before_cursor_execute")
    def on_execute(connection: Connection, _cursor: Any, statement: str, *_args: Any) -> None:
        if not statement[:16].lstrip().upper().startswith(_WRITES):
            return
        connection.info[WROTE] = True
        if sqlite and connection.info.get(BEGAN) == "DEFERRED":
            if strict:
                raise DeferredWrite(f"write without begin_write(): {statement[:200]}")
            log.error(
                "write without begin_write() (may fail under load): %s", statement[:200], stack_info=True
            )


def _configure_postgresql(engine: Engine, config: Mapping[str, Any]) -> None:
    lock_ms = int(config["DATABASE_LOCK_TIMEOUT_MS"])

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: object) -> None:
        """Dates are UTC dates whatever the server's time zone (e.g. date(reviewed_at)); a lock
        held too long ends the wait with an error (503) instead of a request that hangs."""
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SET TIME ZONE 'UTC'")
            cursor.execute(f"SET lock_timeout = {lock_ms}")
        dbapi_connection.commit()


def begin_write() -> None:
    """Make the session's transaction a writing one (IMMEDIATE on SQLite) from here on.

    Call it just before the reads a write depends on and the write, then commit promptly: on
    SQLite the whole database's writes wait for this transaction. A read transaction still
    open in the session is committed first (on PostgreSQL that expires what the session
    loaded, so a later SELECT FOR UPDATE reads rows as they are now). A transaction that is
    already writing is kept, so one unit of work may call it more than once (create a user,
    then enroll them) and still commit or roll back as one.
    """
    session = db.session()
    if session.in_transaction():
        connection = session.connection()
        if connection.dialect.name == "sqlite":
            if connection.info.get(BEGAN) == "IMMEDIATE":
                return  # it has held the lock since its first statement: nothing it read is stale
        elif connection.info.get(WROTE) or session.new or session.dirty or session.deleted:
            return  # committing would split the unit of work; its rows are locked already
        session.commit()
    session.connection(execution_options={BEGIN_OPTION: "IMMEDIATE"})


@contextmanager
def exclusive(connection: Connection) -> Iterator[Connection]:
    """A transaction that no other process runs at the same time (schema set-up, bank sync)."""
    if connection.dialect.name == "sqlite":
        connection = connection.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
    with connection.begin():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
        yield connection


BASELINE = "0001_initial"  # the schema that databases made before migrations already have


def upgrade_schema() -> None:
    """Migrate the database to the newest schema; safe when several workers start at once.

    A database made before there were migrations (its tables, no ``alembic_version``) holds the
    first migration's schema: it is stamped with it, then upgraded like any other.
    """
    with db.engine.connect() as connection, foreign_keys_off(connection), exclusive(connection) as locked:
        config = _alembic_config(locked)
        tables = set(inspect(locked).get_table_names())
        if tables - {"alembic_version"} and "alembic_version" not in tables:
            command.stamp(config, BASELINE)
        command.upgrade(config, "head")


@contextmanager
def foreign_keys_off(connection: Connection) -> Iterator[None]:
    """SQLite migrations copy tables (batch mode); foreign keys are checked after, not during.

    The pragma only works outside a transaction, so it goes to the driver's connection before
    the migration's transaction begins; it is back on before the connection returns to the pool.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    driver = _sqlite_driver(connection)
    driver.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
        problems = driver.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise RuntimeError(f"the migration broke {len(problems)} foreign keys, e.g. {problems[0]}")
    finally:
        driver.execute("PRAGMA foreign_keys = ON")


def rollback() -> None:
    """Abandon the session's transaction after a failure: nothing of it is stored, and the
    next statement starts a fresh one."""
    db.session.rollback()


def rows_changed(result: Result[Any]) -> int:
    """How many rows an UPDATE or DELETE run by the session changed (Session.execute is typed
    as returning any Result; for those statements it is a CursorResult, which counts them)."""
    if not isinstance(result, CursorResult):
        raise TypeError(f"not the result of an UPDATE or DELETE: {result!r}")
    return result.rowcount


def unavailable_reason(error: Exception) -> str:
    """The first line of what the driver said (SQLAlchemy wraps it), for the log."""
    original = getattr(error, "orig", None)
    return str(original).splitlines()[0] if original else str(error)


def schema_status() -> tuple[str | None, str] | None:
    """(the database's migration, the newest one), or None if the database does not answer.

    For health checks: the session is released either way, so a check never keeps a
    connection (or a failed transaction) for the request that follows.
    """
    try:
        db.session.execute(text("SELECT 1"))
        return schema_revisions()
    except SQLAlchemyError:
        db.session.rollback()
        return None
    finally:
        db.session.remove()


def schema_revisions() -> tuple[str | None, str]:
    """(the database's migration, the newest one): equal when the schema is up to date."""
    current = MigrationContext.configure(db.session.connection()).get_current_revision()
    return current, ScriptDirectory.from_config(_alembic_config()).get_current_head() or ""


def _alembic_config(connection: Connection | None = None) -> Config:
    # types-Flask-Migrate's Config does not subclass Alembic's (the real one does)
    config = cast(Config, migrate.get_config())
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def lock_for_bank_sync() -> None:
    """Begin a session transaction that excludes every other bank sync (all hosts, workers)."""
    begin_write()
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
