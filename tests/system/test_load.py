"""Load on real app servers (gunicorn, loopback): 200 students each answer 20 questions and submit,
at once. Every request succeeds, every answer is stored once, every score is the expected one.

On PostgreSQL, two app servers on different ports share the database (as a district's hosts
would); on SQLite, one server. Bounded: about 4,600 requests.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from fractions import Fraction

import pytest
import requests
from sqlalchemy import text

from quizapp.core.answer_key import full_marks_response
from quizapp.db.base import db
from quizapp.services import attempts, clock
from quizapp.services.bank_library import library
from quizapp.services.question_source import current_bank
from tests.helpers.live_servers import PASSWORD, QUIZ, STUDENTS, Gunicorn, enroll_students, server_env
from tests.helpers.quizzes import wrong_response

ANSWERS_EACH = 20


@dataclass
class Outcome:
    statuses: list[int] = field(default_factory=list)
    attempt_id: int = 0
    expected: Fraction = Fraction(0)
    reported: float = -1.0


def take_test(url: str, username: str, number: int, questions: dict) -> Outcome:
    outcome = Outcome()
    http = requests.Session()
    token = http.post(
        f"{url}/api/v1/auth/token", json={"username": username, "password": PASSWORD}, timeout=60
    )
    outcome.statuses.append(token.status_code)
    http.headers["Authorization"] = f"Bearer {token.json()['token']}"
    started = http.post(f"{url}/api/v1/quizzes/{QUIZ}/attempts", json={"mode": "test"}, timeout=60)
    outcome.statuses.append(started.status_code)
    attempt = started.json()
    outcome.attempt_id = attempt["id"]
    for k, shown in enumerate(attempt["questions"][:ANSWERS_EACH]):
        question = questions[shown["id"]]
        right = (number + k) % 3 != 0
        response = full_marks_response(question) if right else wrong_response(question)
        saved = http.put(
            f"{url}/api/v1/attempts/{attempt['id']}/answers/{question.id}",
            json={"response": response},
            timeout=60,
        )
        outcome.statuses.append(saved.status_code)
        outcome.expected += Fraction(question.points) if right else 0
    submitted = http.post(f"{url}/api/v1/attempts/{attempt['id']}/submit", timeout=60)
    outcome.statuses.append(submitted.status_code)
    outcome.reported = submitted.json()["score"]
    return outcome


def run_class(app, servers: list[Gunicorn]) -> None:
    names = enroll_students(app)
    with app.app_context():
        library().reload()
        questions = {q.id: q for q in current_bank(QUIZ).questions}
    with ThreadPoolExecutor(max_workers=32) as pool:
        outcomes = list(
            pool.map(
                lambda n: take_test(servers[n % len(servers)].url, names[n], n, questions), range(STUDENTS)
            )
        )
    statuses = [status for outcome in outcomes for status in outcome.statuses]
    assert not [s for s in statuses if s >= 500], "server errors"
    assert set(statuses) <= {200, 201}, sorted(set(statuses))
    with app.app_context():
        assert db.session.execute(text("SELECT count(*) FROM answers")).scalar() == STUDENTS * ANSWERS_EACH
        submitted = db.session.execute(
            text("SELECT count(*) FROM attempts WHERE status = 'submitted'")
        ).scalar()
        assert submitted == STUDENTS
        for outcome in outcomes:
            attempt = attempts.get(outcome.attempt_id, clock.now())
            assert attempts.score_of(attempt).points == outcome.expected
            assert Fraction(outcome.reported).limit_denominator(1000) == outcome.expected


def test_a_class_of_200_on_one_server_with_sqlite(app, questions_dir, is_postgres):
    if is_postgres:
        pytest.skip("this is the SQLite set-up; the PostgreSQL one runs below")
    server = Gunicorn(server_env(app.config["SQLALCHEMY_DATABASE_URI"], questions_dir)).start()
    try:
        run_class(app, [server])
    finally:
        server.stop()


def test_a_class_of_200_on_two_servers_sharing_postgresql(app, questions_dir, is_postgres):
    if not is_postgres:
        pytest.skip("needs PostgreSQL: the suite runs on it with QUIZAPP_TEST_DATABASE_URL (CI does)")
    env = server_env(app.config["SQLALCHEMY_DATABASE_URI"], questions_dir)
    servers = [Gunicorn(env).start(), Gunicorn(env).start()]
    try:
        run_class(app, servers)
    finally:
        for server in servers:
            server.stop()
