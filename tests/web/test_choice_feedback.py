"""A choice's feedback (docs/question-format.md) is shown when a student picked it, with the
correct answer once that is due: on the page and through the API, never before."""

from __future__ import annotations

import re

import pytest

from tests.helpers.api import ApiClient, token_for
from tests.helpers.quizzes import answer, start, submit
from tests.helpers.web import login

BANK = "choices"
BANK_YAML = """\
title: Choices with feedback
settings:
  show_answers: {visibility}
questions:
  - id: where
    type: single
    prompt: Where was the platoon sent?
    choices:
      - Kuwait
      - text: Iraq
        feedback: Close to Kuwait, but the article names Kuwait.
    answer: Kuwait
"""
FEEDBACK = "Close to Kuwait, but the article names Kuwait."


def iraq(page: str) -> str:
    """The id of the choice "Iraq" on a question page."""
    return re.search(r'value="([^"]+)"> <label for="[^"]+">Iraq</label>', page).group(1)


@pytest.mark.only_bank(BANK, BANK_YAML.format(visibility="immediately"))
def test_practice_shows_the_picked_choices_feedback_with_the_answer(client, people):
    login(client, "sam")
    attempt_id = start(client, "practice", BANK)
    page = client.get(f"/attempts/{attempt_id}/questions/1").get_data(as_text=True)
    assert FEEDBACK not in page  # not before the answer
    assert answer(client, attempt_id, 1, {"choice": iraq(page)}).status_code == 302
    shown = client.get(f"/attempts/{attempt_id}/questions/1").get_data(as_text=True)
    assert "On your choice" in shown and FEEDBACK in shown


@pytest.mark.only_bank(BANK, BANK_YAML.format(visibility="after_submit"))
def test_a_tests_choice_feedback_comes_with_its_results(client, app, people):
    login(client, "sam")
    attempt_id = start(client, "test", BANK)
    page = client.get(f"/attempts/{attempt_id}/questions/1").get_data(as_text=True)
    assert answer(client, attempt_id, 1, {"choice": iraq(page)}, go="review").status_code == 302
    api = ApiClient(app.test_client(), token_for(app.test_client(), "sam"))
    assert "response_feedback" not in str(api.get(f"/attempts/{attempt_id}").get_json())
    submit(client, attempt_id)
    assert FEEDBACK in client.get(f"/attempts/{attempt_id}/results").get_data(as_text=True)
    [result] = api.get(f"/attempts/{attempt_id}").get_json()["results"]
    assert result["response_feedback"] == [FEEDBACK]
