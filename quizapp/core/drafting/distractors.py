"""Wrong answers of the same kind from the same article, never one the article makes true too:
not one of the source sentence (a list, "Belgrade and its allies Russia and China"), not one
that another sentence says in the same words ("... declared independence from X"), not a name
sharing a word with the answer ("Kosovo" beside "Kosovo Security Force")."""

from __future__ import annotations

import re

from quizapp.core.drafting.lexicon import AREA_WORDS, CAPITALS_AND_CITIES, COUNTRIES, NATURAL_FEATURES
from quizapp.core.drafting.mentions import Mention, MentionKind
from quizapp.core.drafting.reading import Reading

FRAME_OVERLAP = 0.5  # share of the question's words another sentence must repeat to make it true
# Candidates of the answer's kind looked at for one question, at most: in an article of hundreds
# of numbers of one unit, looking at each (and at the sentences that mention it) for every question
# grew with the square of the article (10,400 words of numbers took 14 s, the attack review). The
# first ones in the article's order are as good wrong answers as any; a news article has fewer.
MOST_CANDIDATES = 40


def same_kind(reading: Reading, answer: Mention, sentence: int, limit: int = 3) -> list[Mention]:
    """Up to ``limit`` mentions of other things of ``answer``'s kind (numbers: of its unit)."""
    frame = _frame(reading, sentence, answer)
    chosen: list[Mention] = []
    sort = place_sort(reading, answer.key) if answer.kind is MentionKind.PLACE else ""
    looked_at = 0
    for key, mention in reading.names.items():
        if len(chosen) == limit or looked_at == MOST_CANDIDATES:
            break
        if not _same_kind(mention, answer) or key == answer.key:
            continue
        looked_at += 1
        if _credited(reading, mention):
            continue
        if sort and place_sort(reading, key) != sort:
            continue
        if _overlaps(mention.display, answer.display) or any(
            _overlaps(mention.display, c.display) for c in chosen
        ):
            continue
        if sentence in reading.occurrences[key] or _made_true(reading, key, frame, sentence):
            continue
        chosen.append(mention)
    return chosen


def _credited(reading: Reading, mention: Mention) -> bool:
    """Whether the credit line names ``mention`` ("Source: Meridian News Service (MNS)"): the
    agency reporting the story, a poor wrong answer for what the story tells."""
    byline = reading.article.byline
    return bool(byline) and re.search(rf"(?<!\w){re.escape(mention.display)}(?!\w)", byline) is not None


def _same_kind(mention: Mention, answer: Mention) -> bool:
    if mention.kind is not answer.kind:
        return False
    if answer.kind is MentionKind.NUMBER:
        return mention.unit == answer.unit and mention.value != answer.value
    if answer.kind is MentionKind.DATE:
        return (mention.order[2] > 0) == (answer.order[2] > 0)
    return True


def _frame(reading: Reading, sentence: int, answer: Mention) -> frozenset[str]:
    answer_words = frozenset(answer.text.lower().split()) | frozenset(answer.display.lower().split())
    return reading.words[sentence] - answer_words


def _made_true(reading: Reading, key: str, frame: frozenset[str], source: int) -> bool:
    """Whether a sentence mentioning ``key`` repeats most of the question's words."""
    if not frame:
        return True
    for index in reading.occurrences.get(key, ()):
        if index == source:
            return True
        shared = len(frame & reading.words[index])
        if shared >= FRAME_OVERLAP * len(frame) or (len(frame) <= 4 and shared >= 2):
            return True
    return False


def made_true(reading: Reading, key: str, sentence: int, answer: Mention) -> bool:
    return _made_true(reading, key, _frame(reading, sentence, answer), sentence)


def _overlaps(one: str, other: str) -> bool:
    words = {w.lower().strip(".,’'") for w in one.split()} - {"of", "the", "and"}
    others = {w.lower().strip(".,’'") for w in other.split()} - {"of", "the", "and"}
    return bool(words & others) or one.lower() in other.lower() or other.lower() in one.lower()


_COUNTRY_AFTER = re.compile(
    r"^['’]s\s+(?:government|prime|president|parliament|army|military|economy|capital|central|"
    r"interior|foreign|national|largest|second)\b"
)
_COUNTRY_BEFORE = re.compile(r"\b(?:neighbou?ring|country|nation)\s+$")
_CITY_BEFORE = re.compile(r"\b(?:town|city|village|capital|port|suburb)(?:,|\s+of)?\s+$")
_AREA_BEFORE = re.compile(r"\b(?:county|province|state|region|district)(?:,|\s+of)?\s+$")


def place_sort(reading: Reading, key: str) -> str:
    """What sort of place ``key`` names: "country", "city" (a town or village too), "area" (a
    county, region), "feature" (a river, a sea), from world knowledge or what the article says
    around it ("the town of Selna", "Tarnovia's government"); "place" when nothing says."""
    mention = reading.names[key]
    words = mention.display.lower().split()
    if mention.display in COUNTRIES:
        return "country"
    if mention.display in CAPITALS_AND_CITIES:
        return "city"
    if words and words[-1] in NATURAL_FEATURES:
        return "feature"
    if words and words[-1] in AREA_WORDS:
        return "area"
    for index in reading.occurrences.get(key, ()):
        text = reading.sentences[index].text
        for found in reading.mentions[index]:
            if found.key != key:
                continue
            before, after = text[: found.start], text[found.end :]
            if _COUNTRY_AFTER.match(after) or _COUNTRY_BEFORE.search(before.lower()):
                return "country"
            if _CITY_BEFORE.search(before.lower()):
                return "city"
            if _AREA_BEFORE.search(before.lower()):
                return "area"
    return "place"
