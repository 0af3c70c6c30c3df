"""The teacher's tables on a 390 px phone, with a test and its retake of one quiz: every column of
the class page's, the assignment page's and the accommodations page's tables is on the screen
(each row stacks its cells under their column's name), nothing scrolls sideways; the titles name
each assignment for the teacher and the student; axe on every page."""

from __future__ import annotations

from datetime import timedelta

from quizapp.services import clock
from tests.helpers.assignments import accommodate, add_assignment, add_students, replace_assignments, take
from tests.helpers.browser import DESKTOP, PHONE, click_through, log_in

DAY = timedelta(days=1)

# Every table cell's right edge, and the page's width, against the screen's (JavaScript).
OFF_SCREEN = """() => {
  const width = window.innerWidth;
  const cells = Array.from(document.querySelectorAll('table.data.stacked th, table.data.stacked td'))
    .filter((cell) => cell.getBoundingClientRect().width > 1)  /* the hidden header row */
    .filter((cell) => cell.getBoundingClientRect().right > width + 0.5)
    .map((cell) => cell.textContent.trim().slice(0, 40));
  if (document.scrollingElement.scrollWidth > width) cells.push('the page scrolls sideways');
  return cells;
}"""


def off_screen_on_a_phone(page) -> list[str]:
    """What is beyond the right edge of a 390 px screen (empty: nothing)."""
    page.set_viewport_size(PHONE)
    found = page.evaluate(OFF_SCREEN)
    page.set_viewport_size(DESKTOP)
    return found


def test_a_test_and_its_retake_on_a_phone_and_a_desktop(new_page, live_server, people, auditor, app):
    now = clock.now()
    first = replace_assignments(
        app,
        people,
        title="Unit test",
        opens_at=now - DAY,
        due_at=now + 2 * DAY,
        time_limit_minutes=30,
        max_attempts=2,
        accept_late=True,
    )
    retake = add_assignment(app, people, title="Retake", due_at=now + 9 * DAY, time_limit_minutes=30)
    add_students(app, people.class_id, "Maximilianus-Bartholomew")
    accommodate(app, people, first, "sam", extra_time_percent=50, due_at=now + 3 * DAY)
    take(app, "sara", now - DAY / 2, correct=2, assignment_id=first)

    teacher = new_page()
    log_in(teacher, live_server, "tina")
    teacher.goto(f"{live_server}/classes/{people.class_id}")
    assignments_table = teacher.get_by_role("table", name="Quizzes assigned to History 9B")
    assert assignments_table.get_by_role("rowheader", name="Unit test").count() == 1
    assert assignments_table.get_by_role("rowheader", name="Retake").count() == 1
    auditor.look(teacher, "80-class-two-assignments")
    assert off_screen_on_a_phone(teacher) == []

    teacher.goto(f"{live_server}/assignments/{first}")
    assert teacher.get_by_role("heading", level=1).inner_text() == "Unit test: assignment"
    auditor.look(teacher, "81-assignment-titled")
    assert off_screen_on_a_phone(teacher) == []

    teacher.goto(f"{live_server}/assignments/{first}/accommodations")
    summary = teacher.get_by_role("table", name="Students and their terms where they differ")
    assert summary.get_by_role("cell", name="As everyone’s").count() == 2  # Sara, Maximilianus
    assert "time limit 45 min; due" in summary.get_by_role("row", name="Sam Student").inner_text()
    auditor.look(teacher, "82-accommodations")
    assert off_screen_on_a_phone(teacher) == []

    teacher.goto(f"{live_server}/classes/{people.class_id}")
    click_through(teacher, teacher.get_by_role("link", name="Archive the class"))
    assert "3 students" in teacher.content() and "2 assignments" in teacher.content()
    auditor.look(teacher, "83-archive-confirm")
    assert off_screen_on_a_phone(teacher) == []

    student = new_page()
    log_in(student, live_server, "sam")
    cards = student.locator(".assignment-list > li")
    assert cards.nth(0).get_by_role("heading").inner_text() == "Unit test"
    assert "Time limit: 45 min (includes your extra time)." in cards.nth(0).inner_text()
    assert cards.nth(1).get_by_role("heading").inner_text() == "Retake"
    assert "Time limit: 30 min." in cards.nth(1).inner_text()
    auditor.look(student, "84-student-home-titles")
    assert off_screen_on_a_phone(student) == []
    click_through(student, student.get_by_role("link", name="Retake", exact=True))
    assert student.get_by_role("heading", name="Unit test", level=2).count() == 1
    assert student.get_by_role("heading", name="Retake", level=2).count() == 1
    assert student.get_by_role("button", name="Start the test (Retake)").count() == 1
    auditor.look(student, "85-quiz-two-assignments")
    assert auditor.violations == []
    assert retake != first


def test_a_date_alone_is_refused_and_a_due_time_past_is_saved_with_a_warning(
    new_page, live_server, people, auditor
):
    page = new_page()
    log_in(page, live_server, "tina")
    page.goto(f"{live_server}/classes/{people.class_id}/assignments/new")
    page.get_by_label("Quiz", exact=True).select_option("kosovo-peacekeepers")
    page.get_by_label("Title (optional)").fill("Retake")
    page.get_by_label("Due", exact=True).fill("2020-01-08")
    click_through(page, page.get_by_role("button", name="Assign"))
    refusal = "Give a time as well as the date: 2020-01-08 08:00, or 2020-01-08 23:59 for the end of the day."
    assert page.get_by_text(refusal).count() == 1
    assert page.get_by_label("Due", exact=True).input_value() == "2020-01-08"  # as typed
    assert page.get_by_label("Title (optional)").input_value() == "Retake"
    auditor.look(page, "86-date-alone")
    assert off_screen_on_a_phone(page) == []
    page.get_by_label("Due", exact=True).fill("2020-01-08 23:59")
    click_through(page, page.get_by_role("button", name="Assign"))
    assert page.get_by_text("“Retake” is assigned to History 9B.").count() == 1
    warning = page.locator(".flash-warning")
    assert warning.inner_text() == (
        "The due time is already past: students cannot start it (move the due time, or accept late work)."
    )
    auditor.look(page, "87-due-time-past")
    assert off_screen_on_a_phone(page) == []
    assert auditor.violations == []
