"""Question text to safe HTML: Markdown rendered, then sanitized with nh3, never trusted as is."""

from __future__ import annotations

import functools
import re
import secrets
from collections.abc import Callable

import nh3
from markupsafe import Markup, escape

from quizapp.core.cloze import BLANK, MARKDOWN, text_tokens

_TAGS = {"p", "em", "strong", "code", "pre", "ul", "ol", "li", "a", "blockquote", "br", "h3", "h4"}
_ATTRIBUTES = {"a": {"href", "title"}}
_MARKER_KEY = secrets.token_hex(8)  # a blank's marker is ⟦KEY:n⟧: it survives the sanitizer
_MARKER = re.compile("\u27e6" + _MARKER_KEY + r":(\d+)\u27e7")


CACHED_TEXT_LIMIT = 4_000  # characters; longer texts (rare) are rendered each time


def markdown_html(text: str) -> Markup:
    """Cached for texts of ordinary length: the same prompts and options are shown again and
    again and never change (a new version of a question is new text). The limit keeps the
    cache small whatever a teacher pastes into the editor's preview."""
    return _cached_markdown_html(text) if len(text) <= CACHED_TEXT_LIMIT else _markdown_html(text)


def _markdown_html(text: str) -> Markup:
    return Markup(_sanitized(MARKDOWN.render(text)))


def _sanitized(html: str) -> str:
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


_cached_markdown_html = functools.lru_cache(maxsize=4096)(_markdown_html)


def markdown_inline(text: str) -> Markup:
    """Markdown without the surrounding paragraph, for labels and options."""
    html = str(markdown_html(text)).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


def cloze_html(prompt: str, blank: Callable[[int], Markup]) -> Markup:
    """The cloze prompt as HTML with ``blank(n)`` (an input field) in place of each {{n}}.

    Blanks are found in the prompt's text only (core.cloze, as the bank check reads it), and
    marked there with this process's secret marker, which no teacher can type: a {{1}} or a
    look-alike in a link's title or address stays what it is, text in an attribute.
    """
    tokens = MARKDOWN.parse(prompt)
    for token in text_tokens(tokens):
        if BLANK.search(token.content):
            token.type, token.content = "html_inline", _marked(token.content)
    html = _sanitized(MARKDOWN.renderer.render(tokens, MARKDOWN.options, {}))
    return Markup(_MARKER.sub(lambda found: str(blank(int(found.group(1)))), html))


def _marked(text: str) -> str:
    """Text, HTML-escaped as the renderer would, with a marker for each blank."""
    pieces = BLANK.split(text)  # text, number, text, number, ..., text
    return "".join(
        f"\u27e6{_MARKER_KEY}:{piece}\u27e7" if index % 2 else str(escape(piece))
        for index, piece in enumerate(pieces)
    )
