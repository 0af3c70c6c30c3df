"""Item statistics against values computed by hand (docs/statistics.md)."""

from fractions import Fraction

import pytest

from quizapp.core.statistics import (
    AttemptResult,
    ItemResult,
    correlation,
    distribution,
    item_analysis,
    miss_rate,
)


def attempt(*scores, chosen=None):
    names = "ABC"
    return AttemptResult(
        tuple(
            ItemResult(names[n], Fraction(score), Fraction(score), (chosen,) if chosen and n == 0 else ())
            for n, score in enumerate(scores)
        )
    )


# Four attempts at three one-point questions. Totals: 3, 2, 2, 0.
ATTEMPTS = [
    attempt(1, 1, 1, chosen="a"),
    attempt(1, 0, 1, chosen="a"),
    attempt(0, 1, 1, chosen="b"),
    attempt(0, 0, 0, chosen="c"),
]


def test_facility_sd_and_discrimination_by_hand():
    a, b, c = item_analysis(ATTEMPTS, ["A", "B", "C"])
    # A: scores 1,1,0,0 -> facility 50%; SD = sqrt(1/3) = 57.7%
    assert a.facility == 50 and a.sd == pytest.approx(57.735, abs=0.01)
    # rest of test for A: 2,1,2,0; r = 0.5 / sqrt(1 x 2.75) = 0.3015
    assert a.discrimination == pytest.approx(30.151, abs=0.01)
    # B: scores 1,0,1,0; rest 2,2,1,0; sxy = 0.5, sxx = 1, syy = 2.75 -> also 0.3015
    assert b.facility == 50 and b.discrimination == pytest.approx(30.151, abs=0.01)
    # C: scores 1,1,1,0 (facility 75%); rest 2,1,1,0; sxy = 1, sxx = 0.75, syy = 2 -> r = 0.8165
    assert c.facility == 75 and c.discrimination == pytest.approx(81.650, abs=0.01)
    assert a.choices == {"a": 2, "b": 1, "c": 1} and a.attempts == 4


def test_undefined_values_are_none():
    [only] = item_analysis([attempt(1, 1)], ["A"])
    assert only.sd is None and only.discrimination is None and only.facility == 100
    [same] = item_analysis([attempt(1, 0), attempt(1, 1)], ["A"])
    assert same.discrimination is None  # no variation in the item
    [missing] = item_analysis(ATTEMPTS, ["Z"])
    assert missing.attempts == 0 and missing.facility is None
    assert correlation([1.0], [2.0]) is None


def test_distribution_and_miss_rate():
    assert distribution([0, 9.9, 10, 55, 99.9, 100]) == [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]
    assert miss_rate([Fraction(1), Fraction(0), Fraction(1, 2)]) == 0.5 and miss_rate([]) is None
