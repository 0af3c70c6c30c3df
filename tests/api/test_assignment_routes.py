"""Classes and assignments through the API: who may do what, the terms a teacher sets, the window
and status a student sees, accommodations, and refusals worded by the one service that decides."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from quizapp.api.common import OFFSET_REQUIRED
from quizapp.core.answer_key import full_marks_response
from quizapp.core.assignments import MAX_ATTEMPTS, MAX_EXTRA_TIME_MINUTES, MAX_EXTRA_TIME_PERCENT
from quizapp.db import account_store
from quizapp.db.base import db
from quizapp.db.models import Assignment, Attempt
from tests.helpers.api import QUIZ, answer, bank_questions, error_of
from tests.helpers.quizzes import any_token
from tests.helpers.web import login

HOUR = timedelta(hours=1)
BANK_MINUTES = 30  # the article bank's own time limit


def iso(moment: datetime) -> str:
    return moment.isoformat()


def stored_assignments(app) -> int:
    with app.app_context():
        return len(db.session.scalars(db.select(Assignment)).all())


def seen_student(app) -> int:
    return account_store.account_by_username("sam").id


def mine(api) -> list[dict]:
    response = api.get("/assignments")
    assert response.status_code == 200, response.get_json()
    return response.get_json()["assignments"]


# --- GET /classes ----------------------------------------------------------------------------


def test_a_teacher_lists_their_own_classes_with_join_codes_and_student_counts(as_user, people):
    classes = as_user("tina").get("/classes").get_json()["classes"]
    assert classes == [
        {
            "id": people.class_id,
            "name": "History 9B",
            "join_code": people.join_code,
            "student_count": 2,
            "archived": False,
            "accommodations": [],
        }
    ]
    [other] = as_user("otto").get("/classes").get_json()["classes"]
    assert other["id"] == people.other_class_id and other["student_count"] == 1


def test_a_student_lists_their_classes_without_join_codes_and_not_archived_ones(app, as_user, people):
    assert as_user("sam").get("/classes").get_json() == {
        "classes": [{"id": people.class_id, "name": "History 9B"}]
    }
    with app.app_context():
        account_store.archive_class(people.class_id, datetime.now(UTC))
    assert as_user("sam").get("/classes").get_json() == {"classes": []}
    [archived] = as_user("tina").get("/classes").get_json()["classes"]
    assert archived["archived"] is True


def test_classes_need_a_token(client):
    response = client.get("/api/v1/classes")
    assert response.status_code == 401 and error_of(response)["code"] == "unauthorized"


# --- POST /classes/{id}/assignments ------------------------------------------------------------


def test_a_new_assignment_takes_the_defaults_the_issue_names(assign_by_api, people):
    created = assign_by_api()
    assert created["quiz_id"] == QUIZ and created["class_id"] == people.class_id
    assert created["class_name"] == "History 9B" and created["quiz_title"]
    assert created["name"] == created["quiz_title"]  # no title: it goes by the quiz's
    assert {
        key: created[key] for key in created if key not in ("id", "quiz_title", "name", "created_at")
    } == {
        "title": None,
        "quiz_id": QUIZ,
        "class_id": people.class_id,
        "class_name": "History 9B",
        "opens_at": None,
        "due_at": None,
        "time_limit_minutes": None,  # the quiz's own
        "max_attempts": 1,
        "late": False,
        "counted": "best",
        "ends_at_close": False,
        "show_answers": None,
        "study": True,
    }
    assert created["created_at"].endswith("+00:00")


def test_every_term_is_taken_and_times_come_back_in_utc(assign_by_api):
    created = assign_by_api(
        opens_at="2026-12-01T09:00:00+01:00",
        due_at="2026-12-08T08:00:00Z",
        time_limit_minutes=0,
        max_attempts=None,
        late=True,
        counted="last",
        ends_at_close=True,
        show_answers="never",
        study=False,
    )
    assert created["opens_at"] == "2026-12-01T08:00:00+00:00"
    assert created["due_at"] == "2026-12-08T08:00:00+00:00"
    assert created["time_limit_minutes"] == 0 and created["max_attempts"] is None
    assert created["late"] and created["ends_at_close"] and not created["study"]
    assert created["counted"] == "last" and created["show_answers"] == "never"


def test_answers_after_the_due_time_are_taken_with_a_due_time_and_study_off(assign_by_api, tina):
    created = assign_by_api(
        show_answers="after_due", due_at="2026-12-08T23:59:00+01:00", study=False, ends_at_close=True
    )
    assert (created["show_answers"], created["study"]) == ("after_due", False)
    url = f"/assignments/{created['id']}"
    undated = tina.call("PATCH", url, json={"due_at": None})
    assert undated.status_code == 400
    assert "answers after the due time needs a due time" in error_of(undated)["details"]["problems"]
    studied = tina.call("PATCH", url, json={"study": True})
    assert studied.status_code == 400 and "turn study off" in error_of(studied)["message"]
    assert tina.call("PATCH", url, json={"show_answers": None, "study": True}).get_json()["study"] is True
    again = tina.call("PATCH", url, json={"show_answers": "after_due", "study": False})
    assert again.status_code == 200 and again.get_json()["show_answers"] == "after_due"


def test_a_whole_number_written_with_a_fraction_is_taken(assign_by_api):
    # 2.0 is an integer to JSON Schema, so clients made from the OpenAPI document may send it
    assert assign_by_api(max_attempts=2.0, time_limit_minutes=45.0)["max_attempts"] == 2


def test_the_documented_time_limit_bounds_are_the_services(tina, people, app):
    spec = app.test_client().get("/api/v1/openapi.json").get_json()
    limit = spec["components"]["schemas"]["NewAssignment"]["properties"]["time_limit_minutes"]
    url = f"/classes/{people.class_id}/assignments"
    assert tina.post(url, json={"quiz_id": QUIZ, "time_limit_minutes": limit["maximum"]}).status_code == 201
    assert (
        tina.post(url, json={"quiz_id": QUIZ, "time_limit_minutes": limit["maximum"] + 1}).status_code == 400
    )
    attempts = spec["components"]["schemas"]["NewAssignment"]["properties"]["max_attempts"]
    assert (attempts["minimum"], attempts["maximum"]) == (1, MAX_ATTEMPTS)
    shown = spec["components"]["schemas"]["NewAssignment"]["properties"]["show_answers"]["enum"]
    assert shown == ["after_submit", "after_due", "never", None]


T = "2026-12-01T08:00:00+00:00"
LATER = "2026-12-02T08:00:00+00:00"


@pytest.mark.parametrize(
    ("terms", "problem"),
    [
        ({"opens_at": LATER, "due_at": T}, "the due time must come after the opening time"),
        ({"opens_at": T, "due_at": T}, "the due time must come after the opening time"),
        ({"max_attempts": 0}, f"attempts allowed: from 1 to {MAX_ATTEMPTS}, or unlimited"),
        ({"max_attempts": -3}, f"attempts allowed: from 1 to {MAX_ATTEMPTS}, or unlimited"),
        ({"max_attempts": MAX_ATTEMPTS + 1}, f"attempts allowed: from 1 to {MAX_ATTEMPTS}, or unlimited"),
        ({"time_limit_minutes": -1}, "time limit: from 1 to 1440 minutes"),
        ({"ends_at_close": True}, "an attempt can only end at the close if there is a due time"),
        ({"show_answers": "immediately"}, "a test shows answers after it is submitted at the earliest"),
        ({"show_answers": "after_due", "study": False}, "answers after the due time needs a due time"),
        (
            {"show_answers": "after_due", "study": False, "due_at": T, "late": True},
            "answers after the due time cannot go with late work",
        ),
        (
            {"show_answers": "after_due", "due_at": T},
            "practice, flashcards and learn mode show this quiz's answers: turn study off for this "
            "assignment to keep them back until the due time",
        ),
        (
            {"show_answers": "never"},
            "practice, flashcards and learn mode show this quiz's answers: turn study off for this "
            "assignment to keep them back",
        ),
    ],
)
def test_terms_the_service_refuses_are_400_in_its_words_and_nothing_is_stored(
    tina, people, app, terms, problem
):
    before = stored_assignments(app)
    response = tina.post(f"/classes/{people.class_id}/assignments", json={"quiz_id": QUIZ, **terms})
    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "invalid_assignment"
    assert any(found.startswith(problem) for found in error["details"]["problems"]), error
    assert problem in error["message"]
    assert stored_assignments(app) == before


@pytest.mark.parametrize(
    ("terms", "field"),
    [
        ({"opens_at": "2026-12-01T08:00:00"}, "opens_at"),  # no offset: never guessed
        ({"due_at": "2026-12-01"}, "due_at"),  # a date alone has none either
        ({"due_at": "next Tuesday"}, "due_at"),
        ({"max_attempts": 1.5}, "max_attempts"),
        ({"max_attempts": "3"}, "max_attempts"),
        ({"max_attempts": True}, "max_attempts"),
        ({"counted": "average"}, "counted"),
        ({"show_answers": "sometimes"}, "show_answers"),
        ({"late": "yes please"}, "late"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_a_body_the_schema_refuses_is_400_and_nothing_is_stored(tina, people, app, terms, field):
    before = stored_assignments(app)
    response = tina.post(f"/classes/{people.class_id}/assignments", json={"quiz_id": QUIZ, **terms})
    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "bad_request" and field in error["details"]["fields"]
    assert stored_assignments(app) == before


def test_a_time_without_an_offset_says_so(tina, people):
    response = tina.post(
        f"/classes/{people.class_id}/assignments", json={"quiz_id": QUIZ, "due_at": "2026-12-01T23:59"}
    )
    assert error_of(response)["details"]["fields"]["due_at"] == [OFFSET_REQUIRED]
    assert "offset from UTC" in OFFSET_REQUIRED


def test_another_teachers_class_an_unknown_class_or_quiz_is_404_and_nothing_is_stored(as_user, people, app):
    before = stored_assignments(app)
    otto = as_user("otto")
    response = otto.post(f"/classes/{people.class_id}/assignments", json={"quiz_id": QUIZ})
    assert response.status_code == 404 and error_of(response)["code"] == "class_not_found"
    response = otto.post("/classes/999999/assignments", json={"quiz_id": QUIZ})
    assert response.status_code == 404 and error_of(response)["code"] == "class_not_found"
    response = otto.post(f"/classes/{people.other_class_id}/assignments", json={"quiz_id": "no-such-quiz"})
    assert response.status_code == 404 and error_of(response)["code"] == "quiz_not_found"
    assert stored_assignments(app) == before


# --- Students may not manage assignments -------------------------------------------------------


def test_students_get_403_on_every_teachers_route(sam, tina, people, app):
    [row] = [a for a in mine(tina) if a["quiz_id"] == QUIZ]
    before = stored_assignments(app)
    calls = [
        ("POST", f"/classes/{people.class_id}/assignments", {"quiz_id": QUIZ}),
        ("PATCH", f"/assignments/{row['id']}", {"max_attempts": 5}),
        ("DELETE", f"/assignments/{row['id']}", None),
        ("PUT", f"/assignments/{row['id']}/accommodations/sam", {"extra_attempts": 5}),
        ("DELETE", f"/assignments/{row['id']}/accommodations/sam", None),
        ("PUT", f"/classes/{people.class_id}/students/sam/accommodation", {"extra_attempts": 5}),
        ("DELETE", f"/classes/{people.class_id}/students/sam/accommodation", None),
    ]
    for method, path, body in calls:
        response = sam.call(method, path, json=body)
        assert response.status_code == 403, (method, path)
        assert error_of(response)["code"] == "teachers_only"
    assert stored_assignments(app) == before
    [still] = [a for a in mine(tina) if a["id"] == row["id"]]
    assert still == row


# --- GET /assignments ------------------------------------------------------------------------


def test_a_teacher_lists_the_assignments_of_their_classes_and_may_name_one(as_user, people, assign_by_api):
    created = assign_by_api(max_attempts=3)
    tina, otto = as_user("tina"), as_user("otto")
    assert mine(tina) == [created]
    response = tina.get(f"/assignments?class_id={people.class_id}")
    assert response.get_json()["assignments"] == [created]
    others = mine(otto)
    assert others and all(row["class_id"] == people.other_class_id for row in others)
    response = otto.get(f"/assignments?class_id={people.class_id}")
    assert response.status_code == 404 and error_of(response)["code"] == "class_not_found"
    assert tina.get("/assignments?class_id=0").status_code == 400
    assert tina.get("/assignments?colour=red").status_code == 400


def test_a_student_sees_their_window_limits_and_status(sam, as_user, assign_by_api, clock):
    now = clock.now
    created = assign_by_api(
        opens_at=iso(now + HOUR), due_at=iso(now + 3 * HOUR), max_attempts=2, counted="last"
    )
    assert all(row["class_name"] == "Civics 10A" for row in mine(as_user("oleg")))  # not Tina's class
    [seen] = mine(sam)
    assert seen == {
        "id": created["id"],
        "title": None,
        "name": created["quiz_title"],
        "quiz_id": QUIZ,
        "quiz_title": created["quiz_title"],
        "class_id": created["class_id"],
        "class_name": "History 9B",
        "status": "upcoming",
        "opens_at": iso((now + HOUR).astimezone(UTC)),
        "due_at": iso((now + 3 * HOUR).astimezone(UTC)),
        "time_limit_seconds": BANK_MINUTES * 60,  # the quiz's own: the teacher set none
        "max_attempts": 2,
        "attempts_used": 0,
        "attempts_left": 2,
        "accept_late": False,
        "ends_at_close": False,
        "counted": "last",
        "accommodated": False,
        "may_start": False,
        "refusal": "not_open",
        "score_percent": None,
        "counted_attempt_id": None,
        "show_answers": "after_submit",  # the quiz's "immediately" is "after_submit" for a test
        "answers_from": None,
    }
    clock.advance(hours=1)
    [seen] = mine(sam)
    assert (seen["status"], seen["may_start"], seen["refusal"]) == ("not_started", True, None)
    clock.advance(hours=2)
    [seen] = mine(sam)
    assert (seen["status"], seen["may_start"], seen["refusal"]) == ("missed", False, "closed")


def test_a_submitted_test_shows_the_counted_score(sam, assign_by_api, app):
    created = assign_by_api(max_attempts=None, counted="best")
    attempt = sam.post(f"/quizzes/{QUIZ}/attempts", json={"mode": "test"}).get_json()
    questions = bank_questions(app)
    first = questions[attempt["questions"][0]["id"]]
    assert answer(sam, attempt, first.id, full_marks_response(first)).status_code == 200
    [seen] = mine(sam)
    assert (seen["status"], seen["attempts_used"], seen["attempts_left"]) == ("in_progress", 1, None)
    submitted = sam.post(f"/attempts/{attempt['id']}/submit").get_json()
    [seen] = mine(sam)
    assert seen["id"] == created["id"] and seen["status"] == "submitted"
    assert seen["score_percent"] == pytest.approx(submitted["percent"])
    assert seen["counted_attempt_id"] == attempt["id"]
    second = sam.post(f"/quizzes/{QUIZ}/attempts", json={"mode": "test"}).get_json()
    sam.post(f"/attempts/{second['id']}/submit")  # nothing answered: 0 percent
    [seen] = mine(sam)
    assert seen["counted_attempt_id"] == attempt["id"] and seen["attempts_used"] == 2  # best counts


def test_a_student_may_name_one_of_their_classes_only(sam, people):
    assert all(
        row["class_id"] == people.class_id
        for row in sam.get(f"/assignments?class_id={people.class_id}").get_json()["assignments"]
    )
    response = sam.get(f"/assignments?class_id={people.other_class_id}")
    assert response.status_code == 404 and error_of(response)["code"] == "class_not_found"


def test_a_title_is_taken_kept_clean_named_and_refused_in_the_services_words(
    tina, sam, assign_by_api, people, app
):
    created = assign_by_api(title="  Retake  ", due_at="2099-12-08T08:00:00Z")
    assert (created["title"], created["name"]) == ("Retake", "Retake")
    [seen] = mine(sam)
    assert (seen["title"], seen["name"], seen["quiz_title"]) == ("Retake", "Retake", created["quiz_title"])
    path = f"/assignments/{created['id']}"
    renamed = tina.call("PATCH", path, json={"title": "Unit test 3"}).get_json()
    assert renamed["title"] == "Unit test 3" and renamed["due_at"] == created["due_at"]  # only the title
    cleared = tina.call("PATCH", path, json={"title": "  "}).get_json()
    assert cleared["title"] is None and cleared["name"] == created["quiz_title"]
    for bad, problem in (("R" * 121, "a title may be at most 120 characters long"),
                         ("Re\ttake", "a title may not contain control or formatting characters")):  # fmt: skip
        response = tina.call("PATCH", path, json={"title": bad})
        assert response.status_code == 400 and error_of(response)["code"] == "invalid_assignment"
        assert any(found.startswith(problem) for found in error_of(response)["details"]["problems"])
        before = stored_assignments(app)
        response = tina.post(f"/classes/{people.class_id}/assignments", json={"quiz_id": QUIZ, "title": bad})
        assert response.status_code == 400 and stored_assignments(app) == before
    spec = app.test_client().get("/api/v1/openapi.json").get_json()["components"]["schemas"]
    assert spec["NewAssignment"]["properties"]["title"]["maxLength"] == 120
    for schema in ("Assignment", "StudentAssignment", "CreatedAssignment", "UpdatedAssignment"):
        assert {"title", "name"} <= set(spec[schema]["required"]), schema
    assert (
        "warnings" in spec["CreatedAssignment"]["required"]
        and "warnings" in spec["UpdatedAssignment"]["required"]
    )


def test_a_due_time_already_past_is_saved_with_a_warning(tina, people, clock):
    url = f"/classes/{people.class_id}/assignments"
    past = iso(clock.now - HOUR)
    response = tina.post(url, json={"quiz_id": QUIZ, "due_at": past})
    assert response.status_code == 201
    assert response.get_json()["warnings"] == [
        "the due time is already past: students cannot start it (move the due time, or accept late work)"
    ]
    path = f"/assignments/{response.get_json()['id']}"
    changed = tina.call("PATCH", path, json={"late": True}).get_json()
    assert changed["warnings"] == ["the due time is already past: students can only start it late"]
    later = tina.call("PATCH", path, json={"due_at": iso(clock.now + HOUR)}).get_json()
    assert later["warnings"] == []
    assert tina.post(url, json={"quiz_id": QUIZ}).get_json()["warnings"] == []


# --- PATCH /assignments/{id} ----------------------------------------------------------------


def test_a_change_names_only_what_changes(tina, assign_by_api):
    created = assign_by_api(max_attempts=3, due_at=LATER)
    response = tina.call("PATCH", f"/assignments/{created['id']}", json={"late": True, "counted": "first"})
    assert response.status_code == 200
    changed = response.get_json()
    assert isinstance(changed.pop("warnings"), list)
    assert changed == created | {
        "late": True,
        "counted": "first",
        "running_attempts_keep_their_deadline": False,
    }
    cleared = tina.call("PATCH", f"/assignments/{created['id']}", json={"due_at": None, "late": False})
    assert cleared.get_json()["due_at"] is None and cleared.get_json()["max_attempts"] == 3


def test_a_change_while_attempts_run_says_they_keep_their_deadline(tina, sam, assign_by_api):
    created = assign_by_api(time_limit_minutes=20)
    attempt = sam.post(f"/quizzes/{QUIZ}/attempts", json={"mode": "test"}).get_json()
    response = tina.call("PATCH", f"/assignments/{created['id']}", json={"time_limit_minutes": 5})
    assert response.get_json()["running_attempts_keep_their_deadline"] is True
    assert response.get_json()["time_limit_minutes"] == 5
    assert sam.get(f"/attempts/{attempt['id']}").get_json()["deadline"] == attempt["deadline"]


def test_a_change_the_service_refuses_is_400_and_changes_nothing(tina, assign_by_api):
    created = assign_by_api(opens_at=T, due_at=LATER)
    path = f"/assignments/{created['id']}"
    for body, code in [
        ({"due_at": "2026-11-30T08:00:00+00:00"}, "invalid_assignment"),  # before the opening
        ({"ends_at_close": True, "due_at": None}, "invalid_assignment"),
        ({"max_attempts": 0}, "invalid_assignment"),
        ({"opens_at": "2026-12-01T08:00"}, "bad_request"),  # no offset
        ({"quiz_id": "another"}, "bad_request"),  # an assignment's quiz does not change
    ]:
        response = tina.call("PATCH", path, json=body)
        assert response.status_code == 400 and error_of(response)["code"] == code, body
    assert [row for row in mine(tina) if row["id"] == created["id"]] == [created]


def test_another_teachers_or_an_unknown_assignment_is_404(as_user, assign_by_api):
    created = assign_by_api()
    otto = as_user("otto")
    for method, path, body in [
        ("PATCH", f"/assignments/{created['id']}", {"max_attempts": 5}),
        ("DELETE", f"/assignments/{created['id']}", None),
        ("PUT", f"/assignments/{created['id']}/accommodations/sam", {"extra_attempts": 1}),
        ("DELETE", f"/assignments/{created['id']}/accommodations/sam", None),
        ("PATCH", "/assignments/999999", {"max_attempts": 5}),
        ("DELETE", "/assignments/999999", None),
    ]:
        response = otto.call(method, path, json=body)
        assert response.status_code == 404 and error_of(response)["code"] == "assignment_not_found", path
    assert mine(as_user("tina")) == [created]


def test_a_patch_body_must_be_json(tina, assign_by_api):
    created = assign_by_api()
    response = tina.call("PATCH", f"/assignments/{created['id']}", data="max_attempts=5")
    assert response.status_code == 415 and error_of(response)["code"] == "unsupported_media_type"


# --- DELETE /assignments/{id} ---------------------------------------------------------------


def test_deleting_an_assignment_keeps_its_attempts(tina, sam, assign_by_api):
    created = assign_by_api()
    attempt = sam.post(f"/quizzes/{QUIZ}/attempts", json={"mode": "test"}).get_json()
    sam.post(f"/attempts/{attempt['id']}/submit")
    response = tina.delete(f"/assignments/{created['id']}")
    assert response.status_code == 204 and response.data == b""
    assert mine(tina) == [] and mine(sam) == []
    assert tina.get(f"/attempts/{attempt['id']}").status_code == 200  # the attempt and its score stay
    # the bank is now assigned to no class of Sam's: to him it, and its attempts, do not exist...
    assert sam.get(f"/attempts/{attempt['id']}").status_code == 404
    again = tina.delete(f"/assignments/{created['id']}")
    assert again.status_code == 404 and error_of(again)["code"] == "assignment_not_found"
    assign_by_api()  # ...until it is assigned again
    assert sam.get(f"/attempts/{attempt['id']}").status_code == 200


# --- Accommodations --------------------------------------------------------------------------


def test_an_accommodation_changes_the_students_window_and_is_taken_away(tina, sam, as_user, assign_by_api):
    created = assign_by_api(time_limit_minutes=20, max_attempts=1, due_at=LATER)
    path = f"/assignments/{created['id']}/accommodations/sam"
    response = tina.put(
        path,
        json={
            "extra_time_percent": 50,
            "extra_time_minutes": 5,
            "extra_attempts": 1,
            "due_at": "2026-12-03T09:00:00+01:00",
        },
    )
    assert response.status_code == 200
    assert response.get_json() == {
        "assignment_id": created["id"],
        "username": "sam",
        "extra_time_percent": 50,
        "extra_time_minutes": 5,
        "extra_attempts": 1,
        "opens_at": None,
        "due_at": "2026-12-03T08:00:00+00:00",
    }
    [seen] = mine(sam)
    assert seen["accommodated"] is True
    assert seen["time_limit_seconds"] == (20 * 60 * 3 // 2) + 5 * 60
    assert (seen["max_attempts"], seen["attempts_left"]) == (2, 2)
    assert seen["due_at"] == "2026-12-03T08:00:00+00:00"
    [classmate] = mine(as_user("sara"))
    assert not classmate["accommodated"] and classmate["time_limit_seconds"] == 20 * 60
    replaced = tina.put(path, json={"extra_time_minutes": 10})  # a PUT replaces the whole of it
    assert replaced.get_json()["extra_time_percent"] == 0 and replaced.get_json()["due_at"] is None
    [seen] = mine(sam)
    assert seen["time_limit_seconds"] == 30 * 60 and seen["max_attempts"] == 1
    assert tina.delete(path).status_code == 204
    [seen] = mine(sam)
    assert not seen["accommodated"] and seen["time_limit_seconds"] == 20 * 60
    assert tina.delete(path).status_code == 204  # none to take away: nothing changes


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            {"extra_time_percent": MAX_EXTRA_TIME_PERCENT + 1},
            f"extra time: from 0 to {MAX_EXTRA_TIME_PERCENT} percent",
        ),
        ({"extra_time_percent": -10}, f"extra time: from 0 to {MAX_EXTRA_TIME_PERCENT} percent"),
        (
            {"extra_time_minutes": MAX_EXTRA_TIME_MINUTES + 1},
            f"extra time: from 0 to {MAX_EXTRA_TIME_MINUTES} minutes",
        ),
        ({"extra_attempts": MAX_ATTEMPTS + 1}, f"extra attempts: from 0 to {MAX_ATTEMPTS}"),
        ({"opens_at": LATER, "due_at": T}, "the due time must come after the opening time"),
    ],
)
def test_an_accommodation_the_service_refuses_is_400_and_nothing_is_stored(
    tina, sam, assign_by_api, body, problem
):
    created = assign_by_api()
    response = tina.put(f"/assignments/{created['id']}/accommodations/sam", json=body)
    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "invalid_accommodation" and problem in error["details"]["problems"]
    assert mine(sam)[0]["accommodated"] is False


def test_an_accommodation_time_without_an_offset_is_400(tina, assign_by_api):
    created = assign_by_api()
    response = tina.put(
        f"/assignments/{created['id']}/accommodations/sam", json={"due_at": "2026-12-01T08:00"}
    )
    assert response.status_code == 400
    assert error_of(response)["details"]["fields"]["due_at"] == [OFFSET_REQUIRED]


@pytest.mark.parametrize("username", ["oleg", "nobody", "tina"])
def test_an_accommodation_for_someone_not_in_the_class_is_404(tina, assign_by_api, username):
    created = assign_by_api()
    for method in ("PUT", "DELETE"):
        response = tina.call(
            method, f"/assignments/{created['id']}/accommodations/{username}", json={"extra_attempts": 1}
        )
        assert response.status_code == 404 and error_of(response)["code"] == "student_not_found"


# --- Accommodations on every test of a class -------------------------------------------------


def class_accommodations(api, class_id: int) -> list[dict]:
    classes = api.get("/classes").get_json()["classes"]
    return next(c for c in classes if c["id"] == class_id)["accommodations"]


def test_a_class_accommodation_applies_to_every_test_of_the_class(tina, sam, as_user, assign_by_api, people):
    path = f"/classes/{people.class_id}/students/sam/accommodation"
    response = tina.put(path, json={"extra_time_percent": 50, "extra_attempts": 1})
    assert response.status_code == 200
    assert response.get_json() == {
        "class_id": people.class_id,
        "username": "sam",
        "extra_time_percent": 50,
        "extra_time_minutes": 0,
        "extra_attempts": 1,
    }
    assert class_accommodations(tina, people.class_id) == [
        {"username": "sam", "extra_time_percent": 50, "extra_time_minutes": 0, "extra_attempts": 1}
    ]
    assert "accommodations" not in sam.get("/classes").get_json()["classes"][0]  # teachers only
    created = assign_by_api(time_limit_minutes=20, max_attempts=1)  # made after it was set
    [seen] = mine(sam)
    assert seen["accommodated"] is True
    assert (seen["time_limit_seconds"], seen["max_attempts"]) == (30 * 60, 2)
    [classmate] = mine(as_user("sara"))
    assert not classmate["accommodated"] and classmate["time_limit_seconds"] == 20 * 60
    # one set on the assignment replaces it there
    own = tina.put(f"/assignments/{created['id']}/accommodations/sam", json={"extra_time_minutes": 5})
    assert own.status_code == 200
    [seen] = mine(sam)
    assert (seen["time_limit_seconds"], seen["max_attempts"]) == (25 * 60, 1)
    assert tina.delete(f"/assignments/{created['id']}/accommodations/sam").status_code == 204
    assert mine(sam)[0]["time_limit_seconds"] == 30 * 60  # the class's again
    replaced = tina.put(path, json={"extra_time_minutes": 10})  # a PUT replaces the whole of it
    assert replaced.get_json()["extra_time_percent"] == 0
    assert mine(sam)[0]["time_limit_seconds"] == 30 * 60 and mine(sam)[0]["max_attempts"] == 1
    assert tina.delete(path).status_code == 204
    assert class_accommodations(tina, people.class_id) == []
    [seen] = mine(sam)
    assert not seen["accommodated"] and seen["time_limit_seconds"] == 20 * 60
    assert tina.delete(path).status_code == 204  # none to take away: nothing changes


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ({"extra_time_percent": MAX_EXTRA_TIME_PERCENT + 1}, "extra time: from 0 to 400 percent"),
        ({"extra_time_minutes": -1}, f"extra time: from 0 to {MAX_EXTRA_TIME_MINUTES} minutes"),
        ({"extra_attempts": MAX_ATTEMPTS + 1}, f"extra attempts: from 0 to {MAX_ATTEMPTS}"),
    ],
)
def test_a_class_accommodation_the_service_refuses_is_400_and_nothing_is_stored(tina, people, body, problem):
    response = tina.put(f"/classes/{people.class_id}/students/sam/accommodation", json=body)
    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "invalid_accommodation" and problem in error["details"]["problems"]
    assert class_accommodations(tina, people.class_id) == []


def test_a_class_accommodation_has_no_dates(tina, people):
    response = tina.put(
        f"/classes/{people.class_id}/students/sam/accommodation",
        json={"extra_time_percent": 50, "due_at": "2026-12-03T09:00:00+01:00"},
    )
    assert response.status_code == 400 and "due_at" in error_of(response)["details"]["fields"]
    assert class_accommodations(tina, people.class_id) == []


@pytest.mark.parametrize("username", ["oleg", "nobody", "tina"])
def test_a_class_accommodation_for_someone_not_in_the_class_is_404(tina, people, username):
    for method in ("PUT", "DELETE"):
        response = tina.call(
            method,
            f"/classes/{people.class_id}/students/{username}/accommodation",
            json={"extra_attempts": 1},
        )
        assert response.status_code == 404 and error_of(response)["code"] == "student_not_found"


def test_a_class_accommodation_in_another_teachers_class_is_404(as_user, people):
    otto = as_user("otto")
    for class_id in (people.class_id, 999_999):
        for method in ("PUT", "DELETE"):
            response = otto.call(
                method, f"/classes/{class_id}/students/sam/accommodation", json={"extra_attempts": 1}
            )
            assert response.status_code == 404 and error_of(response)["code"] == "class_not_found"
    assert class_accommodations(as_user("tina"), people.class_id) == []


# --- The page and the API refuse a start alike ---------------------------------------------------


def page_start(client, app) -> tuple[int, str]:
    """Start a test on the quiz page's form; the status and the page it leads to."""
    response = client.post(
        f"/quizzes/{QUIZ}/attempts", data={"mode": "test", "csrf_token": any_token(client)}
    )
    page = client.get(response.headers["Location"]) if response.status_code == 302 else response
    return response.status_code, page.get_data(as_text=True)


@pytest.mark.parametrize(
    ("window", "refusal", "words"),
    [
        ({"opens_at": 1, "due_at": 2}, "not_open", "This test opens at"),
        ({"opens_at": -2, "due_at": -1}, "closed", "This test closed at"),
    ],
    ids=["before-it-opens", "after-it-is-due"],
)
def test_the_page_and_the_api_refuse_a_start_alike(
    client, app, sam, assign_by_api, clock, window, refusal, words
):
    assign_by_api(**{key: iso(clock.now + hours * HOUR) for key, hours in window.items()})
    login(client, "sam")
    api = sam.post(f"/quizzes/{QUIZ}/attempts", json={"mode": "test"})
    assert api.status_code == 409
    error = error_of(api)
    assert error["code"] == refusal and error["message"].startswith(words)
    status, page = page_start(client, app)
    assert status == 302 and words in page
    [seen] = mine(sam)
    assert seen["refusal"] == refusal and seen["attempts_used"] == 0
    with app.app_context():  # neither started one, under the assignment or not
        assert db.session.scalars(db.select(Attempt).where(Attempt.user_id == seen_student(app))).all() == []


def test_an_assignment_id_written_with_a_fraction_names_it_when_whole(sam, assign_by_api):
    created = assign_by_api()
    # 17.0 is an integer to JSON Schema (schemathesis sends such); 17.5 names no assignment
    half = sam.post(f"/quizzes/{QUIZ}/attempts", json={"mode": "test", "assignment_id": created["id"] + 0.5})
    assert half.status_code == 400 and "assignment_id" in error_of(half)["details"]["fields"]
    whole = sam.post(
        f"/quizzes/{QUIZ}/attempts", json={"mode": "test", "assignment_id": float(created["id"])}
    )
    assert whole.status_code == 201, whole.get_json()
    assert mine(sam)[0]["attempts_used"] == 1
