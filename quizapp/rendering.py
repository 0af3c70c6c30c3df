"""Question text to safe HTML: Markdown rendered, then sanitized with nh3, never trusted as is."""

from __future__ import annotations

import functools
from collections.abc import Callable

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from .core.presentation import split_cloze

_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_TAGS = {"p", "em", "strong", "code", "pre", "ul", "ol", "li", "a", "blockquote", "br", "h3", "h4"}
_ATTRIBUTES = {"a": {"href", "title"}}
_BLANK_TOKEN = "\u27e6{}\u27e7"  # ⟦n⟧: survives Markdown and the sanitizer untouched


CACHED_TEXT_LIMIT = 4_000  # characters; longer texts (rare) are rendered each time


def markdown_html(text: str) -> Markup:
    """Cached for texts of ordinary length: the same prompts and options are shown again and
    again and never change (a new version of a question is new text). The limit keeps the
    cache small whatever a teacher pastes into the editor's preview."""
    return _cached_markdown_html(text) if len(text) <= CACHED_TEXT_LIMIT else _markdown_html(text)


def _markdown_html(text: str) -> Markup:
    html = _MARKDOWN.render(text)
    clean = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return Markup(clean)


_cached_markdown_html = functools.lru_cache(maxsize=4096)(_markdown_html)


def markdown_inline(text: str) -> Markup:
    """Markdown without the surrounding paragraph, for labels and options."""
    html = str(markdown_html(text)).strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


def cloze_html(prompt: str, blank: Callable[[int], Markup]) -> Markup:
    """The cloze prompt as HTML with ``blank(n)`` (an input field) in place of each {{n}}."""
    tokenized = "".join(
        _BLANK_TOKEN.format(part) if isinstance(part, int) else part for part in split_cloze(prompt)
    )
    html = str(markdown_html(tokenized))
    for part in split_cloze(prompt):
        if isinstance(part, int):
            html = html.replace(_BLANK_TOKEN.format(part), str(blank(part)), 1)
    return Markup(html)


def cloze_text(prompt: str) -> Markup:
    """The cloze prompt with numbered gaps, for reviews and answer keys."""
    return cloze_html(prompt, lambda n: Markup(f'<span class="gap">({n})&nbsp;____</span>'))


def highlight(before: str, quote: str, after: str) -> Markup:
    return Markup("{}<mark>{}</mark>{}").format(escape(before), escape(quote), escape(after))
