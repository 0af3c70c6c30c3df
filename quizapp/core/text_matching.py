"""How a typed answer is compared with the accepted ones (see docs/scoring.md).

Students should not lose a point for "kuwait", "Kuwait.", "  Kuwait " or "Priština" vs
"Pristina"; nor gain one for an empty box or a wildcard that swallows everything.
"""

from __future__ import annotations

import re
import unicodedata

from quizapp.core.number_parsing import number_readings, parse_number

MAX_ANSWER_LENGTH = 1000  # longer responses are never compared character by character
_DIGITS = re.compile(r"\d+")

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


def typo_budget(length: int) -> int:
    """Edits forgiven for an answer of ``length`` characters when typos are allowed."""
    if length < 5:
        return 0
    return 1 if length <= 9 else 2


def edit_distance_within(a: str, b: str, limit: int) -> bool:
    """Whether the Damerau-Levenshtein (optimal string alignment) distance is <= ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return False
    if a == b:
        return True
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
            return False
        previous2, previous = previous, current
    return previous[-1] <= limit


def _wildcard_words(accepted: str) -> tuple[tuple[str, ...] | None, ...]:
    """The pattern as words, with None for each ``*`` (which stands for any whole words)."""
    tokens: list[tuple[str, ...] | None] = []
    for number, part in enumerate(accepted.split("*")):
        if number:
            tokens.append(None)
        words = normalize(part).split()
        tokens.extend((word,) for word in words)
    return tuple(tokens)


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


def matches(accepted: str, response: str, typos: bool = False) -> bool:
    """Whether ``response`` counts as the accepted answer ``accepted``."""
    if len(response) > MAX_ANSWER_LENGTH:
        return False
    given = normalize(response)
    if not given:
        return False
    if "*" in accepted:
        return _wildcard_match(_wildcard_words(accepted), given.split())
    expected_number, given_numbers = parse_number(accepted), number_readings(response)
    if expected_number is not None and given_numbers:
        # As in numeric questions: "5,000" is "5000", "5.000" is 5000 or 5; "35" is not "3.5"
        return expected_number in given_numbers
    expected = normalize(accepted)
    if given == expected:
        return True
    if typos and _DIGITS.findall(given) == _DIGITS.findall(expected):  # typos, but never in numbers
        return edit_distance_within(given, expected, typo_budget(len(expected)))
    return False


def matches_any(accepted: tuple[str, ...], response: str, typos: bool = False) -> bool:
    return any(matches(option, response, typos) for option in accepted)
