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
    assert "On your answer" in shown and FEEDBACK in shown


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


TYPED_BANK = "typed"
TYPED_YAML = """\
title: Typed answers with feedback
settings:
  show_answers: {visibility}
questions:
  - id: amphibian
    type: short
    prompt: Name an amphibian.
    accept:
      - {{text: Frog, feedback: "Frogs croak."}}
      - Toad
    reject:
      - {{text: Cat, feedback: "Cats meow; they are no amphibians."}}
    feedback:
      wrong: "Amphibians live on land and in water."
  - id: platoon
    type: numeric
    prompt: How many soldiers?
    answer: 32
    feedback: {{right: "Counted well.", wrong: "Count the soldiers again."}}
  - id: kuwait
    type: true_false
    prompt: The platoon went to Kuwait.
    answer: true
    feedback: {{right: "Yes, to Kuwait.", wrong: "The article opens with Kuwait."}}
"""


@pytest.mark.only_bank(TYPED_BANK, TYPED_YAML.format(visibility="immediately"))
def test_practice_shows_a_typed_answers_feedback_after_answering(client, people):
    login(client, "sam")
    attempt_id = start(client, "practice", TYPED_BANK)
    pages = {}
    for number in (1, 2, 3):
        page = client.get(f"/attempts/{attempt_id}/questions/{number}").get_data(as_text=True)
        assert "On your answer" not in page  # nothing before the answer
        pages[number] = page
    given = {"Name an amphibian.": {"text": "cat"}, "How many soldiers?": {"number": "32"}}
    expected = {
        "Name an amphibian.": "Cats meow; they are no amphibians.",
        "How many soldiers?": "Counted well.",
        "The platoon went to Kuwait.": "The article opens with Kuwait.",
    }
    for number, page in pages.items():
        prompt = next(prompt for prompt in expected if prompt in page)
        for text in expected.values():
            assert text not in page
        fields = given.get(prompt, {"truth": "false"})
        assert answer(client, attempt_id, number, fields).status_code == 302
        shown = client.get(f"/attempts/{attempt_id}/questions/{number}").get_data(as_text=True)
        assert "On your answer" in shown and expected[prompt] in shown
        others = [text for key, text in expected.items() if key != prompt]
        assert not any(text in shown for text in others)


@pytest.mark.only_bank(TYPED_BANK, TYPED_YAML.format(visibility="after_submit"))
def test_a_tests_typed_answer_feedback_comes_with_its_results_and_through_the_api(client, app, people):
    login(client, "sam")
    attempt_id = start(client, "test", TYPED_BANK)
    api = ApiClient(app.test_client(), token_for(app.test_client(), "sam"))
    for number in (1, 2, 3):
        page = client.get(f"/attempts/{attempt_id}/questions/{number}").get_data(as_text=True)
        fields = (
            {"text": "Lizard"}
            if "amphibian" in page
            else {"number": "40"}
            if "soldiers" in page
            else {"truth": "true"}
        )
        assert answer(client, attempt_id, number, fields, go="review").status_code == 302
    assert "response_feedback" not in str(api.get(f"/attempts/{attempt_id}").get_json())
    assert "Amphibians live on land" not in client.get(f"/attempts/{attempt_id}/review").get_data(
        as_text=True
    )
    submit(client, attempt_id)
    results = client.get(f"/attempts/{attempt_id}/results").get_data(as_text=True)
    for text in (
        "Amphibians live on land and in water.",
        "Count the soldiers again.",
        "Yes, to Kuwait.",
    ):
        assert text in results
    feedback = {
        r["question_id"]: r["response_feedback"]
        for r in api.get(f"/attempts/{attempt_id}").get_json()["results"]
    }
    assert feedback == {
        "amphibian": ["Amphibians live on land and in water."],
        "platoon": ["Count the soldiers again."],
        "kuwait": ["Yes, to Kuwait."],
    }
