"""The teacher's assignment pages in Chromium: assign a quiz by its labels, get a refused form
back, give a student extra time, hide a bank; axe on each page, no page wider than a phone."""

from __future__ import annotations

from tests.helpers.browser import PHONE, click_through, log_in


def fits_a_phone(page) -> bool:
    """Nothing but a table's own scroll box is wider than a 390 px screen."""
    page.set_viewport_size(PHONE)
    fits = page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
    page.set_viewport_size({"width": 1280, "height": 900})
    return bool(fits)


def test_a_teacher_assigns_a_quiz_and_gives_a_student_extra_time(new_page, live_server, auditor, people):
    base = live_server
    page = new_page()
    log_in(page, base, "tina")
    page.goto(f"{base}/classes/{people.class_id}")
    auditor.look(page, "assignments-01-class")
    assert fits_a_phone(page)
    click_through(page, page.get_by_role("link", name="Assign a quiz"))
    page.get_by_label("Quiz", exact=True).select_option("kosovo-peacekeepers")
    page.get_by_label("Opens", exact=True).fill("2026-12-08 08:00")
    page.get_by_label("Due", exact=True).fill("2026-12-01 23:59")  # before it opens
    page.get_by_label("Attempts allowed").fill("0")
    page.get_by_label("The last attempt").check()
    click_through(page, page.get_by_role("button", name="Assign"))
    assert page.get_by_text("The due time must come after the opening time.").count() == 1
    assert page.get_by_text("Attempts allowed: from 1 to 100, or unlimited.").count() == 1
    assert page.get_by_label("Due", exact=True).input_value() == "2026-12-01 23:59"
    auditor.look(page, "assignments-02-refused")
    assert fits_a_phone(page)
    page.get_by_label("Due", exact=True).fill("2026-12-15 23:59")
    page.get_by_label("Attempts allowed").fill("2")
    page.get_by_label("Accept late work").check()
    click_through(page, page.get_by_role("button", name="Assign"))
    assert "is assigned to History 9B" in page.content()
    assert "Due2026-12-15 23:59 UTC" in page.locator(".assignment-terms").inner_text().replace("\n", "")
    page.goto(f"{base}/classes/{people.class_id}")  # saving led to the assignment's own page
    assert page.get_by_role("cell", name="2026-12-15 23:59 UTC").count() == 1

    click_through(page, page.get_by_role("link", name="Accommodations on").last)
    sam = page.get_by_role("form", name="Sam Student (sam)")
    sam.get_by_label("Extra time (% of the time limit)").fill("50")
    sam.get_by_label("Extra attempts").fill("1")
    click_through(page, sam.get_by_role("button", name="Save the accommodation of Sam Student"))
    assert "Sam Student has an accommodation" in page.content()
    assert page.get_by_role("cell", name="+50% time, 1 extra attempt").count() == 1
    auditor.look(page, "assignments-03-accommodations")
    assert fits_a_phone(page)

    page.goto(f"{base}/classes/{people.class_id}")
    assert page.locator(".tag-accommodation").count() == 1
    auditor.look(page, "assignments-07-class-with-accommodation")
    assert fits_a_phone(page)
    click_through(page, page.get_by_role("link", name="Accommodations on").last)
    click_through(page, page.get_by_role("link", name="Change the assignment itself"))
    auditor.look(page, "assignments-04-edit")
    click_through(page, page.get_by_role("link", name="Delete this assignment"))
    auditor.look(page, "assignments-05-delete")

    page.goto(base + "/")
    page.locator("summary").first.click()
    page.get_by_label("No student: hidden").first.check()
    auditor.look(page, "assignments-06-teacher-home")
    click_through(page, page.get_by_role("button", name="Save who sees").first)
    assert page.get_by_role("heading", level=1).inner_text().startswith("Hide ")  # its classes lose it
    auditor.look(page, "assignments-08-hide-confirm")
    assert fits_a_phone(page)
    click_through(page, page.get_by_role("button", name="Hide it from students"))
    assert "No student sees it, assigned or not." in page.content()
    assert auditor.violations == []


def test_a_teacher_gives_a_student_extra_time_on_every_test_of_the_class(
    new_page, live_server, auditor, people
):
    base = live_server
    page = new_page()
    log_in(page, base, "tina")
    page.goto(f"{base}/classes/{people.class_id}")
    click_through(page, page.get_by_role("link", name="Accommodate Sam Student on every test of History 9B"))
    page.get_by_label("Extra time (% of the time limit)").fill("lots")
    click_through(page, page.get_by_role("button", name="Save"))
    assert page.get_by_text("Give a whole number of percent, such as 50.").count() == 1
    assert page.get_by_label("Extra time (% of the time limit)").input_value() == "lots"
    auditor.look(page, "assignments-08-every-test-refused")
    assert fits_a_phone(page)
    page.get_by_label("Extra time (% of the time limit)").fill("50")
    click_through(page, page.get_by_role("button", name="Save"))
    assert "Sam Student has an accommodation on every test of History 9B." in page.content()
    assert page.locator(f"#student-{people.student}").get_by_text("+50% time").count() == 1
    auditor.look(page, "assignments-09-class-with-every-test")
    assert fits_a_phone(page)
    click_through(page, page.get_by_role("link", name="Accommodations on").last)
    assert page.get_by_role("cell", name="On every test of the class: +50% time").count() == 1
    auditor.look(page, "assignments-10-accommodations-from-the-class")
    assert fits_a_phone(page)
    assert auditor.violations == []
