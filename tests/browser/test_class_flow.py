"""A class really uses quizapp, in Chromium: set-up, class, sign-up, practice, test, results."""

from __future__ import annotations

import re

from quizapp.core.passages import find_passages
from tests.helpers.answering import answer_shown_question, shown_question
from tests.helpers.banks import assign_every_bank
from tests.helpers.browser import BANK, click_through
from tests.helpers.web import PASSWORD


def teacher_sets_up(page, base: str, auditor) -> str:
    """First visit: create the teacher, then a class; returns its join code."""
    page.goto(base + "/")
    assert page.url.endswith("/setup")
    auditor.look(page, "01-setup")
    page.get_by_label("Username").fill("tina")
    page.get_by_label("Your name").fill("Tina Teacher")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Repeat the password").fill(PASSWORD)
    click_through(page, page.get_by_role("button", name="Create the teacher account"))
    assert page.url.endswith("/classes")
    auditor.look(page, "02-classes")
    page.get_by_label("Class name").fill("History 9B")
    click_through(page, page.get_by_role("button", name="Create class"))
    code = page.locator("code.join-code").first.inner_text()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", code)
    auditor.look(page, "03-class")
    return code


def student_signs_up(page, base: str, code: str, auditor) -> None:
    page.goto(base + "/signup")
    auditor.look(page, "04-signup")
    page.get_by_label("Class join code").fill(code)
    page.get_by_label("Username").fill("sam")
    page.get_by_label("Your name").fill("Sam Student")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Repeat the password").fill(PASSWORD)
    click_through(page, page.get_by_role("button", name="Sign up"))
    assert "Welcome to History 9B!" in page.content()
    auditor.look(page, "05-student-home")


def test_a_class_takes_the_article_quiz(new_page, live_server, auditor, app):
    base = live_server
    teacher = new_page()
    code = teacher_sets_up(teacher, base, auditor)
    assign_every_bank(app)
    student = new_page()
    student_signs_up(student, base, code, auditor)

    # practice: answer, see feedback with the passage, move on
    click_through(
        student, student.get_by_role("link", name="Kosovar Peacekeepers Sent On First Mission Abroad").first
    )
    auditor.look(student, "06-quiz")
    click_through(student, student.get_by_role("button", name="Start practice"))
    auditor.look(student, "07-practice-question")
    first = answer_shown_question(student, BANK)
    click_through(student, student.get_by_role("button", name="Check answer"))
    student.locator(".verdict").wait_for()
    assert student.locator(".verdict-right").count() == 1
    marked = [" ".join(text.split()) for text in student.locator(".passage mark").all_inner_texts()]
    expected = [passage.quotes for passage in find_passages(BANK.source_text, first.source_quotes)]
    assert marked == [quote for quotes in expected for quote in quotes]  # every quote, in the article's order
    auditor.look(student, "08-practice-feedback")
    click_through(student, student.get_by_role("link", name="Next question"))
    question = BANK.question("mission-destination")
    student.locator("#answer-form").wait_for()
    shown = answer_shown_question(student, BANK)
    click_through(student, student.get_by_role("button", name="Check answer"))
    student.locator(".verdict").wait_for()
    assert student.locator(".verdict-right").count() == 1, shown.id
    assert question is not None

    # the test: every question answered through its inputs, then submitted
    student.goto(base + "/quizzes/kosovo-peacekeepers")
    assert "unfinished practice" in student.content()
    student.goto(base + "/")
    total = len(BANK.questions)
    # finish the practice quickly, then take the test
    student.goto(base + "/quizzes/kosovo-peacekeepers")
    click_through(student, student.get_by_role("link", name="Continue"))
    answered = 2
    looked_at: set[str] = set()
    while answered < total:
        shown = shown_question(student, BANK)
        if shown.type.value not in looked_at:  # each kind of input, seen and checked once
            looked_at.add(shown.type.value)
            auditor.look(student, f"30-question-{shown.type.value}")
        answer_shown_question(student, BANK)
        click_through(student, student.get_by_role("button", name="Check answer"))
        student.locator(".verdict").wait_for()  # the feedback page has loaded
        answered += 1
        link = student.get_by_role("link", name="Next unanswered question")
        if student.get_by_role("link", name="Next question").count():
            click_through(student, student.get_by_role("link", name="Next question"))
        elif link.count():
            click_through(student, link)
    click_through(student, student.get_by_role("button", name="Finish and see results").first)
    assert "100%" in student.locator(".score").inner_text()
    auditor.look(student, "09-practice-results")

    student.goto(base + "/quizzes/kosovo-peacekeepers")
    click_through(student, student.get_by_role("button", name="Start the test"))
    assert student.locator("#timer").count() == 1
    student.locator("#timer .countdown", has_text="Time left").wait_for()
    timer = student.locator("#timer").inner_text()  # the exact countdown replaces "about N minutes"
    # the deadline as the server printed it, in the reader's zone; the countdown replaces "about N minutes"
    assert re.search(r"closes at \d{4}-\d\d-\d\d \d\d:\d\d UTC", timer), timer
    assert "minutes left" not in timer and "(" not in timer
    auditor.look(student, "10-test-question")
    total = int(student.locator("h1 .muted").inner_text().split()[-1])  # "of 25": one per group
    for number in range(1, total + 1):
        answer_shown_question(student, BANK)
        student.locator("#save-status", has_text="Saved.").wait_for()  # saved as soon as it changed
        button = "Save and next" if number < total else "Save and review answers"
        click_through(student, student.get_by_role("button", name=button, exact=True))
    assert f"You answered {total} of {total} questions." in student.locator("main").inner_text()
    auditor.look(student, "11-test-review")
    click_through(student, student.get_by_role("button", name="Submit the test"))
    assert "100%" in student.locator(".score").inner_text()
    assert "Passed" in student.content()
    auditor.look(student, "12-test-results")

    # the teacher sees it
    teacher.goto(base + "/classes")
    click_through(teacher, teacher.get_by_role("link", name="History 9B"))
    click_through(
        teacher,
        teacher.get_by_role("link", name="Kosovar Peacekeepers Sent On First Mission Abroad", exact=True),
    )
    row = teacher.get_by_role("row", name=re.compile("Sam Student"))
    assert "100%" in row.inner_text()
    auditor.look(teacher, "13-teacher-results")
    click_through(teacher, row.get_by_role("link", name=re.compile("100%")))
    assert "Sam Student (sam)" in teacher.content()
    auditor.look(teacher, "14-teacher-review")
    assert auditor.violations == []
