"""What the article mentions, sentence by sentence: people, places, organisations, other names,
numbers with their unit, percentages, years and dates; each name classified once for the whole
article (a surname alone is the person named in full before), and the roles people are given."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from quizapp.core.drafting.lexicon import (
    ALIASES,
    ORG_DESCRIPTORS,
    ORG_WORDS,
    PLACE_ACRONYMS,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    PLACE_WORDS,
    PLACES,
    ROLE_NOUNS,
    SPEECH_VERBS,
)
from quizapp.core.drafting.names import Name, find_names
from quizapp.core.drafting.numbers import Number, NumberKind, find_numbers
from quizapp.core.drafting.sentences import Sentence


class MentionKind(StrEnum):
    PERSON = "person"
    PLACE = "place"
    ORG = "organisation"
    NAME = "name"  # a name the drafter cannot classify
    NUMBER = "number"
    PERCENT = "percent"
    YEAR = "year"
    DATE = "date"


NAME_KINDS = frozenset({MentionKind.PERSON, MentionKind.PLACE, MentionKind.ORG, MentionKind.NAME})


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention in a sentence: sentence.text[start:end] == text. ``key`` identifies what it
    names across the article (a person's full name, a number with its unit), ``display`` is how
    an answer writes it ("Vjosa Osmani" for "Osmani", "78 days" for "78-day")."""

    kind: MentionKind
    text: str
    start: int
    end: int
    key: str
    display: str
    value: Decimal | None = None
    unit: str = ""
    number_text: str = ""
    order: tuple[int, int, int] = (0, 0, 0)
    role: str = ""
    possessive: bool = False

    @property
    def is_name(self) -> bool:
        return self.kind in NAME_KINDS


def alias_key(text: str) -> str:
    """One key for the names of one place written two ways ("U.S.", "United States")."""
    lowered = re.sub(r"^the\s+", "", text.lower())
    for aliases in ALIASES:
        if lowered in aliases:
            return min(aliases)
    return lowered


def find_mentions(sentences: tuple[Sentence, ...]) -> tuple[tuple[Mention, ...], ...]:
    """The mentions of each sentence, in its order."""
    lowercase = _lowercase_words(sentences)
    numbers = [find_numbers(sentence.text) for sentence in sentences]
    names = [
        find_names(sentence.text, lowercase, [(n.start, n.end) for n in found])
        for sentence, found in zip(sentences, numbers, strict=True)
    ]
    kinds = _classify(sentences, names)
    people = {name.text for found in names for name in found if kinds.get(name.text) is MentionKind.PERSON}
    for found in names:  # "Anna Berg" is a person when "Berg" alone is one
        for name in found:
            parts = name.text.split()
            if len(parts) in {2, 3} and kinds.get(name.text) is MentionKind.NAME and parts[-1] in people:
                kinds[name.text] = MentionKind.PERSON
                people.add(name.text)
    surnames = _surnames(people)
    result: list[tuple[Mention, ...]] = []
    for found_numbers, found_names in zip(numbers, names, strict=True):
        mentions = [_number_mention(number) for number in found_numbers]
        for name in found_names:
            full = surnames.get(name.text, name.text)
            kind = kinds.get(full, MentionKind.NAME)
            key = full.lower() if kind is MentionKind.PERSON else alias_key(full)
            mentions.append(
                Mention(
                    kind,
                    name.text,
                    name.start,
                    name.end,
                    key,
                    full,
                    role=name.role,
                    possessive=name.possessive,
                )
            )
        result.append(tuple(sorted(mentions, key=lambda mention: mention.start)))
    return tuple(result)


def _number_mention(number: Number) -> Mention:
    kind = {
        NumberKind.QUANTITY: MentionKind.NUMBER,
        NumberKind.PERCENT: MentionKind.PERCENT,
        NumberKind.YEAR: MentionKind.YEAR,
        NumberKind.DATE: MentionKind.DATE,
    }[number.kind]
    counted = number.text[len(number.number_text) :]
    if kind is MentionKind.NUMBER and number.unit and re.fullmatch(r"(?: [a-z\-]+){2,3}", counted):
        display = number.text  # "400 new jobs": the words the article counts with
    elif kind is MentionKind.NUMBER and number.unit:
        display = f"{number.number_text} {number.unit}"
    elif kind is MentionKind.PERCENT:
        display = f"{number.number_text}%"
    else:
        display = number.text
    key = (
        f"{kind}:{number.value}:{number.unit}"
        if number.value is not None
        else f"{kind}:{number.text.lower()}"
    )
    return Mention(
        kind,
        number.text,
        number.start,
        number.end,
        key,
        display,
        number.value,
        number.unit,
        number.number_text,
        number.order,
    )


def _lowercase_words(sentences: tuple[Sentence, ...]) -> frozenset[str]:
    """Words written in lower case somewhere, and capitalized words seen only first in a
    sentence (not names, most likely: "Tensions over ...")."""
    lower: set[str] = set()
    inner_capitals: set[str] = set()
    starts: set[str] = set()
    for sentence in sentences:
        words = re.findall(r"[A-Za-z][\w\-]*", sentence.text)
        for position, word in enumerate(words):
            if word[0].islower():
                lower.add(word)
            elif position == 0:
                starts.add(word.lower())
            else:
                inner_capitals.add(word.lower())
    places = {place.lower() for place in PLACES}
    return frozenset(lower | (starts - inner_capitals - places))


def _classify(sentences: tuple[Sentence, ...], names: list[list[Name]]) -> dict[str, MentionKind]:
    """Each name's kind, from its strongest evidence anywhere in the article."""
    rank = {MentionKind.ORG: 4, MentionKind.PERSON: 3, MentionKind.PLACE: 2, MentionKind.NAME: 0}
    kinds: dict[str, tuple[int, MentionKind]] = {}
    for sentence, found in zip(sentences, names, strict=True):
        for name in found:
            kind, strength = _evidence(sentence.text, name)
            best = kinds.get(name.text)
            score = strength * 10 + rank[kind]
            if best is None or score > best[0]:
                kinds[name.text] = (score, kind)
    longer = [text for text in kinds if " " in text]
    return {
        text: MentionKind.NAME if score < 20 and _short_form(text, longer) else kind
        for text, (score, kind) in kinds.items()
    }


def _short_form(text: str, longer: list[str]) -> bool:
    """A single word that begins a longer name of the article ("Nordvik" beside "Nordvik
    Motors") and has only weak evidence of its own ("shares in Nordvik") may be that name's
    short form: its kind is not known, so it is neither swapped nor offered as a wrong answer."""
    return " " not in text and text not in PLACES and any(name.startswith(text + " ") for name in longer)


_CONTEXT = 80  # characters either side of a name read as its evidence (a role, "said", "in")


def _evidence(sentence: str, name: Name) -> tuple[MentionKind, int]:
    text = name.text
    words = text.split()
    lowered = [word.lower().rstrip(".") for word in words]
    if text in PLACE_ACRONYMS or text in PLACES:
        return MentionKind.PLACE, 3
    if lowered[-1] not in PLACE_WORDS and (
        any(word in ORG_WORDS for word in lowered[1:])
        or (lowered[0] in ORG_WORDS and (len(words) == 1 or lowered[1] in {"of", "for"}))
    ):
        return MentionKind.ORG, 3
    if re.fullmatch(r"[A-Z]{2,6}|(?:[A-Z]\.){2,}", text):
        return MentionKind.ORG, 2
    if lowered[-1] in PLACE_WORDS or (len(words) > 1 and words[0] in PLACES and lowered[-1] in PLACE_WORDS):
        return MentionKind.PLACE, 2
    if name.role:
        return MentionKind.PERSON, 3
    # the words just before the name: a pattern ending in "$" tried at every place of a long
    # sentence made an article of one unclosed quotation quadratic (37 s, the attack review)
    before = sentence[max(0, name.start - _CONTEXT) : name.start]
    if re.search(r"\b(?:" + "|".join(ORG_DESCRIPTORS) + r")\s+$", before):
        return MentionKind.ORG, 2
    if len(words) > 1 and re.search(r"\b(?:" + "|".join(ROLE_NOUNS) + r")\s+$", before):
        return MentionKind.PERSON, 2  # "climate scientist Jan Berg"
    if len(words) > 1 and re.search(r"\b(?:" + "|".join(ROLE_NOUNS) + r"),\s+$", before):
        return MentionKind.PERSON, 2  # "Its leader, Jonas Pekkala,"
    after = sentence[name.end : name.end + _CONTEXT]
    verb = r"(?:" + "|".join(SPEECH_VERBS) + r")"
    if re.match(r"\s+(?:said|says)\s+(?:it|its)\b", after):
        return MentionKind.ORG, 2  # "the Red Cross said it had opened ..."
    if re.match(rf"\s+{verb}\b", after) or re.search(rf"\b{verb}\s+$", before):
        return (MentionKind.PERSON, 2) if len(words) > 1 or name.titled else (MentionKind.PERSON, 1)
    if re.search(r"\b(?:" + "|".join(PLACE_NOUNS) + r"),?\s+(?:of\s+)?$", before):
        return MentionKind.PLACE, 2
    if re.search(r"\b(?:" + "|".join(PLACE_PREPOSITIONS) + r")\s+(?:the\s+)?$", before):
        return MentionKind.PLACE, 1
    return MentionKind.NAME, 0


def _surnames(people: set[str]) -> dict[str, str]:
    """A surname alone ("Osmani") names the person named in full, when only one has it."""
    by_last: dict[str, list[str]] = {}
    for person in people:
        parts = person.split()
        if len(parts) > 1:
            by_last.setdefault(parts[-1], []).append(person)
    return {last: full[0] for last, full in by_last.items() if len(full) == 1}
