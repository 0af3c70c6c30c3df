"""Flashcards with spaced repetition, and learn mode.

Flashcards: the front first, where the student may type the answer; flipping is a form post
(or, with JavaScript, a fetch of the same post) that shows the back, and whether the typed
answer is right by the quiz's own rule (``core.decks.typed_verdict``); each rating button says
when the card comes back, the one a typed answer earns suggested. Learn mode asks the weakest
questions until each is answered right. Both show answers, so each view asks the disclosure
rule (``answer_disclosure``) first: students study a bank only when it allows flashcards and
has no test of theirs in progress; teachers may always try them.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response as WerkzeugResponse

from quizapp import core
from quizapp.core.decks import (
    TYPED_ANSWER_LENGTH,
    Queue,
    StudyCard,
    TypedVerdict,
    deck_cards,
    deck_tags,
    takes_typed_answer,
    typed_verdict,
)
from quizapp.core.disclosure import Path, Withheld
from quizapp.core.question_types import present
from quizapp.core.scheduling import Grade, describe_interval, grade_for_answer
from quizapp.services import answer_disclosure, assignments, clock
from quizapp.services import study as studying  # `study` is the study page's view
from quizapp.services.question_source import questions_for
from quizapp.services.results import attempt_review, learn_progress
from quizapp.web.forms import ActionForm, NewCardsForm, required_data
from quizapp.web.local_times import reader_zone
from quizapp.web.quiz.answer_forms import answer_form, answer_inputs, response_from, typed_inputs
from quizapp.web.quiz.pages import refused
from quizapp.web.templating import how_many

blueprint = Blueprint("study", __name__)


def _open_to_study(bank_slug: str, path: Path) -> core.Bank:
    """The bank, if the current user may study it on ``path`` now (``services.study``); else
    not found (not theirs to study, or it keeps its answers from students) or back to the quiz
    page (a test of it is in progress)."""
    bank, shown = studying.open_to_study(current_user.account, bank_slug, clock.now(), path)
    if shown.withheld is Withheld.TEST_IN_PROGRESS:
        abort(refused(bank, shown))
    if not shown.answers:
        abort(404)
    return bank


def _study_bank(bank_slug: str) -> core.Bank:
    """The bank if the current user may study it (``services.assignments``); else not found."""
    return assignments.study_bank(current_user.account, bank_slug, clock.now())


def _studyable_bank(bank_slug: str) -> core.Bank:
    return _open_to_study(bank_slug, Path.FLASHCARDS)


def _deck_options() -> tuple[str | None, bool]:
    values = request.values
    return values.get("tag") or None, values.get("reverse") == "1"


def _deck(bank: core.Bank) -> tuple[list[StudyCard], str | None, bool]:
    tag, reverse = _deck_options()
    if tag is not None and tag not in deck_tags(bank):
        abort(404)
    return deck_cards(bank, tag, reverse=True), tag, reverse


def _queue(bank: core.Bank, tag: str | None, reverse: bool) -> Queue:
    return studying.study_queue(current_user.id, bank, clock.now(), reader_zone(), tag, reverse)[1]


@blueprint.get("/decks/<bank_slug>")
@login_required
def deck(bank_slug: str) -> str:
    bank = _studyable_bank(bank_slug)
    return _deck_page(bank, NewCardsForm(new_cards_per_day=studying.new_cards_per_day(current_user.id)))


def _deck_rows(bank: core.Bank) -> list[dict[str, Any]]:
    """Per deck (all cards, then each topic): how many cards, how many due, how many new today."""
    now = clock.now()
    decks = []
    for tag in [None, *deck_tags(bank)]:
        cards, queue = studying.study_queue(current_user.id, bank, now, reader_zone(), tag)
        forward = sum(1 for card in cards if not card.reverse)
        decks.append({"tag": tag, "cards": forward, "due": queue.due_count, "new": len(queue.new)})
    return decks


def _deck_page(bank: core.Bank, form: NewCardsForm) -> str:
    return render_template(
        "study/deck.html",
        bank=bank,
        decks=_deck_rows(bank),
        form=form,
        action_form=ActionForm(),
        learn_allowed=answer_disclosure.for_bank(Path.LEARN, current_user.account, bank, clock.now()).answers,
    )


@blueprint.post("/decks/<bank_slug>/settings")
@login_required
def deck_settings(bank_slug: str) -> Any:
    bank = _studyable_bank(bank_slug)
    form = NewCardsForm()
    if form.validate_on_submit():
        limit = required_data(form.new_cards_per_day.data)
        studying.set_new_cards_per_day(current_user.id, limit)
        flash(f"You will see up to {how_many(limit, 'new card')} a day.", "success")
        return redirect(url_for("study.deck", bank_slug=bank.slug))
    return _deck_page(bank, form), 422


def _study_page(
    bank: core.Bank,
    cards: list[StudyCard],
    tag: str | None,
    reverse: bool,
    card: StudyCard | None,
    show_back: bool,
    verdict: TypedVerdict | None = None,
) -> Any:
    queue = _queue(bank, tag, reverse)
    intervals, reviews = None, 0
    if card is not None and show_back:
        previews, reviews = studying.rating_preview(current_user.id, bank.slug, card.key, clock.now())
        intervals = {grade: describe_interval(delta) for grade, delta in previews.items()}
    template = "study/_card.html" if request.headers.get("X-Fragment") == "1" else "study/study.html"
    return render_template(
        template,
        bank=bank,
        card=card,
        queue=queue,
        tag=tag,
        reverse=reverse,
        show_back=show_back,
        typing=card is not None and not show_back and takes_typed_answer(bank, card),
        typed_length=TYPED_ANSWER_LENGTH,
        verdict=verdict,
        suggested=grade_for_answer(verdict.correct) if verdict else None,
        intervals=intervals,
        reviews=reviews,
        grades=list(Grade),
        form=ActionForm(),
    )


@blueprint.get("/decks/<bank_slug>/study")
@login_required
def study(bank_slug: str) -> Any:
    bank = _studyable_bank(bank_slug)
    cards, tag, reverse = _deck(bank)
    key = _queue(bank, tag, reverse).next_key
    card = next((c for c in cards if c.key == key), None)
    return _study_page(bank, cards, tag, reverse, card, show_back=False)


def _posted_card(cards: list[StudyCard]) -> StudyCard:
    if not ActionForm().validate_on_submit():
        abort(400)
    key = request.form.get("key", "")
    card = next((c for c in cards if c.key == key), None)
    if card is None:
        abort(404)
    return card


@blueprint.get("/decks/<bank_slug>/study/flip")
@blueprint.get("/decks/<bank_slug>/study/review")
@login_required
def back_to_study(bank_slug: str) -> WerkzeugResponse:
    """A reload of a flipped card (its address is the form's) goes back to the study page."""
    tag, reverse = _deck_options()
    options: dict[str, Any] = {"tag": tag} if tag else {}  # url_for takes its values as Any
    if reverse:
        options["reverse"] = "1"
    return redirect(url_for("study.study", bank_slug=_studyable_bank(bank_slug).slug, **options))


@blueprint.post("/decks/<bank_slug>/study/flip")
@login_required
def flip(bank_slug: str) -> Any:
    bank = _studyable_bank(bank_slug)
    cards, tag, reverse = _deck(bank)
    card = _posted_card(cards)
    verdict = typed_verdict(bank, card, request.form.get("typed", ""))
    return _study_page(bank, cards, tag, reverse, card, show_back=True, verdict=verdict)


@blueprint.post("/decks/<bank_slug>/study/review")
@login_required
def review(bank_slug: str) -> Any:
    bank = _studyable_bank(bank_slug)
    cards, tag, reverse = _deck(bank)
    card = _posted_card(cards)
    try:
        grade = Grade(int(request.form.get("rating", "")))
    except ValueError:
        abort(400)
    try:
        seen = int(request.form.get("reviews", ""))
    except ValueError:
        abort(400)
    studying.rate_flashcard(current_user.id, bank.slug, card.key, grade, clock.now(), expected_reviews=seen)
    if request.headers.get("X-Fragment") == "1":
        return study(bank_slug)
    options: dict[str, Any] = {"tag": tag} if tag else {}  # url_for takes its values as Any
    if reverse:
        options["reverse"] = "1"
    return redirect(url_for("study.study", bank_slug=bank.slug, **options))


# --- learn mode ------------------------------------------------------------------------------


@blueprint.post("/learn/<bank_slug>")
@login_required
def learn_start(bank_slug: str) -> WerkzeugResponse:
    bank = _open_to_study(bank_slug, Path.LEARN)
    if not ActionForm().validate_on_submit():
        abort(400)
    session_id = studying.start_learn_session(current_user.id, bank, clock.now(), clock.new_seed())
    return redirect(url_for("study.learn", session_id=session_id))


def _own_learn_session(session_id: int) -> studying.LearnState:
    state = studying.own_learn_session(session_id, current_user.id)
    if state is None:
        abort(404)
    return state


@blueprint.route("/learn/sessions/<int:session_id>", methods=["GET", "POST"])
@login_required
def learn(session_id: int) -> Any:
    state = _own_learn_session(session_id)
    bank = _open_to_study(state.bank_slug, Path.LEARN)  # a session from before a test
    questions = {q.id: q for q in questions_for(state.bank_slug, state.items)}
    session = state.session
    current_id = session.current
    if current_id is None:  # the session is finished
        return render_template("study/learn_summary.html", state=state, bank=bank, questions=questions)
    question = questions[current_id]
    seed = (state.id * 7919 + session.tries.get(question.id, 0)) % (2**31)
    shown = present(question, seed)
    context = {
        "state": state,
        "bank": bank,
        "question": shown,
        "learned": len(session.learned),
        "total": len(state.items),
        "tries": session.tries.get(question.id, 0),
        "progress": learn_progress(session, len(state.items)),
    }
    if request.method == "GET":
        return render_template("study/learn.html", inputs=answer_inputs(shown), **context)
    if request.form.get("question") != question.id:
        # a reload of the feedback page re-sends the answer to the question before: not this one
        return redirect(url_for("study.learn", session_id=state.id))
    form = answer_form(question, shown)
    if form.validate_on_submit():
        response = response_from(form)
        if response is None:
            form.add_error("Answer the question first.")
        else:
            review_ = attempt_review(question, response, bank)
            correct = review_.check is not None and review_.check.correct
            after = studying.record_learn_answer(state, question.id, correct, clock.now())
            context["progress"] = learn_progress(after, len(state.items))
            return render_template("study/learn_feedback.html", review=review_, **context)
    return render_template("study/learn.html", inputs=typed_inputs(form), **context), 422


@blueprint.post("/quizzes/<bank_slug>/practice-weakest")
@login_required
def practice_weakest(bank_slug: str) -> WerkzeugResponse:
    """A practice round of the student's ten weakest questions of a bank."""
    bank = _study_bank(bank_slug)
    shown = answer_disclosure.for_bank(Path.PRACTICE_WEAKEST, current_user.account, bank, clock.now())
    if shown.withheld is Withheld.TEST_IN_PROGRESS:
        return refused(bank, shown)
    if not shown.correctness:
        abort(404)  # which questions were missed is this bank's secret
    if not ActionForm().validate_on_submit():
        abort(400)
    now = clock.now()
    chosen = studying.weakest_questions(current_user.id, bank, now)
    if not chosen:
        flash("Answer some questions first: then you can practice your weakest ones.", "info")
        return redirect(url_for("quiz.quiz", bank_slug=bank.slug))
    started = assignments.start_practice(current_user.account, bank, now, clock.new_seed(), only=chosen)
    return redirect(url_for("quiz.attempt", attempt_id=started.attempt.id))
