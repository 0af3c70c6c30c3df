"""Issue 17 review fixes in Chromium: a student who has chosen no time zone reads due dates in their
browser's (the login form sends it, ``static/browser_zone.js``, allowed by the CSP); join codes,
the class page's account actions and the editor's preview numbers line up."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from quizapp.db import assignment_store
from quizapp.db.base import db
from quizapp.db.models import Assignment, User
from tests.helpers.browser import DESKTOP, log_in

DUE = datetime(2026, 12, 4, 4, 59, tzinfo=UTC)  # 2026-12-03 23:59 in New York


def test_the_login_takes_the_browsers_zone_and_the_home_page_shows_the_due_time_in_it(
    browser, live_server, app, people
):
    with app.app_context():
        for assignment_id in db.session.scalars(db.select(Assignment.id)).all():
            terms = assignment_store.assignment(assignment_id).terms
            assignment_store.update_assignment(assignment_id, replace(terms, due_at=DUE))
    context = browser.new_context(viewport=DESKTOP, timezone_id="America/New_York")  # the CSP kept
    try:
        page = context.new_page()
        refused: list[str] = []
        page.on(
            "console",
            lambda message: refused.append(message.text) if "Content Security" in message.text else None,
        )
        log_in(page, live_server)
        assert "Due 2026-12-03 23:59 EST" in " ".join(page.locator("main").inner_text().split())
        assert refused == []
        with app.app_context():
            row = db.session.scalars(db.select(User).where(User.username == "sam")).one()
            assert (row.time_zone, row.time_zone_source) == ("America/New_York", "browser")
        page.goto(live_server + "/account/password")
        assert "taken from your browser" in page.locator("#zone-source").inner_text()
    finally:
        context.close()


# --- layout points of the same review ------------------------------------------------------


def test_join_codes_account_actions_and_preview_numbers_line_up_on_a_phone(new_page, live_server, people):
    page = new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server, "tina")
    page.goto(live_server + "/classes")
    codes = page.evaluate(
        "() => [...document.querySelectorAll('table .join-code')].map(code => "
        "[code.getClientRects().length, getComputedStyle(code).whiteSpace])"
    )
    assert codes and all(code == [1, "nowrap"] for code in codes)  # never broken at its hyphen
    page.goto(f"{live_server}/classes/{people.class_id}")
    lefts = page.evaluate(
        "() => { const cell = document.querySelector('td.row-actions');"
        " const buttons = [...cell.querySelectorAll('button')].map(b => b.getBoundingClientRect());"
        " return {cell: cell.getBoundingClientRect().left + parseFloat(getComputedStyle(cell).paddingLeft),"
        " tops: buttons.map(b => b.top), lefts: buttons.map(b => b.left)}; }"
    )
    assert lefts["tops"][1] > lefts["tops"][0]  # wrapped at 390 px
    assert abs(lefts["lefts"][1] - lefts["cell"]) <= 1  # "Remove from class" under "Account:"
    page.goto(live_server + "/banks/kosovo-peacekeepers.yaml/edit")
    number = page.evaluate(
        "() => { const card = document.querySelector('.preview-list > li');"
        " const before = getComputedStyle(card, '::before');"
        " const prompt = card.querySelector('legend, .prompt').getBoundingClientRect().top;"
        " return {position: before.position, content: before.content, top: before.top,"
        " offset: parseFloat(before.paddingTop), prompt: prompt - card.getBoundingClientRect().top,"
        " marker: getComputedStyle(card).listStyleType}; }"
    )
    assert number["marker"] == "none" and number["content"] == 'counter(preview) "."'
    assert number["position"] == "absolute" and number["top"] == "0px"
    assert abs(number["offset"] - number["prompt"]) <= 3  # level with the prompt, not the choices
