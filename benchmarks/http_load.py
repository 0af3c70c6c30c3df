"""HTTP throughput of quizapp under gunicorn, as ratios to a bare Flask "hello" app in the same run.

    python benchmarks/http_load.py [--seconds 5] [--repeat 3] [--connections 50] [--database-url URL]

Starts the app under gunicorn on 127.0.0.1 with seeded data (SQLite in a temporary folder, or the
PostgreSQL database given), and beside it a bare Flask app under the same gunicorn settings;
loads each with wrk (Debian's package) for a fixed time after a warm-up, alternating app and hello,
and prints req/s, p50 and p99 per endpoint, with req/s as a ratio to hello. Two settings: 2 sync
workers, and 4 gthread workers x 4 threads. Figures from one run only; the machine is shared.

Targets (issue 7), SQLite with 2 sync workers: show question >= 0.35 x hello, save answer >= 0.18 x
hello, p99 < 50 ms at 50 connections; PostgreSQL: >= 0.25 and >= 0.10.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

from quizapp import create_app
from quizapp.core.accounts import Role
from quizapp.core.answer_key import full_marks_response
from quizapp.core.attempts import AttemptMode
from quizapp.db import assignment_store
from quizapp.db.account_store import account_by_username, create_user, enroll
from quizapp.db.assignment_store import AssignmentTerms
from quizapp.db.base import db
from quizapp.db.models import Classroom
from quizapp.services import attempts, clock
from quizapp.services.bank_library import library

PROJECT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("export_scores", PROJECT / "benchmarks" / "export_scores.py")
export_scores = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(export_scores)
seed = export_scores.seed  # the same 10,000 answer rows as the export benchmark

PASSWORD = "a-long-password"
SETTINGS = {
    "2 sync workers": {"QUIZAPP_WORKERS": "2"},
    "4 gthread x 4": {"QUIZAPP_WORKERS": "4", "QUIZAPP_THREADS": "4"},
}


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare(database_url: str, questions: Path) -> dict:
    """10,000 answer rows for the export; a student whose class has the bank assigned, with an
    open test and a submitted one."""
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "QUESTIONS_DIR": str(questions),
            "SECRET_KEY": "bench",
            "UPGRADE_SCHEMA_ON_START": True,
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        }
    )
    with app.app_context():
        seed(10_000)
        student = create_user("bench", "Bench Student", PASSWORD, Role.STUDENT)
        classroom = db.session.scalar(db.select(Classroom))
        enroll(classroom.id, student.id)
        db.session.commit()
        bank = library().catalog.banks[0]
        # As in a class: the bank is assigned to the student's class, attempts unlimited.
        assignment_store.create_assignment(
            classroom.id, assignment_store.bank_id_of(bank.slug), AssignmentTerms(max_attempts=None)
        )
        done = attempts.start(student.id, bank, AttemptMode.TEST, clock.now(), seed=1).attempt
        attempts.submit(done.id, clock.now())
        open_ = attempts.start(student.id, bank, AttemptMode.TEST, clock.now(), seed=2).attempt
        assert account_by_username("tina") is not None
        first = bank.question(open_.question_ids[0])
        info = {
            "open": open_.id,
            "question": first.id,
            "response": full_marks_response(first),
            "submitted": done.id,
            "class": classroom.id,
        }
        db.engine.dispose()
    return info


def make_hello_database(hello_env: dict) -> None:
    """The yardstick page's one row, made before its workers start (importing the app makes it)."""
    subprocess.run([sys.executable, "-c", "import hello_app"], env=os.environ | hello_env, check=True)


def start(target: str, env: dict, port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(PROJECT / "gunicorn.conf.py"), target],
        cwd=PROJECT,
        env=env | {"QUIZAPP_BIND": f"127.0.0.1:{port}"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    for _ in range(300):
        try:
            requests.get(f"http://127.0.0.1:{port}/", timeout=1)
            return process
        except requests.RequestException:
            time.sleep(0.1)
    raise RuntimeError(f"{target} did not start")


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, 15)
    process.wait(timeout=30)


def wrk(url: str, seconds: int, connections: int, headers: dict, script: Path | None = None) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)

    def percentile(p: str) -> float:
        value, unit = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", output).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    return {
        "rps": rate,
        "p50": percentile("50"),
        "p99": percentile("99"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--database-url", help="PostgreSQL URL (an empty database); default SQLite")
    parser.add_argument("--settings", nargs="*", choices=list(SETTINGS), help="default: all")
    parser.add_argument(
        "--only", nargs="*", metavar="ENDPOINT", help="endpoints whose name has one of these words"
    )
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    work = Path(tempfile.mkdtemp(prefix="quizapp-http-"))
    questions = export_scores.copy_article_bank(work / "questions")
    database_url = options.database_url or f"sqlite:///{work / 'bench.sqlite'}"
    info = prepare(database_url, questions)
    env = os.environ | {
        "QUIZAPP_SQLALCHEMY_DATABASE_URI": database_url,
        "QUIZAPP_QUESTIONS_DIR": str(questions),
        "QUIZAPP_SECRET_KEY": "bench",
        "QUIZAPP_REQUEST_LOG": "false",
        "QUIZAPP_PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        "QUIZAPP_LOGIN_LIMIT_PER_ADDRESS": "100000 per minute",
        "QUIZAPP_API_ANSWER_LIMIT_PER_USER": "10000000 per minute",
        "QUIZAPP_API_ANSWER_LIMIT_PER_ADDRESS": "10000000 per minute",
    }
    save_script = work / "save.lua"
    results: dict = {
        "database": "postgresql" if options.database_url else "sqlite",
        "connections": options.connections,
    }
    hello_env = {
        "PYTHONPATH": str(PROJECT / "benchmarks" / "hello"),
        "HELLO_DATABASE": str(work / "hello.sqlite"),
    }
    make_hello_database(hello_env)
    for name, extra in SETTINGS.items():
        if options.settings and name not in options.settings:
            continue
        port, hello_port = free_port(), free_port()
        app = start("quizapp:create_app()", env | extra, port)
        hello = start("hello_app:app", env | extra | hello_env, hello_port)
        base = f"http://127.0.0.1:{port}"
        try:
            browser = requests.Session()
            page = browser.get(f"{base}/login").text
            token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
            browser.post(
                f"{base}/login", data={"username": "bench", "password": PASSWORD, "csrf_token": token}
            )
            browser.get(f"{base}/")  # a browser keeps the cookie with the session's CSRF secret
            cookie = {"Cookie": f"session={browser.cookies['session']}"}
            bearer = requests.post(
                f"{base}/api/v1/auth/token", json={"username": "bench", "password": PASSWORD}
            ).json()["token"]
            teacher = requests.post(
                f"{base}/api/v1/auth/token", json={"username": "tina", "password": PASSWORD}
            ).json()["token"]
            save_script.write_text(
                f'wrk.method = "PUT"\nwrk.body = {json.dumps(json.dumps({"response": info["response"]}))}\n'
                'wrk.headers["Content-Type"] = "application/json"\n',
                encoding="utf-8",
            )
            submit_script = work / "submit.lua"
            submit_script.write_text('wrk.method = "POST"\n', encoding="utf-8")
            auth = {"Authorization": f"Bearer {bearer}"}
            endpoints = {
                "show question": (f"{base}/attempts/{info['open']}/questions/1", cookie, None),
                "save answer": (
                    f"{base}/api/v1/attempts/{info['open']}/answers/{info['question']}",
                    auth,
                    save_script,
                ),
                "submit attempt": (f"{base}/api/v1/attempts/{info['submitted']}/submit", auth, submit_script),
                "student dashboard": (f"{base}/progress", cookie, None),
                "10,000-row CSV export": (
                    f"{base}/api/v1/exports/scores?kind=answers&format=csv",
                    {"Authorization": f"Bearer {teacher}"},
                    None,
                ),
                "yardstick: bare Flask-SQLAlchemy page, one row": (
                    f"http://127.0.0.1:{hello_port}/row/1",
                    {},
                    None,
                ),
            }
            figures: dict = {}
            hello_runs = []
            if options.only:
                endpoints = {k: v for k, v in endpoints.items() if any(word in k for word in options.only)}
            for endpoint, (url, headers, script) in endpoints.items():
                runs = []
                connections = options.connections if "export" not in endpoint else 4
                for _ in range(options.repeat):
                    wrk(url, options.warmup, connections, headers, script)
                    runs.append(wrk(url, options.seconds, connections, headers, script))
                    wrk(f"http://127.0.0.1:{hello_port}/", options.warmup, connections, {})
                    hello_runs.append(
                        wrk(f"http://127.0.0.1:{hello_port}/", options.seconds, connections, {})
                    )
                figures[endpoint] = {
                    "rps": round(statistics.median(r["rps"] for r in runs), 1),
                    "p50_ms": round(statistics.median(r["p50"] for r in runs), 2),
                    "p99_ms": round(statistics.median(r["p99"] for r in runs), 2),
                    "errors": sum(r["errors"] for r in runs),
                }
            hello_rps = statistics.median(r["rps"] for r in hello_runs)
            for endpoint in figures:
                figures[endpoint]["ratio_to_hello"] = round(figures[endpoint]["rps"] / hello_rps, 3)
            figures["hello"] = {"rps": round(hello_rps, 1)}
            results[name] = figures
        finally:
            stop(app)
            stop(hello)
    print(json.dumps(results, indent=2))
    sync = results.get("2 sync workers", {})
    show_target, save_target = (0.25, 0.10) if options.database_url else (0.35, 0.18)
    for endpoint, target in (("show question", show_target), ("save answer", save_target)):
        if endpoint not in sync:
            continue
        figure = sync[endpoint]
        met = figure["ratio_to_hello"] >= target and figure["p99_ms"] < 50
        verdict = "met" if met else "NOT met"
        print(f"target {endpoint} >= {target} x hello, p99 < 50 ms (2 sync workers): {verdict}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
