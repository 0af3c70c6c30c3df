"""Ordering and matching by drag and drop and by keyboard (reorder.js), still by lists without
JavaScript; flashcards that turn over and take a typed answer; in Chromium."""

from __future__ import annotations

import re

from tests.helpers.banks import assign_every_bank
from tests.helpers.browser import PHONE, click_through, log_in

DRAG_BANK = """
title: Drag check
settings: {shuffle_questions: false, shuffle_choices: false, show_answers: immediately}
questions:
  - id: cities
    type: ordering
    prompt: Put the cities in order of size, smallest first.
    items: [Canberra, Perth, Brisbane, Melbourne, Sydney]
  - id: capitals
    type: matching
    prompt: Match each country with its capital.
    pairs:
      - {left: Kosovo, right: Pristina}
      - {left: Kuwait, right: Kuwait City}
      - {left: Serbia, right: Belgrade}
    distractors: [Tirana]
"""
CITIES = ["Canberra", "Perth", "Brisbane", "Melbourne", "Sydney"]
TOP_EDGE = {"x": 40, "y": 3}  # dropped on an item's upper half: the dragged one goes before it


def _start(page, app, questions_dir, live_server, mode: str) -> None:
    (questions_dir / "drag-check.yaml").write_text(DRAG_BANK)
    assign_every_bank(app)
    log_in(page, live_server)
    page.goto(live_server + "/quizzes/drag-check")
    label = "Start practice" if mode == "practice" else "Start the test"
    click_through(page, page.get_by_role("button", name=label))


def _shown_order(page) -> list[str]:
    return page.locator(".reorder-text").all_inner_texts()


def _positions(page) -> dict[str, str]:
    """What the (hidden) lists send: each city's position."""
    return {city: page.get_by_label(city, exact=True).input_value() for city in CITIES}


def _status(page):
    return page.locator("fieldset.question [role=status]:not(.answer-note)")


def test_ordering_by_mouse_and_by_keyboard_with_announcements(
    new_page, live_server, people, questions_dir, app, auditor
):
    page = new_page()
    _start(page, app, questions_dir, live_server, "practice")
    auditor.look(page, "50-ordering-to-drag")
    assert page.locator("select.position").first.is_hidden()  # the lists give way to the items
    assert sorted(_shown_order(page)) == sorted(CITIES)
    assert "Drag the items into order" in page.locator("fieldset.question .hint").first.inner_text()
    assert page.locator(".reorder-pending").is_visible()  # nothing chosen yet: no order is saved
    for index, city in enumerate(CITIES):  # each in its place, dragged with the mouse
        if _shown_order(page)[index] != city:
            target = page.locator(".reorder-item").nth(index)
            page.locator(".reorder-item", has_text=city).drag_to(target, target_position=TOP_EDGE)
    assert _shown_order(page) == CITIES
    assert _positions(page) == {city: str(n) for n, city in enumerate(CITIES, 1)}
    _status(page).filter(has_text=re.compile(r"^\w+ moved to position [1-5] of 5\.$")).wait_for()
    assert page.locator(".reorder-pending").is_hidden()

    # by keyboard: Move down, then Move up, each said; the focus stays on the item's buttons
    page.get_by_role("button", name="Move down: Canberra").focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('.reorder-list').textContent.indexOf('Perth') < "
        "document.querySelector('.reorder-list').textContent.indexOf('Canberra')"
    )
    assert _shown_order(page)[:2] == ["Perth", "Canberra"]
    _status(page).filter(has_text="Canberra moved to position 2 of 5.").wait_for()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Move down: Canberra"
    assert _positions(page)["Canberra"] == "2" and _positions(page)["Perth"] == "1"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Move up: Canberra"
    page.keyboard.press("Space")
    _status(page).filter(has_text="Canberra moved to position 1 of 5.").wait_for()
    # at the top, Move up is disabled: the focus goes to Move down of the same item
    assert page.get_by_role("button", name="Move up: Canberra").is_disabled()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Move down: Canberra"
    click_through(page, page.get_by_role("button", name="Check answer"))
    assert page.locator(".verdict.verdict-right").count() == 1
    assert auditor.violations == []


def test_matching_by_dragging_answers_with_a_live_note(
    new_page, live_server, people, questions_dir, app, auditor
):
    page = new_page()
    _start(page, app, questions_dir, live_server, "practice")
    page.goto(page.url.replace("/questions/1", "/questions/2"))
    note = page.locator(".answer-note")
    assert page.locator(".match-chip").all_inner_texts() and note.is_hidden()

    def drop(answer: str, country: str) -> None:
        row = page.locator(".pairs li").filter(has=page.locator("label", has_text=re.compile(f"^{country}$")))
        page.locator(".match-chip", has_text=re.compile(f"^{answer}$")).drag_to(row)

    def chosen(country: str) -> str:
        return page.get_by_label(country, exact=True).evaluate("select => select.selectedOptions[0].text")

    drop("Pristina", "Kosovo")
    assert chosen("Kosovo") == "Pristina"
    _status(page).filter(has_text="Pristina matched with Kosovo.").wait_for()
    drop("Kuwait City", "Kuwait")
    drop("Pristina", "Serbia")
    assert (
        note.inner_text()
        == "“Pristina” is chosen for both “Kosovo” and “Serbia” — fine if it fits both of them."
    )
    page.get_by_label("Serbia", exact=True).select_option(label="Belgrade")  # the lists, by keyboard
    assert note.is_hidden()
    page.get_by_label("Serbia", exact=True).select_option(label="Pristina")
    assert note.is_visible()
    auditor.look(page, "51-matching-said-live")
    # a note, not a question: the answer is checked at once
    click_through(page, page.get_by_role("button", name="Check answer"))
    assert page.locator(".verdict.verdict-partial").count() == 1  # Kosovo and Kuwait right, Serbia not
    assert auditor.violations == []


def test_a_dragged_order_is_autosaved_in_a_test(new_page, live_server, people, questions_dir, app):
    page = new_page()
    _start(page, app, questions_dir, live_server, "test")
    last = _shown_order(page)[-1]
    page.locator(".reorder-item", has_text=last).drag_to(
        page.locator(".reorder-item").first, target_position=TOP_EDGE
    )
    page.locator("#save-status", has_text="Saved.").wait_for()
    page.reload()
    assert _shown_order(page)[0] == last and page.locator(".reorder-pending").is_hidden()


def test_without_javascript_the_lists_still_answer(new_page, live_server, people, questions_dir, app):
    page = new_page(java_script_enabled=False)
    _start(page, app, questions_dir, live_server, "practice")
    assert page.locator(".reorder-list").count() == 0
    for position, city in enumerate(CITIES, 1):
        page.get_by_label(city, exact=True).select_option(str(position))
    click_through(page, page.get_by_role("button", name="Check answer"))
    assert page.locator(".verdict.verdict-right").count() == 1
    click_through(page, page.get_by_role("link", name="Next question"))
    page.get_by_label("Kosovo", exact=True).select_option(label="Pristina")
    page.get_by_label("Serbia", exact=True).select_option(label="Pristina")
    click_through(page, page.get_by_role("button", name="Check answer"))  # a repeat is checked at once
    assert page.locator(".verdict.verdict-partial").count() == 1  # Kosovo right, Serbia not, Kuwait blank


def _study(page, live_server) -> None:
    log_in(page, live_server)
    page.goto(live_server + "/decks/kosovo-peacekeepers/study")


def _animation(page) -> str:
    return page.locator(".flashcard").evaluate("card => getComputedStyle(card).animationName")


def test_a_card_turns_over_and_checks_a_typed_answer(new_page, live_server, people, auditor):
    page = new_page()
    _study(page, live_server)
    assert _animation(page) == "none"  # the front shows at once
    page.get_by_label("Your answer").fill("Kuwiat")
    page.keyboard.press("Enter")  # flips, without a page load
    page.locator("#card-back").wait_for()
    assert _animation(page) == "card-turn-in"
    assert page.locator(".typed-verdict").inner_text() == "Right: you typed “Kuwiat”."
    assert page.evaluate("document.activeElement.id") == "card-back"  # the verdict and answer first
    assert page.locator(".rating.suggested .rating-name").inner_text() == "Good"
    assert page.locator(".rating .rating-when").count() == 4
    auditor.look(page, "52-card-typed-answer-back")
    page.keyboard.press("3")
    page.locator(".flip-button").wait_for()
    # the student typed last time: the next card's answer box has the focus
    assert page.evaluate("document.activeElement.id") == "typed-answer"
    page.keyboard.type("a tank")
    page.keyboard.press("Enter")
    page.locator(".typed-verdict").wait_for()
    assert page.locator(".typed-verdict").inner_text().startswith("Not right: you typed “a tank”.")
    assert page.locator(".rating.suggested .rating-name").inner_text() == "Again"
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    assert auditor.violations == []


def test_a_card_turns_at_once_when_motion_is_reduced(new_page, live_server, people):
    page = new_page(reduced_motion="reduce")
    _study(page, live_server)
    page.get_by_role("button", name="Show the answer").click()
    page.locator("#card-back").wait_for()
    assert _animation(page) == "none"
    assert page.locator(".typed-verdict").count() == 0 and page.locator(".rating.suggested").count() == 0


def test_a_typed_card_answer_without_javascript(new_page, live_server, people):
    page = new_page(java_script_enabled=False)
    _study(page, live_server)
    page.get_by_label("Your answer").fill("Iraq")
    click_through(page, page.get_by_role("button", name="Show the answer"))
    assert page.locator(".typed-verdict").inner_text() == "Not right: you typed “Iraq”. The answer:"
    assert "Kuwait" in page.locator("#card-back").inner_text()
    assert page.locator(".rating.suggested .rating-name").inner_text() == "Again"


def test_keyboard_hints_show_with_a_keyboard_and_not_on_a_touch_screen(new_page, live_server, people):
    desktop = new_page()
    _study(desktop, live_server)
    assert desktop.locator(".key-hint").is_visible()
    desktop.get_by_role("button", name="Show the answer").click()
    desktop.locator(".rating-keyhint").first.wait_for()
    assert desktop.locator(".rating-keyhint").first.is_visible()
    phone = new_page(is_mobile=True, has_touch=True)
    phone.set_viewport_size(PHONE)
    assert phone.evaluate("matchMedia('(hover: none) and (pointer: coarse)').matches")
    _study(phone, live_server)
    assert phone.locator(".key-hint").is_hidden()
    phone.get_by_role("button", name="Show the answer").click()
    phone.locator("#card-back").wait_for()
    assert (
        phone.locator(".rating-keyhint").count() == 4 and phone.locator(".rating-keyhint").first.is_hidden()
    )
