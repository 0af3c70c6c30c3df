"""Fixtures: an app on a fresh database per test, SQLite by default or PostgreSQL.

Set QUIZAPP_TEST_DATABASE_URL to a PostgreSQL URL (e.g.
postgresql+psycopg://postgres@127.0.0.1:5432/test) to run the suite on PostgreSQL: the
session creates its own database there and drops it at the end.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from quizapp import create_app
from quizapp.db.base import db
from quizapp.db.database import begin_write
from quizapp.db.models import User
from quizapp.extensions import limiter
from tests.helpers.assignments import assigned_to_tinas_class_alone
from tests.helpers.banks import (
    ARTICLE_BANK,
    QUESTIONS,
    assert_untouched,
    assign_every_bank,
    copy_banks,
    copy_banks_with_quotes,
    snapshot,
)
from tests.helpers.quizzes import (
    answer,
    answer_correctly,
    attempt_questions,
    form_fields,
    start,
    submit,
    wrong_response,
)
from tests.helpers.redis_server import RedisServer
from tests.helpers.web import PASSWORD, People, login


@pytest.fixture(autouse=True)
def _project_banks_untouched() -> Iterator[None]:
    """Fail the test during which the project's questions/ changed: tests use their own copies."""
    before = snapshot(QUESTIONS)
    yield
    assert_untouched(before, QUESTIONS)


@pytest.fixture(autouse=True)
def _push_request_context():
    """Opt out of pytest-flask's test-wide request context.

    With it, every request of a test shares one app context, so ``g`` (where Flask-Login
    caches the user and Flask-WTF the CSRF token) and the database session leak from one
    request, or one client, to the next. Each request gets its own context, as in production.
    """
    yield


@pytest.fixture
def client(app):
    """A test client that keeps no request context between requests (pytest-flask's does)."""
    return app.test_client()


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
def questions_dir(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """The test's own copy of the banks it uses (tests/helpers/banks.py), which it may change.

    Marked ``only_bank(slug, yaml_text)``, the folder holds that one bank instead (a toy type's);
    marked ``ungrouped``, the article's bank without its groups, so that a test asks every question;
    marked ``with_quotes``, the banks and ``QUOTES_BANK``, a question quoting two paragraphs.
    """
    folder = tmp_path / "questions"
    only_bank = request.node.get_closest_marker("only_bank")
    if only_bank:
        slug, text = only_bank.args
        folder.mkdir()
        (folder / f"{slug}.yaml").write_text(text, encoding="utf-8")
        return folder
    if request.node.get_closest_marker("with_quotes"):
        return copy_banks_with_quotes(folder)
    copy_banks(folder)
    if request.node.get_closest_marker("ungrouped"):
        bank = folder / ARTICLE_BANK.name
        lines = bank.read_text(encoding="utf-8").splitlines(keepends=True)
        bank.write_text("".join(line for line in lines if not line.lstrip().startswith("group:")), "utf-8")
    return folder


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
        "UPGRADE_SCHEMA_ON_START": True,  # PostgreSQL too: each test starts from an empty database
        "LOGIN_LIMIT_PER_ADDRESS": "1000 per minute",  # tests log in often; limits have their own tests
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",  # fast in tests; scrypt by default
        "LIVE_STREAM_SECONDS": 0,  # a live event stream sends the current state, then ends
    }
    if postgres_url:
        engine = create_engine(postgres_url)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        engine.dispose()
    application = create_app(config)
    yield application
    with application.app_context():
        db.session.remove()
        db.engine.dispose()
    dispose = getattr(limiter.storage, "dispose", None)  # the rate limits' own connections
    if dispose is not None:
        dispose()


@pytest.fixture
def is_postgres(app) -> bool:
    return app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql")


@pytest.fixture
def people(app) -> People:
    import random

    from quizapp.core.accounts import Role
    from quizapp.db import account_store

    rng = random.Random(7)
    with app.app_context():
        tina = account_store.create_user("tina", "Tina Teacher", PASSWORD, Role.TEACHER)
        otto = account_store.create_user("otto", "Otto Other", PASSWORD, Role.TEACHER)
        db.session.commit()
        class_a = account_store.create_class(tina.id, "History 9B", rng)
        class_b = account_store.create_class(otto.id, "Civics 10A", rng)
        sam = account_store.create_user("sam", "Sam Student", PASSWORD, Role.STUDENT)
        sara = account_store.create_user("sara", "Sara Classmate", PASSWORD, Role.STUDENT)
        oleg = account_store.create_user("oleg", "Oleg Elsewhere", PASSWORD, Role.STUDENT)
        for classroom, student in ((class_a, sam), (class_a, sara), (class_b, oleg)):
            account_store.enroll(classroom.id, student.id)
        db.session.commit()
        assign_every_bank(app)
        return People(tina.id, otto.id, sam.id, sara.id, oleg.id, class_a.id, class_b.id, class_a.join_code)


@pytest.fixture
def results(app, people):
    """Sam takes a test (2 right, 1 wrong); Sara's name would be a formula in a spreadsheet."""
    with app.app_context():
        begin_write()
        db.session.get(User, people.classmate).display_name = '=HYPERLINK("http://evil";"Sara")'
        db.session.commit()
    student = app.test_client()
    login(student, "sam")
    attempt_id = start(student, "test")
    answer_correctly(student, app, attempt_id, 1)
    answer_correctly(student, app, attempt_id, 2)
    question = attempt_questions(app, attempt_id)[2]
    answer(student, attempt_id, 3, form_fields(question, wrong_response(question)))
    submit(student, attempt_id)
    other = app.test_client()
    login(other, "sara")
    submit(other, start(other, "test"))
    return attempt_id


@pytest.fixture
def assign(app, people):
    """The bank assigned to the student's class alone, on these terms; its id."""
    return lambda **terms: assigned_to_tinas_class_alone(app, people, **terms)


@pytest.fixture
def redis_server():
    """A Redis server of the test's own on a free port (a test may stop and start it)."""
    server = RedisServer().start()
    try:
        yield server
    finally:
        server.stop()
