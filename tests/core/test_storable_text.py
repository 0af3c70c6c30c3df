"""core/storable_text.py: the text no database, page or export can keep, wherever it hides."""

from __future__ import annotations

from quizapp.core.roster import parse_roster
from quizapp.core.storable_text import NUL_REFUSED, SURROGATE_REFUSED, unstorable_text

LONE = "a\ud800b"


def test_a_lone_surrogate_is_refused_wherever_it_is_and_a_pair_is_not():
    assert unstorable_text(LONE) == SURROGATE_REFUSED
    assert unstorable_text("\udfff") == SURROGATE_REFUSED  # a low one alone too
    assert unstorable_text([["x", {"k": LONE}]]) == SURROGATE_REFUSED
    assert unstorable_text({LONE: 1}) == SURROGATE_REFUSED
    assert unstorable_text(("name", LONE)) == SURROGATE_REFUSED  # a form's (name, value) pairs
    assert unstorable_text("smile \U0001f600") is None  # JSON's pair \ud83d\ude00 is one character
    assert unstorable_text({"a": ["b", 1, None, 2.5]}) is None


def test_a_nul_is_still_refused_with_its_own_message():
    assert unstorable_text(["a\x00b"]) == NUL_REFUSED
    deep: list = ["\ud800"]
    for _ in range(100_000):
        deep = [deep]
    assert unstorable_text(deep) == SURROGATE_REFUSED  # a loop, not recursion


def test_a_roster_line_with_a_lone_surrogate_is_a_problem_of_that_line():
    entries, problems = parse_roster(f"ava, Ava\nben, B{LONE}\n")
    assert [e.username for e in entries] == ["ava"] and problems == [f"line 2: {SURROGATE_REFUSED}"]
