"""Numbers in a sentence, with what they count: quantities with their noun ("5,000 troops",
"a 78-day campaign" is 78 days, "the 3,400-troop force"), percentages, years ("in 2008") and
dates ("March 9", "9 March 2021", "on Monday")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from quizapp.core.drafting.lexicon import (
    CURRENCY,
    FUNCTION_WORDS,
    MONTHS,
    NUMBER_ADJECTIVES,
    NUMBER_WORDS,
    SCALES,
    UNIT_WORDS,
)
from quizapp.core.number_parsing import CURRENCY_SIGNS

_WORD_NUMBER = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+\d{{4}})?"
    rf"|{_MONTH}\s+\d{{4}})(?![\w])"
)
_WEEKDAY = re.compile(
    r"\b(?:on|last|next|this|since|by|until)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_NUMBER = re.compile(
    rf"(?<![\w.,\-/])(?P<currency>[{re.escape(CURRENCY_SIGNS)}])?"
    rf"(?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?i:(?:{_WORD_NUMBER})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?))"
    r"(?:\s+(?P<scale>thousand|million|billion|trillion))?(?![\w])"
)
_PERCENT = re.compile(r"\s*(?:%|percent\b|per cent\b)")
_HYPHEN_UNIT = re.compile(r"-(?P<unit>[a-z]+)(?:-(?P<second>[a-z]+))?\b")
_WORD = re.compile(r"\s+(?P<word>[a-zA-Z°][a-zA-Z\-]*)")
_YEAR_BEFORE = re.compile(
    r"(?i)\b(?:in|since|by|until|till|from|of|after|before|early|late|mid|between|and|to|during|around|through|year|spring|summer|autumn|fall|winter)\s+$"
)


class NumberKind:
    QUANTITY = "number"
    PERCENT = "percent"
    YEAR = "year"
    DATE = "date"


@dataclass(frozen=True, slots=True)
class Number:
    """A number of a sentence: ``text`` as written (sentence[start:end]), its ``value`` (a date
    has none: its ``key`` orders it), ``unit`` (plural noun, "%", or "") and ``number_text``,
    the number as written without its unit ("5,000", "78")."""

    kind: str
    text: str
    start: int
    end: int
    value: Decimal | None
    unit: str
    number_text: str
    order: tuple[int, int, int] = (0, 0, 0)  # year, month, day: how a date sorts


# The most digits of a number asked about: 15 reach the trillions (and Python refuses to write a
# number of more than 4,300 digits as text).
MAX_DIGITS = 15


def find_numbers(sentence: str) -> list[Number]:
    """The numbers of ``sentence`` in its order, none inside another."""
    found: list[Number] = []
    taken: list[tuple[int, int]] = []
    for match in _DATE.finditer(sentence):
        found.append(_date(match.group(0), match.start(), match.end()))
        taken.append(match.span())
    for match in _WEEKDAY.finditer(sentence):
        day = match.group(1)
        found.append(Number(NumberKind.DATE, day, match.start(1), match.end(1), None, "", day))
        taken.append(match.span(1))
    for match in _NUMBER.finditer(sentence):
        if any(a < match.end() and match.start() < b for a, b in taken):
            continue
        if sum(char.isdigit() for char in match.group("number")) > MAX_DIGITS:
            continue  # no count a student types: a serial number, or a page of digits
        number = _quantity(sentence, match)
        if number is not None:
            found.append(number)
    return sorted(found, key=lambda number: number.start)


def plural(noun: str) -> str:
    if noun in UNIT_WORDS.values() or (noun.endswith("s") and not noun.endswith("ss")):
        return noun
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    if noun.endswith(("ch", "sh", "ss", "x")):
        return noun + "es"
    return noun + "s"


def number_value(text: str, scale: str | None = None) -> Decimal | None:
    lowered = text.lower()
    if lowered[0].isdigit():
        try:
            value = Decimal(lowered.replace(",", ""))
        except InvalidOperation:
            return None
    else:
        parts = lowered.split("-")
        value = Decimal(NUMBER_WORDS.get(parts[0], 0))
        if len(parts) == 2:
            value += Decimal(NUMBER_WORDS.get(parts[1], 0) or _UNITS.get(parts[1], 0))
        if not value:
            return None
    if scale:
        value *= SCALES[scale.lower()]
    return value


_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def _date(text: str, start: int, end: int) -> Number:
    words = re.findall(r"[A-Za-z]+\.?|\d+", text)
    month = next((MONTHS[w.lower()] for w in words if w.lower() in MONTHS or w.lower() + "." in MONTHS), 0)
    if not month:
        month = next(MONTHS[w.lower() + "."] for w in words if w.lower() + "." in MONTHS)
    digits = [int(w) for w in re.findall(r"\d+", text)]
    year = next((d for d in digits if d > 31), 0)
    day = next((d for d in digits if d <= 31), 0)
    return Number(NumberKind.DATE, text, start, end, None, "", text, (year, month, day))


def _quantity(sentence: str, match: re.Match[str]) -> Number | None:
    raw = match.group("number")
    value = number_value(raw, match.group("scale"))
    if value is None:
        return None
    start, end = match.start(), match.end()
    number_text = sentence[start:end]
    rest = sentence[end:]
    worded = not raw[0].isdigit()
    currency = match.group("currency")
    if currency:
        return Number(NumberKind.QUANTITY, number_text, start, end, value, CURRENCY[currency], number_text)
    percent = _PERCENT.match(rest)
    if percent:
        return Number(
            NumberKind.PERCENT,
            sentence[start : end + percent.end()],
            start,
            end + percent.end(),
            value,
            "%",
            number_text,
        )
    hyphen = _HYPHEN_UNIT.match(rest)
    if hyphen and hyphen.group("unit") not in FUNCTION_WORDS:
        unit = plural(hyphen.group("unit"))
        return Number(
            NumberKind.QUANTITY,
            sentence[start : end + hyphen.end()],
            start,
            end + hyphen.end(),
            value,
            unit,
            number_text,
        )
    unit, unit_end = _unit_after(rest)
    if _is_year(raw, sentence[:start], unit):
        return Number(NumberKind.YEAR, raw, start, end, value, "", raw, (int(value), 0, 0))
    if worded and not unit:
        return None  # "two" alone is rarely a fact
    if unit:
        return Number(
            NumberKind.QUANTITY,
            sentence[start : end + unit_end],
            start,
            end + unit_end,
            value,
            unit,
            number_text,
        )
    return Number(NumberKind.QUANTITY, number_text, start, end, value, "", number_text)


def _unit_after(rest: str) -> tuple[str, int]:
    """The noun a number counts (skipping at most two adjectives) and where it ends in ``rest``."""
    position = 0
    for _ in range(3):
        word = _WORD.match(rest, position)
        if not word:
            return "", 0
        text = word.group("word")
        lowered = text.lower()
        if lowered in UNIT_WORDS:
            return UNIT_WORDS[lowered], word.end()
        if not text[0].islower() or lowered in FUNCTION_WORDS:
            return "", 0
        if lowered in NUMBER_ADJECTIVES or (
            lowered.endswith(("ed", "ing", "al")) and not lowered.endswith("s")
        ):
            position = word.end()
            continue
        second = _WORD.match(rest, word.end())
        if (
            second
            and not lowered.endswith("s")
            and re.fullmatch(r"[a-z]+s", second.group("word"))
            and second.group("word") not in FUNCTION_WORDS
            and second.group("word") not in {"was", "has", "is", "does", "says"}
        ):  # "18 emergency shelters"
            return f"{lowered} {second.group('word')}", second.end()
        return lowered, word.end()
    return "", 0


def _is_year(raw: str, before: str, unit: str) -> bool:
    if not re.fullmatch(r"1[5-9]\d\d|20\d\d|2100", raw):
        return False
    return not unit or bool(_YEAR_BEFORE.search(before))
