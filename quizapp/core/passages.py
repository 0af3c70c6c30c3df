"""Find a question's quotes in its source text, to show them highlighted in their paragraphs."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_QUOTES = {
    "'": "['’‘]",
    "’": "['’‘]",
    "‘": "['’‘]",
    '"': '["“”]',
    "“": '["“”]',
    "”": '["“”]',
    "-": "[-–—]",
    "–": "[-–—]",
    "—": "[-–—]",
}


@dataclass(frozen=True, slots=True)
class PassagePart:
    """A run of a paragraph's text; ``quoted`` runs are shown highlighted."""

    text: str
    quoted: bool


@dataclass(frozen=True, slots=True)
class Passage:
    """One paragraph of the source, in runs, every quote of the question in it marked."""

    paragraph: int  # 0-based index among the source's paragraphs
    parts: tuple[PassagePart, ...]

    @property
    def quotes(self) -> tuple[str, ...]:
        """The marked runs, as the source writes them (quotes that overlap make one)."""
        return tuple(part.text for part in self.parts if part.quoted)


def paragraphs(source_text: str) -> list[str]:
    """The source's paragraphs: blocks separated by blank lines, with inner spacing collapsed
    (and letters composed, NFC, as quotes are: "Priština" is one text however an editor wrote it)."""
    blocks = re.split(r"\n\s*\n", unicodedata.normalize("NFC", source_text).strip())
    return [" ".join(block.split()) for block in blocks if block.strip()]


def _pattern(quote: str) -> re.Pattern[str]:
    """A quote as a pattern: its words in order, any spacing between, typographic quotes and
    dashes as plain ones; it starts and ends on whole words ("a" is not found in "Kosovar")."""
    quote = unicodedata.normalize("NFC", quote)
    pieces = []
    for word in quote.split():
        pieces.append("".join(_QUOTES.get(char, re.escape(char)) for char in word))
    before = r"(?<!\w)" if quote[:1].isalnum() else ""
    after = r"(?!\w)" if quote[-1:].isalnum() else ""
    return re.compile(before + r"\s+".join(pieces) + after)


def find_passages(source_text: str, quotes: Sequence[str]) -> tuple[Passage, ...]:
    """The paragraphs holding ``quotes`` (each matched like the validator does), in the source's
    order and each once, with all of the quotes in it marked.

    A quote is matched within one paragraph, at its first occurrence; one that is not found there
    (a quote that runs across a paragraph break) is left out.
    """
    texts = paragraphs(source_text)
    spans: dict[int, list[tuple[int, int]]] = {}
    for quote in quotes:
        found = locate_quote(texts, quote)
        if found is not None:
            index, span = found
            spans.setdefault(index, []).append(span)
    return tuple(Passage(index, _parts(texts[index], spans[index])) for index in sorted(spans))


def questions_per_paragraph(source_text: str, quotes_of_questions: Iterable[Sequence[str]]) -> list[int]:
    """How many questions quote each paragraph of the source (in ``paragraphs``' order), from each
    question's quotes: a question quoting a paragraph twice counts once there, and a question
    quoting several paragraphs counts in each (the class report's heat map, the review page's
    coverage)."""
    counts = [0] * len(paragraphs(source_text))
    for quotes in quotes_of_questions:
        for passage in find_passages(source_text, quotes):
            counts[passage.paragraph] += 1
    return counts


def locate_quote(texts: Sequence[str], quote: str) -> tuple[int, tuple[int, int]] | None:
    """Where ``quote`` first stands in the paragraphs ``texts``: (paragraph, span), or None.

    The one rule of what a quote is: the bank's check accepts a quote exactly when this finds it,
    so every quote a bank holds can be shown highlighted in its paragraph.
    """
    if not quote.strip():
        return None
    pattern = _pattern(quote)
    for index, text in enumerate(texts):
        match = pattern.search(text)
        if match:
            return index, match.span()
    return None


def _parts(text: str, spans: list[tuple[int, int]]) -> tuple[PassagePart, ...]:
    """``text`` cut at the spans, overlapping or touching spans merged into one marked run."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    parts = []
    position = 0
    for start, end in merged:
        if start > position:
            parts.append(PassagePart(text[position:start], quoted=False))
        parts.append(PassagePart(text[start:end], quoted=True))
        position = end
    if position < len(text):
        parts.append(PassagePart(text[position:], quoted=False))
    return tuple(parts)
