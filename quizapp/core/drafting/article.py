"""An article as the drafter reads it: its title, its credit line and its paragraphs."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_BYLINE = re.compile(r"(?i)^(?:source|by|from)\s*:?\s+(?P<credit>.+)$")
_MAX_TITLE = 200


@dataclass(frozen=True, slots=True)
class Article:
    """``paragraphs`` are the body's, each on one line as written; ``byline`` is the credit line
    ("RFE/RL, with reporting by AP") or "" when the text has none."""

    title: str
    byline: str
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        """The article as the source file beside its bank holds it: every quote is checked
        against this text, and its paragraphs are the ones ``paragraphs`` lists."""
        head = [self.title] if self.title else []
        if self.byline:
            head.append(f"Source: {self.byline}")
        return "\n\n".join([*head, *self.paragraphs]) + "\n"

    @property
    def word_count(self) -> int:
        return sum(len(paragraph.split()) for paragraph in self.paragraphs)


def read_article(text: str) -> Article:
    """The article in a plain text: its first short line is the title, a "Source: …" or
    "By …" line among the first lines the byline, and the rest its paragraphs (blocks
    separated by blank lines; a text without blank lines has a paragraph a line)."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    separator = r"\n\s*\n" if re.search(r"\n\s*\n", text.strip()) else r"\n"
    blocks = [" ".join(block.split()) for block in re.split(separator, text.strip())]
    blocks = [block for block in blocks if block]
    title = ""
    if len(blocks) > 1 and len(blocks[0]) <= _MAX_TITLE and not blocks[0].endswith((".", "?", "!")):
        title = blocks.pop(0)
    byline = ""
    for index, block in enumerate(blocks[:2]):
        found = _BYLINE.match(block)
        if found and len(block) <= _MAX_TITLE:
            byline = found["credit"].rstrip(".").strip()
            del blocks[index]
            break
    return Article(title=title, byline=byline, paragraphs=tuple(blocks))
