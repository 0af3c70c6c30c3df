"""Common passwords are refused everywhere a password is chosen, with one message."""

from __future__ import annotations

import pytest

from quizapp.db import account_store
from quizapp.services.passwords import TOO_COMMON, TOO_SHORT, password_problem
from tests.helpers.web import PASSWORD, csrf_token, login

COMMON = ["12345678", "password", "Password1", "QWERTYUIOP", "iloveyou"]


@pytest.mark.parametrize("password", COMMON)
def test_common_passwords_are_refused_whatever_their_case(password):
    assert password_problem(password) == TOO_COMMON


@pytest.mark.parametrize("password", ["  password  ", "pass word", "\tqwerty uiop "])
def test_blanks_do_not_make_a_common_password_uncommon(password):
    assert password_problem(password) == TOO_COMMON


@pytest.mark.parametrize("password", [PASSWORD, "kuwait-river-73-lamp", "Zoe's own secret"])
def test_uncommon_passwords_of_eight_characters_or_more_are_accepted(password):
    assert password_problem(password) is None


def test_short_passwords_are_refused_first():
    assert password_problem("1234567") == TOO_SHORT


def post_form(client, url, data):
    token = csrf_token(client.get(url).get_data(as_text=True))
    return client.post(url, data=dict(data, csrf_token=token))


def refused(response) -> bool:
    return response.status_code == 422 and TOO_COMMON in response.get_data(as_text=True)


def test_first_teacher_setup_refuses_a_common_password(client):
    data = {"username": "tina", "display_name": "Tina", "password": "12345678", "confirm": "12345678"}
    assert refused(post_form(client, "/setup", data))


def test_signup_refuses_a_common_password(client, people):
    data = {
        "join_code": people.join_code,
        "username": "nina",
        "display_name": "Nina",
        "password": "password",
        "confirm": "password",
    }
    assert refused(post_form(client, "/signup", data))


def test_a_password_change_refuses_a_common_password(client, people):
    login(client, "sam")
    data = {"current": PASSWORD, "password": "password1", "confirm": "password1"}
    assert refused(post_form(client, "/account/password", data))


def test_a_teacher_cannot_give_a_new_student_a_common_password(client, people):
    login(client, "tina")
    url = f"/classes/{people.class_id}/students"
    token = csrf_token(client.get(f"/classes/{people.class_id}").get_data(as_text=True))
    response = client.post(
        url,
        data={
            "add-username": "zoe",
            "add-display_name": "Zoe",
            "add-password": "iloveyou",
            "csrf_token": token,
        },
    )
    assert refused(response)


def test_flask_user_create_refuses_a_common_password(app):
    result = app.test_cli_runner().invoke(
        args=["user", "create", "ana", "--role", "teacher", "--password-stdin"], input="12345678\n"
    )
    assert result.exit_code == 2 and "most common" in result.output
    with app.app_context():
        assert account_store.account_by_username("ana") is None


def test_the_password_chosen_after_a_reset_cannot_be_a_common_one(app, client, people):
    import random

    with app.app_context():
        one_time = account_store.reset_password(people.student, random.Random(3))
    login(client, "sam", one_time)
    assert refused(post_form(client, "/account/password", {"password": "Password1", "confirm": "Password1"}))
