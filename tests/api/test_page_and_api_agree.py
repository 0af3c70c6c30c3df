"""The test page and the API accept and refuse the same answers, for every question type: both
go through one rule (``core.checkers.accept_new_response``), and store the same response (a
typed answer trimmed by that rule, not by the page alone: the API stored "  3000  " as sent,
and refused a short answer of 1,000 characters between two spaces that the page took)."""

from __future__ import annotations

from typing import Any

import pytest

from quizapp.core.answer_key import full_marks_response
from quizapp.core.model import Question, QuestionType
from tests.helpers.quizzes import answer, form_fields, wrong_response

REFUSED, ACCEPTED = False, True


class RawJson(str):
    """A response sent as this JSON text as it is: Python's json would write a number as a float
    first, and a float cannot hold ``5000.0000000000001``."""


WRITTEN_NUMBERS = [
    ("1e0001", REFUSED),  # an exponent of 4 digits: the page takes 3
    ("5e0003", REFUSED),
    ("5000e0000", REFUSED),
    ("0." + "0" * 200 + "5e204", REFUSED),  # longer than the field
    ("5." + "0" * 60 + "1e3", ACCEPTED),
    ("5." + "0" * 60 + "1e-40", ACCEPTED),
    ("1e40", ACCEPTED),
    ("-0", ACCEPTED),
    ("50.00e+002", ACCEPTED),
]


def cases(question: Question) -> list[tuple[str, Any, dict[str, Any], bool]]:
    """(what, the API's JSON response, the page's posted fields, accepted?) for ``question``."""
    right, wrong = full_marks_response(question), wrong_response(question)
    table = [
        ("right", right, form_fields(question, right), ACCEPTED),
        ("wrong", wrong, form_fields(question, wrong), ACCEPTED),
    ]
    spec = question.answer
    match question.type:
        case QuestionType.SINGLE:
            table += [("unknown choice", "c-nope", {"choice": "c-nope"}, REFUSED)]
        case QuestionType.MULTIPLE:
            table += [
                ("one right choice", right[:1], {"choices": right[:1]}, ACCEPTED),
                ("an unknown choice", [*right, "c-nope"], {"choices": [*right, "c-nope"]}, REFUSED),
            ]
        case QuestionType.TRUE_FALSE:
            table += [
                ("TRUE in capitals", "TRUE", {"truth": "TRUE"}, ACCEPTED),
                ("maybe", "maybe", {"truth": "maybe"}, REFUSED),
            ]
        case QuestionType.NUMERIC:
            unit = f" {spec.unit}" if spec.unit else ""
            padded = f"{' ' * 99}{right}{unit}  "  # longer than its field only before it is trimmed
            table += [
                ("with its unit", f"{right}{unit}", {"number": f"{right}{unit}"}, ACCEPTED),
                ("between spaces", padded, {"number": padded}, ACCEPTED),
                ("in words", "thirty-two", {"number": "thirty-two"}, ACCEPTED),
                ("digits and words", "32 thousand", {"number": "32 thousand"}, REFUSED),
                ("another word after it", f"{right} apples", {"number": f"{right} apples"}, REFUSED),
                ("longer than its field", "1" * 101, {"number": "1" * 101}, REFUSED),
                ("an exponent too large to write out", RawJson("1e-99999"), {"number": "1e-99999"}, REFUSED),
            ]
            # a JSON number is read from the text it was written as, as the page reads what was
            # typed: rebuilt from its value, 1e0001 was "10" (accepted) and -0 was "0"
            for token, accepted in WRITTEN_NUMBERS:
                table += [(f"the JSON number {token[:20]}", RawJson(token), {"number": token}, accepted)]
            if spec.value is not None:  # more digits than a float holds: the API must not round them
                close = format(spec.value, "f") + ("" if "." in format(spec.value, "f") else ".")
                close += "0000000000000001"
                table += [("a JSON number a float would round", RawJson(close), {"number": close}, ACCEPTED)]
        case QuestionType.SHORT:
            table += [
                ("as long as its field", "x" * 1000, {"text": "x" * 1000}, ACCEPTED),
                ("between spaces", f"  {right}  ", {"text": f"  {right}  "}, ACCEPTED),
                (
                    "longer than its field before it is trimmed",
                    f"{right}{' ' * 1000}",
                    {"text": f"{right}{' ' * 1000}"},
                    ACCEPTED,
                ),
                ("longer than its field", "x" * 1001, {"text": "x" * 1001}, REFUSED),
            ]
        case QuestionType.CLOZE:
            some = [right[0]] + [""] * (len(right) - 1)
            long = ["x" * 201, *right[1:]]
            padded = [f"{' ' * 200}{right[0]} ", *right[1:]]  # longer than its field before trimming
            table += [
                ("some blanks", some, form_fields(question, some), ACCEPTED),
                ("a blank longer than its field", long, form_fields(question, long), REFUSED),
                ("a blank between spaces", padded, form_fields(question, padded), ACCEPTED),
            ]
        case QuestionType.ORDERING:
            table += [("one item placed", right[:1], {f"position_{right[0]}": "1"}, REFUSED)]
        case QuestionType.MATCHING:
            first = next(iter(right))
            table += [
                ("one pair", {first: right[first]}, {f"match_{first}": right[first]}, ACCEPTED),
                ("an unknown match", {first: "r-nope"}, {f"match_{first}": "r-nope"}, REFUSED),
            ]
    return table


@pytest.mark.ungrouped  # so that the test asks every question (every type)
def test_the_page_and_the_api_accept_and_refuse_the_same_answers(one_test):
    client, api, attempt_id, questions = one_test
    assert {question.type for question in questions} >= set(QuestionType)
    tried = set()
    first_of_each_type = {
        question.type: number for number, question in reversed(list(enumerate(questions, 1)))
    }
    for number in sorted(first_of_each_type.values()):
        question = questions[number - 1]
        for what, response, fields, accepted in cases(question):
            url = f"/attempts/{attempt_id}/answers/{question.id}"
            if isinstance(response, RawJson):
                body = f'{{"response": {response}}}'
                through_api = api.put(url, data=body, content_type="application/json")
            else:
                through_api = api.put(url, json={"response": response})
            stored_by_api = api.get(f"/attempts/{attempt_id}").get_json()["answers"].get(question.id)
            on_page = answer(client, attempt_id, number, fields, go="next")
            stored_by_page = api.get(f"/attempts/{attempt_id}").get_json()["answers"].get(question.id)
            outcome = (question.type, what, through_api.status_code, on_page.status_code)
            tried.add((question.type, accepted))
            assert (through_api.status_code == 200) is accepted, outcome
            assert (on_page.status_code == 302) is accepted and on_page.status_code in (302, 422), outcome
            if accepted:
                assert stored_by_page == stored_by_api, (outcome, stored_by_page, stored_by_api)
    assert tried >= {(kind, ACCEPTED) for kind in QuestionType}
    assert tried >= {(kind, REFUSED) for kind in QuestionType}
