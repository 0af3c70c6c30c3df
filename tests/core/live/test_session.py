"""The states of a live session and the host's actions (core/live/session.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from quizapp.core.live import session as live
from quizapp.core.live.session import LiveRuleError, Phase

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
S = timedelta(seconds=1)
GRACE = timedelta(seconds=1)
MS = timedelta(milliseconds=1)


def started(count=3, seconds=20):
    return live.start(live.new_session(count, seconds), T0)


def test_the_happy_path_to_the_podium_raises_seq_at_every_change():
    state = live.new_session(2, 20)
    seqs = [state.seq]
    for action in ("start", "reveal", "next", "reveal", "next"):
        state = live.ACTIONS[action](state, T0)
        seqs.append(state.seq)
    assert state.phase is Phase.FINISHED and seqs == [0, 1, 2, 3, 4, 5]
    assert state.counted == (0, 1)


@pytest.mark.parametrize(
    ("action", "phase", "reason"),
    [
        ("reveal", Phase.LOBBY, "no question is open"),
        ("pause", Phase.LOBBY, "no question is open"),
        ("next", Phase.LOBBY, "no question is revealed"),
        ("resume", Phase.LOBBY, "no question is paused"),
        ("start", Phase.OPEN, "started already"),
        ("next", Phase.OPEN, "not revealed yet"),
        ("skip", Phase.REVEALED, "no question is open"),
        ("end", Phase.FINISHED, "ended already"),
    ],
)
def test_an_action_that_does_not_apply_says_why(action, phase, reason):
    state = live.new_session(3, 20)
    steps = {
        Phase.LOBBY: (),
        Phase.OPEN: ("start",),
        Phase.REVEALED: ("start", "reveal"),
        Phase.FINISHED: ("end",),
    }
    for step in steps[phase]:
        state = live.ACTIONS[step](state, T0)
    with pytest.raises(LiveRuleError, match=reason):
        live.ACTIONS[action](state, T0)


def test_a_paused_question_keeps_its_remaining_time():
    state = live.pause(started(), T0 + 5 * S)
    assert state.paused and state.remaining(T0 + 500 * S) == 15 * S
    resumed = live.resume(state, T0 + 100 * S)
    assert resumed.deadline == T0 + 115 * S and resumed.elapsed(T0 + 102 * S) == 7 * S
    assert live.settle(state, T0 + 500 * S, GRACE) is state  # paused: time does not run out


def test_time_up_reveals_the_question_by_itself_once_the_grace_is_over_too():
    state = started()
    assert live.settle(state, T0 + 20 * S, GRACE) is state  # the deadline: answers still arrive
    assert live.settle(state, T0 + 21 * S - MS, GRACE) is state
    revealed = live.settle(state, T0 + 21 * S, GRACE)
    assert revealed.phase is Phase.REVEALED and revealed.seq == state.seq + 1
    assert live.closes_at(state, GRACE) == T0 + 21 * S


@pytest.mark.parametrize(
    ("after_deadline", "counts"), [(-MS, True), (0 * S, True), (GRACE - MS, True), (GRACE, False)]
)
def test_an_answer_received_within_the_grace_after_the_deadline_counts_and_not_later(after_deadline, counts):
    state = started()
    received = state.deadline + after_deadline
    settled = live.settle(state, received, GRACE)  # what a request arriving then sees first
    refusal = live.answer_refusal(settled, 0, received, GRACE)
    assert (refusal is None) is counts
    assert (settled.phase is Phase.OPEN) is counts  # refused only once the reveal has come


def test_no_answer_counts_after_a_reveal_even_within_the_grace():
    state = live.reveal(started(), T0 + 20 * S + MS)
    assert "closed" in live.answer_refusal(state, 0, T0 + 20 * S + 2 * MS, GRACE)


def test_a_question_paused_before_its_deadline_takes_no_answer_in_the_grace():
    state = live.pause(started(), T0 + 20 * S - MS)
    assert "paused" in live.answer_refusal(state, 0, T0 + 20 * S + MS, GRACE)


def test_skip_closes_a_question_without_counting_it_and_opens_the_next():
    state = live.skip(started(), T0 + 3 * S)
    assert (state.phase, state.index, state.skipped) == (Phase.OPEN, 1, (0,))
    state = live.reveal(state, T0 + 4 * S)
    assert state.counted == (1,)
    last = live.next_question(state, T0)
    assert last.phase is Phase.OPEN and last.index == 2
    finished = live.skip(last, T0)  # skipping the last one finishes
    assert finished.phase is Phase.FINISHED and finished.counted == (1,)


def test_ending_during_a_question_does_not_count_it():
    state = live.end(started(), T0)
    assert state.phase is Phase.FINISHED and state.counted == ()


@pytest.mark.parametrize(
    ("steps", "index", "at", "refusal"),
    [
        ((), 0, 0, "not open yet"),
        (("start",), 0, 5, None),
        (("start",), 1, 5, "not open yet"),
        (("start",), 0, 20.999, None),  # within the grace
        (("start",), 0, 21, "time is up"),
        (("start", "pause"), 0, 5, "paused"),
        (("start", "reveal"), 0, 5, "closed"),
        (("start", "reveal", "next"), 0, 5, "closed"),
        (("start", "end"), 0, 5, "ended"),
    ],
)
def test_answers_only_to_the_open_running_question(steps, index, at, refusal):
    state = live.new_session(3, 20)
    for step in steps:
        state = live.ACTIONS[step](state, T0)
    found = live.answer_refusal(state, index, T0 + at * S, GRACE)
    if refusal is None:
        assert found is None
    else:
        assert found is not None and refusal in found


def test_a_session_needs_questions_and_a_sane_time():
    with pytest.raises(LiveRuleError):
        live.new_session(0, 20)
    with pytest.raises(LiveRuleError):
        live.new_session(3, 1)
