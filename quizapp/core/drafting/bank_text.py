"""The bank file of a draft: what ``flask draft`` and the browser's review page both write.

Every question is written with ``draft: true`` (docs/question-format.md, "Drafts"): the file is a
valid bank that ``check`` accepts, and no student sees a question of it until a teacher accepts
it (removes the line, or accepts it in the browser).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from quizapp.core.drafting.article import Article
from quizapp.core.drafting.drafts import DraftedQuestion
from quizapp.core.interchange.common import yaml_text
from quizapp.core.model import AnswerVisibility

_SETTINGS_COMMENT = (
    "# Students see the right answers and explanations once they submit (after_submit); for a\n"
    "# graded test whose answers must stay hidden, write 'never' (docs/question-format.md).\n"
)


def drafted_question_fields(question: DraftedQuestion) -> dict[str, Any]:
    """A drafted question's fields as its bank file writes them: ``draft: true`` after its id."""
    fields = dict(question.fields)
    return {"id": fields.pop("id"), "draft": True, **fields}


def drafted_bank_text(
    article: Article,
    questions: tuple[DraftedQuestion, ...] | list[DraftedQuestion],
    *,
    bank_slug: str,
    title: str,
    source_path: str,
    drafted_from: str,
    drafted_at: datetime,
) -> str:
    """The bank file: a header comment saying it was drafted from ``drafted_from`` (a file's
    name, or "pasted text") at ``drafted_at`` and what ``draft: true`` means; the bank's id,
    title and ``source`` (the article's title and byline, and ``source_path``, the article's
    text as ``Article.text`` writes it, relative to the bank file); settings for a new bank; and
    the questions, each ``draft: true``."""
    when = drafted_at.strftime("%Y-%m-%d %H:%M %Z").strip()
    header = (
        f"# Drafted by quizapp from {_one_line(drafted_from)} on {when}.\n"
        "# Every question below is a draft ('draft: true'): students do not see it until a\n"
        "# teacher accepts it, by removing its 'draft: true' line here or by accepting it in the\n"
        "# browser. Check each one against the article (its 'source' quote) before accepting it;\n"
        "# delete the ones you do not want. `flask --app quizapp check` says what is wrong.\n"
    )
    source: dict[str, Any] = {"title": article.title or title}
    if article.byline:
        source["publisher"] = article.byline
    source["path"] = source_path
    head = yaml_text({"id": bank_slug, "title": title, "source": source})
    settings = (
        "settings:\n"
        + "".join(f"  {line}\n" for line in _SETTINGS_COMMENT.splitlines())
        + f"  show_answers: {AnswerVisibility.AFTER_SUBMIT.value}\n"
    )
    body = yaml_text({"questions": [drafted_question_fields(question) for question in questions]})
    return header + head + settings + body


def _one_line(text: str) -> str:
    return " ".join(text.split())


__all__ = ["drafted_bank_text", "drafted_question_fields"]
