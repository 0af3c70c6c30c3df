"""A database that stays locked, or is full: 503 with Retry-After, nothing partial, then recovery."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager

import psycopg
from sqlalchemy import event, make_url, text

from quizapp.core.answer_key import full_marks_response
from quizapp.db.base import db
from quizapp.services.question_source import current_bank
from tests.helpers.api import ApiClient, error_of, token_for

QUIZ = "kosovo-peacekeepers"


def started_test(app):
    client = app.test_client()
    api = ApiClient(client, token_for(client, "sam"))
    attempt = api.post(f"/quizzes/{QUIZ}/attempts", json={"mode": "test"}).get_json()
    with app.app_context():
        bank = current_bank(QUIZ)
        first = bank.question(attempt["questions"][0]["id"])
    return api, attempt, first


class Lock:
    """Another connection holding the lock our write needs, until released."""

    def __init__(self, url: str):
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            self.connection = sqlite3.connect(parsed.database, isolation_level=None)
            self.connection.execute("BEGIN IMMEDIATE")  # the database's write lock
        else:
            dsn = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
            self.connection = psycopg.connect(dsn)
            self.connection.execute("LOCK TABLE attempts, answers IN EXCLUSIVE MODE")  # reads only

    def release(self):
        self.connection.rollback()
        self.connection.close()


def stored_answers(app, attempt_id: int) -> int:
    with app.app_context():
        return db.session.execute(
            text("SELECT count(*) FROM answers WHERE attempt_id = :a"), {"a": attempt_id}
        ).scalar()


def test_a_lock_held_too_long_is_503_and_nothing_is_saved(impatient):
    api, attempt, question = started_test(impatient)
    lock = Lock(impatient.config["SQLALCHEMY_DATABASE_URI"])
    try:
        response = api.put(
            f"/attempts/{attempt['id']}/answers/{question.id}",
            json={"response": full_marks_response(question)},
        )
        assert response.status_code == 503
        assert error_of(response)["code"] == "unavailable"
        assert int(response.headers["Retry-After"]) >= 5
    finally:
        lock.release()
    assert stored_answers(impatient, attempt["id"]) == 0
    again = api.put(
        f"/attempts/{attempt['id']}/answers/{question.id}", json={"response": full_marks_response(question)}
    )
    assert again.status_code == 200 and stored_answers(impatient, attempt["id"]) == 1  # recovered


def test_a_page_says_so_in_words(impatient):
    from tests.helpers.web import csrf_token, login

    client = impatient.test_client()
    login(client, "sam")
    page = client.get(f"/quizzes/{QUIZ}").get_data(as_text=True)
    lock = Lock(impatient.config["SQLALCHEMY_DATABASE_URI"])
    try:
        response = client.post(
            f"/quizzes/{QUIZ}/attempts", data={"csrf_token": csrf_token(page), "mode": "test"}
        )
        assert response.status_code == 503 and int(response.headers["Retry-After"]) >= 5
        assert "The server is busy" in response.get_data(as_text=True)
    finally:
        lock.release()


@contextmanager
def full_disk(app):
    """Writes that need more space fail as on a full disk: SQLite may not grow its file by a
    page; PostgreSQL raises its own disk_full error (SQLSTATE 53100) on each new answer."""
    with app.app_context():
        engine = db.engine
        sqlite = engine.dialect.name == "sqlite"

        def cap(dbapi_connection, _record):
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

        if sqlite:
            event.listen(engine, "connect", cap)
            engine.dispose()
        else:
            with engine.begin() as connection:
                connection.execute(text(FULL_DISK_TRIGGER))
    try:
        yield
    finally:
        with app.app_context():
            if sqlite:
                event.remove(engine, "connect", cap)
                engine.dispose()
            else:
                with engine.begin() as connection:
                    connection.execute(text("DROP TRIGGER disk_full ON answers; DROP FUNCTION disk_full()"))


FULL_DISK_TRIGGER = """
CREATE FUNCTION disk_full() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$;
CREATE TRIGGER disk_full BEFORE INSERT ON answers FOR EACH ROW EXECUTE FUNCTION disk_full();
"""


def test_a_full_disk_is_503_and_the_app_recovers(impatient):
    client = impatient.test_client()
    api = ApiClient(client, token_for(client, "sam"))
    attempt = api.post(f"/quizzes/{QUIZ}/attempts", json={"mode": "practice"}).get_json()
    short = next(q["id"] for q in attempt["questions"] if q["type"] == "short")
    # the longest answer the field takes, at 4 bytes a character: more than a database page
    path, body = f"/attempts/{attempt['id']}/answers/{short}", {"response": "\N{GRINNING FACE}" * 1000}
    with full_disk(impatient):
        response = api.put(path, json=body)
        assert response.status_code == 503 and error_of(response)["code"] == "unavailable"
        assert int(response.headers["Retry-After"]) >= 5
    assert stored_answers(impatient, attempt["id"]) == 0  # nothing partial, nothing acknowledged
    assert api.put(path, json=body).status_code == 200
    assert stored_answers(impatient, attempt["id"]) == 1
    with impatient.app_context():
        if db.engine.dialect.name == "sqlite":
            assert db.session.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def test_concurrent_requests_during_a_lock_all_end_cleanly(impatient):
    api, attempt, question = started_test(impatient)
    lock = Lock(impatient.config["SQLALCHEMY_DATABASE_URI"])
    statuses = []

    def put():
        statuses.append(
            api.put(f"/attempts/{attempt['id']}/answers/{question.id}", json={"response": None}).status_code
        )

    threads = [threading.Thread(target=put) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lock.release()
    assert set(statuses) == {503}
