"""Progress dashboards: a student's own, a teacher's view of it, and a class's weak spots."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from quizapp.services import accounts, clock
from quizapp.services.dashboards import class_progress, student_dashboard
from quizapp.web.auth.login import teacher_required
from quizapp.web.forms import ActionForm
from quizapp.web.local_times import reader_zone
from quizapp.web.teaching import my_class, my_student

blueprint = Blueprint("progress", __name__)


@blueprint.get("/progress")
@login_required
def dashboard() -> str:
    board = student_dashboard(current_user.account, clock.now(), reader_zone())
    return render_template("progress/dashboard.html", board=board, own=True, form=ActionForm())


@blueprint.get("/classes/<int:class_id>/students/<int:student_id>/progress")
@teacher_required
def student_progress(class_id: int, student_id: int) -> str:
    classroom = my_class(class_id)
    student = my_student(classroom.id, student_id)
    board = student_dashboard(student, clock.now(), reader_zone())
    return render_template(
        "progress/dashboard.html", board=board, own=False, classroom=classroom, form=ActionForm()
    )


@blueprint.get("/classes/<int:class_id>/progress")
@teacher_required
def class_view(class_id: int) -> str:
    classroom = my_class(class_id)
    progress = class_progress(classroom.id, accounts.students_of_class(classroom.id), clock.now())
    return render_template("progress/class.html", classroom=classroom, progress=progress)
