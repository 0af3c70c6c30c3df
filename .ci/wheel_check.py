"""The wheel works on its own: built from this tree, installed (not editable) into a fresh venv,
started under gunicorn from an empty folder with nothing but QUIZAPP_* settings, it serves the
login page, the first-teacher set-up, the sample quiz and a static file.

    python .ci/wheel_check.py

A checkout finds templates/ and questions/ at the top of the repository; an installed app only
finds what the wheel carries (setup.py, settings.beside_package). The tree is copied first
(tracked and new files, not ignored ones), so a stale build/ cannot hide a missing file.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

PROJECT = Path(__file__).resolve().parent.parent
QUIZ = "kosovo-peacekeepers"
PASSWORD = "wheel-check-teacher-password"


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="quizapp-wheel-") as temporary:
        work = Path(temporary)
        wheel = build_wheel(work)
        venv = install(wheel, work / "venv")
        elsewhere = work / "elsewhere"
        elsewhere.mkdir()
        check_installed_copy(venv, elsewhere)
        port = free_port()
        server = start(venv, elsewhere, work / "data", port)
        try:
            check_pages(f"http://127.0.0.1:{port}")
        finally:
            server.terminate()
            server.wait(timeout=30)
    print("wheel check: ok")


def build_wheel(work: Path) -> Path:
    source = work / "source"
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=PROJECT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for name in filter(None, listed.split("\0")):
        if (PROJECT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(PROJECT / name, source / name)
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(work / "dist"), str(source)])
    [wheel] = (work / "dist").glob("quizapp-*.whl")
    return wheel


def install(wheel: Path, venv: Path) -> Path:
    run([sys.executable, "-m", "venv", str(venv)])
    run([str(venv / "bin" / "pip"), "install", "-q", str(wheel)])
    return venv


def check_installed_copy(venv: Path, elsewhere: Path) -> None:
    """The app imported is the installed one, with no way back to this checkout."""
    found = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import quizapp; print(quizapp.__file__)"],
        cwd=elsewhere,
        env=clean_environment({}, elsewhere.parent / "home"),
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert Path(found).is_relative_to(venv), f"quizapp imported from {found}, not the venv"


def clean_environment(settings: dict[str, str], home: Path) -> dict[str, str]:
    """PATH, a HOME of its own (gunicorn keeps a control socket there), and the given QUIZAPP_*
    settings: no PYTHONPATH, no FLASK_*."""
    home.mkdir(exist_ok=True)
    return {"PATH": os.environ["PATH"], "HOME": str(home), "LANG": "C.UTF-8"} | settings


def start(venv: Path, elsewhere: Path, data: Path, port: int) -> subprocess.Popen:
    data.mkdir()
    settings = {
        "QUIZAPP_SECRET_KEY": "wheel-check-secret-key-not-for-production",
        "QUIZAPP_SQLALCHEMY_DATABASE_URI": f"sqlite:///{data / 'quizapp.sqlite'}",
    }
    command = [str(venv / "bin" / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "1"]
    environment = clean_environment(settings, elsewhere.parent / "home")
    server = subprocess.Popen([*command, "quizapp:create_app()"], cwd=elsewhere, env=environment)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the installed app stopped at start (exit {server.returncode})")
        try:
            requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
            return server
        except (requests.ConnectionError, requests.Timeout):
            # Refused before gunicorn listens; a read timeout while its worker still imports the
            # app (the socket takes the request, nobody answers it yet on a loaded machine).
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("the installed app did not answer within 60 s")


def check_pages(base: str) -> None:
    browser = requests.Session()
    login = browser.get(f"{base}/login", timeout=10)
    assert login.status_code == 200 and 'name="password"' in login.text, login.status_code

    setup = browser.get(f"{base}/setup", timeout=10)
    assert setup.status_code == 200, setup.status_code
    created = browser.post(
        f"{base}/setup",
        data={
            "csrf_token": csrf_token(setup.text),
            "username": "tina",
            "display_name": "Tina Teacher",
            "password": PASSWORD,
            "confirm": PASSWORD,
        },
        timeout=30,
    )
    assert created.status_code == 200 and created.url.endswith("/classes"), (created.status_code, created.url)

    quiz = browser.get(f"{base}/quizzes/{QUIZ}", timeout=10)
    assert quiz.status_code == 200 and "Kosovar Peacekeepers" in quiz.text, quiz.status_code

    style = browser.get(f"{base}/static/style.css", timeout=10)
    assert style.status_code == 200, style.status_code
    assert style.headers["Content-Type"].startswith("text/css"), style.headers["Content-Type"]
    assert style.content == (PROJECT / "quizapp" / "static" / "style.css").read_bytes()


def csrf_token(html: str) -> str:
    found = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'name="csrf_token" value="([^"]+)"', html
    )
    assert found, "no CSRF token on the page"
    return found.group(1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(command: list[str]) -> None:
    subprocess.run(command, check=True, env=os.environ | {"PIP_DISABLE_PIP_VERSION_CHECK": "1"})


if __name__ == "__main__":
    main()
