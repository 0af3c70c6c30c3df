"""Every time a person reads is in their zone (their own from the account page, else the school's
QUIZAPP_TIMEZONE), with its abbreviation; everything is stored in UTC."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from quizapp import create_app
from quizapp.db import assignment_store
from quizapp.db.base import db
from quizapp.db.database import begin_write
from quizapp.db.models import Assignment, CardState, Classroom, User
from quizapp.services import clock
from tests.helpers.web import DECK, PASSWORD, csrf_token, study_one

DUE = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 03:30 CEST in Belgrade: the night clocks go forward


def set_due(app, due: datetime) -> None:
    """Every assignment (one per class) is due at ``due``."""
    with app.app_context():
        for assignment_id in db.session.scalars(db.select(Assignment.id)).all():
            terms = assignment_store.assignment(assignment_id).terms
            assignment_store.update_assignment(assignment_id, replace(terms, due_at=due))


def choose_zone(client, name: str):
    token = csrf_token(client.get("/account/password").get_data(as_text=True))
    return client.post("/account/time-zone", data={"time_zone": name, "csrf_token": token})


def test_a_student_reads_the_due_time_in_the_zone_they_chose(student, app):
    set_due(app, DUE)
    assert "Due <strong>2026-03-29 01:30 UTC</strong>" in student.get("/").get_data(as_text=True)
    assert choose_zone(student, "Europe/Belgrade").status_code == 302
    assert "Due <strong>2026-03-29 03:30 CEST</strong>" in student.get("/").get_data(as_text=True)
    assert choose_zone(student, "America/Chicago").status_code == 302
    page = student.get("/quizzes/kosovo-peacekeepers").get_data(as_text=True)
    assert "Due <strong>2026-03-28 20:30 CDT</strong>" in page
    with app.app_context():  # stored in UTC, whatever the reader's zone
        assert set(db.session.scalars(db.select(Assignment.due_at))) == {DUE}


def test_the_schools_zone_is_the_default_and_a_user_may_go_back_to_it(student, app):
    set_due(app, DUE)
    choose_zone(student, "Europe/Belgrade")
    assert choose_zone(student, "").status_code == 302  # "the school's"
    with app.app_context():
        assert db.session.scalars(db.select(User.time_zone).where(User.username == "sam")).one() is None
    app.config["TIMEZONE"] = "America/Chicago"
    assert "Due <strong>2026-03-28 20:30 CDT</strong>" in student.get("/").get_data(as_text=True)


def test_a_zone_that_does_not_exist_is_refused_and_nothing_changes(student, app):
    response = choose_zone(student, "Mars/Olympus_Mons")
    assert response.status_code == 422 and "Not a valid choice" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalars(db.select(User.time_zone).where(User.username == "sam")).one() is None


def test_a_misspelt_school_zone_stops_the_start_saying_so(app):
    config = {key: app.config[key] for key in ("SECRET_KEY", "QUESTIONS_DIR", "SQLALCHEMY_DATABASE_URI")}
    with pytest.raises(ValueError, match="no time zone"):
        create_app(config | {"TESTING": True, "TIMEZONE": "Europe/Belgrad"})


CHICAGO = ZoneInfo("America/Chicago")


TOMORROW_IN_CHICAGO = clock.now().astimezone(CHICAGO).date() + timedelta(days=1)


def chicago_day(hour: int) -> datetime:
    """Tomorrow in Chicago at ``hour`` o'clock there (25: 01:00 the day after), in UTC: 10:00
    and 20:00 are one day in Chicago and two in UTC."""
    start = datetime.combine(TOMORROW_IN_CHICAGO, time(0), tzinfo=CHICAGO)
    return (start + timedelta(hours=hour)).astimezone(UTC)


def progress_numbers(client) -> dict[str, str]:
    page = client.get("/progress").get_data(as_text=True)
    return dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]*)</dd>", page))


def test_progress_counts_the_readers_days(student, app, monkeypatch):
    """A streak, "due today" and the daily limit of new cards count the reader's days: a student
    in Chicago who studies at 10:00 and 20:00 studied on one day, which UTC splits in two."""
    token = csrf_token(student.get(DECK).get_data(as_text=True))
    student.post(f"{DECK}/settings", data={"new_cards_per_day": "1", "csrf_token": token})
    monkeypatch.setattr(clock, "now", lambda: chicago_day(10))
    study_one(student)  # the day's one new card
    monkeypatch.setattr(clock, "now", lambda: chicago_day(20))
    study_one(student)  # the same card again, due since the morning
    with app.app_context():  # every card comes back at 01:00 the next night in Chicago
        begin_write()
        for card in db.session.scalars(db.select(CardState)):
            card.due = chicago_day(25)
        db.session.commit()

    in_utc = progress_numbers(student)  # the school's zone: UTC, where it is tomorrow already
    assert in_utc["Study streak"] == "2 days" and in_utc["Cards due today"] != "0"
    assert "<strong>1</strong> new card left today" in student.get(DECK).get_data(as_text=True)

    choose_zone(student, "America/Chicago")
    in_chicago = progress_numbers(student)
    assert in_chicago["Study streak"] == "1 day" and in_chicago["Cards due today"] == "0"
    due = in_utc["Cards due today"]  # the chart's days are the reader's too: tomorrow in Chicago
    tomorrow = f"{TOMORROW_IN_CHICAGO + timedelta(days=1):%b %d}"
    assert f"<td>{tomorrow}</td><td>{due}</td>" in student.get("/progress").get_data(as_text=True)
    assert "<strong>0</strong> new cards left today" in student.get(DECK).get_data(as_text=True)


# --- the browser's zone, for an account that has none ------------------------------------


def login_from(client, zone: str, username: str = "sam"):
    """Log in as a browser in ``zone`` does (``browser_zone.js`` fills the hidden field)."""
    page = client.get("/login").get_data(as_text=True)
    assert 'name="browser_zone"' in page and "browser_zone.js" in page
    return client.post(
        "/login",
        data={
            "username": username,
            "password": PASSWORD,
            "browser_zone": zone,
            "csrf_token": csrf_token(page),
        },
    )


def stored_zone(app, username: str = "sam") -> tuple[str | None, str | None]:
    with app.app_context():
        row = db.session.scalars(db.select(User).where(User.username == username)).one()
        return row.time_zone, row.time_zone_source


def test_an_account_with_no_zone_takes_its_browsers_at_login(client, people, app):
    set_due(app, DUE)
    assert login_from(client, "America/New_York").status_code == 302
    assert stored_zone(app) == ("America/New_York", "browser")
    assert "Due <strong>2026-03-28 21:30 EDT</strong>" in client.get("/").get_data(as_text=True)
    account_page = client.get("/account/password").get_data(as_text=True)
    assert "taken from your browser when you logged in" in account_page
    assert '<option selected value="America/New_York">' in account_page


def test_a_zone_chosen_on_the_account_page_even_the_schools_is_kept_at_later_logins(student, app):
    assert choose_zone(student, "").status_code == 302  # "the school's", chosen
    assert "as you chose here" in student.get("/account/password").get_data(as_text=True)
    fresh = app.test_client()
    assert login_from(fresh, "Asia/Tokyo").status_code == 302
    assert stored_zone(app) == (None, "chosen")
    choose_zone(fresh, "Europe/Belgrade")
    login_from(app.test_client(), "Asia/Tokyo")
    assert stored_zone(app) == ("Europe/Belgrade", "chosen")


@pytest.mark.parametrize("sent", ["", "Mars/Olympus_Mons", "../../etc/passwd", "x" * 64])
def test_a_browser_zone_that_is_no_zone_leaves_the_schools(client, people, app, sent):
    """Without JavaScript the field is empty: the school's zone, as before."""
    set_due(app, DUE)
    assert login_from(client, sent).status_code == 302
    assert stored_zone(app) == (None, None)
    assert "Due <strong>2026-03-29 01:30 UTC</strong>" in client.get("/").get_data(as_text=True)
    assert "your browser did not say its own" in client.get("/account/password").get_data(as_text=True)


def test_signing_up_and_choosing_ones_password_take_the_browsers_zone_too(client, people, app):
    import random

    from quizapp.db import account_store

    with app.app_context():
        one_time = account_store.reset_password(people.student, random.Random(5))
        code = db.session.get(Classroom, people.class_id).join_code
    page = client.get("/login").get_data(as_text=True)
    client.post("/login", data={"username": "sam", "password": one_time, "csrf_token": csrf_token(page)})
    page = client.get("/account/password").get_data(as_text=True)
    assert 'name="browser_zone"' in page
    saved = client.post(
        "/account/password",
        data={
            "password": "sams-own-secret",
            "confirm": "sams-own-secret",
            "browser_zone": "Europe/Lisbon",
            "csrf_token": csrf_token(page),
        },
    )
    assert saved.status_code == 302 and stored_zone(app) == ("Europe/Lisbon", "browser")

    newcomer = app.test_client()
    page = newcomer.get("/signup").get_data(as_text=True)
    newcomer.post(
        "/signup",
        data={
            "join_code": code,
            "username": "nia",
            "display_name": "Nia N",
            "password": "nias-own-secret",
            "confirm": "nias-own-secret",
            "browser_zone": "Australia/Sydney",
            "csrf_token": csrf_token(page),
        },
    )
    assert stored_zone(app, "nia") == ("Australia/Sydney", "browser")
