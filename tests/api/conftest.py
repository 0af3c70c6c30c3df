"""API fixtures: a client that logs in for a token and sends it with every call."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import PASSWORD

QUIZ = "kosovo-peacekeepers"


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


@pytest.fixture
def as_user(app, people):
    """``as_user("sam")``: an API client logged in as that user (each with its own test client)."""

    def make(username: str) -> ApiClient:
        client = app.test_client()
        return ApiClient(client, token_for(client, username))

    return make


def error_of(response: Any) -> dict[str, Any]:
    """The error body, checked to have the API's one error shape."""
    body = response.get_json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"code", "message", "details"}, body
    assert isinstance(body["error"]["code"], str) and body["error"]["message"]
    return body["error"]
