"""Reading an article as a teacher brings it: bytes to text, Markdown to plain text, and the
checks before drafting (empty, too short, not English), each refusal a message."""

from pathlib import Path

import pytest

from quizapp.core.drafting.article import read_article
from quizapp.core.drafting.article_input import (
    ArticleRefused,
    checked_article,
    decode_article,
    english_share,
    markdown_article,
    pasted_article,
)

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
KOSOVO = Path(__file__).resolve().parents[2] / "questions" / "sources" / "kosovo-peacekeepers.txt"


def test_utf8_with_or_without_a_bom_and_cp1252_text_are_read():
    assert decode_article("Pristina – Kosovo".encode(), "a.txt") == "Pristina – Kosovo"
    assert decode_article(b"\xef\xbb\xbfPristina", "a.txt") == "Pristina"
    text = decode_article((ARTICLES / "cafe-rules-cp1252.txt").read_bytes(), "cafe.txt")
    assert text.startswith("Café owners") and "“We asked for a compromise and got nothing,”" in text
    assert "Renée Dubois" in text


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)),
            r"is not a text file \(it holds binary data\)",
        ),
        (bytes(range(1, 32)) * 20 + bytes(range(128, 256)), "is not text that can be read"),
        ("Kosovo".encode("utf-16"), "is saved as UTF-16"),
    ],
)
def test_binary_data_is_refused_with_a_message(data, says):
    with pytest.raises(ArticleRefused, match=says) as refused:
        decode_article(data, "photo.txt")
    assert str(refused.value).startswith("photo.txt ")


def test_markdown_is_read_as_plain_text_with_its_first_heading_as_title():
    article = markdown_article((ARTICLES / "telescope-result.md").read_text(encoding="utf-8"))
    assert article.title == "Telescope Finds Water Vapour Around a Distant Planet"
    assert article.byline == "Priya Raman, Science Desk"
    assert article.paragraphs[0] == (
        "Astronomers using the Halden Observatory telescope in Chile have found water vapour in the "
        "atmosphere of a planet 120 light years from Earth, the team said on Monday."
    )
    assert article.paragraphs[1].startswith("The planet, known as TK-42b, is about 2.3 times")
    assert "What the team said" in article.paragraphs
    assert any(p.startswith('"It is the clearest signal of water') for p in article.paragraphs)
    assert "About 60% of the observing time came from a European fund." in article.paragraphs
    text = article.text
    for mark in ("**", "*Monday*", "](", "![", "#", "> "):
        assert mark not in text
    assert checked_article(article) is article


def test_the_share_of_common_english_words_tells_english_from_other_languages():
    assert english_share(KOSOVO.read_text(encoding="utf-8")) > 0.35
    french = (
        "Le gouvernement a annoncé lundi l'envoi de mille soldats supplémentaires dans la région. "
        "Selon le ministre de la Défense, la mission durera plusieurs mois et coûtera environ "
        "deux cents millions d'euros, une somme que l'opposition juge excessive pour le budget."
    )
    assert english_share(french) < 0.1
    with pytest.raises(
        ArticleRefused, match="does not read as English: the drafter reads English articles only"
    ):
        checked_article(read_article(" ".join([french] * 2)))


def test_empty_and_too_short_texts_are_refused():
    with pytest.raises(ArticleRefused, match="the text is empty"):
        pasted_article(" \n\t\n")
    with pytest.raises(ArticleRefused, match=r"has 9 word\(s\): too short to draft a bank from"):
        pasted_article("Kosovo sent 32 soldiers to Kuwait in March 2026.")
    article = pasted_article(KOSOVO.read_text(encoding="utf-8"))
    assert article.title == "Kosovar Peacekeepers Sent On First Mission Abroad"


def test_an_article_longer_than_the_drafter_reads_is_refused_with_the_limit():
    from quizapp.core.drafting.article_input import MAX_WORDS

    body = KOSOVO.read_text(encoding="utf-8").split("\n\n", 2)[2]
    long_text = "A long report\n\n" + "\n\n".join([body] * (MAX_WORDS // 200 + 5))
    with pytest.raises(ArticleRefused, match=f"up to {MAX_WORDS:,} words"):
        pasted_article(long_text)
    assert pasted_article("A report\n\n" + body).word_count < MAX_WORDS  # the article itself is read
