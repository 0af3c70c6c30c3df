"""How a class answered one question: a bar per choice (choice types), else per verdict and
typed text (short, numeric...), the same text written differently counted once."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from quizapp.core.model import Question
from quizapp.core.question_types import question_type
from quizapp.core.responses import Response
from quizapp.core.scoring import stored_check

MAX_TYPED_BARS = 8  # more different typed answers go in one "other answers" bar
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def option_letter(position: int) -> str:
    """The letter of the option shown at ``position`` (0-based): A, B, C... The projector's
    options, the phones' buttons and the reveal's bars all take theirs from here, so they agree."""
    return LETTERS[position] if 0 <= position < len(LETTERS) else ""


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    count: int
    correct: bool
    letter: str = ""  # a shown choice's letter (option_letter); typed answers have none


def _normalised(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def histogram(
    question: Question, responses: Sequence[Response], shown_order: Sequence[str] = ()
) -> tuple[Bar, ...]:
    """The bars of ``question``'s answers; choices in ``shown_order`` (the ids in the order the
    class saw them), else as written."""
    kind = question_type(question.type)
    choices = kind.tallied_choices(question.answer)
    position = {choice_id: n for n, choice_id in enumerate(shown_order)}
    if shown_order:
        choices = tuple(sorted(choices, key=lambda choice: position.get(choice.id, len(position))))
    if choices:
        picks: Counter[str] = Counter()
        for response in responses:
            if response is not None:
                picks.update(kind.picked(question.answer, response))
        return tuple(
            Bar(choice.text, picks[choice.id], choice.correct, option_letter(position.get(choice.id, -1)))
            for choice in choices
        )
    groups: Counter[tuple[bool, str]] = Counter()
    labels: dict[tuple[bool, str], str] = {}
    # each different response is checked once: a class types the same few answers, and every
    # player's page at a reveal draws this (200 checks a page made a reveal take seconds)
    same: Counter[str] = Counter(json.dumps(r, sort_keys=True) for r in responses if r is not None)
    for written, count in same.items():
        response = json.loads(written)
        text = kind.response_text(question.answer, response)
        key = (stored_check(question, response).correct, _normalised(text))
        groups[key] += count
        labels.setdefault(key, text)
    ranked = sorted(groups.items(), key=lambda item: (not item[0][0], -item[1], item[0][1]))
    bars = [Bar(labels[key], count, key[0]) for key, count in ranked[:MAX_TYPED_BARS]]
    rest = sum(count for _, count in ranked[MAX_TYPED_BARS:])
    if rest:
        bars.append(Bar("other answers", rest, False))
    return tuple(bars)
