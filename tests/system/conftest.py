"""Fixtures of the system tests."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import requests

from quizapp.core.accounts import Role
from quizapp.db import account_store
from tests.helpers.banks import PROJECT_ROOT
from tests.helpers.live_clients import Player
from tests.helpers.live_servers import EXAMPLE_PASSWORD, PASSWORD, Gunicorn, free_port, server_env


@pytest.fixture
def flask_run_server(tmp_path: Path, questions_dir: Path):
    """``flask --app quizapp run`` on its own SQLite file, with a teacher, a class, a student and
    the article's quiz assigned to the class, made by the CLI."""
    env = os.environ | {
        "QUIZAPP_SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'live.sqlite'}",
        "QUIZAPP_QUESTIONS_DIR": str(questions_dir),
        "QUIZAPP_SECRET_KEY": "live-test-secret",
        "QUIZAPP_PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
    }
    env.pop("QUIZAPP_TEST_DATABASE_URL", None)
    flask = [sys.executable, "-m", "flask", "--app", "quizapp"]

    def command(*args: str, stdin: str = "") -> str:
        done = subprocess.run(
            [*flask, *args],
            input=stdin,
            text=True,
            env=env,
            cwd=PROJECT_ROOT,
            check=True,
            capture_output=True,
        )
        return done.stdout.strip()

    command("user", "create", "tina", "--role", "teacher", "--password-stdin", stdin=EXAMPLE_PASSWORD + "\n")
    join_code = command("class", "create", "History 9B", "--teacher", "tina")
    command(
        "user",
        "create",
        "sam",
        "--role",
        "student",
        "--class",
        join_code,
        "--password-stdin",
        stdin=EXAMPLE_PASSWORD + "\n",
    )
    command("assign", "kosovo-peacekeepers", "--class", join_code, "--attempts", "unlimited")
    port = free_port()
    server = subprocess.Popen(
        [*flask, "run", "--port", str(port)],
        env=env,
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                requests.get(f"{url}/api/v1/openapi.json", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        else:
            raise AssertionError("the server did not start")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def two_servers(app, questions_dir, redis_server):
    with app.app_context():
        account_store.create_user("teacher", "Teacher", PASSWORD, Role.TEACHER)
        account_store.commit()
    env = server_env(
        app.config["SQLALCHEMY_DATABASE_URI"],
        questions_dir,
        QUIZAPP_LIVE_SIGNALS=redis_server.url,
        QUIZAPP_LIVE_SIGNALS_CHANNEL=f"test:{uuid.uuid4().hex}",
        QUIZAPP_LIVE_POLL_SECONDS="0.5",
        QUIZAPP_LIVE_STREAM_SECONDS="30",
        QUIZAPP_THREADS="16",
    )
    servers = [Gunicorn(env, workers=2).start(), Gunicorn(env, workers=2).start()]
    players: list[Player] = []
    try:
        yield servers, players
    finally:
        for player in players:
            player.stop.set()
        for server in servers:  # at once: a graceful stop would wait for each open stream
            if server.process.poll() is None:
                server.kill()
        for player in players:
            player.close()
