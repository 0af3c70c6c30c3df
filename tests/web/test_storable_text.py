"""Text with a NUL character is refused with a clear 400, on every way in, on every database.

PostgreSQL cannot store NUL in text: before, a class named "a\\0b", a student's name, a join code
or a username with one answered 500 there (and SQLite stored it). The page fuzz found them.
"""

from __future__ import annotations

import io

import pytest

from quizapp.core.roster import parse_roster
from quizapp.core.storable_text import NUL_REFUSED, holds_nul
from tests.helpers.api import error_of
from tests.helpers.quizzes import any_token
from tests.helpers.web import PASSWORD, csrf_token, login

BAD = "a\x00b"


def test_holds_nul_looks_into_strings_lists_and_dicts_however_deep():
    assert holds_nul(BAD) and holds_nul([["x", {"k": BAD}]]) and holds_nul({BAD: 1})
    assert not holds_nul({"a": ["b", 1, None, 2.5]}) and not holds_nul("a\\0b")
    deep: list = [BAD]
    for _ in range(100_000):
        deep = [deep]
    assert holds_nul(deep)


def test_a_roster_line_with_a_nul_is_a_problem_of_that_line():
    entries, problems = parse_roster(f"ava, Ava\nben, B{BAD}\n")
    assert [e.username for e in entries] == ["ava"] and problems == [f"line 2: {NUL_REFUSED}"]


def _refused(response) -> bool:
    return response.status_code == 400 and "NUL character" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("path", "form"),
    [
        ("/classes", {"name": BAD}),
        ("/classes/{class_id}/students", {"add-username": "newkid", "add-display_name": BAD}),
        ("/banks/new", {"title": BAD, "file_name": "x.yaml"}),
        ("/classes?sort=" + "%00", {"name": "History 10C"}),  # the query string too
    ],
)
def test_a_teachers_form_with_a_nul_is_refused(client, people, path, form):
    login(client, "tina")
    token = any_token(client)
    data = form | {"csrf_token": token, "add-csrf_token": token}
    assert _refused(client.post(path.format(class_id=people.class_id), data=data))


def test_a_roster_file_with_a_nul_names_the_line(client, people):
    login(client, "tina")
    response = client.post(
        f"/classes/{people.class_id}/roster",
        data={
            "roster-roster": (io.BytesIO(f"kid, Na{BAD}me\n".encode()), "class.csv"),
            "csrf_token": any_token(client),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code in (200, 422) and NUL_REFUSED in response.get_data(as_text=True)


def test_logging_in_signing_up_and_joining_with_a_nul_are_refused(app, client, people):
    token = csrf_token(client.get("/login").get_data(as_text=True))
    assert _refused(client.post("/login", data={"username": BAD, "password": PASSWORD, "csrf_token": token}))
    signup = {"join_code": people.join_code, "username": "kid", "display_name": BAD}
    signup |= {"password": PASSWORD, "confirm": PASSWORD, "csrf_token": token}
    assert _refused(client.post("/signup", data=signup))
    student = app.test_client()
    login(student, "oleg")
    assert _refused(student.post("/join", data={"join_code": BAD, "csrf_token": any_token(student)}))


def test_the_api_refuses_a_nul_in_json_and_in_the_query_string(app, people):
    client = app.test_client()
    response = client.post("/api/v1/auth/token", json={"username": BAD, "password": PASSWORD})
    assert response.status_code == 400 and error_of(response)["details"]["fields"] == [NUL_REFUSED]
    response = client.get("/api/v1/quizzes?x=%00")
    assert response.status_code == 400 and error_of(response)["message"] == NUL_REFUSED


def test_a_page_form_cannot_carry_a_lone_surrogate(app, client, people):
    """Only JSON can escape half a surrogate pair: werkzeug keeps a percent-escape that is not
    UTF-8 (%ED%A0%80 would be U+D800) as its text, and drops a multipart form that is not UTF-8,
    so a page sees no lone surrogate (and would refuse one: web/input_checks.py)."""
    token = csrf_token(client.get("/login").get_data(as_text=True))
    body = f"username=%ED%A0%80&password=x&csrf_token={token}"
    response = client.post("/login", data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 422 and "Wrong username or password." in response.get_data(as_text=True)
