"""What a player and the host may see of a live session at a state: one function each.

``player_view`` is the only way a player's page or event stream learns anything: while a
question is open it holds the question as ``core.question_types.present`` shows it (no key, no
explanation, no passage) and whether this player's answer was received; the right answer, the
explanation, the quoted passage, the histogram and the player's verdict come only once the
question is revealed. A player's points and place count revealed questions only, so a score
cannot give away whether the open question's answer was right.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from quizapp.core.live.histogram import Bar, histogram
from quizapp.core.live.points import Standing, standings
from quizapp.core.live.session import LiveState, Phase
from quizapp.core.model import Bank, Question
from quizapp.core.passages import Passage, find_passages
from quizapp.core.presentation import StudentQuestion
from quizapp.core.question_types import present, question_type
from quizapp.core.responses import Response

PODIUM_PLACES = 3
LEADERBOARD_SIZE = 5
MOST_MISSED = 3


@dataclass(frozen=True, slots=True)
class LiveAnswer:
    """One player's counted answer to one question (as stored, with its points)."""

    player_id: int
    index: int
    response: Response
    points: int
    correct: bool


@dataclass(frozen=True, slots=True)
class Reveal:
    """A question's answer material, shown once it is revealed."""

    question: Question
    answer_lines: tuple[str, ...]
    explanation: str
    passages: tuple[Passage, ...]
    histogram: tuple[Bar, ...]
    answered: int
    right: int


@dataclass(frozen=True, slots=True)
class Verdict:
    answered: bool
    correct: bool
    points: int
    response_text: str


@dataclass(frozen=True, slots=True)
class Missed:
    number: int  # 1-based
    question: Question
    missed: int  # players who answered wrongly or not at all
    players: int


@dataclass(frozen=True, slots=True)
class PlayerView:
    phase: Phase
    seq: int
    number: int  # the current question, 1-based (0 in the lobby)
    count: int
    question: StudentQuestion | None  # open or revealed
    remaining: timedelta | None
    paused: bool
    answered: bool  # this player's answer to the current question was received
    reveal: Reveal | None
    verdict: Verdict | None  # revealed: this player's
    standing: Standing | None  # over revealed questions
    players: int


@dataclass(frozen=True, slots=True)
class HostView:
    phase: Phase
    seq: int
    number: int
    count: int
    question: StudentQuestion | None
    remaining: timedelta | None
    paused: bool
    answered_count: int
    names: tuple[str, ...]  # every player, in the order they joined
    reveal: Reveal | None
    leaderboard: tuple[Standing, ...]
    podium: tuple[Standing, ...]
    most_missed: tuple[Missed, ...]
    players: tuple[tuple[int, str], ...] = ()  # (player id, name), as ``names``: to remove one


@dataclass(frozen=True, slots=True)
class Session:
    """What both views are made from: the state, the bank and the questions asked in order,
    the players' names by id (in joining order), every answer, and the seed choices are
    shuffled with (one per session, so the projector and the phones agree)."""

    state: LiveState
    bank: Bank
    questions: tuple[Question, ...]
    names: Mapping[int, str]
    answers: Sequence[LiveAnswer]
    seed: int


def _shown(session: Session) -> StudentQuestion | None:
    state = session.state
    if state.phase not in (Phase.OPEN, Phase.REVEALED):
        return None
    question = session.questions[state.index]
    return present(question, session.seed, session.bank.settings.shuffle_choices)


def _reveal(session: Session, index: int) -> Reveal:
    question = session.questions[index]
    kind = question_type(question.type)
    given = [a for a in session.answers if a.index == index]
    shown = present(question, session.seed, session.bank.settings.shuffle_choices)
    return Reveal(
        question=question,
        answer_lines=tuple(kind.answer_lines(question.answer)),
        explanation=question.explanation,
        passages=find_passages(session.bank.source_text, question.source_quotes),
        histogram=histogram(question, [a.response for a in given], [option.id for option in shown.choices]),
        answered=len(given),
        right=sum(1 for a in given if a.correct),
    )


def ranking(session: Session) -> tuple[Standing, ...]:
    """Standings over the questions that count so far (revealed, not skipped): the one ranking
    the leaderboard, the podium, each phone's place and the report all read."""
    counted = set(session.state.counted)
    totals: dict[int, int] = {}
    for answer in session.answers:
        if answer.index in counted:
            totals[answer.player_id] = totals.get(answer.player_id, 0) + answer.points
    return standings(session.names, totals)


def _number(state: LiveState) -> int:
    return state.index + 1 if state.index >= 0 else 0


@dataclass(frozen=True, slots=True)
class ClassState:
    """What every player's view of a session at one state is made from besides the state:
    made once by ``class_state`` and given to ``player_view`` for each player, so that a class
    of N costs one histogram and one ranking per change, not N (at 200 players they were 2 ms
    of each player's 5.6 ms render: benchmarks/live_render.py). It holds every player's
    standing and answer to the current question; ``player_view`` alone picks a player's own."""

    question: StudentQuestion | None
    reveal: Reveal | None  # only once the current question is revealed
    standings: Mapping[int, Standing]  # by player id, over revealed questions
    given: Mapping[int, LiveAnswer]  # each player's answer to the current question, by id


def class_state(session: Session) -> ClassState:
    state = session.state
    revealed = state.phase is Phase.REVEALED and state.index not in state.skipped
    return ClassState(
        question=_shown(session),
        reveal=_reveal(session, state.index) if revealed else None,
        standings={standing.player_id: standing for standing in ranking(session)},
        given={a.player_id: a for a in session.answers if a.index == state.index},
    )


def player_view(
    session: Session, player_id: int, now: datetime, shared: ClassState | None = None
) -> PlayerView:
    """What player ``player_id`` may see; ``shared``: ``class_state(session)``, when it is
    made once for many players (it must be of this same ``session``)."""
    state = session.state
    shared = shared or class_state(session)
    mine = shared.given.get(player_id)
    verdict = None
    if shared.reveal is not None:
        question = session.questions[state.index]
        verdict = Verdict(
            answered=mine is not None,
            correct=mine is not None and mine.correct,
            points=mine.points if mine else 0,
            response_text=question_type(question.type).response_text(question.answer, mine.response)
            if mine is not None
            else "",
        )
    return PlayerView(
        phase=state.phase,
        seq=state.seq,
        number=_number(state),
        count=state.question_count,
        question=shared.question,
        remaining=state.remaining(now),
        paused=state.paused,
        answered=mine is not None,
        reveal=shared.reveal,
        verdict=verdict,
        standing=shared.standings.get(player_id),
        players=len(session.names),
    )


def most_missed(session: Session) -> tuple[Missed, ...]:
    """The counted questions the most players missed (wrong or no answer), most first. A
    question no one answered is left out: it tells nothing of what the class knows (the time was
    too short, the phones were away), and ranking it "missed by everyone" hid the real misses."""
    players = len(session.names)
    rows = []
    for index in session.state.counted:
        given = [a for a in session.answers if a.index == index]
        right = sum(1 for a in given if a.correct)
        if given and players - right > 0:
            rows.append(Missed(index + 1, session.questions[index], players - right, players))
    rows.sort(key=lambda row: (-row.missed, row.number))
    return tuple(rows[:MOST_MISSED])


def podium(ranked: Sequence[Standing]) -> tuple[Standing, ...]:
    """Everyone on places 1 to 3 who scored: ties share a place (1, 2, 2, 2), so a podium may
    hold more than three; a player with no points is not on it (a class that scored nothing
    would all stand on place 1)."""
    return tuple(s for s in ranked if s.place <= PODIUM_PLACES and s.points > 0)


def host_view(session: Session, now: datetime) -> HostView:
    state = session.state
    ranked = ranking(session)
    finished = state.phase is Phase.FINISHED
    revealed = state.phase is Phase.REVEALED
    return HostView(
        phase=state.phase,
        seq=state.seq,
        number=_number(state),
        count=state.question_count,
        question=_shown(session),
        remaining=state.remaining(now),
        paused=state.paused,
        answered_count=sum(1 for a in session.answers if a.index == state.index),
        names=tuple(session.names.values()),
        reveal=_reveal(session, state.index) if revealed else None,
        leaderboard=ranked[:LEADERBOARD_SIZE] if revealed or finished else (),
        podium=podium(ranked) if finished else (),
        most_missed=most_missed(session) if finished else (),
        players=tuple(session.names.items()),
    )


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One question of a session's report: its answer material and how the class answered, if
    it counted (revealed, not skipped); else ``reveal`` is None and ``asked`` says whether the
    class saw it (skipped or ended while open) or never did."""

    number: int
    question: Question
    reveal: Reveal | None
    asked: bool


@dataclass(frozen=True, slots=True)
class Report:
    """A teacher's report of a session: every question in order, the questions missed most
    and the standings (over the questions that counted)."""

    rows: tuple[ReportRow, ...]
    most_missed: tuple[Missed, ...]
    standings: tuple[Standing, ...]
    players: int


def report(session: Session) -> Report:
    state = session.state
    counted = set(state.counted)
    return Report(
        rows=tuple(
            ReportRow(
                index + 1,
                question,
                _reveal(session, index) if index in counted else None,
                index <= state.index,
            )
            for index, question in enumerate(session.questions)
        ),
        most_missed=most_missed(session),
        standings=ranking(session),
        players=len(session.names),
    )
