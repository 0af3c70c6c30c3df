"""A pair of sides from a flashcard format becomes a short-answer question by one rule
(``_add_question``): a prompt shown as Markdown, one accepted answer as written (a "*" written
``\\*``, literal, not a pattern), typos forgiven, and no question when the answer has no letters
or digits to type (the pair is then a flashcard, a term card, only). The formats differ in what is
asked and whether a term card comes too:

- Quizlet's term and definition (``add_term_card``): a term card (term, definition) and the
  question "Which term is meant: <definition>", the term accepted;
- Anki's Basic note (``add_recall_card``): its front, the back accepted, as Anki asks it, when
  the back is something to type (one line, at most ``MAX_TYPED_BACK`` characters); the
  question's own flashcard is then the note's one card. Otherwise the note is a flashcard
  only, reported as changed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from quizapp.core.interchange.common import Imported
from quizapp.core.markdown_text import markdown_escape
from quizapp.core.text_matching import literal_entry, normalize

# The longest back (in characters of its plain text) that becomes an accepted answer. A short
# answer is typed from memory and compared whole, forgiving at most two typos (typo_budget): a
# word, a name, a date or a short phrase ("Pristina", "17 February 2008", "the Kosovo Force").
# A back longer than a short sentence (about ten words) is an explanation nobody retypes word for
# word, so a right recall would be marked wrong: such a note stays a flashcard, which Anki's
# own review of it is (the student reads the back and judges themselves).
MAX_TYPED_BACK = 60


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a note: its plain text (an accepted answer, an id) and its Markdown (shown)."""

    plain: str
    shown: str


def add_term_card(
    imported: Imported,
    line: int,
    term: str,
    definition: str,
    tags: Sequence[str] = (),
) -> None:
    """Quizlet's pair: a card (term, definition; plain text, escaped) and a question asking for
    the term by its definition; both ids come from the term."""
    term, definition = term.strip(), definition.strip()
    if not term or not definition:
        imported.skip(line, "a line needs both a term and a definition")
        return
    card = _add_card(
        imported, Side(term, markdown_escape(term)), Side(definition, markdown_escape(definition))
    )
    _add_question(
        imported,
        line,
        f"Which term is meant: {card['definition']}",
        (term, "the term"),
        tags,
        (None, term),
    )


def add_recall_card(
    imported: Imported,
    line: int,
    front: Side,
    back: Side,
    tags: Sequence[str],
    ids: tuple[str, str],
) -> None:
    """Anki's Basic note, studied front -> back: when the back can be typed, a question whose
    prompt is the front and whose accepted answer is the back (its flashcard is the question's
    own, so the note is one card, as in Anki); otherwise a flashcard (front, back) alone, noted.
    ``ids`` is (question id, card id hint), from the note's GUID or its front. Neither side is
    empty (the caller skips such a note)."""
    front = Side(front.plain.strip(), front.shown.strip())
    back = Side(back.plain.strip(), back.shown.strip())
    question_id, card_hint = ids
    why_not = _untypeable(back)
    if why_not is None and _add_question(
        imported, line, front.shown, (back.plain, "the back"), tags, (question_id, "")
    ):
        return
    if why_not:
        imported.note(line, why_not)
    _add_card(imported, front, back, tags, card_hint)


def _untypeable(back: Side) -> str | None:
    """Why the back of a note is no answer to type, or None when it is one."""
    if "\n" in back.shown:  # a line break, <br>, or <div>/<p> of its own: the Markdown shows lines
        return "the back has several lines, too many to type as an answer: made a flashcard only"
    if len(back.plain) > MAX_TYPED_BACK:
        return (
            f"the back is too long to type as an answer ({len(back.plain)} characters, more than "
            f"{MAX_TYPED_BACK}): made a flashcard only"
        )
    return None


def _add_card(
    imported: Imported, front: Side, back: Side, tags: Sequence[str] = (), hint: str | None = None
) -> dict[str, Any]:
    card: dict[str, Any] = {"id": imported.unique_id(hint or f"card {front.plain}"), "term": front.shown}
    card["definition"] = back.shown
    if tags:
        card["tags"] = list(tags)
    imported.cards.append(card)
    return card


def _add_question(
    imported: Imported,
    line: int,
    prompt: str,
    answer: tuple[str, str],
    tags: Sequence[str],
    ids: tuple[str | None, str],
) -> bool:
    """The question asking ``prompt`` (Markdown) with ``answer`` (its plain text, and what it is
    called in a note: "the term") accepted as written, typos forgiven; False (noted) when the
    answer has nothing to type. ``ids`` is the question's id when the format gives one, else
    (None, a hint to make it from)."""
    text, called = answer
    if not normalize(text):
        imported.note(line, f"{called} '{text[:40]}' has no letters or digits to type: a card, no question")
        return False
    question: dict[str, Any] = {"type": "short", "prompt": prompt}
    question.update(accept=[literal_entry(" ".join(text.split()))], typos=True)
    if tags:
        question["tags"] = list(tags)
    question_id, hint = ids
    if question_id is None:
        imported.add_question(question, hint)
    else:
        imported.questions.append({"id": question_id, **question})
    return True
