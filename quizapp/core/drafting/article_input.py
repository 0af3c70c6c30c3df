"""An article's text as a teacher brings it (pasted, a .txt or .md file), read and checked
before the drafter sees it. Pure; the saved web page's extraction is services/article_files.py.

Each refusal is an ``ArticleRefused`` whose message says what is wrong and what to do, for the
pages and the command alike; nothing is drafted (and no bank written) from a refused text.
"""

from __future__ import annotations

import re
import unicodedata

from markdown_it import MarkdownIt
from markdown_it.token import Token

from quizapp.core.drafting.article import Article, read_article

MIN_WORDS = 40  # fewer is a paragraph, not an article: too little to draft a bank from
# The longest article drafted: the drafter's time grows faster than the text where sentences are
# long or full of numbers (benchmarks/drafting.py measures 10,000 words of news), and one request
# must not hold a worker for minutes. A book chapter is drafted a part at a time.
MAX_WORDS = 12_000
# The share of words of an English text that are among the very common words below: about 40%
# in news reports (the Kosovo article: 44%); under 2% in French, German or Albanian prose
MIN_ENGLISH_SHARE = 0.15
_JUDGED_FROM_WORDS = 30  # fewer words tell too little about the language

# The most common words of English news prose (function words, and "said"): a text whose words
# are seldom among them is not English.
_COMMON_ENGLISH = frozenset(
    [
        "a",
        "about",
        "after",
        "all",
        "also",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "last",
        "more",
        "most",
        "new",
        "no",
        "not",
        "of",
        "on",
        "one",
        "or",
        "other",
        "our",
        "out",
        "over",
        "said",
        "says",
        "she",
        "so",
        "some",
        "than",
        "that",
        "the",
        "their",
        "them",
        "there",
        "these",
        "they",
        "this",
        "to",
        "two",
        "up",
        "was",
        "we",
        "were",
        "what",
        "when",
        "which",
        "who",
        "will",
        "with",
        "would",
        "year",
        "years",
        "you",
    ]
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_BYLINE = re.compile(r"(?i)^(?:source|by|from)\s*:?\s+(?P<credit>.+)$")  # as read_article reads it
_MAX_BYLINE = 200
_TEXT_ENCODINGS = ("utf-8-sig", "cp1252")  # UTF-8 (with or without a BOM), else Windows' Western


class ArticleRefused(ValueError):
    """The text cannot be drafted from; the message says why, to the teacher."""


def decode_article(data: bytes, what: str) -> str:
    """The text of a file's bytes: UTF-8, else Windows-1252 if that reads as text (a file saved
    by an older Word or Notepad); ``ArticleRefused`` for binary data (a NUL byte, or control
    characters that no text has). ``what`` names the file in the message."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleRefused(f"{what} is saved as UTF-16 ('Unicode'): save it as UTF-8 text instead")
    if b"\0" in data:
        raise ArticleRefused(
            f"{what} is not a text file (it holds binary data): give a .txt, .md or .html file"
        )
    for encoding in _TEXT_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text
        break
    raise ArticleRefused(
        f"{what} is not text that can be read (neither UTF-8 nor Windows-1252 text): save it as UTF-8 text"
    )


def _looks_like_text(text: str) -> bool:
    """No more than a trace of control characters (other than tabs, line and page breaks)."""
    controls = sum(1 for char in text if unicodedata.category(char) == "Cc" and char not in "\t\n\r\f")
    return controls <= len(text) // 1000


def markdown_article(text: str) -> Article:
    """The article in a Markdown text: its first ``#`` heading is the title, the other headings
    and the paragraphs, list items and quotes its paragraphs, as plain text (emphasis, code and
    link marks dropped, a link's text kept, images and raw HTML left out)."""
    title = ""
    blocks: list[str] = []
    tokens = MarkdownIt("commonmark").parse(text)
    for index, token in enumerate(tokens):
        if token.type != "inline":
            continue
        words = " ".join(_inline_text(token.children or []).split())
        if not words:
            continue
        opening = tokens[index - 1] if index else None
        if not title and opening is not None and opening.type == "heading_open" and opening.tag == "h1":
            title = words
        else:
            blocks.append(words)
    if not title:
        return read_article("\n\n".join(blocks))
    byline = ""
    for index, block in enumerate(blocks[:2]):  # a "By …" or "Source: …" line under the title
        found = _BYLINE.match(block)
        if found and len(block) <= _MAX_BYLINE:
            byline = found["credit"].rstrip(".").strip()
            del blocks[index]
            break
    return Article(title=title, byline=byline, paragraphs=tuple(blocks))


def _inline_text(children: list[Token]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def english_share(text: str) -> float:
    """The share of the text's words that are very common English words (0 when it has none)."""
    words = [word.lower().replace("’", "'") for word in _WORD.findall(text)]
    if not words:
        return 0.0
    return sum(1 for word in words if word in _COMMON_ENGLISH) / len(words)


def checked_article(article: Article, what: str = "the text") -> Article:
    """``article`` if the drafter can read it; ``ArticleRefused`` if it is empty, too short, or
    not in English (the drafter reads English only)."""
    words = article.word_count
    if words == 0:
        raise ArticleRefused(f"{what} is empty: there is no article to draft from")
    if words < MIN_WORDS:
        raise ArticleRefused(
            f"{what} has {words} word(s): too short to draft a bank from "
            f"(at least {MIN_WORDS} words, a few paragraphs of an article)"
        )
    if words > MAX_WORDS:
        raise ArticleRefused(
            f"{what} has {words:,} words: the drafter reads articles of up to {MAX_WORDS:,} words; "
            "draft a long text a part at a time"
        )
    body = " ".join(article.paragraphs)
    if len(_WORD.findall(body)) >= _JUDGED_FROM_WORDS and english_share(body) < MIN_ENGLISH_SHARE:
        raise ArticleRefused(
            f"{what} does not read as English: the drafter reads English articles only "
            f"(only {english_share(body):.0%} of its words are common English words)"
        )
    return article


def pasted_article(text: str) -> Article:
    """The article in a pasted plain text, checked (``checked_article``)."""
    if not text.strip():
        raise ArticleRefused("the text is empty: paste an article, or choose a file")
    return checked_article(read_article(text), "the pasted text")


__all__ = [
    "MIN_WORDS",
    "ArticleRefused",
    "checked_article",
    "decode_article",
    "english_share",
    "markdown_article",
    "pasted_article",
]
