"""Chart geometry for server-side SVG: bars and lines, computed here, drawn by templates.

No chart library is loaded in the browser, and the SVG uses classes from our stylesheet (the
Content-Security-Policy allows no inline styles). Every chart also comes with its numbers as
a table, and a text alternative.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 640
HEIGHT = 220
PAD_LEFT = 40
PAD_RIGHT = 10
PAD_TOP = 12
PAD_BOTTOM = 28


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    shown: str  # the value as text, e.g. "12" or "75%"
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Tick:
    value: str
    y: float


@dataclass(frozen=True, slots=True)
class ColumnChart:
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    width: int = WIDTH
    height: int = HEIGHT
    baseline: float = HEIGHT - PAD_BOTTOM
    label_every: int = 1


def _nice_max(value: float) -> float:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step * 4:
            return step * 4
    return value


def column_chart(
    labels: Sequence[str],
    values: Sequence[float],
    shown: Sequence[str] | None = None,
    maximum: float | None = None,
) -> ColumnChart:
    """Vertical bars, e.g. cards due on each of the next 30 days."""
    top = maximum if maximum is not None else _nice_max(max(values, default=0) or 1)
    plot_width = WIDTH - PAD_LEFT - PAD_RIGHT
    plot_height = HEIGHT - PAD_TOP - PAD_BOTTOM
    slot = plot_width / max(len(values), 1)
    bars = []
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        height = plot_height * (value / top) if top else 0
        bars.append(
            Bar(
                label,
                value,
                (shown[index] if shown else f"{value:g}"),
                round(PAD_LEFT + index * slot + slot * 0.15, 1),
                round(PAD_TOP + plot_height - height, 1),
                round(slot * 0.7, 1),
                round(height, 1),
            )
        )
    ticks = tuple(
        Tick(f"{top * share:g}", round(PAD_TOP + plot_height * (1 - share), 1))
        for share in (0, 0.25, 0.5, 0.75, 1)
    )
    every = max(1, -(-len(values) // 6))  # at most about six labels: they stay legible on a phone
    return ColumnChart(tuple(bars), ticks, label_every=every)


@dataclass(frozen=True, slots=True)
class HorizontalBar:
    label: str
    shown: str
    y: float
    width: float


@dataclass(frozen=True, slots=True)
class BarList:
    bars: tuple[HorizontalBar, ...]
    height: int
    label_width: int = 190
    bar_area: int = WIDTH - 190 - 70
    bar_height: int = 20


def share_bars(labels: Sequence[str], shares: Sequence[float]) -> BarList:
    """Horizontal bars of shares from 0 to 1, e.g. accuracy per topic."""
    rows = 30
    chart = BarList((), 0)
    bars = tuple(
        HorizontalBar(
            label, f"{round(share * 100, 1):g}%", index * rows + 6, round(chart.bar_area * share, 1)
        )
        for index, (label, share) in enumerate(zip(labels, shares, strict=True))
    )
    return BarList(bars, max(rows * len(bars) + 8, 40))


@dataclass(frozen=True, slots=True)
class Point:
    label: str
    value: float
    shown: str
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class LineChart:
    points: tuple[Point, ...]
    ticks: tuple[Tick, ...]
    width: int = WIDTH
    height: int = HEIGHT
    label_every: int = 1

    @property
    def path(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.points)


def percent_line(labels: Sequence[str], percents: Sequence[float]) -> LineChart:
    """Scores (0 to 100) in the order they were made, e.g. test scores over time."""
    plot_width = WIDTH - PAD_LEFT - PAD_RIGHT - 20
    plot_height = HEIGHT - PAD_TOP - PAD_BOTTOM
    count = len(percents)
    step = plot_width / (count - 1) if count > 1 else 0
    points = tuple(
        Point(
            label,
            value,
            f"{round(value)}%",
            round(PAD_LEFT + 10 + index * step, 1),
            round(PAD_TOP + plot_height * (1 - value / 100), 1),
        )
        for index, (label, value) in enumerate(zip(labels, percents, strict=True))
    )
    ticks = tuple(
        Tick(f"{share}%", round(PAD_TOP + plot_height * (1 - share / 100), 1))
        for share in (0, 25, 50, 75, 100)
    )
    return LineChart(points, ticks, label_every=max(1, -(-count // 5)))
