"""Item analysis of a quiz, with Moodle's definitions (see docs/statistics.md).

For each question, over the attempts that asked it:
- facility index F = 100 x the mean of the fraction of the question's points earned;
- standard deviation SD = 100 x the sample standard deviation of that fraction;
- discrimination index D = 100 x the Pearson correlation between the points earned on the
  question and the points earned on the rest of the attempt (its total minus this question);
- for choice questions, how many responses picked each choice.
Plus the distribution of the attempts' percentages. Pure arithmetic on plain values.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction


@dataclass(frozen=True, slots=True)
class ItemResult:
    """One question of one attempt."""

    question_id: str
    fraction: Fraction  # share of the question's points earned
    points: Fraction
    chosen: tuple[str, ...] = ()  # choice ids picked (choice questions), else ()


@dataclass(frozen=True, slots=True)
class AttemptResult:
    items: tuple[ItemResult, ...]

    @property
    def total(self) -> Fraction:
        return sum((item.points for item in self.items), Fraction(0))


@dataclass(frozen=True, slots=True)
class ItemStats:
    question_id: str
    attempts: int
    facility: float | None  # percent
    sd: float | None  # percent
    discrimination: float | None  # percent (a correlation x 100); None when it cannot be computed
    choices: dict[str, int] = field(default_factory=dict)  # choice id -> times picked


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def sample_sd(values: Sequence[float]) -> float | None:
    if len(values) < 2:
        return None
    mean = _mean(values)
    return math.sqrt(sum((v - mean) ** 2 for v in values) / (len(values) - 1))


def correlation(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r, or None when it is undefined (fewer than two pairs, or no variation)."""
    if len(xs) < 2:
        return None
    mean_x, mean_y = _mean(xs), _mean(ys)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mean_x) ** 2 for x in xs)
    syy = sum((y - mean_y) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def item_analysis(attempts: Sequence[AttemptResult], question_ids: Sequence[str]) -> list[ItemStats]:
    """Statistics of each question, in the order of ``question_ids``."""
    stats = []
    for question_id in question_ids:
        fractions: list[float] = []
        points: list[float] = []
        rest: list[float] = []
        choices: dict[str, int] = {}
        for attempt in attempts:
            item = next((i for i in attempt.items if i.question_id == question_id), None)
            if item is None:
                continue
            fractions.append(float(item.fraction))
            points.append(float(item.points))
            rest.append(float(attempt.total - item.points))
            for choice in item.chosen:
                choices[choice] = choices.get(choice, 0) + 1
        sd = sample_sd(fractions)
        r = correlation(points, rest)
        stats.append(
            ItemStats(
                question_id=question_id,
                attempts=len(fractions),
                facility=100 * _mean(fractions) if fractions else None,
                sd=None if sd is None else 100 * sd,
                discrimination=None if r is None else 100 * r,
                choices=choices,
            )
        )
    return stats


def distribution(percents: Sequence[float], bins: int = 10) -> list[int]:
    """How many percentages fall in each of ``bins`` equal ranges of 0-100 (100 goes in the last)."""
    counts = [0] * bins
    for value in percents:
        counts[min(bins - 1, max(0, int(value * bins // 100)))] += 1
    return counts


def miss_rate(fractions: Sequence[Fraction]) -> float | None:
    """The share (0 to 1) of the points not earned, or None without answers."""
    if not fractions:
        return None
    return 1 - float(sum(fractions, Fraction(0)) / len(fractions))
