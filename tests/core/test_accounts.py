import random

from quizapp.core.accounts import (
    JOIN_CODE_ALPHABET,
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
