"""Points for a live answer and the standings (core/live/points.py)."""

from __future__ import annotations

from datetime import timedelta
from fractions import Fraction

import pytest

from quizapp.core.live.pin import clean_pin, new_pin
from quizapp.core.live.points import live_points, standings

LIMIT = timedelta(seconds=20)


@pytest.mark.parametrize(
    ("fraction", "elapsed", "points"),
    [
        (Fraction(1), 0, 1000),
        (Fraction(1), 10, 750),
        (Fraction(1), 20, 500),
        (Fraction(1), 25, 500),  # in the grace: as at the deadline
        (Fraction(1, 2), 0, 500),  # partial credit, by the score's fraction
        (Fraction(0), 0, 0),
    ],
)
def test_points_by_rightness_and_speed(fraction, elapsed, points):
    assert live_points(fraction, timedelta(seconds=elapsed), LIMIT) == points


def test_equal_points_share_a_place_listed_by_name():
    names = {1: "bea", 2: "Al", 3: "cy", 4: "dee"}
    ranked = standings(names, {1: 900, 2: 900, 3: 500})
    assert [(s.name, s.place, s.points) for s in ranked] == [
        ("Al", 1, 900),
        ("bea", 1, 900),
        ("cy", 3, 500),
        ("dee", 4, 0),
    ]


def test_a_pin_is_six_digits_from_the_random_source_given():
    import random

    pins = {new_pin(random.Random(seed)) for seed in range(50)}
    assert all(len(pin) == 6 and pin.isdigit() for pin in pins) and len(pins) > 40
    assert new_pin(random.Random(3)) == new_pin(random.Random(3))
    assert clean_pin(" 123-456 ") == "123456" and clean_pin("12345") is None and clean_pin("12345x") is None
