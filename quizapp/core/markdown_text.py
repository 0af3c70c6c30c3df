"""Plain text in a Markdown field: ``markdown_escape`` makes it show as written.

A bank's prompts, choices, cards and explanations are Markdown; text that is plain where it comes
from (a typed answer, a Quizlet term, a GIFT field marked [plain]) is escaped where it enters one.
"""

from __future__ import annotations

import itertools
import re

# Plain text in a Markdown field (issue 16): each character that CommonMark could read as markup
# is escaped with a backslash, so the text shows as written. Inline: backslash, `*_[]` and the
# backtick always, "&" only where it would start an entity (&amp;), "<" only where it would start
# an autolink (<https://...>); at a line's start only what would begin a block there.
_INLINE_MARKUP = re.compile(
    r"[\\`*_\[\]]|&(?=#?[A-Za-z0-9]+;)|<(?=[A-Za-z][A-Za-z0-9+.\-]{1,31}:|[^\s<>@]+@)"
)
# A piece of a line (see escape_inline): also where what follows the piece may complete it.
_PIECE_MARKUP = re.compile(
    r"[\\`*_\[\]]|&(?=#?[A-Za-z0-9]*(?:;|$))|<(?=[A-Za-z][A-Za-z0-9+.\-]{1,31}:|[^\s<>@]+@|[^\s<>]*$)|!$"
)
_BLOCK_START = re.compile(
    r"#{1,6}(?=\s|$)"  # a heading
    r"|[>]"  # a quote
    r"|[-+](?=\s|$)"  # a list item
    r"|[-=]+\s*$"  # a heading's underline, a rule
    r"|(?:-[ \t]*){3,}$"  # a rule with blanks inside ("-- -")
    r"|~{3,}"  # a fenced code block
    r"|\d{1,9}(?=[.)](?:\s|$))"  # a numbered list item: "1999." (the "." is escaped)
)


def markdown_escape(text: str) -> str:
    """``text``, taken as plain, as Markdown that shows it as written: "__init__", "1999." and
    "# of troops" stay themselves, line breaks stay line breaks (blank lines: paragraphs).
    Blanks at a line's start or end are dropped, as Markdown would not show them."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return join_lines([escape_line_start(escape_inline(line.strip())) for line in lines])


def join_lines(lines: list[str]) -> str:
    """Lines of Markdown as lines: each break a hard break, an empty line a paragraph break."""
    out = lines[:1]
    for previous, line in itertools.pairwise(lines):
        out.append(("\\\n" if previous and line else "\n") + line)  # "\" then a line break: a hard break
    return "".join(out)


def escape_inline(text: str, alone: bool = True) -> str:
    """Text with each character that could be inline markup escaped (see above). Not ``alone``:
    a piece of a line that other Markdown stands beside (HTML's text between its tags), where
    what follows may complete an entity or autolink or make a "!" an image's: "&" and "<" are
    also escaped where the piece's end may be in the middle of one, and a "!" at its end."""
    pattern = _INLINE_MARKUP if alone else _PIECE_MARKUP
    return pattern.sub(lambda found: "\\" + found.group(), text)


def escape_line_start(line: str) -> str:
    """A line of Markdown, escaped where its start would begin a block (a heading, "1999.")."""
    start = _BLOCK_START.match(line)
    if not start:
        return line
    if start.group()[:1].isdigit():
        end = start.end()
        return line[:end] + "\\" + line[end:]
    return "\\" + line
