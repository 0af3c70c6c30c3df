"""The stylesheet's blocks are closed. A browser closes an unclosed block at the end of the file
without a word, so a lost ``}`` (a merge can drop one) silently swallows every rule after it into
the block above: in issue 17 an unclosed ``@keyframes`` took the drag-and-drop, flashcard and
password-slip styles with it, and every page still loaded."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parents[2] / "quizapp" / "static"
# comments and quoted strings hold braces that are not blocks
NOT_BLOCKS = re.compile(r"/\*.*?\*/|\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'", re.S)


def unbalanced_braces(css: str) -> list[str]:
    """Where the blocks of ``css`` do not close: a ``}`` with no block open, or each block
    still open at the end (by the line it opened on)."""
    problems, opened = [], []
    text = NOT_BLOCKS.sub(lambda match: re.sub(r"[^\n]", " ", match.group()), css)
    for number, line in enumerate(text.splitlines(), start=1):
        for character in line:
            if character == "{":
                opened.append(number)
            elif character == "}":
                if not opened:
                    problems.append(f"line {number}: '}}' closes no block")
                else:
                    opened.pop()
    problems += [f"line {number}: '{{' is never closed" for number in opened]
    return problems


def test_the_check_finds_an_unclosed_block_and_a_stray_brace():
    assert unbalanced_braces("a { b: c; }\n@keyframes k {\n  0% { x: y; }\n") == [
        "line 2: '{' is never closed"
    ]
    assert unbalanced_braces("a { b: c; }\n}\n") == ["line 2: '}' closes no block"]
    assert unbalanced_braces('a::before { content: "{"; } /* } */\n') == []


@pytest.mark.parametrize("sheet", sorted(STATIC.glob("*.css")), ids=lambda path: path.name)
def test_every_block_of_the_stylesheet_is_closed(sheet):
    assert unbalanced_braces(sheet.read_text(encoding="utf-8")) == []
