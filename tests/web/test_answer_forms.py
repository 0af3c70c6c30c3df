"""The answer fields as students see them, and the forms that read them back.

The fields are rendered from ``AnswerInputs`` (not from WTForms), so these tests check the
round trip a browser makes: what the page shows for a saved answer is what the form reads back,
for every question of the bank and every kind of answer.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from flask import url_for
from werkzeug.datastructures import MultiDict

from quizapp.core.answer_key import full_marks_response
from quizapp.core.bank_loader import load_bank_file
from quizapp.core.model import QuestionType
from quizapp.core.question_types import present
from quizapp.web.quiz.answer_forms import (
    AnswerInputs,
    answer_form,
    answer_inputs,
    response_from,
    typed_inputs,
)
from quizapp.web.templating import layout_url, question_buttons
from tests.helpers.banks import QUESTIONS
from tests.helpers.quizzes import attempt_questions, start, wrong_response
from tests.helpers.web import csrf_token


class SubmittedFields(HTMLParser):
    """What a browser submits from the fields: checked boxes, selected options, typed text."""

    def __init__(self) -> None:
        super().__init__()
        self.pairs: list[tuple[str, str]] = []
        self.disabled: list[str] = []
        self._select: dict | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        found = dict(attrs)
        if tag in ("input", "select") and "disabled" in found:
            self.disabled.append(found["name"])
        if tag == "input" and found.get("type") in ("radio", "checkbox"):
            if "checked" in found:
                self.pairs.append((found["name"], found["value"]))
        elif tag == "input":
            self.pairs.append((found["name"], found.get("value", "")))
        elif tag == "select":
            self._select = {"name": found["name"], "first": None, "chosen": None}
        elif tag == "option" and self._select is not None:
            if self._select["first"] is None:
                self._select["first"] = found["value"]
            if "selected" in found:
                self._select["chosen"] = found["value"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "select" and self._select is not None:
            chosen = self._select["chosen"]
            self.pairs.append((self._select["name"], self._select["first"] if chosen is None else chosen))
            self._select = None


def bank_questions(_app=None):
    return load_bank_file(QUESTIONS / "kosovo-peacekeepers.yaml").bank.questions


def render_fields(app, inputs: AnswerInputs, question, locked: bool = False) -> str:
    macros = app.jinja_env.get_template("quiz/_answer_fields.html").module
    return str(macros.answer_fields(inputs, question, locked))


def submitted(html: str) -> SubmittedFields:
    parser = SubmittedFields()
    parser.feed(html)
    return parser


def read_back(app, question, shown, pairs: list[tuple[str, str]]):
    with app.test_request_context(method="POST", data=MultiDict(pairs)):
        form = answer_form(question, shown)
        assert form.validate(), form.errors
        return response_from(form)


def _same(question, left, right) -> bool:
    if question.type is QuestionType.MULTIPLE and left and right:
        return sorted(left) == sorted(right)
    if question.type is QuestionType.NUMERIC and left is not None and right is not None:
        return str(left) == str(right)
    return left == right


def test_every_question_shows_a_saved_answer_as_the_form_reads_it_back(no_csrf):
    app = no_csrf
    questions = bank_questions(app)
    kinds = {question.type for question in questions}
    assert kinds == set(QuestionType)  # the bank has every kind of question
    for question in questions:
        shown = present(question, seed=3)
        for response in (full_marks_response(question), wrong_response(question), None):
            with app.test_request_context():
                html = render_fields(app, answer_inputs(shown, response), shown)
            back = read_back(app, question, shown, submitted(html).pairs)
            assert _same(question, back, response), (question.id, response, back, html)


def test_a_form_that_did_not_validate_shows_what_was_typed_and_what_to_fix(no_csrf):
    app = no_csrf
    questions = bank_questions(app)
    numeric_question = next(q for q in questions if q.type is QuestionType.NUMERIC)
    numeric = present(numeric_question, seed=1)
    with app.test_request_context(method="POST", data={"number": "a dozen"}):
        form = answer_form(numeric_question, numeric)
        assert not form.validate()
        html = render_fields(app, typed_inputs(form), numeric)
    assert 'value="a dozen"' in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="answer-error"' in html
    assert "Write the answer in digits" in html

    ordering_question = next(q for q in questions if q.type is QuestionType.ORDERING)
    ordering = present(ordering_question, seed=1)
    same_position = [(f"position_{item.id}", "1") for item in ordering.items]
    with app.test_request_context(method="POST", data=MultiDict(same_position)):
        form = answer_form(ordering_question, ordering)
        assert not form.validate()
        inputs = typed_inputs(form)
        html = render_fields(app, inputs, ordering)
    assert inputs.invalid and inputs.form_errors
    assert f"Give each item a different position from 1 to {len(ordering.items)}." in html
    assert submitted(html).pairs == same_position  # kept as typed, to fix one of them


def test_locked_fields_are_all_disabled(app):
    questions = bank_questions(app)
    for question in questions:
        shown = present(question, seed=0)
        with app.test_request_context():
            fields = submitted(render_fields(app, answer_inputs(shown), shown, locked=True))
        names = {name for name, _ in fields.pairs} | set(fields.disabled)
        assert names and set(fields.disabled) >= names - {"choice", "choices", "truth"}, question.id


def test_a_short_answer_has_no_bogus_input_mode(app):
    short = next(q for q in bank_questions(app) if q.type is QuestionType.SHORT)
    shown = present(short, seed=0)
    with app.test_request_context():
        html = render_fields(app, answer_inputs(shown, "Balkans"), shown)
    assert 'value="Balkans"' in html and "inputmode" not in html


def test_question_buttons_mark_answered_questions_and_the_current_one(app):
    with app.app_context():
        html = str(question_buttons(5, current=2, answered={1, 3}))
    assert html.count("<li><button") == 5
    assert [f'value="{n}"' in html for n in range(1, 6)] == [True] * 5
    assert html.count('class="qnum answered"') == 2
    assert 'aria-label="Question 3, answered"' in html
    assert 'aria-label="Question 4, not answered"' in html
    assert html.count("aria-current") == 1 and 'aria-current="step">2<' in html


def test_layout_links_follow_the_url_root(app):
    with app.test_request_context("/"):
        assert layout_url("pages.index") == url_for("pages.index") == "/"
        assert layout_url("static", "style.css") == url_for("static", filename="style.css")
    with app.test_request_context("/", base_url="http://school.example/quiz"):
        assert layout_url("pages.index") == "/quiz/"
        assert layout_url("static", "style.css") == "/quiz/static/style.css"


def test_nothing_posted_is_no_answer_for_every_question(no_csrf):
    """A form sent with none of its fields (a client that leaves them out) is valid and blank."""
    for question in bank_questions():
        shown = present(question, seed=5)
        assert read_back(no_csrf, question, shown, []) is None, question.id


def _matching(app, question_id: str = "ceremony-details"):
    question = next(q for q in bank_questions(app) if q.id == question_id)
    shown = present(question, seed=1)
    right = {option.text: option.id for option in shown.rights}
    left = {item.text: f"match_{item.id}" for item in shown.lefts}
    return question, shown, right, left


def test_one_match_chosen_for_two_items_is_saved_with_a_neutral_note(no_csrf):
    app = no_csrf
    question, shown, right, left = _matching(app)
    repeated = [(left["Date"], right["March 9"]), (left["Venue"], right["March 9"])]
    said = "“March 9” is chosen for both “Date” and “Venue” — fine if it fits both of them."
    with app.test_request_context(method="POST", data=MultiDict(repeated)):
        form = answer_form(question, shown)
        assert form.validate()  # saved as sent: a repeat may be the right answer
        inputs = typed_inputs(form)
        html = render_fields(app, inputs, shown)
    ids = {item.text: item.id for item in shown.lefts}
    assert response_from(form) == {ids["Date"]: right["March 9"], ids["Venue"]: right["March 9"]}
    assert not inputs.invalid and inputs.note == said
    assert said in html and "Change one" not in html and "keep_answer" not in html
    assert "Choose a match for each item." in html and "on the left" not in html


def test_three_items_with_one_match_saved_show_the_note_beside_it(no_csrf):
    app = no_csrf
    question, shown, right, _left = _matching(app)
    with app.test_request_context():
        response = {item.id: right["March 9"] for item in shown.lefts}
        inputs = answer_inputs(shown, response)
        html = render_fields(app, inputs, shown)
    assert inputs.note == "“March 9” is chosen for “Date”, “Venue” and “City” — fine if it fits each of them."
    assert inputs.note in html
    assert read_back(app, question, shown, submitted(html).pairs) == response
    with app.test_request_context():  # no repeat: the note is there for the script, hidden and empty
        distinct = dict(zip((item.id for item in shown.lefts), (o.id for o in shown.rights), strict=False))
        html = render_fields(app, answer_inputs(shown, distinct), shown)
    assert '<p class="answer-note" id="answer-note" role="status" hidden></p>' in html


@pytest.mark.ungrouped  # every question asked, the matching one too
def test_the_test_page_saves_a_repeated_match_at_once_and_the_review_notes_it(student, app):
    attempt_id = start(student, "test")
    questions = attempt_questions(app, attempt_id)
    number = next(n for n, q in enumerate(questions, 1) if q.id == "ceremony-details")
    url = f"/attempts/{attempt_id}/questions/{number}"
    page = student.get(url).get_data(as_text=True)
    fields = dict(re.findall(r'<label for="(match_\w+)">([^<]+)</label>', page))
    by_text = {text: name for name, text in fields.items()}
    march_9 = re.search(r'<option value="(\w+)">March 9</option>', page).group(1)
    data = {
        by_text["Date"]: march_9,
        by_text["City"]: march_9,
        "csrf_token": csrf_token(page),
        "go": "review",
    }
    saved = student.post(url, data=data)
    assert saved.status_code == 302 and saved.headers["Location"].endswith(f"/attempts/{attempt_id}/review")
    note = "“March 9” is chosen for both “Date” and “City” — fine if it fits both of them."
    assert note in student.get(saved.headers["Location"]).get_data(as_text=True)  # no JavaScript: said here
    again = student.get(url).get_data(as_text=True)
    assert note in again and "error-summary" not in again  # and at the answer, which stays as saved
    assert student.post(url, data=data, headers={"X-Autosave": "1"}).get_json() == {"saved": True}


def test_the_right_answer_that_repeats_a_match_is_saved_and_noted_without_a_hint(no_csrf):
    """ "Match each party…": Belgrade, Russia and China all "Do not recognize Kosovo"."""
    app = no_csrf
    question = next(q for q in bank_questions(app) if q.id == "stances")
    shown = present(question, seed=3)
    right = full_marks_response(question)
    fields = [(f"match_{left}", chosen) for left, chosen in right.items()]
    with app.test_request_context(method="POST", data=MultiDict(fields)):
        form = answer_form(question, shown)
        assert form.validate() and response_from(form) == right
        note = typed_inputs(form).note
    assert note == (
        "“Does not recognize Kosovo” is chosen for “Belgrade”, “Russia” and “China” — fine if it fits each of them."
    )
    wrong = {**right, next(iter(right)): right[list(right)[1]]}  # a wrong repeat is noted alike
    with app.test_request_context():
        wrong_note = answer_inputs(shown, wrong).note
    assert (
        "is chosen for “Most Western nations”, “Belgrade”, “Russia” and “China” — fine if it fits each"
        in wrong_note
    )
