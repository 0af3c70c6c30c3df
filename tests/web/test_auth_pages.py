"""Accounts: first-run set-up, log in and out, sign-up with a join code, password change."""

from datetime import timedelta

import pytest

from quizapp.core.accounts import ONE_TIME_PASSWORD_LIFETIME
from quizapp.db import account_store
from quizapp.db.base import db
from quizapp.db.database import begin_write
from quizapp.db.models import Enrollment, User
from quizapp.services import clock
from quizapp.web.auth.pages import safe_next
from tests.helpers.web import PASSWORD, csrf_token, login


def post_form(client, url, data):
    token = csrf_token(client.get(url).get_data(as_text=True))
    return client.post(url, data=dict(data, csrf_token=token))


def test_fresh_install_asks_for_the_first_teacher_then_the_page_is_gone(client, app):
    assert client.get("/").headers["Location"].endswith("/setup")
    page = client.get("/setup").get_data(as_text=True)
    assert "Create the first teacher account" in page
    response = post_form(
        client,
        "/setup",
        {"username": "Tina", "display_name": "Tina T.", "password": PASSWORD, "confirm": PASSWORD},
    )
    assert response.headers["Location"].endswith("/classes")
    assert "Your classes" in client.get("/classes").get_data(as_text=True)
    with app.app_context():
        user = db.session.scalar(db.select(User))
        assert user.username == "tina" and user.role == "teacher"
        assert user.password_hash.startswith("pbkdf2:") and PASSWORD not in user.password_hash
    assert client.get("/setup").status_code == 404
    client.post("/logout", data={"csrf_token": csrf_token(client.get("/classes").get_data(as_text=True))})
    assert client.get("/setup").status_code == 404


def test_setup_form_shows_errors_and_keeps_what_was_typed(client):
    response = post_form(
        client,
        "/setup",
        {"username": "bad name!", "display_name": "Tina T.", "password": "short", "confirm": "other"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Use 2 to 40 characters" in page and "Use at least 8 characters." in page
    assert "The passwords differ." in page
    assert 'value="bad name!"' in page and 'value="Tina T."' in page
    assert "short" not in page.split("<main")[1]  # passwords are never sent back


def test_login_failure_says_the_same_for_unknown_user_and_wrong_password(client, people):
    unknown = post_form(client, "/login", {"username": "nobody", "password": PASSWORD})
    wrong = post_form(client, "/login", {"username": "sam", "password": "wrong-password"})
    assert unknown.status_code == wrong.status_code == 422
    for response in (unknown, wrong):
        assert "Wrong username or password." in response.get_data(as_text=True)
    assert 'value="sam"' in wrong.get_data(as_text=True)


def test_login_is_case_insensitive_and_redirects_only_within_the_site(client, people):
    token = csrf_token(client.get("/login").get_data(as_text=True))
    response = client.post(
        "/login?next=//evil.example/x", data={"username": "SAM", "password": PASSWORD, "csrf_token": token}
    )
    assert response.headers["Location"] == "/"
    client.post("/logout", data={"csrf_token": csrf_token(client.get("/").get_data(as_text=True))})
    token = csrf_token(client.get("/login").get_data(as_text=True))
    response = client.post(
        "/login?next=/quizzes/kosovo-peacekeepers",
        data={"username": "sam", "password": PASSWORD, "csrf_token": token},
    )
    assert response.headers["Location"] == "/quizzes/kosovo-peacekeepers"


def test_login_and_logout_need_csrf(client, people):
    assert client.post("/login", data={"username": "sam", "password": PASSWORD}).status_code == 400
    login(client, "sam")
    assert client.post("/logout").status_code == 400
    assert "Hello, Sam" in client.get("/").get_data(as_text=True)


def test_logout_ends_the_session(client, people):
    login(client, "sam")
    client.post("/logout", data={"csrf_token": csrf_token(client.get("/").get_data(as_text=True))})
    assert client.get("/quizzes/kosovo-peacekeepers").headers["Location"].startswith("/login")


def test_signup_with_a_join_code(client, app, people):
    response = post_form(
        client,
        f"/signup?code={people.join_code}",
        {
            "join_code": people.join_code.lower()[:4] + "-" + people.join_code[4:],
            "username": "nina",
            "display_name": "Nina N.",
            "password": PASSWORD,
            "confirm": PASSWORD,
        },
    )
    assert response.headers["Location"] == "/"
    assert "Welcome to History 9B!" in client.get("/").get_data(as_text=True)
    with app.app_context():
        nina = account_store.account_by_username("nina")
        assert nina.role.value == "student"
        assert (
            db.session.scalar(db.select(Enrollment.class_id).where(Enrollment.student_id == nina.id))
            == people.class_id
        )


def test_signup_problems_keep_what_was_typed(client, people):
    response = post_form(
        client,
        "/signup",
        {
            "join_code": "NOPE1234",
            "username": "nina",
            "display_name": "Nina N.",
            "password": PASSWORD,
            "confirm": PASSWORD,
        },
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "No class has this join code" in page
    assert 'value="nina"' in page and 'value="Nina N."' in page and 'value="NOPE1234"' in page
    taken = post_form(
        client,
        "/signup",
        {
            "join_code": people.join_code,
            "username": "sam",
            "display_name": "Another Sam",
            "password": PASSWORD,
            "confirm": PASSWORD,
        },
    )
    assert "That username is taken" in taken.get_data(as_text=True)


def test_signup_refuses_a_name_of_nothing_visible_or_with_control_characters(client, people):
    for name in ("\u200b", "\u3164", "\u2800", "\x1b[2J\x1b]0;pwned\x07Eve\u202e"):
        fields = {"join_code": people.join_code, "username": "nina", "display_name": name}
        response = post_form(client, "/signup", fields | {"password": PASSWORD, "confirm": PASSWORD})
        assert response.status_code == 422 and "A name " in response.get_data(as_text=True), repr(name)


def test_password_change_ends_other_sessions(app, people):
    mine, other = app.test_client(), app.test_client()
    login(mine, "sam")
    login(other, "sam")
    response = post_form(
        mine,
        "/account/password",
        {"current": PASSWORD, "password": "a-new-password", "confirm": "a-new-password"},
    )
    assert response.headers["Location"] == "/"
    assert "Hello, Sam" in mine.get("/").get_data(as_text=True)  # this session goes on
    assert other.get("/quizzes/kosovo-peacekeepers").headers["Location"].startswith("/login")
    login(other, "sam", "a-new-password")


def test_password_change_needs_the_current_password(client, people):
    login(client, "sam")
    response = post_form(
        client,
        "/account/password",
        {"current": "wrong-one", "password": "a-new-password", "confirm": "a-new-password"},
    )
    assert response.status_code == 422 and "That is not your current password." in response.get_data(
        as_text=True
    )


def test_a_student_joins_another_class(client, app, people):
    login(client, "oleg")
    assert client.get("/signup").headers["Location"].startswith("/join")
    wrong = post_form(client, "/join", {"join_code": "NOPE"})
    assert wrong.status_code == 422 and "No class has this join code" in wrong.get_data(as_text=True)
    response = post_form(client, "/join", {"join_code": people.join_code})
    assert "You are in History 9B." in client.get(response.headers["Location"]).get_data(as_text=True)
    with app.app_context():
        assert [c.name for c in account_store.classes_of_student(people.other_student)] == [
            "Civics 10A",
            "History 9B",
        ]


def test_an_unknown_username_costs_exactly_one_password_hash(app, people, monkeypatch):
    """The real guarantee behind equal timing: the same single hash check whether the user
    exists or not, and no hash made on the way (the dummy is made once)."""
    from werkzeug import security

    with app.app_context():
        account_store.authenticate("nobody", "warm-up")  # the dummy hash is made once, here
        calls = []
        for name in ("generate_password_hash", "check_password_hash"):
            real = getattr(security, name)
            monkeypatch.setattr(
                account_store,
                name,
                lambda *a, _real=real, _name=name, **k: calls.append(_name) or _real(*a, **k),
            )
        for username in ("nobody", "somebody-else", "sam"):
            calls.clear()
            assert account_store.authenticate(username, "wrong-password") is None
            assert calls == ["check_password_hash"], username


def test_login_takes_as_long_for_an_unknown_user_as_for_a_wrong_password(app, people):
    """Medians of 20 tries each, interleaved, with a hash slow enough to dominate the query;
    the bound is generous for a shared machine (a second hash would double the time)."""
    import statistics
    import time

    app.config["PASSWORD_HASH_METHOD"] = "pbkdf2:sha256:60000"
    with app.app_context():
        account_store.change_password(people.student, PASSWORD, "slow-hash-password")
        account_store.authenticate("nobody", "warm-up")
        times: dict[str, list[float]] = {"sam": [], "nobody": []}
        for _ in range(20):
            for username in times:
                start = time.perf_counter()
                assert account_store.authenticate(username, "wrong-password") is None
                times[username].append(time.perf_counter() - start)
    ratio = statistics.median(times["nobody"]) / statistics.median(times["sam"])
    assert 0.6 < ratio < 1.5, times


NASTY_NEXT = [
    "//evil.example",
    "///evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/\x00/x",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    " /x",
    "/ /x",
    "https://evil.example/",
    "HTTP://evil.example",
    "javascript:alert(1)",
    "data:text/html,hi",
    "evil.example",
    "x/y",
    "/\u3000/evil.example",
    "/\uff0f/evil.example",
    "/\u2028/x",
    "/" + "a" * 3000,
]


@pytest.mark.parametrize("target", NASTY_NEXT, ids=lambda value: repr(value)[:30])
def test_safe_next_refuses_anything_but_a_path_on_this_site(target):
    assert safe_next(target) is None


@pytest.mark.parametrize(
    "target", ["/", "/quizzes/kosovo-peacekeepers", "/progress?x=1&y=%2F%2F", "/a/..//b"]
)
def test_safe_next_keeps_paths_on_this_site(target):
    assert safe_next(target) == target


@pytest.mark.parametrize(
    "query",
    ["/%09/evil.example", "/%0a/x", "/%0d%0a/x", "%2F%2Fevil.example", "/%5Cevil.example", "/%E2%80%A8/x"],
)
def test_login_with_a_nasty_next_goes_home_with_a_whole_session(app, people, query):
    """No open redirect, no 500 after the session was made: the login goes to the home page."""
    client = app.test_client()
    token = csrf_token(client.get("/login").get_data(as_text=True))
    response = client.post(
        f"/login?next={query}", data={"username": "sam", "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert client.get("/progress").status_code == 200  # logged in, the session complete


def one_time_password(app, people) -> str:
    import random

    with app.app_context():
        return account_store.reset_password(people.student, random.Random(5))


def test_a_one_time_password_works_until_the_student_chooses_their_own(app, people):
    """A student who closed the tab on "Choose your own password" logs in with the slip again
    (not "Wrong username or password"); the newer login ends the older session; once chosen,
    the one-time password is dead."""
    password = one_time_password(app, people)
    abandoned = app.test_client()
    login(abandoned, "sam", password)
    assert abandoned.get("/").headers["Location"] == "/account/password"
    again = app.test_client()
    login(again, "sam", password)
    assert again.get("/").headers["Location"] == "/account/password"
    assert abandoned.get("/progress").headers["Location"].startswith("/login")  # that session ended
    api = app.test_client().post("/api/v1/auth/token", json={"username": "sam", "password": password})
    assert api.status_code == 403
    chosen = post_form(
        again, "/account/password", {"password": "sams-own-secret", "confirm": "sams-own-secret"}
    )
    assert chosen.headers["Location"] == "/"
    assert "Your password is saved" in again.get("/").get_data(as_text=True)
    refused = post_form(app.test_client(), "/login", {"username": "sam", "password": password})
    assert refused.status_code == 422 and "Wrong username or password." in refused.get_data(as_text=True)
    login(app.test_client(), "sam", "sams-own-secret")


def test_a_password_marked_used_by_an_older_version_still_logs_in(app, people):
    """Students locked out by the old rule (spent at the first login) get in again."""
    password = one_time_password(app, people)
    with app.app_context():
        begin_write()
        row = db.session.get(User, people.student)
        row.password_hash = account_store.USED_ONCE + row.password_hash
        db.session.commit()
    client = app.test_client()
    login(client, "sam", password)
    assert client.get("/").headers["Location"] == "/account/password"


def test_after_a_one_time_password_every_page_asks_for_a_new_password_first(app, people):
    password = one_time_password(app, people)
    client = app.test_client()
    response = post_form(client, "/login?next=/progress", {"username": "sam", "password": password})
    assert response.status_code == 302
    for url in ("/", "/progress", "/quizzes/kosovo-peacekeepers", "/join", "/decks/kosovo-peacekeepers"):
        assert client.get(url).headers.get("Location") == "/account/password", url
    page = client.get("/account/password").get_data(as_text=True)
    assert "Choose your own password" in page and 'name="current"' not in page
    same = post_form(client, "/account/password", {"password": password, "confirm": password})
    assert same.status_code == 422
    assert "Choose a password different from the one-time one." in same.get_data(as_text=True)
    assert client.get("/progress").headers.get("Location") == "/account/password"


def test_a_one_time_login_after_a_newer_password_was_made_is_refused(app, people):
    """The login's statement compares the credentials checked with those stored: a reset (or the
    student's own password) between the check and the login wins."""
    import random

    password = one_time_password(app, people)
    with app.app_context():
        checked = account_store.authenticate("sam", password)
        account_store.reset_password(people.student, random.Random(9))
        assert account_store.use_one_time_password(checked) is None
        newer = account_store.reset_password(people.student, random.Random(11))
        fresh = account_store.authenticate("sam", newer)
        started = account_store.use_one_time_password(fresh)
        assert started is not None and started.session_version == fresh.session_version + 1


def test_a_one_time_password_stops_working_after_a_week(app, people, monkeypatch):
    """A slip lost or photographed does not open the account for ever: after its lifetime the
    right one-time password is refused, saying why (to whoever typed it, and to nobody else)."""
    password = one_time_password(app, people)
    almost = clock.now() + ONE_TIME_PASSWORD_LIFETIME - timedelta(minutes=1)
    monkeypatch.setattr(clock, "now", lambda: almost)
    in_time = app.test_client()
    login(in_time, "sam", password)
    assert in_time.get("/").headers["Location"] == "/account/password"
    monkeypatch.setattr(clock, "now", lambda: almost + timedelta(minutes=2))
    late = post_form(app.test_client(), "/login", {"username": "sam", "password": password})
    page = late.get_data(as_text=True)
    assert late.status_code == 422 and "no longer works: ask your teacher for a new one" in page
    assert "Wrong username or password." not in page
    wrong = post_form(app.test_client(), "/login", {"username": "sam", "password": "not-the-slip"})
    assert "Wrong username or password." in wrong.get_data(as_text=True)
    assert "no longer works" not in wrong.get_data(as_text=True)
