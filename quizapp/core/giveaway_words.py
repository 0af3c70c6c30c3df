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

from quizapp.core.number_parsing import parse_number
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
    say says said name give
    """
)
SMALL_NUMBER = 10  # numbers below this are too common to give anything away

_TOKEN = re.compile(
    r"(?P<abbreviation>(?:[^\W\d_]\.){2,})"  # "U.S."
    r"|(?P<word>[^\W_]*[^\W\d_][^\W_]*(?:['\u2019][^\W_]+)*)"  # "Kosovo's", "B52", "22nd"
    r"|(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?)"  # "5,000", "1999", "2.5"
)
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
    return tuple(found)


@lru_cache(maxsize=4096)
def key_set(text: str) -> frozenset[str]:
    """The keys of ``text``'s tokens, found faster than the tokens themselves: what a text that
    is only searched needs."""
    found = set()
    for match in _TOKEN.finditer(text):
        key = _key(match.group(), match.lastgroup == "number")
        if key:
            found.add(key)
    return frozenset(found)


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


def contains(words: Sequence[str], run: Sequence[str]) -> bool:
    """Whether ``run`` stands side by side in ``words``."""
    size = len(run)
    return any(tuple(words[start : start + size]) == tuple(run) for start in range(len(words) - size + 1))
