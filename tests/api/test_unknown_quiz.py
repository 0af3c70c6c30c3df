"""An unknown quiz id in any API route: the one bank lookup's failure, in the API's one error
shape (``quiz_not_found``, 404); the pages and commands: tests/services/test_unknown_bank.py."""

from __future__ import annotations

import pytest

from tests.helpers.api import error_of

UNKNOWN = "no-such-bank"


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", f"/quizzes/{UNKNOWN}/answer-key", None),
        ("POST", f"/quizzes/{UNKNOWN}/attempts", {"mode": "test"}),
        ("GET", f"/exports/scores?quiz_id={UNKNOWN}", None),
    ],
)
def test_the_api_answers_an_unknown_quiz_with_its_one_error(as_user, method, path, body):
    response = as_user("tina").call(method, path, json=body)
    assert response.status_code == 404
    assert error_of(response) == {
        "code": "quiz_not_found",
        "message": f"There is no quiz {UNKNOWN!r}.",
        "details": None,
    }


def test_the_api_shortens_a_long_unknown_id_in_its_message(as_user):
    long_id = "x" * 200
    error = error_of(as_user("tina").get(f"/quizzes/{long_id}/answer-key"))
    assert error["message"] == f"There is no quiz {'x' * 80!r}."
