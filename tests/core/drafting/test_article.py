"""The article as the drafter writes it beside its bank, and its head read back."""

from __future__ import annotations

from quizapp.core.drafting.article import heading_of, read_article
from quizapp.core.passages import paragraphs

TEXT = """Ships Leave Port

Source: The Harbour Gazette, with reporting by AP

The first ship left at dawn with 40 sailors aboard.

Source: the harbour master said the second would follow.
"""


def test_the_title_and_the_credit_line_are_named_and_the_body_is_not():
    article = read_article(TEXT)
    shown = paragraphs(article.text)
    assert [heading_of(index, text, article.title) for index, text in enumerate(shown)] == [
        "the title",
        "the credit line",
        "",
        "",  # a body paragraph that starts like a credit line is still body
    ]


def test_without_a_title_the_credit_line_comes_first():
    article = read_article("Source: Wire\n\n" + "One paragraph of the body that says a thing.\n")
    shown = paragraphs(article.text)
    assert article.title == ""
    assert [heading_of(index, text, article.title) for index, text in enumerate(shown)] == [
        "the credit line",
        "",
    ]
