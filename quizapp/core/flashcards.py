"""Every question doubles as a flashcard; banks may add plain term/definition cards."""

from __future__ import annotations

from dataclasses import dataclass

from .answer_key import answer_text
from .model import Bank, Question


@dataclass(frozen=True, slots=True)
class Flashcard:
    id: str  # "q:<question id>" or "card:<card id>", unique in the bank
    front: str
    back: str
    explanation: str = ""


def question_flashcard(question: Question) -> Flashcard:
    return Flashcard(f"q:{question.id}", question.prompt, answer_text(question), question.explanation)


def bank_flashcards(bank: Bank) -> list[Flashcard]:
    cards = [question_flashcard(q) for q in bank.questions]
    cards += [Flashcard(f"card:{c.id}", c.term, c.definition) for c in bank.cards]
    return cards
