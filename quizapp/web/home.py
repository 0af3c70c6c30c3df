"""The home page: first-run set-up, or what each role needs first."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user

from quizapp.services import accounts, attempts, bank_library, clock
from quizapp.services.bank_library import library
from quizapp.services.results import quiz_summaries

blueprint = Blueprint("pages", __name__)


@blueprint.get("/")
def index() -> Any:
    if not current_user.is_authenticated:
        if not accounts.teacher_exists():
            return redirect(url_for("auth.setup"))
        return render_template("index.html", banks=bank_library.summaries())
    if current_user.is_teacher:
        return render_template(
            "teacher/home.html",
            classes=accounts.classes_of_teacher(current_user.id),
            banks=bank_library.summaries(),
            problems=library().catalog.problems,
        )
    summaries = quiz_summaries(library().catalog.banks, attempts.attempts_of(current_user.id, clock.now()))
    return render_template(
        "student/home.html", summaries=summaries, classes=accounts.classes_of_student(current_user.id)
    )
