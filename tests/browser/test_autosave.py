"""A test's answers are saved as they change, one save at a time: a slow reply to an older save
can neither overwrite a newer answer on the server nor say "Not saved" about a saved one."""

from __future__ import annotations

import pytest

from tests.helpers.browser import click_through
from tests.helpers.web import PASSWORD

BANK = "one-question"
BANK_YAML = """\
title: One typed question
questions:
  - id: where
    type: short
    prompt: Name the country where Kosovo's platoon is being sent.
    accept: [Kuwait]
"""


def stored_answer(app, attempt_id: int):
    with app.app_context():
        from quizapp.services import attempts, clock

        attempt = attempts.get(attempt_id, clock.now())
        return attempt.responses.get("where")


@pytest.mark.only_bank(BANK, BANK_YAML)
def test_a_slow_save_does_not_overwrite_a_newer_answer(new_page, live_server, people, app):
    page = new_page()
    page.goto(live_server + "/login")
    page.get_by_label("Username").fill("sam")
    page.get_by_label("Password").fill(PASSWORD)
    click_through(page, page.get_by_role("button", name="Log in"))
    page.goto(f"{live_server}/quizzes/{BANK}")
    click_through(page, page.get_by_role("button", name="Start the test"))
    attempt_id = int(page.url.split("/attempts/")[1].split("/")[0])

    held = []  # the first autosave is held back, as on a slow network
    sent = []

    def hold_the_first(route):
        sent.append(route.request.post_data)
        if not held:
            held.append(route)
        else:
            route.continue_()

    page.route("**/attempts/*/questions/*", lambda route: hold_the_first(route))
    field = page.get_by_role("textbox")
    field.fill("Iraq")
    field.dispatch_event("change")  # sent at once
    page.wait_for_timeout(200)
    assert len(sent) == 1 and held
    field.fill("Kuwait")
    field.dispatch_event("change")  # waits for the first save's reply
    page.wait_for_timeout(1200)
    assert len(sent) == 1, "a second save was sent while the first was in flight"
    assert page.locator("#save-status").inner_text() == "Saving…"

    held[0].continue_()
    page.locator("#save-status", has_text="Saved.").wait_for()
    assert len(sent) == 2 and "Kuwait" in sent[1]
    assert stored_answer(app, attempt_id) == "Kuwait"
