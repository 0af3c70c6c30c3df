"""Numeric questions: a number the article states with its noun ("5,000 troops", "a 78-day
campaign", "65%"), or a year ("in 2008"), asked with the number left out."""

from __future__ import annotations

from quizapp.core.drafting.build import question
from quizapp.core.drafting.drafted import DraftedQuestion, DraftKind
from quizapp.core.drafting.mentions import Mention, MentionKind
from quizapp.core.drafting.reading import Reading
from quizapp.core.drafting.wording import GAP, gapped, how_many_question, literal, number_span, says, slug


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


def _numeric(reading: Reading, index: int, mention: Mention) -> DraftedQuestion:
    sentence = reading.sentences[index]
    asked = how_many_question(sentence.text, mention)
    confidence = 0.85
    if asked is None:
        what = {MentionKind.YEAR: "year", MentionKind.PERCENT: "percentage"}.get(mention.kind, "number")
        context = reading.context(sentence)
        lead = f"{literal(context.text)} " if context else ""
        shown = f"{lead}{literal(gapped(sentence.text, [number_span(mention)], GAP))}"
        prompt = (
            f"What {what} is missing? {shown}"
            if shown.startswith(("“", '"'))
            else f"What {what} is missing? “{shown}”"
        )
        confidence = 0.75
    else:
        prompt = f"According to the article, {asked[0].lower()}{asked[1:]}"
        prompt = literal(prompt)
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


def _plain(mention: Mention) -> int | float:
    value = mention.value
    assert value is not None
    return int(value) if value == value.to_integral_value() else float(value)
