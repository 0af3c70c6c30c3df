import random

import pytest

from quizapp.core.accounts import (
    JOIN_CODE_ALPHABET,
    name_problem,
    new_join_code,
    new_password,
    normalize_join_code,
    valid_username,
)


def test_usernames():
    assert valid_username("Sam") and valid_username("ana.b-2")
    assert not valid_username("a") and not valid_username("bad name") and not valid_username("-x")


def test_join_codes_are_unambiguous_and_forgiving():
    code = new_join_code(random.Random(1))
    assert len(code) == 8 and set(code) <= set(JOIN_CODE_ALPHABET)
    assert not set("01OIL") & set(JOIN_CODE_ALPHABET)
    assert normalize_join_code(" k7qm-3xpa ") == "K7QM3XPA"


def test_one_time_passwords_are_readable_and_random():
    first = new_password(random.Random(1))
    assert first == new_password(random.Random(1)) and first != new_password(random.Random(2))
    assert len(first) >= 12 and first.count("-") == 3


@pytest.mark.parametrize(
    "name",
    ["\u200b", "\u3164", "\u2800", "\u115f\u1160", "\uffa0 \u3164", "\u0301", "\u200d"],
    ids=["zero-width-space", "hangul-filler", "braille-blank", "hangul-fillers", "halfwidth", "mark", "zwj"],
)
def test_a_name_of_nothing_visible_is_refused(name):
    assert name_problem(name) is not None


@pytest.mark.parametrize(
    "name",
    ["\x1b[2J\x1b]0;pwned\x07Eve", "Eve\u202e", "A\tB", "A\u2028B", "\u200bEve", "Eve\ufeff", "Eve\ud800"],
    ids=["escape-sequences", "right-to-left-override", "tab", "line-separator", "zwsp", "bom", "surrogate"],
)
def test_a_name_with_control_or_format_characters_is_refused(name):
    """They reached teachers' terminals through `flask export-scores` (ESC sequences), or hid
    and reversed text on the pages (direction overrides, zero-width spaces)."""
    assert name_problem(name) == (
        "a name may not contain control or formatting characters (a tab, an escape, a direction mark)"
    )


@pytest.mark.parametrize(
    "name",
    [
        "Eve",
        "Zoë Ölçü",
        "\u0645\u06cc\u200c\u0631\u0636\u0627",
        "\U0001f469\u200d\U0001f52c",
        "李雷",
        "O'Neil-Smith Jr.",
    ],
    ids=["latin", "accents", "persian-with-zwnj", "emoji-with-zwj", "chinese", "punctuation"],
)
def test_real_names_are_accepted(name):
    assert name_problem(name) is None
