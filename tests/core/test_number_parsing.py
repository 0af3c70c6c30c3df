from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizapp.core.number_parsing import MAX_WORD_NUMBER, number_from_words, number_readings, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5000", Decimal(5000)),
        ("5,000", Decimal(5000)),
        ("5 000", Decimal(5000)),
        ("5\u202f000", Decimal(5000)),  # narrow no-break space
        ("5\u00a0000", Decimal(5000)),
        ("5000.0", Decimal(5000)),
        ("1,234,567.5", Decimal("1234567.5")),
        ("1,5", Decimal("1.5")),  # decimal comma
        (" -3 ", Decimal(-3)),
        ("\u22123", Decimal(-3)),  # minus sign
        ("\u20133", Decimal(-3)),  # en dash, as autocorrect writes "-"
        ("+7", Decimal(7)),
        (".5", Decimal("0.5")),
        ("1e3", Decimal(1000)),
        ("010", Decimal(10)),  # decimal, never octal
    ],
)
def test_parses_numbers_as_people_type_them(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text",
    ["", "abc", "0x1F", "5,00,0", "1.2.3", "nan", "inf", "Infinity", "5 apples", "1e99999", "1" * 101],
)
def test_rejects_what_is_not_a_number(text):
    assert parse_number(text) is None


def test_dot_grouped_numbers_have_two_readings():
    from quizapp.core.number_parsing import number_readings

    assert number_readings("5.000") == (Decimal(5), Decimal(5000))
    assert number_readings("1.234.567") == (Decimal(1234567),)
    assert number_readings("5000") == (Decimal(5000),)
    assert number_readings("5.5") == (Decimal("5.5"),)
    assert number_readings("nope") == ()


# --- Numbers in words (issue 15) --------------------------------------------------------------

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spelled(n: int, hyphen: str = "-", conjunction: str = "") -> str:
    """``n`` in English words, written independently of the reader under test."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + (hyphen + _ONES[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return f"{_ONES[n // 100]} hundred" + (f" {conjunction}{spelled(rest, hyphen)}" if rest else "")
    rest = n % 1000
    head = f"{spelled(n // 1000, hyphen, conjunction)} thousand"
    if not rest:
        return head
    joiner = conjunction if rest < 100 else ""
    return f"{head} {joiner}{spelled(rest, hyphen, conjunction)}"


@given(
    st.integers(0, MAX_WORD_NUMBER),
    st.sampled_from(["-", " ", "\u2013"]),
    st.sampled_from(["", "and "]),
    st.sampled_from([str.lower, str.upper, str.title]),
)
def test_every_number_up_to_the_bound_reads_in_words(n, hyphen, conjunction, case):
    assert number_from_words(case(spelled(n, hyphen, conjunction))) == Decimal(n)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("nine", 9),
        ("Nine.", 9),
        ("twenty-two", 22),
        ("twenty two", 22),
        ("a hundred", 100),
        ("a thousand", 1000),
        ("a hundred thousand", 100_000),
        ("one hundred and five", 105),
        ("two thousand and eight", 2008),
        ("five thousand, three hundred", 5300),
        ("twelve hundred", 1200),  # hundreds counted past ten
        ("thirty-four hundred", 3400),
        ("nineteen hundred and ninety-nine", 1999),
        ("nine hundred ninety-nine thousand nine hundred ninety-nine", MAX_WORD_NUMBER),
    ],
)
def test_number_words(text, value):
    assert number_from_words(text) == Decimal(value)
    assert number_readings(text) == (Decimal(value),)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "a",
        "and",
        "hundred",
        "thousand",
        "one million",  # past the bound
        "a thousand thousand",
        "twelve hundred thousand",
        "nineteen ninety-nine",  # a year in pairs
        "ninth",  # ordinals
        "5 thousand",  # digits and words
        "twenty zero",
        "one hundred and",
        "zero zero",
        "minus five",
        "nine apples",
        "nine " * 30,
    ],
)
def test_what_is_not_a_number_in_words(text):
    assert number_from_words(text) is None
