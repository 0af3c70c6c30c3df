"""Learn mode: a short session on the questions a student is weakest on, until they stick.

The choice rule (``pick_questions``): every question gets a weakness score,
``(1 - retrievability) + 0.15 * misses`` (misses counted up to 4), where a question never seen
has retrievability 0. The weakest come first; ties are broken by the session's seed. The chosen
questions are then ordered so that two questions of the same type do not follow each other
where that can be avoided (mixed formats). During the session a missed question comes back
``REASK_GAP`` questions later, until it is answered right or has been tried ``MAX_TRIES`` times.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from quizapp.core.model import Bank

SESSION_SIZE = 10
MAX_TRIES = 3
REASK_GAP = 3
MISS_WEIGHT = 0.15
MAX_COUNTED_MISSES = 4


@dataclass(frozen=True, slots=True)
class QuestionMemory:
    """What is known of a student and one question."""

    retrievability: float | None = None  # None: never seen
    misses: int = 0
    last_wrong: bool = False  # the latest answer or rating was wrong (Again)


def weakness(memory: QuestionMemory | None) -> float:
    memory = memory or QuestionMemory()
    recall = memory.retrievability or 0.0
    return (1.0 - recall) + MISS_WEIGHT * min(memory.misses, MAX_COUNTED_MISSES)


def pick_questions(
    bank: Bank, memory: Mapping[str, QuestionMemory], seed: int, size: int = SESSION_SIZE
) -> list[str]:
    """The ids of the ``size`` weakest questions, in mixed-format order."""
    tiebreak = random.Random(f"{seed}:learn")
    ranked = sorted(bank.questions, key=lambda q: (-weakness(memory.get(q.id)), tiebreak.random()))
    chosen = ranked[:size]
    return [q.id for q in _mix_types(chosen)]


def _mix_types(questions: Sequence[Any]) -> list[Any]:
    """Keep the order within each type, but put as few questions of a type side by side as can be.

    The weakest question goes first; then each next question comes from the type with the most
    left, other than the last one asked (the greedy rule that avoids runs where it can).
    """
    ordered: list[Any] = list(questions[:1])  # the weakest question is asked first
    remaining = list(questions[1:])
    while remaining:
        last: str | None = ordered[-1].type if ordered else None
        counts: dict[str, int] = {}
        for question in remaining:
            counts[question.type] = counts.get(question.type, 0) + 1
        choices = [kind for kind in counts if kind != last] or list(counts)
        kind = max(choices, key=lambda k: (counts[k], -_first_index(remaining, k)))
        pick = next(q for q in remaining if q.type == kind)
        remaining.remove(pick)
        ordered.append(pick)
    return ordered


def _first_index(questions: Sequence[Any], kind: str) -> int:
    return next(n for n, q in enumerate(questions) if q.type == kind)


@dataclass(frozen=True, slots=True)
class LearnSession:
    queue: tuple[str, ...]  # question ids still to ask, the next first
    tries: dict[str, int] = field(default_factory=dict)
    learned: tuple[str, ...] = ()  # answered right, in the order it happened
    not_yet: tuple[str, ...] = ()  # still wrong after MAX_TRIES

    @property
    def current(self) -> str | None:
        return self.queue[0] if self.queue else None

    @property
    def finished(self) -> bool:
        return not self.queue

    def first_try(self) -> list[str]:
        return [q for q in self.learned if self.tries.get(q) == 1]

    def later_tries(self) -> list[str]:
        return [q for q in self.learned if self.tries.get(q, 0) > 1]

    def to_dict(self) -> dict[str, Any]:
        return {
            "queue": list(self.queue),
            "tries": dict(self.tries),
            "learned": list(self.learned),
            "not_yet": list(self.not_yet),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LearnSession:
        return cls(tuple(data["queue"]), dict(data["tries"]), tuple(data["learned"]), tuple(data["not_yet"]))


def start(question_ids: Sequence[str]) -> LearnSession:
    return LearnSession(tuple(question_ids))


def record(session: LearnSession, question_id: str, correct: bool) -> LearnSession:
    """The session after an answer to its current question."""
    if session.current != question_id:
        raise ValueError(f"{question_id!r} is not the question being asked")
    tries = dict(session.tries)
    tries[question_id] = tries.get(question_id, 0) + 1
    rest = list(session.queue[1:])
    if correct:
        return replace(session, queue=tuple(rest), tries=tries, learned=(*session.learned, question_id))
    if tries[question_id] >= MAX_TRIES:
        return replace(session, queue=tuple(rest), tries=tries, not_yet=(*session.not_yet, question_id))
    rest.insert(min(REASK_GAP, len(rest)), question_id)
    return replace(session, queue=tuple(rest), tries=tries)
