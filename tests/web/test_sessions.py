"""Sessions: a new one at login, all of them ended at logout and on a password change."""

from __future__ import annotations

from quizapp.db import account_store
from tests.helpers.api import ApiClient, token_for
from tests.helpers.web import PASSWORD, csrf_token, login


def session_cookie(client) -> str:
    return client.get_cookie("session").value


def test_a_copied_session_cookie_stops_working_at_logout(app, people):
    browser = app.test_client()
    login(browser, "sam")
    thief = app.test_client()
    thief.set_cookie("session", session_cookie(browser))
    assert thief.get("/progress").status_code == 200  # the copy works while the session lives
    browser.post(
        "/logout", data={"csrf_token": csrf_token(browser.get("/account/password").get_data(as_text=True))}
    )
    assert thief.get("/progress").status_code == 302  # to the login page


def test_logging_out_of_the_website_keeps_api_tokens_but_a_new_password_ends_them(app, people):
    client = app.test_client()
    api = ApiClient(client, token_for(client, "sam"))
    browser = app.test_client()
    login(browser, "sam")
    browser.post(
        "/logout", data={"csrf_token": csrf_token(browser.get("/account/password").get_data(as_text=True))}
    )
    assert api.get("/quizzes").status_code == 200
    with app.app_context():
        account_store.change_password(people.student, PASSWORD, "another-long-password")
    assert api.get("/quizzes").status_code == 401


def test_logging_in_starts_a_new_session(app, people):
    client = app.test_client()
    client.get("/login")
    before = client.get_cookie("session")
    login(client, "sam")
    after = session_cookie(client)
    assert before is None or before.value != after
