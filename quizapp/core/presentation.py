"""A question as a student sees it before its answer is due: no key, no flags, no explanation.

Pages and the API render only ``StudentQuestion`` during an attempt, so nothing they show can
leak an answer. Orders are shuffled from the attempt's seed, so a reload looks the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from quizapp.core.attempts import seeded_shuffle
from quizapp.core.model import (
    ChoiceAnswer,
    ClozeAnswer,
    Item,
    MatchingAnswer,
    NumericAnswer,
    OrderingAnswer,
    Question,
    QuestionType,
)


@dataclass(frozen=True, slots=True)
class Option:
    id: str
    text: str


@dataclass(frozen=True, slots=True)
class StudentQuestion:
    id: str
    type: QuestionType
    prompt: str  # Markdown; cloze blanks stay as {{n}} for the renderer to replace with fields
    points: Decimal
    choices: tuple[Option, ...] = ()  # single, multiple
    items: tuple[Option, ...] = ()  # ordering, in a shuffled order
    lefts: tuple[Option, ...] = ()  # matching
    rights: tuple[Option, ...] = ()  # matching, shuffled
    blanks: int = 0  # cloze
    unit: str = ""  # numeric


def _options(items: tuple[Item, ...] | list[Item]) -> tuple[Option, ...]:
    return tuple(Option(item.id, item.text) for item in items)


def _scrambled(items: tuple[Item, ...], seed: int, salt: str) -> list[Item]:
    """Shuffled, and never left in the correct order (that would give the answer away)."""
    order = seeded_shuffle(items, seed, salt)
    if len(items) > 1 and order == list(items):
        order = order[1:] + order[:1]
    return order


def present(question: Question, seed: int, shuffle_choices: bool = True) -> StudentQuestion:
    spec = question.answer
    common = {"id": question.id, "type": question.type, "prompt": question.prompt, "points": question.points}
    match spec:
        case ChoiceAnswer():
            choices = [Option(c.id, c.text) for c in spec.choices]
            if shuffle_choices:
                choices = seeded_shuffle(choices, seed, question.id)
            return StudentQuestion(**common, choices=tuple(choices))
        case NumericAnswer():
            return StudentQuestion(**common, unit=spec.unit)
        case ClozeAnswer():
            return StudentQuestion(**common, blanks=len(spec.blanks))
        case OrderingAnswer():
            return StudentQuestion(**common, items=_options(_scrambled(spec.items, seed, question.id)))
        case MatchingAnswer():
            rights = seeded_shuffle(spec.rights, seed, question.id + ":right")
            return StudentQuestion(**common, lefts=_options(spec.lefts), rights=_options(rights))
    return StudentQuestion(**common)
