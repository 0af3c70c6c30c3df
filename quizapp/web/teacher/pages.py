"""Teachers: classes, students (one by one or from a roster), and class results per quiz.

Every class and student is looked up with ``web/teaching.py``: another teacher's is "not found".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from fractions import Fraction
from typing import Any

from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user
from werkzeug.wrappers import Response as WerkzeugResponse

from quizapp.core.accounts import new_password, shown_join_code
from quizapp.core.roster import by_line, parse_roster
from quizapp.services import accounts, assignments, bank_library, clock, password_slips, reports
from quizapp.services import attempts as attempt_service
from quizapp.services.accounts import Account, ClassInfo, ClassNameTaken, UsernameTaken
from quizapp.services.attempts import AttemptState
from quizapp.services.bank_library import library
from quizapp.services.export_formats import FORMATS
from quizapp.services.results import quiz_summary
from quizapp.services.score_exports import KINDS, ExportRequest, export_scores
from quizapp.web.auth.login import teacher_required
from quizapp.web.downloads import attachment, since_argument, streamed
from quizapp.web.forms import (
    ActionForm,
    AddStudentForm,
    ClassForm,
    RemoveStudentForm,
    RosterForm,
    add_error,
    required_data,
)
from quizapp.web.local_times import reader_zone
from quizapp.web.teacher.assignments import class_extras
from quizapp.web.teaching import my_class, my_student

blueprint = Blueprint("teacher", __name__, url_prefix="/classes")
MAX_ROSTER_BYTES = 256 * 1024


@blueprint.route("", methods=["GET", "POST"])
@teacher_required
def classes() -> Any:
    form = ClassForm()
    if form.validate_on_submit():
        try:
            classroom = accounts.create_class(
                current_user.id, required_data(form.name.data), clock.secure_random()
            )
        except ClassNameTaken as taken:
            add_error(form.name, accounts.class_name_taken_message(taken))
        else:
            flash(f"Class created. Its join code is {shown_join_code(classroom.join_code)}.", "success")
            return redirect(url_for("teacher.class_detail", class_id=classroom.id))
    return render_template(
        "teacher/classes.html", classes=accounts.classes_of_teacher(current_user.id), form=form
    ), 422 if form.errors else 200


def _class_page(
    classroom: ClassInfo, add_form: AddStudentForm, roster_form: RosterForm, status: int = 200, **extra: Any
) -> WerkzeugResponse:
    """The class page; never stored by a cache (``_unstored``): after adding students, a roster
    or a reset it prints their one-time passwords."""
    students = accounts.students_of_class(classroom.id)
    banks = library().catalog.banks
    now = clock.now()
    page = render_template(
        "teacher/class.html",
        classroom=classroom,
        students=students,
        banks=banks,
        add_form=add_form,
        roster_form=roster_form,
        action_form=ActionForm(),
        slips=password_slips.of_class(classroom.id, now),
        removals=accounts.recent_removals(classroom.id, now),
        **class_extras(classroom, students),
        **extra,
    )
    return _unstored(page, status)


def _unstored(page: str, status: int = 200) -> WerkzeugResponse:
    """A page that may show one-time passwords: no copy in any cache (nor the browser's history)."""
    response = WerkzeugResponse(page, status=status, content_type="text/html; charset=utf-8")
    response.headers["Cache-Control"] = "no-store"
    return response


def _created(classroom: ClassInfo, created: list[tuple[Account, str]]) -> list[tuple[Account, str]]:
    """New one-time passwords, kept for the class page's printable slips and CSV too."""
    password_slips.keep(classroom.id, created, clock.now())
    return created


@blueprint.get("/<int:class_id>")
@teacher_required
def class_detail(class_id: int) -> Any:
    return _class_page(my_class(class_id), AddStudentForm(prefix="add"), RosterForm(prefix="roster"))


@blueprint.get("/<int:class_id>/students")
@blueprint.get("/<int:class_id>/roster")
@teacher_required
def back_to_class(class_id: int) -> WerkzeugResponse:
    """A reload of a page shown after a form post lands on the class page."""
    return redirect(url_for("teacher.class_detail", class_id=my_class(class_id).id))


@blueprint.post("/<int:class_id>/students")
@teacher_required
def add_student(class_id: int) -> Any:
    classroom = my_class(class_id)
    form = AddStudentForm(prefix="add")
    if form.validate_on_submit():
        password = form.password.data or new_password(clock.secure_random())
        try:
            account = accounts.add_student(
                classroom.id,
                required_data(form.username.data),
                required_data(form.display_name.data),
                password,
            )
        except UsernameTaken:
            add_error(form.username, "That username is taken.")
        else:
            created = _created(classroom, [(account, password)]) if not form.password.data else []
            flash(f"{account.display_name} ({account.username}) was added.", "success")
            return _class_page(
                classroom,
                AddStudentForm(prefix="add", formdata=None),
                RosterForm(prefix="roster"),
                created=created,
            )
    return _class_page(classroom, form, RosterForm(prefix="roster"), 422)


@blueprint.post("/<int:class_id>/roster")
@teacher_required
def upload_roster(class_id: int) -> Any:
    classroom = my_class(class_id)
    form = RosterForm(prefix="roster")
    if form.validate_on_submit():
        data = form.roster.data.read(MAX_ROSTER_BYTES + 1)
        text = None
        if len(data) > MAX_ROSTER_BYTES:
            add_error(form.roster, "The file is too large (more than 256 KB).")
        else:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                add_error(
                    form.roster, "Save the file as CSV in UTF-8 (spreadsheets offer it under 'Save as')."
                )
        if text is not None:
            entries, problems = parse_roster(text)
            outcome = accounts.import_roster(classroom.id, current_user.id, entries, clock.secure_random())
            return _class_page(
                classroom,
                AddStudentForm(prefix="add"),
                RosterForm(prefix="roster", formdata=None),
                created=_created(classroom, outcome.created),
                enrolled=outcome.enrolled,
                roster_problems=by_line(problems + outcome.errors),
            )
    return _class_page(classroom, AddStudentForm(prefix="add"), form, 422)


@dataclass(frozen=True, slots=True)
class StudentResults:
    student: Account
    tests: list[AttemptState]  # submitted tests, newest first
    percents: list[Fraction]
    practices: int
    live: int  # live quizzes: shown, not scored with the tests (docs/live.md)
    open_attempt: AttemptState | None

    @property
    def best(self) -> Fraction | None:
        return max(self.percents) if self.percents else None

    @property
    def last(self) -> Fraction | None:
        return self.percents[0] if self.percents else None

    @property
    def last_duration(self) -> timedelta | None:
        return self.tests[0].duration if self.tests else None


@blueprint.get("/<int:class_id>/quizzes/<bank_slug>")
@teacher_required
def quiz_results(class_id: int, bank_slug: str) -> str:
    classroom = my_class(class_id)
    bank = bank_library.bank(bank_slug)
    students = accounts.students_of_class(classroom.id)
    attempts = attempt_service.attempts_of_users([s.id for s in students], clock.now(), bank.slug)
    rows = []
    for student in students:
        summary = quiz_summary(bank, [a for a in attempts if a.user_id == student.id])
        rows.append(
            StudentResults(
                student=student,
                tests=list(summary.test_attempts),
                percents=list(summary.test_percents),
                practices=summary.practices,
                live=summary.live,
                open_attempt=summary.open_attempt,
            )
        )
    sort = request.args.get("sort", "name")
    keys: dict[str, Callable[[StudentResults], Any]] = {
        "name": lambda r: (r.student.display_name.lower(), r.student.username),
        "tests": lambda r: -len(r.tests),
        "best": lambda r: -(r.best if r.best is not None else -1),
        "last": lambda r: -(r.last if r.last is not None else -1),
        "time": lambda r: r.last_duration or timedelta.max,
    }
    rows.sort(key=keys.get(sort, keys["name"]))
    return render_template(
        "teacher/results.html",
        classroom=classroom,
        bank=bank,
        rows=rows,
        sort=sort if sort in keys else "name",
        assigned=assignments.of_classes([classroom.id], bank.slug),
    )


@blueprint.post("/<int:class_id>/students/<int:student_id>/password")
@teacher_required
def reset_password(class_id: int, student_id: int) -> Any:
    """A new one-time password for a student who forgot theirs."""
    classroom = my_class(class_id)
    account = my_student(classroom.id, student_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    password = accounts.reset_password(account.id, clock.secure_random())
    flash(
        f"{account.display_name} has a new one-time password; they choose their own at the next login.",
        "success",
    )
    return _class_page(
        classroom,
        AddStudentForm(prefix="add", formdata=None),
        RosterForm(prefix="roster", formdata=None),
        created=_created(classroom, [(account, password)]),
    )


@blueprint.post("/<int:class_id>/students/<int:student_id>/remove")
@teacher_required
def remove_student(class_id: int, student_id: int) -> Any:
    """Take a student out of the class, once confirmed: their accommodations there go with them."""
    classroom = my_class(class_id)
    account = my_student(classroom.id, student_id)
    form = RemoveStudentForm()
    if not form.validate_on_submit():
        abort(400)
    if not form.confirmed.data:  # the class page's button: say what goes, and ask
        standing = next(
            (
                each.accommodation
                for each in assignments.standing_accommodations([classroom.id])
                if each.student_id == account.id
            ),
            None,
        )
        rows = assignments.of_classes([classroom.id])
        given = assignments.accommodations_of([row.id for row in rows])
        own = [row.name for row in rows if (row.id, account.id) in given]
        return render_template(
            "teacher/remove_student.html",
            classroom=classroom,
            student=account,
            standing=standing,
            own=own,
            form=form,
        )
    accounts.remove_from_class(classroom.id, account.id, clock.now())
    minutes = int(accounts.UNDO_REMOVAL.total_seconds() // 60)
    flash(
        f"{account.display_name} was removed from {classroom.name}. Their account and results stay; "
        f"they can join again with the join code. For {minutes} minutes you can put them back as they "
        "were, accommodations included, with “Undo” below.",
        "success",
    )
    return redirect(url_for("teacher.class_detail", class_id=classroom.id, _anchor="removed"))


@blueprint.post("/<int:class_id>/students/<int:student_id>/put-back")
@teacher_required
def put_back(class_id: int, student_id: int) -> WerkzeugResponse:
    """Undo "Remove from class" within its minutes: the student is back, accommodations included."""
    classroom = my_class(class_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    removal = next(
        (
            each
            for each in accounts.recent_removals(classroom.id, clock.now())
            if each.student_id == student_id
        ),
        None,
    )
    if removal is not None and accounts.put_back(classroom.id, student_id, clock.now()):
        flash(f"{removal.display_name} is back in {classroom.name}, as before the removal.", "success")
    else:
        flash(
            "Too late to undo that removal: add the student again, or let them join with the code.", "error"
        )
    return redirect(url_for("teacher.class_detail", class_id=classroom.id))


@blueprint.get("/<int:class_id>/passwords/slips")
@teacher_required
def password_slips_page(class_id: int) -> WerkzeugResponse:
    """The one-time passwords made in the last minutes, one cut-out slip per student, to print."""
    classroom = my_class(class_id)
    slips = password_slips.of_class(classroom.id, clock.now())
    if not slips:
        return _no_slips(classroom)
    return _unstored(
        render_template("teacher/password_slips.html", classroom=classroom, slips=slips, address=_address())
    )


@blueprint.get("/<int:class_id>/passwords.csv")
@teacher_required
def password_slips_csv(class_id: int) -> WerkzeugResponse:
    classroom = my_class(class_id)
    slips = password_slips.of_class(classroom.id, clock.now())
    if not slips:
        return _no_slips(classroom)
    return attachment(
        password_slips.slips_csv(slips, _address()),
        "text/csv; charset=utf-8",
        password_slips.csv_file_name(classroom),
    )


def _no_slips(classroom: ClassInfo) -> WerkzeugResponse:
    minutes = int(password_slips.SLIP_LIFETIME.total_seconds() // 60)
    flash(
        f"No one-time passwords to hand out now: they are kept for {minutes} minutes after they are "
        "made (and until the student uses theirs). Give a student a new one with “New password”.",
        "info",
    )
    return redirect(url_for("teacher.class_detail", class_id=classroom.id))


def _address() -> str:
    """Where students log in, as they type it: the slips and the CSV print it."""
    return url_for("auth.login", _external=True)


@blueprint.get("/<int:class_id>/quizzes/<bank_slug>/report")
@teacher_required
def quiz_report(class_id: int, bank_slug: str) -> str:
    """Score distribution, item analysis and the article heatmap of a quiz in a class."""
    classroom = my_class(class_id)
    bank = bank_library.bank(bank_slug)
    students = accounts.students_of_class(classroom.id)
    attempts = attempt_service.attempts_of_users([s.id for s in students], clock.now(), bank.slug)
    report = reports.quiz_report(bank, students, attempts)
    return render_template("teacher/report.html", classroom=classroom, bank=bank, report=report)


@blueprint.get("/<int:class_id>/students/<int:student_id>")
@teacher_required
def student(class_id: int, student_id: int) -> str:
    classroom = my_class(class_id)
    account = my_student(classroom.id, student_id)
    attempts = [a for a in attempt_service.attempts_of(student_id, clock.now()) if a.submitted]
    scores = {a.id: attempt_service.score_of(a) for a in attempts}
    return render_template(
        "teacher/student.html",
        classroom=classroom,
        student=account,
        attempts=attempts,
        scores=scores,
    )


@blueprint.get("/<int:class_id>/exports/<kind>.<fmt>")
@teacher_required
def export_class(class_id: int, kind: str, fmt: str) -> WerkzeugResponse:
    """Scores of one class, for a gradebook or for analysis (see docs/exports.md)."""
    return _export([my_class(class_id)], kind, fmt)


@blueprint.get("/exports/<kind>.<fmt>")
@teacher_required
def export_all(kind: str, fmt: str) -> WerkzeugResponse:
    """Scores of all the teacher's classes."""
    return _export(accounts.classes_of_teacher(current_user.id), kind, fmt)


def _export(classes: list[ClassInfo], kind: str, fmt: str) -> WerkzeugResponse:
    if kind not in KINDS or fmt not in FORMATS:
        abort(404)
    bank_slug = request.args.get("quiz") or None
    if bank_slug is not None:
        bank_slug = bank_library.bank(bank_slug).slug  # an unknown quiz is "not found"
    wanted = ExportRequest(kind, fmt, tuple(classes), bank_slug, since_argument(), time_zone=reader_zone())
    return streamed(export_scores(wanted, clock.now()))
