"""A new teacher's and class's first live quiz, in Chromium (issue 19): what a first run-through
found. A refused typed answer stays on the phone with its message when the event stream's first
event arrives; the projector's lobby keeps the PIN and address clear of the QR code at 1920 px."""

from __future__ import annotations

from tests.browser.test_live_classroom import PROJECTOR, SHOTS, shoot, sign_in_and_join
from tests.helpers.assignments import add_students
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


REVEALED = "mission-destination"  # four options, a two-line passage, a line of explanation


def test_the_reveal_fits_a_projector_with_lettered_bars_the_leaderboard_and_next(
    app, people, live_server, browser
):
    """At 1366x768 the whole reveal (the bars, the answer, the passage, the top 5 and Next) is on
    the screen; each bar has its option's letter as the question showed it; at 390 px nothing
    runs off the side. Screenshots go to test-artifacts/screenshots/live/reveal-*.png."""
    app.config["LIVE_STREAM_SECONDS"] = 10
    SHOTS.mkdir(parents=True, exist_ok=True)
    add_students(app, people.class_id, "Ada", "Bo", "Cy", "Di", "Ed")
    host_context = browser.new_context(viewport=PROJECTOR)
    contexts = [host_context]
    try:
        host = host_context.new_page()
        host.goto(host_session(host_context, live_server, REVEALED))
        pin = host.locator(".live-pin").inner_text().replace(" ", "")
        phones = []
        for username in ("sam", "sara", "ada", "bo", "cy", "di", "ed"):
            context = browser.new_context(viewport=PHONE)
            contexts.append(context)
            sign_in_and_join(context, live_server, username, pin)
            phones.append(context)
        with host.expect_navigation():
            host.keyboard.press("n")
        asked = host.locator(".live-options li").all_inner_texts()
        assert len(asked) == 4
        for n, context in enumerate(phones[:4]):
            phone = context.new_page()
            phone.goto(host.url.replace("/live/host/", "/live/"))
            with phone.expect_navigation():
                phone.locator(".live-tap").nth(n % 4).click()
            assert "Your answer is in" in phone.locator(".live-received").inner_text()
        with host.expect_navigation():
            host.keyboard.press("r")
        bars = host.locator(".live-histogram li .live-bar-label").all_inner_texts()
        assert [" ".join(bar.split()).replace("Right answer: ", "") for bar in bars] == [
            " ".join(option.split()) for option in asked
        ]  # "A Europe's youngest..." on both
        assert host.locator(".live-leaderboard li").count() == 5
        for size in (PROJECTOR, {"width": 1920, "height": 1080}):
            host.set_viewport_size(size)
            bottoms = host.evaluate(
                "() => ['.live-leaderboard', 'button[data-action=next]', '.live-histogram', '.live-passage:last-of-type', '.live-explanation']"
                ".map((s) => document.querySelector(s).getBoundingClientRect().bottom)"
            )
            shoot(host, f"reveal-{size['width']}x{size['height']}", size)
            assert max(bottoms) <= size["height"], (size, bottoms)
        host.set_viewport_size(PHONE)
        assert host.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        shoot(host, "reveal-390", PHONE)
    finally:
        for context in contexts:
            context.close()


def test_a_tap_moves_the_focus_without_a_ring_and_a_key_with_one(app, people, live_server, browser):
    """The state's focus after an answer: no ring on a touch screen, the ring for a keyboard."""
    host_context = browser.new_context(viewport=PROJECTOR)
    touch = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    keys = browser.new_context(viewport=PHONE)
    try:
        host = host_context.new_page()
        host.goto(host_session(host_context, live_server, REVEALED))
        pin = host.locator(".live-pin").inner_text().replace(" ", "")
        sign_in_and_join(touch, live_server, "sam", pin)
        sign_in_and_join(keys, live_server, "sara", pin)
        with host.expect_navigation():
            host.keyboard.press("n")
        ring = (
            "() => [document.activeElement.className, getComputedStyle(document.activeElement).outlineStyle]"
        )
        phone = touch.new_page()
        phone.goto(host.url.replace("/live/host/", "/live/"))
        with phone.expect_navigation():
            phone.locator(".live-tap").first.tap()
        phone.wait_for_function("() => document.activeElement.matches('[data-focus]')")
        assert phone.evaluate(ring) == ["live-status live-received", "none"]
        typist = keys.new_page()
        typist.goto(host.url.replace("/live/host/", "/live/"))
        typist.wait_for_function("() => document.activeElement.matches('[data-focus]')")
        typist.keyboard.press("Tab")
        with typist.expect_navigation():
            typist.keyboard.press("Enter")
        typist.wait_for_function("() => document.activeElement.matches('[data-focus]')")
        assert typist.evaluate(ring) == ["live-status live-received", "solid"]
    finally:
        for context in (host_context, touch, keys):
            context.close()
