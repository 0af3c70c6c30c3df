"""Live quiz pages (docs/live.md). Thin: read the request, call ``services.live``, render.

Host (teachers; only the session's own host, anyone else gets 404): start a session from a
bank, the projector view and its buttons (POST forms), its event stream. Players: ``/live``
(the PIN, and a nickname for a guest), the phone view, the answer form (a POST that works
without JavaScript), the event stream. Who a player is comes from their login or, for a guest,
the token in their session cookie, never from the form: no one can answer for another.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_login import current_user
from werkzeug.wrappers import Response as WerkzeugResponse

from quizapp.core.accounts import Role
from quizapp.core.live.histogram import option_letter
from quizapp.core.live.pin import clean_pin
from quizapp.core.live.session import LiveRuleError, Phase
from quizapp.core.responses import ResponseError
from quizapp.services import bank_library, clock, live
from quizapp.web.auth.login import role_required
from quizapp.web.forms import ActionForm
from quizapp.web.live.events import frame, stream
from quizapp.web.live.qr import qr_svg
from quizapp.web.login_limits import (
    guest_join_wait,
    not_a_guest_join,
    not_a_wrong_pin,
    too_many,
    wrong_pin_wait,
)
from quizapp.web.quiz.answer_forms import answer_form, answer_inputs, response_from, typed_inputs

blueprint = Blueprint("live", __name__, url_prefix="/live")
GUESTS = "live_guests"  # session cookie: {session id: guest token}
GUESTS_KEPT = 10  # sessions a guest's cookie remembers (an ended one: its "has ended" page)
HOST_ACTIONS = ("start", "next", "reveal", "pause", "resume", "skip", "end")
RESULTS_LISTED = 100  # the host's newest sessions on the results page
GONE_RETRY_MS = 3_600_000  # a stream that has nothing more to say: come back in an hour
ENDED = "This live quiz has ended. Thank you for playing!"
blueprint.add_app_template_global(qr_svg, "live_qr")
blueprint.add_app_template_global(option_letter, "option_letter")


def _account() -> Any:
    return current_user.account if current_user.is_authenticated else None


# --- Host ------------------------------------------------------------------------------------


@blueprint.get("/host")
@role_required(Role.TEACHER)
def host_home() -> str:
    return render_template(
        "live/host_home.html",
        banks=bank_library.summaries(),
        sessions=live.sessions_of(current_user.account, clock.now()),
    )


@blueprint.route("/new/<bank_slug>", methods=["GET", "POST"])
@role_required(Role.TEACHER)
def new(bank_slug: str) -> Any:
    bank = bank_library.bank(bank_slug)
    if request.method == "GET":
        return _new_page(
            bank, {"pick": "all", "question": [], "seconds": str(live.DEFAULT_SECONDS), "allow_guests": False}
        )
    if not ActionForm().validate_on_submit():
        abort(400)
    form = request.form
    chosen = form.getlist("question") if form.get("pick") == "chosen" else None
    kept = {
        "pick": form.get("pick", "all"),
        "question": form.getlist("question"),
        "seconds": form.get("seconds", ""),
        "allow_guests": form.get("allow_guests") == "1",
    }
    if chosen == []:  # none ticked: not "all of them" (the service's reading of no list)
        return _new_page(bank, kept, "Tick at least one question, or choose all of them.")
    try:
        seconds = int(form.get("seconds", live.DEFAULT_SECONDS))
    except ValueError:
        seconds = 0  # refused by the rule below, with its message
    try:
        created = live.create(
            current_user.account,
            bank.slug,
            clock.now(),
            clock.new_seed(),
            clock.secure_random(),
            question_ids=chosen,
            test_draw=form.get("pick") == "draw",
            allow_guests=form.get("allow_guests") == "1",
            seconds_per_question=seconds,
        )
    except (live.LiveRefused, LiveRuleError) as error:
        return _new_page(bank, kept, _sentence(error))
    return redirect(url_for("live.host", live_id=created.id))


def _new_page(bank: Any, kept: dict[str, Any], error: str = "") -> tuple[str, int]:
    """The lobby's form; refused, it comes back with what the teacher chose and why (422)."""
    page = render_template("live/new.html", bank=bank, form=ActionForm(), kept=kept, error=error)
    return page, 422 if error else 200


def _host_fragment(live_id: int) -> tuple[int, object, float | None, str]:
    found, view = live.host_state(current_user.account, live_id, clock.now())
    trouble = live.signal_trouble()
    html = render_template(
        "live/_host_state.html", found=found, view=view, form=ActionForm(), trouble=trouble
    )
    time_up = _closes_in(view.paused, view.remaining)
    return view.seq, (view.answered_count, len(view.names), trouble), time_up, html


def _closes_in(paused: bool, remaining: Any) -> float | None:
    """Seconds until the open question is revealed by itself (its time, then the answers'
    grace): when a stream should look again without a signal."""
    if paused or remaining is None:
        return None
    return float((remaining + live.grace()).total_seconds())


@blueprint.get("/host/<int:live_id>")
@role_required(Role.TEACHER)
def host(live_id: int) -> str:
    try:
        found, view = live.host_state(current_user.account, live_id, clock.now())
    except live.NotFound:
        abort(404)
    return render_template(
        "live/host.html", found=found, view=view, form=ActionForm(), trouble=live.signal_trouble()
    )


@blueprint.post("/host/<int:live_id>/<action>")
@role_required(Role.TEACHER)
def host_action(live_id: int, action: str) -> WerkzeugResponse:
    if action not in HOST_ACTIONS:
        abort(404)
    return _as_host(live_id, lambda: live.act(current_user.account, live_id, action, clock.now()))


@blueprint.post("/host/<int:live_id>/players/<int:player_id>/remove")
@role_required(Role.TEACHER)
def remove_player(live_id: int, player_id: int) -> WerkzeugResponse:
    """The host removes a player (the projector's list of players): out for good."""
    return _as_host(
        live_id, lambda: live.remove_player(current_user.account, live_id, player_id, clock.now())
    )


def _as_host(live_id: int, change: Callable[[], object]) -> WerkzeugResponse:
    """A host's form (CSRF checked) makes ``change``; a rule it would break (the session moved
    on meanwhile, no question is open) is said on the projector, which it goes back to."""
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        change()
    except live.NotFound:
        abort(404)
    except LiveRuleError as error:
        flash(_sentence(error), "error")
    return redirect(url_for("live.host", live_id=live_id))


@blueprint.get("/results")
@role_required(Role.TEACHER)
def results() -> str:
    """The host's past live quizzes, each linked to its report."""
    sessions = live.sessions_of(current_user.account, clock.now(), RESULTS_LISTED)
    titles = {bank.slug: bank.title for bank in bank_library.summaries()}
    return render_template("live/results.html", sessions=sessions, titles=titles)


@blueprint.get("/results/<int:live_id>")
@role_required(Role.TEACHER)
def report(live_id: int) -> str:
    """One session's report: per question its histogram, right answer and how many got it
    right; the questions missed most; the final standings. The host's alone."""
    try:
        found, shot, made = live.session_report(current_user.account, live_id, clock.now())
    except live.NotFound:
        abort(404)
    return render_template("live/report.html", found=found, bank=shot.bank, report=made)


@blueprint.get("/host/<int:live_id>/events")
@role_required(Role.TEACHER)
def host_events(live_id: int) -> WerkzeugResponse:
    try:
        live.for_host(current_user.account, live_id)
    except live.NotFound:
        abort(404)
    # the host's counts change without a new seq: always read afresh
    return stream(live_id, lambda _after_change: _host_fragment(live_id), viewer=f"host-{live_id}", poll=1.0)


# --- Players ---------------------------------------------------------------------------------


@blueprint.route("", methods=["GET", "POST"])
def join() -> Any:
    guest = not current_user.is_authenticated
    if request.method == "GET":  # ?pin= from the projector's QR code fills the PIN in
        pin = "".join(ch for ch in request.args.get("pin", "")[:7] if ch.isdigit())
        return render_template("live/join.html", form=ActionForm(), guest=guest, pin=pin, nickname="")
    if not ActionForm().validate_on_submit():
        abort(400)
    wait = wrong_pin_wait()
    if wait is not None:
        return too_many(wait, "wrong PINs")
    pin, nickname = request.form.get("pin", ""), request.form.get("nickname", "")
    guest_key = clean_pin(pin) or ""
    if guest and (wait := guest_join_wait(guest_key)) is not None:
        not_a_wrong_pin()  # not looked up
        return too_many(wait, "guests joining from this address")
    try:
        if guest:
            guests = dict(session.get(GUESTS, {}))
            found, player = live.join_guest(pin, nickname, clock.now(), held=guests.values())
            guests.pop(str(found.id), None)
            guests[str(found.id)] = player.token  # the newest last; the cookie keeps a few
            session[GUESTS] = dict(list(guests.items())[-GUESTS_KEPT:])
        else:
            found, player = live.join_student(current_user.account, pin, clock.now())
    except live.WrongPin:  # counted by wrong_pin_wait
        if guest:
            not_a_guest_join(guest_key)
        return _join_again(
            "No live quiz has that PIN: check it with your teacher.", guest, pin, nickname, 422
        )
    except live.LiveRefused as error:
        not_a_wrong_pin()
        if guest:
            not_a_guest_join(guest_key)
        return _join_again(_sentence(error), guest, pin, nickname, 403)
    not_a_wrong_pin()
    return redirect(url_for("live.play", live_id=found.id))


def _join_again(message: str, guest: bool, pin: str, nickname: str, status: int) -> tuple[str, int]:
    page = render_template(
        "live/join.html", form=ActionForm(), guest=guest, pin=pin, nickname=nickname, error=message
    )
    return page, status


def _player(live_id: int) -> live.PlayerRow | None:
    token = session.get(GUESTS, {}).get(str(live_id))
    return live.player_of(live_id, _account(), token)


def _no_player(live_id: int, events: bool = False) -> Any:
    """No player of this session here: a guest whose cookie names it after it ended (its
    tokens were cleared) is told so, kindly (page or stream); anyone else gets 404. The look
    keeps the session's results if its end could not."""
    known = str(live_id) in session.get(GUESTS, {})
    found = live.current(live_id, clock.now()) if known else None
    if found is None or found.state.phase is not Phase.FINISHED:
        abort(404)
    return _gone(ENDED, 200, events)


def _gone(message: str, status: int, events: bool) -> Any:
    """The end of the road for this viewer (the quiz ended, they were removed, a test of the
    bank is open): a page, or for a stream one last event and a long ``retry``."""
    if not events:
        return render_template("live/gone.html", message=message), status
    html = render_template("live/_gone.html", message=message)
    response = WerkzeugResponse(f"retry: {GONE_RETRY_MS}\n\n" + frame(0, html), mimetype="text/event-stream")
    response.headers["Cache-Control"] = "no-store"
    return response


def player_fragment(
    player: live.PlayerRow, after_change: bool = False
) -> tuple[int, object, float | None, str]:
    """What a player's event stream sends: (seq, None, seconds until time is up, HTML)."""
    view = live.player_state(player, clock.now(), after_change)
    inputs = answer_inputs(view.question) if view.question is not None else None
    html = render_template("live/_player_state.html", view=view, inputs=inputs, live_id=player.session_id)
    time_up = _closes_in(view.paused, view.remaining)
    return view.seq, None, time_up, html
    return view.seq, None, time_up, html


def _refused(error: live.LiveRefused) -> tuple[str, int]:
    """A player who may not see the session now (a test of its bank open): the join page
    says why; they rejoin with the PIN once it is done."""
    return _join_again(_sentence(error), False, "", "", 403)


@blueprint.get("/<int:live_id>")
def play(live_id: int) -> Any:
    player = _player(live_id)
    if player is None:
        return _no_player(live_id)
    try:
        view = live.player_state(player, clock.now())
    except live.LiveRefused as error:
        return _refused(error)
    inputs = answer_inputs(view.question) if view.question is not None else None
    return render_template("live/play.html", view=view, inputs=inputs, form=ActionForm(), live_id=live_id)


@blueprint.post("/<int:live_id>/answer")
def answer(live_id: int) -> Any:
    player = _player(live_id)
    if player is None:
        return _no_player(live_id)
    now = clock.now()
    found = live.current(live_id, now)
    try:
        index = int(request.form.get("question", ""))
    except ValueError:
        index = -1
    if found is None:
        abort(404)
    if not 0 <= index < len(found.items):
        flash("That question is not open.", "error")
        return redirect(url_for("live.play", live_id=live_id))
    try:
        view = live.player_state(player, now)
    except live.LiveRefused as error:
        return _refused(error)
    question = live.question_at(found, index)
    if view.question is None or view.question.id != question.id or view.number != index + 1:
        flash("That question is closed.", "error")
        return redirect(url_for("live.play", live_id=live_id))
    form = answer_form(question, view.question)
    if not form.validate():
        return render_template(
            "live/play.html", view=view, inputs=typed_inputs(form), form=ActionForm(), live_id=live_id
        ), 422
    try:
        done = live.answer(player, index, response_from(form), now)
    except LiveRuleError as error:
        flash(f"{_sentence(error)[:-1]}: your answer was not counted.", "error")
        return play(live_id), 409
    except ResponseError as error:
        flash(f"{error}.", "error")
        return redirect(url_for("live.play", live_id=live_id))
    if not done.stored:
        flash("You had answered this question already: your first answer counts.", "info")
    return redirect(url_for("live.play", live_id=live_id))


@blueprint.get("/<int:live_id>/events")
def play_events(live_id: int) -> Any:
    player = _player(live_id)
    if player is None:
        return _no_player(live_id, events=True)
    try:
        live.player_state(player, clock.now())
    except live.LiveRefused as error:
        return _gone(_sentence(error), 403, events=True)
    refusals: list[live.LiveRefused] = []

    def render(after_change: bool) -> tuple[int, object, float | None, str]:
        """The player's state; once refused (removed meanwhile, a test opened), that is sent
        as the last event and the next render ends the stream."""
        if refusals:
            raise refusals[0]
        try:
            return player_fragment(player, after_change)
        except live.LiveRefused as error:
            refusals.append(error)
            return -1, None, 0.0, render_template("live/_gone.html", message=_sentence(error))

    return stream(live_id, render, viewer=f"player-{player.id}")


def _sentence(error: Exception) -> str:
    """A service's refusal ("the session changed meanwhile") as a sentence on a page."""
    return f"{str(error)[:1].upper()}{str(error)[1:]}."
