"""An article as the drafter reads it: its title, its credit line and its paragraphs."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_BYLINE = re.compile(r"(?i)^(?:source|by|from)\s*:?\s+(?P<credit>.+)$")
_MAX_TITLE = 200
_CREDIT = "Source: "


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
            head.append(f"{_CREDIT}{self.byline}")
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
    if (
        len(blocks) > 1
        and len(blocks[0]) <= _MAX_TITLE
        and not blocks[0].endswith((".", "?", "!"))
        and not _BYLINE.match(blocks[0])  # a text that starts with its credit line has no title
    ):
        title = blocks.pop(0)
    byline = ""
    for index, block in enumerate(blocks[:2]):
        found = _BYLINE.match(block)
        if found and len(block) <= _MAX_TITLE:
            byline = found["credit"].rstrip(".").strip()
            del blocks[index]
            break
    return Article(title=title, byline=byline, paragraphs=tuple(blocks))


def heading_of(index: int, paragraph: str, title: str) -> str:
    """What the ``index``-th paragraph of a source text is when it is not the body: "the title"
    or "the credit line", as ``Article.text`` writes them first (else ""), so that a page does
    not count them among the paragraphs that questions should ask about."""
    if index == 0 and title and " ".join(paragraph.split()) == " ".join(title.split()):
        return "the title"
    if index <= 1 and paragraph.startswith(_CREDIT):
        return "the credit line"
    return ""
