"""Cloze questions: a key sentence with its names, places, organisations, numbers and dates
blanked (at most three; never one the sentence names twice, nor the article's subject that
nearly every sentence names)."""

from __future__ import annotations

import re

from quizapp.core.drafting.build import question
from quizapp.core.drafting.drafted import DraftedQuestion, DraftKind
from quizapp.core.drafting.mentions import Mention, MentionKind
from quizapp.core.drafting.reading import Reading
from quizapp.core.drafting.wording import literal, number_span, says, slug

MAX_BLANKS = 3
_AND = re.compile(r",?\s+(?:and|or|nor)\s+|,\s+|\s*/\s*")
MAX_WORDS = 45
MIN_WORDS = 5
_PRIORITY = {
    MentionKind.PERSON: 0,
    MentionKind.ORG: 1,
    MentionKind.PLACE: 2,
    MentionKind.NUMBER: 3,
    MentionKind.YEAR: 3,
    MentionKind.DATE: 3,
    MentionKind.PERCENT: 3,
}


def cloze_questions(reading: Reading) -> list[DraftedQuestion]:
    drafted: list[DraftedQuestion] = []
    common = _topic_keys(reading)
    for sentence, mentions in zip(reading.sentences, reading.mentions, strict=True):
        if not MIN_WORDS <= len(sentence.text.split()) <= MAX_WORDS:
            continue
        chosen = _blanks(sentence.text, mentions, common)
        if not chosen:
            continue
        spans = [_span(m) for m in chosen]
        parts: list[str] = []
        position = 0
        for number, (start, end) in enumerate(spans, 1):
            parts.append(literal(sentence.text[position:start]))
            parts.append(f"{{{{{number}}}}}")
            position = end
        parts.append(literal(sentence.text[position:]))
        prompt = "".join(parts)
        blanks = [_accepted(m) for m in chosen]
        context = reading.context(sentence)
        if context is not None:
            prompt = f"{literal(context.text)} {prompt}"
        answers = tuple(blank[0] for blank in blanks)
        ident = "cloze-" + slug(" ".join(answers), 4)
        confidence = 0.8 if all(m.kind is not MentionKind.NAME for m in chosen) else 0.6
        drafted.append(
            question(
                DraftKind.CLOZE,
                ident,
                prompt,
                {"blanks": blanks},
                says(sentence.text),
                [(sentence, reading.source(sentence, with_context=True))],
                answers,
                confidence,
            )
        )
    return drafted


def _topic_keys(reading: Reading) -> frozenset[str]:
    """Names in a third of the sentences or more: what the article is about, not a fact of it."""
    count = len(reading.sentences)
    return frozenset(
        key for key, places in reading.occurrences.items() if count >= 6 and len(places) * 3 >= count
    )


def _blanks(text: str, mentions: tuple[Mention, ...], common: frozenset[str]) -> list[Mention]:
    candidates = [
        m
        for m in mentions
        if m.kind in _PRIORITY
        and m.key not in common
        and sum(1 for other in mentions if other.key == m.key) == 1
        and text.lower().count(m.display.lower()) <= 1
    ]
    candidates = [m for m in candidates if not _coordinated(text, m, candidates)]
    candidates.sort(key=lambda m: (_PRIORITY[m.kind], m.start))
    return sorted(candidates[:MAX_BLANKS], key=lambda m: m.start)


def _coordinated(text: str, mention: Mention, candidates: list[Mention]) -> bool:
    """Whether ``mention`` follows another candidate of its kind in a list ("Russia and China",
    "Kenya, Malawi and Burkina Faso"): the two would fit either blank, so only the first is one."""
    return any(
        other.kind is mention.kind
        and other.end <= mention.start
        and _AND.fullmatch(text[other.end : mention.start]) is not None
        for other in candidates
    )


def _span(mention: Mention) -> tuple[int, int]:
    if mention.kind in {MentionKind.NUMBER, MentionKind.PERCENT}:
        return number_span(mention)
    return mention.start, mention.end


def _accepted(mention: Mention) -> list[str]:
    if mention.kind in {MentionKind.NUMBER, MentionKind.PERCENT}:
        start, end = number_span(mention)
        return [mention.text[start - mention.start : end - mention.start]]
    accepted = [mention.text]
    if mention.display != mention.text:
        accepted.append(mention.display)
    if mention.kind is MentionKind.PERSON and len(mention.display.split()) > 1:
        accepted.append(mention.display.split()[-1])
    return list(dict.fromkeys(accepted))
