"""The page and the API start an assigned test by the same rule (core.assignments.may_start):
over random windows, limits, accommodations and clock times, both say the same thing, and it is
what the rule says."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from quizapp.core.assignments import Accommodation, Window, for_student, may_start
from quizapp.db import assignment_store
from quizapp.db.base import db
from quizapp.db.database import begin_write
from quizapp.db.models import Attempt
from quizapp.services import assignments
from quizapp.services.assignments import AssignmentTerms
from tests.helpers.api import ApiClient, token_for
from tests.helpers.quizzes import FrozenClock
from tests.helpers.web import csrf_token, login

BANK = "kosovo-peacekeepers"
hours = st.none() | st.integers(min_value=-48, max_value=48)
terms = st.fixed_dictionaries(
    {
        "opens": hours,
        "due": hours,
        "max_attempts": st.none() | st.integers(min_value=1, max_value=3),
        "accept_late": st.booleans(),
        "taken": st.integers(min_value=0, max_value=3),
        "extra_attempts": st.integers(min_value=0, max_value=2),
        "own_due": hours,
    }
)


def page_outcome(client, assignment_id: int) -> str:
    page = client.get(f"/quizzes/{BANK}").get_data(as_text=True)
    response = client.post(
        f"/quizzes/{BANK}/attempts",
        data={"mode": "test", "assignment": str(assignment_id), "csrf_token": csrf_token(page)},
    )
    if "/attempts/" in response.location:
        return "started"
    message = client.get(response.location).get_data(as_text=True)
    for refusal, words in (("not_open", "This test opens at"), ("closed", "This test closed at")):
        if words in message:
            return refusal
    assert "You have used every attempt" in message, message[:2000]
    return "no_attempts_left"


def api_outcome(api, assignment_id: int) -> str:
    response = api.post(f"/quizzes/{BANK}/attempts", json={"mode": "test", "assignment_id": assignment_id})
    if response.status_code in (200, 201):
        return "started"
    assert response.status_code == 409, response.get_json()
    return response.get_json()["error"]["code"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(example=terms)
def test_the_page_and_the_api_start_by_the_one_rule(app, people, monkeypatch, example):
    frozen = FrozenClock(monkeypatch)
    now = frozen.now

    def at(offset):
        return None if offset is None else now + timedelta(hours=offset)

    with app.app_context():
        begin_write()
        db.session.execute(db.delete(Attempt))
        db.session.commit()
        for row in assignment_store.assignments_of_classes([people.class_id, people.other_class_id]):
            assignment_store.delete_assignment(row.id, datetime.now(UTC))
        chosen = AssignmentTerms(
            opens_at=at(example["opens"]),
            due_at=at(example["due"]),
            max_attempts=example["max_attempts"],
            accept_late=example["accept_late"],
        )
        if assignments.problems(chosen):
            return  # a teacher could not set these terms (due before opens)
        assignment_id = assignments.create(people.teacher, people.class_id, BANK, chosen)
        accommodation = Accommodation(extra_attempts=example["extra_attempts"], due_at=at(example["own_due"]))
        if not (accommodation.due_at and chosen.opens_at and accommodation.due_at <= chosen.opens_at):
            for username in ("sam", "sara"):
                assignments.accommodate(people.teacher, assignment_id, username, accommodation)
        else:
            accommodation = None
        begin_write()
        for user_id in (people.student, people.classmate):  # attempts already taken and submitted
            for _ in range(example["taken"]):
                db.session.add(
                    Attempt(
                        user_id=user_id,
                        bank_id=assignment_store.bank_id_of(BANK),
                        mode="test",
                        status="submitted",
                        seed=1,
                        items=[],
                        started_at=now - timedelta(days=9),
                        submitted_at=now - timedelta(days=9),
                        assignment_id=assignment_id,
                    )
                )
        db.session.commit()
    window = Window(
        opens_at=chosen.opens_at,
        due_at=chosen.due_at,
        max_attempts=chosen.max_attempts,
        accept_late=chosen.accept_late,
    )
    expected = may_start(for_student(window, accommodation), example["taken"], now)
    page = app.test_client()
    login(page, "sam")
    api = ApiClient(app.test_client(), token_for(app.test_client(), "sara"))
    said = (page_outcome(page, assignment_id), api_outcome(api, assignment_id))
    rule = "started" if expected.allowed else expected.refusal.value
    event(rule)
    assert said == (rule, rule), example
