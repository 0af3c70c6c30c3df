"""Attempts: start one, save answers, submit, read it back.

The same services as the quiz pages: ``services.attempts`` saves and closes (deadlines included),
``attempt_access`` says who sees what, the core scores. Questions are sent as students see
them (``core.presentation``); answers, explanations and sources only once they are due.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import current_app, g, url_for
from flask_limiter.util import get_remote_address
from marshmallow import Schema, fields, validate

from quizapp import core
from quizapp.api.common import WholeNumber, api_blueprint, documented_errors
from quizapp.api.errors import ApiError
from quizapp.api.token_auth import current_account
from quizapp.core.answer_key import full_marks_response
from quizapp.core.attempts import STARTABLE_MODES, AttemptMode, AttemptStatus
from quizapp.core.checkers import ResponseError, accept_new_response
from quizapp.core.disclosure import Disclosure, Withheld
from quizapp.core.passages import Passage
from quizapp.core.presentation import StudentQuestion
from quizapp.core.question_types import present, question_type, question_types
from quizapp.extensions import limiter
from quizapp.services import answer_disclosure, assignments, attempts, clock
from quizapp.services.attempt_access import Viewed, own_attempt, viewable_attempt
from quizapp.services.attempts import AttemptClosed, AttemptState
from quizapp.services.export_formats import number
from quizapp.services.question_source import current_bank
from quizapp.services.results import attempt_review
from quizapp.services.storage import MAX_ROW_ID

blueprint = api_blueprint(
    "Attempts", __name__, "Take a quiz in practice (instant feedback) or test mode (graded)."
)

MODES = [mode.value for mode in AttemptMode]
STARTABLE = [mode.value for mode in STARTABLE_MODES]  # "live" attempts come from live quizzes
RESPONSE_DOC = (
    "The answer, shaped by the question's type: "
    + "; ".join(f"{kind.name}: {kind.response_shape}" for kind in question_types())
    + ". null (or an empty string, list or object) clears a test answer."
)


class OptionSchema(Schema):
    id = fields.String(required=True)
    text = fields.String(required=True)


class QuestionSchema(Schema):
    number = fields.Integer(required=True, metadata={"description": "Position in the attempt, from 1"})
    id = fields.String(required=True)
    type = fields.String(required=True, metadata={"enum": [kind.name for kind in question_types()]})
    prompt = fields.String(
        required=True, metadata={"description": "Markdown; cloze blanks are {{1}}, {{2}}..."}
    )
    points = fields.Float(required=True)
    choices = fields.List(fields.Nested(OptionSchema), metadata={"description": "single, multiple"})
    ordering_items = fields.List(  # "items" would read dict.items
        fields.Nested(OptionSchema), data_key="items", metadata={"description": "ordering, shuffled"}
    )
    left = fields.List(fields.Nested(OptionSchema), metadata={"description": "matching"})
    right = fields.List(fields.Nested(OptionSchema), metadata={"description": "matching, shuffled"})
    blanks = fields.Integer(metadata={"description": "cloze: how many blanks"})
    unit = fields.String(metadata={"description": "numeric: the unit, if any"})


class SourceSchema(Schema):
    quote = fields.String(required=True)
    paragraph = fields.Integer(required=True, metadata={"description": "Paragraph of the source, from 1"})
    url = fields.String(required=True, metadata={"description": "The source text, on the website"})


class FeedbackSchema(Schema):
    """One question's outcome; fields appear only when the bank lets the viewer see them."""

    question_id = fields.String(required=True)
    answered = fields.Boolean(required=True)
    max_points = fields.Float(required=True)
    response = fields.Raw(metadata={"description": "The answer given"})
    correct = fields.Boolean()
    points = fields.Float()
    correct_answer = fields.String(metadata={"description": "The correct answer, in words"})
    correct_response = fields.Raw(metadata={"description": "A response that scores full marks"})
    explanation = fields.String()
    response_feedback = fields.List(
        fields.String(),
        metadata={
            "description": "The teacher's feedback on the response (the choices picked, the answer "
            "typed, right or wrong), if any"
        },
    )
    sources = fields.List(
        fields.Nested(SourceSchema),
        metadata={"description": "Each passage of the source the answer rests on, in the source's order"},
    )
    source = fields.Nested(
        SourceSchema,
        metadata={
            "description": "The first of sources: kept for clients written before lists",
            "deprecated": True,
        },
    )


class AnswerOutcomeSchema(FeedbackSchema):
    saved = fields.Boolean(required=True)
    answered = fields.Boolean()
    max_points = fields.Float()


class AttemptSchema(Schema):
    id = fields.Integer(required=True)
    quiz_id = fields.String(required=True)
    quiz_title = fields.String(required=True)
    mode = fields.String(required=True, metadata={"enum": MODES})
    status = fields.String(required=True, metadata={"enum": [s.value for s in AttemptStatus]})
    closed_by = fields.String(
        required=True, allow_none=True, metadata={"description": "student, or deadline; null while open"}
    )
    user_id = fields.Integer(required=True)
    started_at = fields.DateTime(required=True)
    deadline = fields.DateTime(required=True, allow_none=True, metadata={"description": "null: untimed"})
    submitted_at = fields.DateTime(required=True, allow_none=True)
    questions = fields.List(fields.Nested(QuestionSchema), required=True)
    answers = fields.Dict(
        keys=fields.String(),
        values=fields.Raw(),
        required=True,
        metadata={
            "description": "Saved answers by question id. Of a submitted attempt, empty while its "
            "answers are withheld (see withheld), as the results page shows none then"
        },
    )
    withheld = fields.String(
        metadata={
            "enum": [
                Withheld.TEST_IN_PROGRESS.value,
                Withheld.BANK_SETTING.value,
                Withheld.UNTIL_DUE.value,
                Withheld.STUDY_OFF.value,
            ],
            "description": "A submitted attempt whose answers and results per question are not "
            "shown: you have a test of this quiz in progress, the quiz (or its assignment) never "
            "shows them, its assignment shows them after the class's last due time (answers_from), "
            "or it is a practice round of a quiz you may no longer study",
        }
    )
    answers_from = fields.DateTime(
        metadata={
            "description": "A test under an assignment that shows answers after the due time: "
            "the class's last due time (any student's own included, with a few seconds' grace), "
            "from which its answers and results per question are shown"
        }
    )
    feedback = fields.List(
        fields.Nested(FeedbackSchema),
        metadata={"description": "Practice: feedback on the answered questions"},
    )
    score = fields.Float(metadata={"description": "Once submitted"})
    max_score = fields.Float()
    percent = fields.Float()
    passed = fields.Boolean()
    results = fields.List(fields.Nested(FeedbackSchema), metadata={"description": "Once submitted"})


class StartSchema(Schema):
    mode = fields.String(required=True, validate=validate.OneOf(STARTABLE))
    assignment_id = WholeNumber(
        load_default=None,
        allow_none=True,
        validate=validate.Range(min=1, max=MAX_ROW_ID),
        metadata={
            "description": "For a test: the assignment to take it under, where the quiz is "
            "assigned to you more than once, in two classes or twice in one (GET /assignments "
            "lists them)."
        },
    )


class AnswerSchema(Schema):
    response = fields.Raw(required=True, allow_none=True, metadata={"description": RESPONSE_DOC})


def question_json(number_: int, question: StudentQuestion) -> dict[str, Any]:
    """The question as a student sees it; each type fills the fields it uses (e.g. choices)."""
    out: dict[str, Any] = {
        "number": number_,
        "id": question.id,
        "type": str(question.type),
        "prompt": question.prompt,
        "points": float(question.points),
    }
    for key, options in (
        ("choices", question.choices),
        ("ordering_items", question.items),
        ("left", question.lefts),
        ("right", question.rights),
    ):
        if options:
            out[key] = [{"id": o.id, "text": o.text} for o in options]
    if question.blanks:
        out["blanks"] = question.blanks
    if question.unit:
        out["unit"] = question.unit
    return out


def feedback_json(
    question: core.Question, response: Any, bank: core.Bank | None, shown: Disclosure
) -> dict[str, Any]:
    review = attempt_review(question, response, bank)
    out: dict[str, Any] = {
        "question_id": question.id,
        "answered": review.check is not None and review.check.answered,
        "max_points": number(question.points),
    }
    if response is not None:
        out["response"] = response
    if shown.correctness:
        out["correct"] = review.check is not None and review.check.correct
        out["points"] = number(review.points)
    if shown.answers:
        out["correct_answer"] = review.answer_text
        out["correct_response"] = full_marks_response(question)
        if question.explanation:
            out["explanation"] = question.explanation
        if review.response_feedback:
            out["response_feedback"] = list(review.response_feedback)
        if review.passages and bank is not None:
            out["sources"] = _sources_json(review.passages, bank, question.id)
            out["source"] = out["sources"][0]
    return out


def _sources_json(passages: tuple[Passage, ...], bank: core.Bank, question_id: str) -> list[dict[str, Any]]:
    """Each quoted passage in the source's order, with its paragraph and a link to it."""
    return [
        {
            "quote": quote,
            "paragraph": passage.paragraph + 1,
            "url": url_for(
                "quiz.source",
                bank_slug=bank.slug,
                q=question_id,
                _anchor=f"p{passage.paragraph + 1}",
                _external=True,
            ),
        }
        for passage in passages
        for quote in passage.quotes
    ]


def attempt_json(viewed: Viewed) -> dict[str, Any]:
    attempt = viewed.attempt
    bank = current_bank(attempt.bank_slug)
    shuffle = bank.settings.shuffle_choices if bank else True
    questions = attempts.questions_of(attempt)
    out: dict[str, Any] = {
        "id": attempt.id,
        "quiz_id": attempt.bank_slug,
        "quiz_title": attempt.bank_title,
        "mode": attempt.mode.value,
        "status": attempt.status.value,
        "closed_by": attempt.closed_by.value if attempt.closed_by else None,
        "user_id": attempt.user_id,
        "started_at": attempt.started_at,
        "deadline": attempt.deadline,
        "submitted_at": attempt.submitted_at,
        "questions": [
            question_json(n, present(q, attempt.seed, shuffle)) for n, q in enumerate(questions, 1)
        ],
        "answers": dict(attempt.responses),
    }
    shown = answer_disclosure.for_attempt(viewed, bank, True, clock.now())
    answers_from = answer_disclosure.answers_held_until(attempt, bank)
    if answers_from is not None:
        out["answers_from"] = answers_from
    if attempt.submitted:
        score = core.score_answers(questions, attempt.responses)
        out["score"], out["max_score"] = number(score.points), number(score.max_points)
        out["percent"] = number(score.percent)
        out["passed"] = score.passed(bank.settings.pass_mark if bank else 50)
        if not shown.correctness:  # as the results page: the score, and nothing per question
            out["answers"], out["withheld"] = {}, shown.withheld.value
            return out
        out["results"] = [feedback_json(q, attempt.responses.get(q.id), bank, shown) for q in questions]
    elif shown.correctness:
        out["feedback"] = [
            feedback_json(q, attempt.responses[q.id], bank, shown)
            for q in questions
            if q.id in attempt.responses
        ]
    return out


def _own(attempt_id: int, responses: bool = True) -> AttemptState:
    attempt = own_attempt(attempt_id, current_account(), clock.now(), responses)
    if attempt is None:
        raise ApiError(404, "attempt_not_found", f"You have no attempt {attempt_id}.")
    return attempt


def _closed(attempt_id: int) -> ApiError:
    return ApiError(
        409,
        "attempt_closed",
        "This attempt takes no more answers: it was submitted or its time is up. Saved answers were scored.",
        {"attempt_id": attempt_id},
    )


def _user_key() -> str:
    return f"user:{g.api_account.id}"


def _answer_limits(view: Any) -> Any:
    """Answers and submits count together, per user and per address (a class may share one)."""
    view = limiter.shared_limit(
        lambda: current_app.config["API_ANSWER_LIMIT_PER_ADDRESS"],
        scope="answers-per-address",
        key_func=get_remote_address,
    )(view)
    return limiter.shared_limit(
        lambda: current_app.config["API_ANSWER_LIMIT_PER_USER"], scope="answers-per-user", key_func=_user_key
    )(view)


@blueprint.route("/quizzes/<quiz_id>/attempts", methods=["POST"])
@blueprint.arguments(StartSchema, error_status_code=400)
@blueprint.response(201, AttemptSchema, description="A new attempt")
@blueprint.alt_response(
    200, schema=AttemptSchema, description="Your open attempt in that mode, resumed", success=True
)
@blueprint.doc(summary="Start an attempt (or resume your open one in the same mode)")
@documented_errors(blueprint, 400, 401, 404, 409, 413)
def start_attempt(body: dict[str, Any], quiz_id: str) -> tuple[dict[str, Any], int]:
    account, now = current_account(), clock.now()
    bank = assignments.visible_bank(account, quiz_id, now)
    mode = AttemptMode(body["mode"])
    try:
        if mode is AttemptMode.TEST:
            chosen = body.get("assignment_id")
            started = assignments.start_test(account, bank, now, clock.new_seed(), chosen)
        else:
            started = assignments.start_practice(account, bank, now, clock.new_seed())
    except assignments.StartRefused as refusal:
        raise ApiError(409, refusal.refusal.value, refusal.message(datetime.isoformat)) from None
    except assignments.ChooseAssignment as choice:
        if not choice.choices:
            raise ApiError(
                409, "not_assigned", "This quiz is open for practice only: no test is assigned."
            ) from None
        raise ApiError(
            400,
            "assignment_required",
            "This quiz is assigned to you more than once: name the assignment_id.",
            {"assignment_ids": [view.id for view in choice.choices]},
        ) from None
    except assignments.AssignmentNotFound:
        raise ApiError(
            404, "assignment_not_found", "There is no such assignment of this quiz for you."
        ) from None
    except LookupError:
        raise ApiError(404, "quiz_not_found", f"There is no quiz {quiz_id[:80]!r}.") from None
    if started.blocked:  # an open test blocks practice: the API refuses, naming the test
        raise ApiError(
            409,
            "open_test",
            "You have an unfinished test of this quiz: finish it first.",
            {"attempt_id": started.attempt.id},
        )
    return attempt_json(Viewed(started.attempt, owner=True)), 200 if started.resumed else 201


@blueprint.route("/attempts/<int:attempt_id>", methods=["GET"])
@blueprint.response(200, AttemptSchema)
@blueprint.doc(summary="An attempt: its questions, saved answers and, once due, results")
@documented_errors(blueprint, 401, 404)
def get_attempt(attempt_id: int) -> dict[str, Any]:
    viewed = viewable_attempt(attempt_id, current_account(), clock.now())
    if viewed is None:
        raise ApiError(404, "attempt_not_found", f"There is no attempt {attempt_id} you may see.")
    return attempt_json(viewed)


@blueprint.route("/attempts/<int:attempt_id>/answers/<question_id>", methods=["PUT"])
@_answer_limits
@blueprint.arguments(AnswerSchema, error_status_code=400)
@blueprint.response(200, AnswerOutcomeSchema)
@blueprint.doc(summary="Save an answer: practice gives feedback at once, a test saves it for grading")
@documented_errors(blueprint, 400, 401, 404, 409, 413, 429)
def put_answer(body: dict[str, Any], attempt_id: int, question_id: str) -> dict[str, Any]:
    attempt = _own(attempt_id, responses=False)  # one query; the write checks the state itself
    question = next((q for q in attempts.questions_of(attempt) if q.id == question_id), None)
    if question is None:
        raise ApiError(
            404, "question_not_found", f"Attempt {attempt_id} has no question {question_id[:80]!r}."
        )
    if attempt.submitted:
        raise _closed(attempt_id)
    try:
        response = accept_new_response(question, body["response"])[0]
    except ResponseError as error:
        shape = question_type(question.type).response_shape
        why = "" if str(error) == f"expected {shape}" else f": {error}"  # not the shape twice
        raise ApiError(
            400,
            "invalid_response",
            f"The answer to this {question.type} question must be {shape}{why}.",
            {"expected": shape},
        ) from None
    practice = attempt.mode is AttemptMode.PRACTICE
    now = clock.now()
    try:
        attempts.save_answer(attempt, question_id, response, now)
    except AttemptClosed:
        raise _closed(attempt_id) from None
    except attempts.AnswerRequired:
        raise ApiError(
            400, "answer_required", "Practice takes an answer: send one, or move on to the next question."
        ) from None
    if not practice:
        return {"saved": True, "question_id": question_id}
    saved = attempts.get(attempt_id, now)
    stored = saved.responses.get(question_id) if saved else None
    if stored != response:
        raise ApiError(
            409,
            "already_answered",
            "In practice the first answer stands; it is in details.",
            {"response": stored},
        )
    bank = current_bank(attempt.bank_slug)
    shown = answer_disclosure.for_attempt(Viewed(attempt, True), bank, True, now)
    return {"saved": True, **feedback_json(question, stored, bank, shown)}


@blueprint.route("/attempts/<int:attempt_id>/submit", methods=["POST"])
@_answer_limits
@blueprint.response(200, AttemptSchema)
@blueprint.doc(summary="Submit: grades the saved answers; a repeat returns the same result")
@documented_errors(blueprint, 401, 404, 429)
def submit_attempt(attempt_id: int) -> dict[str, Any]:
    attempt = _own(attempt_id)
    now = clock.now()
    attempts.submit(attempt.id, now)  # a repeat changes nothing
    viewed = viewable_attempt(attempt.id, current_account(), now)
    assert viewed is not None
    return attempt_json(viewed)
