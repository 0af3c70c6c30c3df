"""The account and class forms. Validation only: forms never query; views call the stores."""

from __future__ import annotations

from typing import Any, TypeVar

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    BooleanField,
    Field,
    HiddenField,
    IntegerField,
    PasswordField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)

# types-WTForms describes WTForms 3.2, which had no SelectChoice (new in 3.3, the version installed)
from wtforms.fields import SelectChoice  # type: ignore[attr-defined]
from wtforms.validators import (
    DataRequired,
    EqualTo,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from quizapp.core.accounts import (
    MIN_PASSWORD_LENGTH,
    NAME_MAX_LENGTH,
    USERNAME_RULE,
    name_problem,
    valid_username,
)
from quizapp.core.interchange.quizlet import BadSeparator, QuizletSeparators, quizlet_separators
from quizapp.services.bank_imports import FORMAT_LABELS
from quizapp.services.passwords import password_problem

_Data = TypeVar("_Data")


def required_data(data: _Data | None) -> _Data:
    """A required field's data once its form validated: its validators (DataRequired,
    InputRequired) let no empty value through, though WTForms types the data as optional."""
    if data is None:
        raise ValueError("a required field has no data: validate the form first")
    return data


def add_error(field: Field, message: str) -> None:
    """Show ``message`` under ``field``, after the form's own validation (WTForms types a
    field's errors as a read-only sequence: a tuple before validation, a list after)."""
    field.errors = [*field.errors, message]


def _username(form: FlaskForm, field: StringField) -> None:
    if field.data and not valid_username(field.data):
        raise ValidationError(f"Use {USERNAME_RULE}.")


def _acceptable_name(form: FlaskForm, field: StringField) -> None:
    """The one rule for names (core.accounts.name_problem), as rosters and commands apply it."""
    problem = name_problem(field.data) if field.data else None
    if problem:
        raise ValidationError(f"{problem[:1].upper()}{problem[1:]}.")


def _acceptable_password(form: FlaskForm, field: PasswordField) -> None:
    problem = password_problem(field.data) if field.data else None
    if problem:
        raise ValidationError(problem)


USERNAME = [DataRequired(message="Enter a username."), Length(max=40), _username]
NAME = [DataRequired(message="Enter a name."), Length(max=NAME_MAX_LENGTH), _acceptable_name]
NEW_PASSWORD = [DataRequired(message="Choose a password."), _acceptable_password]


def new_password_field(label: str) -> PasswordField:
    return PasswordField(
        label,
        validators=NEW_PASSWORD,
        description=f"At least {MIN_PASSWORD_LENGTH} characters, and not a common password.",
    )


def repeat_password_field(label: str) -> PasswordField:
    return PasswordField(
        label,
        validators=[DataRequired(message=f"{label}."), EqualTo("password", message="The passwords differ.")],
    )


class BrowserZoneForm(FlaskForm):
    """A form that logs someone in: ``browser_zone.js`` fills in the zone their browser is in,
    kept for them if they have none (``accounts.take_browser_zone``); empty without JavaScript."""

    browser_zone = HiddenField(validators=[Optional(), Length(max=64)])


class LoginForm(BrowserZoneForm):
    username = StringField(
        "Username", validators=[DataRequired(message="Enter your username."), Length(max=40)]
    )
    password = PasswordField(
        "Password", validators=[DataRequired(message="Enter your password."), Length(max=200)]
    )
    submit = SubmitField("Log in")


class NewAccountFields(BrowserZoneForm):
    username = StringField(
        "Username", validators=USERNAME, description="Letters, digits, '.', '_' or '-'. You log in with it."
    )
    display_name = StringField("Your name", validators=NAME, description="Shown to your teacher.")
    password = new_password_field("Password")
    confirm = repeat_password_field("Repeat the password")


def join_code_field() -> StringField:
    """The class join code, as sign-up and joining a class both ask for it."""
    return StringField(
        "Class join code",
        validators=[DataRequired(message="Enter the join code."), Length(max=20)],
        description="Your teacher gives you this code, e.g. K7QM-3XPA.",
    )


class SetupForm(NewAccountFields):
    display_name = StringField("Your name", validators=NAME, description="Shown to your students.")
    submit = SubmitField("Create the teacher account")


class SignupForm(NewAccountFields):
    join_code = join_code_field()
    submit = SubmitField("Sign up")


class JoinClassForm(BrowserZoneForm):
    join_code = join_code_field()
    submit = SubmitField("Join the class")


class ChangePasswordForm(FlaskForm):
    def validate_password(self, field: PasswordField) -> None:
        if field.data and field.data == self.current.data:
            raise ValidationError("Choose a password different from the current one.")

    current = PasswordField(
        "Current password", validators=[DataRequired(message="Enter your current password.")]
    )
    password = new_password_field("New password")
    confirm = repeat_password_field("Repeat the new password")
    submit = SubmitField("Change password")


SCHOOL_ZONE = ""  # the choice "the school's time zone"


class TimeZoneForm(FlaskForm):
    """The zone a person reads and types times in; its choices are set by the view (every zone
    the system knows, after the school's)."""

    time_zone = SelectField("Your time zone", validate_choice=True)
    submit = SubmitField("Save time zone")


class ChooseOwnPasswordForm(BrowserZoneForm):
    """After logging in with a one-time password (it works until this is saved): the session
    proves who it is."""

    password = new_password_field("Your new password")
    confirm = repeat_password_field("Repeat the new password")
    submit = SubmitField("Save my password")


class ClassForm(FlaskForm):
    name = StringField(
        "Class name",
        validators=[DataRequired(message="Name the class."), Length(max=NAME_MAX_LENGTH), _acceptable_name],
        description="For example: History 9B, spring term.",
    )
    submit = SubmitField("Create class")


class AddStudentForm(FlaskForm):
    username = StringField("Username", validators=USERNAME)
    display_name = StringField("Name", validators=NAME)
    password = PasswordField(
        "Password",
        validators=[Optional(), _acceptable_password],
        description="Leave empty to have a one-time password made.",
    )
    submit = SubmitField("Add student")


class RosterForm(FlaskForm):
    roster = FileField(
        "Roster file (CSV)",
        validators=[
            FileRequired(message="Choose a CSV file."),
            FileAllowed(["csv", "txt"], message="Upload a .csv file."),
        ],
        description="One student per line: username, name. A header line is optional.",
    )
    submit = SubmitField("Upload roster")


class ActionForm(FlaskForm):
    """A form with nothing but its CSRF token, for buttons that change something."""

    submit = SubmitField("Go")


class RemoveStudentForm(ActionForm):
    """Take a student out of a class, once ``confirmed`` on the page that says what goes with it."""

    confirmed = BooleanField("Confirmed")


class NewCardsForm(FlaskForm):
    new_cards_per_day = IntegerField(
        "New cards a day",
        validators=[
            InputRequired(message="Give a number."),
            NumberRange(min=0, max=500, message="Choose from 0 to 500."),
        ],
        description="How many cards you have never seen may start each day (reviews are not limited).",
    )
    submit = SubmitField("Save")


BANK_FILE_NAME_RULE = Regexp(
    r"^[a-z0-9][a-z0-9_-]{0,60}\Z",  # \Z: "$" would let a name end in a line break
    message="Use lower-case letters, digits, '-' and '_' (no spaces), e.g. balkans-2026.",
)
BANK_FILE_NAME = [DataRequired(message="Choose a file name."), BANK_FILE_NAME_RULE]


class NewBankForm(FlaskForm):
    title = StringField(
        "Title",
        validators=[DataRequired(message="Give the bank a title."), Length(max=200)],
        description="For example: The Balkans in the news, spring 2026.",
    )
    file_name = StringField(
        "File name",
        validators=BANK_FILE_NAME,
        description="Saved as questions/NAME.yaml; also the bank's id.",
    )
    submit = SubmitField("Create the bank")


class ArticleForm(FlaskForm):
    """An article to draft a bank from: a file, or its text pasted (docs/drafting-input.md)."""

    source = FileField(
        "Article file (or paste its text below)",
        description="A .txt or .md file, or a web page saved from the browser (.html), up to 2 MB.",
    )
    pasted = TextAreaField("Or paste the article's text here", render_kw={"rows": 12})
    title = StringField(
        "Title of the new bank (optional)",
        validators=[Optional(), Length(max=200)],
        description="Leave it empty to take the article's own title.",
    )
    submit = SubmitField("Draft the questions")

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        if not self.source.data and not (self.pasted.data or "").strip():
            add_error(self.pasted, "Choose the article's file, or paste its text here.")
            return False
        if self.source.data and (self.pasted.data or "").strip():  # which one was meant?
            add_error(
                self.pasted,
                "Choose a file or paste a text, not both: empty this box to draft from the file "
                "(choose it again), or leave the file out to draft from this text.",
            )
            return False
        return valid


def _separator_fields(between: str, *named: SelectChoice) -> tuple[SelectField, StringField]:
    """A Quizlet separator as its export dialog offers it: the ``named`` choices (the first is
    Quizlet's default) or "Custom", and the text for a custom one."""
    choice = SelectField(
        f"Quizlet: between {between}",
        choices=[*named, SelectChoice("custom", "Custom")],
        default=named[0].value,
    )
    return choice, StringField(f"Custom separator between {between}", render_kw={"size": 10})


class ImportForm(FlaskForm):
    """A file exported from another tool (or its text pasted), to become a bank after a check."""

    file_format = SelectField(
        "Format", choices=[SelectChoice(value, label) for value, label in FORMAT_LABELS.items()]
    )
    source = FileField(
        "File to import (required, or paste its text below)",
        description="A text file up to 2 MB: GIFT or Aiken exported from Moodle, a Quizlet export "
        "(any separators), or Anki's Notes in Plain Text.",
    )
    pasted = TextAreaField("Or paste its text here", render_kw={"rows": 8, "spellcheck": "false"})
    pasted_from = HiddenField()  # the uploaded file whose text a form that came back keeps above
    # Quizlet's export dialog: the same choices, custom text in the field after each
    quizlet_term, quizlet_term_custom = _separator_fields(
        "term and definition", SelectChoice("tab", "Tab"), SelectChoice("comma", "Comma")
    )
    quizlet_row, quizlet_row_custom = _separator_fields(
        "rows", SelectChoice("newline", "New line"), SelectChoice("semicolon", "Semicolon")
    )
    title = StringField(
        "Title of the new bank (optional)",
        validators=[Optional(), Length(max=200)],
        description="Leave it empty to take the title from the file: its category (GIFT) or deck "
        "(Anki). You are asked for one if the file names none.",
    )
    file_name = StringField(
        "File name for the new bank (optional)",
        validators=[Optional(), BANK_FILE_NAME_RULE],
        description="Saved as questions/NAME.yaml after you check it in the editor. Leave it empty "
        "to have one made from the title.",
    )
    submit = SubmitField("Import and check")

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        if not self.source.data and not (self.pasted.data or "").strip():
            add_error(self.source, "Choose a file, or paste its text below.")
            return False
        if self.file_format.data == "quizlet":
            try:
                self.quizlet_separators()
            except BadSeparator as error:
                add_error(self._separator(error.which)[1], f"{error}.")
                return False
        return valid

    def quizlet_separators(self) -> QuizletSeparators:
        """The separators chosen for a Quizlet export; raises BadSeparator for a bad choice."""
        return quizlet_separators(_chosen(*self._separator("term")), _chosen(*self._separator("row")))

    def separators_shown(self) -> bool:
        """Whether the page shows the separators unfolded: when one of them has an error, or
        differs from Quizlet's default (the teacher then sees the choice the form came back with)."""
        fields = (*self._separator("term"), *self._separator("row"))
        return any(field.errors for field in fields) or any(
            field.data not in (None, "", field.default) for field in fields
        )

    def _separator(self, which: str) -> tuple[SelectField, StringField]:
        """The choice and the custom text of the separator ``which`` ("term" or "row", as
        BadSeparator names it): the pair of fields ``_separator_fields`` made."""
        return getattr(self, f"quizlet_{which}"), getattr(self, f"quizlet_{which}_custom")


def _chosen(choice: SelectField, custom: StringField) -> str:
    """A separator's name, or its custom text ("" when none was typed: refused as empty)."""
    if choice.data == "custom":
        return custom.data or ""
    return str(choice.data or choice.default)
