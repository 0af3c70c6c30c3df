"""Plain text put into a Markdown field shows as written (issue 16, item 11)."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.core.cloze import MARKDOWN
from quizapp.core.interchange.common import markdown_escape


def shown(markdown: str) -> str:
    """What a reader sees of rendered Markdown: its text, a line break as a new line."""
    rendered = re.sub(r"<br />\n?|</p>\s*<p>", "\n", MARKDOWN.render(markdown))
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("__init__", "\\_\\_init\\_\\_"),
        ("1999.", "1999\\."),
        ("1) first", "1\\) first"),
        ("# of troops", "\\# of troops"),
        ("#hashtag", "#hashtag"),
        ("> quoted", "\\> quoted"),
        ("- item", "\\- item"),
        ("-5 degrees", "-5 degrees"),
        ("===", "\\==="),
        ("~~~", "\\~~~"),
        ("*args and `code` [link](x)", "\\*args and \\`code\\` \\[link\\](x)"),
        ("C:\\new", "C:\\\\new"),
        ("AT&amp;T & co", "AT\\&amp;T & co"),
        ("<https://example.org> <b>", "\\<https://example.org> <b>"),
        ("Kosovo's acting President", "Kosovo's acting President"),
        ("first\nsecond\n\nnew paragraph", "first\\\nsecond\n\nnew paragraph"),
    ],
)
def test_markup_characters_are_escaped_and_only_those(text, escaped):
    assert markdown_escape(text) == escaped
    assert shown(markdown_escape(text)) == "\n".join(line for line in text.split("\n") if line)


_PIECES = st.sampled_from(
    [
        *"ab1 9.)#*_-+=>~`\\[]()!<>&;:@{}|\n\t'\"é",
        "&amp;",
        "&#35;",
        "http:",
        "1999.",
        "__",
        "```",
        "<b>",
        "    ",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join) | st.text(max_size=40))
def test_any_text_shows_as_written(text):
    """Rendered, the escaped text reads as the text did (Markdown drops blanks at a line's
    start and end, and a NUL becomes the replacement character)."""
    text = text.replace("\x00", "\ufffd")

    def words(value: str) -> list[str]:
        return value.split()

    assert words(shown(markdown_escape(text))) == words(text)
