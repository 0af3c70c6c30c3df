"""Login limits: per address for every attempt, per account for failures, website and API together."""

from __future__ import annotations

import pytest

from tests.helpers.web import PASSWORD, csrf_token


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
    from tests.helpers.web import app_with

    assert 429 not in [app.test_client().get("/").status_code for _ in range(3)]
    try:
        limited = app_with(app, RATELIMIT_DEFAULT="2 per minute")
        client = limited.test_client()
        assert [client.get("/").status_code == 429 for _ in range(3)] == [False, False, True]
    finally:  # the limiter is one object per process: the next apps start without the default
        limiter.limit_manager.set_default_limits([])


def api_login(app, username: str, password: str, address: str = "127.0.0.1"):
    return app.test_client().post(
        "/api/v1/auth/token",
        json={"username": username, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def log_out(client) -> None:
    client.post(
        "/logout", data={"csrf_token": csrf_token(client.get("/account/password").get_data(as_text=True))}
    )


SCHOOL = "203.0.113.7"  # a class and its teacher behind one NAT address


def test_a_wrong_password_from_anyone_does_not_lock_out_a_browser_that_logged_in_before(app, people):
    teacher = app.test_client()
    assert form_login(teacher, "tina", PASSWORD, SCHOOL).status_code == 302  # her browser, trusted now
    log_out(teacher)
    student = app.test_client()
    for n in range(10):  # the default limit: 10 failures a minute (from anywhere: proxies...)
        assert form_login(student, "tina", "guess", f"10.0.0.{n}").status_code == 422
    assert form_login(student, "tina", "guess", SCHOOL).status_code == 429
    assert form_login(app.test_client(), "tina", PASSWORD, SCHOOL).status_code == 429  # a new browser
    assert api_login(app, "tina", PASSWORD).status_code == 429  # the API has no device cookie
    assert form_login(teacher, "tina", PASSWORD, SCHOOL).status_code == 302  # her own browser


def test_the_device_cookie_is_set_at_a_good_login_only_and_is_for_that_browser_only(app, people):
    browser = app.test_client()
    assert form_login(browser, "sam", "guess").status_code == 422
    assert browser.get_cookie("quizapp_device", path="/login") is None
    response = form_login(browser, "sam", PASSWORD)
    cookie = browser.get_cookie("quizapp_device", path="/login")
    assert cookie is not None and cookie.http_only and cookie.path == "/login"
    assert (
        "quizapp_device" in response.headers["Set-Cookie"]
        and "SameSite=Lax" in response.headers["Set-Cookie"]
    )


def lock(app, username: str, failures: int) -> None:
    for n in range(failures):
        assert form_login(app.test_client(), username, "guess", f"10.1.0.{n}").status_code == 422
    assert form_login(app.test_client(), username, PASSWORD, "10.2.0.1").status_code == 429


@pytest.mark.parametrize("how", ["another account's", "forged", "copied to another server's key"])
def test_a_device_cookie_trusts_only_its_own_account_and_only_if_signed(app, people, how):
    app.config["LOGIN_FAILURE_LIMIT_PER_ACCOUNT"] = "3 per hour"
    browser = app.test_client()
    assert form_login(browser, "sam", PASSWORD).status_code == 302
    log_out(browser)
    cookie = browser.get_cookie("quizapp_device", path="/login").value
    username = "tina" if how == "another account's" else "sam"
    lock(app, username, 3)
    if how == "forged":
        browser.set_cookie("quizapp_device", cookie[:-3] + "AAA", path="/login")
    elif how == "copied to another server's key":
        from itsdangerous import URLSafeTimedSerializer

        forged = URLSafeTimedSerializer("another-key", salt="quizapp-login-device").dumps([["sam", "x"]])
        browser.set_cookie("quizapp_device", forged, path="/login")
    assert form_login(browser, username, PASSWORD).status_code == 429


def test_failures_from_a_trusted_browser_are_limited_then_it_is_trusted_no_more(app, people):
    app.config["LOGIN_FAILURE_LIMIT_PER_ACCOUNT"] = "3 per hour"
    app.config["LOGIN_FAILURE_LIMIT_PER_DEVICE"] = "2 per hour"
    browser = app.test_client()
    assert form_login(browser, "sam", PASSWORD).status_code == 302
    log_out(browser)
    for _ in range(2):  # a trusted browser's failures do not count against the account
        assert form_login(browser, "sam", "guess").status_code == 422
    assert form_login(app.test_client(), "sam", PASSWORD, "10.3.0.1").status_code == 302
    lock(app, "sam", 3)
    assert form_login(browser, "sam", PASSWORD).status_code == 429  # past its own limit: untrusted


def test_failures_from_one_address_for_one_account_are_slowed_down_progressively(app, people):
    import time

    app.config["LOGIN_SLOWDOWN_AFTER_FAILURES"] = 2
    teacher = app.test_client()
    assert form_login(teacher, "sam", PASSWORD, SCHOOL).status_code == 302
    log_out(teacher)
    client = app.test_client()
    for _ in range(3):
        assert form_login(client, "sam", "guess", SCHOOL).status_code == 422
    slowed = form_login(client, "sam", PASSWORD, SCHOOL)
    assert slowed.status_code == 429 and slowed.headers["Retry-After"] == "1"
    assert form_login(app.test_client(), "sam", PASSWORD, "10.4.0.1").status_code == 302  # another address
    assert form_login(app.test_client(), "sara", PASSWORD, SCHOOL).status_code == 302  # another account
    assert form_login(teacher, "sam", PASSWORD, SCHOOL).status_code == 302  # a trusted browser
    time.sleep(1.1)
    assert form_login(client, "sam", "guess", SCHOOL).status_code == 422
    assert form_login(client, "sam", "guess", SCHOOL).headers["Retry-After"] == "2"  # doubled


def test_the_slowdown_doubles_up_to_its_maximum(app):
    from quizapp.web.login_limits import slowdown_seconds

    with app.app_context():
        app.config["LOGIN_SLOWDOWN_AFTER_FAILURES"] = 3
        app.config["LOGIN_SLOWDOWN_MAX_SECONDS"] = 300
        assert [slowdown_seconds(n) for n in range(1, 14)] == [0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300]
        assert slowdown_seconds(10_000) == 300


def test_api_logins_are_untrusted_and_slowed_down_too(app, people):
    app.config["LOGIN_SLOWDOWN_AFTER_FAILURES"] = 1
    assert api_login(app, "sam", "guess").status_code == 401
    assert api_login(app, "sam", "guess").status_code == 401
    slowed = api_login(app, "sam", PASSWORD)
    assert slowed.status_code == 429 and slowed.headers["Retry-After"] == "1"
    assert slowed.get_json()["error"]["code"] == "too_many_requests"


def test_the_browser_that_made_the_account_is_trusted_too(app, people):
    """Signing up (and the first teacher's set-up) logs in without the login form: that browser
    gets its device cookie too, so others' wrong passwords cannot lock it out."""
    app.config["LOGIN_FAILURE_LIMIT_PER_ACCOUNT"] = "3 per hour"
    browser = app.test_client()
    page = browser.get(f"/signup?code={people.join_code}").get_data(as_text=True)
    fields = {"join_code": people.join_code, "username": "nina", "display_name": "Nina N."}
    fields.update(password=PASSWORD, confirm=PASSWORD, csrf_token=csrf_token(page))
    assert browser.post("/signup", data=fields).status_code == 302
    assert browser.get_cookie("quizapp_device", path="/login") is not None
    log_out(browser)
    lock(app, "nina", 3)
    assert form_login(browser, "nina", PASSWORD).status_code == 302
