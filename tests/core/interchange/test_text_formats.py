"""Each GIFT format marker (and Anki's HTML) reaches the page as its author meant it (issue 16,
items 3, 5 and 11): asserted on the HTML the app shows (services.rendering.markdown_html)."""

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.common.utils import escapeHtml

from quizapp.core.interchange.gift import read_gift
from quizapp.core.interchange.html_text import html_to_markdown
from quizapp.services.rendering import markdown_html


def _shown(gift_prompt: str) -> str:
    """The HTML of a one-question GIFT file's prompt, as a student sees it."""
    imported = read_gift(f"::q::{gift_prompt}{{T}}")
    assert imported.skipped == []
    return str(markdown_html(imported.questions[0]["prompt"])).strip()


@pytest.mark.parametrize(
    ("gift", "html"),
    [
        ("Is __init__ a name?", "<p>Is __init__ a name?</p>"),  # not bold "init"
        ("1999. was the year", "<p>1999. was the year</p>"),  # not a numbered list
        ("# of troops", "<p># of troops</p>"),  # not a heading
        ("The file C:\\\\new", "<p>The file C:\\new</p>"),  # GIFT's "\\" is one backslash
        ("Line one\\nline two", "<p>Line one<br>\nline two</p>"),  # GIFT's "\n": a line break
        ("a *b* <b>c</b> [x](y)", "<p>a *b* &lt;b&gt;c&lt;/b&gt; [x](y)</p>"),
        ("[moodle]__init__ and 1999.", "<p>__init__ and 1999.</p>"),
        ("[plain]# of troops\\n1999. *", "<p># of troops<br>\n1999. *</p>"),
        ("[markdown]**bold** and __init__", "<p><strong>bold</strong> and <strong>init</strong></p>"),
        ("[markdown]1. one\\n2. two", "<ol>\n<li>one</li>\n<li>two</li>\n</ol>"),
        ("[html]<b>bold</b> and <i>it</i>", "<p><strong>bold</strong> and <em>it</em></p>"),
        (
            '[html]see <a href\\="https\\://example.org/a?b&amp;c">here</a>',
            '<p>see <a href="https://example.org/a?b&amp;c" rel="noopener noreferrer">here</a></p>',
        ),
        ('[html]<a href\\="javascript\\:alert(1)">click</a>', "<p>click</p>"),
        ("[html]<script>alert(1)</script>safe", "<p>safe</p>"),
        ("[html]&lt;b&gt; is a tag; __init__ 1999.", "<p>&lt;b&gt; is a tag; __init__ 1999.</p>"),
        ("[html]<p>1999. was</p><p># of troops</p>", "<p>1999. was</p>\n<p># of troops</p>"),
        ("[html]one<br>two<div>three</div>", "<p>one<br>\ntwo<br>\nthree</p>"),
        ("[html]<code>a*b</code> <span>x</span>", "<p><code>a*b</code> x</p>"),
        (
            "[html]<ul><li>a</li><li><b>b</b></li></ul>",
            "<ul>\n<li>a</li>\n<li><strong>b</strong></li>\n</ul>",
        ),
        ("[html]<h1>Title</h1>C:\\\\new", "<p>Title<br>\nC:\\new</p>"),
    ],
)
def test_each_format_marker_shows_what_the_author_meant(gift, html):
    assert _shown(gift) == html


def test_the_question_texts_marker_is_every_fields_format():
    imported = read_gift("::q::[html]<b>Pick</b>{=<i>one</i>#<b>yes</b> ~two ####<p>1999. ok</p>}")
    question = imported.questions[0]
    assert question["prompt"] == "**Pick**"
    assert question["choices"] == [{"text": "*one*", "feedback": "**yes**"}, "two"]
    assert str(markdown_html(question["explanation"])).strip() == "<p>1999. ok</p>"
    plain = read_gift("::q::Pick{=__one__#1999. yes ~two}").questions[0]
    assert [
        str(markdown_html(c["text"] if isinstance(c, dict) else c)).strip() for c in plain["choices"]
    ] == [
        "<p>__one__</p>",
        "<p>two</p>",
    ]
    assert str(markdown_html(plain["choices"][0]["feedback"])).strip() == "<p>1999. yes</p>"


def test_html_media_and_dropped_links_are_noted_kept_links_are_not():
    assert html_to_markdown('<img src="a.png"> <audio src="b.mp3"></audio> hi').lost == ["an image", "audio"]
    assert html_to_markdown('<a href="javascript:x()">click</a>').lost == ["a link"]
    assert html_to_markdown('<a href="mailto:a@b.org">mail</a>').lost == []
    notes = read_gift('::q::[html]<a href\\="ftp\\://x">file</a> <img src\\="x.png">{T}').notes
    assert [note.text for note in notes] == [
        "the question text: a link and an image in its HTML is not kept (only the text is)"
    ]


_HTML_TEXT = st.lists(
    st.one_of(
        st.characters(min_codepoint=32, max_codepoint=0x7E),
        st.sampled_from(
            [
                *(
                    "__",
                    "1999.",
                    "# ",
                    "- ",
                    "\\",
                    "&amp;",
                    "&lt;b&gt;",
                    "*a*",
                    "[x](y)",
                    "`",
                    "  ",
                    "!",
                    "&",
                    "<",
                ),
                # an entity or autolink split across tags: "&" then <b>copy;</b>, "<" then <b>https://...
                *("copy;", "#169;", "amp", "https://e.org", "mailto:a", "a@b.org", ">", "!["),
            ]
        ),
    ),
    min_size=1,
    max_size=20,
).map("".join)


def _visible(shown: str) -> str:
    return "".join(html.unescape(re.sub(r"<[^>]*>", "", shown)).split())


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["", "b", "i", "code", "p", "div", "li", "a"]), _HTML_TEXT), max_size=4
    )
)
def test_any_html_text_shows_as_written(parts):
    """Whatever the text inside the kept tags, the page shows that text, with no markup of its own."""
    markup = "".join(
        '<a href="https://e.org/">' + escapeHtml(text) + "</a>"
        if tag == "a"
        else f"<{tag}>{escapeHtml(text)}</{tag}>"
        if tag
        else escapeHtml(text)
        for tag, text in parts
    )
    shown = str(markdown_html(html_to_markdown(markup).markdown))
    assert {tag.lower() for tag in re.findall(r"</?([a-zA-Z0-9]+)", shown)} <= {
        "p",
        "strong",
        "em",
        "code",
        "br",
        "a",
    }
    assert all(link == "https://e.org/" for link in re.findall(r'href="([^"]*)"', shown))
    assert _visible(shown) == "".join("".join(text for _, text in parts).split())


def test_emphasis_commonmark_cannot_read_is_left_out_not_shown_as_asterisks():
    assert str(markdown_html(html_to_markdown("<b>0</b><b>1</b>").markdown)).strip() == "<p>01</p>"
    assert str(markdown_html(html_to_markdown('x<b>"y"</b>z').markdown)).strip() == '<p>x"y"z</p>'
    assert html_to_markdown("<b>bold</b> text").markdown == "**bold** text"


def test_a_pairs_right_side_is_plain_text_unless_the_question_is_markdown():
    pairs = read_gift("::q::Match.{=a -> __init__ =b -> 1999.}").questions[0]["pairs"]
    assert [pair["right"] for pair in pairs] == ["\\_\\_init\\_\\_", "1999\\."]
    pairs = read_gift("::q::[markdown]Match.{=a -> **x** =b -> y}").questions[0]["pairs"]
    assert [pair["right"] for pair in pairs] == ["**x**", "y"]


@pytest.mark.parametrize(
    ("markup", "html"),
    [
        # a "!" before a link is text, not an image's
        (
            'Wow!<a href="https://e.org">see this</a>',
            '<p>Wow!<a href="https://e.org" rel="noopener noreferrer">see this</a></p>',
        ),
        # an entity or an autolink split across tags shows as written
        ("<b>AT&amp;T uses &amp;<b>copy;</b></b>", "<p><strong>AT&amp;T uses &amp;copy;</strong></p>"),
        (
            "<b>Type &lt;<b>https://e.org</b>&gt; here</b>",
            "<p><strong>Type &lt;https://e.org&gt; here</strong></p>",
        ),
        ("mail &lt;<i>a@b.org</i>&gt;", "<p>mail &lt;<em>a@b.org</em>&gt;</p>"),
        ("a &amp; b &lt; c", "<p>a &amp; b &lt; c</p>"),
        # a link's address with a line break or blanks: as a browser reads it, not shown raw
        ('<a href="http://x&#10;y">z</a>', '<p><a href="http://xy" rel="noopener noreferrer">z</a></p>'),
        (
            '<a href=" https://e.org/a b ">z</a>',
            '<p><a href="https://e.org/a%20b" rel="noopener noreferrer">z</a></p>',
        ),
    ],
)
def test_html_pieces_show_as_written_whatever_stands_beside_them(markup, html):
    assert str(markdown_html(html_to_markdown(markup).markdown)).strip() == html


@pytest.mark.parametrize(
    "markup",
    [
        "<ul><li>" * 1000 + "deep",
        "<b>" * 1000 + "deep",
        "<div>" * 1000 + "deep" + "</div>" * 1000,
        "<ol><li><b>" * 1000 + "deep",
    ],
)
def test_html_nested_1000_deep_keeps_its_text_and_says_its_formatting_is_not_kept(markup):
    converted = html_to_markdown(f"top {markup} <b>end</b>")
    assert converted.lost == ["formatting nested more than 16 tags deep"]
    assert _visible(str(markdown_html(converted.markdown))) == "topdeepend"


def test_html_nested_up_to_the_limit_keeps_its_formatting():
    converted = html_to_markdown("<div>" * 15 + "<b>bold</b>" + "</div>" * 15)  # 16 tags deep
    assert converted.lost == []
    assert str(markdown_html(converted.markdown)).strip() == "<p><strong>bold</strong></p>"
    converted = html_to_markdown("<div>" * 16 + "<b>bold</b>" + "</div>" * 16)
    assert converted.lost == ["formatting nested more than 16 tags deep"]
    assert str(markdown_html(converted.markdown)).strip() == "<p>bold</p>"


def test_html_far_longer_than_a_field_is_read_as_its_text_and_noted():
    converted = html_to_markdown("<b>x</b> " * 25_000)
    assert converted.lost == ["the formatting of HTML longer than 200,000 characters"]
    assert converted.markdown == " ".join(["x"] * 25_000)
    notes = read_gift("::q::[html]" + "<b>x</b> " * 25_000 + "{T}").notes
    assert [note.text for note in notes] == [
        "the question text: the formatting of HTML longer than 200,000 characters in its HTML is not kept"
        " (only the text is)"
    ]
