"""The test page and the API read a typed numeric answer with one rule (issue 12: "32 soldiers")."""

from __future__ import annotations

import html
import re

import pytest

from tests.helpers.api import QUIZ, error_of
from tests.helpers.quizzes import answer, attempt_questions, start

QUESTION = "platoon-seen"  # answer: 32, unit: soldiers
MESSAGE = "Write the answer in digits, for example 250 or 1,250, with or without 'soldiers' after it"
# a number written right, followed by other words: the message names them
EXTRA_WORDS = {
    "32 apples": "Write the answer as a number alone (or the number and 'soldiers'), without 'apples'",
    "32 soldiers!": "Write the answer as a number alone (or the number and 'soldiers'), without 'soldiers!'",
}

# typed answer, whether it is read (else refused with MESSAGE), whether it is right
TABLE = [
    ("32", True, True),
    ("32 soldiers", True, True),  # the question's unit may follow the number (docs/scoring.md)
    ("32 Soldiers", True, True),
    ("32soldiers", True, True),
    ("  32  soldiers ", True, True),
    ("31 soldiers", True, False),
    ("32.000", True, True),
    ("3.2e1", True, True),
    ("thirty-two", True, True),  # number words up to 999,999 are numbers (docs/scoring.md)
    ("Thirty Two soldiers", True, True),
    ("thirty-one", True, False),
    ("32 thousand", False, False),  # digits and words mixed are not
    ("thirty-second", False, False),  # nor are ordinals
    ("32 apples", False, False),  # another word than the unit
    ("about 32", False, False),
    ("soldiers", False, False),
    ("32 soldiers!", False, False),
]


@pytest.mark.parametrize(("typed", "read", "right"), TABLE)
def test_page_and_api_agree_on_a_typed_number(both, app, typed, read, right):
    client, api, attempt = both
    through_api = api.put(f"/attempts/{attempt['id']}/answers/{QUESTION}", json={"response": typed})
    attempt_id = start(client, "practice", QUIZ)
    number = next(n for n, q in enumerate(attempt_questions(app, attempt_id), 1) if q.id == QUESTION)
    on_page = answer(client, attempt_id, number, {"number": typed})
    page = html.unescape(on_page.get_data(as_text=True))
    if read:
        assert through_api.status_code == 200 and through_api.get_json()["correct"] is right
        assert on_page.status_code in (200, 302) and MESSAGE not in page
        shown = client.get(f"/attempts/{attempt_id}/questions/{number}").get_data(as_text=True)
        assert ("verdict-right" in shown) is right
    else:
        message = EXTRA_WORDS.get(typed, MESSAGE)
        assert through_api.status_code == 400
        assert error_of(through_api)["message"].endswith(f": {message}.")
        assert on_page.status_code == 422 and f"{message}." in page
        assert re.search(r'value="[^"]*"', page)  # the typed text is kept for the student to fix
