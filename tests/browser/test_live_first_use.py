"""A new teacher's and class's first live quiz, in Chromium (issue 19): what a first run-through
found. A refused typed answer stays on the phone with its message when the event stream's first
event arrives; the projector's lobby keeps the PIN and address clear of the QR code at 1920 px."""

from __future__ import annotations

from tests.browser.test_live_classroom import sign_in_and_join
from tests.helpers.browser import PHONE
from tests.helpers.web import csrf_token

BANK = "kosovo-peacekeepers"
NUMERIC = "platoon-seen"


def host_session(context, base: str, question: str) -> str:
    """Tina opens a lobby of one question by her context's requests; its projector's address."""
    token = csrf_token(context.request.get(f"{base}/login").text())
    context.request.post(
        f"{base}/login", form={"csrf_token": token, "username": "tina", "password": "correct-horse-battery"}
    )
    token = csrf_token(context.request.get(f"{base}/live/new/{BANK}").text())
    made = context.request.post(
        f"{base}/live/new/{BANK}",
        form={"csrf_token": token, "pick": "chosen", "question": question, "seconds": "600"},
        max_redirects=0,
    )
    assert made.status == 302, made.text()[:300]
    return (
        base + made.headers["location"]
        if made.headers["location"].startswith("/")
        else made.headers["location"]
    )


def test_a_refused_number_stays_with_its_message_when_the_stream_starts(app, people, live_server, browser):
    app.config["LIVE_STREAM_SECONDS"] = 10
    host_context = browser.new_context(viewport={"width": 1366, "height": 768})
    phone_context = browser.new_context(viewport=PHONE)
    try:
        host = host_context.new_page()
        host.goto(host_session(host_context, live_server, NUMERIC))
        pin = host.locator(".live-pin").inner_text().replace(" ", "")
        sign_in_and_join(phone_context, live_server, "sam", pin)
        with host.expect_navigation():
            host.keyboard.press("n")
        phone = phone_context.new_page()
        phone.goto(host.url.replace("/live/host/", "/live/"))
        phone.get_by_label("Your answer", exact=False).fill("about twenty")
        # the answer's refusal, then the stream's first event (the same state)
        with phone.expect_response(lambda r: r.url.endswith("/events")), phone.expect_navigation():
            phone.get_by_role("button", name="Send answer").click()
        phone.wait_for_timeout(1000)
        assert phone.locator(".error-summary").is_visible()
        assert phone.get_by_label("Your answer", exact=False).input_value() == "about twenty"
    finally:
        host_context.close()
        phone_context.close()


def test_the_lobby_keeps_the_pin_and_address_clear_of_the_qr_code_on_a_wide_screen(
    app, people, live_server, browser
):
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    try:
        page = context.new_page()
        page.goto(host_session(context, live_server, NUMERIC))
        for size in ({"width": 1920, "height": 1080}, {"width": 1366, "height": 768}):
            page.set_viewport_size(size)
            boxes = page.evaluate(
                "() => ['.live-pin', '.live-address', '.live-qr'].map((s) => {"
                " const e = document.querySelector(s); const r = e.getBoundingClientRect();"
                " return [r.right, r.left, e.scrollWidth <= e.clientWidth + 1]; })"
            )
            (pin_right, _, pin_fits), (address_right, _, address_fits), (_, qr_left, _) = boxes
            assert pin_right <= qr_left and address_right <= qr_left, (size, boxes)
            assert pin_fits and address_fits, (size, boxes)
    finally:
        context.close()
