"""A typed answer's text is plain: "*args" (written ``\\*args`` in the bank) is accepted only with its
"*", "__init__" only with its underscores (symbols count when an answer has one), and "__init__" is
shown as written, on the page and through the API (issue 16)."""

from __future__ import annotations

import pytest

from tests.helpers.api import ApiClient, token_for
from tests.helpers.quizzes import answer, attempt_questions, start
from tests.helpers.web import login

BANK = "python-terms"
BANK_YAML = r"""
title: Python terms
settings:
  show_answers: immediately
questions:
  - id: star
    type: short
    prompt: Which parameter collects extra positional arguments?
    accept: ['\*args']
    typos: true
  - id: init
    type: short
    prompt: Which method initializes a new object?
    accept: [__init__]
"""
pytestmark = pytest.mark.only_bank(BANK, BANK_YAML)


def number_of(app, attempt_id: int, question_id: str) -> int:
    questions = attempt_questions(app, attempt_id)
    return next(n for n, q in enumerate(questions, 1) if q.id == question_id)


@pytest.mark.parametrize(("typed", "right"), [("*args", True), ("* ARGS", True), ("args", False)])
def test_a_literal_star_must_be_typed_on_the_page_and_through_the_api(client, app, people, typed, right):
    login(client, "sam")
    attempt_id = start(client, "practice", BANK)
    number = number_of(app, attempt_id, "star")
    assert answer(client, attempt_id, number, {"text": typed}).status_code in (200, 302)
    shown = client.get(f"/attempts/{attempt_id}/questions/{number}").get_data(as_text=True)
    assert ("verdict-right" in shown) is right
    assert "<dt>Correct answer</dt><dd>*args</dd>" in shown  # as written, no backslash

    api = ApiClient(app.test_client(), token_for(app.test_client(), "sam"))
    attempt = api.post(f"/quizzes/{BANK}/attempts", json={"mode": "practice"}).get_json()
    through_api = api.put(f"/attempts/{attempt['id']}/answers/star", json={"response": typed})
    assert through_api.status_code == 200
    assert through_api.get_json()["correct"] is right


def test_the_correct_answer_of_a_short_question_is_shown_as_written(client, app, people):
    login(client, "sam")
    attempt_id = start(client, "practice", BANK)
    number = number_of(app, attempt_id, "init")
    assert answer(client, attempt_id, number, {"text": "constructor"}).status_code in (200, 302)
    shown = client.get(f"/attempts/{attempt_id}/questions/{number}").get_data(as_text=True)
    assert "verdict-wrong" in shown
    assert "<dt>Correct answer</dt><dd>__init__</dd>" in shown  # not bold "init"
    assert "<strong>init</strong>" not in shown


@pytest.mark.parametrize(
    ("typed", "right"), [("__init__", True), ("__INIT__()", True), ("init", False), ("_init_", False)]
)
def test_the_symbols_of_an_answer_must_be_typed_on_the_page_and_through_the_api(
    client, app, people, typed, right
):
    login(client, "sam")
    attempt_id = start(client, "practice", BANK)
    number = number_of(app, attempt_id, "init")
    assert answer(client, attempt_id, number, {"text": typed}).status_code in (200, 302)
    shown = client.get(f"/attempts/{attempt_id}/questions/{number}").get_data(as_text=True)
    assert ("verdict-right" in shown) is right
    assert ("verdict-wrong" in shown) is not right

    api = ApiClient(app.test_client(), token_for(app.test_client(), "sam"))
    attempt = api.post(f"/quizzes/{BANK}/attempts", json={"mode": "practice"}).get_json()
    through_api = api.put(f"/attempts/{attempt['id']}/answers/init", json={"response": typed})
    assert through_api.status_code == 200
    assert through_api.get_json()["correct"] is right


def test_the_quiz_page_of_a_bank_without_a_source_promises_no_passage(client, people):
    """An imported bank has no source text: practice shows the correct answer, not a passage."""
    login(client, "sam")
    page = client.get(f"/quizzes/{BANK}").get_data(as_text=True)
    assert "with the correct answer right after each answer" in page
    assert "passage" not in page
