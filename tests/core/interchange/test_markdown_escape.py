"""Plain text escaped for Markdown shows as written (issue 16, item 11)."""

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizapp.core.cloze import MARKDOWN
from quizapp.core.interchange.common import markdown_escape


def shown(markdown: str) -> str:
    """The text a reader sees: the rendered HTML without its tags, blanks collapsed."""
    rendered = MARKDOWN.render(markdown)
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", rendered)).split())


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("__init__", "\\_\\_init\\_\\_"),
        ("1999.", "1999\\."),
        ("1) first", "1\\) first"),
        ("# of troops", "\\# of troops"),
        ("*args and **kwargs", "\\*args and \\*\\*kwargs"),
        ("> quoted", "\\> quoted"),
        ("- item", "\\- item"),
        ("`code`", "\\`code\\`"),
        ("[a](http://x) <http://y>", "\\[a\\](http://x) \\<http://y>"),
        ("AT&amp;T & co", "AT\\&amp;T & co"),
        ("C:\\new", "C:\\\\new"),
        ("    indented code", "indented code"),
        ("one\ntwo", "one\\\ntwo"),
        ("one\n\ntwo", "one\n\ntwo"),
        ("one\r\n===", "one\\\n\\==="),
        ("plain words, 3,400 troops", "plain words, 3,400 troops"),
    ],
)
def test_markdown_syntax_in_plain_text_is_escaped(text, escaped):
    assert markdown_escape(text) == escaped


def test_the_escaped_text_renders_as_written_with_its_line_breaks():
    rendered = MARKDOWN.render(markdown_escape("__init__\n1999. the year\n# of troops"))
    assert rendered == "<p>__init__<br />\n1999. the year<br />\n# of troops</p>\n"


_TEXT = st.lists(
    st.sampled_from([*"ab 1.)#*_-+=>~`[]()<>&;!\\|{}:\n\t", "&amp;", "&#35;", "http://x", "    "]),
    max_size=30,
).map("".join)


@given(_TEXT)
def test_any_text_escaped_shows_exactly_its_own_characters(text):
    assert shown(markdown_escape(text)) == " ".join(text.split())
