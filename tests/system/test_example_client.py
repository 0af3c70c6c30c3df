"""examples/take_quiz.py against a live server started with the README's run command."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import requests

from tests.helpers.banks import PROJECT_ROOT
from tests.helpers.live_servers import EXAMPLE_PASSWORD

EXAMPLE = PROJECT_ROOT / "examples" / "take_quiz.py"


def run_example(url: str, *args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLE), "--url", url, "--username", "sam", "--password-stdin", *args],
        input=stdin,
        text=True,
        capture_output=True,
        timeout=120,
    )


def test_the_example_takes_the_article_quiz_with_full_marks(flask_run_server, tmp_path):
    teacher = requests.post(
        f"{flask_run_server}/api/v1/auth/token", json={"username": "tina", "password": EXAMPLE_PASSWORD}
    )
    headers = {"Authorization": f"Bearer {teacher.json()['token']}"}
    key = requests.get(
        f"{flask_run_server}/api/v1/quizzes/kosovo-peacekeepers/answer-key", headers=headers
    ).json()
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({q["id"]: q["answer"] for q in key["questions"]}), encoding="utf-8")
    done = run_example(flask_run_server, "--answers", str(answers), stdin=EXAMPLE_PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    assert "Hello sam. Kosovar Peacekeepers Sent On First Mission Abroad (test)" in done.stdout
    assert done.stdout.rstrip().endswith("score 25/25 (100%)")


def test_the_example_asks_at_the_prompt_and_reports_the_servers_score(flask_run_server):
    typed = EXAMPLE_PASSWORD + "\n" + "1\n" * 200  # "1" to every question: a choice, a number, a text...
    done = run_example(flask_run_server, "--mode", "practice", stdin=typed)
    assert done.returncode == 0, done.stderr
    last = done.stdout.rstrip().splitlines()[-1]
    attempt_id = int(last.split()[1].rstrip(":"))
    token = requests.post(
        f"{flask_run_server}/api/v1/auth/token", json={"username": "sam", "password": EXAMPLE_PASSWORD}
    ).json()
    attempt = requests.get(
        f"{flask_run_server}/api/v1/attempts/{attempt_id}",
        headers={"Authorization": f"Bearer {token['token']}"},
    ).json()
    assert attempt["status"] == "submitted" and attempt["mode"] == "practice"
    refused = {q["type"] for q in attempt["questions"] if q["id"] not in attempt["answers"]}
    assert refused <= {"ordering", "cloze", "matching"}  # "1" is no order, nor two blanks...
    skipped = 55 - len(attempt["answers"])
    assert 0 < skipped < 10 and done.stdout.count("Try again.") == 3 * skipped  # three tries, then skipped
    assert last.endswith(f"score {attempt['score']:g}/{attempt['max_score']:g} ({attempt['percent']:g}%)")
    assert "Right!" in done.stdout and "Not quite" in done.stdout  # practice feedback from the server


def test_a_wrong_password_is_reported_not_crashed_on(flask_run_server):
    done = run_example(flask_run_server, stdin="wrong-password\n")
    assert done.returncode == 1
    assert "401 invalid_credentials: Unknown username or wrong password." in done.stderr


def load_example():
    import importlib.util

    spec = importlib.util.spec_from_file_location("take_quiz", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CHOICE = {
    "number": 1,
    "type": "single",
    "prompt": "Where?",
    "points": 1,
    "choices": [{"id": "c1", "text": "Kuwait"}, {"id": "c2", "text": "Iraq"}],
}


@pytest.mark.parametrize("typed", ["0", "3", "1 2", "x", "-1"])
def test_typing_a_number_that_is_no_choice_is_refused_with_a_hint(typed):
    example = load_example()
    with pytest.raises(example.BadInput, match="type a number from 1 to 2"):
        example.ask(CHOICE, lambda: typed)


def test_typed_answers_become_api_responses():
    example = load_example()
    assert example.ask(CHOICE, lambda: "2") == "c2"
    assert example.ask(CHOICE, lambda: "  ") is None
    several = CHOICE | {"type": "multiple"}
    assert example.ask(several, lambda: "2, 1") == ["c2", "c1"]
    matching = {
        "number": 2,
        "type": "matching",
        "prompt": "Match",
        "points": 1,
        "left": [{"id": "l1", "text": "A"}, {"id": "l2", "text": "B"}],
        "right": CHOICE["choices"],
    }
    assert example.ask(matching, lambda: "2 1") == {"l1": "c2", "l2": "c1"}
    assert example.ask(CHOICE | {"type": "cloze"}, lambda: "a | b ") == ["a", "b"]
    assert example.ask(CHOICE | {"type": "true_false"}, lambda: "yes") is True
