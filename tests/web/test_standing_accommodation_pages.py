"""A student's accommodation on every test of a class, on the teacher's pages: the class page
shows it on each student's row and links to its form; the form sets and clears it, says what to
fix and keeps what was typed; the page of one assignment's accommodations shows the class's and
lets the teacher replace it on that test. Another teacher's class is "not found"."""

from __future__ import annotations

import html
from datetime import timedelta

from quizapp.core.assignments import Accommodation
from quizapp.services import assignments, clock
from tests.helpers.assignments import BANK, assigned_to_tinas_class_alone
from tests.helpers.web import csrf_token, field_error, login, typed_value

FIFTY = Accommodation(extra_time_percent=50)


def standing_url(people, student_id: int | None = None) -> str:
    return f"/classes/{people.class_id}/students/{student_id or people.student}/accommodation"


def standing_of(app, people) -> dict[str, Accommodation]:
    with app.app_context():
        found = assignments.standing_accommodations([people.class_id, people.other_class_id])
        return {each.username: each.accommodation for each in found}


def student_row(page: str, student_id: int) -> str:
    return page.split(f'<tr id="student-{student_id}">')[1].split("</tr>")[0]


def test_the_class_page_shows_each_students_and_the_form_sets_it(teacher, app, people):
    class_page = teacher.get(f"/classes/{people.class_id}").get_data(as_text=True)
    sam_row = student_row(class_page, people.student)
    assert "No accommodation" in sam_row and standing_url(people) in html.unescape(sam_row)
    form_page = teacher.get(standing_url(people))
    assert form_page.status_code == 200
    shown = form_page.get_data(as_text=True)
    assert "Sam Student" in shown and 'name="csrf_token"' in shown and "due_at" not in shown  # no dates
    response = teacher.post(
        standing_url(people),
        data={
            "csrf_token": csrf_token(shown),
            "extra_time_percent": "50",
            "extra_time_minutes": "",
            "extra_attempts": "1",
            "save": "Save",
        },
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/classes/{people.class_id}#student-{people.student}")
    assert standing_of(app, people) == {"sam": Accommodation(extra_time_percent=50, extra_attempts=1)}
    class_page = teacher.get(f"/classes/{people.class_id}").get_data(as_text=True)
    assert "Sam Student has an accommodation on every test of History 9B." in html.unescape(class_page)
    assert "+50% time, 1 extra attempt" in student_row(class_page, people.student)
    assert "No accommodation" in student_row(class_page, people.classmate)
    shown = teacher.get(standing_url(people)).get_data(as_text=True)  # the form as it stands
    assert typed_value(shown, "extra_time_percent") == "50"
    assert typed_value(shown, "extra_attempts") == "1"


def test_bad_input_says_what_to_fix_keeps_what_was_typed_and_stores_nothing(teacher, app, people):
    token = csrf_token(teacher.get(standing_url(people)).get_data(as_text=True))
    typed = {
        "extra_time_percent": "1000",
        "extra_time_minutes": "lots",
        "extra_attempts": "2",
        "save": "Save",
    }
    response = teacher.post(standing_url(people), data={"csrf_token": token, **typed})
    shown = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Give a whole number of minutes" in field_error(shown, "extra_time_minutes")
    assert typed_value(shown, "extra_time_minutes") == "lots"
    # once every field can be read, the numbers are judged by the rule's bounds
    response = teacher.post(
        standing_url(people), data={"csrf_token": token, **typed, "extra_time_minutes": "2000"}
    )
    shown = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Extra time: from 0 to 400 percent." in field_error(shown, "extra_time_percent")
    assert "Extra time: from 0 to 1440 minutes." in field_error(shown, "extra_time_minutes")
    assert typed_value(shown, "extra_time_percent") == "1000"
    assert typed_value(shown, "extra_time_minutes") == "2000"
    assert typed_value(shown, "extra_attempts") == "2"
    assert standing_of(app, people) == {}


def test_remove_and_an_empty_form_clear_it(teacher, app, people):
    for action in ({"remove": "Remove", "extra_time_percent": "50"}, {"save": "Save"}):
        with app.app_context():
            assignments.accommodate_in_class(people.teacher, people.class_id, "sam", FIFTY)
        shown = teacher.get(standing_url(people)).get_data(as_text=True)
        assert "+50% time" in shown and 'name="remove"' in shown
        response = teacher.post(standing_url(people), data={"csrf_token": csrf_token(shown), **action})
        assert response.status_code == 302, action
        assert standing_of(app, people) == {}
        class_page = teacher.get(f"/classes/{people.class_id}").get_data(as_text=True)
        assert "Removed the accommodation of Sam Student" in class_page
        assert "No accommodation" in student_row(class_page, people.student)


def test_another_teacher_a_student_of_another_class_and_a_missing_token_are_refused(app, people):
    client = app.test_client()
    login(client, "otto")
    token = csrf_token(client.get(f"/classes/{people.other_class_id}").get_data(as_text=True))
    assert client.get(standing_url(people)).status_code == 404
    posted = {"csrf_token": token, "extra_time_percent": "50", "save": "Save"}
    assert client.post(standing_url(people), data=posted).status_code == 404
    client = app.test_client()
    login(client, "tina")
    token = csrf_token(client.get(f"/classes/{people.class_id}").get_data(as_text=True))
    oleg = standing_url(people, people.other_student)  # in Otto's class, not Tina's
    assert client.get(oleg).status_code == 404
    assert client.post(oleg, data=posted | {"csrf_token": token}).status_code == 404
    no_token = client.post(standing_url(people), data={"extra_time_percent": "50", "save": "Save"})
    assert no_token.status_code == 400
    assert standing_of(app, people) == {}


def test_the_assignments_page_shows_the_class_one_and_replaces_it_on_that_test(teacher, app, people):
    assignment_id = assigned_to_tinas_class_alone(app, people, time_limit_minutes=20)
    with app.app_context():
        assignments.accommodate_in_class(people.teacher, people.class_id, "sam", FIFTY)
    page_url = f"/assignments/{assignment_id}/accommodations"
    shown = html.unescape(teacher.get(page_url).get_data(as_text=True))
    sam_row = shown.split(f'href="#student-{people.student}"')[1].split("</tr>")[0]
    assert "On every test of the class: +50% time" in sam_row and "30 min" in sam_row
    assert "On every test of the class: +50% time applies to this test." in shown
    prefix = f"s{people.student}-"
    assert typed_value(shown, f"{prefix}extra_time_percent") == ""  # nothing of its own yet
    # replace it on this test: 10 minutes, nothing of the 50 %
    url = f"/assignments/{assignment_id}/accommodations/{people.student}"
    fields = {"csrf_token": csrf_token(shown), f"{prefix}extra_time_minutes": "10", f"{prefix}save": "Save"}
    assert teacher.post(url, data=fields).status_code == 302
    with app.app_context():
        [view] = assignments.student_assignments(people.student, clock.now())
    assert view.accommodation == Accommodation(extra_time_minutes=10)
    assert view.window.time_limit == timedelta(minutes=30)
    shown = html.unescape(teacher.get(page_url).get_data(as_text=True))
    sam_row = shown.split(f'href="#student-{people.student}"')[1].split("</tr>")[0]
    assert "+10 min" in sam_row and "Replaces the class’s: +50% time" in sam_row
    # nothing extra on this test
    fields = {"csrf_token": csrf_token(shown), f"{prefix}nothing_extra": "Nothing extra on this test"}
    assert teacher.post(url, data=fields).status_code == 302
    shown = html.unescape(teacher.get(page_url).get_data(as_text=True))
    assert "Sam Student has nothing extra on" in shown
    sam_row = shown.split(f'href="#student-{people.student}"')[1].split("</tr>")[0]
    assert "Nothing extra on this test" in sam_row and "As everyone’s" in sam_row
    # removing the own one brings the class's back
    fields = {"csrf_token": csrf_token(shown), f"{prefix}remove": "Remove"}
    assert teacher.post(url, data=fields).status_code == 302
    shown = html.unescape(teacher.get(page_url).get_data(as_text=True))
    assert "has no accommodation of their own on" in shown and "the class’s applies" in shown
    sam_row = shown.split(f'href="#student-{people.student}"')[1].split("</tr>")[0]
    assert "On every test of the class: +50% time" in sam_row
    # the assignment's page says whose terms they are
    results = html.unescape(teacher.get(f"/assignments/{assignment_id}").get_data(as_text=True))
    assert "Yes (the class’s):" in results


def test_the_student_sees_their_terms_on_the_quiz_page_and_home_page(app, people):
    assigned_to_tinas_class_alone(app, people, time_limit_minutes=20)
    with app.app_context():
        assignments.accommodate_in_class(people.teacher, people.class_id, "sam", FIFTY)
    sam, sara = app.test_client(), app.test_client()
    login(sam, "sam")
    login(sara, "sara")
    quiz = sam.get(f"/quizzes/{BANK}").get_data(as_text=True)
    assert "Your own terms apply." in quiz and "Time limit: <strong>30 min" in quiz
    assert "Your own terms apply" in sam.get("/").get_data(as_text=True)
    quiz = sara.get(f"/quizzes/{BANK}").get_data(as_text=True)
    assert "Your own terms apply." not in quiz and "Time limit: <strong>20 min" in quiz


def test_removing_a_student_asks_first_and_names_the_accommodations_that_go(teacher, app, people):
    assignment_id = assigned_to_tinas_class_alone(app, people, time_limit_minutes=20)
    with app.app_context():
        assignments.accommodate_in_class(
            people.teacher, people.class_id, "sam", Accommodation(extra_time_percent=50)
        )
        assignments.accommodate(people.teacher, assignment_id, "sam", Accommodation(extra_attempts=1))
    url = f"/classes/{people.class_id}"
    token = csrf_token(teacher.get(url).get_data(as_text=True))
    asked = html.unescape(
        teacher.post(f"{url}/students/{people.student}/remove", data={"csrf_token": token}).get_data(
            as_text=True
        )
    )
    assert "Their accommodations in the class are deleted" in asked
    assert "on every test: +50% time" in asked and "on “Kosovar Peacekeepers" in asked
    assert standing_of(app, people) == {"sam": Accommodation(extra_time_percent=50)}  # not yet
