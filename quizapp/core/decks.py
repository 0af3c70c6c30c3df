"""Flashcard decks and the order a study session shows their cards in.

A deck is a bank's cards (one per question, plus the bank's own term/definition cards),
optionally only those of one tag, optionally with reverse cards (answer -> prompt). Each card
has a key unique in its bank; the memory state of a card is kept per student and key, so a
card studied in a tag deck counts in the bank deck too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quizapp.core.answer_key import answer_markdown_lines, answer_text
from quizapp.core.checkers import ResponseError, accept_new_response
from quizapp.core.model import Bank, Question
from quizapp.core.question_types import question_type
from quizapp.core.question_types.base import listed
from quizapp.core.text_matching import literal_entry, matches_any

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


def _front(question: Question) -> str:
    """The prompt, with what the question offers to choose from when recall alone cannot answer it."""
    return question_type(question.type).card_front(question)


def _back(question: Question) -> str:
    """The answer, as Markdown (so a typed answer "__init__" shows as written)."""
    lines = answer_markdown_lines(question)
    return listed(lines) if len(lines) > 1 else lines[0]


def deck_cards(bank: Bank, tag: str | None = None, reverse: bool = False) -> list[StudyCard]:
    """The cards of the bank's deck (or of one tag's deck), in the bank's order.

    Reverse cards (answer -> prompt) are made for term cards and for single-choice and
    short-answer questions whose answer no other card of the deck shares, and come after all
    the forward cards, so a card and its reverse are not studied one after the other.
    """
    forward: list[StudyCard] = []
    backward: list[StudyCard] = []
    questions = [q for q in bank.questions if tag is None or tag in q.tags]
    answers = [answer_text(q) for q in questions]
    for question, answer in zip(questions, answers, strict=True):
        front, back = _front(question), _back(question)
        forward.append(
            StudyCard(question_card_key(question.id), front, back, question.explanation, question.id)
        )
        if reverse and question_type(question.type).reversible and answers.count(answer) == 1:
            backward.append(
                StudyCard(
                    f"{question_card_key(question.id)}{REVERSE_SUFFIX}",
                    back,
                    question.prompt,
                    question.explanation,
                    question.id,
                )
            )
    for card in bank.cards:
        if tag is not None and tag not in card.tags:
            continue
        forward.append(StudyCard(f"card:{card.id}", card.term, card.definition))
        if reverse:
            backward.append(StudyCard(f"card:{card.id}{REVERSE_SUFFIX}", card.definition, card.term))
    return forward + backward


TYPED_ANSWER_LENGTH = 1000  # the most characters of an answer typed on a card (a short answer's)


@dataclass(frozen=True, slots=True)
class TypedVerdict:
    """What an answer typed on a card's front came to: right or not, and, when it could not be
    checked as typed though it looks like a try at the form asked ("5 thousand" for a number:
    it has digits), why; words that are simply not the answer ("a platoon") get no format hint."""

    typed: str
    correct: bool
    problem: str = ""


def takes_typed_answer(bank: Bank, card: StudyCard) -> bool:
    """Whether the card offers to type its answer before flipping: a term card either way
    round, and a question's card whose answer is one text (its type's ``card_typing``); not a
    reverse question card, whose back is a whole question."""
    if not card.question_id:
        return True
    question = bank.question(card.question_id)
    if question is None or card.reverse:
        return False
    return question_type(question.type).card_typing(question.answer)


def typed_verdict(bank: Bank, card: StudyCard, typed: str) -> TypedVerdict | None:
    """Whether ``typed`` is the card's answer (None: nothing typed, or a card that takes no
    typed answer). A question's card is checked by the quiz's own rule (``accept_new_response``),
    so a card accepts what a test accepts; a term card as a short answer is (``matches_any``,
    typos allowed), its back written out being the one accepted answer."""
    whole = typed.strip()
    if len(whole) > TYPED_ANSWER_LENGTH:
        # one character more than any typed field takes, ending as the text does (not in a space
        # the rule trims): the quiz's rule refuses it as the test does (cut to the field, "Kuwait"
        # and 995 spaces was right here), reading no more of it than that
        whole = whole[:TYPED_ANSWER_LENGTH] + whole[-1]
    typed = whole[:TYPED_ANSWER_LENGTH]  # what the card shows back (its field's length)
    if not typed or not takes_typed_answer(bank, card):
        return None
    question = bank.question(card.question_id) if card.question_id else None
    if question is None:
        return TypedVerdict(typed, matches_any((literal_entry(card.back),), typed, typos=True))
    try:
        response = question_type(question.type).card_response(question.answer, whole)
        return TypedVerdict(typed, accept_new_response(question, response)[1].correct)
    except ResponseError as error:  # why only where it helps: words without a digit are just not it
        return TypedVerdict(typed, False, f"{error}." if any(char.isdigit() for char in typed) else "")


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
    cards: Sequence[StudyCard],
    state: StudyState,
    new_per_day: int,
    new_seen_today: int,
    new_reverse: bool = False,
) -> Queue:
    """The study queue of a deck: its due cards, then as many new ones as today allows.

    ``cards`` holds the deck with its reverse cards: reverse cards once studied are reviewed
    when due, but new ones are started only when ``new_reverse``. At most ``new_per_day`` new
    cards are started per day (``new_seen_today`` were started already, in any deck).
    """
    keys = {card.key for card in cards}
    allowance = max(0, new_per_day - new_seen_today)
    fresh = [c.key for c in cards if c.key not in state.studied and (new_reverse or not c.reverse)]
    return Queue(
        tuple(k for k in state.due_now if k in keys), state.due_count, tuple(fresh[:allowance]), allowance
    )
