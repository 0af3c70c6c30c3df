"""Helpers for the browser tests: waiting for a page load after a click, logging in, screenshots and
accessibility checks of every page visited."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from quizapp.core import load_bank_file
from tests.helpers.banks import ARTICLE_BANK

AXE = Path(__file__).resolve().parents[1] / "browser" / "vendor" / "axe.min.js"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


class Auditor:
    """Screenshots at phone and desktop width, and an axe-core check in the light and the dark
    theme, of every page visited."""

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
        for scheme in ("light", "dark"):
            self.violations += [f"{name} ({scheme}): {found}" for found in axe_problems(page, scheme)]


def axe_problems(page, scheme: str = "light") -> list[str]:
    """axe-core's serious and critical violations on the page in one colour scheme (style.css's
    prefers-color-scheme). Motion is off while axe looks, so that no colour is caught halfway
    through a transition; the page is left light and with motion, as a test expects it."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    page.emulate_media(color_scheme=scheme, reduced_motion="reduce")
    result = page.evaluate(
        "async () => JSON.stringify((await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})).violations)"
    )
    page.emulate_media(color_scheme="light", reduced_motion="no-preference")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} "
        f"{[node['target'] for node in violation['nodes']][:3]}"
        for violation in json.loads(result)
        if violation["impact"] in ("serious", "critical")
    ]


def click_through(page, target) -> None:
    """Click something that loads a new page, and wait until it has (not a moment before)."""
    with page.expect_navigation():
        target.click()


def log_in(page, base, username="sam"):
    page.goto(base + "/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("correct-horse-battery")
    click_through(page, page.get_by_role("button", name="Log in"))


def press_tab_until(page, predicate_js: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate_js):
            return
    pytest.fail(f"Tab never reached: {predicate_js}")


BANK = load_bank_file(ARTICLE_BANK).bank  # the article's bank, which the browser tests answer
CHROMIUM = os.environ.get("QUIZAPP_CHROMIUM", "/usr/bin/chromium")


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]


def browser_unavailable(reason: str) -> None:
    """Skip the test, or fail it where the browser tests are required (CI)."""
    if os.environ.get("QUIZAPP_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests required but {reason}")
    pytest.skip(f"{reason}; set QUIZAPP_REQUIRE_BROWSER=1 to make this a failure")
