"""Question text to safe HTML, and the cache in front of it."""

from quizapp.services import rendering
from quizapp.services.rendering import CACHED_TEXT_LIMIT, markdown_html, markdown_inline


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


def _input(number: int):
    from markupsafe import Markup

    return Markup(f'<input name="blank_{number}">')


def test_a_blank_is_an_input_only_where_the_prompt_has_text():
    from quizapp.services.rendering import cloze_html

    html = str(cloze_html('See [the *{{1}}* page](http://example.com "a title") and **{{2}}**.', _input))
    assert html == (
        '<p>See <a href="http://example.com" title="a title" rel="noopener noreferrer">the <em>'
        '<input name="blank_1"></em> page</a> and <strong><input name="blank_2"></strong>.</p>\n'
    )
    for elsewhere in (
        '[link](http://example.com "{{1}}")',
        "[link](http://example.com/{{1}})",
        "<http://example.com/{{1}}>",
        "`{{1}}`",
        "    {{1}}",
        "![{{1}}](http://example.com/a.png)",
    ):
        assert "<input" not in str(cloze_html(elsewhere, _input)), elsewhere


def test_text_that_looks_like_the_renderers_own_marker_is_just_text():
    from quizapp.services.rendering import cloze_html

    html = str(cloze_html('[x](http://e.com "\u27e61\u27e7") \u27e61\u27e7 {{1}}', _input))
    assert html.count("<input") == 1 and 'title="\u27e61\u27e7"' in html
