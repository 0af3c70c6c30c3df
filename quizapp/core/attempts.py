"""The rules of an attempt: which questions it draws and in what order, and when it is open.

Randomness comes in as a seed stored with the attempt, so a reload shows the same questions
in the same order; time comes in as ``now``, so deadlines are exact in tests.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TypeVar

from quizapp.core.model import Bank

T = TypeVar("T")


class AttemptMode(StrEnum):
    PRACTICE = "practice"  # one question at a time, feedback as the bank allows, no time limit
    TEST = "test"  # graded; may be timed; feedback after submitting
    LIVE = "live"  # a live classroom quiz's answers, kept when it ends (services/live.py)


# The modes a student starts (pages and API); a live attempt is written by its live quiz's end
STARTABLE_MODES = (AttemptMode.PRACTICE, AttemptMode.TEST)


class AttemptStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"


class ClosedBy(StrEnum):
    STUDENT = "student"
    DEADLINE = "deadline"


def is_test_score(mode: AttemptMode, submitted: bool) -> bool:
    """Whether an attempt's score counts among test scores: the best and last scores, the
    gradebook, the class report and accuracy on tests are made of submitted tests alone;
    practice rounds and live quizzes are shown beside them, never among them (docs/live.md)."""
    return submitted and mode is AttemptMode.TEST


def seeded_shuffle(items: Sequence[T], seed: int, salt: str) -> list[T]:
    """``items`` in an order fixed by ``seed`` and ``salt`` (e.g. a question id)."""
    shuffled = list(items)
    random.Random(f"{seed}:{salt}").shuffle(shuffled)
    return shuffled


def draw_questions(bank: Bank, seed: int, mode: AttemptMode, only: Sequence[str] | None = None) -> list[str]:
    """The ids of the questions an attempt asks, in the order it asks them.

    Practice asks every question (or ``only`` those, to retry missed ones). A test asks at most
    one question of each ``group`` (questions that give each other away), picked by the seed,
    and then ``draw`` of them when the bank sets it. Questions are shuffled when the bank says
    so; otherwise they keep the file's order.
    """
    wanted = set(only) if only is not None else None
    questions = [q for q in bank.questions if wanted is None or q.id in wanted]
    settings = bank.settings
    count = None
    if mode is AttemptMode.TEST:
        groups: dict[str, list[str]] = {}
        for question in questions:
            if question.group:
                groups.setdefault(question.group, []).append(question.id)
        picked = {group: seeded_shuffle(ids, seed, f"group:{group}")[0] for group, ids in groups.items()}
        questions = [q for q in questions if not q.group or picked[q.group] == q.id]
        count = settings.draw
    ids = [q.id for q in questions]
    if count is not None and count < len(ids):
        drawn = set(seeded_shuffle(ids, seed, "draw")[:count])
        ids = [question_id for question_id in ids if question_id in drawn]
    if settings.shuffle_questions:
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
