"""Flashcards by keyboard alone, learn mode, and the progress dashboard, in Chromium."""

from __future__ import annotations

from tests.helpers.answering import answer_shown_question
from tests.helpers.browser import BANK, click_through, log_in, press_tab_until


def test_study_five_cards_with_the_keyboard_only(new_page, live_server, people, auditor):
    page = new_page()
    log_in(page, live_server)
    page.goto(live_server + "/decks/kosovo-peacekeepers")
    auditor.look(page, "40-decks")
    press_tab_until(
        page,
        "document.activeElement.textContent.trim().startsWith('Study') && "
        "document.activeElement.getAttribute('href').endsWith('/study')",
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    fronts = []
    for number in range(5):
        page.locator(".flip-button").wait_for()
        front = page.locator("#card-front").inner_text()
        fronts.append(front)
        if number == 0:
            auditor.look(page, "41-card-front")
        page.locator(".flip-button").focus()
        page.keyboard.press("Space")  # flip, without a page load
        page.locator("#card-back").wait_for()
        assert page.evaluate("document.activeElement.id") == "card-back"  # the answer is read first
        if number == 0:
            auditor.look(page, "42-card-back")
        page.keyboard.press("3")  # Good
        page.locator("#card-front").filter(has_not_text=front).wait_for()
    assert len(set(fronts)) == 5
    assert (
        page.evaluate("performance.getEntriesByType('navigation').length") == 1
    )  # one page load for five cards
    assert "Due: 0" in page.locator(".study-counts").inner_text()


def test_learn_mode_and_the_dashboard(new_page, live_server, people, auditor):
    page = new_page()
    log_in(page, live_server)
    page.goto(live_server + "/decks/kosovo-peacekeepers")
    click_through(page, page.get_by_role("button", name="Start learning"))
    auditor.look(page, "43-learn-question")
    click_through(page, page.get_by_role("button", name="Check answer"))  # nothing chosen
    assert "see what to fix at the answer" in page.locator(".error-summary").inner_text()  # a link down
    assert page.locator("#answer-error").inner_text() == "Answer the question first."  # said once, there
    page.goto(live_server + "/progress")
    auditor.look(page, "44-dashboard-empty")
    # answer a few practice questions so that there is something to chart
    page.goto(live_server + "/quizzes/kosovo-peacekeepers")
    click_through(page, page.get_by_role("button", name="Start practice"))
    for _ in range(3):
        answer_shown_question(page, BANK)
        click_through(page, page.get_by_role("button", name="Check answer"))
        page.locator(".verdict").wait_for()
        click_through(page, page.get_by_role("link", name="Next question"))
    click_through(page, page.get_by_role("link", name="Skip this question"))
    click_through(page, page.get_by_role("button", name="Finish this practice round now"))
    page.goto(live_server + "/progress")
    assert page.locator("svg.chart-svg").count() >= 1
    assert page.get_by_role("img", name="Accuracy by topic").count() == 1  # shares: a list of bars
    assert page.get_by_role("img", name="Cards due per day").count() == 1
    auditor.look(page, "45-dashboard")
    assert auditor.violations == []


def test_teacher_class_progress(new_page, live_server, people, auditor):
    page = new_page()
    log_in(page, live_server, "tina")
    page.goto(live_server + "/classes")
    click_through(page, page.get_by_role("link", name="History 9B"))
    click_through(
        page, page.get_by_role("link", name="Class progress: weak topics and most-missed questions")
    )
    assert page.get_by_role("img", name="Flashcard mastery by topic").count() == 1
    auditor.look(page, "46-class-progress")
    assert auditor.violations == []
