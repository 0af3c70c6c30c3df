"""Taking quizzes: the quiz page, questions, saving answers, submitting, results.

Students take them; teachers may take them too, to try a quiz the way their students will.

Each view loads the attempt through ``services.attempts`` (which closes overdue attempts), checks
that it belongs to the student, and asks ``answer_disclosure`` (the one disclosure rule) what
may be shown. Pages of an attempt are never stored by the browser (``no-store``): Back after a
submit asks the server again, and lands on the results.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response as WerkzeugResponse

from quizapp import core
from quizapp.core.attempts import STARTABLE_MODES, AttemptMode, draw_questions
from quizapp.core.disclosure import Disclosure, Path, Withheld
from quizapp.core.passages import Passage, find_passages, paragraphs
from quizapp.core.question_types import present
from quizapp.services import accounts, answer_disclosure, assignments, attempts, clock
from quizapp.services.attempt_access import Viewed, own_attempt, viewable_attempt
from quizapp.services.attempts import AttemptClosed, AttemptState
from quizapp.services.question_source import current_bank
from quizapp.services.results import (
    Progress,
    QuestionReview,
    attempt_progress,
    attempt_review,
    outcome,
    quiz_summaries,
    saved_answers,
)
from quizapp.web.forms import ActionForm
from quizapp.web.local_times import local_time
from quizapp.web.quiz.answer_forms import answer_form, answer_inputs, response_from, typed_inputs

blueprint = Blueprint("quiz", __name__)


def _own_attempt(attempt_id: int, responses: bool = True) -> AttemptState:
    """The current student's attempt; anyone else's is "not found", not "forbidden"."""
    attempt = own_attempt(attempt_id, current_user.account, clock.now(), responses)
    if attempt is None:
        abort(404)
    return attempt


@blueprint.get("/quizzes/<bank_slug>")
@login_required
def quiz(bank_slug: str) -> str:
    now = clock.now()
    bank = assignments.visible_bank(current_user.account, bank_slug, now)
    allowed = assignments.access(current_user.account, bank.slug, now)
    assigned = assignments.student_assignments(current_user.id, now, bank.slug)
    mine = attempts.attempts_of(current_user.id, now, bank.slug)
    [summary] = quiz_summaries([bank], mine)
    open_attempt = summary.open_attempt  # offered to go on with only if the student still may
    if open_attempt is not None and not assignments.may_open_attempt(current_user.account, open_attempt, now):
        open_attempt = None  # a practice round of a bank they may no longer study
    history = [{"attempt": a, "score": attempts.score_of(a)} for a in mine if a.submitted]
    test_size = len(draw_questions(bank, 0, AttemptMode.TEST))
    study = answer_disclosure.for_bank(
        Path.FLASHCARDS,
        current_user.account,
        bank,
        clock.now(),
        answer_disclosure.tests_in_progress(mine),
    )
    return render_template(
        "quiz/quiz.html",
        bank=bank,
        summary=summary,
        open_attempt=open_attempt,
        history=history,
        test_size=test_size,
        study=study,
        access=allowed,
        assigned=assigned,
        form=ActionForm(),
    )


@blueprint.post("/quizzes/<bank_slug>/attempts")
@login_required
def start(bank_slug: str) -> WerkzeugResponse:
    now = clock.now()
    bank = assignments.visible_bank(current_user.account, bank_slug, now)
    form = ActionForm()
    mode_name = request.form.get("mode", "")
    if not form.validate_on_submit() or mode_name not in {m.value for m in STARTABLE_MODES}:
        abort(400)
    mode = AttemptMode(mode_name)
    try:
        if mode is AttemptMode.TEST:
            started = assignments.start_test(
                current_user.account, bank, now, clock.new_seed(), _chosen_assignment()
            )
        else:
            started = assignments.start_practice(current_user.account, bank, now, clock.new_seed())
    except assignments.StartRefused as refusal:
        flash(refusal.message(local_time), "error")
        return redirect(url_for("quiz.quiz", bank_slug=bank.slug))
    except assignments.ChooseAssignment:
        flash("Choose which assignment of this quiz to start.", "error")
        return redirect(url_for("quiz.quiz", bank_slug=bank.slug))
    except assignments.AssignmentNotFound:
        abort(404)
    if started.blocked:  # an open test blocks practice: the page resumes the test
        flash(f"You have an unfinished {started.attempt.mode.value} of this quiz: finish it first.", "info")
    return redirect(url_for("quiz.attempt", attempt_id=started.attempt.id))


@blueprint.get("/attempts/<int:attempt_id>")
@login_required
def attempt(attempt_id: int) -> WerkzeugResponse:
    current = _own_attempt(attempt_id)
    if current.submitted:
        return redirect(url_for("quiz.results", attempt_id=attempt_id))
    unanswered = [n for n, key in enumerate(current.question_ids, 1) if key not in current.responses]
    number = (
        unanswered[0] if unanswered else (len(current.items) if current.mode is AttemptMode.PRACTICE else 1)
    )
    return redirect(url_for("quiz.question", attempt_id=attempt_id, number=number))


def _question_context(current: AttemptState, number: int) -> dict[str, Any]:
    questions = attempts.questions_of(current)
    if not 1 <= number <= len(questions):
        abort(404)
    question = questions[number - 1]
    bank = current_bank(current.bank_slug)
    settings = bank.settings if bank else core.QuizSettings()
    student_question = present(question, current.seed, settings.shuffle_choices)
    response = current.responses.get(question.id)
    answered = question.id in current.responses
    viewed = Viewed(current, owner=True)
    shown = answer_disclosure.for_attempt(viewed, bank, answered, clock.now())
    retry = None
    if bank is not None and current.mode is AttemptMode.PRACTICE:  # may the finish-early hint offer a retry?
        open_tests = answer_disclosure.tests_in_progress([current])  # the one open attempt of the bank
        retry = answer_disclosure.for_bank(Path.RETRY, current_user.account, bank, clock.now(), open_tests)
    return {
        "attempt": current,
        "number": number,
        "total": len(questions),
        "question": student_question,
        "response": response,
        "answered": answered,
        "answered_numbers": {n for n, key in enumerate(current.question_ids, 1) if key in current.responses},
        "progress": _progress(current, bank),
        "feedback": attempt_review(question, response, bank) if answered and shown.correctness else None,
        "show_answers": shown.answers,
        # a saved answer whose verdict waits: when the rule will show it
        "shown_later": None
        if shown.correctness
        else answer_disclosure.once_submitted(viewed, bank, clock.now()),
        "retry_offered": retry is not None and retry.correctness,
        "settings": settings,
        "bank": bank,
    }


def _progress(current: AttemptState, bank: core.Bank | None) -> Progress:
    """The bar above the questions: right so far only where an answered question shows whether
    it was right (practice with feedback at once; never a test before its submit)."""
    shown = answer_disclosure.for_attempt(Viewed(current, owner=True), bank, True, clock.now())
    return attempt_progress(current, shown.correctness)


@blueprint.get("/attempts/<int:attempt_id>/questions/<int:number>")
@login_required
def question(attempt_id: int, number: int) -> Any:
    current = _own_attempt(attempt_id)
    if current.submitted:
        return redirect(url_for("quiz.results", attempt_id=attempt_id))
    context = _question_context(current, number)
    locked = current.mode is AttemptMode.PRACTICE and context["answered"]
    inputs = answer_inputs(context["question"], context["response"])
    return render_template("quiz/question.html", inputs=inputs, locked=locked, **context)


@blueprint.post("/attempts/<int:attempt_id>/questions/<int:number>")
@login_required
def save(attempt_id: int, number: int) -> Any:
    """Save an answer: the attempt is read without its answers, then one conditional write."""
    current = _own_attempt(attempt_id, responses=False)
    if current.submitted:
        return _closed_response(attempt_id)
    questions = attempts.questions_of(current)
    if not 1 <= number <= len(questions):
        abort(404)
    bank = current_bank(current.bank_slug)
    shuffle = bank.settings.shuffle_choices if bank else True
    asked = questions[number - 1]
    form = answer_form(asked, present(asked, current.seed, shuffle))
    if form.validate_on_submit():
        try:
            attempts.save_answer(current, form.question.id, response_from(form), clock.now())
        except AttemptClosed:
            return _closed_response(attempt_id)
        except attempts.AnswerRequired:
            form.add_error("Answer the question first, or skip it.")
        else:
            if _is_autosave():
                return jsonify(saved=True)
            return redirect(_after_save(current, number, len(questions)))
    if _is_autosave():
        return jsonify(saved=False, errors=form.errors), 422
    context = _question_context(_own_attempt(attempt_id), number)  # shown again, with what was typed
    if current.mode is AttemptMode.PRACTICE and context["answered"]:  # the first answer stands
        return redirect(url_for("quiz.question", attempt_id=attempt_id, number=number))
    return render_template("quiz/question.html", inputs=typed_inputs(form), locked=False, **context), 422


def _is_autosave() -> bool:
    return request.headers.get("X-Autosave") == "1"


def _closed_response(attempt_id: int) -> Any:
    if _is_autosave():
        return jsonify(saved=False, closed=True, results=url_for("quiz.results", attempt_id=attempt_id)), 409
    flash("This attempt is closed: time is up or it was submitted. Your saved answers were scored.", "info")
    return redirect(url_for("quiz.results", attempt_id=attempt_id))


def _after_save(current: AttemptState, number: int, total: int) -> str:
    """Where a saved answer leads: practice shows feedback; tests go where the student asked."""
    if current.mode is AttemptMode.PRACTICE:
        return url_for("quiz.question", attempt_id=current.id, number=number)
    go = request.form.get("go", "next")
    if go == "review" or (go == "next" and number == total):
        return url_for("quiz.review", attempt_id=current.id)
    if go == "previous":
        target = max(1, number - 1)
    elif go.isascii() and go.isdigit() and len(go) <= 6:  # "²".isdigit() is true too, and int()
        target = min(max(1, int(go)), total)  # refuses it; and it refuses 4,301 digits or more
    else:
        target = number + 1
    return url_for("quiz.question", attempt_id=current.id, number=target)


@blueprint.get("/attempts/<int:attempt_id>/review")
@login_required
def review(attempt_id: int) -> Any:
    current = _own_attempt(attempt_id)
    if current.submitted or current.mode is AttemptMode.PRACTICE:
        return redirect(url_for("quiz.attempt", attempt_id=attempt_id))
    bank = current_bank(current.bank_slug)
    return render_template(
        "quiz/review.html",
        attempt=current,
        answers=saved_answers(current),
        progress=_progress(current, bank),
        answers_from=answer_disclosure.answers_held_until(current, bank),
        form=ActionForm(),
    )


@blueprint.post("/attempts/<int:attempt_id>/submit")
@login_required
def submit(attempt_id: int) -> WerkzeugResponse:
    current = _own_attempt(attempt_id, responses=False)
    if not ActionForm().validate_on_submit():
        abort(400)
    if current.submitted:  # e.g. the button of a page from before the submit (browser's Back)
        return _closed_response(attempt_id)
    attempts.submit(attempt_id, clock.now())  # a repeat at the same moment changes nothing
    return redirect(url_for("quiz.results", attempt_id=attempt_id))


@blueprint.post("/attempts/<int:attempt_id>/retry")
@login_required
def retry(attempt_id: int) -> WerkzeugResponse:
    """Practice again the questions this attempt missed."""
    current = _own_attempt(attempt_id)
    if not ActionForm().validate_on_submit() or not current.submitted:
        abort(400)
    bank = assignments.study_bank(current_user.account, current.bank_slug, clock.now())
    shown = _retry_shown(bank, current)
    if not shown.correctness:
        return refused(bank, shown)
    score = attempts.score_of(current)
    missed = [result.question_id for result in score.results if not result.check.correct]
    missed = [key for key in missed if bank.question(key) is not None]
    if not missed:
        flash("Nothing to retry: every question was right.", "info")
        return redirect(url_for("quiz.results", attempt_id=attempt_id))
    new = assignments.start_practice(current_user.account, bank, clock.now(), clock.new_seed(), only=missed)
    if new.resumed:  # an open practice round (or test) goes first; it is not the retry
        flash("You have a round of this quiz in progress: here it is. Finish it, then retry.", "info")
    return redirect(url_for("quiz.attempt", attempt_id=new.attempt.id))


@blueprint.get("/attempts/<int:attempt_id>/results")
@login_required
def results(attempt_id: int) -> str | WerkzeugResponse:
    """The owner, or a teacher of the owner's class, sees the results of a submitted attempt."""
    viewed = viewable_attempt(attempt_id, current_user.account, clock.now())
    if viewed is None:
        abort(404)
    current, owner = viewed.attempt, viewed.owner
    if not current.submitted:
        return redirect(url_for("quiz.attempt", attempt_id=attempt_id))
    bank = current_bank(current.bank_slug)
    questions = attempts.questions_of(current)
    score = core.score_answers(questions, current.responses)
    shown = answer_disclosure.for_attempt(viewed, bank, True, clock.now())
    reviews = [attempt_review(q, current.responses.get(q.id), bank) for q in questions]
    missed = 0  # the retry button's count: only where retrying may tell which were missed
    if owner and bank and _retry_shown(bank, current, viewed.studies).correctness:
        missed = sum(1 for review in reviews if review.missed)
    student = accounts.get_account(current.user_id)
    back_to_class = None if owner else accounts.class_of_teacher_for_student(current_user.id, current.user_id)
    show_all = _show_all(request.args.get("show"), len(reviews))
    in_full, unanswered = _listed(reviews, show_all)
    study = _study_next(bank) if owner and bank and shown.correctness else None
    retake = assignments.retake(current_user.account, current, clock.now()) if owner and bank else None
    return render_template(
        "quiz/results.html",
        attempt=current,
        score=score,
        reviews=in_full,
        unanswered=unanswered,
        show_all=show_all,
        outcome=outcome(viewed, bank, reviews, shown.correctness, clock.now()),
        study=study,
        shown=shown,
        bank=bank,
        student=student,
        owner=owner,
        missed=missed,
        retake=retake,
        back_to_class=back_to_class,
        form=ActionForm(),
    )


# A results page longer than this lists the missed questions first, with a switch to all of them.
LONG_RESULTS = 10


def _show_all(asked: str | None, total: int) -> bool:
    """Whether the results list every question: asked (``?show=all`` or ``?show=missed``, links
    that work without JavaScript), else only where the list is short."""
    if asked in ("all", "missed"):
        return asked == "all"
    return total <= LONG_RESULTS


Numbered = list[tuple[int, QuestionReview]]


def _listed(reviews: list[QuestionReview], show_all: bool) -> tuple[Numbered, Numbered]:
    """The questions a results page shows in full, and those it only names on one line, each with
    its number in the attempt: all in full, or the missed ones, the unanswered of those named
    only (a round finished early leaves dozens, and each in full is a page of its own on a phone)."""
    numbered = list(enumerate(reviews, 1))
    if show_all:
        return numbered, []
    missed = [(number, review) for number, review in numbered if review.missed]
    return [item for item in missed if item[1].check is not None], [
        item for item in missed if item[1].check is None
    ]


def _study_next(bank: core.Bank) -> dict[str, bool]:
    """Which study paths a student's results may lead to now (flashcards by topic, learn mode)."""
    now, account = clock.now(), current_user.account
    return {
        "flashcards": answer_disclosure.for_bank(Path.FLASHCARDS, account, bank, now).answers,
        "learn": answer_disclosure.for_bank(Path.LEARN, account, bank, now).answers,
    }


@blueprint.get("/quizzes/<bank_slug>/source")
@login_required
def source(bank_slug: str) -> str:
    """The whole source text, paragraph by paragraph; a question's quotes (``?q=``) may be
    highlighted. For those who may open the quiz, as the quiz page is."""
    bank = assignments.opened_bank(current_user.account, bank_slug, clock.now())
    if not bank.source_text:
        abort(404)
    passages: tuple[Passage, ...] = ()
    question_id = request.args.get("q")
    if question_id:
        question_ = bank.question(question_id)
        shown = question_ is not None and answer_disclosure.source_passage_shown(
            current_user.account, bank, question_id, clock.now()
        )
        if question_ is not None and shown:
            passages = find_passages(bank.source_text, question_.source_quotes)
    return render_template(
        "quiz/source.html",
        bank=bank,
        paragraphs=paragraphs(bank.source_text),
        marked={passage.paragraph: passage for passage in passages},
    )


def _retry_shown(bank: core.Bank, attempt: AttemptState, studies: bool = True) -> Disclosure:
    """Retrying tells which questions the attempt missed: the rule's word on correctness, with
    the attempt's own settings (its assignment may never show answers); retrying is practice,
    so it needs study (``studies``: the retry route asks ``study_bank`` first)."""
    return answer_disclosure.for_bank(
        Path.RETRY, current_user.account, bank, clock.now(), of_attempt=attempt, studies=studies
    )


def _chosen_assignment() -> int | None:
    """The assignment a start button names (a student with the bank assigned in two classes)."""
    chosen = request.form.get("assignment", "")
    return int(chosen) if chosen.isascii() and chosen.isdigit() and len(chosen) <= 9 else None


def refused(bank: core.Bank, shown: Disclosure) -> WerkzeugResponse:
    """Back to the quiz page, saying why a study path is closed now."""
    if shown.withheld is Withheld.TEST_IN_PROGRESS:
        flash("Finish your test of this quiz first: until then its answers stay hidden.", "info")
    elif shown.withheld is Withheld.UNTIL_DUE and shown.until is not None:
        flash(f"Which answers were right is shown after the due time, {local_time(shown.until)}.", "info")
    else:
        flash("This quiz shows scores only, not which answers were right.", "info")
    return redirect(url_for("quiz.quiz", bank_slug=bank.slug))


@blueprint.after_request
def _attempt_pages_are_not_stored(response: WerkzeugResponse) -> WerkzeugResponse:
    """An attempt's pages change with every answer and close at submit: the browser keeps none."""
    if request.view_args and "attempt_id" in request.view_args:
        response.headers["Cache-Control"] = "no-store"
    return response
