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
_BLOCK_START = re.compile(
    r"#{1,6}(?=\s|$)"  # a heading
    r"|[>]"  # a quote
    r"|[-+](?=\s|$)"  # a list item
    r"|[-=]+\s*$"  # a heading's underline, a rule
    r"|~{3,}"  # a fenced code block
    r"|\d{1,9}(?=[.)](?:\s|$))"  # a numbered list item: "1999." (the "." is escaped)
)


def markdown_escape(text: str) -> str:
    """``text``, taken as plain, as Markdown that shows it as written: "__init__", "1999." and
    "# of troops" stay themselves, line breaks stay line breaks (blank lines: paragraphs).
    Blanks at a line's start or end are dropped, as Markdown would not show them."""
    lines = [
        _escaped_line(line.strip()) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    out = lines[:1]
    for previous, line in itertools.pairwise(lines):
        out.append(("\\\n" if previous and line else "\n") + line)  # "\" then a line break: a hard break
    return "".join(out)


def _escaped_line(line: str) -> str:
    line = _INLINE_MARKUP.sub(lambda found: "\\" + found.group(), line)
    start = _BLOCK_START.match(line)
    if not start:
        return line
    if start.group()[:1].isdigit():
        end = start.end()
        return line[:end] + "\\" + line[end:]
    return "\\" + line
