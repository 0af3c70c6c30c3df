"""What the live quiz tests share: the bank and questions they host, their start time, and a
form post with the page's CSRF token."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.helpers.web import csrf_token

LIVE_BANK = "kosovo-peacekeepers"
LIVE_SHORT = "mission-request"  # a short answer: "U.S. Central Command"
LIVE_CHOICE = "mission-request-choice"  # after LIVE_SHORT in the file
LIVE_T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def post_form(client, url, page="/live", **data):
    """POST ``data`` to ``url`` with the CSRF token of ``page`` (as a browser sends the form)."""
    token = csrf_token(client.get(page).get_data(as_text=True))
    return client.post(url, data={"csrf_token": token, **data})
