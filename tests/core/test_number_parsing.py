from decimal import Decimal

import pytest

from quizapp.core.number_parsing import parse_number


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
