"""The question types, by name: the one place core, services, pages and API learn what a type
does (its answer fields, reading, validation, scoring and words).

A type is a ``QuestionKind`` (``base.py``), one module per type. ``register`` adds one; the
eight built-in types are registered below. See docs/architecture.md, "Adding a question type".
"""

from __future__ import annotations

from typing import Any

from quizapp.core.model import Question
from quizapp.core.presentation import StudentQuestion
from quizapp.core.question_types.base import QuestionKind
from quizapp.core.question_types.cloze import Cloze
from quizapp.core.question_types.matching import Matching
from quizapp.core.question_types.multiple import MultipleChoice
from quizapp.core.question_types.numeric import Numeric
from quizapp.core.question_types.ordering import Ordering
from quizapp.core.question_types.short import ShortAnswer
from quizapp.core.question_types.single import SingleChoice
from quizapp.core.question_types.true_false import TrueFalse

_REGISTRY: dict[str, QuestionKind[Any]] = {}


class UnknownQuestionType(LookupError):
    """No question type of that name is registered."""


def register(kind: QuestionKind[Any]) -> QuestionKind[Any]:
    """Make ``kind`` known by its name (it replaces a type of the same name)."""
    _REGISTRY[kind.name] = kind
    return kind


def unregister(name: str) -> None:
    _REGISTRY.pop(name, None)


def question_type(name: str) -> QuestionKind[Any]:
    """The type registered as ``name``; ``UnknownQuestionType`` when there is none."""
    try:
        return _REGISTRY[name]
    except KeyError:
        raise UnknownQuestionType(name) from None


def question_types() -> tuple[QuestionKind[Any], ...]:
    """Every registered type, in the order of registration (the built-in ones first)."""
    return tuple(_REGISTRY.values())


def present(question: Question, seed: int, shuffle_choices: bool = True) -> StudentQuestion:
    """The question as a student sees it (``core.presentation``), made by its type."""
    return _REGISTRY[question.type].present(question, seed, shuffle_choices)


for _kind in (
    SingleChoice(),
    MultipleChoice(),
    TrueFalse(),
    Numeric(),
    ShortAnswer(),
    Cloze(),
    Ordering(),
    Matching(),
):
    register(_kind)

__all__ = [
    "QuestionKind",
    "UnknownQuestionType",
    "present",
    "question_type",
    "question_types",
    "register",
    "unregister",
]
