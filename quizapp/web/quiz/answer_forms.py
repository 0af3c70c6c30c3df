"""The answer form of a question, and the values its answer fields show.

Flask-WTF checks the CSRF token; the question's type reads its own answer fields from the posted
form (``QuestionKind.typed_values`` and ``response_from_values``), and the one rule for an
answer given now (``core.checkers.accept_new_response``, which the API uses too) accepts the
response or says what to fix, keeping what was typed. Pages show the fields from
``AnswerInputs`` (a saved response, or what was typed), drawn by the type's template.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from flask import current_app, request
from flask_wtf import FlaskForm

from quizapp.core.checkers import Response, ResponseError, accept_new_response
from quizapp.core.model import Question
from quizapp.core.presentation import Option, StudentQuestion
from quizapp.core.question_types import question_type


class AnswerForm(FlaskForm):
    """A posted answer to one question. ``validate`` checks the CSRF token and the answer.

    An acceptable answer is saved as sent: a type's note about it (``answer_note``: one match
    chosen for two items) is said beside the fields, never asked to be confirmed, since the
    right answer may be just that.
    """

    def __init__(self, question: Question, shown: StudentQuestion) -> None:
        super().__init__()
        self.question = shown
        self._full_question = question
        self._kind = question_type(question.type)
        self.values: dict[str, Any] = self._kind.typed_values(shown, request.form)
        self.response: Response = None
        self._answer_errors: dict[str | None, list[str]] = {}

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        try:
            typed = self._kind.response_from_values(self.question, self.values)
            self.response, _ = accept_new_response(self._full_question, typed)
        except ResponseError as error:
            self._answer_errors = {error.field: [f"{error}."]}
            return False
        return valid

    def add_error(self, message: str) -> None:
        """A message about the whole answer (e.g. that practice needs one)."""
        self._answer_errors.setdefault(None, []).append(message)

    @property
    def errors(self) -> dict[str | None, list[str]]:
        return {**super().errors, **self._answer_errors}


def answer_form(question: Question, shown: StudentQuestion) -> AnswerForm:
    """The form that reads and validates a posted answer to ``question``, shown as ``shown``."""
    return AnswerForm(question, shown)


@dataclass(frozen=True, slots=True)
class AnswerInputs:
    """What a question's answer fields show: each input's value (by input name) and what to fix.

    The fields are rendered from these plain values by the type's template (see
    ``quiz/_answer_fields.html``), not by WTForms: the question page is the one every student
    loads for every question. The names are those the type reads back.
    """

    values: Mapping[str, Any] = field(default_factory=dict)
    errors: Mapping[str | None, Sequence[str]] = field(default_factory=dict)
    form_errors: Sequence[str] = ()
    note: str = ""  # the type's neutral note about the answer shown (``answer_note``)

    @property
    def invalid(self) -> bool:
        return bool(self.errors or self.form_errors)

    @property
    def messages(self) -> list[str]:
        """Every error once, in order (for a group of inputs that shares one message line)."""
        return list(dict.fromkeys(message for errors in self.errors.values() for message in errors))

    def text(self, name: str) -> str:
        value = self.values.get(name)
        return "" if value is None else str(value)

    def chosen(self, name: str) -> frozenset[str]:
        value = self.values.get(name)
        if value is None or value == "":
            return frozenset()
        return frozenset(map(str, value)) if isinstance(value, list | tuple) else frozenset({str(value)})


def answer_inputs(question: StudentQuestion, response: Any = None) -> AnswerInputs:
    """The inputs showing a saved ``response`` (or nothing yet), with the type's note on it."""
    kind = question_type(question.type)
    values = kind.form_values(question, response)
    return AnswerInputs(values, note=kind.answer_note(question, values))


def fields_macro(question: StudentQuestion) -> Any:
    """The macro that draws the answer fields of the question's type: the ``inputs`` macro of
    its ``fields_template``. Looked up here because Jinja's ``import`` of a template named at
    run time builds the template's module again on every call (a fifth of the page's time)."""
    template = current_app.jinja_env.get_template(question_type(question.type).fields_template)
    return template.module.inputs  # type: ignore[attr-defined]


def input_options(question: StudentQuestion) -> tuple[Option, ...]:
    """The values a student chooses from: choices, True/False, positions or matches."""
    return question_type(question.type).options(question)


def one_tap_input(question: StudentQuestion) -> str | None:
    """The input an option's button answers with at one tap (single choice, true or false), or
    None: the question needs its answer fields."""
    return question_type(question.type).one_tap_input


def typed_inputs(form: AnswerForm) -> AnswerInputs:
    """The inputs of a posted form that did not validate: what was typed, and what to fix."""
    errors = form.errors
    note = question_type(form.question.type).answer_note(form.question, form.values)
    return AnswerInputs(form.values, errors, errors.get(None, []), note)


def response_from(form: AnswerForm) -> Any:
    """The validated response, as it is stored, or None when nothing was answered."""
    return form.response
