"""Real app servers for load and fault tests: gunicorn processes on loopback ports."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

from quizapp.core.accounts import Role
from quizapp.db import account_store
from tests.helpers.banks import PROJECT_ROOT, assign_every_bank

FAST_HASH = "pbkdf2:sha256:1000"
EXAMPLE_PASSWORD = "a-long-enough-password"  # of the users the CLI makes for the example client


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_env(database_url: str, questions_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of an app server for tests: its database, banks, and limits that a
    classroom of simulated students from one address does not trip."""
    env = os.environ | {
        "QUIZAPP_SQLALCHEMY_DATABASE_URI": database_url,
        "QUIZAPP_QUESTIONS_DIR": str(questions_dir),
        "QUIZAPP_SECRET_KEY": "load-test-secret",
        "QUIZAPP_PASSWORD_HASH_METHOD": FAST_HASH,
        "QUIZAPP_UPGRADE_SCHEMA_ON_START": "true",
        "QUIZAPP_REQUEST_LOG": "false",
        "QUIZAPP_LOGIN_LIMIT_PER_ADDRESS": "100000 per minute",
        "QUIZAPP_API_ANSWER_LIMIT_PER_ADDRESS": "100000 per minute",
        "QUIZAPP_API_ANSWER_LIMIT_PER_USER": "100000 per minute",
    }
    env.pop("QUIZAPP_TEST_DATABASE_URL", None)
    return env | extra


class Gunicorn:
    """``gunicorn -c gunicorn.conf.py "quizapp:create_app()"`` in its own process group, so
    ``kill`` takes the master and every worker down at once, as a power cut would."""

    def __init__(self, env: dict[str, str], workers: int = 2):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = env | {"QUIZAPP_BIND": f"127.0.0.1:{self.port}", "QUIZAPP_WORKERS": str(workers)}
        self.process: subprocess.Popen | None = None

    def start(self) -> Gunicorn:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "quizapp:create_app()"],
            cwd=PROJECT_ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"gunicorn exited: {self.process.stderr.read().decode()[-2000:]}")
            try:
                if requests.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.1)
        self.kill()  # not left running behind the failure
        raise AssertionError("gunicorn did not become healthy")

    def kill(self) -> None:
        """SIGKILL to the master and its workers: nothing gets to clean up."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


QUIZ = "kosovo-peacekeepers"
STUDENTS = 200
PASSWORD = "load-test-password"  # every simulated student's and their teacher's


def enroll_students(app, count: int = STUDENTS) -> list[str]:
    """``count`` students in one class of one teacher, made in the database before the servers start."""
    names = [f"student{n:03d}" for n in range(count)]
    with app.app_context():
        import random

        teacher = account_store.create_user("teacher", "Teacher", PASSWORD, Role.TEACHER)
        account_store.commit()
        classroom = account_store.create_class(teacher.id, "Load 1", random.Random(1))
        for name in names:
            student = account_store.create_user(name, name.title(), PASSWORD, Role.STUDENT)
            account_store.enroll(classroom.id, student.id)
        account_store.commit()
    assign_every_bank(app)
    return names
