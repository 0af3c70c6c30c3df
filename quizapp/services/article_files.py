"""An article from a file a teacher brings: a .txt or .md file, or a saved web page (.html,
.htm) whose main text is extracted with trafilatura, menus, scripts, ads and footers left out.

Nothing of a page is ever shown as HTML: only the extracted text goes on (to the drafter, the
bank's source file, and pages that show it escaped). Every refusal is an ``ArticleRefused``
(core/drafting/article_input.py) with a message for the teacher; the checks of the text
(empty, too short, not English) are ``checked_article``'s.
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import Any

from quizapp.core.drafting.article import Article, read_article
from quizapp.core.drafting.article_input import (
    ArticleRefused,
    checked_article,
    decode_article,
    markdown_article,
    pasted_article,
)

MAX_ARTICLE_BYTES = 2 * 1024 * 1024  # 2 MB: a long article is 100 KB; a page saved with its scripts, 1 MB
TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES


def read_article_file(path: Path) -> Article:
    """The article in the file at ``path``; its size is looked at before a byte is read."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ArticleRefused(f"{path.name} cannot be read: {exc.strerror or exc}") from None
    _check_size(path.name, size)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleRefused(f"{path.name} cannot be read: {exc.strerror or exc}") from None
    return article_from_upload(path.name, data)


def article_from_upload(file_name: str, data: bytes) -> Article:
    """The article in an uploaded file's bytes, read by the file's kind (its name's ending)."""
    name = PurePath(file_name).name or "the file"
    _check_size(name, len(data))
    suffix = PurePath(name).suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        kinds = ", ".join(ARTICLE_SUFFIXES)
        raise ArticleRefused(
            f"{name}: an article is read from a file ending in {kinds}, not '{suffix or name}'"
        )
    text = decode_article(data, name)
    if not text.strip():
        raise ArticleRefused(f"{name} is empty: there is no article to draft from")
    if suffix in HTML_SUFFIXES:
        return checked_article(html_article(text, name), name)
    if suffix in MARKDOWN_SUFFIXES:
        return checked_article(markdown_article(text), name)
    return checked_article(read_article(text), name)


def article_from_paste(text: str) -> Article:
    """The article in a pasted text (checked as a file's is)."""
    _check_size("the pasted text", len(text.encode("utf-8")))
    return pasted_article(text)


# The most tags a saved page may have: trafilatura took 7.5 s for 10,000 tags in one paragraph
# and a minute for 20,000 (the attack review); a saved news page has a few thousand.
MAX_HTML_TAGS = 12_000


def html_article(html: str, name: str = "the page") -> Article:
    """The article of a saved web page: its main text (trafilatura), its title, and its byline
    from the page's site name and author. ``ArticleRefused`` when the page has no main text (a
    page of menus and scripts, a search result, a page that needs JavaScript)."""
    import trafilatura  # here, not at the top: it takes half a second to import, for this alone

    if html.count("<") > MAX_HTML_TAGS:  # trafilatura's time grows faster than the tags
        raise ArticleRefused(
            f"{name} has more than {MAX_HTML_TAGS:,} tags, too many to find its article in: copy "
            "the article's text and paste it"
        )

    document: Any = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
    )
    body = str(getattr(document, "text", "") or "").strip() if document is not None else ""
    if not body:
        raise ArticleRefused(
            f"{name} holds no article text (only menus, scripts or links): save the article's own "
            "page, or copy its text and paste it"
        )
    title = " ".join(str(getattr(document, "title", "") or "").split())
    author = " ".join(str(getattr(document, "author", "") or "").split())
    site = " ".join(str(getattr(document, "sitename", "") or "").split())
    byline = ", ".join(part for part in (site, f"by {author}" if author and author != site else "") if part)
    paragraphs = [" ".join(line.split()) for line in body.splitlines()]
    paragraphs = [line for line in paragraphs if line]
    # the page's heading and byline, when the text repeats them at its start
    while paragraphs and (
        paragraphs[0] == title
        or (author and paragraphs[0].lower() in (author.lower(), f"by {author}".lower()))
    ):
        paragraphs.pop(0)
    return Article(title=title, byline=byline, paragraphs=tuple(paragraphs))


def _check_size(name: str, size: int) -> None:
    if size > MAX_ARTICLE_BYTES:
        raise ArticleRefused(
            f"{name} is {size / 1_000_000:.1f} MB: an article may be at most "
            f"{MAX_ARTICLE_BYTES // (1024 * 1024)} MB (save the article alone, without its page's pictures)"
        )


__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_ARTICLE_BYTES",
    "ArticleRefused",
    "article_from_paste",
    "article_from_upload",
    "html_article",
    "read_article_file",
]
