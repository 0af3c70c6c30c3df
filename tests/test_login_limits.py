"""Login limits: per address for every attempt, per account for failures, website and API together."""

from __future__ import annotations

from .conftest import PASSWORD, csrf_token


def form_login(client, username: str, password: str, address: str = "127.0.0.1"):
    token = csrf_token(client.get("/login").get_data(as_text=True))
    return client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": token},
        environ_base={"REMOTE_ADDR": address},
    )


def test_failed_logins_lock_the_account_from_any_address_on_the_website_and_the_api(app, people):
    app.config["LOGIN_FAILURE_LIMIT_PER_ACCOUNT"] = "3 per hour"
    client = app.test_client()
    for n in range(3):
        assert form_login(client, "sam", "guess", f"10.0.0.{n}").status_code == 422
    locked = form_login(client, "sam", PASSWORD, "10.0.0.9")
    assert locked.status_code == 429 and "Too many tries" in locked.get_data(as_text=True)
    assert int(locked.headers["Retry-After"]) > 0
    api = client.post("/api/v1/auth/token", json={"username": "SAM", "password": PASSWORD})
    assert api.status_code == 429  # the same count
    assert form_login(app.test_client(), "sara", PASSWORD).status_code == 302  # others are not locked


def test_every_login_counts_per_address_but_looking_at_the_form_does_not(app, people):
    app.config["LOGIN_LIMIT_PER_ADDRESS"] = "2 per minute"
    client = app.test_client()
    for _ in range(5):
        assert client.get("/login").status_code == 200
    assert form_login(client, "sam", PASSWORD).status_code == 302
    client.post(
        "/logout", data={"csrf_token": csrf_token(client.get("/account/password").get_data(as_text=True))}
    )
    assert (
        client.post("/api/v1/auth/token", json={"username": "sara", "password": PASSWORD}).status_code == 200
    )
    assert form_login(app.test_client(), "sara", PASSWORD).status_code == 429
    assert form_login(app.test_client(), "sara", PASSWORD, "10.9.9.9").status_code == 302  # another address


def test_a_default_limit_set_by_a_deployment_applies_to_every_page(app):
    """The before-request pass for app-wide limits is left out only while there are none."""
    from quizapp.extensions import limiter

    from .test_web_security import app_with

    assert 429 not in [app.test_client().get("/").status_code for _ in range(3)]
    try:
        limited = app_with(app, RATELIMIT_DEFAULT="2 per minute")
        client = limited.test_client()
        assert [client.get("/").status_code == 429 for _ in range(3)] == [False, False, True]
    finally:  # the limiter is one object per process: the next apps start without the default
        limiter.limit_manager.set_default_limits([])
