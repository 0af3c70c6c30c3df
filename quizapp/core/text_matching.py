"""How a typed answer is compared with the accepted ones (see docs/scoring.md).

Students should not lose a point for "kuwait", "Kuwait.", "  Kuwait ", "the Kuwait", "nine" for 9
or "Priština" vs "Pristina"; nor gain one for an empty box, a wildcard that swallows everything,
or a slip that lands nearer a known wrong answer ("unarmed forces") than the right one.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from quizapp.core.number_parsing import number_from_words, number_readings, parse_number

MAX_ANSWER_LENGTH = 1000  # longer responses are never compared character by character
MIN_TYPO_LENGTH = 5  # answers shorter than this (once normalized) are never forgiven a typo
ARTICLES = frozenset({"the", "a", "an"})  # ignored at the start of an answer
_DIGITS = re.compile(r"\d+")
_LEADING_ARTICLE = re.compile(r"\s*(?:the|an|a)\s+", re.IGNORECASE)

# Apostrophes, quotes and dots vanish ("U.S." = "US", "Kosovo’s" = "Kosovos");
# every other punctuation mark separates words ("Al-Jazeera" = "al jazeera").
_VANISH = frozenset("'\"`.\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00b4\u02bc\u2032\u2033")


# Letters that carry their mark inside them, so NFKD cannot split it off.
_PLAIN_LETTERS = str.maketrans(
    {
        "Đ": "D",
        "đ": "d",
        "Ł": "L",
        "ł": "l",
        "Ø": "O",
        "ø": "o",
        "Ħ": "H",
        "ħ": "h",
        "Æ": "AE",
        "æ": "ae",
        "Œ": "OE",
        "œ": "oe",
        "Þ": "TH",
        "þ": "th",
        "ı": "i",
    }
)


def normalize(text: str) -> str:
    """Case, diacritics, punctuation and spacing folded away; what is left is compared."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN_LETTERS))
    out: list[str] = []
    for char in decomposed:
        if char in _VANISH:
            continue
        category = unicodedata.category(char)
        if category == "Mn":  # combining marks: the diacritics of NFKD
            continue
        if category[0] in "PSZC":  # punctuation, symbols, separators, control
            out.append(" ")
        else:
            out.append(char)
    return " ".join("".join(out).casefold().split())


def without_articles(words: list[str]) -> list[str]:
    """``words`` without the articles ("the", "a", "an") they start with; a last word is kept
    (an answer "A" stays "a")."""
    start = 0
    while start < len(words) - 1 and words[start] in ARTICLES:
        start += 1
    return words[start:]


def comparable(text: str) -> str:
    """What is compared of an answer: its normalized form without leading articles."""
    return " ".join(without_articles(normalize(text).split()))


def typo_budget(length: int) -> int:
    """Edits forgiven for an answer of ``length`` characters when typos are allowed."""
    if length < MIN_TYPO_LENGTH:
        return 0
    return 1 if length <= 9 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """The Damerau-Levenshtein distance of ``a`` and ``b`` (optimal string alignment: inserting,
    deleting or changing a character, or swapping two neighbours, each counts 1), or ``limit`` + 1
    when it is larger than ``limit`` (the work stops there)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if a == b:
        return 0
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, previous2[j - 2] + 1)
            current[j] = best
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def edit_distance_within(a: str, b: str, limit: int) -> bool:
    """Whether the Damerau-Levenshtein (optimal string alignment) distance is <= ``limit``."""
    return edit_distance(a, b, limit) <= limit


def _wildcard_words(accepted: str) -> tuple[tuple[str, ...] | None, ...]:
    """The pattern as words, with None for each ``*`` (which stands for any whole words); the
    articles it starts with are dropped, as they are from the response."""
    tokens: list[tuple[str, ...] | None] = []
    for number, part in enumerate(accepted.split("*")):
        if number:
            tokens.append(None)
        words = normalize(part).split()
        tokens.extend((word,) for word in words)
    start = 0
    while start < len(tokens) - 1:
        token = tokens[start]
        if token is None or token[0] not in ARTICLES:
            break
        start += 1
    return tuple(tokens[start:])


def _wildcard_match(tokens: tuple[tuple[str, ...] | None, ...], words: list[str]) -> bool:
    """Glob matching over whole words in O(len(tokens) x len(words)), so no pattern is slow."""
    reachable = [True] + [False] * len(words)  # reachable[j]: the tokens so far match words[:j]
    for token in tokens:
        if token is None:
            for j in range(1, len(words) + 1):
                reachable[j] = reachable[j] or reachable[j - 1]
        else:
            reachable = [False] + [
                reachable[j - 1] and words[j - 1] == token[0] for j in range(1, len(words) + 1)
            ]
    return reachable[-1]


def answer_number(accepted: str) -> Decimal | None:
    """The number an accepted (or rejected) answer is, read one way: "5,000", "5000", "nine";
    None for text and patterns."""
    written = parse_number(accepted)
    return written if written is not None else number_from_words(accepted)


def number_answer(accepted: tuple[str, ...]) -> bool:
    """Whether every accepted answer is a number: then a response is read only as a number, by
    the rules of numeric questions (and one given now that holds none is refused, to be fixed)."""
    return bool(accepted) and all(answer_number(option) is not None for option in accepted)


def response_numbers(response: str) -> tuple[Decimal, ...]:
    """The numbers a response may be read as, leading articles aside ("the 9th" is no number,
    "a thousand" is 1000, "the nine" is 9)."""
    rest = response
    while True:
        readings = number_readings(rest)
        found = _LEADING_ARTICLE.match(rest)
        if readings or not found:
            return readings
        rest = rest[found.end() :]


class _Response:
    """A response read once: its comparable text, and its numbers when first asked for."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = comparable(text)
        self._numbers: tuple[Decimal, ...] | None = None

    @property
    def numbers(self) -> tuple[Decimal, ...]:
        if self._numbers is None:
            self._numbers = response_numbers(self.text)
        return self._numbers


def _same(option: str, given: _Response) -> bool:
    """Whether ``given`` is the answer ``option`` as written (a pattern, a number or text; no typos)."""
    if "*" in option:
        return _wildcard_match(_wildcard_words(option), given.words.split())
    expected_number = answer_number(option)
    if expected_number is not None:
        # As in numeric questions: "5,000" is "5000", "5.000" is 5000 or 5, "nine" is 9;
        # "35" is not "3.5", and text is no number
        return expected_number in given.numbers
    return comparable(option) == given.words


def _nearest_accepted(accepted: tuple[str, ...], given: str) -> tuple[int, int] | None:
    """(index, edits) of the accepted answer fewest edits from ``given`` within that answer's
    typo budget (never in its numbers: the digits must be the same; the first of equals), or
    None when none is that close."""
    digits = _DIGITS.findall(given)
    nearest: tuple[int, int] | None = None
    for index, option in enumerate(accepted):
        if "*" in option or answer_number(option) is not None:
            continue  # patterns and numbers are matched exactly
        expected = comparable(option)
        if _DIGITS.findall(expected) != digits:
            continue
        budget = typo_budget(len(expected))
        found = edit_distance(given, expected, budget)
        if found <= budget and (nearest is None or found < nearest[1]):
            nearest = (index, found)
    return nearest


def matched_entry(
    accepted: tuple[str, ...],
    response: str,
    typos: bool = False,
    rejected: tuple[str, ...] = (),
    distractors: tuple[str, ...] = (),
) -> tuple[bool, int] | None:
    """Which entry ``response`` is taken for: (False, i) for ``rejected[i]``, (True, i) for
    ``accepted[i]``, None for neither (``matches_any`` says whether it counts).

    A response that is one of the ``rejected`` answers (the bank's ``reject:``) never counts.
    With ``typos``, a response within the typo budget of an accepted answer (the nearest) counts
    only when it is strictly closer to that answer than to every rejected answer and every
    distractor (in a cloze, the other blanks' answers): a slip must not turn a known wrong
    answer right.
    """
    if len(response) > MAX_ANSWER_LENGTH:
        return None
    given = _Response(response)
    if not given.words:
        return None
    for index, known in enumerate(rejected):
        if _same(known, given):
            return (False, index)
    for index, option in enumerate(accepted):
        if _same(option, given):
            return (True, index)
    if not typos:
        return None
    nearest = _nearest_accepted(accepted, given.words)
    if nearest is None:
        return None
    index, edits = nearest
    wrong = [comparable(text) for text in (*rejected, *distractors) if "*" not in text]
    closer = all(edit_distance(given.words, text, edits) > edits for text in wrong)
    return (True, index) if closer else None


def matches_any(
    accepted: tuple[str, ...],
    response: str,
    typos: bool = False,
    rejected: tuple[str, ...] = (),
    distractors: tuple[str, ...] = (),
) -> bool:
    """Whether ``response`` counts as one of the ``accepted`` answers (``matched_entry``)."""
    found = matched_entry(accepted, response, typos, rejected, distractors)
    return found is not None and found[0]


def matches(accepted: str, response: str, typos: bool = False) -> bool:
    """Whether ``response`` counts as the accepted answer ``accepted``."""
    return matches_any((accepted,), response, typos)
