"""A live quiz in a classroom, in Chromium (issue 19): the host's projector page and 30 phones
(one browser, a context each) play three questions to the podium. The reveal's histogram is what
the players tapped; a player who reloads mid-question resumes; the player's lobby, question,
"answer received", reveal and end pass axe; the projector is keyboard-driven. Screenshots of the
projector (1366x768) and a phone (390 px), light and dark, go to test-artifacts/screenshots/live/."""

from __future__ import annotations

from collections import Counter

from quizapp.core.question_types import question_type
from quizapp.services import bank_library
from tests.helpers.assignments import add_students
from tests.helpers.browser import ARTIFACTS, PHONE, axe_problems
from tests.helpers.web import csrf_token

BANK = "kosovo-peacekeepers"
PLAYERS = 30
PROJECTOR = {"width": 1366, "height": 768}
SHOTS = ARTIFACTS / "live"
HISTOGRAM = """() => Array.from(document.querySelectorAll('.live-histogram li'), (li) => [
  Array.from(li.querySelector('.live-bar-label').childNodes)
    .filter((node) => !(node.classList && node.classList.contains('live-key')))
    .map((node) => node.textContent).join('').replace('Right answer: ', '').trim(),
  Number(li.querySelector('.live-bar-count').textContent)])"""


def one_tap_questions(app) -> list[str]:
    with app.app_context():
        bank = bank_library.bank(BANK)
        return [q.id for q in bank.questions if question_type(q.type).one_tap_input][:3]


def sign_in_and_join(context, base: str, username: str, pin: str) -> None:
    """Log in and join by the context's own requests (its cookies), not by pages: quick for 30."""
    token = csrf_token(context.request.get(f"{base}/login").text())
    context.request.post(
        f"{base}/login",
        form={"csrf_token": token, "username": username, "password": "correct-horse-battery"},
    )
    token = csrf_token(context.request.get(f"{base}/live").text())
    joined = context.request.post(f"{base}/live", form={"csrf_token": token, "pin": pin}, max_redirects=0)
    assert joined.status == 302, joined.text()[:500]


def wait_phase(page, phase: str, number: int | None = None) -> None:
    selector = f'#live-state .live-state[data-phase="{phase}"]'
    page.wait_for_selector(selector)
    if number is not None:
        page.wait_for_function(
            "([sel, n]) => (document.querySelector(sel + ' .eyebrow')?.textContent || '')"
            ".startsWith('Question ' + n + ' of')",
            arg=[selector, number],
        )


def shoot(page, name: str, size: dict) -> None:
    page.set_viewport_size(size)
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.screenshot(path=str(SHOTS / f"{name}-{scheme}.png"))
    page.emulate_media(color_scheme="light")


def assert_axe(page, state: str) -> None:
    found = [
        f"{state} ({scheme}): {problem}"
        for scheme in ("light", "dark")
        for problem in axe_problems(page, scheme)
    ]
    assert not found, "\n".join(found)


def test_a_class_of_thirty_plays_three_questions_to_the_podium(app, people, live_server, browser):
    app.config["LIVE_STREAM_SECONDS"] = 20  # streams stay open: each state reaches the phones at once
    SHOTS.mkdir(parents=True, exist_ok=True)
    names = [f"Player{n:02d}" for n in range(PLAYERS)]
    add_students(app, people.class_id, *names)
    questions = one_tap_questions(app)
    assert len(questions) == 3, "the bank needs three one-tap questions"
    contexts = []
    try:
        host_context = browser.new_context(viewport=PROJECTOR)
        host_context.set_default_timeout(15_000)
        contexts.append(host_context)
        host = host_context.new_page()
        sign_in = host_context.request
        token = csrf_token(sign_in.get(f"{live_server}/login").text())
        sign_in.post(
            f"{live_server}/login",
            form={"csrf_token": token, "username": "tina", "password": "correct-horse-battery"},
        )
        host.goto(f"{live_server}/live/new/{BANK}")
        host.get_by_label("Only the questions ticked below").check()
        host.evaluate(
            "(wanted) => document.querySelectorAll('input[name=question]').forEach("
            "(box) => { box.checked = wanted.includes(box.value); })",
            questions,
        )
        host.get_by_label("Seconds per question").fill("600")
        with host.expect_navigation():
            host.get_by_role("button", name="Open the lobby").click()
        pin = host.locator(".live-pin").inner_text().replace(" ", "")
        assert host.locator(".live-qr svg.live-qr-code path").count() == 1
        assert host.locator("#live-keys").is_visible()  # the keys are listed where JavaScript runs

        phones = []
        for name in names:
            context = browser.new_context(viewport=PHONE, bypass_csp=True)  # for axe
            context.set_default_timeout(15_000)
            contexts.append(context)
            sign_in_and_join(context, live_server, name.lower(), pin)
            phones.append(context.new_page())
        live_url = host.url.replace("/live/host/", "/live/")
        for phone in phones:
            phone.goto(live_url)
        for phone in phones:
            wait_phase(phone, "lobby")
        host.wait_for_function(f"document.querySelector('.live-count')?.textContent.startsWith('{PLAYERS} ')")
        shoot(host, "projector-lobby", PROJECTOR)
        first = phones[0]
        assert_axe(first, "lobby")

        for number in (1, 2, 3):
            with host.expect_navigation():
                host.keyboard.press("n" if number > 1 else "Space")  # start, then next
            wait_phase(host, "open", number)
            for phone in phones:
                wait_phase(phone, "open", number)
            if number == 1:
                assert_axe(first, "question")
                shoot(first, "phone-question", PHONE)
                shoot(host, "projector-question", PROJECTOR)
            expected: Counter[str] = Counter()
            for n, phone in enumerate(phones):
                if number == 2 and n == 1:  # reloads before answering: the question, unanswered
                    score_before = phone.locator(".live-score").inner_text()
                    phone.reload()
                    wait_phase(phone, "open", 2)
                    assert phone.locator(".live-score").inner_text() == score_before
                    assert phone.locator(".live-received").count() == 0
                buttons = phone.locator("button.live-tap")
                button = buttons.nth((n + number) % buttons.count())
                expected[button.locator("span").last.inner_text().strip()] += 1
                button.click(no_wait_after=True)
            for phone in phones:
                phone.wait_for_selector(".live-received")
            if number == 1:
                assert_axe(first, "answer received")
                shoot(first, "phone-received", PHONE)
            if number == 2:  # reloads after answering: the same question, answered, same score
                score_before = first.locator(".live-score").inner_text()
                first.reload()
                wait_phase(first, "open", 2)
                assert first.locator(".live-received").is_visible()
                assert first.locator(".live-score").inner_text() == score_before
            host.wait_for_function(f"document.querySelector('.live-answered')?.textContent === '{PLAYERS}'")
            with host.expect_navigation():
                host.keyboard.press("r")
            wait_phase(host, "revealed", number)
            shown = dict(host.evaluate(HISTOGRAM))
            assert {label: count for label, count in shown.items() if count} == dict(expected)
            for phone in phones:
                wait_phase(phone, "revealed", number)
            assert dict(first.evaluate(HISTOGRAM)) == shown
            assert (
                first.locator(".live-verdict").is_visible() and first.locator(".live-place-now").is_visible()
            )
            if number == 1:
                assert_axe(first, "reveal")
                shoot(first, "phone-reveal", PHONE)
                shoot(host, "projector-reveal", PROJECTOR)

        with host.expect_navigation():
            host.keyboard.press("n")  # after the last question: the podium
        wait_phase(host, "finished")
        assert host.locator(".live-podium li").count() >= 1
        shoot(host, "projector-podium", PROJECTOR)
        for phone in phones:
            wait_phase(phone, "finished")
        assert "You finished in place" in first.locator(".live-status").inner_text()
        assert_axe(first, "end")
        shoot(first, "phone-end", PHONE)
        with host.expect_navigation():
            host.get_by_role("link", name="The full results").click()
        assert host.locator(".live-report-question").count() == 3
        assert host.locator(".live-standings tbody tr").count() == PLAYERS
    finally:
        for context in contexts:
            context.close()
