import sqlite3
import threading
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import create_engine, inspect, text

from quizapp import create_app
from quizapp.core.accounts import Role
from quizapp.db import account_store
from quizapp.db.base import db
from quizapp.db.database import DeferredWrite, begin_write
from quizapp.db.models import Bank


def test_sqlite_pragmas(plain_sqlite_app):
    app = plain_sqlite_app
    with app.app_context():
        connection = db.session.connection()
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_reads_are_deferred_and_writes_take_the_lock_at_begin(plain_sqlite_app):
    app = plain_sqlite_app
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    with app.app_context():
        db.session.execute(db.select(Bank)).all()  # a read transaction holds no write lock
        other = create_engine(uri, connect_args={"timeout": 0})
        with other.begin() as connection:
            connection.execute(text("CREATE TABLE probe (x INTEGER)"))
        db.session.rollback()
        begin_write()  # IMMEDIATE: the write lock is ours before any statement
        with pytest.raises(Exception, match="locked"), other.begin() as connection:
            connection.execute(text("INSERT INTO probe VALUES (1)"))
        db.session.rollback()
        other.dispose()


def test_concurrent_writers_wait_instead_of_failing(app, is_postgres):
    """Eight threads each read then write in one transaction: none sees 'database is locked'."""
    errors: list[BaseException] = []

    def writer(number: int) -> None:
        try:
            with app.app_context():
                begin_write()
                count = db.session.scalar(db.select(db.func.count()).select_from(Bank))
                db.session.add(
                    Bank(slug=f"b{number}-{count}", title="t", file_path="f", content_hash="h", settings={})
                )
                db.session.commit()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with app.app_context():
        slugs = db.session.scalars(db.select(Bank.slug).where(Bank.slug.like("b%"))).all()
    counts = sorted(int(slug.split("-")[1]) for slug in slugs)
    assert len(counts) == 8
    if not is_postgres:  # SQLite: IMMEDIATE serializes writers, so each saw all earlier writes
        assert counts == list(range(8))


def test_timestamps_are_timezone_aware_utc(app):
    with app.app_context():
        begin_write()
        plus_two = timezone(timedelta(hours=2))
        bank = Bank(
            slug="t",
            title="t",
            file_path="f",
            content_hash="h",
            settings={},
            created_at=datetime(2026, 3, 9, 12, 0, tzinfo=plus_two),
        )
        db.session.add(bank)
        db.session.commit()
        db.session.expire_all()
        loaded = db.session.scalar(db.select(Bank).where(Bank.slug == "t"))
        assert loaded.created_at == datetime(2026, 3, 9, 10, 0, tzinfo=UTC)
        assert loaded.created_at.tzinfo is not None and loaded.updated_at.tzinfo is not None
        loaded.created_at = datetime(2026, 1, 1)
        with pytest.raises(Exception, match="naive datetime"):
            db.session.flush()
        db.session.rollback()


def test_begin_write_keeps_a_write_transaction_that_is_already_open(plain_sqlite_app):
    """Called again (a POST request began one, then the code that writes asks for one), it does
    not commit what the transaction has written so far: a rollback still undoes it."""
    with plain_sqlite_app.app_context():
        begin_write()
        db.session.add(Bank(slug="kept-open", title="t", file_path="f", content_hash="h", settings={}))
        db.session.flush()
        begin_write()
        db.session.rollback()
        assert db.session.scalar(db.select(Bank).where(Bank.slug == "kept-open")) is None


def _someone_else_can_write(uri: str) -> bool:
    other = create_engine(uri, connect_args={"timeout": 0})
    try:
        with other.begin() as connection:
            connection.execute(text("CREATE TABLE IF NOT EXISTS probe (x INTEGER)"))
            connection.execute(text("INSERT INTO probe VALUES (1)"))
        return True
    except Exception as error:
        assert "locked" in str(error)
        return False
    finally:
        other.dispose()


def test_a_write_without_begin_write_is_an_error_on_sqlite(plain_sqlite_app, caplog):
    """The safety net: a write in a DEFERRED transaction may fail with "database is locked" under
    load, so the tests refuse it and production logs it with where it came from."""
    with plain_sqlite_app.app_context():
        db.session.execute(db.select(Bank)).all()
        db.session.add(Bank(slug="deferred", title="t", file_path="f", content_hash="h", settings={}))
        with pytest.raises(DeferredWrite, match="INSERT INTO banks"):
            db.session.flush()
        db.session.rollback()
        with pytest.raises(DeferredWrite, match="DELETE FROM banks"):
            db.session.execute(db.delete(Bank))
        db.session.rollback()
    plain_sqlite_app.config["TESTING"] = False
    uri = plain_sqlite_app.config["SQLALCHEMY_DATABASE_URI"]
    production = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": uri})
    with production.app_context():
        db.session.execute(db.delete(Bank).where(Bank.slug == "nothing"))
        db.session.rollback()
        db.engine.dispose()
    assert "write without begin_write() (may fail under load): DELETE FROM banks" in caplog.text


def test_a_store_that_read_first_waits_for_the_lock_instead_of_failing(plain_sqlite_app):
    """Why test_load failed now and then with "(sqlite3.OperationalError) database is locked":
    its set-up created users in a transaction that read before it wrote, while a gunicorn
    worker still starting up held the write lock (schema check, bank sync). SQLite does not
    wait to upgrade a read transaction to a write one; it fails at once. The stores now take
    the lock first (begin_write), so they wait like any writer."""
    uri = plain_sqlite_app.config["SQLALCHEMY_DATABASE_URI"]
    holder = sqlite3.connect(uri.removeprefix("sqlite:///"), isolation_level=None, check_same_thread=False)
    with plain_sqlite_app.app_context():
        account_store.teacher_exists()  # a read transaction, as the test's set-up had
        holder.execute("BEGIN IMMEDIATE")  # a worker starting up
        release = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
        release.start()
        account_store.create_user("ana", "Ana", "long-enough-password", Role.TEACHER)
        account_store.commit()
        release.join()
        assert account_store.account_by_username("ana") is not None
    holder.close()


def test_nested_begin_write_keeps_one_unit_of_work_on_both_databases(app):
    """A store that writes calls begin_write, and may be called by another that already did
    (create a user, then enroll them): on PostgreSQL too the transaction that has written is
    kept, so a rollback undoes all of it."""
    with app.app_context():
        begin_write()
        db.session.add(Bank(slug="first-half", title="t", file_path="f", content_hash="h", settings={}))
        db.session.flush()
        begin_write()
        db.session.add(Bank(slug="second-half", title="t", file_path="f", content_hash="h", settings={}))
        begin_write()  # pending, not yet flushed: kept as well
        db.session.rollback()
        assert db.session.scalars(db.select(Bank.slug).where(Bank.slug.like("%-half"))).all() == []


def test_begin_write_in_a_write_transaction_reloads_what_postgres_may_have_changed(app, is_postgres):
    """On PostgreSQL begin_write commits, which expires what the session loaded, so a later
    SELECT ... FOR UPDATE reads rows as they are now. SQLite's write transaction has held the
    lock since its first statement, so it is kept (nothing it read can have changed)."""
    with app.app_context():
        begin_write()
        db.session.add(Bank(slug="loaded", title="t", file_path="f", content_hash="h", settings={}))
        db.session.commit()
        begin_write()
        bank = db.session.scalar(db.select(Bank).where(Bank.slug == "loaded"))
        begin_write()
        assert inspect(bank).expired is is_postgres
        db.session.rollback()
