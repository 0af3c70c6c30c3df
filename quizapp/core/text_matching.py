"""How a typed answer is compared with the accepted ones (see docs/scoring.md).

Students should not lose a point for "kuwait", "Kuwait.", "  Kuwait ", "the Kuwait", "nine" for 9
or "Priština" vs "Pristina"; nor gain one for an empty box, a wildcard that swallows everything,
or a slip that lands nearer a known wrong answer ("unarmed forces") than the right one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from quizapp.core.number_parsing import number_from_words, number_readings, parse_number

MAX_ANSWER_LENGTH = 1000  # longer responses are never compared character by character
MIN_TYPO_LENGTH = 5  # answers shorter than this (once normalized) are never forgiven a typo
ARTICLES = frozenset({"the", "a", "an"})  # ignored at the start of an answer
WILDCARD = "*"  # in an accepted or rejected entry: any whole words (``read_entry``)
_LEADING_ARTICLE = re.compile(r"\s*(?:the|an|a)\s+", re.IGNORECASE)

# Apostrophes, quotes and dots vanish ("U.S." = "US", "Kosovo’s" = "Kosovos");
# every other punctuation mark separates words ("Al-Jazeera" = "al jazeera").
_VANISH = frozenset("'\"`.\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00b4\u02bc\u2032\u2033")

# Symbols that are part of what a student writes ("__init__", "C++", "C#", "*args", "5%"): when an
# accepted or rejected answer of a question (or blank) holds one, each symbol is compared as a word
# of its own and must be typed as written, and a typo is never forgiven in it; when none does, they
# separate words as other punctuation (``counts_symbols``).
SYMBOLS = frozenset("_+#&@$%=<>^~|\\" + WILDCARD)


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


def normalize(text: str, symbols: bool = False) -> str:
    """Case, diacritics, punctuation and spacing folded away; what is left is compared. With
    ``symbols``, each of ``SYMBOLS`` stays, as a word of its own (compared with an entry that
    holds one, ``AnswerEntry.symbols``)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN_LETTERS))
    out: list[str] = []
    for index, char in enumerate(decomposed):
        if char == "." and _decimal_point(decomposed, index):
            out.append(char)  # "3.50" is not "350" (an answer of text: "$3.50", "5.5%")
            continue
        if char in _VANISH:
            continue
        category = unicodedata.category(char)
        if category == "Mn":  # combining marks: the diacritics of NFKD
            continue
        if category[0] in "PSZC":  # punctuation, symbols, separators, control
            out.append(f" {char} " if symbols and char in SYMBOLS else " ")
        else:
            out.append(char)
    return " ".join("".join(out).casefold().split())


def _decimal_point(text: str, index: int) -> bool:
    return 0 < index < len(text) - 1 and text[index - 1].isdigit() and text[index + 1].isdigit()


def without_articles(words: list[str]) -> list[str]:
    """``words`` without the articles ("the", "a", "an") they start with; a last word is kept
    (an answer "A" stays "a"), and so is one before a symbol ("a_" is a name)."""
    start = 0
    while start < len(words) - 1 and words[start] in ARTICLES and words[start + 1] not in SYMBOLS:
        start += 1
    return words[start:]


def comparable(text: str, symbols: bool = False) -> str:
    """What is compared of an answer: its normalized form without leading articles (with
    ``symbols``, its symbols kept as words, see ``normalize``)."""
    return " ".join(without_articles(normalize(text, symbols).split()))


def compared_length(words: str) -> int:
    """The length of a comparable text as it is written, without the spaces that set its symbols
    apart ("c + +" is 3 long, as "C++"): what the typo allowance is measured on."""
    split = words.split()
    spaces = sum(a not in SYMBOLS and b not in SYMBOLS for a, b in pairwise(split))
    return sum(map(len, split)) + spaces


# --- What an accepted or rejected entry means -----------------------------------------------------

_ESCAPE = "\\"  # in an entry, a backslash makes the "*" or backslash after it literal
_ESCAPED = re.compile(r"\\[\\*]")
_NEEDS_ESCAPE = re.compile(r"\\(?=[\\*])|\*")


@dataclass(frozen=True, slots=True)
class AnswerEntry:
    """An entry of ``accept:`` or ``reject:`` (or a blank's), read: the literal texts before,
    between and after its wildcards (one text when it has none)."""

    written: str  # as in the bank file
    texts: tuple[str, ...]

    @property
    def pattern(self) -> bool:
        """Whether it has a wildcard, so matches any whole words there."""
        return len(self.texts) > 1

    @property
    def text(self) -> str:
        """The entry as students read it: escapes removed, wildcards left out (``\\*args`` is
        "*args")."""
        return "".join(self.texts)

    @property
    def symbols(self) -> bool:
        """Whether it holds one of ``SYMBOLS`` (a "*" written ``\\*``, not a wildcard)."""
        return any(not SYMBOLS.isdisjoint(part) for part in self.texts)

    @property
    def shown(self) -> str:
        """For an answer key: the text of a literal entry, a pattern as written."""
        return self.written if self.pattern else self.text


def read_entry(entry: str) -> AnswerEntry:
    """What an accepted or rejected entry means: each ``*`` a wildcard, ``\\*`` a literal "*",
    ``\\\\`` a literal backslash, and any other backslash itself (``C:\\new``)."""
    texts: list[str] = []
    current: list[str] = []
    position = 0
    while position < len(entry):
        if _ESCAPED.match(entry, position):
            current.append(entry[position + 1])
            position += 2
            continue
        char = entry[position]
        if char == WILDCARD:
            texts.append("".join(current))
            current = []
        else:
            current.append(char)
        position += 1
    texts.append("".join(current))
    return AnswerEntry(entry, tuple(texts))


def literal_entry(text: str) -> str:
    """The entry that stands for ``text`` as written, no pattern: "*args" becomes ``\\*args``."""
    return _NEEDS_ESCAPE.sub(lambda found: _ESCAPE + found.group(), text)


def shown_answer(entry: str) -> str:
    """An accepted entry as students read it (``AnswerEntry.text``)."""
    return read_entry(entry).text


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
    # Only cells within ``limit`` of the diagonal can hold a distance <= limit: the rest stay
    # "too far" (limit + 1), so a long answer costs len(a) x (2 limit + 1) steps, not len(a) x len(b).
    too_far = limit + 1
    previous2: list[int] = []
    previous = [j if j <= limit else too_far for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        low, high = max(1, i - limit), min(len(b), i + limit)
        current = [too_far] * (len(b) + 1)
        current[0] = i if i <= limit else too_far
        for j in range(low, high + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, previous2[j - 2] + 1)
            current[j] = min(best, too_far)
        if min([current[0], *current[low : high + 1]]) > limit:
            return too_far
        previous2, previous = previous, current
    return min(previous[-1], too_far)


def edit_distance_within(a: str, b: str, limit: int) -> bool:
    """Whether the Damerau-Levenshtein (optimal string alignment) distance is <= ``limit``."""
    return edit_distance(a, b, limit) <= limit


def counts_symbols(*entries: tuple[str, ...]) -> bool:
    """Whether symbols count in comparing a response with these entries (a question's or a
    blank's accepted and rejected answers): when one of them holds one (``SYMBOLS``)."""
    return any(read_entry(entry).symbols for group in entries for entry in group)


def _wildcard_words(entry: AnswerEntry, symbols: bool) -> tuple[tuple[str, ...] | None, ...]:
    """The pattern as words, with None for each wildcard (which stands for any whole words); the
    articles it starts with are dropped, as they are from the response."""
    tokens: list[tuple[str, ...] | None] = []
    for number, part in enumerate(entry.texts):
        if number:
            tokens.append(None)
        words = normalize(part, symbols).split()
        tokens.extend((word,) for word in words)
    start = 0
    while start < len(tokens) - 1:
        token, following = tokens[start], tokens[start + 1]
        if token is None or token[0] not in ARTICLES or (following is not None and following[0] in SYMBOLS):
            break
        start += 1
    return tuple(tokens[start:])


def matches_any_answer(entry: str) -> bool:
    """Whether the entry is a pattern that every answer matches: wildcards alone once its
    leading articles are dropped ("the *", "a * *"), as they are from every response."""
    found = read_entry(entry)
    return found.pattern and all(token is None for token in _wildcard_words(found, found.symbols))


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
    entry = read_entry(accepted)
    if entry.pattern:
        return None
    written = parse_number(entry.text)
    return written if written is not None else number_from_words(entry.text)


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
    """A response read once: its comparable text (its symbols kept when they count), and its
    numbers when first asked for."""

    def __init__(self, text: str, symbols: bool) -> None:
        self.text = text
        self.symbols = symbols
        self.words = comparable(text, symbols)
        self._numbers: tuple[Decimal, ...] | None = None

    def compared(self, entry: AnswerEntry) -> str:
        """What of ``entry`` is held against this response (read as it is)."""
        return comparable(entry.text, self.symbols)

    @property
    def numbers(self) -> tuple[Decimal, ...]:
        if self._numbers is None:
            self._numbers = response_numbers(self.text)
        return self._numbers


def _same(option: str, given: _Response) -> bool:
    """Whether ``given`` is the answer ``option`` as written (a pattern, a number or text; no typos)."""
    entry = read_entry(option)
    if entry.pattern:
        return _wildcard_match(_wildcard_words(entry, given.symbols), given.words.split())
    expected_number = answer_number(option)
    if expected_number is not None:
        # As in numeric questions: "5,000" is "5000", "5.000" is 5000 or 5, "nine" is 9;
        # "35" is not "3.5", and text is no number
        return expected_number in given.numbers
    return given.compared(entry) == given.words


_FIXED = re.compile(r"\d+|[" + re.escape("".join(sorted(SYMBOLS))) + "]")


def _fixed(text: str) -> list[str]:
    """What a typo never changes in a comparable text: its numbers and its symbols."""
    return _FIXED.findall(text)


def _nearest_accepted(accepted: tuple[str, ...], given: _Response) -> tuple[int, int] | None:
    """(index, edits) of the accepted answer fewest edits from ``given`` within that answer's
    typo budget (never in its numbers nor its symbols: those must be the same; the first of
    equals), or None when none is that close."""
    nearest: tuple[int, int] | None = None
    for index, option in enumerate(accepted):
        entry = read_entry(option)
        if entry.pattern or answer_number(option) is not None:
            continue  # patterns and numbers are matched exactly
        expected = given.compared(entry)
        words = given.words
        if _fixed(expected) != _fixed(words):
            continue
        budget = typo_budget(compared_length(expected))
        found = edit_distance(words, expected, budget)
        if found <= budget and (nearest is None or found < nearest[1]):
            nearest = (index, found)
    return nearest


def matched_entry(
    accepted: tuple[str, ...],
    response: str,
    typos: bool = False,
    rejected: tuple[str, ...] = (),
    distractors: tuple[str, ...] = (),
    symbols: bool | None = None,
) -> tuple[bool, int] | None:
    """Which entry ``response`` is taken for: (False, i) for ``rejected[i]``, (True, i) for
    ``accepted[i]``, None for neither (``matches_any`` says whether it counts).

    A response that is one of the ``rejected`` answers (the bank's ``reject:``) never counts.
    With ``typos``, a response within the typo budget of an accepted answer (the nearest) counts
    only when it is strictly closer to that answer than to every rejected answer and every
    distractor (in a cloze, the other blanks' answers): a slip must not turn a known wrong
    answer right.

    Symbols count when one of ``accepted`` and ``rejected`` holds one (``counts_symbols``), or
    as ``symbols`` says when given (a check of some of a question's answers against the others).
    """
    if len(response) > MAX_ANSWER_LENGTH:
        return None
    given = _Response(response, counts_symbols(accepted, rejected) if symbols is None else symbols)
    if SYMBOLS.issuperset(given.words.replace(" ", "")):
        return None  # no letters or digits
    for index, known in enumerate(rejected):
        if _same(known, given):
            return (False, index)
    for index, option in enumerate(accepted):
        if _same(option, given):
            return (True, index)
    if not typos:
        return None
    nearest = _nearest_accepted(accepted, given)
    if nearest is None:
        return None
    index, edits = nearest
    wrong = [read_entry(text) for text in (*rejected, *distractors)]
    closer = all(
        edit_distance(given.words, given.compared(entry), edits) > edits
        for entry in wrong
        if not entry.pattern
    )
    return (True, index) if closer else None


def matches_any(
    accepted: tuple[str, ...],
    response: str,
    typos: bool = False,
    rejected: tuple[str, ...] = (),
    distractors: tuple[str, ...] = (),
    symbols: bool | None = None,
) -> bool:
    """Whether ``response`` counts as one of the ``accepted`` answers (``matched_entry``)."""
    found = matched_entry(accepted, response, typos, rejected, distractors, symbols)
    return found is not None and found[0]


def matches(accepted: str, response: str, typos: bool = False) -> bool:
    """Whether ``response`` counts as the accepted answer ``accepted``."""
    return matches_any((accepted,), response, typos)
