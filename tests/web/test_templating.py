"""web/templating.py: counts in words, agreeing with their number."""

from __future__ import annotations

from fractions import Fraction

import pytest

from quizapp.web.templating import how_many


@pytest.mark.parametrize(
    ("count", "words"), [(0, "0 cards"), (1, "1 card"), (2, "2 cards"), (21, "21 cards")]
)
def test_how_many_makes_the_noun_agree_with_the_count(count, words):
    assert how_many(count, "card") == words


def test_how_many_takes_a_plural_where_an_s_will_not_do():
    assert how_many(1, "class", "classes") == "1 class"
    assert how_many(0, "class", "classes") == "0 classes"
    assert how_many(2, "test is", "tests are") == "2 tests are"
    assert how_many(1, "test is", "tests are") == "1 test is"
    assert how_many(Fraction(1), "point") == "1 point"  # a count as a fraction: one is one
