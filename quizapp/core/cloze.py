"""Where a cloze prompt's blanks stand: only in its text, never in a link, code or an image.

A prompt is Markdown. A ``{{1}}`` inside a link's address or title, a code span or block, or an
image's description is not text a student reads, so no input can stand there (put into a title,
it broke the page). The bank check reports such blanks, and the page renders blanks from the
same reading of the prompt (``text_parts``), so the two cannot disagree.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token

# A blank's number has at most MAX_BLANK_DIGITS digits: no prompt has 10,000 blanks, and int()
# of a 5,000-digit one is refused (it failed the bank check and the editor with a 500).
MAX_BLANK_DIGITS = 4
BLANK = re.compile(r"\{\{\s*(\d{1,4})\s*\}\}")
LONG_BLANK = re.compile(r"\{\{\s*(\d{5,})\s*\}\}")

# The one Markdown reading of question text: quizapp.services.rendering renders with it too.
MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


def text_tokens(tokens: list[Token]) -> Iterator[Token]:
    """The inline tokens a reader sees as text: not code, not an image's description, not the
    address an autolink (<http://...>) shows as its text."""
    for block in tokens:
        in_autolink = False
        for token in block.children or ():
            if token.type == "link_open":
                in_autolink = token.markup == "autolink"
            elif token.type == "link_close":
                in_autolink = False
            elif token.type == "text" and not in_autolink:
                yield token


def blanks_in_text(prompt: str) -> list[int]:
    """The numbers of the blanks that stand in the prompt's text, in order."""
    tokens = MARKDOWN.parse(prompt)
    return [int(n) for token in text_tokens(tokens) for n in BLANK.findall(token.content)]


def overlong_blanks(prompt: str) -> list[str]:
    """The would-be blanks whose number has too many digits to be one, as written (a long number
    shortened, for a message)."""
    return [
        "{{" + (digits if len(digits) <= 12 else digits[:8] + "…") + "}}"
        for digits in LONG_BLANK.findall(prompt)
    ]


def misplaced_blanks(prompt: str) -> list[tuple[int, str]]:
    """Each blank written outside the text, with where it is (for the check's message)."""
    elsewhere = Counter(int(n) for n in BLANK.findall(prompt)) - Counter(blanks_in_text(prompt))
    if not elsewhere:
        return []
    places: list[tuple[int, str]] = []
    for number in sorted(elsewhere):
        places.append((number, _place(prompt, number)))
    return places


def reads_as_blanks(prompt: str, count: int) -> bool:
    """Whether the prompt holds blanks {{1}} to {{count}}, each once, in its text, and no other
    (what the bank check asks of a cloze prompt): an importer builds its prompt from text that may
    hold a literal "{{2}}" or put a blank inside a link, and must not write a bank that fails."""
    return (
        not overlong_blanks(prompt)
        and not misplaced_blanks(prompt)
        and sorted(blanks_in_text(prompt)) == list(range(1, count + 1))
    )


def _place(prompt: str, number: int) -> str:
    for block in MARKDOWN.parse(prompt):
        if block.type in ("code_block", "fence") and _has(block.content, number):
            return "code"
        for token in block.children or ():
            if token.type == "code_inline" and _has(token.content, number):
                return "code"
            if token.type == "image" and _has(token.content, number):
                return "an image"
    return "a link's address or title"


def _has(text: str, number: int) -> bool:
    return any(int(n) == number for n in BLANK.findall(text))
