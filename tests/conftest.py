"""Fixtures: an app on a fresh database per test, SQLite by default or PostgreSQL.

Set QUIZAPP_TEST_DATABASE_URL to a PostgreSQL URL (e.g.
postgresql+psycopg://postgres@127.0.0.1:5432/test) to run the suite on PostgreSQL: the
session creates its own database there and drops it at the end.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from quizapp import create_app
from quizapp.extensions import db

PROJECT_ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = PROJECT_ROOT / "questions"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str | None]:
    base = os.environ.get("QUIZAPP_TEST_DATABASE_URL")
    if not base:
        yield None
        return
    url = make_url(base)
    name = f"quizapp_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def questions_dir(tmp_path: Path) -> Path:
    """A copy of the project's questions folder that a test may change."""
    target = tmp_path / "questions"
    shutil.copytree(QUESTIONS, target)
    return target


@pytest.fixture
def app(tmp_path: Path, questions_dir: Path, postgres_url: str | None):
    instance = tmp_path / "instance"
    instance.mkdir()
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "QUESTIONS_DIR": str(questions_dir),
        "SQLALCHEMY_DATABASE_URI": postgres_url or f"sqlite:///{instance / 'test.sqlite'}",
        "BANK_RESCAN_SECONDS": 0,
    }
    if postgres_url:
        _reset_postgres(postgres_url)
    application = create_app(config)
    yield application
    with application.app_context():
        db.session.remove()
        db.engine.dispose()


def _reset_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def is_postgres(app) -> bool:
    return app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql")
