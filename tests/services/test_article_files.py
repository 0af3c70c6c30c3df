"""An article from a file: a saved web page's main text (trafilatura), Markdown, a Windows-1252
text; refused, each with a message: too large (before reading), binary, no article, empty."""

import time
from pathlib import Path

import pytest

from quizapp.core.drafting.article_input import ArticleRefused
from quizapp.services.article_files import (
    MAX_ARTICLE_BYTES,
    article_from_paste,
    article_from_upload,
    read_article_file,
)

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


def test_a_saved_web_page_gives_its_article_without_menus_scripts_ads_or_footer():
    article = read_article_file(ARTICLES / "flood-report.html")
    assert article.title == "River Flood Forces Thousands From Homes"
    assert article.byline == "Valley Courier, by Maria Lindqvist"
    assert article.paragraphs[0].startswith("The Oster River burst its banks on Tuesday")
    assert len(article.paragraphs) == 5
    text = article.text
    assert '"We have never seen the water come up this fast," said Hallberg mayor Anders Nyqvist' in text
    for boilerplate in (
        "Home\n",
        "World",
        "Sport",
        "dataLayer",
        "Advertisement",
        "Most read",
        "Copyright",
        "Privacy",
        "<",
    ):
        assert boilerplate not in text, boilerplate


def test_a_page_of_menus_and_scripts_only_is_refused():
    with pytest.raises(
        ArticleRefused, match=r"menus-only.html holds no article text \(only menus, scripts or links\)"
    ):
        read_article_file(ARTICLES / "menus-only.html")


def test_markdown_and_cp1252_files_are_read():
    assert read_article_file(ARTICLES / "telescope-result.md").title.startswith("Telescope Finds Water")
    cafe = read_article_file(ARTICLES / "cafe-rules-cp1252.txt")
    assert "Renée Dubois" in cafe.text


def test_a_5_mb_file_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "huge.html"
    big.write_bytes(b"<p>" + b"word " * (5 * 1024 * 1024 // 5) + b"</p>")
    started = time.perf_counter()
    with pytest.raises(ArticleRefused, match=r"huge.html is 5.2 MB: an article may be at most 2 MB"):
        read_article_file(big)
    assert time.perf_counter() - started < 0.1
    with pytest.raises(ArticleRefused, match="at most 2 MB"):
        article_from_upload("huge.txt", b"a" * (MAX_ARTICLE_BYTES + 1))
    with pytest.raises(ArticleRefused, match=r"the pasted text is 2\.1 MB"):
        article_from_paste("a " * (MAX_ARTICLE_BYTES // 2 + 1))


def test_binary_empty_and_unknown_files_are_refused(tmp_path):
    photo = tmp_path / "photo.txt"
    photo.write_bytes(b"\xff\xd8\xff\xe0\0\x10JFIF\0" + bytes(range(256)) * 4)
    with pytest.raises(ArticleRefused, match=r"photo\.txt is not a text file"):
        read_article_file(photo)
    with pytest.raises(ArticleRefused, match=r"empty\.md is empty"):
        article_from_upload("empty.md", b"\n\n  \n")
    with pytest.raises(
        ArticleRefused, match=r"ending in .txt, .text, .md, .markdown, .html, .htm, not '.pdf'"
    ):
        article_from_upload("report.pdf", b"%PDF-1.7")


def test_a_page_of_too_many_tags_is_refused_before_extraction(monkeypatch):
    import trafilatura

    from quizapp.services.article_files import MAX_HTML_TAGS

    def not_called(*args, **kwargs):
        raise AssertionError("trafilatura was given the page")

    monkeypatch.setattr(trafilatura, "bare_extraction", not_called)
    page = "<html><body><p>" + "<i>word</i> " * (MAX_HTML_TAGS // 2 + 1) + "</p></body></html>"
    with pytest.raises(ArticleRefused, match="too many to find its article in"):
        article_from_upload("heavy.html", page.encode())
