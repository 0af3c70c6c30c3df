"""Reading numbers the way people type them: "5,000", "5 000", "5000", "5000.0", "1,5", "$3", and in
English words up to MAX_WORD_NUMBER: "nine", "twenty-two", "five thousand" (docs/scoring.md)."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

_SPACES = re.compile(r"[\s\u00a0\u2009\u202f\u2007_']+")
_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")
_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?")
MAX_NUMBER_LENGTH = 100


def parse_number(text: str) -> Decimal | None:
    """The number in ``text``, or None when it is not one.

    Spaces (including thin and non-breaking ones), underscores and apostrophes group
    thousands. A comma before groups of exactly three digits groups thousands ("5,000");
    any other single comma is a decimal comma ("1,5" is 1.5).
    """
    if len(text) > MAX_NUMBER_LENGTH:
        return None
    compact = _SPACES.sub("", text.strip())
    if compact[:1] in ("\u2212", "\u2013"):  # minus sign, or the en dash autocorrect makes of "-"
        compact = "-" + compact[1:]
    if _GROUPED.fullmatch(compact):
        compact = compact.replace(",", "")
    elif _DECIMAL_COMMA.fullmatch(compact):
        compact = compact.replace(",", ".")
    if not _PLAIN.fullmatch(compact):
        return None
    try:
        value = Decimal(compact)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


_DOT_GROUPED = re.compile(r"[+-]?\d{1,3}(\.\d{3})+")
CURRENCY_SIGNS = "$€£¥"  # before a number, as articles write amounts ("$3"): the drafter's too
_CURRENCY_SIGN = re.compile(rf"^\s*[{re.escape(CURRENCY_SIGNS)}]\s*(?=\d)")


def number_readings(text: str) -> tuple[Decimal, ...]:
    """Every way ``text`` may fairly be read: "5.000" is 5 in English and 5000 in much of Europe;
    "nine" is 9; "$3" is 3 (a currency sign before the number, as the drafter reads amounts). The
    one reading of a typed number, for numeric questions and for the numbers of short answers and
    cloze blanks alike."""
    readings = []
    text = _CURRENCY_SIGN.sub("", text, count=1)
    first = parse_number(text)
    if first is not None:
        readings.append(first)
    compact = _SPACES.sub("", text.strip()) if len(text) <= MAX_NUMBER_LENGTH else ""
    if _DOT_GROUPED.fullmatch(compact):
        readings.append(Decimal(compact.replace(".", "")))
    if not readings:
        in_words = number_from_words(text)
        if in_words is not None:
            readings.append(in_words)
    return tuple(readings)


# --- Numbers in words -------------------------------------------------------------------------
#
# Whole numbers from zero to MAX_WORD_NUMBER, as they are written in English: "nine",
# "twenty-two" (or "twenty two"), "a hundred", "one hundred and five", "twelve hundred",
# "five thousand", "two thousand and eight", "nine hundred ninety-nine thousand nine hundred
# ninety-nine". Case, hyphens, dashes, commas and a full stop at the end do not matter. Not
# read: ordinals ("ninth"), years said in pairs ("nineteen ninety-nine"), "million", digits
# mixed with words ("5 thousand"), negative numbers and fractions.

MAX_WORD_NUMBER = 999_999
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = (
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
)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNIT_VALUE = {word: value for value, word in enumerate(_UNITS, start=1)}
_SMALL_VALUE = {
    **_UNIT_VALUE,
    **{word: value for value, word in enumerate(_TEENS, start=10)},
    **{word: value for value, word in zip(range(20, 100, 10), _TENS, strict=True)},
}
_WORD_SEPARATORS = re.compile(r"[\s,\-\u2010\u2011\u2012\u2013\u2014\u2212]+")
_NUMBER_WORDS = frozenset({*_SMALL_VALUE, "zero", "hundred", "thousand", "and", "a"})
_Reader = Callable[[list[str], int], tuple[int, int] | None]  # a number from a word on: (value, its end)


def _below_hundred(words: list[str], at: int) -> tuple[int, int] | None:
    """1 to 99 from ``words[at:]`` ("seven", "seventeen", "seventy", "seventy-seven"), and where it ends."""
    if at >= len(words) or words[at] not in _SMALL_VALUE:
        return None
    value = _SMALL_VALUE[words[at]]
    if words[at] in _TENS and at + 1 < len(words) and words[at + 1] in _UNIT_VALUE:
        return value + _UNIT_VALUE[words[at + 1]], at + 2
    return value, at + 1


def _below_thousand(words: list[str], at: int) -> tuple[int, int] | None:
    """1 to 999: "nine", "a hundred", "nine hundred and ninety-nine"."""
    if at + 1 < len(words) and words[at + 1] == "hundred" and (words[at] == "a" or words[at] in _UNIT_VALUE):
        hundreds = 100 * (1 if words[at] == "a" else _UNIT_VALUE[words[at]])
        end = at + 2
        if end < len(words) and (words[end] == "and" or words[end] in _SMALL_VALUE):
            start = end + 1 if words[end] == "and" else end
            rest = _below_hundred(words, start)
            if rest is None:
                return None
            return hundreds + rest[0], rest[1]
        return hundreds, end
    return _below_hundred(words, at)


def number_from_words(text: str) -> Decimal | None:
    """The whole number ``text`` writes in English words (zero to MAX_WORD_NUMBER), or None."""
    if len(text) > MAX_NUMBER_LENGTH:
        return None
    text = text.strip()
    text = text[:-1] if text.endswith(".") else text  # "nine." as "32." is 32
    words = [word for word in _WORD_SEPARATORS.split(text.casefold()) if word]
    if not words or any(word not in _NUMBER_WORDS for word in words):
        return None
    if words == ["zero"]:
        return Decimal(0)
    value = _whole(words)
    return None if value is None else Decimal(value)


def _whole(words: list[str]) -> int | None:
    # "twelve hundred", "thirty-four hundred and five": hundreds counted past ten, alone
    colloquial = _below_hundred(words, 0)
    if (
        colloquial
        and colloquial[0] > 10
        and colloquial[0] % 10
        and colloquial[1] < len(words)
        and words[colloquial[1]] == "hundred"
    ):
        rest = _after(words, colloquial[1] + 1, _below_hundred)
        if rest is not None:
            return colloquial[0] * 100 + rest
    if words[0] == "a" and len(words) > 1 and words[1] == "thousand":
        thousands: tuple[int, int] | None = (1, 1)
    else:
        thousands = _below_thousand(words, 0)
    if thousands is None:
        return None
    value, at = thousands
    if at == len(words):
        return value
    if words[at] != "thousand":
        return None
    rest = _after(words, at + 1, _below_thousand)
    return None if rest is None else value * 1000 + rest


def _after(words: list[str], at: int, read: _Reader) -> int | None:
    """The number after a scale word, to the end of ``words``: none (0), or one with an optional "and"."""
    if at == len(words):
        return 0
    found = read(words, at + 1 if words[at] == "and" else at)
    if found is None or found[1] != len(words):
        return None
    return found[0]


_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion"})


def words_after_number(text: str) -> str:
    """The words after a number that starts ``text`` ("troops" of "32 troops"), so a refusal can
    say what to leave out; "" when the text does not start with a number, or what follows belongs
    to one ("5 thousand", "nineteen ninety-nine": those are refused for how the number is written)."""
    words = text.split()
    for count in range(len(words) - 1, 0, -1):
        if number_readings(" ".join(words[:count])):
            rest = words[count:]
            parts = [part for word in rest for part in _WORD_SEPARATORS.split(word.casefold()) if part]
            if any(part in _SCALE_WORDS or part in _SMALL_VALUE or number_readings(part) for part in parts):
                return ""
            return " ".join(rest)
    return ""
