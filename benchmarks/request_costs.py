"""Where a request's time goes, in-process (no server, no network): CPU microseconds per request.

    python benchmarks/request_costs.py [--requests 500] [--rounds 5]

Calls the WSGI app directly with a prepared request, on SQLite seeded like benchmarks/http_load.py,
and prints the fastest round of each, with ratios to a bare Flask app answering "Hello":

- benchmarks/hello's page that reads one row with Flask-SQLAlchemy and renders it (the
  yardstick of benchmarks/http_load.py);
- a logged-in request to a view that returns one word: what every page pays before its own work
  (the signed session cookie, loading the user, the hooks: CSRF, rate limits, security headers);
- a question of an open test, as the page shows it, and rendering that page alone;
- saving an answer through the API (token, rate limits, one write), the student dashboard and
  the student's home page (their assignments, then the banks they may practise);
- the logged-in request again with its user read through sqlite3: what the SQLAlchemy session
  and connection opened for that one read cost (patched in this process only).

benchmarks/http_load.py measures the same pages under gunicorn; this script says which part of a
request costs what, so a change can be judged before a full HTTP run.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from flask import Flask, render_template
from flask_login import login_required
from werkzeug.test import EnvironBuilder

from quizapp import create_app
from quizapp.core.accounts import Role
from quizapp.db import account_store
from quizapp.db.account_store import Account
from quizapp.web.quiz import pages as quiz_pages

PROJECT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("http_load", PROJECT / "benchmarks" / "http_load.py")
http_load = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(http_load)


def cpu_microseconds(call, requests: int, rounds: int) -> float:
    for _ in range(min(50, requests)):
        call()
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(requests):
            call()
        best = min(best, (time.process_time() - start) / requests * 1e6)
    return best


def wsgi_call(
    app: Flask, path: str, method: str = "GET", headers: dict | None = None, body: str | None = None
):
    environ = EnvironBuilder(path=path, method=method, headers=headers or {}, data=body).get_environ()
    if body is not None:
        environ["CONTENT_TYPE"] = "application/json"
    payload = body.encode() if body is not None else b""

    def call() -> None:
        import io

        request = dict(environ)
        request["wsgi.input"] = io.BytesIO(payload)
        statuses = []
        b"".join(app.wsgi_app(request, lambda status, _headers, _exc=None: statuses.append(status)))
        assert statuses[0].startswith("200"), (path, statuses[0])

    return call


def what_ifs(database_url: str, measured: dict, options: argparse.Namespace) -> dict[str, float]:
    """A cost measured by taking it away (in this process only, never in the app): the
    SQLAlchemy session and connection a request opens to read its user."""
    costs = {}
    driver = sqlite3.connect(database_url.removeprefix("sqlite:///"), check_same_thread=False)

    def user_from_driver(user_id: int) -> Account | None:
        row = driver.execute(
            "SELECT id, username, display_name, role, session_version, must_change_password,"
            " credentials_version FROM users WHERE id = ?",
            (user_id,),
        ).fetchone()
        return account_store.Account(*row[:3], Role(row[3]), row[4], bool(row[5]), row[6]) if row else None

    with_session = account_store.get_account
    account_store.get_account = user_from_driver
    try:
        costs["logged-in request, one word, user read with sqlite3 (no SQLAlchemy session)"] = (
            cpu_microseconds(measured["logged-in request, one word"], options.requests, options.rounds)
        )
    finally:
        account_store.get_account = with_session
        driver.close()
    return costs


def _yardstick(work: Path) -> Flask:
    """benchmarks/hello's one-row page (the HTTP benchmark's yardstick), on its own database."""
    os.environ["HELLO_DATABASE"] = str(work / "hello.sqlite")
    sys.path.insert(0, str(PROJECT / "benchmarks" / "hello"))
    import hello_app

    return hello_app.app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="quizapp-costs-"))
    questions = http_load.export_scores.copy_article_bank(work / "questions")
    database_url = f"sqlite:///{work / 'costs.sqlite'}"
    info = http_load.prepare(database_url, questions)
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "QUESTIONS_DIR": str(questions),
            "SECRET_KEY": "bench",
            "REQUEST_LOG": False,
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
            "API_ANSWER_LIMIT_PER_USER": "10000000 per minute",
            "API_ANSWER_LIMIT_PER_ADDRESS": "10000000 per minute",
        }
    )
    app.add_url_rule("/benchmark/word", "benchmark_word", login_required(lambda: "word"))
    client = app.test_client()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', client.get("/login").text).group(1)
    client.post("/login", data={"username": "bench", "password": http_load.PASSWORD, "csrf_token": token})
    client.get("/")  # the cookie now holds the session's CSRF secret, as a browser's would
    cookie = {"Cookie": f"session={client.get_cookie('session').value}"}
    bearer = client.post(
        "/api/v1/auth/token", json={"username": "bench", "password": http_load.PASSWORD}
    ).json["token"]
    question_page = f"/attempts/{info['open']}/questions/1"

    hello = Flask("hello")
    hello.add_url_rule("/", "hello", lambda: "Hello")
    yardstick = _yardstick(work)
    rendering: dict = {}

    def render_only() -> None:
        render_template(rendering["name"], **rendering["context"])

    def capture(name: str, **context):
        rendering.update(name=name, context=context)
        return render_template(name, **context)

    quiz_pages.render_template = capture  # one request to catch the page's template and context
    wsgi_call(app, question_page, headers=cookie)()
    quiz_pages.render_template = render_template

    costs = {"bare Flask hello": cpu_microseconds(wsgi_call(hello, "/"), options.requests, options.rounds)}
    measured = {
        "yardstick: bare Flask-SQLAlchemy page, one row": wsgi_call(yardstick, "/row/1"),
        "logged-in request, one word": wsgi_call(app, "/benchmark/word", headers=cookie),
        "show a question (page)": wsgi_call(app, question_page, headers=cookie),
        "save an answer (API PUT)": wsgi_call(
            app,
            f"/api/v1/attempts/{info['open']}/answers/{info['question']}",
            "PUT",
            {"Authorization": f"Bearer {bearer}"},
            json.dumps({"response": info["response"]}),
        ),
        "student dashboard": wsgi_call(app, "/progress", headers=cookie),
        "student home (what is assigned, then practice)": wsgi_call(app, "/", headers=cookie),
    }
    for name, call in measured.items():
        costs[name] = cpu_microseconds(call, options.requests, options.rounds)
    with app.test_request_context(question_page, headers=cookie):
        app.preprocess_request()
        costs["rendering the question page alone"] = cpu_microseconds(
            render_only, options.requests, options.rounds
        )
    costs |= what_ifs(database_url, measured, options)
    base = costs["bare Flask hello"]
    print(
        json.dumps(
            {name: {"us": round(us), "x bare hello": round(us / base, 1)} for name, us in costs.items()},
            indent=2,
        )
    )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
