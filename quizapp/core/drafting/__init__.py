"""Drafting a question bank from an article's text: pure, rule-based, no network.

``read_article`` turns a plain text into an ``Article`` (title, byline, paragraphs);
``draft_questions`` drafts questions of the bank format from it, each quoting the article
verbatim. docs/drafting.md says how, and how well (benchmarks/drafting.py).
"""

from quizapp.core.drafting.article import Article, read_article
from quizapp.core.drafting.drafted import Draft, DraftedQuestion, DraftKind
from quizapp.core.drafting.drafts import draft_questions

__all__ = ["Article", "Draft", "DraftKind", "DraftedQuestion", "draft_questions", "read_article"]
