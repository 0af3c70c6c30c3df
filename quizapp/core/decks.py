"""Flashcard decks and the order a study session shows their cards in.

A deck is a bank's cards (one per question, plus the bank's own term/definition cards),
optionally only those of one tag, optionally with reverse cards (answer -> prompt). Each card
has a key unique in its bank; the memory state of a card is kept per student and key, so a
card studied in a tag deck counts in the bank deck too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .answer_key import answer_text
from .model import Bank, QuestionType
from .presentation import BLANK

REVERSE_SUFFIX = ":reverse"
DEFAULT_NEW_PER_DAY = 20


def question_card_key(question_id: str) -> str:
    return f"q:{question_id}"


@dataclass(frozen=True, slots=True)
class StudyCard:
    key: str  # "q:<question id>", "card:<card id>", with ":reverse" for reverse cards
    front: str
    back: str
    explanation: str = ""
    question_id: str = ""  # the question it comes from, if any

    @property
    def reverse(self) -> bool:
        return self.key.endswith(REVERSE_SUFFIX)


def _front(prompt: str, question_type: QuestionType) -> str:
    if question_type is QuestionType.CLOZE:
        return BLANK.sub("_____", prompt)
    return prompt


def deck_cards(bank: Bank, tag: str | None = None, reverse: bool = False) -> list[StudyCard]:
    """The cards of the bank's deck (or of one tag's deck), in the bank's order."""
    cards: list[StudyCard] = []
    for question in bank.questions:
        if tag is not None and tag not in question.tags:
            continue
        front, back = _front(question.prompt, question.type), answer_text(question)
        cards.append(
            StudyCard(question_card_key(question.id), front, back, question.explanation, question.id)
        )
        if reverse:
            cards.append(
                StudyCard(f"q:{question.id}{REVERSE_SUFFIX}", back, front, question.explanation, question.id)
            )
    for card in bank.cards:
        if tag is not None and tag not in card.tags:
            continue
        cards.append(StudyCard(f"card:{card.id}", card.term, card.definition))
        if reverse:
            cards.append(StudyCard(f"card:{card.id}{REVERSE_SUFFIX}", card.definition, card.term))
    return cards


def deck_tags(bank: Bank) -> list[str]:
    """The tags that make a deck of their own, in the order they first appear."""
    tags: dict[str, None] = {}
    for question in bank.questions:
        tags.update(dict.fromkeys(question.tags))
    for card in bank.cards:
        tags.update(dict.fromkeys(card.tags))
    return list(tags)


@dataclass(frozen=True, slots=True)
class Queue:
    """What a study session shows next: the due cards by due time, then new cards."""

    due: tuple[str, ...]  # keys of the first cards due now, the most overdue first
    due_count: int  # all the cards of the deck due now
    new: tuple[str, ...]  # keys of never-studied cards the daily limit still allows
    new_left_today: int

    @property
    def next_key(self) -> str | None:
        if self.due:
            return self.due[0]
        return self.new[0] if self.new else None


@dataclass(frozen=True, slots=True)
class StudyState:
    """A student's cards of one deck, as the queue needs them."""

    studied: frozenset[str]  # keys of every card with a memory state (of the bank)
    due_now: tuple[str, ...]  # keys of the deck's first cards due now, the most overdue first
    due_count: int  # how many of the deck's cards are due now


def build_queue(
    cards: Sequence[StudyCard], state: StudyState, new_per_day: int, new_seen_today: int
) -> Queue:
    """The study queue of a deck: its due cards, then as many new ones as today allows.

    At most ``new_per_day`` new cards are started per day (``new_seen_today`` were started
    already, in any deck).
    """
    keys = {card.key for card in cards}
    allowance = max(0, new_per_day - new_seen_today)
    fresh = [card.key for card in cards if card.key not in state.studied][:allowance]
    return Queue(tuple(k for k in state.due_now if k in keys), state.due_count, tuple(fresh), allowance)
