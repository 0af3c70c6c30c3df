"""The student's way through, in Chromium (issue 17): the focus after an answer, the progress bar,
the results' switch between the missed and all questions (with and without JavaScript), and the
reward after a round."""

from __future__ import annotations

import pytest

from tests.helpers.answering import answer_shown_question
from tests.helpers.browser import BANK, DESKTOP, PHONE, click_through, log_in


def focused(page) -> dict:
    return page.evaluate(
        "({id: document.activeElement.id, tag: document.activeElement.tagName,"
        " text: document.activeElement.textContent.trim()})"
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_after_an_answer_the_verdict_has_the_focus_and_next_question_is_one_tab_away(
    new_page, live_server, people, four_questions, javascript, auditor
):
    page = new_page(java_script_enabled=javascript)
    log_in(page, live_server)
    page.goto(live_server + four_questions)
    click_through(page, page.get_by_role("button", name="Start practice"))
    progress = page.locator("#round-progress")
    assert (progress.get_attribute("value"), progress.get_attribute("max")) == ("0", "4")
    assert page.locator("#round-progress-text").inner_text() == "0 of 4 questions answered · 0 right so far"
    page.get_by_label("Kuwait", exact=True).check()
    click_through(page, page.get_by_role("button", name="Check answer"))
    page.wait_for_function("document.activeElement.id === 'feedback-heading'")
    assert focused(page) == {"id": "feedback-heading", "tag": "H2", "text": "✓ Correct"}
    assert page.locator("#round-progress-text").inner_text() == "1 of 4 questions answered · 1 right so far"
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Next question"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_label("Your answer").fill("Warsaw Pact")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.id === 'feedback-heading'")
    assert focused(page)["text"] == "✗ Incorrect"
    assert page.locator("#round-progress-text").inner_text() == "2 of 4 questions answered · 1 right so far"
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Next question"
    if javascript:
        auditor.look(page, "53-practice-feedback-with-progress")
        assert auditor.violations == []


def test_a_tests_progress_never_counts_right_answers(new_page, live_server, people, four_questions, auditor):
    page = new_page()
    log_in(page, live_server)
    page.goto(live_server + four_questions)
    click_through(page, page.get_by_role("button", name="Start the test"))
    page.get_by_label("Kuwait", exact=True).check()
    click_through(page, page.get_by_role("button", name="Save and next"))
    assert page.locator("#round-progress").get_attribute("value") == "1"
    assert page.locator("#round-progress-text").inner_text() == "1 of 4 questions answered"
    page.get_by_label("Your answer").fill("NATO")
    click_through(page, page.get_by_role("button", name="Save and review answers"))
    items = page.locator(".review-item")
    assert items.count() == 4
    assert (
        "Where was the platoon sent?" in items.nth(0).inner_text() and "Kuwait" in items.nth(0).inner_text()
    )
    assert "NATO" in items.nth(1).inner_text() and "not answered" in items.nth(2).inner_text()
    one_line = page.evaluate("getComputedStyle(document.querySelector('.review-prompt')).whiteSpace")
    assert one_line == "nowrap"
    auditor.look(page, "50-test-review-with-prompts")
    assert auditor.violations == []


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_results_list_the_missed_questions_with_a_switch_to_all(
    new_page, live_server, people, auditor, javascript
):
    page = new_page(java_script_enabled=javascript)
    log_in(page, live_server)
    page.goto(live_server + "/quizzes/kosovo-peacekeepers")
    click_through(page, page.get_by_role("button", name="Start practice"))
    answer_shown_question(page, BANK)
    click_through(page, page.get_by_role("button", name="Check answer"))
    click_through(page, page.get_by_role("button", name="Finish this practice round now"))
    assert "1 right" in page.locator(".result-tally").inner_text()
    assert "54 not answered" in page.locator(".result-tally").inner_text()
    # finished early: nothing answered wrong to show in full, the 54 unanswered one line each
    assert page.locator(".results-list > li").count() == 0
    assert page.locator(".unanswered-list > li").count() == 54
    assert page.get_by_role("heading", name="The missed questions").count() == 1
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollHeight") < 6000  # was ~40,000 px
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    if javascript:
        auditor.look(page, "51-results-missed-first")
    page.set_viewport_size(DESKTOP)
    click_through(page, page.locator(".unanswered-list a").nth(1))  # question 3, in full
    assert page.url.endswith("?show=all#question-3")
    assert page.locator("#question-3 .prompt").is_visible()
    click_through(page, page.get_by_role("link", name="Show only the missed questions"))
    assert page.locator(".unanswered-list > li").count() == 54
    click_through(page, page.get_by_role("link", name="Show all 55 questions"))
    assert page.locator(".results-list > li").count() == 55
    assert page.url.endswith("?show=all#questions-heading")
    assert auditor.violations == []


def test_a_better_round_is_celebrated_and_says_what_to_study(
    new_page, live_server, people, four_questions, auditor
):
    page = new_page(reduced_motion="no-preference")
    log_in(page, live_server)
    for right in (1, 3):
        page.goto(live_server + four_questions)
        click_through(page, page.get_by_role("button", name="Start practice"))
        page.get_by_label("Kuwait", exact=True).check()
        click_through(page, page.get_by_role("button", name="Check answer"))
        if right == 3:
            click_through(page, page.get_by_role("link", name="Next question"))
            page.get_by_label("Your answer").fill("NATO")
            click_through(page, page.get_by_role("button", name="Check answer"))
            click_through(page, page.get_by_role("link", name="Next question"))
            page.get_by_label("Your answer").fill("2008")
            click_through(page, page.get_by_role("button", name="Check answer"))
        click_through(page, page.get_by_role("button", name="Finish this practice round now"))
    reward = page.locator(".reward")
    assert reward.get_by_role("heading", name="Better than last time!").count() == 1
    text = reward.inner_text()
    assert "25%; now 75%" in text and "up 50 percentage points" in text
    assert "2 questions you missed last time are right now" in text
    assert "You missed 1 question." in text
    assert reward.get_by_role("link", name="mission").get_attribute("href").endswith("study?tag=mission")
    animation = page.evaluate("getComputedStyle(document.querySelector('.reward-burst')).animationName")
    assert animation == "reward-burst"
    auditor.look(page, "52-results-reward")
    still = new_page(reduced_motion="reduce")
    log_in(still, live_server)
    still.goto(page.url)
    assert still.evaluate("getComputedStyle(document.querySelector('.reward-burst')).display") == "none"
    assert auditor.violations == []


def test_learn_mode_focuses_the_verdict_then_continue(new_page, live_server, people, four_questions, auditor):
    page = new_page()
    log_in(page, live_server)
    page.goto(live_server + "/decks/four-questions")
    click_through(page, page.get_by_role("button", name="Start learning"))
    assert "0 of 4 questions answered" in page.locator("#round-progress-text").inner_text()
    click_through(page, page.get_by_role("button", name="Check answer"))  # nothing given: refused
    fields = page.locator("#main input[type=text], #main input[type=radio]")
    if page.get_by_label("Iraq", exact=True).count():
        page.get_by_label("Iraq", exact=True).check()
    else:
        fields.first.fill("1")  # wrong for each typed question, and a number for the numeric one
    click_through(page, page.get_by_role("button", name="Check answer"))
    page.wait_for_function("document.activeElement.id === 'feedback-heading'")
    assert focused(page)["tag"] == "H1" and "Incorrect" in focused(page)["text"]
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Continue"
    assert "1 of 4 questions answered · 0 right so far" in page.locator("#round-progress-text").inner_text()
    auditor.look(page, "54-learn-feedback-with-progress")
    assert auditor.violations == []
