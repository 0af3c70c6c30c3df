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


def test_a_study_card_back_shows_a_typed_answer_as_written():
    from quizapp.core.decks import deck_cards
    from tests.core.yaml_banks import bank_from

    bank = bank_from(r"""
        title: T
        questions:
          - {id: init, type: short, prompt: Python's constructor?, accept: [__init__]}
          - {id: star, type: short, prompt: Extra positional arguments?, accept: ['\*args']}
          - {id: year, type: cloze, prompt: "Began in {{1}}", blanks: [["1999."]]}
          - {id: two, type: cloze, prompt: "{{1}} and {{2}}", blanks: [[__init__], ["# of troops"]]}
    """)
    backs = [str(markdown_html(card.back)) for card in deck_cards(bank)]
    assert backs == [
        "<p>__init__</p>\n",
        "<p>*args</p>\n",
        "<p>1999.</p>\n",
        "<ul>\n<li>(1) __init__</li>\n<li>(2) # of troops</li>\n</ul>\n",
    ]
