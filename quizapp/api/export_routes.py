"""Score exports for teachers: the same files as the class pages and the assignment pages, for
their own classes and assignments."""

from __future__ import annotations

from typing import Any

from flask import Response
from marshmallow import RAISE, Schema, fields, validate

from quizapp.api.common import Instant, api_blueprint, documented_errors
from quizapp.api.errors import ApiError
from quizapp.api.token_auth import require_teacher
from quizapp.services import accounts, assignments, bank_library, clock
from quizapp.services.export_formats import CONTENT_TYPES, FORMATS
from quizapp.services.score_exports import KINDS, ExportRequest, assignment_request, export_scores
from quizapp.services.storage import MAX_ROW_ID
from quizapp.web.downloads import streamed

blueprint = api_blueprint(
    "Exports", __name__, "Scores as CSV, XLSX or JSON (teachers, their own classes; see docs/exports.md)."
)


class ExportQuerySchema(Schema):
    format = fields.String(load_default="csv", validate=validate.OneOf(FORMATS))
    kind = fields.String(
        load_default="attempts",
        validate=validate.OneOf(KINDS),
        metadata={
            "description": "attempts, gradebook (best score per quiz; of one assignment, the counted "
            "attempt per student), answers, or assignment_gradebook (the counted score per assignment): "
            "see docs/exports.md"
        },
    )
    class_id = fields.Integer(
        validate=validate.Range(min=1, max=MAX_ROW_ID), metadata={"description": "All your classes if absent"}
    )
    quiz_id = fields.String(
        validate=validate.Length(min=1, max=80), metadata={"description": "Every quiz if absent"}
    )
    assignment_id = fields.Integer(
        validate=validate.Range(min=1, max=MAX_ROW_ID),
        metadata={
            "description": "Only the attempts under this assignment of yours (its page is "
            "/assignments/{id}); class_id and quiz_id, if given, must be its class and quiz"
        },
    )
    since = Instant(
        metadata={
            "description": "Attempts started at or after this time, ISO 8601: UTC if it has no offset; "
            "a date alone is its midnight (UTC)"
        }
    )


@blueprint.route("/exports/scores", methods=["GET"])
@blueprint.arguments(ExportQuerySchema, location="query", unknown=RAISE, error_status_code=400)
@blueprint.doc(
    summary="Export scores as CSV, XLSX or JSON",
    responses={
        "200": {
            "description": "The export, streamed as a file download",
            "content": {
                CONTENT_TYPES[name].split(";")[0]: {"schema": {"type": "string", "format": "binary"}}
                for name in ("csv", "xlsx")
            }
            | {"application/json": {"schema": {"type": "object"}}},
        }
    },
)
@documented_errors(blueprint, 400, 401, 403, 404)
def export(query: dict[str, Any]) -> Response:
    teacher = require_teacher()
    zone = accounts.zone_of(teacher)  # XLSX's times: the teacher's zone, as on the pages
    bank_slug = query.get("quiz_id")  # the API's word for a bank's slug (docs/api.md)
    if bank_slug is not None:
        bank_slug = bank_library.bank(bank_slug).slug  # an unknown quiz: 404 quiz_not_found
    if "assignment_id" in query:
        row = assignments.assignment_of_teacher(teacher.id, query["assignment_id"])
        if (
            row is None
            or query.get("class_id", row.class_id) != row.class_id
            or bank_slug not in (None, row.bank_slug)
        ):
            named = " of that class and quiz" if "class_id" in query or bank_slug else ""
            raise ApiError(
                404, "assignment_not_found", f"You have no assignment {query['assignment_id']}{named}."
            )
        request = assignment_request(query["kind"], query["format"], row, query.get("since"), zone)
        return streamed(export_scores(request, clock.now()))
    if "class_id" in query:
        classroom = accounts.class_of_teacher(query["class_id"], teacher.id)
        if classroom is None:
            raise ApiError(404, "class_not_found", f"You have no class {query['class_id']}.")
        classes = [classroom]
    else:
        classes = accounts.classes_of_teacher(teacher.id)
    request = ExportRequest(
        query["kind"], query["format"], tuple(classes), bank_slug, query.get("since"), time_zone=zone
    )
    return streamed(export_scores(request, clock.now()))
