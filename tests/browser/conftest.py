"""Browser tests: the app served on 127.0.0.1 in a thread, driven by Playwright in Debian's Chromium.

Chromium is found at $QUIZAPP_CHROMIUM or /usr/bin/chromium (`apt-get install chromium`).
Without it these tests are skipped, unless QUIZAPP_REQUIRE_BROWSER=1 (set in CI), where a
missing browser is a failure.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

CHROMIUM = os.environ.get("QUIZAPP_CHROMIUM", "/usr/bin/chromium")
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]


def _unavailable(reason: str) -> None:
    if os.environ.get("QUIZAPP_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests required but {reason}")
    pytest.skip(f"{reason}; set QUIZAPP_REQUIRE_BROWSER=1 to make this a failure")


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed (pip install -e '.[test]')")
    if not Path(CHROMIUM).exists():
        _unavailable(f"Chromium is not at {CHROMIUM} (apt-get install chromium)")
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


class Auditor:
    """Screenshots at phone and desktop width, and an axe-core check, of every page visited."""

    def __init__(self) -> None:
        self.violations: list[str] = []
        ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def look(self, page, name: str, accessibility: bool = True) -> None:
        """Screenshots, and unless told not to (pages without JavaScript cannot run axe), axe."""
        page.wait_for_load_state("load")
        for label, size in (("phone", PHONE), ("desktop", DESKTOP)):
            page.set_viewport_size(size)
            page.screenshot(path=str(ARTIFACTS / f"{name}-{label}.png"), full_page=True)
        page.set_viewport_size(DESKTOP)
        if not accessibility:
            return
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "async () => JSON.stringify((await axe.run(document, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})).violations)"
        )
        for violation in json.loads(result):
            if violation["impact"] in ("serious", "critical"):
                targets = [node["target"] for node in violation["nodes"]][:3]
                self.violations.append(
                    f"{name}: {violation['id']} ({violation['impact']}): {violation['help']} {targets}"
                )


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


def click_through(page, target) -> None:
    """Click something that loads a new page, and wait until it has (not a moment before)."""
    with page.expect_navigation():
        target.click()
