"""The words the give-away lint compares (core/giveaways.py): texts cut into words and numbers,
each normalized as answers are matched (``text_matching.normalize``: case, accents,
punctuation), with what the lint needs to know of it: a capital, the start of a sentence, a
number's value, a common word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from quizapp.core.number_parsing import number_from_words, parse_number
from quizapp.core.text_matching import normalize


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that tell nothing of an answer: articles, pronouns, prepositions, conjunctions, forms of
# "be", "have" and "do", modal verbs, question words, numbers below 10 in words, and the words of
# quiz instructions ("Select all that apply", "according to the article").
COMMON_WORDS = _word_set(
    """
    a an the this that these those there here it its they them their theirs he him his she her
    hers we us our ours you your yours i me my mine who whom whose which what when where why how
    whether if then than so as of in on at by to from for with without about into onto over
    under between among through during before after above below up down out off again also too
    very just only not no nor yes and or but both either neither each every all any some many
    much more most less least few other another such same own is are was were be been being am
    has have had having do does did doing done will would shall should can could may might must
    zero one two three four five six seven eight nine ago now still yet already ever never
    according article text passage question answer statement following select apply true false
    say says said name give none
    """
)
SMALL_NUMBER = 10  # numbers below this are too common to give anything away

_TOKEN = re.compile(
    r"(?P<abbreviation>(?:[^\W\d_]\.){2,})"  # "U.S."
    r"|(?P<word>[^\W_]*[^\W\d_][^\W_]*(?:['\u2019][^\W_]+)*)"  # "Kosovo's", "B52", "22nd"
    r"|(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)"  # "5,000"
    r"|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d,.]\d)"  # "5 000", as the answer matcher reads it
    r"|\d+(?:\.\d+)?)"  # "1999", "2.5"
)
# A text that may write a number of SMALL_NUMBER or more in words ("twenty-two", "a thousand")
_NUMBER_IN_WORDS = re.compile(
    r"\b(?:ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = _word_set(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred thousand a and"""
)
_BETWEEN_NUMBER_WORDS = re.compile(r"[ \-\u2010\u2011\u2013]+")  # "twenty-two", "two hundred"
_LONGEST_NUMBER_IN_WORDS = 8  # words: "nine hundred and ninety-nine thousand nine hundred"
_POSSESSIVE = re.compile(r"['\u2019]s\Z", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?:;\"\u201c\u201d(\[\n\u2013\u2014*#]")  # before a sentence's first word


class Token(NamedTuple):
    """A word or a number of a text, and where it stands there (a named tuple: the lint makes
    one for every word of a bank, and a tuple is made three times as fast as a dataclass)."""

    key: str  # the word normalized (a possessive's "'s" dropped), or a number in plain digits
    start: int
    end: int
    capitalized: bool
    initial: bool  # the first word of a sentence, where a capital says nothing
    joined: bool  # only spaces since the token before (no comma, dash or bracket)
    value: Decimal | None = None  # a number's
    common: bool = False  # a common word, or a number below SMALL_NUMBER


@lru_cache(maxsize=4096)  # the same choices ("True", a country) come back across a bank
def tokens(text: str) -> tuple[Token, ...]:
    """The words and numbers of ``text``: "3,400-troop" is 3400 and "troop"; "U.S." is "us"."""
    found: list[Token] = []
    previous_end = 0
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        gap = text[previous_end:start]
        if gap == " ":  # most often: the next word of a sentence
            initial, joined = not found, bool(found)
        else:
            initial = not found or _SENTENCE_BREAK.search(gap) is not None
            joined = bool(found) and not gap.strip()
        previous_end = end
        raw = match.group()
        if match.lastgroup == "number":
            value = parse_number(raw)
            if value is not None:
                found.append(
                    Token(_digits(value), start, end, False, initial, joined, value, value < SMALL_NUMBER)
                )
            continue
        key, common = _word(raw)
        if key:
            found.append(Token(key, start, end, raw[0].isupper(), initial, joined, None, common))
    if _NUMBER_IN_WORDS.search(text):
        return tuple(_numbers_in_words(text, found))
    return tuple(found)


def _numbers_in_words(text: str, found: list[Token]) -> list[Token]:
    """``found`` with each number of SMALL_NUMBER or more written in words made one number token,
    read as the answer matcher reads it (core/number_parsing.py): "twenty-two years" is 22 years."""
    merged: list[Token] = []
    index = 0
    while index < len(found):
        number = _number_in_words(text, found, index)
        if number is None:
            merged.append(found[index])
            index += 1
            continue
        last, value = number
        first = found[index]
        merged.append(
            Token(_digits(value), first.start, found[last].end, False, first.initial, first.joined, value)
        )
        index = last + 1
    return merged


def _number_in_words(text: str, found: list[Token], first: int) -> tuple[int, Decimal] | None:
    """The longest number of SMALL_NUMBER or more written in words from ``found[first]`` on: the
    index of its last token, and its value."""
    last = first
    while (
        last < len(found)
        and last - first < _LONGEST_NUMBER_IN_WORDS
        and found[last].value is None
        and text[found[last].start : found[last].end].casefold() in _NUMBER_WORDS
        and (last == first or _BETWEEN_NUMBER_WORDS.fullmatch(text[found[last - 1].end : found[last].start]))
    ):
        last += 1
    for end in range(last, first, -1):
        value = number_from_words(text[found[first].start : found[end - 1].end])
        if value is not None and value >= SMALL_NUMBER:
            return end - 1, value
    return None


@lru_cache(maxsize=4096)
def key_set(text: str) -> frozenset[str]:
    """The keys of ``text``'s tokens, found faster than the tokens themselves: what a text that
    is only searched needs (with the words of a number written in words as well as the number)."""
    return frozenset(key_positions(text))


def key_positions(text: str) -> dict[str, list[int]]:
    """Where each key of ``text``'s tokens starts in it, in order; as fast as ``key_set`` (the
    lint's index of every text of a bank). A number written in words is there as the number and
    as its words."""
    found: dict[str, list[int]] = {}
    for match in _TOKEN.finditer(text):
        key = _key(match.group(), match.lastgroup == "number")
        if key:
            found.setdefault(key, []).append(match.start())
    if _NUMBER_IN_WORDS.search(text):
        for token in tokens(text):
            if token.value is not None and token.start not in found.get(token.key, ()):
                found.setdefault(token.key, []).append(token.start)
                found[token.key].sort()
    return found


@lru_cache(maxsize=65536)
def _key(raw: str, number: bool) -> str:
    if number:
        value = parse_number(raw)
        return "" if value is None else _digits(value)
    return _word(raw)[0]


def _digits(value: Decimal) -> str:
    return format(value.normalize(), "f")


@lru_cache(maxsize=65536)
def _word(raw: str) -> tuple[str, bool]:
    """A word's key, and whether it is common ("it's" is, as "it" is)."""
    key = normalize(_POSSESSIVE.sub("", raw)).replace(" ", "")
    return key, key in COMMON_WORDS or normalize(raw).replace(" ", "") in COMMON_WORDS


def content(found: Iterable[Token], drop: frozenset[str] = frozenset()) -> list[Token]:
    """The tokens that can tell something: no common word, no small number, none of ``drop``."""
    return [token for token in found if not token.common and token.key not in drop]


def keys(found: Iterable[Token]) -> tuple[str, ...]:
    return tuple(token.key for token in found)


def singular(word: str) -> str:
    """A unit word as it is compared: "days" is "day" (as in "a 78-day campaign")."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def side_by_side(words: Sequence[str], found: Sequence[Token]) -> tuple[Token, Token] | None:
    """The first and last token where ``words`` stand side by side in ``found``, or None."""
    size = len(words)
    for start in range(len(found) - size + 1):
        if all(found[start + offset].key == word for offset, word in enumerate(words)):
            return found[start], found[start + size - 1]
    return None


def plurals(word: str) -> tuple[str, ...]:
    """The plurals of an English word, as a text may write a one-word answer: "platoons",
    "batches", "companies"."""
    if word[-1:] in ("s", "x", "z") or word.endswith(("ch", "sh")):
        return (word + "es",)
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return (word[:-1] + "ies",)
    return (word + "s",)


def phrase_at(
    words: Sequence[str], names: Sequence[bool], found: Sequence[Token]
) -> tuple[Token, Token] | None:
    """Where ``words`` stand side by side in ``found``, a word the answer writes as a name
    (``names``) capitalized there too or starting a sentence ("March 9" is not the verb "march");
    a one-word phrase in its plural as well ("platoons" for "platoon")."""
    spellings = [(word,) if len(words) > 1 else (word, *plurals(word)) for word in words]
    size = len(words)
    for start in range(len(found) - size + 1):
        window = found[start : start + size]
        if all(
            token.key in spelt and (token.capitalized or token.initial or not name)
            for token, spelt, name in zip(window, spellings, names, strict=True)
        ):
            return window[0], window[-1]
    return None


def contains(words: Sequence[str], run: Sequence[str]) -> bool:
    """Whether ``run`` stands side by side in ``words``."""
    size = len(run)
    return any(tuple(words[start : start + size]) == tuple(run) for start in range(len(words) - size + 1))
