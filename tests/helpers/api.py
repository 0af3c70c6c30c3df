"""Helpers for the JSON API: a client that sends a bearer token, the one error shape, attempts
started and answered through the API."""

from __future__ import annotations

from typing import Any

from schemathesis.core.parameters import ParameterLocation

from quizapp import core
from quizapp.services.question_source import current_bank
from tests.helpers.web import PASSWORD

QUIZ = "kosovo-peacekeepers"

# Operations whose body has rules between its fields (JSON Schema states none of them), and the
# error codes the API gives when they are broken: the fuzz run lets these, and only these, refuse
# a schema-valid body with a 400.
CROSS_FIELD_OPERATIONS = {
    "POST /api/v1/classes/{class_id}/assignments": "invalid_assignment",
    "PATCH /api/v1/assignments/{assignment_id}": "invalid_assignment",
    "PUT /api/v1/assignments/{assignment_id}/accommodations/{username}": "invalid_accommodation",
}


class ApiClient:
    """The Flask test client with a bearer token: ``api.get("/quizzes")`` calls /api/v1/quizzes."""

    def __init__(self, client: Any, token: str | None = None):
        self.client, self.token = client, token

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        headers = dict(kwargs.pop("headers", {}))
        if self.token:
            headers.setdefault("Authorization", f"Bearer {self.token}")
        return self.client.open(f"/api/v1{path}", method=method, headers=headers, **kwargs)

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.call("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> Any:
        return self.call("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> Any:
        return self.call("PUT", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> Any:
        return self.call("DELETE", path, **kwargs)


def token_for(client: Any, username: str, password: str = PASSWORD) -> str:
    response = client.post("/api/v1/auth/token", json={"username": username, "password": password})
    assert response.status_code == 200, response.get_json()
    return response.get_json()["token"]


def error_of(response: Any) -> dict[str, Any]:
    """The error body, checked to have the API's one error shape."""
    body = response.get_json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"code", "message", "details"}, body
    assert isinstance(body["error"]["code"], str) and body["error"]["message"]
    return body["error"]


def start(api, mode: str = "practice") -> dict[str, Any]:
    response = api.post(f"/quizzes/{QUIZ}/attempts", json={"mode": mode})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def bank_questions(app) -> dict[str, core.Question]:
    with app.app_context():
        return {q.id: q for q in current_bank(QUIZ).questions}


def answer(api, attempt: dict[str, Any], question_id: str, response: Any):
    return api.put(f"/attempts/{attempt['id']}/answers/{question_id}", json={"response": response})


class Tokens:
    """One token per user for the run, and a fresh one for each logout (which revokes it)."""

    def __init__(self, app, username: str):
        self.client, self.username = app.test_client(), username
        self.shared = token_for(self.client, username)

    def header(self, case) -> dict[str, str]:
        """The user's token for a generated request, unless schemathesis made its headers invalid
        on purpose (a negative case that drops or breaks Authorization): that one goes as made,
        to be refused. Adding the token back would make it valid, and its 200 a false failure."""
        if case.meta is not None and case.meta.is_negative_at(ParameterLocation.HEADER):
            return {}
        revoking = case.method == "DELETE" and case.path == "/api/v1/auth/token"
        token = token_for(self.client, self.username) if revoking else self.shared
        return {"Authorization": f"Bearer {token}"}
