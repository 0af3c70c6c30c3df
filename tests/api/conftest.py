"""API fixtures: a client that logs in for a token and sends it with every call."""

from __future__ import annotations

import pytest
import schemathesis
from schemathesis.config import SchemathesisConfig
from schemathesis.config._checks import POSITIVE_DATA_ACCEPTANCE_EXPECTED_STATUSES

from tests.helpers.api import CROSS_FIELD_OPERATIONS, QUIZ, ApiClient, Tokens, token_for
from tests.helpers.quizzes import FrozenClock, attempt_questions, start
from tests.helpers.web import login


@pytest.fixture
def as_user(app, people):
    """``as_user("sam")``: an API client logged in as that user (each with its own test client)."""

    def make(username: str) -> ApiClient:
        client = app.test_client()
        return ApiClient(client, token_for(client, username))

    return make


@pytest.fixture
def both(client, people, as_user):
    login(client, "sam")
    api = as_user("sam")
    attempt = api.post(f"/quizzes/{QUIZ}/attempts", json={"mode": "practice"}).get_json()
    return client, api, attempt


@pytest.fixture
def api_schema(app, people):
    # generous limits: the fuzzer sends hundreds of requests from one address in seconds
    app.config.update(
        LOGIN_LIMIT_PER_ADDRESS="100000 per minute", API_ANSWER_LIMIT_PER_USER="100000 per minute"
    )
    # No NUL characters: the API refuses every string holding one (no database can keep it), a
    # rule a JSON schema cannot state; tests/web/test_storable_text.py tests the refusal.
    # Rules between fields of a body, which JSON Schema cannot state (a due time after the opening
    # time; an attempt that ends at the close needs a due time), may refuse a schema-valid body:
    # for these operations a 400 is expected too, and test_openapi_fuzz.py checks that such a 400
    # is always the service's refusal of those rules, never anything else.
    cross_field = {
        "operations": [
            {
                "include-name": list(CROSS_FIELD_OPERATIONS),
                "checks": {
                    "positive_data_acceptance": {
                        "expected-statuses": [*POSITIVE_DATA_ACCEPTANCE_EXPECTED_STATUSES, "400"]
                    }
                },
            }
        ]
    }
    config = SchemathesisConfig.from_dict({"generation": {"allow-x00": False}} | cross_field)
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app, config=config)


@pytest.fixture
def student_tokens(app, people) -> Tokens:
    return Tokens(app, "sam")


@pytest.fixture
def teacher_tokens(app, people) -> Tokens:
    return Tokens(app, "tina")


@pytest.fixture
def one_test(client, people, as_user, app):
    """One open test, taken by the same student on the page and through the API."""
    app.config["API_ANSWER_LIMIT_PER_USER"] = app.config["API_ANSWER_LIMIT_PER_ADDRESS"] = "10000/minute"
    login(client, "sam")
    attempt_id = start(client, "test", QUIZ)
    api = as_user("sam")
    assert api.post(f"/quizzes/{QUIZ}/attempts", json={"mode": "test"}).get_json()["id"] == attempt_id
    return client, api, attempt_id, attempt_questions(app, attempt_id)


@pytest.fixture
def clock(monkeypatch):
    return FrozenClock(monkeypatch)


@pytest.fixture
def tina(as_user):
    return as_user("tina")


@pytest.fixture
def sam(as_user):
    return as_user("sam")


@pytest.fixture
def assign_by_api(tina, people):
    """Replace the fixture's assignments of Tina's class with one made through the API."""

    def make(**terms):
        for row in tina.get("/assignments").get_json()["assignments"]:
            assert tina.delete(f"/assignments/{row['id']}").status_code == 204
        response = tina.post(f"/classes/{people.class_id}/assignments", json={"quiz_id": QUIZ, **terms})
        assert response.status_code == 201, response.get_json()
        created = response.get_json()
        assert isinstance(created.pop("warnings"), list)  # about this save only: not listed later
        return created

    return make


@pytest.fixture
def assignment_id(app, people, results) -> int:
    """The assignment of Tina's class that Sam's and Sara's tests were taken under."""
    with app.app_context():
        from quizapp.services import assignments

        [row] = assignments.of_classes([people.class_id], QUIZ)
    return row.id
