"""The one library internal the app relies on, and the public hooks that replaced the others.

Flask-Limiter has no public way to leave out its pass over app-wide limits before every request
(api/__init__.py): the app removes the private ``_check_request_limit`` it registers. These
tests fail if a Flask-Limiter release changes that, before a deployment does.
"""

from __future__ import annotations

from flask import Flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from quizapp.extensions import limiter


def test_flask_limiter_registers_its_app_wide_pass_as_check_request_limit():
    app = Flask(__name__)
    app.config["RATELIMIT_STORAGE_URI"] = "memory://"
    fresh = Limiter(get_remote_address)
    fresh.init_app(app)
    assert fresh._check_request_limit in app.before_request_funcs[None]


def test_the_app_runs_without_flask_limiters_app_wide_pass(app):
    assert limiter._check_request_limit not in app.before_request_funcs.get(None, [])


def test_an_api_address_that_does_not_exist_answers_in_the_apis_shape(client):
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_a_page_that_does_not_exist_is_the_sites_html_page(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert "Page not found" in response.get_data(as_text=True)


def test_an_empty_or_broken_json_body_is_refused_as_bad_json(client):
    for body in (b"", b"{", b"\xff"):
        response = client.post("/api/v1/auth/token", data=body, content_type="application/json")
        assert response.status_code == 400
        assert response.get_json()["error"]["details"] == {
            "location": "json",
            "fields": ["Invalid JSON body."],
        }
