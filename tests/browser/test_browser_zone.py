"""A student who has chosen no time zone reads due dates in their browser's (issue 17 review): the
login form sends it (``static/browser_zone.js``, allowed by the CSP), the account keeps it."""

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
