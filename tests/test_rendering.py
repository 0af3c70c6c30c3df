"""Question text to safe HTML, and the cache in front of it."""

from quizapp import rendering
from quizapp.rendering import CACHED_TEXT_LIMIT, markdown_html, markdown_inline


def test_markdown_is_rendered_and_sanitized_whatever_its_length():
    unsafe = "**Bold** <script>alert(1)</script> [link](javascript:alert(1))"
    short = str(markdown_html(unsafe))
    long = str(markdown_html(unsafe + " x" * CACHED_TEXT_LIMIT))
    for html in (short, long):
        assert "<strong>Bold</strong>" in html
        assert "<script" not in html and "&lt;script&gt;" in html and 'href="javascript' not in html
    assert str(markdown_inline("*one* line")) == "<em>one</em> line"


def test_only_texts_of_ordinary_length_are_cached():
    rendering._cached_markdown_html.cache_clear()
    markdown_html("a prompt")
    markdown_html("a prompt")
    assert rendering._cached_markdown_html.cache_info().hits == 1
    before = rendering._cached_markdown_html.cache_info().currsize
    markdown_html("x" * (CACHED_TEXT_LIMIT + 1))
    assert rendering._cached_markdown_html.cache_info().currsize == before
