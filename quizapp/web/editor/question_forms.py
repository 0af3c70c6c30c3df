"""The form that edits one question of a bank file, for teachers who never learned YAML.

Each type has its fields; lists are written one entry per line (quotes, accepted answers, items),
or as rows (choices, blanks, pairs). ``initial_data`` turns a question's fields (as
``core.question_edit.question_fields`` reads them from the file) into the form's data;
``fields_from_form`` turns what the teacher submitted back into the question's fields, keeping
the fields the form does not show (``allow_giveaway``, ``draft``...) as they were, in their order.

What the form knows of a type is its form class, registered here by the type's name
(``register_form``): its fields, ``file_fields`` (the file's fields it writes), ``answer_data``
(file to form) and ``answer_fields`` (form to file). A type with no form registered is edited in
the bank's text. The type's label for people is the type's own (``QuestionKind.label``).
What the fields mean is the bank check's to say (the view runs it and shows its problems beside
the fields): the form refuses only what it cannot write down at all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    RadioField,
    StringField,
    TextAreaField,
)

# types-WTForms describes WTForms 3.2, which had no SelectChoice (new in 3.3, the version installed)
from wtforms.fields import SelectChoice  # type: ignore[attr-defined]
from wtforms.validators import Length, Optional, Regexp, ValidationError

from quizapp.core.model import QuestionType
from quizapp.core.question_types import UnknownQuestionType, question_type, question_types

MAX_TEXT = 20_000
FEEDBACK_MARK = "::"  # "an answer :: its feedback", in lists written one entry per line
BLANK_SEPARATOR = "|"  # a blank's answers on one line ("," is part of numbers: "5,000")
EXTRA_ROWS = 2  # empty rows offered after a list's entries (no script needed to add one)


def _text(label: str, description: str = "", max_length: int = MAX_TEXT) -> StringField:
    return StringField(label, validators=[Optional(), Length(max=max_length)], description=description)


def _area(label: str, description: str = "") -> TextAreaField:
    return TextAreaField(label, validators=[Optional(), Length(max=MAX_TEXT)], description=description)


# --- reading the file's fields into the form, and the form's back ---------------------------------


def _str(value: Any) -> str:
    if value is None:
        return ""
    if value is True or value is False:
        return "true" if value else "false"
    return str(value)


def _listed(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _entry_text(entry: Any) -> str:
    return _str(entry.get("text")) if isinstance(entry, dict) else _str(entry)


def _entry_line(entry: Any) -> str:
    """An accepted or rejected answer as a line: its text, and `:: feedback` when it has one."""
    if isinstance(entry, dict) and entry.get("feedback"):
        return f"{_entry_text(entry)} {FEEDBACK_MARK} {_str(entry['feedback'])}"
    return _entry_text(entry)


def _lines(value: Any, entry: Any = _str) -> str:
    return "\n".join(entry(item) for item in _listed(value))


def _feedback(fields: dict[str, Any]) -> dict[str, str]:
    feedback = fields.get("feedback")
    if not isinstance(feedback, dict):
        return {}
    return {"feedback_right": _str(feedback.get("right")), "feedback_wrong": _str(feedback.get("wrong"))}


def _clean(text: str | None) -> str:
    """A typed text: browsers send CRLF; spaces at either end mean nothing."""
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def _typed_lines(text: str | None) -> list[str]:
    return [line.strip() for line in _clean(text).split("\n") if line.strip()]


def _typed_entry(line: str) -> str | dict[str, str]:
    answer, mark, feedback = line.partition(FEEDBACK_MARK)
    if mark and answer.strip() and feedback.strip():
        return {"text": answer.strip(), "feedback": feedback.strip()}
    return line.strip()


def _one_or_list(values: list[Any]) -> Any:
    return values[0] if len(values) == 1 else values


def _typed_feedback(form: Any) -> dict[str, str]:
    feedback = {
        "right": _clean(form.feedback_right.data),
        "wrong": _clean(form.feedback_wrong.data),
    }
    return {key: value for key, value in feedback.items() if value}


# --- the rows of lists -----------------------------------------------------------------------------


class ChoiceRow(Form):
    text = _text("Choice")
    right = BooleanField("Right answer")
    feedback = _text("Feedback to a student who picks it (optional)")


class BlankRow(Form):
    accept = _text("Accepted answers", f"Separate them with {BLANK_SEPARATOR}, e.g. Pristina | Prishtina.")
    reject = _text("Wrong answers to refuse (optional)", f"Separated with {BLANK_SEPARATOR}.")
    typos = BooleanField("Forgive small spelling mistakes in this blank")


class PairRow(Form):
    left = _text("Left")
    right = _text("Matches")


def _blank_row(blank: Any) -> dict[str, Any]:
    if isinstance(blank, dict):
        return {
            "accept": f" {BLANK_SEPARATOR} ".join(
                _entry_line(entry) for entry in _listed(blank.get("accept"))
            ),
            "reject": f" {BLANK_SEPARATOR} ".join(
                _entry_line(entry) for entry in _listed(blank.get("reject"))
            ),
            "typos": blank.get("typos") is True,
        }
    return {"accept": f" {BLANK_SEPARATOR} ".join(_entry_line(entry) for entry in _listed(blank))}


def _typed_blank(row: BlankRow) -> Any:
    accept = [_typed_entry(part) for part in _clean(row.accept.data).split(BLANK_SEPARATOR) if part.strip()]
    reject = [_typed_entry(part) for part in _clean(row.reject.data).split(BLANK_SEPARATOR) if part.strip()]
    if not reject and not row.typos.data:
        return accept
    blank: dict[str, Any] = {"accept": accept}
    if reject:
        blank["reject"] = reject
    if row.typos.data:
        blank["typos"] = True
    return blank


# --- the forms: what every question has, then one form per type ----------------------------------


class QuestionForm(FlaskForm):
    """What every question has. A type's form adds its answer fields and says how they map to the
    file's: ``file_fields``, ``answer_data`` and ``answer_fields``."""

    # The file's fields the type's form writes, and the form field that shows a problem with each
    file_fields: ClassVar[dict[str, str]] = {}

    version = HiddenField()  # the file's version when the teacher opened it: a save starts from it
    id = StringField(
        "Id",
        validators=[
            Optional(),
            Length(max=100),
            Regexp(r"[A-Za-z0-9_.-]*\Z", message="Use letters, digits, '-', '_' and '.'."),
        ],
        description="Unique in the bank, and never changed later: results over time are tied to it.",
    )
    prompt = _area("Question", "What students read. Markdown works: *italic*, **bold**, lists.")
    explanation = _area("Explanation (optional)", "Shown with the correct answer: why it is right.")
    source = _area(
        "Quote from the source (optional)",
        "Copied word for word from the article; several quotes one per line.",
    )
    tags = _text("Topics (optional)", "Separated by commas, e.g. history, war.")
    points = _text("Points (optional)", "1 when left empty; decimals allowed, e.g. 2.5.", 20)
    group = _text(
        "Group (optional)", "Questions of one group give each other away: a test asks only one of them.", 100
    )

    @classmethod
    def answer_data(cls, fields: dict[str, Any]) -> dict[str, Any]:
        """The form's data for the type's own fields of a question (its ``file_fields``)."""
        return {}

    def answer_fields(self) -> dict[str, Any]:
        """The type's own fields of the question as typed (an empty one is left out later)."""
        return {}


_FORMS: dict[str, type[QuestionForm]] = {}
_Form = TypeVar("_Form", bound=type[QuestionForm])


def register_form(type_name: str, form_class: type[QuestionForm]) -> None:
    """Offer ``form_class`` for the questions of the type ``type_name`` (it replaces another)."""
    _FORMS[type_name] = form_class


def unregister_form(type_name: str) -> None:
    _FORMS.pop(type_name, None)


def form_of(type_name: str) -> Callable[[_Form], _Form]:
    """Register the class below as the form of ``type_name`` (a decorator)."""

    def registered(form_class: _Form) -> _Form:
        register_form(type_name, form_class)
        return form_class

    return registered


def form_for(type_name: str) -> type[QuestionForm] | None:
    """The form of a registered type, or None: a type with no form is edited in the file's text."""
    if type_name not in _FORMS or type_name not in _registered_names():
        return None
    return _FORMS[type_name]


def offered_types() -> dict[str, str]:
    """The types "New question" offers, by name: those with a form, labelled in their own words,
    in the order of the type registry."""
    return {kind.name: kind.label for kind in question_types() if kind.name in _FORMS}


def type_label(type_name: str) -> str:
    """What a type is called for people: its own label (its name if no type has it)."""
    try:
        return question_type(type_name).label
    except UnknownQuestionType:
        return type_name


def _registered_names() -> set[str]:
    return {kind.name for kind in question_types()}


class _Feedback:
    feedback_right = _text("Feedback to a right answer (optional)")
    feedback_wrong = _text("Feedback to a wrong answer (optional)")


class ChoiceForm(QuestionForm):
    choices = FieldList(FormField(ChoiceRow), min_entries=0, max_entries=100)
    right_choices = "the right answer"  # what the form asks to tick, said by each type's form

    @classmethod
    def answer_data(cls, fields: dict[str, Any]) -> dict[str, Any]:
        right = {_str(fields.get("answer"))} | {_str(answer) for answer in _listed(fields.get("answers"))}
        return {
            "choices": [
                {
                    "text": _entry_text(choice),
                    "right": _entry_text(choice) in right,
                    "feedback": _str(choice.get("feedback")) if isinstance(choice, dict) else "",
                }
                for choice in _listed(fields.get("choices"))
            ]
        }

    def typed_choices(self) -> tuple[list[Any], list[str]]:
        """The choices written, and the texts of those ticked right."""
        rows = [row.form for row in self.choices.entries if _clean(row.form.text.data)]
        choices = [
            {"text": _clean(row.text.data), "feedback": _clean(row.feedback.data)}
            if _clean(row.feedback.data)
            else _clean(row.text.data)
            for row in rows
        ]
        return choices, [_clean(row.text.data) for row in rows if row.right.data]


@form_of(QuestionType.SINGLE)
class SingleForm(ChoiceForm):
    file_fields: ClassVar[dict[str, str]] = {"choices": "choices", "answer": "choices"}

    def validate_choices(self, field: FieldList) -> None:
        if sum(1 for row in field.entries if row.form.right.data and row.form.text.data.strip()) > 1:
            raise ValidationError("Tick one right answer only (or make it a question with several).")

    def answer_fields(self) -> dict[str, Any]:
        choices, right = self.typed_choices()
        return {"choices": choices, "answer": right[0]} if right else {"choices": choices}


@form_of(QuestionType.MULTIPLE)
class MultipleForm(ChoiceForm):
    file_fields: ClassVar[dict[str, str]] = {"choices": "choices", "answers": "choices"}
    right_choices = "each right answer"

    def answer_fields(self) -> dict[str, Any]:
        choices, right = self.typed_choices()
        return {"choices": choices, "answers": right} if right else {"choices": choices}


@form_of(QuestionType.TRUE_FALSE)
class TrueFalseForm(QuestionForm, _Feedback):
    file_fields: ClassVar[dict[str, str]] = {"answer": "answer", "feedback": "feedback_right"}
    answer = RadioField(
        "The statement is",
        choices=[SelectChoice("true", "True"), SelectChoice("false", "False")],
        validators=[Optional()],
    )

    @classmethod
    def answer_data(cls, fields: dict[str, Any]) -> dict[str, Any]:
        answer = fields.get("answer")
        return {"answer": _str(answer).lower() if answer is not None else None}

    def answer_fields(self) -> dict[str, Any]:
        return {"answer": self.answer.data == "true"} if self.answer.data in ("true", "false") else {}


_NUMBER_FIELDS = ("answer", "min", "max", "tolerance", "unit")


@form_of(QuestionType.NUMERIC)
class NumericForm(QuestionForm, _Feedback):
    file_fields: ClassVar[dict[str, str]] = {
        **{name: name for name in _NUMBER_FIELDS},
        "feedback": "feedback_right",
    }
    answer = _text("The answer", "A number in digits, e.g. 5000 or 2.5. Or give a range below.", 40)
    min = _text("At least (for a range)", "", 40)
    max = _text("At most (for a range)", "", 40)
    tolerance = _text("Tolerance (optional)", "How far off an answer may be: e.g. 100, or 2%.", 40)
    unit = _text("Unit (optional)", "Shown beside the answer field, e.g. troops.", 100)

    @classmethod
    def answer_data(cls, fields: dict[str, Any]) -> dict[str, Any]:
        return {name: _str(fields.get(name)) for name in _NUMBER_FIELDS}

    def answer_fields(self) -> dict[str, Any]:
        return {name: _clean(getattr(self, name).data) for name in _NUMBER_FIELDS}


@form_of(QuestionType.SHORT)
class ShortForm(QuestionForm, _Feedback):
    file_fields: ClassVar[dict[str, str]] = {
        "accept": "accept",
        "reject": "reject",
        "typos": "typos",
        "feedback": "feedback_right",
    }
    accept = _area(
        "Accepted answers",
        f"One per line; the first is the one shown as correct. To give an answer its own feedback, "
        f"write it after {FEEDBACK_MARK}, e.g. Kosovo armed forces {FEEDBACK_MARK} Right, and …",
    )
    reject = _area("Wrong answers to refuse (optional)", "One per line, like the accepted answers.")
    typos = BooleanField("Forgive small spelling mistakes")

    @classmethod
    def answer_data(cls, fields: dict[str, Any]) -> dict[str, Any]:
        return {
            "accept": _lines(fields.get("accept"), _entry_line),
            "reject": _lines(fields.get("reject"), _entry_line),
            "typos": fields.get("typos") is True,
        }

    def answer_fields(self) -> dict[str, Any]:
        return {
            "accept": [_typed_entry(line) for line in _typed_lines(self.accept.data)],
            "reject": [_typed_entry(line) for line in _typed_lines(self.reject.data)],
            "typos": True if self.typos.data else None,
        }


@form_of(QuestionType.CLOZE)
class ClozeForm(QuestionForm):
    file_fields: ClassVar[dict[str, str]] = {"blanks": "blanks", "typos": "typos"}
    blanks = FieldList(FormField(BlankRow), min_entries=0, max_entries=50)
    typos = BooleanField("Forgive small spelling mistakes in every blank")

    @classmethod
    def answer_data(cls, fields: dict[str, Any]) -> dict[str, Any]:
        return {
            "blanks": [_blank_row(blank) for blank in _listed(fields.get("blanks"))],
            "typos": fields.get("typos") is True,
        }

    def answer_fields(self) -> dict[str, Any]:
        rows = [
            row.form
            for row in self.blanks.entries
            if _clean(row.form.accept.data) or _clean(row.form.reject.data)
        ]
        return {"blanks": [_typed_blank(row) for row in rows], "typos": True if self.typos.data else None}


@form_of(QuestionType.ORDERING)
class OrderingForm(QuestionForm):
    file_fields: ClassVar[dict[str, str]] = {"items": "items"}
    items = _area("Items, in the correct order", "One per line; students see them shuffled.")

    @classmethod
    def answer_data(cls, fields: dict[str, Any]) -> dict[str, Any]:
        return {"items": _lines(fields.get("items"))}

    def answer_fields(self) -> dict[str, Any]:
        return {"items": _typed_lines(self.items.data)}


@form_of(QuestionType.MATCHING)
class MatchingForm(QuestionForm):
    file_fields: ClassVar[dict[str, str]] = {"pairs": "pairs", "distractors": "distractors"}
    pairs = FieldList(FormField(PairRow), min_entries=0, max_entries=100)
    distractors = _area("Extra wrong options on the right (optional)", "One per line.")

    @classmethod
    def answer_data(cls, fields: dict[str, Any]) -> dict[str, Any]:
        return {
            "pairs": [
                {"left": _str(pair.get("left")), "right": _str(pair.get("right"))}
                for pair in _listed(fields.get("pairs"))
                if isinstance(pair, dict)
            ],
            "distractors": _lines(fields.get("distractors")),
        }

    def answer_fields(self) -> dict[str, Any]:
        return {
            "pairs": [
                {"left": _clean(row.form.left.data), "right": _clean(row.form.right.data)}
                for row in self.pairs.entries
                if _clean(row.form.left.data) or _clean(row.form.right.data)
            ],
            "distractors": _typed_lines(self.distractors.data),
        }


# --- what every form does with the file's fields -------------------------------------------------

_COMMON = {name: name for name in ("id", "prompt", "explanation", "source", "tags", "points", "group")}


def form_field_of(type_name: str, key: str) -> str | None:
    """The form field that shows the file's field ``key`` (None: the form does not show it)."""
    form_class = _FORMS.get(type_name)
    return _COMMON.get(key) or (form_class.file_fields.get(key) if form_class else None)


def initial_data(form_class: type[QuestionForm], fields: dict[str, Any]) -> dict[str, Any]:
    """The form's data for a question's fields."""
    data: dict[str, Any] = {
        "id": _str(fields.get("id")),
        "prompt": _str(fields.get("prompt")),
        "explanation": _str(fields.get("explanation")),
        "source": _lines(fields.get("source")),
        "tags": ", ".join(_str(tag) for tag in _listed(fields.get("tags"))),
        "points": _str(fields.get("points")),
        "group": _str(fields.get("group")),
    }
    return data | form_class.answer_data(fields) | _feedback(fields)


def add_empty_rows(form: QuestionForm) -> None:
    """Offer empty rows after a list's entries, to add a choice, a blank or a pair."""
    for name in ("choices", "blanks", "pairs"):
        rows = getattr(form, name, None)
        if isinstance(rows, FieldList):
            for _ in range(EXTRA_ROWS):
                rows.append_entry()


def fields_from_form(
    type_name: str, form: QuestionForm, original: dict[str, Any], question_id: str
) -> dict[str, Any]:
    """The question's fields as the teacher submitted them: ``question_id`` as its id (for a new
    question, the id typed), the fields the form shows as typed (an empty one left out), and
    those it does not show kept from ``original`` in their places."""
    quotes = _typed_lines(form.source.data)
    tags = [tag.strip() for tag in _clean(form.tags.data).replace("\n", ",").split(",") if tag.strip()]
    answer = form.answer_fields()
    if "feedback_right" in form:
        answer["feedback"] = _typed_feedback(form)
    typed: dict[str, Any] = {
        "id": question_id,
        "type": type_name,
        "prompt": _clean(form.prompt.data),
        **answer,
        "explanation": _clean(form.explanation.data),
        "source": _one_or_list(quotes) if quotes else None,
        "tags": tags,
        "points": _clean(form.points.data),
        "group": _clean(form.group.data),
    }
    written = {key: value for key, value in typed.items() if value not in (None, "", [], {})}
    shown = set(typed) | set(form.file_fields)
    fields: dict[str, Any] = {}
    for key, value in original.items():
        if key not in shown:
            fields[key] = value  # not in the form: kept as it was
        elif key in written:
            fields[key] = written[key]
    for key, value in written.items():
        fields.setdefault(key, value)
    return fields
