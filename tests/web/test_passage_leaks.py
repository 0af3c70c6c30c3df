"""No student sees a question's marked passages (which may hold its answer, or another question's)
before the rule says so, on any path, for every question of the article bank, questions quoting
several passages included (issue 15; written by an attack review)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quizapp.core.answer_key import full_marks_response
from quizapp.core.model import AnswerVisibility
from tests.helpers.api import ApiClient, token_for
from tests.helpers.assignments import assigned_to_tinas_class_alone
from tests.helpers.quizzes import FrozenClock, answer, attempt_questions, form_fields, start, submit
from tests.helpers.web import login

BANK = "kosovo-peacekeepers"


def marked_ids(client, app) -> list[str]:
    """The questions of the bank whose passages the source page marks for ``client``."""
    from tests.helpers.api import bank_questions

    return [
        question_id
        for question_id in bank_questions(app)
        if "<mark" in client.get(f"/quizzes/{BANK}/source?q={question_id}").get_data(as_text=True)
    ]


def answer_everything(client, app, attempt_id: int) -> list:
    questions = attempt_questions(app, attempt_id)
    for number, question in enumerate(questions, start=1):
        answer(client, attempt_id, number, form_fields(question, full_marks_response(question)))
    return questions


def test_a_test_in_progress_marks_no_passage_of_any_question_even_those_answered_in_practice(
    client, app, people
):
    login(client, "sam")
    practice = start(client, "practice")
    answer_everything(client, app, practice)  # every question answered in practice (shown at once)
    assert marked_ids(client, app)  # the practice round shows them
    test = start(client, "test")  # ends the practice round
    answer_everything(client, app, test)
    assert marked_ids(client, app) == []
    api = ApiClient(app.test_client(), token_for(app.test_client(), "sam"))
    for attempt_id in (test, practice):  # the practice round, closed by the test's start, too
        body = api.get(f"/attempts/{attempt_id}").get_json()
        assert "sources" not in str(body) and "explanation" not in str(body), attempt_id
    practice_page = client.get(f"/attempts/{practice}/results").get_data(as_text=True)
    assert "<mark" not in practice_page and 'class="passage"' not in practice_page
    submit(client, test)
    assert marked_ids(client, app)  # after the submit, as after_submit says


@pytest.mark.parametrize("visibility", [AnswerVisibility.AFTER_DUE, AnswerVisibility.NEVER])
def test_a_held_back_test_marks_no_passage_on_the_source_page_results_or_api(
    client, app, people, monkeypatch, visibility
):
    clock = FrozenClock(monkeypatch)
    terms = {"show_answers": visibility, "study": False, "max_attempts": None}
    if visibility is AnswerVisibility.AFTER_DUE:
        terms |= {"due_at": clock.now + timedelta(days=1), "ends_at_close": True}
    assigned_to_tinas_class_alone(app, people, **terms)
    login(client, "sam")
    test = start(client, "test")
    answer_everything(client, app, test)
    submit(client, test)
    assert marked_ids(client, app) == []
    results = client.get(f"/attempts/{test}/results").get_data(as_text=True)
    assert "<mark" not in results and 'class="passage"' not in results
    api = ApiClient(app.test_client(), token_for(app.test_client(), "sam"))
    assert "sources" not in str(api.get(f"/attempts/{test}").get_json())


def test_practice_marks_a_passage_only_once_its_question_is_answered(client, app, people):
    login(client, "sam")
    practice = start(client, "practice")
    questions = attempt_questions(app, practice)
    assert marked_ids(client, app) == []
    first = questions[0]
    answer(client, practice, 1, form_fields(first, full_marks_response(first)))
    assert marked_ids(client, app) == ([first.id] if first.source_quotes else [])
