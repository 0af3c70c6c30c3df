"""A question as a student sees it before its answer is due: no key, no flags, no explanation.

Pages and the API render only ``StudentQuestion`` during an attempt, so nothing they show can
leak an answer. Each question type makes its own (``QuestionKind.present``, reached through
``quizapp.core.question_types.present``); orders are shuffled from the attempt's seed, so a
reload looks the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from quizapp.core.model import Item


@dataclass(frozen=True, slots=True)
class Option:
    id: str
    text: str


@dataclass(frozen=True, slots=True)
class StudentQuestion:
    id: str
    type: str  # the question type's name
    prompt: str  # Markdown; cloze blanks stay as {{n}} for the renderer to replace with fields
    points: Decimal
    choices: tuple[Option, ...] = ()  # single, multiple
    items: tuple[Option, ...] = ()  # ordering, in a shuffled order
    lefts: tuple[Option, ...] = ()  # matching
    rights: tuple[Option, ...] = ()  # matching, shuffled
    blanks: int = 0  # cloze
    unit: str = ""  # numeric


def options(items: Iterable[Item]) -> tuple[Option, ...]:
    return tuple(Option(item.id, item.text) for item in items)
