"""Browser tests: the app served on 127.0.0.1 in a thread, driven by Playwright in Debian's Chromium.

Chromium is found at $QUIZAPP_CHROMIUM or /usr/bin/chromium (`apt-get install chromium`).
Without it these tests are skipped, unless QUIZAPP_REQUIRE_BROWSER=1 (set in CI), where a
missing browser is a failure.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.helpers.banks import assign_every_bank
from tests.helpers.browser import CHROMIUM, CHROMIUM_ARGS, DESKTOP, Auditor, browser_unavailable


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        browser_unavailable("Playwright is not installed (pip install -e '.[test]')")
    if not Path(CHROMIUM).exists():
        browser_unavailable(f"Chromium is not at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def live_server(app) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def auditor() -> Auditor:
    return Auditor()


@pytest.fixture
def new_page(browser):
    contexts = []

    def make(**options):
        context = browser.new_context(viewport=DESKTOP, bypass_csp=True, **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


FOUR_QUESTIONS = """
title: Four questions
settings: {shuffle_questions: false, shuffle_choices: false, show_answers: immediately}
questions:
  - {id: where, type: single, prompt: Where was the platoon sent?, choices: [Iraq, Kuwait], answer: Kuwait,
     explanation: The article opens with it.}
  - {id: who, type: short, prompt: Which alliance ran the air campaign?, accept: [NATO], tags: [history]}
  - {id: when, type: short, prompt: In which year did Kosovo declare independence?, accept: ["2008"], tags: [history]}
  - {id: how-many, type: numeric, prompt: How many soldiers lined up?, answer: 32, tags: [mission]}
"""


@pytest.fixture
def four_questions(questions_dir, app):
    (questions_dir / "four-questions.yaml").write_text(FOUR_QUESTIONS)
    assign_every_bank(app)
    return "/quizzes/four-questions"
