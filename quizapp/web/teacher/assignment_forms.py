"""The forms of the assignment pages: an assignment's terms, a student's accommodation (on one
assignment, or for every test of a class), a class's name and archive, a bank's visibility.

Validation only, as in ``quizapp.web.forms``: the fields read what was typed (numbers, times in
the reader's zone) and say what cannot be read; whether the terms make sense is the service's
(``services.assignments.problems``) and core's (``accommodation_problems``) to say, and
``place_problems`` puts each of their answers under the field it is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from flask_wtf import FlaskForm
from wtforms import BooleanField, Field, IntegerField, RadioField, SelectField, StringField, SubmitField

# types-WTForms describes WTForms 3.2, which had no SelectChoice (new in 3.3, the version installed)
from wtforms.fields import SelectChoice  # type: ignore[attr-defined]
from wtforms.validators import DataRequired, InputRequired, StopValidation, ValidationError
from wtforms.widgets import TextInput

from quizapp.core.assignments import MAX_TITLE_LENGTH, Accommodation, Counted
from quizapp.core.model import AnswerVisibility
from quizapp.services.assignments import AssignmentTerms
from quizapp.web.forms import ClassForm, add_error
from quizapp.web.local_times import form_value, typed_time

MAX_DIGITS = 9  # beyond every limit there is: "too large" rather than a number nobody meant


def sentence(text: str) -> str:
    """A service's or core's problem ("the due time must come after ...") as a sentence."""
    text = text.strip()
    return f"{text[:1].upper()}{text[1:]}{'' if text.endswith('.') else '.'}"


class LocalTimeField(StringField):
    """A date and time typed in the reader's zone ("2026-12-01 23:59"); ``moment`` is it in UTC
    once the form validated (None: left empty). What was typed stays in the field."""

    moment: datetime | None = None

    def pre_validate(self, form: Any) -> None:
        self.moment = None
        text = (self.data or "").strip()
        if not text:
            return
        try:
            self.moment = typed_time(text)
        except ValueError as error:
            raise StopValidation(sentence(str(error))) from None


class WholeNumberField(IntegerField):
    """A whole number typed as digits (empty: None), in a text field with a number keyboard:
    "²" or "٣" is refused rather than read the way Python's ``int`` would."""

    widget = TextInput()

    def __init__(self, label: str, unreadable: str, **kwargs: Any):
        render_kw = {"inputmode": "numeric", "class": "number", **kwargs.pop("render_kw", {})}
        super().__init__(label, render_kw=render_kw, **kwargs)
        self.unreadable = unreadable

    def process_formdata(self, valuelist: list[Any]) -> None:
        self.data = None
        text = str(valuelist[0]).strip() if valuelist else ""
        if not text:
            return
        if not re.fullmatch(r"-?[0-9]+", text):
            raise ValueError(self.unreadable)
        if len(text.lstrip("-")) > MAX_DIGITS:
            raise ValueError("That number is far too large.")
        self.data = int(text)


def place_problems(form: FlaskForm, problems: Iterable[str], places: Sequence[tuple[str, str]]) -> None:
    """Each problem under the first field whose words it contains (``places``: words, field
    name); the rest at the top of the form."""
    for problem in problems:
        name = next((field for words, field in places if words in problem), None)
        if name is None:
            form.form_errors.append(sentence(problem))
        else:
            add_error(form[name], sentence(problem))


# --- an assignment's terms -----------------------------------------------------------------

TERM_PLACES = (  # the words of services.assignments.problems, and where each problem shows
    ("turn study off", "study"),
    ("answers after the due time", "show_answers"),
    ("title", "title"),
    ("end at the close", "ends_at_close"),
    ("due time", "due_at"),
    ("attempts", "max_attempts"),
    ("time limit", "time_limit"),
    ("answers", "show_answers"),
)
COUNTED_CHOICES = [
    SelectChoice(Counted.BEST.value, "The best score"),
    SelectChoice(Counted.LAST.value, "The last attempt"),
    SelectChoice(Counted.FIRST.value, "The first attempt"),
]
BANKS_ANSWERS = ""  # the choice "when the quiz's settings say"


def answers_choices(quiz_says: str) -> list[Any]:
    """The choices of when answers are shown; ``quiz_says``: when the quiz's settings show them."""
    return [
        SelectChoice(BANKS_ANSWERS, f"As the quiz’s settings say{quiz_says}"),
        SelectChoice(
            AnswerVisibility.AFTER_DUE.value,
            "After the due time: until the class’s last due time (a student’s own included), "
            "students see their score only",
        ),
        SelectChoice(AnswerVisibility.NEVER.value, "Never: students see their score only"),
    ]


class AssignmentForm(FlaskForm):
    """The terms of an assignment; the view sets the hints that name the reader's zone and the
    quiz's own time limit."""

    title = StringField(
        "Title (optional)",
        render_kw={"autocomplete": "off", "maxlength": MAX_TITLE_LENGTH, "class": "title"},
    )
    opens_at = LocalTimeField("Opens", render_kw={"autocomplete": "off", "class": "time"})
    due_at = LocalTimeField("Due", render_kw={"autocomplete": "off", "class": "time"})
    time_limit = WholeNumberField(
        "Time limit in minutes", "Give the minutes as a whole number, such as 30, or leave it empty."
    )
    max_attempts = WholeNumberField(
        "Attempts allowed",
        "Give the attempts as a whole number, such as 2, or tick “Unlimited”.",
        default=AssignmentTerms().max_attempts,  # one, as an assignment has by default
    )
    unlimited = BooleanField("Unlimited attempts")
    counted = RadioField("Which attempt counts", choices=COUNTED_CHOICES, default=Counted.BEST.value)
    accept_late = BooleanField(
        "Accept late work",
        description="After the due time students may still start an attempt; it is marked late.",
    )
    ends_at_close = BooleanField(
        "End at the due time",
        description="An attempt started shortly before the due time ends at the due time, "
        "rather than running its whole time limit.",
    )
    show_answers = RadioField(
        "When answers are shown",
        description="The correct answers, and which of theirs were right. After the due time "
        "needs a due time; after the due time and never need study off, since practice, "
        "flashcards and learn mode show the answers.",
        choices=answers_choices(""),
        default=BANKS_ANSWERS,
    )
    study = BooleanField(
        "Students may study the quiz",
        description="Practice, flashcards and learn mode, once the assignment opens.",
        default=True,
    )
    submit = SubmitField("Save")

    def validate_max_attempts(self, field: WholeNumberField) -> None:
        typed = bool(field.raw_data and str(field.raw_data[0]).strip())
        if not typed and not self.unlimited.data:
            raise ValidationError("Give the number of attempts allowed, or tick “Unlimited”.")

    def terms(self) -> AssignmentTerms:
        """The terms as typed (once the form validated)."""
        shown = self.show_answers.data or BANKS_ANSWERS
        return AssignmentTerms(
            title=self.title.data,
            opens_at=self.opens_at.moment,
            due_at=self.due_at.moment,
            time_limit_minutes=self.time_limit.data,
            max_attempts=None if self.unlimited.data else self.max_attempts.data,
            counted=Counted(self.counted.data),
            accept_late=bool(self.accept_late.data),
            ends_at_close=bool(self.ends_at_close.data),
            show_answers=AnswerVisibility(shown) if shown != BANKS_ANSWERS else None,
            study=bool(self.study.data),
        )

    @staticmethod
    def values_of(terms: AssignmentTerms) -> dict[str, Any]:
        """The form's fields as ``terms`` fill them (the edit page's first showing)."""
        return {
            "title": terms.title or "",
            "opens_at": form_value(terms.opens_at),
            "due_at": form_value(terms.due_at),
            "time_limit": terms.time_limit_minutes,
            "max_attempts": terms.max_attempts,
            "unlimited": terms.max_attempts is None,
            "counted": terms.counted.value,
            "accept_late": terms.accept_late,
            "ends_at_close": terms.ends_at_close,
            "show_answers": terms.show_answers.value if terms.show_answers else BANKS_ANSWERS,
            "study": terms.study,
        }


class NewAssignmentForm(AssignmentForm):
    """The terms, and which quiz (its choices are the banks in service, set by the view)."""

    quiz = SelectField("Quiz", validators=[DataRequired(message="Choose a quiz.")])
    submit = SubmitField("Assign")


# --- a student's accommodation -------------------------------------------------------------

ACCOMMODATION_PLACES = (  # the words of core.assignments.accommodation_problems
    ("percent", "extra_time_percent"),
    ("minutes", "extra_time_minutes"),
    ("attempts", "extra_attempts"),
    ("due time", "due_at"),
)


class StandingAccommodationForm(FlaskForm):
    """A student's accommodation for every test of a class: extra time and attempts, no dates
    (dates belong to one assignment)."""

    extra_time_percent = WholeNumberField(
        "Extra time (% of the time limit)", "Give a whole number of percent, such as 50."
    )
    extra_time_minutes = WholeNumberField("Extra minutes", "Give a whole number of minutes, such as 15.")
    extra_attempts = WholeNumberField("Extra attempts", "Give a whole number of attempts, such as 1.")
    save = SubmitField("Save")
    remove = SubmitField("Remove")

    def _typed(self, **dates: datetime | None) -> Accommodation | None:
        """The accommodation as typed (once the form validated); None when it gives nothing
        (every number empty or 0, no dates) or "Remove" was pressed."""
        if self.remove.data:
            return None
        given = Accommodation(
            extra_time_percent=self.extra_time_percent.data or 0,
            extra_time_minutes=self.extra_time_minutes.data or 0,
            extra_attempts=self.extra_attempts.data or 0,
            **dates,
        )
        return None if given == Accommodation() else given

    def accommodation(self) -> Accommodation | None:
        return self._typed()

    @staticmethod
    def values_of(accommodation: Accommodation | None) -> dict[str, Any]:
        if accommodation is None:
            return {}
        return {
            "extra_time_percent": accommodation.extra_time_percent or None,
            "extra_time_minutes": accommodation.extra_time_minutes or None,
            "extra_attempts": accommodation.extra_attempts or None,
        }


class AccommodationForm(StandingAccommodationForm):
    """One student's accommodation on one assignment (its prefix is the student's): the numbers
    of a standing one, and dates of their own."""

    opens_at = LocalTimeField("Their own opening time", render_kw={"autocomplete": "off", "class": "time"})
    due_at = LocalTimeField("Their own due time", render_kw={"autocomplete": "off", "class": "time"})
    nothing_extra = SubmitField("Nothing extra on this test")

    def accommodation(self) -> Accommodation | None:
        """As typed; "Nothing extra on this test" is an accommodation that gives nothing, which
        replaces a standing one on this assignment (``core.assignments.applying``)."""
        if self.nothing_extra.data:
            return Accommodation()
        return self._typed(opens_at=self.opens_at.moment, due_at=self.due_at.moment)

    @staticmethod
    def values_of(accommodation: Accommodation | None) -> dict[str, Any]:
        if accommodation is None:
            return {}
        return StandingAccommodationForm.values_of(accommodation) | {
            "opens_at": form_value(accommodation.opens_at),
            "due_at": form_value(accommodation.due_at),
        }


# --- classes and banks ---------------------------------------------------------------------


class RenameClassForm(ClassForm):
    """The class's name, by the rules of a new class's."""

    submit = SubmitField("Rename")


class ArchiveClassForm(FlaskForm):
    """Archive (``archive`` ticked, as the button sends it) or bring back (not ticked).
    Archiving happens once ``confirmed`` (the confirmation page's button sends it)."""

    archive = BooleanField("Archive")
    confirmed = BooleanField("Confirmed")


YES, NO = "yes", "no"


class BankVisibilityForm(FlaskForm):
    published = RadioField(
        "Who sees it",
        choices=[
            SelectChoice(YES, "Students of the classes it is assigned to"),
            SelectChoice(NO, "No student: hidden"),
        ],
        validators=[InputRequired(message="Choose who sees it.")],
    )
    open_practice = RadioField(
        "Practice",
        choices=[
            SelectChoice(NO, "Only in the classes it is assigned to (where study is on)"),
            SelectChoice(YES, "Open practice for every student"),
        ],
        validators=[InputRequired(message="Choose who may practise it.")],
    )
    confirmed = BooleanField("Confirmed")  # hiding a bank its classes use: sent by the confirmation page
    submit = SubmitField("Save")


def described(field: Field, text: str) -> None:
    """Give a field (of this request's form) its hint."""
    field.description = text
