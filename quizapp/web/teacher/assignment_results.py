"""A teacher's page of one assignment: its terms, where each student stands, the counted scores,
and the assignment's score exports.

The assignment is looked up with ``assignment_of_teacher``: another teacher's is "not found".
Statuses and counted attempts are ``services.assignment_reports`` (which asks
``services.assignments``); this module only shows them.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, render_template
from werkzeug.wrappers import Response as WerkzeugResponse

from quizapp.core.assignments import Status
from quizapp.services import assignment_reports, clock
from quizapp.services.export_formats import FORMATS
from quizapp.services.score_exports import KINDS, assignment_request, export_scores
from quizapp.web.auth.login import teacher_required
from quizapp.web.downloads import since_argument, streamed
from quizapp.web.local_times import reader_zone
from quizapp.web.teacher.assignments import my_assignment

blueprint = Blueprint("assignment_results", __name__, url_prefix="/assignments")

# The counts at the top of the page, in this order ("not open yet" only when someone is; "overdue"
# only where late work is accepted, or someone is).
COUNTED_STATUSES = (
    Status.SUBMITTED,
    Status.LATE,
    Status.IN_PROGRESS,
    Status.NOT_STARTED,
    Status.UPCOMING,
    Status.OVERDUE,
    Status.MISSED,
)


@blueprint.get("/<int:assignment_id>")
@teacher_required
def assignment(assignment_id: int) -> Any:
    report = assignment_reports.report(my_assignment(assignment_id), clock.now())
    return render_template("teacher/assignment.html", report=report, statuses=COUNTED_STATUSES)


@blueprint.get("/<int:assignment_id>/exports/<kind>.<fmt>")
@teacher_required
def export(assignment_id: int, kind: str, fmt: str) -> WerkzeugResponse:
    """The attempts, answers or gradebook of one assignment (see docs/exports.md)."""
    row = my_assignment(assignment_id)
    if kind not in KINDS or fmt not in FORMATS:
        abort(404)
    wanted = assignment_request(kind, fmt, row, since_argument(), reader_zone())
    return streamed(export_scores(wanted, clock.now()))
