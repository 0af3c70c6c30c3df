"""A new bank from an article, and the review of its drafts (teachers only; docs/drafting-input.md).

"New bank from an article" drafts the bank (``services.article_drafting.draft_bank``, as
``flask draft`` does) and opens its review page: one card per question of the file, in its
order, drafts with Accept, Edit and Reject. Accepting removes the question's ``draft: true``
line, rejecting removes the question (``core.question_edit``); both save through the editor's
save (``bank_files.save``: the history, and a conflict when the file changed since the page was
shown). Beside the cards, the article, each paragraph shaded by how many accepted questions
quote it (``core.passages.questions_per_paragraph``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for

from quizapp import core
from quizapp.core.drafting.article import heading_of
from quizapp.core.drafting.article_input import ArticleRefused
from quizapp.core.passages import Passage, find_passages, paragraphs, questions_per_paragraph
from quizapp.core.question_edit import (
    QuestionEditError,
    question_ids,
    remove_field,
    remove_field_of_each,
    remove_question,
)
from quizapp.services import bank_files, clock
from quizapp.services.article_drafting import PASTED, DraftingFailed, draft_bank
from quizapp.services.article_files import MAX_ARTICLE_BYTES, article_from_paste, article_from_upload
from quizapp.services.bank_files import Outcome
from quizapp.services.bank_library import library, served_by_file
from quizapp.web.auth.login import teacher_required
from quizapp.web.editor.pages import preview_items, saved_file, who_sees_it
from quizapp.web.forms import ActionForm, ArticleForm, add_error

blueprint = Blueprint("review", __name__, url_prefix="/banks")

MOST_SHADES = 3  # paragraphs quoted by 0, 1, 2, 3 or more accepted questions: four shades
# Drafts shown in full (as students see them, with their passage and explanation), the first in
# the file's order; later drafts and accepted questions are shown in short (prompt and answer),
# so that a bank of a hundred drafts stays a page a phone loads (under 150 KB, tests/browser).
FULL_CARDS = 12


def _folder() -> Path:
    return Path(current_app.config["QUESTIONS_DIR"])


@blueprint.route("/from-article", methods=["GET", "POST"])
@teacher_required
def from_article() -> Any:
    form = ArticleForm()
    if form.validate_on_submit():
        upload = form.source.data
        try:
            if upload:
                data = upload.read(MAX_ARTICLE_BYTES + 1)
                drafted_from = Path(upload.filename or "upload.txt").name
                article = article_from_upload(drafted_from, data)
            else:
                drafted_from = PASTED
                article = article_from_paste(form.pasted.data or "")
            drafted = draft_bank(
                article,
                _folder(),
                drafted_from=drafted_from,
                now=clock.now(),
                bank_slugs=library().bank_slugs(),
                title=form.title.data or "",
            )
        except ArticleRefused as refused:
            add_error(
                form.source if upload else form.pasted, f"{_sentence(str(refused))} Nothing was written."
            )
        except DraftingFailed as failed:
            said = "Nothing could be drafted from this article" if failed.about == "article" else str(failed)
            notes = f" ({' '.join(failed.notes)})" if failed.notes else ""
            add_error(form.source if upload else form.pasted, f"{said}{notes}. Nothing was written.")
        else:
            library().reload()
            library().sync_to_database()
            flash(
                f"Drafted {drafted.questions} questions ({drafted.described_counts()}) into "
                f"{drafted.file_name}. Students see none of them until you accept them.",
                "success",
            )
            return redirect(url_for("review.review", name=drafted.file_name))
    return render_template("editor/from_article.html", form=form), 422 if form.errors else 200


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else f"{text}."


@dataclass(frozen=True, slots=True)
class Card:
    """A question of the file as the review page shows it."""

    item: dict[str, Any]  # as the editor's preview shows it (``preview_items``)
    question: core.Question  # as written: its key, quotes and explanation
    passages: tuple[Passage, ...]
    full: bool  # shown as students see it, or in short (``FULL_CARDS``)


@dataclass(frozen=True, slots=True)
class Covered:
    """A paragraph of the article and how many accepted questions quote it."""

    text: str
    questions: int
    heading: str = ""  # "the title", "the credit line": lines of the text file, not the article's body

    @property
    def level(self) -> int:
        return min(self.questions, MOST_SHADES)


@blueprint.get("/<name>/review")
@teacher_required
def review(name: str) -> Any:
    return _page(name, saved_file(name))


def _page(name: str, current: bank_files.BankFile, message: str = "", status: int = 200) -> Any:
    result = bank_files.check(_folder(), name, current.text, library().bank_slugs())
    bank = result.bank
    cards: list[Card] = []
    coverage: list[Covered] = []
    if bank is not None:
        source = bank.source_text or ""
        full = {question.id for question in bank.drafts[:FULL_CARDS]}
        for item, question in zip(preview_items(result), bank.written_questions(), strict=True):
            shown_in_full = question.id in full
            passages = find_passages(source, question.source_quotes) if source and shown_in_full else ()
            cards.append(Card(item, question, passages, shown_in_full))
        if source:
            counts = questions_per_paragraph(source, (q.source_quotes for q in bank.questions))
            title = bank.source.title if bank.source else ""
            coverage = [
                Covered(text, count, heading_of(index, text, title))
                for index, (text, count) in enumerate(zip(paragraphs(source), counts, strict=True))
            ]
    served = served_by_file(name)
    page = render_template(
        "editor/review.html",
        name=name,
        version=current.version,
        result=result,
        bank=bank,
        cards=cards,
        coverage=coverage,
        accepted=len(bank.questions) if bank else 0,
        drafts=len(bank.drafts) if bank else 0,
        full_cards=FULL_CARDS,
        bank_slug=served.slug if served is not None and served.questions else None,
        warnings=result.warnings,  # give-aways among the accepted questions, as `check` warns
        message=message,
        form=ActionForm(),
    )
    return page, status


def _next_anchor(text: str, question_id: str, remaining: set[str]) -> str:
    """The card after ``question_id`` still to review (else the first one, else the top)."""
    ids = question_ids(text)
    after = ids[ids.index(question_id) + 1 :] if question_id in ids else []
    for candidate in [*after, *ids]:
        if candidate != question_id and candidate in remaining:
            return f"question-{candidate}"
    return "review-top"


@blueprint.post("/<name>/review/<question_id>")
@teacher_required
def decide(name: str, question_id: str) -> Any:
    """A card's one form: its Accept or its Reject button (``decision``)."""
    if not ActionForm().validate_on_submit():
        abort(400)
    action = request.form.get("decision", "")
    if action not in ("accept", "reject"):
        abort(400)
    current = saved_file(name)
    if request.form.get("version", "") != current.version:
        return _conflict(name, current)
    try:
        if action == "accept":
            text = remove_field(current.text, question_id, "draft")
        else:
            text = remove_question(current.text, question_id)
    except QuestionEditError:
        return _conflict(name, current)
    if text == current.text:  # accepted already (another tab): nothing to save, no history copy
        flash(f"{question_id} is accepted already.", "info")
        return redirect(url_for("review.review", name=name, _anchor=f"question-{question_id}"))
    drafts = _draft_ids(name, current)
    return _save(name, current, text, action, question_id, _next_anchor(current.text, question_id, drafts))


@blueprint.post("/<name>/accept-drafts")  # not under review/: a question may be named accept-all
@teacher_required
def accept_all(name: str) -> Any:
    if not ActionForm().validate_on_submit():
        abort(400)
    current = saved_file(name)
    if request.form.get("version", "") != current.version:
        return _conflict(name, current)
    drafts = _draft_ids(name, current)
    text = remove_field_of_each(current.text, drafts, "draft")
    return _save(name, current, text, "accept-all", "", "review-top", len(drafts))


def _draft_ids(name: str, current: bank_files.BankFile) -> set[str]:
    result = bank_files.check(_folder(), name, current.text, library().bank_slugs())
    return {question.id for question in result.bank.drafts} if result.bank else set()


def _save(
    name: str,
    current: bank_files.BankFile,
    text: str,
    action: str,
    question_id: str,
    anchor: str,
    count: int = 0,
) -> Any:
    saved = bank_files.save(_folder(), name, text, current.version, clock.now(), library().bank_slugs())
    if saved.outcome is Outcome.CONFLICT:
        return _conflict(name, bank_files.read(_folder(), name))
    if saved.outcome is not Outcome.SAVED:
        problems = "; ".join(problem.message for problem in saved.problems[:3])
        return _page(
            name, current, f"Not saved: the file would have problems ({problems}). Nothing was changed.", 422
        )
    library().reload()
    library().sync_to_database()
    said = {
        "accept": f"Accepted {question_id}: {who_sees_it(name)}",
        "reject": f"Rejected {question_id}: it is removed from {name}.",
        "accept-all": f"Accepted {count} drafts: {who_sees_it(name)}",
    }[action]
    flash(f"{said} The previous version of the file is kept in its history.", "success")
    return redirect(url_for("review.review", name=name, _anchor=anchor))


def _conflict(name: str, current: bank_files.BankFile) -> Any:
    return _page(
        name,
        current,
        "Nothing was changed: the file was changed (in another tab, the editor or by someone else) "
        "since this page was shown. This is its current state: accept or reject again.",
        409,
    )
