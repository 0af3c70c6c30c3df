"""Every time a person reads is in their zone (their own from the account page, else the school's
QUIZAPP_TIMEZONE), with its abbreviation; everything is stored in UTC."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from quizapp import create_app
from quizapp.db import assignment_store
from quizapp.db.base import db
from quizapp.db.models import Assignment, User
from tests.helpers.web import csrf_token

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
