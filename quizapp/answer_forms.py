"""One answer form per question type, and the conversion between form data and responses.

The forms are Flask-WTF forms (CSRF included) built from a ``StudentQuestion``, so they hold
nothing a student may not see. Validation catches what a student should fix (a number that is
not one, a position used twice) and keeps what was typed.
"""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from wtforms import Field, RadioField, SelectField, SelectMultipleField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from .core.model import QuestionType
from .core.number_parsing import parse_number
from .core.presentation import StudentQuestion


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class AnswerForm(FlaskForm):
    """Fields are added per question by ``answer_form``."""

    question: StudentQuestion

    def field(self, name: str) -> Field:
        return self._fields[name]


def _numeric(form: FlaskForm, field: StringField) -> None:
    if field.data and field.data.strip() and parse_number(field.data) is None:
        raise ValidationError("Write the answer in digits, for example 250 or 1,250.")


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


def answer_form(question: StudentQuestion, response: Any = None) -> AnswerForm:
    """The form for ``question``, filled from the saved ``response`` (POST data takes over)."""
    fields: dict[str, Any] = {}
    data: dict[str, Any] = {}
    match question.type:
        case QuestionType.SINGLE:
            fields["choice"] = RadioField(
                "Your answer",
                choices=[SelectChoice(o.id, o.text) for o in question.choices],
                validators=[Optional()],
                validate_choice=True,
            )
            data["choice"] = response
        case QuestionType.MULTIPLE:
            fields["choices"] = CheckboxesField(
                "Your answer",
                choices=[SelectChoice(o.id, o.text) for o in question.choices],
                validators=[Optional()],
            )
            data["choices"] = response or []
        case QuestionType.TRUE_FALSE:
            fields["truth"] = RadioField(
                "Your answer",
                choices=[SelectChoice("true", "True"), SelectChoice("false", "False")],
                validators=[Optional()],
            )
            data["truth"] = None if response is None else ("true" if response else "false")
        case QuestionType.NUMERIC:
            label = f"Your answer ({question.unit})" if question.unit else "Your answer"
            fields["number"] = StringField(label, validators=[Length(max=100), _numeric])
            data["number"] = response
        case QuestionType.SHORT:
            fields["text"] = StringField("Your answer", validators=[Length(max=1000)])
            data["text"] = response
        case QuestionType.CLOZE:
            for number in range(1, question.blanks + 1):
                fields[f"blank_{number}"] = StringField(f"Blank {number}", validators=[Length(max=200)])
                data[f"blank_{number}"] = response[number - 1] if response else ""
        case QuestionType.ORDERING:
            positions = [SelectChoice("", "–")] + [
                SelectChoice(str(n)) for n in range(1, len(question.items) + 1)
            ]
            order = {item_id: n for n, item_id in enumerate(response or [], start=1)}
            for item in question.items:
                fields[f"position_{item.id}"] = SelectField(item.text, choices=positions)
                data[f"position_{item.id}"] = str(order[item.id]) if item.id in order else ""
            fields["validate"] = _positions_validator(question)
        case QuestionType.MATCHING:
            options = [SelectChoice("", "Choose…")] + [SelectChoice(o.id, o.text) for o in question.rights]
            for left in question.lefts:
                fields[f"match_{left.id}"] = SelectField(left.text, choices=options)
                data[f"match_{left.id}"] = (response or {}).get(left.id, "")
    form_class = type("QuestionAnswerForm", (AnswerForm,), fields)
    form = form_class(data=data)
    form.question = question
    return form


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
