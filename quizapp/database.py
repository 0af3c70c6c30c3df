"""Engine set-up: SQLite pragmas and lock modes, the write-transaction rule, schema creation.

SQLite: WAL (readers never block the writer), foreign keys on, a busy timeout, and our own
BEGIN (SQLAlchemy's SQLite transaction recipe). A transaction that will write begins
IMMEDIATE, taking the write lock up front so concurrent writers wait for each other instead
of failing with "database is locked" when a read lock cannot be upgraded; read-only
transactions stay DEFERRED and run concurrently.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flask import Flask
from sqlalchemy import Connection, Engine, event, text

from .extensions import db

BEGIN_OPTION = "quizapp_sqlite_begin"
SCHEMA_LOCK_KEY = 7_311_001  # PostgreSQL advisory lock that serializes schema and bank sync


def init_app(app: Flask) -> None:
    db.init_app(app)
    with app.app_context():
        engine = db.engine
        if engine.dialect.name == "sqlite":
            _configure_sqlite(engine, app.config)
        elif engine.dialect.name == "postgresql":
            _configure_postgresql(engine)
        if app.config["CREATE_SCHEMA_ON_START"]:
            create_schema(engine)


def _configure_sqlite(engine: Engine, config: dict) -> None:
    busy_ms = int(config["SQLITE_BUSY_TIMEOUT_MS"])
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
        connection.exec_driver_sql(f"BEGIN {mode}")


def _configure_postgresql(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: object) -> None:
        """Dates are UTC dates whatever the server's time zone (e.g. date(reviewed_at))."""
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SET TIME ZONE 'UTC'")
        dbapi_connection.commit()


def begin_write() -> None:
    """Make the session's next transaction a writing one (IMMEDIATE on SQLite).

    Call it before the first query of a unit of work that writes, e.g. at the start of a POST
    request. A read transaction still open in the session is ended first.
    """
    session = db.session()
    if session.in_transaction():
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


def create_schema(engine: Engine) -> None:
    """Create missing tables; safe when several workers start at once."""
    with engine.connect() as connection, exclusive(connection) as locked:
        db.metadata.create_all(locked)


def lock_for_bank_sync() -> None:
    """Begin a session transaction that excludes every other bank sync (all hosts, workers)."""
    begin_write()
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
