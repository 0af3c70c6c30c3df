"""Progress figures: study streak, due forecast, accuracy by topic, mastery, weakest questions.

Pure functions over plain values, so the dashboard's numbers are tested without a database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from fractions import Fraction
from typing import TypeVar
from zoneinfo import ZoneInfo

from quizapp.core.learn import QuestionMemory, weakness
from quizapp.core.local_time import local_day


def study_streak(study_days: Iterable[date], today: date) -> int:
    """Consecutive days with some study, ending today (or yesterday, if today has none yet)."""
    days = set(study_days)
    day = today if today in days else today - timedelta(days=1)
    streak = 0
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    return streak


def due_forecast(due_times: Iterable[datetime], now: datetime, zone: ZoneInfo, days: int = 30) -> list[int]:
    """How many cards fall due on each of the next ``days`` days, the days of a person in
    ``zone``. Day 0 is "due today": overdue cards and those that fall due before their midnight;
    the progress page's headline and its chart both count it (one definition)."""
    counts = [0] * days
    today = local_day(now, zone)
    for due in due_times:
        offset = max(0, (local_day(due, zone) - today).days)
        if offset < days:
            counts[offset] += 1
    return counts


@dataclass(frozen=True, slots=True)
class Accuracy:
    earned: Fraction  # sum of the fractions earned
    answered: int  # how many answers

    @property
    def share(self) -> Fraction:
        return self.earned / self.answered if self.answered else Fraction(0)


def accuracy_by(results: Iterable[tuple[Iterable[str], Fraction]]) -> dict[str, Accuracy]:
    """Accuracy per label (tag, bank...) from (labels of a question, fraction earned) pairs."""
    earned: dict[str, Fraction] = defaultdict(Fraction)
    answered: dict[str, int] = defaultdict(int)
    for labels, fraction in results:
        for label in labels:
            earned[label] += fraction
            answered[label] += 1
    return {label: Accuracy(earned[label], answered[label]) for label in sorted(earned)}


Key = TypeVar("Key")

RECALL_TO_KEEP = 0.85  # below this chance of recall, a question needs practice


def needs_practice(memory: QuestionMemory) -> bool:
    """Got wrong the last time, or likely to be forgotten by now (once answered right, it drops off)."""
    recall = memory.retrievability
    return memory.last_wrong or (recall is not None and recall < RECALL_TO_KEEP)


def weakest(memory: Mapping[str, QuestionMemory], question_ids: Iterable[str], limit: int = 10) -> list[str]:
    """The questions most in need of practice, weakest first (learn mode's weakness score)."""
    weak = [q for q in question_ids if q in memory and needs_practice(memory[q])]
    return sorted(weak, key=lambda q: (-weakness(memory[q]), q))[:limit]


MIN_ANSWERS_TO_RANK = 5  # fewer answers to a question say little: one wrong answer would be "100% missed"


def most_missed(
    questions: Iterable[tuple[Key, int, Fraction]], limit: int = 10
) -> tuple[list[tuple[Key, int, Fraction]], int]:
    """The questions a class misses most, from (question, answers, share of points missed):
    those with at least ``MIN_ANSWERS_TO_RANK`` answers and something missed, most missed first
    (then the most answered); and how many missed ones wait for more answers before they rank."""
    missed = [q for q in questions if q[2] > 0]
    ranked = sorted((q for q in missed if q[1] >= MIN_ANSWERS_TO_RANK), key=lambda q: (-q[2], -q[1]))
    return ranked[:limit], len(missed) - len(ranked)


def share(part: int, whole: int) -> Fraction:
    return Fraction(part, whole) if whole else Fraction(0)
