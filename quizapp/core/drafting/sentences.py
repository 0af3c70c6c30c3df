"""Splitting a paragraph into sentences: a full stop after an abbreviation ("Gen.", "Mr.",
"U.S." before a name), an initial or inside a number ("3.5") ends none, nor does one inside a
quotation ("“We are ready. We go,” she said." is one sentence)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.core.drafting.lexicon import ABBREVIATIONS, STARTERS

_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_OPEN = "“"
# A wire dateline: the city in capitals (", Country" may follow), an optional date, an optional
# (AGENCY), then a dash: "KESTREL BAY, Oct 14 (CWS) - ", "PRISTINA, Kosovo (AP) — ".
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’\-]*(?:\s+[A-Z][A-Z.'’\-]*)*"
    r"(?:,\s+[A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+)*)?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)?"
    r"(?:\s+\([A-Za-z&/.\- ]{1,40}\))?"
    r"\s+[-—–]\s+(?=[A-Z“\"‘'])"
)
_CLOSE = "”"


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of paragraph ``paragraph`` (0-based), ``text`` = paragraph[start:end]."""

    paragraph: int
    index: int  # its place among all the article's sentences
    start: int
    end: int
    text: str


def sentence_spans(paragraph: str, first: bool = False) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of ``paragraph``, without surrounding spaces; the
    article's ``first`` paragraph without its wire dateline."""
    spans: list[tuple[int, int]] = []
    start = 0
    for found in _END.finditer(paragraph):
        end = found.end()
        if _inside_quote(paragraph[start:end]) or _abbreviation(paragraph, found.start(), end):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(paragraph)))
    dateline = dateline_end(paragraph) if first else 0
    if dateline and spans[0][1] > dateline:
        spans[0] = (dateline, spans[0][1])
    return [_trimmed(paragraph, a, b) for a, b in spans if paragraph[a:b].strip()]


def dateline_end(paragraph: str) -> int:
    """Where a wire dateline at the start of ``paragraph`` ends ("KESTREL BAY, Oct 14 (CWS) - "),
    or 0: no sentence includes it, so no question asks about it nor shows it."""
    found = _DATELINE.match(paragraph)
    if found is None or not re.search(r"[A-Z]{2}", found.group(0).split(",")[0]):
        return 0
    return found.end()


def split_sentences(paragraphs: tuple[str, ...]) -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    for number, paragraph in enumerate(paragraphs):
        for start, end in sentence_spans(paragraph, first=number == 0):
            sentences.append(Sentence(number, len(sentences), start, end, paragraph[start:end]))
    return tuple(sentences)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _inside_quote(text: str) -> bool:
    """Whether a quotation opened in ``text`` is still open at its end (typographic quotes, or
    an odd number of straight double quotes)."""
    if text.count(_OPEN) > text.count(_CLOSE):
        return True
    return text.count('"') % 2 == 1


def _abbreviation(paragraph: str, stop: int, end: int) -> bool:
    """Whether the full stop at ``stop`` closes an abbreviation rather than a sentence."""
    if paragraph[stop] != ".":
        return False
    word = re.search(r"[\w.'’-]*$", paragraph[:stop])
    token = word.group(0) if word else ""
    if not token:
        return False
    if token.lower().rstrip(".") in ABBREVIATIONS:
        return True
    following = re.match(r"\s+[\"“‘'(]?([\w'’-]+)", paragraph[end:])
    next_word = following.group(1) if following else ""
    if re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", token):  # "U.S", an initial "J"
        # "U.S. Central Command" goes on; "... by the U.S. They ..." ends.
        return next_word.lower() not in STARTERS
    return False
