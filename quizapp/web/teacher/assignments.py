"""Teachers: assignments of quizzes to their classes, students' accommodations (on one assignment,
or for every test of a class), renaming and archiving a class, and who sees each bank.

Every rule is the service's (``services.assignments``, ``services.accounts``); these pages read
what the teacher typed and show what the services answer. Every class and assignment is looked up
within the teacher's own: another teacher's is "not found".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from quizapp import core
from quizapp.core.assignments import Accommodation, accommodation_problems, standing_problems
from quizapp.core.local_time import TYPED_EXAMPLE
from quizapp.core.model import AnswerVisibility
from quizapp.services import accounts, assignments, bank_library, clock
from quizapp.services.accounts import Account, ClassInfo
from quizapp.services.assignments import AssignmentNotFound, AssignmentRow, BankFlags
from quizapp.services.bank_library import BankNotFound, library
from quizapp.web.auth.login import teacher_required
from quizapp.web.forms import ActionForm, add_error, required_data
from quizapp.web.local_times import reader_zone
from quizapp.web.teacher.assignment_forms import (
    ACCOMMODATION_PLACES,
    NO,
    TERM_PLACES,
    YES,
    AccommodationForm,
    ArchiveClassForm,
    AssignmentForm,
    BankVisibilityForm,
    NewAssignmentForm,
    RenameClassForm,
    SelectChoice,
    StandingAccommodationForm,
    answers_choices,
    described,
    place_problems,
    sentence,
)
from quizapp.web.teaching import my_class, my_student

blueprint = Blueprint("assignments", __name__)


def my_assignment(assignment_id: int) -> AssignmentRow:
    """The current teacher's assignment; anyone else's is "not found" (every assignment page)."""
    row = assignments.assignment_of_teacher(current_user.id, assignment_id)
    if row is None:
        abort(404)
    return row


def _class_url(class_id: int, section: str | None = None) -> str:
    return url_for("teacher.class_detail", class_id=class_id, _anchor=section)


# --- the class page's part -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AssignmentLine:
    """An assignment as the class page lists it."""

    row: AssignmentRow
    time_limit: timedelta | None  # as it applies: the teacher's, else the quiz's; None: untimed
    quiz_time_limit: bool  # the time limit is the quiz's own

    @property
    def terms(self) -> assignments.AssignmentTerms:
        return self.row.terms


def _line(row: AssignmentRow) -> AssignmentLine:
    window = assignments.window_of(row.terms, bank_library.find_bank(row.bank_slug))
    return AssignmentLine(row, window.time_limit, row.terms.time_limit_minutes is None)


def class_extras(classroom: ClassInfo, students: Sequence[Account]) -> dict[str, Any]:
    """What the class page shows of assignments: the class's assignments, which students have an
    accommodation on some (the titles of the assignments it is on, by student id), each student's
    standing accommodation (for every test of the class, by student id), and the forms to rename
    and archive the class."""
    rows = assignments.of_classes([classroom.id])
    titles = {row.id: row.name for row in rows}
    enrolled = {student.id for student in students}
    return {
        "assignment_lines": [_line(row) for row in rows],
        "accommodated": _accommodated_on(titles, enrolled),
        "standing": {
            each.student_id: each.accommodation
            for each in assignments.standing_accommodations([classroom.id])
        },
        "rename_form": RenameClassForm(formdata=None, name=classroom.name, prefix="rename"),
        "archive_form": ArchiveClassForm(formdata=None),
    }


def _accommodated_on(titles: dict[int, str], enrolled: set[int]) -> dict[int, list[str]]:
    """The titles of the assignments (of ``titles``, by id) on which each enrolled student has an
    accommodation of their own, by student id."""
    accommodated: dict[int, list[str]] = defaultdict(list)
    for assignment_id, student_id in sorted(assignments.accommodations_of(list(titles))):
        if student_id in enrolled:
            accommodated[student_id].append(titles[assignment_id])
    return dict(accommodated)


# --- assigning a quiz, changing and deleting an assignment ---------------------------------


def _limit_words(minutes: int | None) -> str:
    return f"{minutes} minute{'s' if minutes != 1 else ''}" if minutes else "no time limit"


def _answers_words(visibility: AnswerVisibility) -> str:
    return "never" if visibility is AnswerVisibility.NEVER else "after the test is submitted"


def _time_hint(empty: str) -> str:
    return f"A date and a time, in your time zone ({reader_zone().key}): for example {TYPED_EXAMPLE}. {empty}"


def _describe(form: AssignmentForm, bank: core.Bank | None) -> None:
    """The hints of this request: the reader's zone, and the quiz's own title, limit and answers."""
    quiz_title = f"the quiz’s title ({bank.title})" if bank else "the quiz’s title"
    described(
        form.title,
        f"Empty: {quiz_title}. Give one to tell two assignments of a quiz apart, such as "
        "“Unit test” and “Retake”.",
    )
    described(form.opens_at, _time_hint("Empty: open at once."))
    described(form.due_at, _time_hint("Empty: no due time."))
    own = f"the quiz’s own ({_limit_words(bank.settings.time_limit_minutes)})" if bank else "the quiz’s own"
    described(form.time_limit, f"Empty: {own}. 0: no time limit.")
    described(form.max_attempts, "From 1 up, or tick “Unlimited”.")
    form.show_answers.choices = answers_choices(
        f" ({_answers_words(bank.settings.show_answers)})" if bank else ""
    )


def _warn(terms: assignments.AssignmentTerms) -> None:
    """Say what the teacher saved but probably did not mean (a due time already past)."""
    for warning in assignments.warnings(terms, clock.now()):
        flash(sentence(warning), "warning")


def _terms_checked(form: AssignmentForm) -> assignments.AssignmentTerms | None:
    """The form's terms if it validated and the service finds nothing wrong with them; else
    None, with each problem under its field."""
    if not form.validate_on_submit():
        return None
    terms = form.terms()
    place_problems(form, assignments.problems(terms), TERM_PLACES)
    return None if form.errors else terms


@blueprint.route("/classes/<int:class_id>/assignments/new", methods=["GET", "POST"])
@teacher_required
def new(class_id: int) -> Any:
    classroom = my_class(class_id)
    banks = library().catalog.banks
    hidden = {summary.slug for summary in bank_library.summaries() if not summary.published}
    if request.method == "POST":
        form = NewAssignmentForm()
    else:
        form = NewAssignmentForm(quiz=request.args.get("quiz", ""))
    form.quiz.choices = [SelectChoice("", "Choose a quiz")] + [
        SelectChoice(
            bank.slug,
            f"{bank.title} ({_limit_words(bank.settings.time_limit_minutes)}"
            f"{', hidden from students' if bank.slug in hidden else ''})",
        )
        for bank in banks
    ]
    chosen = next((bank for bank in banks if bank.slug == form.quiz.data), None)
    _describe(form, chosen)
    terms = _terms_checked(form)
    if terms is not None:
        bank_slug = required_data(form.quiz.data)  # the form's field and ?quiz= say "quiz", as teachers do
        try:
            assignment_id = assignments.create(current_user.id, classroom.id, bank_slug, terms)
        except BankNotFound:
            add_error(form.quiz, "That quiz is no longer in service: choose another.")
        except ValueError as error:  # the terms changed meaning in between: say it as the service does
            form.form_errors.append(str(error))
        else:
            created = assignments.assignment_of_teacher(current_user.id, assignment_id)
            name = created.name if created else bank_slug
            flash(f"“{name}” is assigned to {classroom.name}.", "success")
            _warn(terms)
            return redirect(_saved_url(assignment_id))
    status = 422 if form.errors else 200
    return render_template("teacher/assignments/form.html", classroom=classroom, form=form, row=None), status


def _saved_url(assignment_id: int) -> str:
    """Where a saved assignment leads: its own page, whose top shows the message and any warning
    (the class page's assignments section would scroll them out of sight) with the terms."""
    return url_for("assignment_results.assignment", assignment_id=assignment_id)


@blueprint.route("/assignments/<int:assignment_id>/edit", methods=["GET", "POST"])
@teacher_required
def edit(assignment_id: int) -> Any:
    row = my_assignment(assignment_id)
    classroom = my_class(row.class_id)
    if request.method == "POST":
        form = AssignmentForm()
    else:
        form = AssignmentForm(data=AssignmentForm.values_of(row.terms))
    _describe(form, bank_library.find_bank(row.bank_slug))
    terms = _terms_checked(form)
    if terms is not None:
        try:
            running = assignments.update(current_user.id, row.id, terms)
        except AssignmentNotFound:  # deleted in another tab
            abort(404)
        except ValueError as error:
            form.form_errors.append(str(error))
        else:
            saved = assignments.assignment_of_teacher(current_user.id, row.id)
            flash(f"Saved the assignment “{(saved or row).name}”.", "success")
            _warn(terms)
            if running:
                flash(
                    "Some students are taking it now: the change applies to new attempts; "
                    "running ones keep their deadline.",
                    "info",
                )
            return redirect(_saved_url(row.id))
    status = 422 if form.errors else 200
    return render_template("teacher/assignments/form.html", classroom=classroom, form=form, row=row), status


@blueprint.route("/assignments/<int:assignment_id>/delete", methods=["GET", "POST"])
@teacher_required
def delete(assignment_id: int) -> Any:
    row = my_assignment(assignment_id)
    form = ActionForm()
    if form.validate_on_submit():
        try:
            kept = assignments.delete(current_user.id, row.id, clock.now())
        except AssignmentNotFound:
            abort(404)
        message = f"The assignment “{row.name}” of {row.class_name} is deleted."
        if kept:
            message += (
                f" Its {kept} attempt{'s are' if kept != 1 else ' is'} kept with the students’ results."
            )
        flash(message, "success")
        return redirect(url_for("teacher.class_detail", class_id=row.class_id))
    return render_template(
        "teacher/assignments/delete.html", row=row, form=form, attempts=assignments.attempts_under(row.id)
    )


# --- accommodations ------------------------------------------------------------------------


def _accommodation_form(student: Account, accommodation: Any, posted: bool = False) -> AccommodationForm:
    prefix = f"s{student.id}"
    if posted:
        form = AccommodationForm(prefix=prefix)
    else:
        form = AccommodationForm(
            formdata=None, prefix=prefix, data=AccommodationForm.values_of(accommodation)
        )
    described(form.opens_at, _time_hint("Empty: the assignment’s."))
    described(form.due_at, _time_hint("Empty: the assignment’s."))
    return form


def _accommodations_page(
    row: AssignmentRow, posted: AccommodationForm | None = None, student_id: int = 0
) -> Any:
    classroom = my_class(row.class_id)
    students = []
    for student, view in assignments.class_views(row, clock.now()):
        own, standing = view.accommodations.own, view.accommodations.standing
        form = posted if posted is not None and student.id == student_id else None
        students.append(
            {
                "account": student,
                "view": view,
                "accommodation": own,  # as set on this assignment
                "nothing_extra": own == Accommodation(),
                "standing": standing,  # the class's: applies unless there is one on this assignment
                "form": form or _accommodation_form(student, own),
            }
        )
    window = assignments.window_of(row.terms, bank_library.find_bank(row.bank_slug))
    page = render_template(
        "teacher/assignments/accommodations.html",
        row=row,
        classroom=classroom,
        students=students,
        window=window,  # the class's: each student's terms are shown where they differ from it
        untimed=window.time_limit is None,
    )
    return page, 422 if posted is not None else 200


@blueprint.get("/assignments/<int:assignment_id>/accommodations")
@teacher_required
def accommodations(assignment_id: int) -> Any:
    return _accommodations_page(my_assignment(assignment_id))


@blueprint.route("/assignments/<int:assignment_id>/accommodations/<int:student_id>", methods=["GET", "POST"])
@teacher_required
def accommodate(assignment_id: int, student_id: int) -> Any:
    """Set or remove one student's accommodation (a reload of the page after a refused form
    lands on the accommodations page)."""
    row = my_assignment(assignment_id)
    student = my_student(row.class_id, student_id)
    back = url_for("assignments.accommodations", assignment_id=row.id, _anchor=f"student-{student.id}")
    if request.method == "GET":
        return redirect(back)
    form = _accommodation_form(student, None, posted=True)
    if form.validate_on_submit():
        accommodation = form.accommodation()
        if accommodation is not None:
            place_problems(form, accommodation_problems(accommodation), ACCOMMODATION_PLACES)
        if not form.errors:
            try:
                assignments.accommodate(current_user.id, row.id, student.username, accommodation)
            except AssignmentNotFound:  # left the class, or the assignment went, meanwhile
                abort(404)
            except ValueError as error:
                form.form_errors.append(str(error))
            else:
                flash(_accommodated_words(student, row, accommodation), "success")
                return redirect(back)
    return _accommodations_page(row, form, student.id)


def _accommodated_words(student: Account, row: AssignmentRow, accommodation: Accommodation | None) -> str:
    """What the teacher just did, as the flash says it (naming the class's accommodation, which
    applies where the student has none of their own on the assignment)."""
    if accommodation == Accommodation():
        return f"{student.display_name} has nothing extra on “{row.name}”: not the class’s accommodation."
    if accommodation is not None:
        return f"{student.display_name} has an accommodation on “{row.name}”."
    if _standing_of(row.class_id, student.id) is not None:
        return (
            f"{student.display_name} has no accommodation of their own on “{row.name}”: the class’s applies."
        )
    return f"{student.display_name} has no accommodation on “{row.name}”."


# --- a student's accommodation for every test of a class ------------------------------------


def _standing_of(class_id: int, student_id: int) -> Accommodation | None:
    """The student's standing accommodation in the class (None: none)."""
    found = assignments.standing_accommodations([class_id])
    return next((each.accommodation for each in found if each.student_id == student_id), None)


@blueprint.route("/classes/<int:class_id>/students/<int:student_id>/accommodation", methods=["GET", "POST"])
@teacher_required
def standing_accommodation(class_id: int, student_id: int) -> Any:
    """Set or remove a student's standing accommodation: extra time and attempts on every test
    of the class on which they have no accommodation of their own."""
    classroom = my_class(class_id)
    student = my_student(classroom.id, student_id)
    current = _standing_of(classroom.id, student.id)
    if request.method == "POST":
        form = StandingAccommodationForm()
    else:
        form = StandingAccommodationForm(formdata=None, data=StandingAccommodationForm.values_of(current))
    if form.validate_on_submit():
        accommodation = form.accommodation()
        if accommodation is not None:
            place_problems(form, standing_problems(accommodation), ACCOMMODATION_PLACES)
        if not form.errors:
            try:
                assignments.accommodate_in_class(
                    current_user.id, classroom.id, student.username, accommodation
                )
            except AssignmentNotFound:  # left the class meanwhile
                abort(404)
            except ValueError as error:
                form.form_errors.append(str(error))
            else:
                who, tests = student.display_name, f"every test of {classroom.name}"
                if accommodation is not None:
                    flash(f"{who} has an accommodation on {tests}.", "success")
                else:
                    flash(f"Removed the accommodation of {who} for {tests}.", "success")
                return redirect(_class_url(classroom.id, f"student-{student.id}"))
    rows = assignments.of_classes([classroom.id])
    own_on = _accommodated_on({row.id: row.name for row in rows}, {student.id}).get(student.id, [])
    page = render_template(
        "teacher/assignments/standing.html",
        classroom=classroom,
        student=student,
        form=form,
        current=current,
        own_on=own_on,
    )
    return page, 422 if form.errors else 200


# --- classes: rename, archive --------------------------------------------------------------


@blueprint.route("/classes/<int:class_id>/rename", methods=["GET", "POST"])
@teacher_required
def rename_class(class_id: int) -> Any:
    classroom = my_class(class_id)
    if request.method == "POST":
        form = RenameClassForm(prefix="rename")
    else:
        form = RenameClassForm(prefix="rename", name=classroom.name)
    if form.validate_on_submit():
        try:
            accounts.rename_class(current_user.id, classroom.id, required_data(form.name.data))
        except accounts.ClassNameTaken as taken:
            add_error(form.name, accounts.class_name_taken_message(taken))
        else:
            flash(f"{classroom.name} is now called {required_data(form.name.data).strip()}.", "success")
            return redirect(_class_url(classroom.id))
    status = 422 if form.errors else 200
    return render_template("teacher/assignments/rename.html", classroom=classroom, form=form), status


def _archive_page(classroom: ClassInfo) -> str:
    """The confirmation: whom archiving the class takes it from, and the button that does it."""
    reach = assignments.class_reach(current_user.id, classroom.id, clock.now())
    return render_template(
        "teacher/assignments/archive.html",
        classroom=classroom,
        reach=reach,
        form=ArchiveClassForm(formdata=None),
    )


@blueprint.route("/classes/<int:class_id>/archive", methods=["GET", "POST"])
@teacher_required
def archive_class(class_id: int) -> Any:
    """Archive the class (the form's ``archive`` ticked, once ``confirmed`` on the page that
    says whom it takes the class from) or bring it back (no confirmation: nothing is lost)."""
    classroom = my_class(class_id)
    if request.method == "GET":
        return _archive_page(classroom) if not classroom.archived else redirect(_class_url(classroom.id))
    form = ArchiveClassForm()
    if form.validate_on_submit():
        archive = bool(form.archive.data)
        if archive and not form.confirmed.data:  # a form without the confirmation: ask for it
            return _archive_page(classroom)
        accounts.archive_class(current_user.id, classroom.id, clock.now() if archive else None)
        if archive:
            flash(
                f"{classroom.name} is archived: its students no longer see it or its assignments. "
                "Its results stay, and you can bring it back.",
                "success",
            )
            return redirect(url_for("teacher.classes", _anchor="archived"))
        flash(f"{classroom.name} is back: its students see it again.", "success")
    return redirect(_class_url(classroom.id))


# --- banks: who sees them ------------------------------------------------------------------


class _Shown(Protocol):
    """What the visibility form needs of a bank (a ``bank_library.summaries()`` item)."""

    @property
    def slug(self) -> str: ...
    @property
    def published(self) -> bool: ...
    @property
    def open_practice(self) -> bool: ...


def _visibility_form(summary: _Shown, formdata: Any = None) -> BankVisibilityForm:
    """The form as it stands for the bank (``formdata``: as posted); its fields' ids name the
    bank, so that the home page's forms, one per bank, label each its own."""
    form = BankVisibilityForm(
        formdata=formdata,
        published=YES if summary.published else NO,
        open_practice=YES if summary.open_practice else NO,
    )
    form.published.id = f"published-{summary.slug}"
    form.open_practice.id = f"open-practice-{summary.slug}"
    return form


@blueprint.app_context_processor
def _bank_visibility_forms() -> dict[str, Any]:
    return {"bank_visibility_form": _visibility_form}


@blueprint.route("/banks/<bank_slug>/visibility", methods=["GET", "POST"])
@teacher_required
def bank_visibility(bank_slug: str) -> Any:
    """Publish or hide a bank, open it for practice to every student or not (banks are the
    school's: any teacher may)."""
    summary = next((s for s in bank_library.summaries() if s.slug == bank_slug), None)
    if summary is None:
        raise BankNotFound(bank_slug)
    form = _visibility_form(summary, request.form if request.method == "POST" else None)
    if form.validate_on_submit():
        flags = BankFlags(published=form.published.data == YES, open_practice=form.open_practice.data == YES)
        if summary.published and not flags.published and not form.confirmed.data:
            reach = assignments.bank_reach(summary.slug, clock.now())
            if reach.assignments or reach.tests_running:  # its classes lose it: ask first
                return render_template(
                    "teacher/assignments/hide.html", bank=summary, form=form, flags=flags, reach=reach
                )
        try:
            assignments.set_bank_flags(summary.slug, flags, clock.now())
        except ValueError as error:  # practice for everyone would give held-back answers away
            form.open_practice.errors = [sentence(str(error))]
            return render_template("teacher/assignments/visibility.html", bank=summary, form=form), 422
        seen = "is shown to the students of the classes it is assigned to" if flags.published else "is hidden"
        practice = " and open practice for every student" if flags.published and flags.open_practice else ""
        flash(f"{summary.title} {seen}{practice}.", "success")
        return redirect(url_for("pages.index", _anchor=f"bank-{summary.slug}"))
    status = 422 if form.errors else 200
    return render_template("teacher/assignments/visibility.html", bank=summary, form=form), status
