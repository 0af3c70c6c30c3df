"""Classes and assignments: a teacher's classes, the quizzes assigned to them as tests, and
accommodations for one student (on one assignment, or on every test of a class); a student's
classes and assignments with their status.

Every rule is ``services.assignments`` (which asks ``core.assignments``): the window and limits a
student has, the status, the counted score, which terms a teacher may set. The routes read JSON,
call the service and word its answer; what the service refuses is a 400 with its own words, and
what it does not find (or is not the teacher's) a 404.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from flask_smorest import Blueprint
from marshmallow import RAISE, Schema, fields, validate

from quizapp.api.common import (
    AwareInstant,
    OneOfSchemas,
    WholeNumber,
    api_blueprint,
    documented_errors,
)
from quizapp.api.errors import ApiError
from quizapp.api.token_auth import current_account, require_teacher
from quizapp.core.assignments import (
    MAX_ATTEMPTS,
    MAX_EXTRA_TIME_MINUTES,
    MAX_EXTRA_TIME_PERCENT,
    MAX_TITLE_LENGTH,
    Accommodation,
    Counted,
    Refusal,
    Status,
)
from quizapp.core.model import AnswerVisibility
from quizapp.services import accounts, assignments, clock
from quizapp.services.accounts import Account, ClassInfo
from quizapp.services.assignments import (
    AssignmentRow,
    AssignmentTerms,
    StandingAccommodation,
    StudentAssignment,
)
from quizapp.services.bank_library import BankNotFound
from quizapp.services.export_formats import number
from quizapp.services.storage import MAX_ROW_ID

blueprint: Blueprint = api_blueprint(
    "Assignments",
    __name__,
    "Classes, the quizzes assigned to them as tests (window, time limit, attempts), and "
    "accommodations for one student. Times are ISO 8601 with an offset; answers are in UTC.",
)

DEFAULTS = AssignmentTerms()  # what an assignment has where the teacher says nothing
# The answer visibilities an assignment may set, as the service's rule says (not "immediately")
SHOWN_ANSWERS = [value.value for value in assignments.ASSIGNED_ANSWERS]
SHOWN_ANSWERS_DOC = (
    "null: as the quiz says; after_submit; after_due: the answers, and which were right, once the "
    "class's last due time has passed (needs due_at, ends_at_close true and late false); never. "
    "after_due and never need study false "
    "(practice, flashcards and learn mode would show the answers)"
)
MAX_TIME_LIMIT_MINUTES = 24 * 60  # documented; services.assignments.problems refuses more (tested)
COUNTED = [rule.value for rule in Counted]

# --- Schemas -------------------------------------------------------------------------------


class ExtraSchema(Schema):
    """What an accommodation gives beyond the class's terms, as stored."""

    extra_time_percent = fields.Integer(required=True)
    extra_time_minutes = fields.Integer(required=True)
    extra_attempts = fields.Integer(required=True)


class ClassAccommodationSchema(ExtraSchema):
    """A student's accommodation on every test of the class."""

    username = fields.String(required=True)


class ClassSchema(Schema):
    id = fields.Integer(required=True)
    name = fields.String(required=True)
    join_code = fields.String(metadata={"description": "Teachers only: students join the class with it"})
    student_count = fields.Integer(metadata={"description": "Teachers only"})
    archived = fields.Boolean(
        metadata={"description": "Teachers only: an archived class is hidden from its students"}
    )
    accommodations = fields.List(
        fields.Nested(ClassAccommodationSchema),
        metadata={
            "description": "Teachers only: the students with an accommodation on every test of the "
            "class (one set on an assignment replaces it there), by username"
        },
    )


class ClassListSchema(Schema):
    classes = fields.List(fields.Nested(ClassSchema), required=True)


def _time(description: str) -> fields.Field:
    return fields.DateTime(required=True, allow_none=True, metadata={"description": description})


def _title() -> fields.Field:
    return fields.String(
        required=True,
        allow_none=True,
        metadata={"description": "The title its teacher gave it; null: it goes by the quiz's title"},
    )


def _name() -> fields.Field:
    return fields.String(
        required=True,
        metadata={"description": "What to call it: its title, else the quiz's title (as the pages name it)"},
    )


def _warnings() -> fields.Field:
    return fields.List(
        fields.String(),
        required=True,
        metadata={
            "description": "Saved, but probably not meant: e.g. a due time already past (students "
            "can then only start it late, or not at all). Empty: nothing to say"
        },
    )


class AssignmentSchema(Schema):
    """An assignment as its teacher set it: the fields POST and PATCH take, and its ids."""

    id = fields.Integer(required=True)
    title = _title()
    name = _name()
    quiz_id = fields.String(required=True)
    quiz_title = fields.String(required=True)
    class_id = fields.Integer(required=True)
    class_name = fields.String(required=True)
    created_at = fields.DateTime(required=True)
    opens_at = _time("null: open from the start")
    due_at = _time("null: never closes")
    time_limit_minutes = fields.Integer(
        required=True, allow_none=True, metadata={"description": "null: the quiz's own; 0: untimed"}
    )
    max_attempts = fields.Integer(required=True, allow_none=True, metadata={"description": "null: unlimited"})
    late = fields.Boolean(
        required=True, metadata={"description": "After the due time, attempts may start and are marked late"}
    )
    counted = fields.String(required=True, metadata={"enum": COUNTED})
    ends_at_close = fields.Boolean(
        required=True, metadata={"description": "An attempt started before the due time ends at it"}
    )
    show_answers = fields.String(
        required=True,
        allow_none=True,
        metadata={"enum": [*SHOWN_ANSWERS, None], "description": SHOWN_ANSWERS_DOC},
    )
    study = fields.Boolean(
        required=True, metadata={"description": "Students may practise and study the quiz once it opens"}
    )


class CreatedAssignmentSchema(AssignmentSchema):
    warnings = _warnings()


class UpdatedAssignmentSchema(AssignmentSchema):
    warnings = _warnings()
    running_attempts_keep_their_deadline = fields.Boolean(
        required=True,
        metadata={
            "description": "true: attempts are in progress under the assignment; they keep the "
            "deadline they started with, the change applies to attempts started from now"
        },
    )


class StudentAssignmentSchema(Schema):
    """An assignment as one student has it: their own window (with their accommodation, and the
    quiz's time limit where the teacher set none), their attempts, their status."""

    id = fields.Integer(required=True, metadata={"description": "Start it: POST /quizzes/{quiz_id}/attempts"})
    title = _title()
    name = _name()
    quiz_id = fields.String(required=True)
    quiz_title = fields.String(required=True)
    class_id = fields.Integer(required=True)
    class_name = fields.String(required=True)
    status = fields.String(required=True, metadata={"enum": [s.value for s in Status]})
    opens_at = _time("null: open from the start")
    due_at = _time("null: never closes")
    time_limit_seconds = fields.Integer(
        required=True, allow_none=True, metadata={"description": "Rounded down; null: untimed"}
    )
    max_attempts = fields.Integer(required=True, allow_none=True, metadata={"description": "null: unlimited"})
    attempts_used = fields.Integer(required=True)
    attempts_left = fields.Integer(
        required=True, allow_none=True, metadata={"description": "null: unlimited"}
    )
    accept_late = fields.Boolean(required=True)
    ends_at_close = fields.Boolean(required=True)
    counted = fields.String(
        required=True, metadata={"enum": COUNTED, "description": "Which submitted attempt counts"}
    )
    accommodated = fields.Boolean(
        required=True, metadata={"description": "Your teacher gave you more time, attempts or other dates"}
    )
    may_start = fields.Boolean(required=True, metadata={"description": "Whether an attempt may start now"})
    refusal = fields.String(
        required=True,
        allow_none=True,
        metadata={"enum": [*(r.value for r in Refusal), None], "description": "Why not; null: it may"},
    )
    score_percent = fields.Float(
        required=True,
        allow_none=True,
        metadata={"description": "The counted attempt's score, once submitted"},
    )
    counted_attempt_id = fields.Integer(required=True, allow_none=True)
    show_answers = fields.String(
        required=True,
        metadata={
            "enum": SHOWN_ANSWERS,
            "description": "When a submitted test's answers, and which were right, are shown: "
            "at the submit, after the class's last due time (answers_from), or never (the score only)",
        },
    )
    answers_from = _time("after_due: the class's last due time, from which answers are shown; else null")


class AssignmentListSchema(Schema):
    assignments = fields.List(
        OneOfSchemas(StudentAssignmentSchema, AssignmentSchema),
        required=True,
        metadata={
            "description": "A student's: StudentAssignment; a teacher's: Assignment. Due soonest first"
        },
    )


class AssignmentQuerySchema(Schema):
    class_id = fields.Integer(
        validate=validate.Range(min=1, max=MAX_ROW_ID),
        metadata={"description": "One of your classes; all of them if absent"},
    )


def _term_fields(defaults: bool) -> dict[str, fields.Field]:
    """The terms a teacher sets, as POST (with defaults) and PATCH (without) take them.

    Ranges are documented from the core's limits and checked by the service's rule, which
    words the refusal; a field here only checks the type."""

    def default(value: Any) -> dict[str, Any]:
        return {"load_default": value} if defaults else {}

    return {
        "title": fields.String(
            allow_none=True,
            metadata={
                "maxLength": MAX_TITLE_LENGTH,
                "description": 'To tell two assignments of a quiz apart ("Retake"); blanks around '
                "it are dropped; null or empty: the quiz's title. Control and formatting characters "
                "are refused",
            },
            **default(DEFAULTS.title),
        ),
        "opens_at": AwareInstant(
            allow_none=True, metadata={"description": "null: open from the start"}, **default(None)
        ),
        "due_at": AwareInstant(
            allow_none=True, metadata={"description": "null: never closes"}, **default(None)
        ),
        "time_limit_minutes": WholeNumber(
            allow_none=True,
            metadata={
                "minimum": 0,
                "maximum": MAX_TIME_LIMIT_MINUTES,
                "description": "null: the quiz's own; 0: untimed",
            },
            **default(DEFAULTS.time_limit_minutes),
        ),
        "max_attempts": WholeNumber(
            allow_none=True,
            metadata={"minimum": 1, "maximum": MAX_ATTEMPTS, "description": "null: unlimited"},
            **default(DEFAULTS.max_attempts),
        ),
        "late": fields.Boolean(
            metadata={"description": "Accept late work: after the due time attempts may start, marked late"},
            **default(DEFAULTS.accept_late),
        ),
        "counted": fields.String(
            validate=validate.OneOf(COUNTED),
            metadata={"description": "Which submitted attempt counts"},
            **default(DEFAULTS.counted.value),
        ),
        "ends_at_close": fields.Boolean(
            metadata={"description": "An attempt started before the due time ends at it (needs due_at)"},
            **default(DEFAULTS.ends_at_close),
        ),
        "show_answers": fields.String(
            allow_none=True,
            validate=validate.OneOf([value.value for value in AnswerVisibility]),
            metadata={"enum": [*SHOWN_ANSWERS, None], "description": SHOWN_ANSWERS_DOC},
            **default(None),
        ),
        "study": fields.Boolean(
            metadata={"description": "Students may practise and study the quiz once it opens"},
            **default(DEFAULTS.study),
        ),
    }


NewAssignmentSchema = Schema.from_dict(
    {
        "quiz_id": fields.String(required=True, validate=validate.Length(min=1, max=80)),
        **_term_fields(defaults=True),
    },
    name="NewAssignmentSchema",
)
AssignmentChangesSchema = Schema.from_dict(_term_fields(defaults=False), name="AssignmentChangesSchema")


class StandingAccommodationTermsSchema(Schema):
    extra_time_percent = WholeNumber(
        load_default=0,
        metadata={"minimum": 0, "maximum": MAX_EXTRA_TIME_PERCENT, "description": "Of the time limit"},
    )
    extra_time_minutes = WholeNumber(
        load_default=0,
        metadata={"minimum": 0, "maximum": MAX_EXTRA_TIME_MINUTES, "description": "After the percent"},
    )
    extra_attempts = WholeNumber(load_default=0, metadata={"minimum": 0, "maximum": MAX_ATTEMPTS})


class AccommodationTermsSchema(StandingAccommodationTermsSchema):
    opens_at = AwareInstant(
        allow_none=True, load_default=None, metadata={"description": "null: the assignment's"}
    )
    due_at = AwareInstant(
        allow_none=True, load_default=None, metadata={"description": "null: the assignment's"}
    )


class AccommodationSchema(ExtraSchema):
    assignment_id = fields.Integer(required=True)
    username = fields.String(required=True)
    opens_at = _time("null: the assignment's")
    due_at = _time("null: the assignment's")


class StandingAccommodationSchema(ExtraSchema):
    class_id = fields.Integer(required=True)
    username = fields.String(required=True)


# --- Values --------------------------------------------------------------------------------


def class_json(
    classroom: ClassInfo, teacher: bool, standing: Sequence[StandingAccommodation] = ()
) -> dict[str, Any]:
    """A class; for its teacher, with ``standing``: the standing accommodations in it."""
    out: dict[str, Any] = {"id": classroom.id, "name": classroom.name}
    if teacher:
        out |= {
            "join_code": classroom.join_code,
            "student_count": classroom.student_count,
            "archived": classroom.archived,
            "accommodations": [
                {"username": each.username, **_extra_json(each.accommodation)}
                for each in standing
                if each.class_id == classroom.id
            ],
        }
    return out


def assignment_json(row: AssignmentRow) -> dict[str, Any]:
    terms = row.terms
    return {
        "id": row.id,
        "title": row.title,
        "name": row.name,
        "quiz_id": row.bank_slug,
        "quiz_title": row.bank_title,
        "class_id": row.class_id,
        "class_name": row.class_name,
        "created_at": row.created_at,
        "opens_at": terms.opens_at,
        "due_at": terms.due_at,
        "time_limit_minutes": terms.time_limit_minutes,
        "max_attempts": terms.max_attempts,
        "late": terms.accept_late,
        "counted": terms.counted.value,
        "ends_at_close": terms.ends_at_close,
        "show_answers": terms.show_answers.value if terms.show_answers else None,
        "study": terms.study,
    }


def student_assignment_json(view: StudentAssignment) -> dict[str, Any]:
    row, window = view.assignment, view.window
    counted = assignments.counted_attempt(view)
    return {
        "id": row.id,
        "title": row.title,
        "name": row.name,
        "quiz_id": row.bank_slug,
        "quiz_title": row.bank_title,
        "class_id": row.class_id,
        "class_name": row.class_name,
        "status": view.status.value,
        "opens_at": window.opens_at,
        "due_at": window.due_at,
        "time_limit_seconds": int(window.time_limit.total_seconds()) if window.time_limit else None,
        "max_attempts": window.max_attempts,
        "attempts_used": len(view.attempts),
        "attempts_left": view.attempts_left,
        "accept_late": window.accept_late,
        "ends_at_close": window.ends_at_close,
        "counted": row.terms.counted.value,
        "accommodated": view.accommodated,
        "may_start": view.start.allowed,
        "refusal": view.start.refusal.value if view.start.refusal else None,
        "score_percent": number(counted.score.percent) if counted else None,
        "counted_attempt_id": counted.attempt.id if counted else None,
        "show_answers": view.answers.value,
        "answers_from": view.answers_from,
    }


def _terms(body: dict[str, Any]) -> dict[str, Any]:
    """The body's terms as ``AssignmentTerms`` fields (only those it names)."""
    names = {"late": "accept_late"}
    values = {names.get(key, key): value for key, value in body.items() if key != "quiz_id"}
    if "counted" in values:
        values["counted"] = Counted(values["counted"])
    if values.get("show_answers") is not None:
        values["show_answers"] = AnswerVisibility(values["show_answers"])
    return values


def _refused(error: ValueError, code: str) -> ApiError:
    """The service's problems with what was sent, in its words."""
    problems = str(error).split("; ")
    return ApiError(400, code, f"Not saved: {error}.", {"problems": problems})


def _own_class(teacher: Account, class_id: int) -> ClassInfo:
    classroom = accounts.class_of_teacher(class_id, teacher.id)
    if classroom is None:
        raise ApiError(404, "class_not_found", f"You have no class {class_id}.")
    return classroom


def _own_assignment(teacher: Account, assignment_id: int) -> AssignmentRow:
    row = assignments.assignment_of_teacher(teacher.id, assignment_id)
    if row is None:
        raise ApiError(404, "assignment_not_found", f"You have no assignment {assignment_id}.")
    return row


# --- Routes --------------------------------------------------------------------------------


@blueprint.route("/classes", methods=["GET"])
@blueprint.response(200, ClassListSchema)
@blueprint.doc(summary="Your classes (a teacher's with join codes and student counts)")
@documented_errors(blueprint, 401)
def list_classes() -> dict[str, Any]:
    account = current_account()
    if account.is_teacher:
        classes = accounts.classes_of_teacher(account.id)
        standing = assignments.standing_accommodations([c.id for c in classes])
        return {"classes": [class_json(c, True, standing) for c in classes]}
    classes = accounts.classes_of_student(account.id)  # not archived ones
    return {"classes": [class_json(c, False) for c in classes]}


@blueprint.route("/assignments", methods=["GET"])
@blueprint.arguments(AssignmentQuerySchema, location="query", unknown=RAISE, error_status_code=400)
@blueprint.response(200, AssignmentListSchema)
@blueprint.doc(
    summary="Your assignments: a student's with their window, attempts and status; "
    "a teacher's with the terms they set"
)
@documented_errors(blueprint, 400, 401, 404)
def list_assignments(query: dict[str, Any]) -> dict[str, Any]:
    account, now = current_account(), clock.now()
    class_id = query.get("class_id")
    if account.is_teacher:
        if class_id is not None:
            class_ids = [_own_class(account, class_id).id]
        else:
            class_ids = [c.id for c in accounts.classes_of_teacher(account.id)]
        rows = assignments.of_classes(class_ids)
        return {"assignments": [AssignmentSchema().dump(assignment_json(row)) for row in rows]}
    if class_id is not None and class_id not in {c.id for c in accounts.classes_of_student(account.id)}:
        raise ApiError(404, "class_not_found", f"You are in no class {class_id}.")
    views = assignments.student_assignments(account.id, now)
    return {
        "assignments": [
            StudentAssignmentSchema().dump(student_assignment_json(view))
            for view in views
            if class_id is None or view.assignment.class_id == class_id
        ]
    }


@blueprint.route("/classes/<int:class_id>/assignments", methods=["POST"])
@blueprint.arguments(NewAssignmentSchema, error_status_code=400)
@blueprint.response(201, CreatedAssignmentSchema, description="The new assignment")
@blueprint.doc(summary="Assign a quiz to one of your classes as a test (teachers only)")
@documented_errors(blueprint, 400, 401, 403, 404, 413)
def create_assignment(body: dict[str, Any], class_id: int) -> dict[str, Any]:
    teacher = require_teacher()
    _own_class(teacher, class_id)
    terms = AssignmentTerms(**_terms(body))
    try:
        assignment_id = assignments.create(teacher.id, class_id, body["quiz_id"], terms)
    except BankNotFound:
        raise ApiError(404, "quiz_not_found", f"There is no quiz {body['quiz_id'][:80]!r}.") from None
    except assignments.AssignmentNotFound:  # the class, gone a moment ago
        raise ApiError(404, "class_not_found", f"You have no class {class_id}.") from None
    except ValueError as error:
        raise _refused(error, "invalid_assignment") from None
    warnings = assignments.warnings(terms, clock.now())
    return assignment_json(_own_assignment(teacher, assignment_id)) | {"warnings": warnings}


@blueprint.route("/assignments/<int:assignment_id>", methods=["PATCH"])
@blueprint.arguments(AssignmentChangesSchema, error_status_code=400)
@blueprint.response(200, UpdatedAssignmentSchema, description="The assignment as it is now")
@blueprint.doc(summary="Change an assignment's terms: any of them (teachers only)")
@documented_errors(blueprint, 400, 401, 403, 404, 413)
def update_assignment(body: dict[str, Any], assignment_id: int) -> dict[str, Any]:
    teacher = require_teacher()
    row = _own_assignment(teacher, assignment_id)
    terms = replace(row.terms, **_terms(body))
    try:
        running = assignments.update(teacher.id, assignment_id, terms)
    except assignments.AssignmentNotFound:  # deleted a moment ago
        raise ApiError(404, "assignment_not_found", f"You have no assignment {assignment_id}.") from None
    except ValueError as error:
        raise _refused(error, "invalid_assignment") from None
    updated = assignment_json(_own_assignment(teacher, assignment_id))
    warnings = assignments.warnings(terms, clock.now())
    return updated | {"warnings": warnings, "running_attempts_keep_their_deadline": running}


@blueprint.route("/assignments/<int:assignment_id>", methods=["DELETE"])
@blueprint.response(204)
@blueprint.doc(summary="Delete an assignment; its attempts and scores are kept (teachers only)")
@documented_errors(blueprint, 401, 403, 404)
def delete_assignment(assignment_id: int) -> None:
    teacher = require_teacher()
    try:
        assignments.delete(teacher.id, assignment_id, clock.now())
    except assignments.AssignmentNotFound:
        raise ApiError(404, "assignment_not_found", f"You have no assignment {assignment_id}.") from None


def _accommodate(assignment_id: int, username: str, accommodation: Accommodation | None) -> None:
    teacher = require_teacher()
    _own_assignment(teacher, assignment_id)
    try:
        assignments.accommodate(teacher.id, assignment_id, username, accommodation)
    except assignments.AssignmentNotFound:  # the assignment is the teacher's: the student is not in its class
        raise ApiError(
            404, "student_not_found", f"There is no student {username[:80]!r} in the assignment's class."
        ) from None
    except ValueError as error:
        raise _refused(error, "invalid_accommodation") from None


@blueprint.route("/assignments/<int:assignment_id>/accommodations/<username>", methods=["PUT"])
@blueprint.arguments(AccommodationTermsSchema, error_status_code=400)
@blueprint.response(200, AccommodationSchema)
@blueprint.doc(summary="Give a student of the class an accommodation, replacing theirs (teachers only)")
@documented_errors(blueprint, 400, 401, 403, 404, 413)
def put_accommodation(body: dict[str, Any], assignment_id: int, username: str) -> dict[str, Any]:
    accommodation = Accommodation(**body)
    _accommodate(assignment_id, username, accommodation)
    student = accounts.account_by_username(username)
    assert student is not None  # the service found them in the class
    return {
        "assignment_id": assignment_id,
        "username": student.username,
        **_accommodation_json(accommodation),
    }


def _extra_json(accommodation: Accommodation) -> dict[str, Any]:
    return {
        "extra_time_percent": accommodation.extra_time_percent,
        "extra_time_minutes": accommodation.extra_time_minutes,
        "extra_attempts": accommodation.extra_attempts,
    }


def _accommodation_json(accommodation: Accommodation) -> dict[str, Any]:
    return _extra_json(accommodation) | {"opens_at": accommodation.opens_at, "due_at": accommodation.due_at}


@blueprint.route("/assignments/<int:assignment_id>/accommodations/<username>", methods=["DELETE"])
@blueprint.response(204)
@blueprint.doc(summary="Take a student's accommodation away (teachers only)")
@documented_errors(blueprint, 401, 403, 404)
def delete_accommodation(assignment_id: int, username: str) -> None:
    _accommodate(assignment_id, username, None)


def _accommodate_in_class(class_id: int, username: str, accommodation: Accommodation | None) -> None:
    teacher = require_teacher()
    _own_class(teacher, class_id)
    try:
        assignments.accommodate_in_class(teacher.id, class_id, username, accommodation)
    except assignments.AssignmentNotFound:  # the class is the teacher's: the student is not in it
        raise ApiError(
            404, "student_not_found", f"There is no student {username[:80]!r} in class {class_id}."
        ) from None
    except ValueError as error:
        raise _refused(error, "invalid_accommodation") from None


@blueprint.route("/classes/<int:class_id>/students/<username>/accommodation", methods=["PUT"])
@blueprint.arguments(StandingAccommodationTermsSchema, error_status_code=400)
@blueprint.response(200, StandingAccommodationSchema)
@blueprint.doc(
    summary="Give a student of your class an accommodation on every test of it, replacing theirs; "
    "one set on an assignment replaces it there (teachers only)"
)
@documented_errors(blueprint, 400, 401, 403, 404, 413)
def put_class_accommodation(body: dict[str, Any], class_id: int, username: str) -> dict[str, Any]:
    accommodation = Accommodation(**body)
    _accommodate_in_class(class_id, username, accommodation)
    student = accounts.account_by_username(username)
    assert student is not None  # the service found them in the class
    return {"class_id": class_id, "username": student.username, **_extra_json(accommodation)}


@blueprint.route("/classes/<int:class_id>/students/<username>/accommodation", methods=["DELETE"])
@blueprint.response(204)
@blueprint.doc(summary="Take a student's accommodation on every test of your class away (teachers only)")
@documented_errors(blueprint, 401, 403, 404)
def delete_class_accommodation(class_id: int, username: str) -> None:
    _accommodate_in_class(class_id, username, None)
