"""Numeric questions: a number the article states with its noun ("5,000 troops", "a 78-day
campaign", "65%"), or a year ("in 2008"), asked with the number left out."""

from __future__ import annotations

import dataclasses
import re

from quizapp.core.drafting.build import question
from quizapp.core.drafting.drafted import DraftedQuestion, DraftKind
from quizapp.core.drafting.lexicon import SCALES
from quizapp.core.drafting.mentions import Mention, MentionKind
from quizapp.core.drafting.ordering import event_clause
from quizapp.core.drafting.reading import Reading
from quizapp.core.drafting.wording import (
    GAP,
    gapped,
    literal,
    number_question,
    number_span,
    says,
    slug,
    year_question,
)

CONFIDENCE_QUESTION = 0.85  # a real question built from the sentence's own clause
CONFIDENCE_GAPPED = 0.6  # the sentence shown with the number left out


def numeric_questions(reading: Reading) -> list[DraftedQuestion]:
    drafted: list[DraftedQuestion] = []
    for sentence, mentions in zip(reading.sentences, reading.mentions, strict=True):
        for mention in mentions:
            if mention.kind not in {MentionKind.NUMBER, MentionKind.PERCENT, MentionKind.YEAR}:
                continue
            if mention.value is None or (mention.kind is MentionKind.NUMBER and not mention.unit):
                continue
            drafted.append(_numeric(reading, sentence.index, mention))
    return drafted


def _numeric(reading: Reading, index: int, written: Mention) -> DraftedQuestion:
    sentence = reading.sentences[index]
    mention = scaled(written)
    names = frozenset(m.text.split()[0] for m in reading.mentions[index] if m.is_name)
    asked = _asked(sentence.text, mention, names)
    confidence = CONFIDENCE_QUESTION
    if asked is None:
        what = {MentionKind.YEAR: "year", MentionKind.PERCENT: "percentage"}.get(mention.kind, "number")
        context = reading.context(sentence)
        lead = f"{literal(context.text)} " if context else ""
        shown = f"{lead}{gapped(sentence.text, [number_span(mention)], GAP)}"
        prompt = (
            f"What {what} is missing? {shown}"
            if shown.startswith(("“", '"'))
            else f"What {what} is missing? “{shown}”"
        )
        confidence = CONFIDENCE_GAPPED
    else:
        prompt = literal(f"According to the article, {asked[0].lower()}{asked[1:]}")
    fields: dict[str, object] = {"answer": _plain(mention)}
    if mention.kind is MentionKind.NUMBER and mention.unit:
        fields["unit"] = mention.unit
    elif mention.kind is MentionKind.PERCENT:
        fields["unit"] = "%"
    source = reading.source(sentence, with_context=asked is None)
    digits = slug(mention.number_text.replace(",", ""), 1)
    ident = f"numeric-{slug(mention.unit or mention.kind.value, 2)}-{digits}"
    if reading.in_quote(index, mention.start, mention.end):
        confidence -= 0.1
    return question(
        DraftKind.NUMERIC,
        ident,
        prompt,
        fields,
        says(sentence.text),
        [(sentence, source)],
        (mention.display,),
        confidence,
    )


def _asked(text: str, mention: Mention, names: frozenset[str]) -> str | None:
    """A real question of the number, when the sentence has a plain shape around it."""
    if mention.kind is MentionKind.YEAR:
        clause = event_clause(text, mention)
        return year_question(text, clause, names) if clause else None
    return number_question(text, mention, names)


_SCALE = re.compile(r"^(?P<digits>[$€£¥]?[\d.,]+)\s+(?P<scale>thousand|million|billion|trillion)$")


def scaled(mention: Mention) -> Mention:
    """A large amount asked with its scale in the unit, as students write it: "312 million
    dollars" is 312 "million dollars" ("$3 million" is 3 "million dollars"), not 312000000."""
    found = _SCALE.match(mention.number_text)
    if mention.kind is not MentionKind.NUMBER or not mention.unit or mention.value is None or not found:
        return mention
    scale = found["scale"]
    value = mention.value / SCALES[scale]
    digits = found["digits"]
    text = mention.text
    if digits[0] in "$€£¥":  # "$3 million": the currency's unit follows the scale
        text = f"{text} {mention.unit}"
    unit = f"{scale} {mention.unit}"
    return dataclasses.replace(mention, value=value, unit=unit, number_text=digits, text=text)


def _plain(mention: Mention) -> int | float:
    value = mention.value
    assert value is not None
    return int(value) if value == value.to_integral_value() else float(value)
