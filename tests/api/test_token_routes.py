"""POST/DELETE /api/v1/auth/token: tokens are issued for good credentials, stored hashed, expire and revoke."""

from __future__ import annotations

import hashlib
import random
from datetime import timedelta

import pytest

from quizapp.core.storable_text import SURROGATE_REFUSED
from quizapp.db import account_store
from quizapp.db.base import db
from quizapp.db.models import ApiToken
from tests.helpers.api import ApiClient, error_of, token_for
from tests.helpers.quizzes import FrozenClock
from tests.helpers.web import PASSWORD, login


def test_good_credentials_give_a_token_that_opens_the_api(client, people, app):
    response = client.post("/api/v1/auth/token", json={"username": "Sam", "password": PASSWORD})
    assert response.status_code == 200
    body = response.get_json()
    assert body["user"] == {"id": people.student, "username": "sam", "name": "Sam Student", "role": "student"}
    assert len(body["token"]) >= 40
    assert ApiClient(client, body["token"]).get("/quizzes").status_code == 200
    with app.app_context():
        [row] = db.session.scalars(db.select(ApiToken)).all()
        assert row.token_hash == hashlib.sha256(body["token"].encode()).hexdigest()  # never the token itself
        assert row.expires_at.isoformat() == body["expires_at"]


@pytest.mark.parametrize(
    "credentials",
    [{"username": "sam", "password": "wrong-password"}, {"username": "nobody", "password": PASSWORD}],
)
def test_bad_credentials_are_401_with_one_message(client, people, credentials):
    response = client.post("/api/v1/auth/token", json=credentials)
    assert response.status_code == 401
    error = error_of(response)
    assert error["code"] == "invalid_credentials"
    assert error["message"] == "Unknown username or wrong password."


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"username": "sam"}, "password"),
        ({"password": "x"}, "username"),
        ({"username": 5, "password": "x"}, "username"),
    ],
)
def test_a_malformed_body_is_400_naming_the_field(client, people, body, field):
    response = client.post("/api/v1/auth/token", json=body)
    assert response.status_code == 400
    error = error_of(response)
    assert error["details"]["location"] == "json"
    assert field in error["details"]["fields"]


@pytest.mark.parametrize(
    "body",
    ['{"username": "\\ud800", "password": "x"}', '{"username": "sam", "password": "\\ud800"}'],
    ids=["username", "password"],
)
def test_a_lone_surrogate_in_the_credentials_is_400_not_500(client, people, body):
    """JSON may escape half a surrogate pair; it is no character, and hashing or looking it up
    failed with a 500 (core/storable_text.py)."""
    response = client.post("/api/v1/auth/token", data=body, content_type="application/json")
    assert response.status_code == 400
    assert error_of(response)["details"]["fields"] == [SURROGATE_REFUSED]


def test_not_json_is_400(client, people):
    response = client.post("/api/v1/auth/token", data="username=sam", content_type="application/json")
    assert response.status_code == 400
    assert error_of(response)["code"] == "bad_request"


def test_a_one_time_password_must_be_changed_on_the_website_first(client, people, app):
    with app.app_context():
        password = account_store.reset_password(people.student, random.Random(1))
    response = client.post("/api/v1/auth/token", json={"username": "sam", "password": password})
    assert response.status_code == 403
    assert error_of(response)["code"] == "password_change_required"


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer ", "Basic c2FtOnB3", "Bearer not-a-token"])
def test_every_other_endpoint_needs_a_valid_token(client, people, header):
    headers = {"Authorization": header} if header is not None else {}
    response = client.get("/api/v1/quizzes", headers=headers)
    assert response.status_code == 401
    assert error_of(response)["code"] in {"unauthorized", "invalid_token"}
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_website_session_does_not_open_the_api(client, people):
    login(client, "sam")  # the cookie a browser would send along: not an API credential
    assert client.get("/api/v1/quizzes").status_code == 401


def test_a_revoked_token_stops_working(client, people):
    api = ApiClient(client, token_for(client, "sam"))
    other = ApiClient(client, token_for(client, "sam"))
    assert api.delete("/auth/token").status_code == 204
    assert error_of(api.get("/quizzes"))["code"] == "invalid_token"
    assert other.get("/quizzes").status_code == 200  # only the token sent was revoked


def test_tokens_expire(client, people, app, monkeypatch):
    frozen = FrozenClock(monkeypatch)
    api = ApiClient(client, token_for(client, "sam"))
    frozen.advance(seconds=app.config["API_TOKEN_LIFETIME_SECONDS"] - 1)
    assert api.get("/quizzes").status_code == 200
    frozen.advance(seconds=1)
    assert api.get("/quizzes").status_code == 401


def test_a_password_change_ends_every_token(client, people, app):
    api = ApiClient(client, token_for(client, "sam"))
    with app.app_context():
        assert account_store.change_password(people.student, PASSWORD, "a-brand-new-password")
    assert api.get("/quizzes").status_code == 401


def test_token_requests_are_limited_per_address(app, people):
    app.config["LOGIN_LIMIT_PER_ADDRESS"] = "3 per minute"
    client = app.test_client()
    for _ in range(3):
        assert (
            client.post("/api/v1/auth/token", json={"username": "sam", "password": PASSWORD}).status_code
            == 200
        )
    response = client.post("/api/v1/auth/token", json={"username": "sara", "password": PASSWORD})
    assert response.status_code == 429
    assert error_of(response)["code"] == "too_many_requests"
    assert 0 < int(response.headers["Retry-After"]) <= 60


def test_failed_logins_are_limited_per_account_from_any_address(app, people):
    app.config["LOGIN_FAILURE_LIMIT_PER_ACCOUNT"] = "2 per hour"
    client = app.test_client()
    for n in range(2):
        address = {"REMOTE_ADDR": f"10.0.0.{n}"}
        wrong = {"username": "sam", "password": "guess"}
        assert client.post("/api/v1/auth/token", json=wrong, environ_base=address).status_code == 401
    right = {"username": "SAM", "password": PASSWORD}
    response = client.post("/api/v1/auth/token", json=right, environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert response.status_code == 429 and "Retry-After" in response.headers
    # another account is not locked out, and successful logins do not count
    for _ in range(3):
        assert (
            client.post("/api/v1/auth/token", json={"username": "sara", "password": PASSWORD}).status_code
            == 200
        )


def test_expired_tokens_are_cleared_when_the_user_logs_in_again(client, people, app, monkeypatch):
    frozen = FrozenClock(monkeypatch)
    token_for(client, "sam")
    frozen.advance(seconds=app.config["API_TOKEN_LIFETIME_SECONDS"] + 1)
    token_for(client, "sam")
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(ApiToken)) == 1


def test_lifetime_is_configurable(client, people, app, monkeypatch):
    frozen = FrozenClock(monkeypatch)
    app.config["API_TOKEN_LIFETIME_SECONDS"] = 60
    body = client.post("/api/v1/auth/token", json={"username": "sam", "password": PASSWORD}).get_json()
    assert body["expires_at"] == (frozen.now + timedelta(seconds=60)).isoformat()


def test_a_session_that_must_change_its_password_gets_json_not_a_redirect(client, people, app):
    with app.app_context():
        password = account_store.reset_password(people.student, random.Random(2))
    login(client, "sam", password)  # the website now asks for a new password first
    assert client.get("/").status_code == 302
    response = client.get("/api/v1/quizzes")
    assert response.status_code == 401 and response.is_json
