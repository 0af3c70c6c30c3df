"""The home page: first-run set-up, or what each role needs first."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user

from quizapp.services import accounts, assignments, attempts, bank_library, clock
from quizapp.services.bank_library import library
from quizapp.services.results import quiz_summaries

blueprint = Blueprint("pages", __name__)


@blueprint.get("/")
def index() -> Any:
    if not current_user.is_authenticated:
        if not accounts.teacher_exists():
            return redirect(url_for("auth.setup"))
        open_to_all = [bank for bank in bank_library.summaries() if bank.published and bank.open_practice]
        return render_template("index.html", banks=open_to_all)
    if current_user.is_teacher:
        return render_template(
            "teacher/home.html",
            classes=accounts.classes_of_teacher(current_user.id),
            banks=bank_library.summaries(),
            problems=library().catalog.problems,
        )
    return _student_home()


def _student_home() -> str:
    """What is due first (each assignment, its status, its due time, its score once there is
    one), then the banks the student may practise."""
    now = clock.now()
    taken = attempts.attempts_of(current_user.id, now)
    views = assignments.student_assignments(current_user.id, now, taken=taken)
    due = [{"view": view, "counted": assignments.counted_attempt(view)} for view in views]
    visible = assignments.visible_banks(current_user.account, now, taken, views)
    summaries = quiz_summaries([bank for bank, allowed in visible if allowed.study], taken)
    return render_template(
        "student/home.html",
        due=due,
        summaries=summaries,
        classes=accounts.classes_of_student(current_user.id),
    )
