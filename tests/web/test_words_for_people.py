"""Pages speak to the people who read them: a student reads no developer words (FSRS, UTC
talk, file names, docs/*.md, the API), a teacher's pages name no document the app does not
serve, and a saved practice answer says when its right answer will be shown."""

from __future__ import annotations

import html
import re

import pytest

from tests.helpers.quizzes import answer_correctly, start, submit
from tests.helpers.web import login

DEVELOPER_WORDS = re.compile(r"FSRS|counted in UTC|\.yaml\b|docs/|\.md\b|\bAPI\b|\bslug\b")
UNSERVED_DOCS = re.compile(r"docs/[\w-]+\.md")


def text_of(page: str) -> str:
    """What a reader sees: no scripts, no tags, and not the bank file in the editor's text box."""
    page = re.sub(r"<(script|style|textarea)[^>]*>.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def pages_of(client, start_urls: list[str], limit: int = 60) -> dict[str, str]:
    """The pages reachable from ``start_urls`` by the links on them (no downloads, no logout)."""
    seen: set[str] = set()
    todo, found = list(start_urls), {}
    while todo and len(seen) < limit:
        url = todo.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        page = response.get_data(as_text=True)
        found[url] = page
        for link in re.findall(r'href="(/[^"#]*)"', page):
            link = html.unescape(link)
            # a bank's question forms are one page of one kind, a link a question: their "Add a
            # question" form stands for them, so that a crawl reaches every kind of page
            if not re.search(
                r"static|export|\.(csv|xlsx|json|apkg|txt)\b|study\?|reverse=|/questions/[^/]+/edit", link
            ):
                todo.append(link)
    return found


def test_a_students_pages_use_no_developer_words(student, app):
    attempt_id = start(student, "test")
    answer_correctly(student, app, attempt_id, 1)
    submit(student, attempt_id)
    start(student, "practice")
    pages = pages_of(student, ["/", "/progress"])
    assert {"/", "/progress", "/decks/kosovo-peacekeepers", f"/attempts/{attempt_id}/results"} <= set(pages)
    assert "/api/v1/docs" not in pages  # no link to it
    for url, page in pages.items():
        found = DEVELOPER_WORDS.findall(text_of(page))
        assert not found, (url, found)


def test_a_teachers_pages_name_no_document_the_app_does_not_serve(teacher, app, results):
    pages = pages_of(teacher, ["/"], limit=80)
    assert "/api/v1/docs" in pages  # teachers have the API's reference, which the app serves
    assert any("/report" in url for url in pages) and any("/banks/" in url for url in pages)
    for url, page in pages.items():
        if url != "/api/v1/docs":  # the reference for developers, who have the repository's docs/
            assert not UNSERVED_DOCS.search(text_of(page)), url


def test_the_api_link_is_for_teachers(client, people):
    assert "/api/v1/docs" not in client.get("/login").get_data(as_text=True)
    login(client, "sam")
    assert "/api/v1/docs" not in client.get("/").get_data(as_text=True)
    teacher = client.application.test_client()
    login(teacher, "tina")
    assert '<a href="/api/v1/docs">API for developers</a>' in teacher.get("/").get_data(as_text=True)


BANK = "choices"
BANK_YAML = """\
title: Choices
settings:
  show_answers: {visibility}
questions:
  - id: where
    type: single
    prompt: Where was the platoon sent?
    choices: [Kuwait, Iraq]
    answer: Kuwait
  - id: when
    type: true_false
    prompt: The platoon left in 2026.
    answer: true
"""


def saved_practice_answer(client, app) -> str:
    login(client, "sam")
    attempt_id = start(client, "practice", BANK)
    assert answer_correctly(client, app, attempt_id, 1).status_code == 302
    return text_of(client.get(f"/attempts/{attempt_id}/questions/1").get_data(as_text=True))


@pytest.mark.only_bank(BANK, BANK_YAML.format(visibility="after_submit"))
def test_a_saved_practice_answer_says_the_answers_show_at_the_finish(client, app, people):
    page = saved_practice_answer(client, app)
    assert "Your answer is saved. You’ll see the right answers when you finish the round." in page


@pytest.mark.only_bank(BANK, BANK_YAML.format(visibility="never"))
def test_a_saved_practice_answer_says_a_bank_that_never_shows_them_does_not(client, app, people):
    page = saved_practice_answer(client, app)
    assert (
        "You’ll see your score when you finish the round; this quiz does not show the right answers." in page
    )
    assert "when you finish the round." not in page.replace("finish the round;", "")


@pytest.mark.only_bank(BANK, BANK_YAML.format(visibility="immediately"))
def test_a_practice_answer_shown_at_once_needs_no_such_words(client, app, people):
    page = saved_practice_answer(client, app)
    assert "Your answer is saved" not in page and "Correct" in page
