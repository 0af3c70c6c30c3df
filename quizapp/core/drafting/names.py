"""Names in a sentence: runs of capitalized words ("U.S. Central Command", "National Guard of
Iowa", "Vjosa Osmani"), with the title before a person's name and the role it gives
("Kosovo's acting President Vjosa Osmani": the role "Kosovo's acting President"), or the role of
an apposition after it ("Jane Doe, a spokeswoman for the agency, said")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.core.drafting.lexicon import (
    DEMONYM_SUFFIXES,
    DEMONYMS,
    FUNCTION_WORDS,
    HONORIFICS,
    MONTHS,
    ORG_WORDS,
    PLACES,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    STARTERS,
    TITLES,
    WEEKDAYS,
)

# A capitalized word: "U.S.", "RX-19", "O'Neill", "Metalworkers'" before another capitalized word.
_CAP = r"(?:[A-Z]\.){2,}|[A-Z][\w\-]*(?:['’][A-Z][\w\-]*)?(?:(?<=s)['’](?=\s+[A-Z]))?\.?"
_CONNECT = r"(?:\s+(?:of|for|de|del|da|van|von|al|bin|la|du|and|&)(?:\s+the)?)?\s+"
_CHUNK = re.compile(rf"(?<![\w'’])(?:{_CAP})(?:{_CONNECT}(?:{_CAP}))*")
_POSSESSIVE = re.compile(r"['’]s?(?!\w)")
_APPOSITION = re.compile(
    r",\s+((?:(?:a|an|the|[A-Z][\w.]*['’]s)\s+|(?=[a-z]+\s+(?:of|for|at)\s))[^,;:“”\"]{2,90}?)(?=,|\s+said\b|\.$)"
)


@dataclass(frozen=True, slots=True)
class Name:
    """A name of a sentence (sentence[start:end] == text); ``role`` is the title or apposition
    that says what a person is ("" when none), ``possessive`` whether "'s" follows it."""

    text: str
    start: int
    end: int
    role: str
    titled: bool
    possessive: bool


def find_names(sentence: str, lowercase_words: frozenset[str], taken: list[tuple[int, int]]) -> list[Name]:
    """The names of ``sentence``; ``lowercase_words`` are the words the article writes in lower
    case, or capitalized only at a sentence's start (such a word starting a sentence is no name),
    ``taken`` spans that are dates or numbers."""
    names: list[Name] = []
    for match in _CHUNK.finditer(sentence):
        for start, end in _pieces(sentence, match.start(), match.end(), taken):
            name = _name(sentence, start, end, lowercase_words)
            if name is not None:
                names.append(name)
    return names


def _pieces(sentence: str, start: int, end: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The chunk split around dates and numbers, and at " and " unless a known pair."""
    pieces = [(start, end)]
    for a, b in taken:
        split: list[tuple[int, int]] = []
        for s, e in pieces:
            if a < e and s < b:
                split.extend(p for p in ((s, a), (b, e)) if p[1] - p[0] > 0)
            else:
                split.append((s, e))
        pieces = split
    pieces = [piece for s, e in pieces for piece in _split_of(sentence, s, e)]
    result: list[tuple[int, int]] = []
    for s, e in pieces:
        text = sentence[s:e]
        position = s
        parts = re.split(r"(\s+and\s+)", text)
        joined = False  # the part before this one was joined to the name before it
        for index, part in enumerate(parts):
            if re.fullmatch(r"\s+and\s+", part):
                joined = _and_inside(parts[index - 1], parts[index + 1]) and not joined
                if joined:
                    result[-1] = (result[-1][0], position + len(part) + len(parts[index + 1]))
            elif not (index and joined):
                result.append((position, position + len(part)))
            position += len(part)
    return [(s, e) for s, e in (_stripped(sentence, s, e) for s, e in result) if e > s]


def _and_inside(left: str, right: str) -> bool:
    """Whether "and" joins two words of one organisation's name ("National Commission for
    Museums and Monuments", "Ministry of Trade and Industry"): an organisation word, then "of" or
    "for" before it, and after it capitalised words with no organisation word of their own."""
    words = left.lower().split()
    if not any(w in {"of", "for"} for w in words) or not right or right.lower().startswith("the "):
        return False
    before_of = words[: max(i for i, w in enumerate(words) if w in {"of", "for"})]
    right_words = [w.lower().rstrip(".,") for w in right.split()]
    return bool(set(before_of) & ORG_WORDS) and not set(right_words) & ORG_WORDS and len(right_words) <= 2


_OF = re.compile(r"\s+(?:of|for)(?:\s+the)?\s+")


def _split_of(sentence: str, start: int, end: int) -> list[tuple[int, int]]:
    """A chunk split at "of": before a title ("National Union of Prime Minister Tomas Reinholt"),
    or between a name with no organisation word and an organisation ("Marek Novy of the
    Tarnovian Academy of Sciences"); "University of Bergen" stays whole."""
    for found in _OF.finditer(sentence, start, end):
        left = sentence[start : found.start()].split()
        right = sentence[found.end() : end].split()
        if not left or not right:
            continue
        lowered_left = {w.lower().rstrip(".,") for w in left}
        lowered_right = [w.lower().rstrip(".,") for w in right]
        titled = lowered_right[0] in TITLES and len(right) > 1
        person_org = (
            not lowered_left & ORG_WORDS
            and len(left) >= 2
            and any(w in ORG_WORDS for w in lowered_right)
            and not lowered_left & TITLES
        )
        if titled or person_org:
            return [(start, found.start()), *_split_of(sentence, found.end(), end)]
    return [(start, end)]


def _stripped(sentence: str, start: int, end: int) -> tuple[int, int]:
    text = sentence[start:end]
    trimmed = text.strip().rstrip(",;:")
    if trimmed.endswith(".") and not re.search(r"(?:[A-Z]\.){2,}$", trimmed):
        trimmed = trimmed[:-1]
    offset = text.find(trimmed)
    return start + offset, start + offset + len(trimmed)


def _name(sentence: str, start: int, end: int, lowercase_words: frozenset[str]) -> Name | None:
    words = sentence[start:end].split()
    offsets = _word_offsets(sentence, start, words)
    at_start = not re.search(r"[\w]", sentence[:start])
    # Leading words that are no part of a name: "The", "However", a sentence's first common word.
    while words and (
        words[0].lower() in STARTERS
        or words[0].lower() in FUNCTION_WORDS
        or (
            at_start
            and offsets[0] == start
            and words[0].lower() in lowercase_words
            and (len(words) == 1 or len(words) >= 3 or " ".join(words[1:]) in PLACES)
            and not (len(words) >= 3 and words[1].lower() in TITLES)  # "Industry Minister Ann Lee"
        )
        or words[0].lower().rstrip(".") in WEEKDAYS
        or words[0].lower() in MONTHS
    ):
        words, offsets = words[1:], offsets[1:]
    while words and words[-1].lower() in FUNCTION_WORDS:
        words, offsets = words[:-1], offsets[:-1]
    count = _title_words(words)
    titles = words[:count]
    words, offsets = words[count:], offsets[count:]
    if not words:
        return None
    begin = offsets[0]
    finish = offsets[-1] + len(words[-1])
    text = sentence[begin:finish]
    possessive = bool(_POSSESSIVE.match(sentence, finish))
    if len(words) == 1 and _adjective(text, sentence[finish:]):
        return None
    if len(words) == 1 and text.lower() in TITLES:
        return None
    role = ""
    if titles and not all(t.lower() in HONORIFICS for t in titles):
        role = _role_before(sentence, offsets[0] - len(" ".join(titles)) - 1, " ".join(titles))
    if not role:
        role = _apposition(sentence, finish)
    return Name(text, begin, finish, role, bool(titles), possessive)


def _title_words(words: list[str]) -> int:
    """How many of ``words`` are a title before a person's name ("Prime Minister", "Industry
    Minister", "Secretary of State", "Dr."): the words up to a title word, when one to three
    capitalized words follow that are no title and no organisation ("Interior Ministry" has no
    title; "Vice President" none without a name after it)."""
    for index, word in enumerate(words[:-1]):
        if word.lower() not in TITLES:
            continue
        end = index + 1
        if words[end] == "of" and end + 2 < len(words):
            end += 2
        rest = [w.lower().rstrip(".,") for w in words[end:]]
        if (
            1 <= len(rest) <= 3
            and all(w[:1].isupper() for w in words[end:])
            and not any(w in TITLES or w in ORG_WORDS or w in FUNCTION_WORDS for w in rest)
        ):
            return end
    return 0


def _word_offsets(sentence: str, start: int, words: list[str]) -> list[int]:
    offsets: list[int] = []
    position = start
    for word in words:
        position = sentence.index(word, position)
        offsets.append(position)
        position += len(word)
    return offsets


def _adjective(word: str, after: str) -> bool:
    """A single capitalized word used as an adjective: "Serb forces", "Western nations"."""
    following = re.match(r"\s+([a-z][a-z\-]*)", after)
    if not following or following.group(1) in FUNCTION_WORDS:
        return False
    lowered = word.lower()
    return lowered in DEMONYMS or (
        len(lowered) > 4 and lowered.endswith(DEMONYM_SUFFIXES) and not lowered.endswith("ia")
    )


def _role_before(sentence: str, title_start: int, titles: str) -> str:
    """The title with its lowercase modifiers and an owner before it: "Kosovo's acting President"."""
    before = sentence[: max(title_start, 0)].rstrip()
    words: list[str] = []
    for word in reversed(before.split()):
        if word.lower() in ROLE_MODIFIERS:
            words.insert(0, word)
            continue
        if re.fullmatch(r"[A-Z][\w\-.]*['’]s", word):
            words.insert(0, word)
        break
    return " ".join([*words, titles])


def _apposition(sentence: str, end: int) -> str:
    found = _APPOSITION.match(sentence, end)
    if not found:
        return ""
    phrase = found.group(1).strip()
    nouns = {re.sub(r"['’]s$", "", w.lower().strip(",")) for w in phrase.split()[:6]}
    if not nouns & ROLE_NOUNS or len(phrase.split()) > 12:
        return ""
    return phrase
