"""Ordering questions: events by their years (three or more years, one event each), each event
a short clause the sentence states whole ("Kosovo declared independence from Serbia" of "Kosovo
declared independence from Serbia in 2008."; "The plant opened" of "The plant, which opened in
1968, built ..."). A sentence whose event cannot be cut out cleanly gives no item: an item must
read as a phrase, never as a sentence with holes. Quantities are not ordered (a quantity's item
would need a noun phrase naming it, which a sentence rarely gives whole)."""

from __future__ import annotations

import re

from quizapp.core.drafting.build import question
from quizapp.core.drafting.drafted import DraftedQuestion, DraftKind
from quizapp.core.drafting.mentions import Mention, MentionKind
from quizapp.core.drafting.reading import Reading
from quizapp.core.drafting.sentences import Sentence

MIN_ITEMS = 3
MAX_ITEMS = 5
MAX_ITEM_WORDS = 12
_SUBJECT = r"(?P<subject>(?:The\s+)?[A-Z][\w'’\-]*(?:\s+[\w'’\-]+){0,4}?)"
_RELATIVE = re.compile(rf"^{_SUBJECT},\s+which\s+(?P<verb>[a-z]+(?:\s+[a-z]+){{0,5}}?)\s+in\s+$")
_SAID = re.compile(r"^(?:The\s+)?[A-Za-z][\w'’]*(?:\s+[\w'’]+){0,3}?\s+said\s+(?:that\s+)?(?=[a-z])")
_START = re.compile(r"^In\s+$")


def ordering_questions(reading: Reading) -> list[DraftedQuestion]:
    events = _events(reading)
    if len(events) < MIN_ITEMS:
        return []
    items = [item for item, _, _ in events]
    explanation = " ".join(f"“{sentence.text}”" for _, _, sentence in events)
    return [
        question(
            DraftKind.ORDERING,
            "ordering-events",
            "Put these events in order, the earliest first.",
            {"items": items},
            f"The article says: {explanation}",
            [(s, s.text) for _, _, s in events],
            tuple(items),
            0.6,
        )
    ]


def _events(reading: Reading) -> list[tuple[str, Mention, Sentence]]:
    found: dict[int, tuple[str, Mention, Sentence]] = {}
    for sentence, mentions in zip(reading.sentences, reading.mentions, strict=True):
        years = [m for m in mentions if m.kind is MentionKind.YEAR]
        if len(years) != 1 or reading.quoted[sentence.index] or reading.context(sentence):
            continue
        item = event_clause(sentence.text, years[0])
        if item and years[0].order[0] not in found:
            found[years[0].order[0]] = (item, years[0], sentence)
    return [found[year] for year in sorted(found)][:MAX_ITEMS]


def event_clause(text: str, year: Mention) -> str | None:
    """The event a sentence dates with ``year``, as a short clause, or None."""
    before, after = text[: year.start], text[year.end :]
    said = _SAID.match(before)
    if said:  # "The researchers said a trial would begin in 2025": the event is what was said
        before = before[said.end() :]
        before = before[:1].upper() + before[1:]
    relative = _RELATIVE.match(before)
    if relative and after.startswith(","):
        clause = f"{relative['subject']} {relative['verb']}"
    elif before.endswith(" in ") and "," not in before and re.match(r"\s*[.,]", after):
        clause = before[: -len(" in ")]
        if after.strip() not in {".", ""} and not re.match(r",\s+(?:the|a|an|[a-z]+ing)\b", after):
            return None
    elif _START.match(before) and after.startswith(", "):
        clause = re.split(r"[,;]", after[2:], maxsplit=1)[0].rstrip(".")
        clause = clause[:1].upper() + clause[1:]
    else:
        return None
    clause = clause.strip()
    if not clause or len(clause.split()) > MAX_ITEM_WORDS or re.search(r"[\d“”\"()]", clause):
        return None
    return clause
