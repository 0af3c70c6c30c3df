"""Chart geometry: labels stay inside the chart at the largest size the stylesheet gives them."""

from __future__ import annotations

from quizapp.core import charts


def label_extent(label: charts.AxisLabel) -> tuple[float, float]:
    width = charts.text_width(label.text)
    start = {"start": label.x, "middle": label.x - width / 2, "end": label.x - width}[label.anchor]
    return start, start + width


def test_a_months_scores_label_at_most_four_dates_inside_the_chart():
    dates = [f"Nov {day:02d}" for day in range(1, 31)]
    chart = charts.percent_line(dates, [float(day) * 3 for day in range(30)])
    assert [label.text for label in chart.labels] == ["Nov 01", "Nov 09", "Nov 17", "Nov 25"]
    for label in chart.labels:
        start, end = label_extent(label)
        assert start >= 0 and end <= charts.WIDTH


def test_a_label_that_would_run_past_the_right_edge_is_anchored_to_it():
    bins = [f"{low}–{low + 9}%" for low in range(0, 90, 10)] + ["90–100%"]
    chart = charts.column_chart(bins, [1] * 10)
    assert [label.text for label in chart.labels] == ["0–9%", "30–39%", "60–69%", "90–100%"]
    last = chart.labels[-1]
    assert (last.anchor, last.x) == ("end", charts.WIDTH - 2)
    assert chart.bars[-1].x + chart.bars[-1].width / 2 + charts.text_width("90–100%") / 2 > charts.WIDTH
    assert [label.anchor for label in chart.labels[:3]] == ["middle"] * 3


def test_the_axis_values_fit_in_the_left_margin_and_below_the_top():
    chart = charts.percent_line(["a", "b"], [0, 100])
    assert charts.text_width("100%") <= charts.AXIS_LABEL_X - 2
    assert chart.axis_x < chart.grid_left
    assert min(tick.y for tick in chart.ticks) - charts.LABEL_SIZE / 2 >= 0
    assert (
        max(tick.y for tick in chart.ticks) + charts.LABEL_SIZE / 2
        < charts.LABEL_BASELINE - charts.LABEL_SIZE * 0.75
    )


def test_shares_are_percentages_of_the_bar_kept_between_0_and_100():
    chart = charts.share_bars(["quote", "region", "odd"], [0.5, 1.0, 1.2])
    assert [(bar.shown, bar.percent) for bar in chart.bars] == [
        ("50%", 50.0),
        ("100%", 100.0),
        ("120%", 100.0),
    ]
