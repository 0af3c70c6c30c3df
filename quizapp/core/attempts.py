"""The rules of an attempt: which questions it draws and in what order, and when it is open.

Randomness comes in as a seed stored with the attempt, so a reload shows the same questions
in the same order; time comes in as ``now``, so deadlines are exact in tests.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TypeVar

from .model import AnswerVisibility, Bank

T = TypeVar("T")


class AttemptMode(StrEnum):
    PRACTICE = "practice"  # one question at a time, feedback as the bank allows, no time limit
    TEST = "test"  # graded; may be timed; feedback after submitting


class AttemptStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"


class ClosedBy(StrEnum):
    STUDENT = "student"
    DEADLINE = "deadline"


def seeded_shuffle(items: Sequence[T], seed: int, salt: str) -> list[T]:
    """``items`` in an order fixed by ``seed`` and ``salt`` (e.g. a question id)."""
    shuffled = list(items)
    random.Random(f"{seed}:{salt}").shuffle(shuffled)
    return shuffled


def draw_questions(
    bank: Bank, seed: int, only: Sequence[str] | None = None, draw: int | None = None
) -> list[str]:
    """The ids of the questions an attempt asks, in the order it asks them.

    ``only`` restricts the draw (a retry of missed questions); ``draw`` defaults to the bank's
    setting. Questions are shuffled when the bank says so; drawn ones keep that order.
    """
    ids = [q.id for q in bank.questions if only is None or q.id in set(only)]
    settings = bank.settings
    count = draw if draw is not None else settings.draw
    if count is not None and count < len(ids):
        ids = seeded_shuffle(ids, seed, "draw")[:count]
        if not settings.shuffle_questions:
            position = {q.id: n for n, q in enumerate(bank.questions)}
            ids.sort(key=position.__getitem__)
    elif settings.shuffle_questions:
        ids = seeded_shuffle(ids, seed, "questions")
    return ids


def deadline_for(started_at: datetime, mode: AttemptMode, time_limit_minutes: int | None) -> datetime | None:
    """Tests with a time limit end at a fixed time; practice is never timed."""
    if mode is AttemptMode.PRACTICE or not time_limit_minutes:
        return None
    return started_at + timedelta(minutes=time_limit_minutes)


def accepts_answers(
    status: AttemptStatus, deadline: datetime | None, now: datetime, grace: timedelta
) -> bool:
    """Whether an answer given at ``now`` still counts (the grace absorbs network delay)."""
    if status is not AttemptStatus.IN_PROGRESS:
        return False
    return deadline is None or now <= deadline + grace


def is_overdue(status: AttemptStatus, deadline: datetime | None, now: datetime, grace: timedelta) -> bool:
    """An open attempt past its deadline: close it with what was saved."""
    return status is AttemptStatus.IN_PROGRESS and deadline is not None and now > deadline + grace


@dataclass(frozen=True, slots=True)
class Disclosure:
    """What a student may see of the correct answers at a given moment."""

    correctness: bool  # right or wrong, per question
    answers: bool  # the correct answer, the explanation and the source passage


def disclosure(
    visibility: AnswerVisibility, mode: AttemptMode, submitted: bool, question_answered: bool
) -> Disclosure:
    """The bank's ``show_answers`` setting applied to one question of an attempt.

    immediately: in practice, right after the question is answered; in a test, after submit.
    after_submit: after the attempt is submitted, in either mode.
    never: the student sees the score only, never which answers were right.
    """
    if visibility is AnswerVisibility.NEVER:
        return Disclosure(False, False)
    due = submitted or (
        visibility is AnswerVisibility.IMMEDIATELY and mode is AttemptMode.PRACTICE and question_answered
    )
    return Disclosure(due, due)
