"""Chart geometry for server-side SVG: bars and lines, computed here, drawn by templates.

No chart library is loaded in the browser, and the SVG uses classes from our stylesheet (the
Content-Security-Policy allows no inline styles). Every chart also comes with its numbers as
a table, and a text alternative.

A chart is drawn in a 640 by 240 box and scaled to the width it is shown at: a phone shows it at
about half size. So that its labels stay readable there, the stylesheet gives them a larger size
in the chart's units as the chart gets narrower (up to ``LABEL_SIZE``), and the geometry here
leaves room for labels of that size: a margin for the axis values, a band below for the x labels,
and x labels near an edge anchored to it instead of centred past it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 640
HEIGHT = 240
LABEL_SIZE = 26  # the largest font size (chart units) style.css gives an axis label: a narrow chart's
AXIS_LABEL_X = 80  # where the axis values end ("100%" at LABEL_SIZE is about 72 units wide)
PAD_LEFT = 88
PAD_RIGHT = 16
PAD_TOP = 26  # half a label above the top grid line
PAD_BOTTOM = 48  # the x labels' band, clear of the lowest axis value
LABEL_BASELINE = HEIGHT - 8  # of the x labels: their descenders stay in the box
MOST_X_LABELS = 4  # more would crowd at LABEL_SIZE ("80–89%" is about 100 units wide)


@dataclass(frozen=True, slots=True)
class AxisLabel:
    """A label under the x axis: its text, where it is anchored and how ("start", "middle", "end")."""

    text: str
    x: float
    anchor: str


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
    labels: tuple[AxisLabel, ...]
    width: int = WIDTH
    height: int = HEIGHT
    baseline: float = HEIGHT - PAD_BOTTOM
    grid_left: int = PAD_LEFT
    axis_x: int = AXIS_LABEL_X
    label_y: int = LABEL_BASELINE


def _nice_max(value: float) -> float:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if value <= step * 4:
            return step * 4
    return value


def text_width(text: str, size: float = LABEL_SIZE) -> float:
    """About how wide ``text`` is drawn at ``size`` (a generous average: digits and letters of a
    sans-serif font are 0.5 to 0.6 of the size wide, "%" and "m" about 0.85)."""
    return sum(0.85 if char in "%mwMW—–" else 0.62 for char in text) * size


def x_labels(texts: Sequence[str], centres: Sequence[float]) -> tuple[AxisLabel, ...]:
    """At most ``MOST_X_LABELS`` of the labels, evenly spaced from the first; one that would run
    past the chart's edge at ``LABEL_SIZE`` is anchored at that edge instead."""
    every = max(1, -(-len(texts) // MOST_X_LABELS))
    labels = []
    for index in range(0, len(texts), every):
        text, centre = texts[index], centres[index]
        half = text_width(text) / 2
        if centre + half > WIDTH - 2:
            labels.append(AxisLabel(text, WIDTH - 2, "end"))
        elif centre - half < 2:
            labels.append(AxisLabel(text, 2, "start"))
        else:
            labels.append(AxisLabel(text, centre, "middle"))
    return tuple(labels)


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
    centres = [bar.x + bar.width / 2 for bar in bars]
    return ColumnChart(tuple(bars), ticks, x_labels(list(labels), centres))


@dataclass(frozen=True, slots=True)
class ShareBar:
    """One row of a share chart: its label, the share as text, and as a percentage of the row."""

    label: str
    shown: str
    percent: float


@dataclass(frozen=True, slots=True)
class BarList:
    """Horizontal bars of shares, drawn as a list: the labels and values are the page's text (they
    wrap and keep the page's size on a phone), each bar a small SVG without text."""

    bars: tuple[ShareBar, ...]


def share_bars(labels: Sequence[str], shares: Sequence[float]) -> BarList:
    """Horizontal bars of shares from 0 to 1, e.g. accuracy per topic."""
    return BarList(
        tuple(
            ShareBar(label, f"{round(share * 100, 1):g}%", round(max(0.0, min(share, 1.0)) * 100, 1))
            for label, share in zip(labels, shares, strict=True)
        )
    )


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
    labels: tuple[AxisLabel, ...]
    width: int = WIDTH
    height: int = HEIGHT
    grid_left: int = PAD_LEFT
    axis_x: int = AXIS_LABEL_X
    label_y: int = LABEL_BASELINE

    @property
    def path(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.points)


def percent_line(labels: Sequence[str], percents: Sequence[float]) -> LineChart:
    """Scores (0 to 100) in the order they were made, e.g. test scores over time."""
    left, right = PAD_LEFT + 16, WIDTH - PAD_RIGHT - 16  # the dots (radius 6) clear the edges
    plot_height = HEIGHT - PAD_TOP - PAD_BOTTOM
    count = len(percents)
    step = (right - left) / (count - 1) if count > 1 else 0
    points = tuple(
        Point(
            label,
            value,
            f"{round(value)}%",
            round(left + index * step, 1),
            round(PAD_TOP + plot_height * (1 - value / 100), 1),
        )
        for index, (label, value) in enumerate(zip(labels, percents, strict=True))
    )
    ticks = tuple(
        Tick(f"{share}%", round(PAD_TOP + plot_height * (1 - share / 100), 1))
        for share in (0, 25, 50, 75, 100)
    )
    return LineChart(points, ticks, x_labels(list(labels), [point.x for point in points]))
