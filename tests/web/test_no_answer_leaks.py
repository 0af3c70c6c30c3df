"""Before an answer is due, nothing a student can load holds it: not the text, not a flag."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest

from quizapp.core.answer_key import full_marks_response
from quizapp.core.model import AnswerVisibility, QuestionType
from quizapp.core.question_types import present
from quizapp.core.text_matching import normalize
from tests.helpers.api import ApiClient, token_for
from tests.helpers.assignments import assigned_to_tinas_class_alone
from tests.helpers.quizzes import (
    FrozenClock,
    answer,
    attempt_questions,
    attempt_seed,
    form_fields,
    start,
    submit,
)
from tests.helpers.web import login

FORBIDDEN_MARKERS = ("Correct answer", "verdict", "data-correct", "Incorrect", "explanation", "<mark>")


def visible_text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def question_area(page: str) -> str:
    match = re.search(r'<fieldset class="question".*?</fieldset>', page, re.DOTALL)
    assert match, "no question on the page"
    return match.group(0)


def answer_words(question) -> list[str]:
    """Texts that would give the answer away if they appeared in the question's own area."""
    spec = question.answer
    match question.type:
        case QuestionType.SHORT:
            return [a for a in spec.accepted if "*" not in a]
        case QuestionType.CLOZE:
            return [a for blank in spec.blanks for a in blank.accepted]
        case QuestionType.NUMERIC:
            return [str(value) for value in (spec.value, spec.minimum, spec.maximum) if value is not None]
    return []


@pytest.mark.parametrize("mode", ["test", "practice"])
def test_no_page_of_an_open_attempt_leaks_answers(client, app, people, mode):
    login(client, "sam")
    attempt_id = start(client, mode)
    questions = attempt_questions(app, attempt_id)
    seed = attempt_seed(app, attempt_id)
    pages = {"/": client.get("/"), "/quizzes/kosovo-peacekeepers": client.get("/quizzes/kosovo-peacekeepers")}
    if mode == "test":
        pages["review"] = client.get(f"/attempts/{attempt_id}/review")
    for url, response in pages.items():
        assert response.status_code == 200, url
        body = response.get_data(as_text=True)
        for question in questions:
            assert question.explanation not in body, (url, question.id)
    for number, question in enumerate(questions, start=1):
        response = client.get(f"/attempts/{attempt_id}/questions/{number}")
        assert response.status_code == 200
        page = response.get_data(as_text=True)
        main = page.split("<main", 1)[1]
        for marker in FORBIDDEN_MARKERS:
            assert marker not in main, (question.id, marker)
        assert question.explanation not in page, question.id
        for quote in question.source_quotes:
            if quote not in question.prompt:
                assert quote not in page, (question.id, quote)
        area = normalize(visible_text(question_area(page)))
        for word in answer_words(question):
            assert not re.search(rf"\b{re.escape(normalize(word))}\b", area), (question.id, word)
        if question.type is QuestionType.ORDERING:
            # The attempt's shuffle, not the key's order (which the shuffle gives 1 time in n!, as
            # likely as any other order: core/question_types/ordering.py says why).
            shown = re.findall(r'<label for="position_[^"]+">([^<]+)</label>', page)
            shuffled = [option.text for option in present(question, seed).items]
            assert [html.unescape(t) for t in shown] == shuffled, question.id
        assert "correct" not in re.sub(r">[^<]*<", "><", question_area(page)).lower(), question.id


def test_flashcard_back_and_answer_key_are_not_reachable_by_students(client, people):
    login(client, "sam")
    assert client.get("/quizzes/kosovo-peacekeepers/answer-key").status_code == 404
    for url in (
        "/banks/kosovo-peacekeepers/answer-key",
        "/banks/kosovo-peacekeepers/export.gift",
        "/banks/kosovo-peacekeepers/export.apkg",
    ):
        response = client.get(url)
        assert response.status_code == 403 and b"Kuwait" not in response.data


def test_a_submitted_after_due_test_leaks_no_answer_before_the_due_time(client, app, people, monkeypatch):
    """A test under an assignment that shows answers after the due time, answered in full and
    submitted: until the due time no page or API answer the student can load holds its answers
    or says which were right."""
    clock = FrozenClock(monkeypatch)
    due = clock.now + timedelta(hours=3)
    terms = {"show_answers": AnswerVisibility.AFTER_DUE, "due_at": due, "study": False, "ends_at_close": True}
    assigned_to_tinas_class_alone(app, people, **terms)
    login(client, "sam")
    attempt_id = start(client, "test")
    questions = attempt_questions(app, attempt_id)
    for number, question in enumerate(questions, start=1):
        answer(client, attempt_id, number, form_fields(question, full_marks_response(question)))
    submit(client, attempt_id)
    clock.advance(hours=2, minutes=59)
    api = ApiClient(app.test_client(), token_for(app.test_client(), "sam"))
    pages = {
        url: client.get(url)
        for url in (
            "/",
            "/quizzes/kosovo-peacekeepers",
            f"/attempts/{attempt_id}/results",
            "/progress",
        )
    }
    pages |= {
        "api attempt": api.get(f"/attempts/{attempt_id}"),
        "api submit again": api.post(f"/attempts/{attempt_id}/submit"),
        "api progress": api.get("/me/progress"),
    }
    for url, response in pages.items():
        assert response.status_code == 200, url
        body = response.get_data(as_text=True)
        main = body.split("<main", 1)[1] if "<main" in body else body
        for marker in (*FORBIDDEN_MARKERS, "Correct", "correct_answer", '"correct"', "weakest"):
            assert marker not in main, (url, marker)
        for question in questions:
            assert not question.explanation or question.explanation not in body, (url, question.id)
    for question in questions:  # the article may be read; where each answer is, is not marked
        source = client.get(f"/quizzes/kosovo-peacekeepers/source?q={question.id}")
        assert source.status_code == 200 and "<mark" not in source.get_data(as_text=True), question.id
