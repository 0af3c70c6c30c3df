"""Driving quizzes through the real forms in tests: start, answer, submit."""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

from quizapp import core
from quizapp.core.answer_key import full_marks_response
from quizapp.core.model import QuestionType
from quizapp.core.text_matching import number_answer
from quizapp.services import attempts, clock
from quizapp.services.question_source import current_bank
from tests.helpers.web import csrf_token


def form_fields(question: core.Question, response: Any) -> dict[str, Any]:
    """The answer form's fields that express ``response`` (the checkers' JSON shape)."""
    match question.type:
        case QuestionType.SINGLE:
            return {"choice": response}
        case QuestionType.MULTIPLE:
            return {"choices": list(response)}
        case QuestionType.TRUE_FALSE:
            return {"truth": "true" if response else "false"}
        case QuestionType.NUMERIC:
            return {"number": str(response)}
        case QuestionType.SHORT:
            return {"text": response}
        case QuestionType.CLOZE:
            return {f"blank_{n}": value for n, value in enumerate(response, start=1)}
        case QuestionType.ORDERING:
            return {f"position_{item_id}": str(n) for n, item_id in enumerate(response, start=1)}
        case QuestionType.MATCHING:
            return {f"match_{left}": right for left, right in response.items()}
    raise ValueError(question.type)


def wrong_response(question: core.Question) -> Any:
    """A response of the right shape that earns nothing."""
    spec = question.answer
    match question.type:
        case QuestionType.SINGLE:
            return next(c.id for c in spec.choices if not c.correct)
        case QuestionType.MULTIPLE:
            return [c.id for c in spec.choices if not c.correct]
        case QuestionType.TRUE_FALSE:
            return not spec.value
        case QuestionType.NUMERIC:
            return "123456789"
        case QuestionType.SHORT:  # a number answer takes a number (else it is refused, to be fixed)
            return "123456789" if number_answer(spec.accepted) else "zzzz"
        case QuestionType.CLOZE:
            return ["123456789" if number_answer(blank.accepted) else "zzzz" for blank in spec.blanks]
        case QuestionType.ORDERING:
            return [item.id for item in reversed(spec.items)]
        case QuestionType.MATCHING:
            rights = spec.rights
            return {left.id: next(r.id for r in rights if r.id != right.id) for left, right in spec.pairs}
    raise ValueError(question.type)


def start(client, mode: str, bank: str = "kosovo-peacekeepers") -> int:
    page = client.get(f"/quizzes/{bank}")
    assert page.status_code == 200
    response = client.post(
        f"/quizzes/{bank}/attempts",
        data={"mode": mode, "csrf_token": csrf_token(page.get_data(as_text=True))},
    )
    assert response.status_code == 302, (response.status_code, response.get_data(as_text=True)[:800])
    return int(re.search(r"/attempts/(\d+)", response.headers["Location"]).group(1))


def attempt_questions(app, attempt_id: int) -> list[core.Question]:
    """The attempt's questions in the order it asks them (read fresh from the database)."""
    with app.app_context():
        from quizapp.services import clock

        attempt = attempts.get(attempt_id, clock.now())
        current_bank(attempt.bank_slug)
        return attempts.questions_of(attempt)


def attempt_seed(app, attempt_id: int) -> int:
    """The seed the attempt shuffles its questions and choices with."""
    with app.app_context():
        from quizapp.services import clock

        return attempts.get(attempt_id, clock.now()).seed


def answer(client, attempt_id: int, number: int, fields: dict[str, Any], go: str | None = None):
    url = f"/attempts/{attempt_id}/questions/{number}"
    page = client.get(url)
    data = dict(fields, csrf_token=csrf_token(page.get_data(as_text=True)))
    if go:
        data["go"] = go
    return client.post(url, data=data)


def answer_correctly(client, app, attempt_id: int, number: int, go: str | None = None):
    question = attempt_questions(app, attempt_id)[number - 1]
    return answer(client, attempt_id, number, form_fields(question, full_marks_response(question)), go)


def any_token(client) -> str:
    """A CSRF token from a page that always has a form."""
    return csrf_token(client.get("/account/password").get_data(as_text=True))


def submit(client, attempt_id: int):
    return client.post(f"/attempts/{attempt_id}/submit", data={"csrf_token": any_token(client)})


class FrozenClock:
    """``quizapp.services.clock.now`` stopped at the current second; ``advance`` moves it on."""

    def __init__(self, monkeypatch):
        self.now = clock.now().replace(microsecond=0)
        monkeypatch.setattr(clock, "now", lambda: self.now)

    def advance(self, **delta):
        self.now += timedelta(**delta)


def edit_bank(path: Path, old: str, new: str) -> None:
    """Change a bank file on disk and move its modification time on, so the app reloads it."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
