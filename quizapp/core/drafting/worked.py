"""Numbers worked out from the numbers the article states, each with its arithmetic in the
explanation and every sentence it uses quoted:

- the sum of two counts of people stated together ("5,000 troops and 3,000 reservists" → 8,000);
- the years between two years stated in neighbouring sentences of a paragraph ("ended in 1999",
  "declared independence in 2008" → 9 years);
- the year "N years after the war" makes, from the year the article gives the war ("the war
  that ended in 1999" and "22 years after the war" → 2021);
- and, when that year is the speaker's present (a quotation, or "now"), the year "two years ago"
  makes (2021 − 2 = 2019).

Each sentence is looked at once, with its neighbour; nothing is quadratic in the article."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal

from quizapp.core.drafting.build import question
from quizapp.core.drafting.drafted import DraftedQuestion, DraftKind
from quizapp.core.drafting.lexicon import PEOPLE_NOUNS
from quizapp.core.drafting.mentions import Mention, MentionKind
from quizapp.core.drafting.numbers import number_value
from quizapp.core.drafting.reading import Reading
from quizapp.core.drafting.sentences import Sentence
from quizapp.core.drafting.wording import literal

CONFIDENCE = 0.65
SNIPPET_WORDS = 7
MAX_GAP_WORDS = 14  # words between "the war" and the year the article gives it

_AFTER = re.compile(r"\b(?P<count>\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+years\s+after\s+the\s+(?P<noun>[a-z]+)\b")
_AGO = re.compile(r"\b(?P<count>\d{1,2}|[a-z]+)\s+years?\s+ago\b")


def worked_questions(reading: Reading) -> list[DraftedQuestion]:
    drafted: list[DraftedQuestion] = []
    for sentence, mentions in zip(reading.sentences, reading.mentions, strict=True):
        drafted += _sums(reading, sentence, mentions)
        drafted += _years_between(reading, sentence, mentions)
    after = _years_after(reading)
    if after is not None:
        drafted.append(after.question)
        if after.present:
            drafted += _years_ago(reading, after)
    return drafted


@dataclass(frozen=True, slots=True)
class _YearAfter:
    question: DraftedQuestion
    year: int
    how: str  # "1999 + 22"
    phrase: str  # "22 years after the war"
    sources: tuple[tuple[Sentence, str], ...]
    present: bool  # said of the speaker's present: in a quotation, or with "now"


def _count(text: str) -> int | None:
    value = number_value(text)
    if value is None or value != value.to_integral_value() or not 0 < value < 1000:
        return None
    return int(value)


def _shown(value: Decimal) -> str:
    return f"{int(value):,}" if value == value.to_integral_value() else f"{value:,}"


def _sums(reading: Reading, sentence: Sentence, mentions: tuple[Mention, ...]) -> list[DraftedQuestion]:
    drafted: list[DraftedQuestion] = []
    numbers = [m for m in mentions if m.kind is MentionKind.NUMBER and m.unit and m.value is not None]
    for one, other in itertools.pairwise(numbers):
        if sentence.text[one.end : other.start] != " and " or one.unit == other.unit:
            continue
        if one.unit not in PEOPLE_NOUNS or other.unit not in PEOPLE_NOUNS:
            continue
        if reading.in_quote(sentence.index, one.start, other.end) or not one.text[:1].isdigit():
            continue
        assert one.value is not None and other.value is not None
        total = one.value + other.value
        units = f"{one.unit} and {other.unit}"
        shown = f"{literal(sentence.text)}"
        drafted.append(
            question(
                DraftKind.NUMERIC,
                f"numeric-sum-{one.unit}-{other.unit}",
                f"The article says: “{shown}” How many {units} is that in all?",
                {"answer": int(total) if total == total.to_integral_value() else float(total)},
                f"{one.display} and {other.display}: {_shown(one.value)} + {_shown(other.value)} = "
                f"{_shown(total)}. The article says: “{sentence.text}”",
                [(sentence, sentence.text)],
                (_shown(total),),
                CONFIDENCE,
            )
        )
    return drafted


def _snippet(sentence: Sentence, year: Mention) -> str:
    words = sentence.text[: year.start].split()[-SNIPPET_WORDS:]
    lead = "…" if len(sentence.text[: year.start].split()) > SNIPPET_WORDS else ""
    return f"{lead}{' '.join(words)} {year.text}"


def _plain_year(reading: Reading, sentence: Sentence, mentions: tuple[Mention, ...]) -> Mention | None:
    years = [m for m in mentions if m.kind is MentionKind.YEAR]
    if len(years) != 1 or reading.in_quote(sentence.index, years[0].start, years[0].end):
        return None
    if re.search(r"\b(?:between|from|since|until|by)\s+$", sentence.text[: years[0].start]):
        return None  # a range or a deadline, not the date of an event
    return years[0]


def _years_between(
    reading: Reading, sentence: Sentence, mentions: tuple[Mention, ...]
) -> list[DraftedQuestion]:
    if sentence.index + 1 >= len(reading.sentences):
        return []
    following = reading.sentences[sentence.index + 1]
    if following.paragraph != sentence.paragraph:
        return []
    first = _plain_year(reading, sentence, mentions)
    second = _plain_year(reading, following, reading.mentions[following.index])
    if first is None or second is None or first.order[0] == second.order[0]:
        return []
    (early, early_in), (late, late_in) = sorted(
        [(first, sentence), (second, following)], key=lambda pair: pair[0].order[0]
    )
    gap = late.order[0] - early.order[0]
    prompt = (
        f"How many years passed between “{literal(_snippet(early_in, early))}” and "
        f"“{literal(_snippet(late_in, late))}”?"
    )
    return [
        question(
            DraftKind.NUMERIC,
            f"numeric-years-{early.order[0]}-{late.order[0]}",
            prompt,
            {"answer": gap, "unit": "years"},
            f"{late.order[0]} − {early.order[0]} = {gap} years. The article says: “{sentence.text}” "
            f"and “{following.text}”",
            [(sentence, sentence.text), (following, following.text)],
            (f"{gap} years",),
            CONFIDENCE,
        )
    ]


def _dated(reading: Reading, noun: str, skip: int) -> tuple[Sentence, Mention] | None:
    """The first sentence (not ``skip``) that gives ``noun`` a year: "a war ... that ended in
    1999"; the year plain, after "in", a few words after the noun."""
    pattern = re.compile(rf"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z\-]+\s+){{0,3}}{noun}\b")
    for sentence, mentions in zip(reading.sentences, reading.mentions, strict=True):
        if sentence.index == skip:
            continue
        found = pattern.search(sentence.text)
        if not found:
            continue
        for year in (m for m in mentions if m.kind is MentionKind.YEAR and m.start > found.end()):
            gap = sentence.text[found.end() : year.start]
            if len(gap.split()) <= MAX_GAP_WORDS and gap.endswith(" in ") and not re.search(r"[.;“”\"]", gap):
                return sentence, year
            break
    return None


def _years_after(reading: Reading) -> _YearAfter | None:
    """The first "N years after the war" whose war the article dates (the article's present)."""
    for sentence in reading.sentences:
        found = _AFTER.search(sentence.text)
        if not found:
            continue
        count = _count(found["count"])
        dated = _dated(reading, found["noun"], sentence.index) if count else None
        if count is None or dated is None:
            continue
        other, year = dated
        result = year.order[0] + count
        phrase = found.group(0)
        present = reading.in_quote(sentence.index, found.start(), found.end()) or " now " in sentence.text
        prompt = (
            f"The article speaks of “{literal(phrase)}” and dates the {found['noun']}: "
            f"“{literal(_snippet(other, year))}”. Which year is {literal(phrase)}?"
        )
        sources = ((other, other.text), (sentence, sentence.text))
        drafted = question(
            DraftKind.NUMERIC,
            f"numeric-year-after-{found['noun']}",
            prompt,
            {"answer": result},
            f"{year.order[0]} + {count} = {result}. The article says: “{other.text}” and “{sentence.text}”",
            list(sources),
            (str(result),),
            CONFIDENCE,
        )
        return _YearAfter(drafted, result, f"{year.order[0]} + {count}", phrase, sources, present)
    return None


def _years_ago(reading: Reading, after: _YearAfter) -> list[DraftedQuestion]:
    present = after.year
    drafted: list[DraftedQuestion] = []
    for sentence in reading.sentences:
        found = _AGO.search(sentence.text)
        if not found or reading.quoted[sentence.index]:
            continue
        count = _count(found["count"])
        if count is None:
            continue
        year = present - count
        prompt = (
            f"Taking now as “{literal(after.phrase)}” ({after.how} = {present}), in which year "
            f"did this happen: “{literal(sentence.text)}”?"
        )
        drafted.append(
            question(
                DraftKind.NUMERIC,
                f"numeric-year-ago-{year}",
                prompt,
                {"answer": year},
                f"Now is {after.phrase}: {after.how} = {present}; {present} − {count} = {year}. "
                f"The article says: “{sentence.text}”",
                [(sentence, sentence.text), *after.sources],
                (str(year),),
                CONFIDENCE - 0.05,
            )
        )
    return drafted
