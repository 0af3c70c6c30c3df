"""A question quoting two paragraphs, in Chromium: feedback and the source page mark both quotes,
readable at phone and desktop width, without accessibility problems."""

from __future__ import annotations

import pytest

from tests.helpers.banks import PARAGRAPH_OF_IOWA, PARAGRAPH_OF_KUWAIT, QUOTES_BANK
from tests.helpers.browser import PHONE, click_through, log_in

pytestmark = pytest.mark.with_quotes  # the banks with QUOTES_BANK (tests/conftest.py)


def fits_a_phone(page) -> bool:
    page.set_viewport_size(PHONE)
    fits = page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
    page.set_viewport_size({"width": 1280, "height": 900})
    return bool(fits)


def test_feedback_and_the_source_page_mark_both_quotes(new_page, live_server, auditor, people):
    page = new_page()
    log_in(page, live_server, "sam")
    page.goto(f"{live_server}/quizzes/{QUOTES_BANK}")
    click_through(page, page.get_by_role("button", name="Start practice"))
    page.get_by_label("False").check()
    click_through(page, page.get_by_role("button", name="Check answer"))
    page.locator(".verdict").wait_for()
    assert page.locator(".passage blockquote").count() == 2
    assert page.locator(".passage mark").all_inner_texts() == [
        "Kosovo has sent an army platoon to Kuwait",
        "under the command of the National Guard of Iowa",
    ]
    auditor.look(page, "quotes-01-feedback")
    assert fits_a_phone(page)
    click_through(page, page.locator(".passage figcaption a"))
    assert page.url.endswith(f"#p{PARAGRAPH_OF_KUWAIT}")
    assert page.locator(f"#p{PARAGRAPH_OF_KUWAIT} mark").count() == 1
    assert page.locator(f"#p{PARAGRAPH_OF_IOWA} mark").count() == 1
    assert page.locator("mark").count() == 2
    auditor.look(page, "quotes-02-source")
    assert fits_a_phone(page)
    assert auditor.violations == []
