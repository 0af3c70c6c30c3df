#!/usr/bin/env python3
"""Take a quizapp quiz from the terminal, using only the JSON API (docs/api.md).

    python examples/take_quiz.py --url http://127.0.0.1:5000 --username ana

It logs in for a token, starts a test (or a practice round) of the quiz, asks each question,
saves each answer, submits and prints the score; then it logs out. Answers are typed at the
prompt (a choice's number, "1,3" for several, t/f, a number, text, "a | b" for blanks, "3 1 2"
for an order, and for matching the number of the right-hand item for each left-hand one), or
come from a JSON file of {question id: response} with --answers. Needs ``requests``.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import sys
import time
from pathlib import Path
from typing import Any

import requests

TRIES = 3  # answers of the wrong shape before a question is skipped


class ApiError(Exception):
    def __init__(self, response: requests.Response):
        error = response.json().get("error", {}) if response.content else {}
        super().__init__(
            f"{response.status_code} {error.get('code', '')}: {error.get('message', response.text)}"
        )
        self.status, self.code = response.status_code, error.get("code")
        self.details = error.get("details")


class Quizapp:
    """A small client: one method per API call it needs."""

    def __init__(self, url: str):
        self.base = url.rstrip("/") + "/api/v1"
        self.http = requests.Session()

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        for _ in range(5):
            response = self.http.request(method, self.base + path, timeout=30, **kwargs)
            if response.status_code != 429:
                break
            wait = min(int(response.headers.get("Retry-After", "5")), 60)  # too fast: wait as told
            print(f"   (the server asks us to wait {wait} s)", file=sys.stderr)
            time.sleep(wait)
        if response.status_code >= 400:
            raise ApiError(response)
        return response.json() if response.content else None

    def log_in(self, username: str, password: str) -> dict[str, Any]:
        body = self.call("POST", "/auth/token", json={"username": username, "password": password})
        self.http.headers["Authorization"] = f"Bearer {body['token']}"
        return body["user"]

    def log_out(self) -> None:
        self.call("DELETE", "/auth/token")


def ask(question: dict[str, Any], read: Any) -> Any:
    """Show a question and read an answer in the API's response shape (None: skip)."""
    print(f"\n{question['number']}. {question['prompt']}  [{question['type']}, {question['points']:g} pt]")
    options = question.get("choices") or question.get("items") or []
    for number, option in enumerate(options, 1):
        print(f"   {number}) {option['text']}")
    if question["type"] == "matching":
        for number, option in enumerate(question["right"], 1):
            print(f"   {number}) {option['text']}")
        for letter, option in zip("abcdefghij", question["left"], strict=False):
            print(f"   {letter}. {option['text']}")
    text = read().strip()
    if not text:
        return None
    match question["type"]:
        case "single":
            [pick] = picked(text, options, one=True)
            return options[pick]["id"]
        case "multiple" | "ordering":
            return [options[n]["id"] for n in picked(text, options)]
        case "true_false":
            return text.lower().startswith(("t", "y"))
        case "cloze":
            return [part.strip() for part in text.split("|")]
        case "matching":
            rights = question["right"]
            return {
                left["id"]: rights[n]["id"]
                for left, n in zip(question["left"], picked(text, rights), strict=False)
            }
    return text  # numeric and short answers go as typed


class BadInput(ValueError):
    """What was typed cannot be an answer; the message says what to type."""


def picked(text: str, options: list[dict[str, Any]], one: bool = False) -> list[int]:
    """Option numbers typed as "2" or "1, 3" (from 1), as list positions."""
    parts = text.replace(",", " ").split()
    if not all(part.isdigit() and 1 <= int(part) <= len(options) for part in parts) or (
        one and len(parts) != 1
    ):
        raise BadInput(f"type {'a number' if one else 'numbers'} from 1 to {len(options)}")
    return [int(part) - 1 for part in parts]


def take(api: Quizapp, quiz_id: str, mode: str, answers: dict[str, Any], read: Any) -> dict[str, Any]:
    try:
        attempt = api.call("POST", f"/quizzes/{quiz_id}/attempts", json={"mode": mode})
    except ApiError as error:
        if error.code != "open_test":
            raise
        print("Finishing your open test first.")
        attempt = api.call("GET", f"/attempts/{error.details['attempt_id']}")
    for question in attempt["questions"]:
        if question["id"] in attempt["answers"] and mode == "practice":
            continue
        for _ in range(TRIES):
            try:
                response = answers[question["id"]] if question["id"] in answers else ask(question, read)
            except BadInput as error:
                print(f"   Please {error}. Try again.")
                continue
            if response is None:  # skipped
                break
            try:
                outcome = api.call(
                    "PUT", f"/attempts/{attempt['id']}/answers/{question['id']}", json={"response": response}
                )
            except ApiError as error:
                if error.status != 400 or question["id"] in answers:
                    raise
                print(f"   {error}. Try again.")
                continue
            if "correct" in outcome:
                verdict = (
                    "Right!" if outcome["correct"] else f"Not quite: {outcome.get('correct_answer', '')}"
                )
                print(f"   {verdict}")
            break
    return api.call("POST", f"/attempts/{attempt['id']}/submit")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:5000")
    parser.add_argument("--username", required=True)
    parser.add_argument(
        "--password-stdin", action="store_true", help="read the password from the first input line"
    )
    parser.add_argument("--quiz", help="the quiz id (default: the first quiz)")
    parser.add_argument("--mode", choices=["test", "practice"], default="test")
    parser.add_argument("--answers", help="a JSON file of {question id: response}")
    options = parser.parse_args(argv)
    lines = iter(sys.stdin.readline, "")
    read = (lambda: next(lines, "")) if not sys.stdin.isatty() else input
    password = read().rstrip("\n") if options.password_stdin else getpass.getpass()
    answers = json.loads(Path(options.answers).read_text(encoding="utf-8")) if options.answers else {}
    api = Quizapp(options.url)
    try:
        user = api.log_in(options.username, password)
    except (ApiError, requests.RequestException) as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    try:
        quizzes = api.call("GET", "/quizzes")["quizzes"]
        quiz = next((q for q in quizzes if q["id"] == options.quiz), None) if options.quiz else quizzes[0]
        if quiz is None:
            print(
                f"No quiz {options.quiz!r}; there are: {', '.join(q['id'] for q in quizzes)}", file=sys.stderr
            )
            return 2
        print(f"Hello {user['name']}. {quiz['title']} ({options.mode})")
        result = take(api, quiz["id"], options.mode, answers, read)
    except (ApiError, requests.RequestException) as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    finally:
        with contextlib.suppress(ApiError, requests.RequestException):
            api.log_out()  # the token is no use to anyone once we are done
    score, out_of, percent = result["score"], result["max_score"], result["percent"]
    print(f"\nAttempt {result['id']}: score {score:g}/{out_of:g} ({percent:g}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
