"""Issue 14 in Chromium: a teacher with two classes assigns the article's quiz to one, with a due
time and extra time for one student; the other class's student does not see it; the accommodated
student's countdown is longer; after the due time the start button is gone, and the teacher's
table says "overdue" while late work is accepted, then "missed" and "late" where they belong. The server's clock is moved, not the browser's."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from quizapp.db import assignment_store
from tests.helpers.browser import click_through, log_in
from tests.helpers.quizzes import FrozenClock
from tests.helpers.web import PASSWORD

QUIZ = "Kosovar Peacekeepers Sent On First Mission Abroad"


def countdown_minutes(page) -> int:
    page.locator("#timer .countdown", has_text="Time left").wait_for()
    text = page.locator("#timer .countdown").inner_text()
    return int(re.search(r"Time left: (\d+) min", text).group(1))


def sign_up(page, base: str, code: str, username: str, name: str) -> None:
    page.goto(base + "/signup")
    page.get_by_label("Class join code").fill(code)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Repeat the password").fill(PASSWORD)
    click_through(page, page.get_by_role("button", name="Sign up"))


def test_a_class_is_assigned_the_quiz_with_a_due_time_and_extra_time(
    new_page, live_server, auditor, people, app, monkeypatch
):
    base = live_server
    with app.app_context():  # a school from before: start with no assignment at all
        for row in assignment_store.assignments_of_classes([people.class_id, people.other_class_id]):
            assignment_store.delete_assignment(row.id, datetime.now(UTC))
    clock = FrozenClock(monkeypatch)
    due = clock.now + timedelta(hours=2)

    # the teacher's second class, and a student of it
    teacher = new_page()
    log_in(teacher, base, "tina")
    teacher.goto(base + "/classes")
    teacher.get_by_label("Class name").fill("Geography 8C")
    click_through(teacher, teacher.get_by_role("button", name="Create class"))
    code = teacher.locator("code.join-code").first.inner_text()
    outsider = new_page()
    sign_up(outsider, base, code, "gus", "Gus Geography")

    # a third student in History 9B, who will never start
    teacher.goto(f"{base}/classes/{people.class_id}")
    adding = teacher.locator("form", has=teacher.get_by_role("button", name="Add student"))
    adding.get_by_label("Username").fill("nia")
    adding.get_by_label("Name", exact=True).fill("Nia Never")
    click_through(teacher, adding.get_by_role("button", name="Add student"))

    # History 9B gets the quiz, due in two hours; Sam gets half as much time again
    teacher.goto(f"{base}/classes/{people.class_id}")
    click_through(teacher, teacher.get_by_role("link", name="Assign a quiz"))
    teacher.get_by_label("Quiz", exact=True).select_option("kosovo-peacekeepers")
    teacher.get_by_label("Due", exact=True).fill(f"{due:%Y-%m-%d %H:%M}")
    click_through(teacher, teacher.get_by_role("button", name="Assign"))
    assert "is assigned to History 9B" in teacher.content(), teacher.locator("main").inner_text()
    teacher.goto(f"{base}/classes/{people.class_id}")  # saving led to the assignment's own page
    click_through(teacher, teacher.get_by_role("link", name="Accommodations on").last)
    sam_form = teacher.get_by_role("form", name="Sam Student (sam)")
    sam_form.get_by_label("Extra time (% of the time limit)").fill("50")
    click_through(teacher, sam_form.get_by_role("button", name="Save the accommodation of Sam Student"))
    assert "Sam Student has an accommodation" in teacher.content()

    # the other class's student: no such quiz
    outsider.goto(base + "/")
    assert QUIZ not in outsider.content() and "Nothing is assigned to you" in outsider.content()
    assert outsider.goto(base + "/quizzes/kosovo-peacekeepers").status == 404

    # Sam: 45 minutes instead of 30, on the page and in the countdown
    sam = new_page()
    log_in(sam, base, "sam")
    assert f"Due {due:%Y-%m-%d %H:%M} UTC" in sam.locator("main").inner_text()
    click_through(sam, sam.get_by_role("link", name=QUIZ).first)
    assert "Time limit: 45 min" in sam.locator("main").inner_text()
    click_through(sam, sam.get_by_role("button", name="Start the test"))
    assert countdown_minutes(sam) in (44, 45)
    auditor.look(sam, "70-accommodated-countdown")
    sara = new_page()
    log_in(sara, base, "sara")
    sara.goto(base + "/quizzes/kosovo-peacekeepers")
    assert "Time limit: 30 min" in sara.locator("main").inner_text()

    sam.goto(sam.url.rsplit("/questions/", 1)[0] + "/review")
    click_through(sam, sam.get_by_role("button", name="Submit the test"))
    assert sam.url.endswith("/results")

    # the due time passes: Sara's start button is gone, and she has missed it
    clock.advance(hours=3)
    sara.goto(base + "/quizzes/kosovo-peacekeepers")
    assert sara.get_by_role("button", name="Start the test").count() == 0
    closed = sara.locator("main").inner_text()
    assert "It closed at" in closed and "0 attempts taken" in closed and "left" not in closed
    sara.goto(base + "/")
    assert "Missed" in sara.locator("main").inner_text()
    auditor.look(sara, "71-missed")

    # the teacher accepts late work after all: Sara starts now, and it is marked late
    teacher.goto(f"{base}/classes/{people.class_id}")
    click_through(teacher, teacher.get_by_role("link", name="Edit").first)
    teacher.get_by_label("Accept late work").check()
    click_through(teacher, teacher.get_by_role("button", name="Save"))
    sara.goto(base + "/quizzes/kosovo-peacekeepers")
    assert "this attempt will be marked late" in sara.locator("main").inner_text()
    click_through(sara, sara.get_by_role("button", name="Start the test"))
    assert "late attempt" in sara.locator(".eyebrow").first.inner_text()  # while she takes it
    sara.goto(sara.url.rsplit("/questions/", 1)[0] + "/review")
    click_through(sara, sara.get_by_role("button", name="Submit the test"))
    sara.goto(base + "/")
    assert "Submitted late" in sara.locator("main").inner_text()
    teacher.goto(f"{base}/classes/{people.class_id}")  # Nia, who has not started, may still
    click_through(teacher, teacher.get_by_role("link", name=re.compile(QUIZ)).first)
    assert (
        "Overdue: late work accepted" in teacher.get_by_role("row", name=re.compile("Nia Never")).inner_text()
    )
    # and late work closes again: Nia has missed it
    teacher.goto(f"{base}/classes/{people.class_id}")
    click_through(teacher, teacher.get_by_role("link", name="Edit").first)
    teacher.get_by_label("Accept late work").uncheck()
    click_through(teacher, teacher.get_by_role("button", name="Save"))

    # the teacher's table: each student where they belong
    teacher.goto(f"{base}/classes/{people.class_id}")
    click_through(teacher, teacher.get_by_role("link", name=re.compile(QUIZ)).first)
    status = {
        name: teacher.get_by_role("row", name=re.compile(name)).inner_text()
        for name in ("Sam Student", "Sara Classmate", "Nia Never")
    }
    assert "Submitted" in status["Sam Student"] and "late" not in status["Sam Student"].lower()
    assert "Submitted late" in status["Sara Classmate"]
    assert "Missed" in status["Nia Never"]
    auditor.look(teacher, "72-assignment-table")
    assert auditor.violations == []
