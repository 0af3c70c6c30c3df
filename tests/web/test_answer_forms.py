"""The answer fields as students see them, and the forms that read them back.

The fields are rendered from ``AnswerInputs`` (not from WTForms), so these tests check the
round trip a browser makes: what the page shows for a saved answer is what the form reads back,
for every question of the bank and every kind of answer.
"""

from __future__ import annotations

from html.parser import HTMLParser

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
from tests.helpers.quizzes import wrong_response


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
