"""Ordering questions: events by their years (three or more years, one event each, the years
left out of the items), and quantities of one unit by size."""

from __future__ import annotations

import re

from quizapp.core.drafting.build import question
from quizapp.core.drafting.drafted import DraftedQuestion, DraftKind
from quizapp.core.drafting.mentions import Mention, MentionKind
from quizapp.core.drafting.reading import Reading
from quizapp.core.drafting.sentences import Sentence
from quizapp.core.drafting.wording import number_span, slug

MIN_ITEMS = 3
MAX_ITEMS = 5
MAX_ITEM_WORDS = 16


def ordering_questions(reading: Reading) -> list[DraftedQuestion]:
    drafted: list[DraftedQuestion] = []
    years = _years(reading)
    if len(years) >= MIN_ITEMS:
        drafted.append(
            _ordered(
                reading,
                years,
                "Put these events in the order in which they happened, the earliest first.",
                "ordering-events",
            )
        )
    by_unit: dict[str, list[tuple[Mention, Sentence]]] = {}
    for sentence, mentions in zip(reading.sentences, reading.mentions, strict=True):
        for mention in mentions:
            if mention.kind is MentionKind.NUMBER and mention.unit and not reading.quoted[sentence.index]:
                by_unit.setdefault(mention.unit, []).append((mention, sentence))
    for unit, found in by_unit.items():
        distinct = {m.value: (m, s) for m, s in reversed(found)}
        if len(distinct) >= MIN_ITEMS:
            items = sorted(distinct.values(), key=lambda pair: pair[0].value or 0)[:MAX_ITEMS]
            drafted.append(
                _ordered(
                    reading,
                    items,
                    f"Put these {unit} in order, from the fewest to the most.",
                    f"ordering-{slug(unit, 2)}",
                )
            )
    return drafted


def _years(reading: Reading) -> list[tuple[Mention, Sentence]]:
    found: dict[int, tuple[Mention, Sentence]] = {}
    used: set[int] = set()
    for sentence, mentions in zip(reading.sentences, reading.mentions, strict=True):
        years = [m for m in mentions if m.kind is MentionKind.YEAR]
        if len(years) != 1 or sentence.index in used or reading.quoted[sentence.index]:
            continue
        value = years[0].order[0]
        if value not in found:
            found[value] = (years[0], sentence)
            used.add(sentence.index)
    return [found[year] for year in sorted(found)][:MAX_ITEMS]


def _ordered(
    reading: Reading, items: list[tuple[Mention, Sentence]], prompt: str, ident: str
) -> DraftedQuestion:
    texts = [_item(mention, sentence) for mention, sentence in items]
    explanation = " ".join(f"“{sentence.text}”" for _, sentence in items)
    return question(
        DraftKind.ORDERING,
        ident,
        prompt,
        {"items": texts},
        f"The article says: {explanation}",
        [(s, s.text) for _, s in items],
        tuple(texts),
        0.6,
    )


def _item(mention: Mention, sentence: Sentence) -> str:
    """The sentence around ``mention`` with the number itself left out."""
    text = sentence.text
    if mention.kind is MentionKind.YEAR:
        before = re.sub(r"\s*\b(?:in|since|by|until|from|of|during)\s*$", "", text[: mention.start])
        shown = (before + text[mention.end :]).strip()
    else:
        start, end = number_span(mention)
        shown = text[:start] + "…" + text[end:]
    shown = re.sub(r"\s+([.,;])", r"\1", shown).rstrip(".")
    words = shown.split()
    if len(words) > MAX_ITEM_WORDS:
        centre = len(text[: mention.start].split())
        first = max(0, min(centre - MAX_ITEM_WORDS // 2, len(words) - MAX_ITEM_WORDS))
        shown = ("… " if first else "") + " ".join(words[first : first + MAX_ITEM_WORDS]) + " …"
    return re.sub(r"\b(1[5-9]\d\d|20\d\d)\b", "…", shown)
