"""One answer form per question type, and the conversion between form data and responses.

The forms are Flask-WTF forms (CSRF included) built from a ``StudentQuestion``, so they hold
nothing a student may not see. Validation catches what a student should fix (a number that is
not one, a position used twice) and keeps what was typed. Pages show the fields from
``AnswerInputs`` (a saved response, or what was typed), not from the form.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from flask_wtf import FlaskForm
from wtforms import Field, RadioField, SelectField, SelectMultipleField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from quizapp.core.checkers import typed_number_problem
from quizapp.core.model import QuestionType
from quizapp.core.presentation import Option, StudentQuestion


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class AnswerForm(FlaskForm):
    """Fields are added per question by ``answer_form``."""

    question: StudentQuestion

    def field(self, name: str) -> Field:
        return self._fields[name]


def _numeric(unit: str) -> Callable[[FlaskForm, StringField], None]:
    """The API's rule for a typed number (core.checkers.typed_number_problem), on the page."""

    def validate(form: FlaskForm, field: StringField) -> None:
        problem = typed_number_problem(field.data or "", unit)
        if problem:
            raise ValidationError(f"{problem}.")

    return validate


def _positions_validator(question: StudentQuestion):
    def validate(form: AnswerForm, extra_validators: Any = None) -> bool:
        ok = FlaskForm.validate(form, extra_validators)
        chosen = [form[f"position_{item.id}"].data for item in question.items]
        filled = [value for value in chosen if value]
        if filled and (len(filled) != len(chosen) or len(set(filled)) != len(filled)):
            form.form_errors.append(f"Give each item a different position from 1 to {len(question.items)}.")
            return False
        return ok

    return validate


NUMBER_MAX_LENGTH = 100
TEXT_MAX_LENGTH = 1000
BLANK_MAX_LENGTH = 200


def answer_form(question: StudentQuestion) -> AnswerForm:
    """The form that reads and validates a posted answer to ``question``."""
    fields: dict[str, Any] = {}
    match question.type:
        case QuestionType.SINGLE:
            fields["choice"] = RadioField(
                "Your answer",
                choices=[SelectChoice(o.id, o.text) for o in question.choices],
                validators=[Optional()],
                validate_choice=True,
            )
        case QuestionType.MULTIPLE:
            fields["choices"] = CheckboxesField(
                "Your answer",
                choices=[SelectChoice(o.id, o.text) for o in question.choices],
                validators=[Optional()],
            )
        case QuestionType.TRUE_FALSE:
            fields["truth"] = RadioField(
                "Your answer",
                choices=[SelectChoice("true", "True"), SelectChoice("false", "False")],
                validators=[Optional()],
            )
        case QuestionType.NUMERIC:
            fields["number"] = StringField(
                "Your answer", validators=[Length(max=NUMBER_MAX_LENGTH), _numeric(question.unit)]
            )
        case QuestionType.SHORT:
            fields["text"] = StringField("Your answer", validators=[Length(max=TEXT_MAX_LENGTH)])
        case QuestionType.CLOZE:
            for number in range(1, question.blanks + 1):
                fields[f"blank_{number}"] = StringField(
                    f"Blank {number}", validators=[Length(max=BLANK_MAX_LENGTH)]
                )
        case QuestionType.ORDERING:
            positions = [SelectChoice("", "–")] + [
                SelectChoice(str(n)) for n in range(1, len(question.items) + 1)
            ]
            for item in question.items:
                fields[f"position_{item.id}"] = SelectField(item.text, choices=positions, default="")
            fields["validate"] = _positions_validator(question)
        case QuestionType.MATCHING:
            options = [SelectChoice("", "Choose…")] + [SelectChoice(o.id, o.text) for o in question.rights]
            for left in question.lefts:
                fields[f"match_{left.id}"] = SelectField(left.text, choices=options, default="")
    form_class = type("QuestionAnswerForm", (AnswerForm,), fields)
    form = form_class()
    form.question = question
    return form


@dataclass(frozen=True, slots=True)
class AnswerInputs:
    """What a question's answer fields show: each input's value (by input name) and what to fix.

    The fields are rendered from these plain values by ``quiz/_answer_fields.html``, not by
    WTForms: the question page is the one every student loads for every question, and this
    takes a fraction of the time. The names match ``answer_form``'s fields.
    """

    values: Mapping[str, Any] = field(default_factory=dict)
    errors: Mapping[str | None, Sequence[str]] = field(default_factory=dict)
    form_errors: Sequence[str] = ()

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
    """The inputs showing a saved ``response`` (or nothing yet)."""
    values: dict[str, Any] = {}
    match question.type:
        case QuestionType.SINGLE:
            values["choice"] = response
        case QuestionType.MULTIPLE:
            values["choices"] = response or []
        case QuestionType.TRUE_FALSE:
            values["truth"] = None if response is None else ("true" if response else "false")
        case QuestionType.NUMERIC:
            values["number"] = response
        case QuestionType.SHORT:
            values["text"] = response
        case QuestionType.CLOZE:
            for number in range(1, question.blanks + 1):
                values[f"blank_{number}"] = response[number - 1] if response else ""
        case QuestionType.ORDERING:
            order = {item_id: n for n, item_id in enumerate(response or [], start=1)}
            for item in question.items:
                values[f"position_{item.id}"] = str(order[item.id]) if item.id in order else ""
        case QuestionType.MATCHING:
            for left in question.lefts:
                values[f"match_{left.id}"] = (response or {}).get(left.id, "")
    return AnswerInputs(values)


TRUTH_OPTIONS = (Option("true", "True"), Option("false", "False"))


@functools.cache
def _positions(count: int) -> tuple[Option, ...]:
    return tuple(Option(str(n), str(n)) for n in range(1, count + 1))


def input_options(question: StudentQuestion) -> tuple[Option, ...]:
    """The values a student chooses from: choices, True/False, positions or matches."""
    match question.type:
        case QuestionType.TRUE_FALSE:
            return TRUTH_OPTIONS
        case QuestionType.ORDERING:
            return _positions(len(question.items))
        case QuestionType.MATCHING:
            return question.rights
    return question.choices


ANSWER_LIMITS = {"number": NUMBER_MAX_LENGTH, "text": TEXT_MAX_LENGTH, "blank": BLANK_MAX_LENGTH}


def typed_inputs(form: AnswerForm) -> AnswerInputs:
    """The inputs of a posted form that did not validate: what was typed, and what to fix."""
    values = {name: form_field.data for name, form_field in form._fields.items() if name != "csrf_token"}
    return AnswerInputs(values, dict(form.errors), list(form.form_errors))


def response_from(form: AnswerForm) -> Any:
    """The response in the checkers' JSON shape, or None when nothing was answered."""
    question = form.question
    match question.type:
        case QuestionType.SINGLE:
            return form["choice"].data or None
        case QuestionType.MULTIPLE:
            return list(form["choices"].data or []) or None
        case QuestionType.TRUE_FALSE:
            value = form["truth"].data
            return None if not value else value == "true"
        case QuestionType.NUMERIC | QuestionType.SHORT:
            value = (form["number" if question.type is QuestionType.NUMERIC else "text"].data or "").strip()
            return value or None
        case QuestionType.CLOZE:
            blanks = [(form[f"blank_{n}"].data or "").strip() for n in range(1, question.blanks + 1)]
            return blanks if any(blanks) else None
        case QuestionType.ORDERING:
            positions = {item.id: form[f"position_{item.id}"].data for item in question.items}
            if not any(positions.values()):
                return None
            return sorted(positions, key=lambda item_id: int(positions[item_id]))
        case QuestionType.MATCHING:
            matches = {left.id: form[f"match_{left.id}"].data for left in question.lefts}
            chosen = {left: right for left, right in matches.items() if right}
            return chosen or None
    raise ValueError(question.type)
