"""Plain text put into a Markdown field shows as written (issue 16, item 11)."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.core.cloze import MARKDOWN
from quizapp.core.markdown_text import escape_inline, escape_line_start, markdown_escape


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
        ("-- -", "\\-- -"),  # a rule, as "---" is
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


# From the Quizlet import's tests: what a reader sees, line breaks and any text


def seen_flat(markdown: str) -> str:
    """The text a reader sees: the rendered HTML without its tags, blanks collapsed."""
    rendered = MARKDOWN.render(markdown)
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", rendered)).split())


def test_the_escaped_text_renders_as_written_with_its_line_breaks():
    rendered = MARKDOWN.render(markdown_escape("__init__\n1999. the year\n# of troops"))
    assert rendered == "<p>__init__<br />\n1999. the year<br />\n# of troops</p>\n"


_TEXT = st.lists(
    st.sampled_from([*"ab 1.)#*_-+=>~`[]()<>&;!\\|{}:\n\t", "&amp;", "&#35;", "http://x", "    "]),
    max_size=30,
).map("".join)


@given(_TEXT)
def test_any_text_escaped_shows_exactly_its_own_characters(text):
    assert seen_flat(markdown_escape(text)) == " ".join(text.split())


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(["&", "<", "!", "[", "a", "copy;", "#169;", "https:", "//e.org", "a@b", ">", " "])
        ).map("".join),
        max_size=5,
    )
)
def test_pieces_escaped_apart_show_as_written_when_joined(pieces):
    """Text escaped in pieces (HTML's text between its tags) shows as written side by side,
    whatever entity, autolink or image the pieces would make together."""
    joined = escape_line_start("".join(escape_inline(piece, alone=False) for piece in pieces).strip())
    assert shown(joined) == "".join(pieces).strip()
