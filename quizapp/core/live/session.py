"""The states of a live session and the host's actions on them.

lobby -> question open -> revealed -> question open (the next) ... -> finished. An open
question may be paused (its remaining time frozen) and resumed, skipped (it closes without
counting and the next opens) or revealed at once; it is revealed by itself when its time and
the answers' grace are up (``settle``, ``closes_at``), and ends by itself hours after it opened.
The host may end the session from any state. Each action is a pure function of the old state
and ``now``; it raises ``LiveRuleError`` naming why it cannot apply. Every change
raises ``seq`` by one: it is the SSE event id, and a conditional UPDATE on it makes two racing
host clicks change the state once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum


class Phase(StrEnum):
    LOBBY = "lobby"  # players join; no question yet
    OPEN = "open"  # the question at ``index`` takes answers (unless paused)
    REVEALED = "revealed"  # its answer, histogram and standings are shown
    FINISHED = "finished"  # the podium; the PIN no longer works


class LiveRuleError(ValueError):
    """A host action or an answer that the session's state does not allow; says why."""


@dataclass(frozen=True, slots=True)
class LiveState:
    phase: Phase
    question_count: int
    seconds_per_question: int
    index: int = -1  # the current question (0-based); -1 in the lobby
    seq: int = 0  # grows with every change
    deadline: datetime | None = None  # an open, running question's end
    paused_remaining: timedelta | None = None  # an open, paused question's time left
    skipped: tuple[int, ...] = ()  # questions closed without counting

    @property
    def paused(self) -> bool:
        return self.phase is Phase.OPEN and self.paused_remaining is not None

    @property
    def limit(self) -> timedelta:
        return timedelta(seconds=self.seconds_per_question)

    def remaining(self, now: datetime) -> timedelta | None:
        """Time left on the open question (frozen while paused); None when none is open."""
        if self.phase is not Phase.OPEN:
            return None
        if self.paused_remaining is not None:
            return self.paused_remaining
        assert self.deadline is not None
        return max(self.deadline - now, timedelta(0))

    def elapsed(self, now: datetime) -> timedelta:
        """How long the open question has run at ``now`` (paused time not counted)."""
        left = self.remaining(now)
        return self.limit - left if left is not None else self.limit

    @property
    def counted(self) -> tuple[int, ...]:
        """The questions that count: shown up to now (revealed, or past), not skipped."""
        last = self.index if self.phase in (Phase.REVEALED, Phase.FINISHED) else self.index - 1
        return tuple(i for i in range(last + 1) if i not in self.skipped)


def new_session(question_count: int, seconds_per_question: int) -> LiveState:
    if question_count < 1:
        raise LiveRuleError("a live quiz needs at least one question")
    if not 5 <= seconds_per_question <= 600:
        raise LiveRuleError("a question's time must be between 5 and 600 seconds")
    return LiveState(Phase.LOBBY, question_count, seconds_per_question)


def _changed(state: LiveState, **changes: object) -> LiveState:
    return replace(state, seq=state.seq + 1, **changes)  # type: ignore[arg-type]


def _open(state: LiveState, index: int, now: datetime, skipped: tuple[int, ...]) -> LiveState:
    if index >= state.question_count:
        return _changed(state, phase=Phase.FINISHED, deadline=None, paused_remaining=None, skipped=skipped)
    return _changed(
        state,
        phase=Phase.OPEN,
        index=index,
        deadline=now + state.limit,
        paused_remaining=None,
        skipped=skipped,
    )


def start(state: LiveState, now: datetime) -> LiveState:
    """Open the first question."""
    if state.phase is not Phase.LOBBY:
        raise LiveRuleError("the quiz has started already")
    return _open(state, 0, now, state.skipped)


def next_question(state: LiveState, now: datetime) -> LiveState:
    """After a reveal: open the next question, or finish after the last."""
    if state.phase is not Phase.REVEALED:
        raise LiveRuleError(
            "the question is not revealed yet" if state.phase is Phase.OPEN else "no question is revealed"
        )
    return _open(state, state.index + 1, now, state.skipped)


def reveal(state: LiveState, now: datetime) -> LiveState:
    """Close the open question now (paused or not) and show its answer."""
    if state.phase is not Phase.OPEN:
        raise LiveRuleError("no question is open")
    return _changed(state, phase=Phase.REVEALED, deadline=None, paused_remaining=None)


def pause(state: LiveState, now: datetime) -> LiveState:
    if state.phase is not Phase.OPEN:
        raise LiveRuleError("no question is open")
    if state.paused:
        raise LiveRuleError("the question is paused already")
    return _changed(state, deadline=None, paused_remaining=state.remaining(now))


def resume(state: LiveState, now: datetime) -> LiveState:
    if not state.paused:
        raise LiveRuleError("no question is paused")
    assert state.paused_remaining is not None
    return _changed(state, deadline=now + state.paused_remaining, paused_remaining=None)


def skip(state: LiveState, now: datetime) -> LiveState:
    """Close the open question without counting it, and open the next (or finish)."""
    if state.phase is not Phase.OPEN:
        raise LiveRuleError("no question is open")
    return _open(state, state.index + 1, now, (*state.skipped, state.index))


def end(state: LiveState, now: datetime) -> LiveState:
    """Finish at once: the podium. An open question closes without counting."""
    if state.phase is Phase.FINISHED:
        raise LiveRuleError("the quiz has ended already")
    skipped = (*state.skipped, state.index) if state.phase is Phase.OPEN else state.skipped
    return _changed(state, phase=Phase.FINISHED, deadline=None, paused_remaining=None, skipped=skipped)


def closes_at(state: LiveState, grace: timedelta) -> datetime | None:
    """When the open, running question stops taking answers and is revealed by itself: its
    deadline plus ``grace`` (the network's delay: an answer sent just before the deadline
    arrives a moment after it). None: no question is running (lobby, paused, revealed, ended)."""
    if state.phase is not Phase.OPEN or state.deadline is None:
        return None
    return state.deadline + grace


def settle(
    state: LiveState, now: datetime, grace: timedelta, expires_at: datetime | None = None
) -> LiveState:
    """The state as of ``now``: a running question is revealed by itself once it closes
    (``closes_at``), never earlier, so that an answer still within the grace is taken; a
    session still going at ``expires_at`` (hours after it opened: left in its lobby, or
    abandoned) ends by itself, as ``end`` ends it."""
    if expires_at is not None and now >= expires_at and state.phase is not Phase.FINISHED:
        return end(state, expires_at)
    closes = closes_at(state, grace)
    if closes is not None and now >= closes:
        return reveal(state, now)
    return state


ACTIONS = {
    "start": start,
    "next": next_question,
    "reveal": reveal,
    "pause": pause,
    "resume": resume,
    "skip": skip,
    "end": end,
}


def answer_refusal(state: LiveState, index: int, received: datetime, grace: timedelta) -> str | None:
    """The one rule of when an answer counts (docs/live.md): why an answer to question
    ``index`` received at ``received`` cannot count in ``state`` (None: it counts). It counts
    while that question is open and running and until ``closes_at``: received up to ``grace``
    after the deadline, if the question was still open when the deadline passed (not paused,
    not revealed). Nothing counts after the reveal, which comes at ``closes_at`` by itself."""
    if state.phase is Phase.FINISHED:
        return "the quiz has ended"
    if state.phase is Phase.LOBBY or index > state.index:
        return "that question is not open yet"
    if index < state.index or state.phase is Phase.REVEALED:
        return "that question is closed"
    if state.paused:
        return "the question is paused"
    closes = closes_at(state, grace)
    assert closes is not None
    if received >= closes:
        return "time is up"
    return None
