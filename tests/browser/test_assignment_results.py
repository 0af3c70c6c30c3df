"""The teacher's assignment page in a browser: every status in the table, axe-clean, and nothing
wider than a 390 px phone but the table, which scrolls in its own box."""

from __future__ import annotations

from datetime import timedelta

from quizapp.services import clock
from tests.helpers.assignments import accommodate, add_students, replace_assignments, take
from tests.helpers.browser import PHONE, log_in

HOUR = timedelta(hours=1)


def test_the_assignment_page_on_a_phone_and_a_desktop(new_page, live_server, people, auditor, app):
    now = clock.now()
    t0 = now - 4 * HOUR
    assignment_id = replace_assignments(
        app, people, opens_at=t0 - HOUR, due_at=t0 + 2 * HOUR, accept_late=True, max_attempts=3
    )
    add_students(app, people.class_id, "Nina", "Lara", "Mia", "Maximilianus-Bartholomew")
    accommodate(app, people, assignment_id, "mia", due_at=now + 48 * HOUR, extra_time_percent=50)
    take(app, "sam", t0, correct=3)
    take(app, "sam", t0 + HOUR)
    take(app, "sara", now - 10 * timedelta(minutes=1), correct=2, submit=False)
    take(app, "lara", t0 + 3 * HOUR, correct=5)
    take(app, "maximilianus-bartholomew", t0 + HOUR, correct=8)

    teacher = new_page()
    log_in(teacher, live_server, "tina")
    teacher.goto(f"{live_server}/assignments/{assignment_id}")
    assert teacher.get_by_role("heading", level=1).inner_text().endswith(": assignment")
    table = teacher.get_by_role(
        "table", name="Students of History 9B: where each stands, and the score of their best attempt"
    )
    assert table.get_by_role("row").count() == 7  # the header and six students
    for status in (
        "Submitted",
        "Submitted late",
        "In progress",
        "Not started",
        "Overdue: late work accepted",
    ):
        assert teacher.locator(".status-tag", has_text=status).count() >= 1, status
    auditor.look(teacher, "70-assignment")
    teacher.set_viewport_size(PHONE)
    assert teacher.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert auditor.violations == []
