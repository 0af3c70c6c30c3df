"""What to fix in a refused answer is said once, at the answer; the banner above only points to it
(issue 17: ordering and blanks said it twice, in the banner and inline)."""

from __future__ import annotations

import re

import pytest

from tests.helpers.quizzes import answer, attempt_questions, start


def refused(student, app, question_type: str, fields) -> str:
    attempt_id = start(student, "practice")  # every question: a test draws one of each group
    number, question = next(
        (n, q) for n, q in enumerate(attempt_questions(app, attempt_id), 1) if q.type.value == question_type
    )
    response = answer(student, attempt_id, number, fields(question))
    assert response.status_code == 422
    return response.get_data(as_text=True)


def banner(page: str) -> str:
    return re.search(r'<div class="error-summary" role="alert">(.*?)</div>', page, re.S).group(1)


@pytest.mark.parametrize(
    ("question_type", "fields", "message"),
    [
        (
            "ordering",
            lambda q: {f"position_{item.id}": "1" for item in q.answer.items},
            "Give each item a different position from 1 to",
        ),
        ("cloze", lambda q: {"blank_1": "x" * 201}, "Write at most 200 characters in blank 1."),
        ("single", lambda q: {}, "Answer the question first, or skip it."),
        (
            "short",
            lambda q: {},
            "Answer the question first, or skip it.",
        ),  # said nowhere but the banner before
    ],
)
def test_a_message_is_shown_once_at_the_answer_with_a_link_to_it_above(
    student, app, question_type, fields, message
):
    page = refused(student, app, question_type, fields)
    assert page.count(message) == 1
    assert message not in banner(page) and 'href="#answer-error"' in banner(page)
    at_the_answer = re.search(r'<p class="error" id="answer-error">(.*?)</p>', page, re.S).group(1)
    assert message in at_the_answer and page.count('id="answer-error"') == 1


def test_a_typed_field_is_described_by_its_message(student, app):
    page = refused(student, app, "numeric", lambda q: {"number": "a dozen"})
    assert 'aria-describedby="answer-error" aria-invalid="true"' in page
    assert page.count("Write the answer in digits") == 1  # the message at the field replaces the hint
    assert "Write the answer in digits" not in banner(page)
