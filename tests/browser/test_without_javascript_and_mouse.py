"""Quizzes work without JavaScript and with the keyboard alone."""

from __future__ import annotations

from tests.helpers.answering import answer_shown_question
from tests.helpers.banks import assign_every_bank
from tests.helpers.browser import BANK, click_through, log_in, press_tab_until

SMALL_BANK = """
title: Keyboard check
settings: {shuffle_questions: false, shuffle_choices: false, show_answers: immediately}
questions:
  - {id: where, type: single, prompt: Where was the platoon sent?, choices: [Iraq, Kuwait], answer: Kuwait}
  - {id: who, type: short, prompt: Which alliance ran the air campaign?, accept: [NATO]}
"""


def test_a_test_without_javascript(new_page, live_server, people, auditor):
    page = new_page(java_script_enabled=False)
    log_in(page, live_server)
    page.goto(live_server + "/quizzes/kosovo-peacekeepers")
    click_through(page, page.get_by_role("button", name="Start the test"))
    timer = page.locator("#timer").inner_text()
    assert "this test closes at" in timer and "Time left" not in timer  # printed, no countdown
    answer_shown_question(page, BANK)
    click_through(page, page.get_by_role("button", name="Save and next"))
    assert "/questions/2" in page.url
    answer_shown_question(page, BANK)
    click_through(
        page, page.get_by_role("button", name="Question 5, not answered")
    )  # jumping saves question 2 first
    assert "/questions/5" in page.url
    assert page.get_by_role("button", name="Question 2, answered").count() == 1
    click_through(page, page.get_by_role("button", name="Save and review answers"))
    assert "You answered 2 of 25 questions." in page.locator("main").inner_text()
    auditor.look(page, "20-nojs-review", accessibility=False)  # axe needs JavaScript
    click_through(page, page.get_by_role("button", name="Submit the test"))
    assert "2 of 25 points" in page.locator(".score").inner_text()


def test_practice_by_keyboard_alone(new_page, live_server, people, questions_dir, auditor, app):
    (questions_dir / "keyboard-check.yaml").write_text(SMALL_BANK)
    assign_every_bank(app)
    page = new_page()
    log_in(page, live_server)
    page.goto(live_server + "/quizzes/keyboard-check")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    press_tab_until(page, "document.activeElement.textContent === 'Start practice'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/questions/1")
    press_tab_until(page, "document.activeElement.type === 'radio'")
    page.keyboard.press("ArrowDown")  # radios: arrows move and select, as in every browser
    assert page.get_by_label("Kuwait", exact=True).is_checked()
    press_tab_until(page, "document.activeElement.textContent === 'Check answer'")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # the focus is visible
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".verdict-right").count() == 1, page.locator("main").inner_text()
    press_tab_until(page, "document.activeElement.textContent === 'Next question'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/questions/2")
    press_tab_until(page, "document.activeElement.id === 'text'")
    page.keyboard.type("nato")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # Enter in a text field submits the form
    assert page.locator(".verdict-right").count() == 1
    auditor.look(page, "21-keyboard-feedback")
    assert auditor.violations == []


def test_an_untimed_graded_test(new_page, live_server, people, questions_dir, auditor, app):
    """A bank without a time limit gives a graded test with no deadline."""
    (questions_dir / "keyboard-check.yaml").write_text(SMALL_BANK)
    assign_every_bank(app)
    page = new_page()
    log_in(page, live_server)
    page.goto(live_server + "/quizzes/keyboard-check")
    click_through(page, page.get_by_role("button", name="Start the test"))
    assert page.locator("#timer").count() == 0
    page.get_by_label("Kuwait", exact=True).check()
    click_through(page, page.get_by_role("button", name="Save and next"))
    page.get_by_label("Your answer").fill("Nato")
    click_through(page, page.get_by_role("button", name="Save and review answers"))
    click_through(page, page.get_by_role("button", name="Submit the test"))
    assert "100%" in page.locator(".score").inner_text() and "Passed" in page.content()
    auditor.look(page, "22-untimed-test-results")
    assert auditor.violations == []
