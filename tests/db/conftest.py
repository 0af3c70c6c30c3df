"""Fixtures of the db tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp import create_app
from quizapp.db.base import db


@pytest.fixture
def sqlite_app(tmp_path: Path, questions_dir: Path):
    """An app on a SQLite file whichever database the suite runs on: the lock is SQLite's."""
    application = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "QUESTIONS_DIR": str(questions_dir),
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'lock.sqlite'}",
            "BANK_RESCAN_SECONDS": 0,
            "LOGIN_LIMIT_PER_ADDRESS": "1000 per minute",
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        }
    )
    yield application
    with application.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def plain_sqlite_app(tmp_path, questions_dir):
    """An app on SQLite whichever engine the suite runs on: these tests are about SQLite."""
    uri = f"sqlite:///{tmp_path / 'own.sqlite'}"
    application = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "SQLALCHEMY_DATABASE_URI": uri,
            "QUESTIONS_DIR": str(questions_dir),
        }
    )
    yield application
    with application.app_context():
        db.engine.dispose()
