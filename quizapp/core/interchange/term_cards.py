"""A term and its definition, from any flashcard format (Quizlet, Anki's Basic notes), become a
card and a short-answer question ("Which term is meant: <definition>?") by one rule: text shown
escaped as plain, the term accepted as written (a "*" written ``\\*``, literal, not a pattern),
typos forgiven."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from quizapp.core.interchange.common import Imported
from quizapp.core.markdown_text import markdown_escape
from quizapp.core.text_matching import literal_entry, normalize


def add_term_card(
    imported: Imported,
    line: int,
    term: str,
    definition: str,
    tags: Sequence[str] = (),
    ids: tuple[str, str] | None = None,
    shown: tuple[str, str] | None = None,
) -> None:
    """Add the card and question of ``term``: ``ids`` is (question id, card id hint) when the
    format names its notes (Anki's GUID), else both come from the term; ``shown`` is (term,
    definition) as Markdown when the format has its own (Anki's HTML), else the text escaped."""
    term, definition = term.strip(), definition.strip()
    if not term or not definition:
        imported.skip(line, "a line needs both a term and a definition")
        return
    question_id, card_hint = ids if ids else (None, f"card {term}")
    shown_term, shown_definition = shown or (markdown_escape(term), markdown_escape(definition))
    card: dict[str, Any] = {"id": imported.unique_id(card_hint), "term": shown_term}
    card["definition"] = shown_definition
    if tags:
        card["tags"] = list(tags)
    imported.cards.append(card)
    if not normalize(term):
        imported.note(line, f"the term '{term[:40]}' has no letters or digits to type: a card, no question")
        return
    accepted = literal_entry(" ".join(term.split()))
    question: dict[str, Any] = {"type": "short", "prompt": f"Which term is meant: {card['definition']}"}
    question.update(accept=[accepted], typos=True)
    if tags:
        question["tags"] = list(tags)
    if question_id is None:
        imported.add_question(question, term)
    else:
        imported.questions.append({"id": question_id, **question})
