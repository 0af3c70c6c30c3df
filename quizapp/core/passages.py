"""Find a question's quoted sentence in its source text, to show it highlighted in context."""

from __future__ import annotations

import re
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
class Passage:
    """One paragraph of the source split around the quote."""

    paragraph: int  # 0-based index among the source's paragraphs
    before: str
    quote: str
    after: str


def paragraphs(source_text: str) -> list[str]:
    """The source's paragraphs: blocks separated by blank lines, with inner spacing collapsed."""
    blocks = re.split(r"\n\s*\n", source_text.strip())
    return [" ".join(block.split()) for block in blocks if block.strip()]


def _pattern(quote: str) -> re.Pattern[str]:
    pieces = []
    for word in quote.split():
        pieces.append("".join(_QUOTES.get(char, re.escape(char)) for char in word))
    return re.compile(r"\s+".join(pieces))


def find_passage(source_text: str, quote: str) -> Passage | None:
    """The paragraph holding ``quote`` (matched like the validator does), or None."""
    if not quote.strip():
        return None
    pattern = _pattern(quote)
    for index, paragraph in enumerate(paragraphs(source_text)):
        match = pattern.search(paragraph)
        if match:
            return Passage(index, paragraph[: match.start()], match.group(0), paragraph[match.end() :])
    return None
