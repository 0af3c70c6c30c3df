import dataclasses
import sqlite3
import threading

import pytest

from quizapp.core.model import QuestionType
from quizapp.db import bank_store
from quizapp.db.base import db
from quizapp.db.database import begin_write
from quizapp.db.models import Bank, Question, QuestionVersion
from quizapp.services.bank_library import library


def current_banks(app):
    with app.app_context():
        current = library()
        current.reload()
        return current.catalog.banks


def test_sync_creates_rows_and_is_idempotent(app):
    banks = current_banks(app)
    with app.app_context():
        first = bank_store.sync_banks(banks)
        assert first.created == ["kosovo-peacekeepers"]
        second = bank_store.sync_banks(banks)
        assert second.unchanged == ["kosovo-peacekeepers"] and not second.created
        assert db.session.scalar(db.select(db.func.count()).select_from(Question)) == len(banks[0].questions)
        assert db.session.scalar(db.select(db.func.count()).select_from(QuestionVersion)) == len(
            banks[0].questions
        )


def test_changed_question_keeps_its_old_version(app):
    bank = current_banks(app)[0]
    original = bank.questions[0]
    with app.app_context():
        bank_store.sync_banks([bank])
        edited = dataclasses.replace(
            original, prompt="Where did Kosovo send its platoon?", content_hash="e" * 64
        )
        new_bank = dataclasses.replace(bank, questions=(edited, *bank.questions[1:]), content_hash="x")
        assert bank_store.sync_banks([new_bank]).updated == ["kosovo-peacekeepers"]
        old = bank_store.question_version(bank.slug, original.id, original.content_hash)
        assert old is not None and old.prompt == original.prompt
        assert old.content_hash == original.content_hash  # the stored JSON hashes the same
        row = db.session.scalar(db.select(Question).where(Question.key == original.id))
        assert row.content_hash == "e" * 64


def test_versions_stored_before_quote_lists_stay_the_current_ones_and_load(app):
    """A database synced when a version held one ``source_quote``: after the upgrade, the same
    questions name the same versions (no new one each), and those versions load with the quote."""
    bank = current_banks(app)[0]
    with app.app_context():
        bank_store.sync_banks([bank])
        begin_write()
        for row in db.session.scalars(db.select(QuestionVersion)).all():
            quotes = row.definition["source_quotes"]
            if len(quotes) > 1:
                continue  # a version quoting several passages was never stored the old way
            old = {key: value for key, value in row.definition.items() if key != "source_quotes"}
            row.definition = {**old, "source_quote": quotes[0] if quotes else ""}
        db.session.commit()
        resynced = dataclasses.replace(bank, content_hash="before-lists")  # as a bank changed on disk
        assert bank_store.sync_banks([resynced]).updated == ["kosovo-peacekeepers"]
        assert db.session.scalar(db.select(db.func.count()).select_from(QuestionVersion)) == len(
            bank.questions
        )
        for question in bank.questions:
            stored = bank_store.question_version(bank.slug, question.id, question.content_hash)
            assert stored.source_quotes == question.source_quotes, question.id
            assert stored.content_hash == question.content_hash


def test_removed_question_and_bank_retire_but_stay(app):
    bank = current_banks(app)[0]
    with app.app_context():
        bank_store.sync_banks([bank])
        shorter = dataclasses.replace(bank, questions=bank.questions[1:], content_hash="y")
        bank_store.sync_banks([shorter])
        row = db.session.scalar(db.select(Question).where(Question.key == bank.questions[0].id))
        assert row.active is False
        assert bank_store.sync_banks([]).retired == ["kosovo-peacekeepers"]
        assert bank_store.list_banks() == []
        assert db.session.scalar(db.select(Bank.active)) is False


def test_list_banks_counts_questions_by_type(app):
    bank = current_banks(app)[0]
    with app.app_context():
        bank_store.sync_banks([bank])
        [summary] = bank_store.list_banks()
    assert summary.title == bank.title and summary.card_count == len(bank.cards)
    assert summary.counts == bank.count_by_type()
    assert summary.question_count == len(bank.questions)
    assert list(summary.counts) == [t for t in QuestionType if t in summary.counts]


def test_concurrent_syncs_from_many_workers_write_each_row_once(app):
    """Workers of several hosts sync at start-up at the same time; the lock serializes them."""
    banks = current_banks(app)
    errors: list[BaseException] = []

    def sync() -> None:
        try:
            with app.app_context():
                bank_store.sync_banks(banks)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=sync) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Bank)) == 1
        assert db.session.scalar(db.select(db.func.count()).select_from(QuestionVersion)) == len(
            banks[0].questions
        )


def test_a_sync_that_changes_nothing_takes_no_write_lock(app, is_postgres):
    """Every worker checks the banks now and then: when they match the rows, it reads only, so a
    check never waits behind (or holds up) the class's writes."""
    if is_postgres:
        pytest.skip("the database-wide write lock is SQLite's")
    banks = current_banks(app)
    with app.app_context():
        bank_store.sync_banks(banks)
        db.session.connection().exec_driver_sql("PRAGMA busy_timeout = 200")  # fail fast if it waits
        db.session.commit()
        path = app.config["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///")
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # someone else is writing
        try:
            assert bank_store.sync_banks(banks).unchanged == ["kosovo-peacekeepers"]
        finally:
            holder.execute("ROLLBACK")
            holder.close()
