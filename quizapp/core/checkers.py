"""One small pure function per question type that scores a response (see docs/scoring.md).

A response has the JSON shape of its type: ``single`` a choice id; ``multiple`` a list of choice
ids; ``true_false`` a boolean; ``numeric`` a number or a string such as "5,000"; ``short`` a
string; ``cloze`` a list of strings, one per blank; ``ordering`` a list of item ids;
``matching`` an object ``{left_id: right_id}``. ``None`` (or an empty string or list) is no answer.
A response of the wrong shape raises ``ResponseError``, whose message says the expected shape.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from quizapp.core.model import (
    AnswerSpec,
    ChoiceAnswer,
    ClozeAnswer,
    MatchingAnswer,
    NumericAnswer,
    OrderingAnswer,
    Question,
    QuestionType,
    TextAnswer,
    TrueFalseAnswer,
)
from quizapp.core.number_parsing import number_readings
from quizapp.core.text_matching import matches_any

Response = Any  # JSON-shaped: str | bool | int | float | list | dict | None


RESPONSE_SHAPES: dict[QuestionType, str] = {
    QuestionType.SINGLE: 'one choice id as a string, e.g. "c1a2b3"',
    QuestionType.MULTIPLE: 'a list of choice ids, e.g. ["c1a2b3", "c4d5e6"]',
    QuestionType.TRUE_FALSE: "true or false",
    QuestionType.NUMERIC: 'a number, or a string such as "5,000"',
    QuestionType.SHORT: "a string",
    QuestionType.CLOZE: "a list of strings, one per blank",
    QuestionType.ORDERING: "a list of item ids, first to last",
    QuestionType.MATCHING: 'an object pairing left ids with right ids, e.g. {"l1": "r2"}',
}


class ResponseError(ValueError):
    """The response does not have the shape its question type expects."""


@dataclass(frozen=True, slots=True)
class Check:
    """The outcome of one response: the share of the points earned, and which parts were right."""

    fraction: Fraction
    parts: tuple[bool, ...] = ()
    answered: bool = True

    @property
    def correct(self) -> bool:
        return self.fraction == 1


UNANSWERED = Check(Fraction(0), answered=False)
Checker = Callable[[Any, Response], Check]
CHECKERS: dict[QuestionType, Checker] = {}


def checker(*types: QuestionType) -> Callable[[Checker], Checker]:
    """Register the decorated function as the checker of ``types``."""

    def register(function: Checker) -> Checker:
        for question_type in types:
            CHECKERS[question_type] = function
        return function

    return register


def check(question: Question, response: Response) -> Check:
    """Score ``response`` to ``question``; raises ``ResponseError`` for a wrong shape."""
    return check_answer(question.type, question.answer, response)


def is_blank(response: Response) -> bool:
    """No answer: nothing, blank text, or a list or object of nothing but blanks."""
    if response is None:
        return True
    if isinstance(response, str):
        return not response.strip()
    if isinstance(response, list):
        return all(is_blank(item) for item in response)
    if isinstance(response, dict):
        return all(is_blank(value) for value in response.values())
    return False


def canonical_response(question: Question, response: Response) -> Response:
    """The response as it is stored: None when blank, a numeric answer's number as exact text
    (a JSON column must not round 99999999999999999999), a true/false answer as a boolean."""
    if is_blank(response):
        return None
    if (
        question.type is QuestionType.NUMERIC
        and isinstance(response, int | float)
        and not isinstance(response, bool)
    ):
        return format(Decimal(repr(response)), "f") if isinstance(response, float) else str(response)
    if question.type is QuestionType.TRUE_FALSE and isinstance(response, str):
        lowered = response.strip().lower()
        return lowered == "true" if lowered in ("true", "false") else response
    return response


def check_answer(question_type: QuestionType, answer: AnswerSpec, response: Response) -> Check:
    if is_blank(response):
        return UNANSWERED
    return CHECKERS[question_type](answer, response)


def _all_or_nothing(ok: bool) -> Check:
    return Check(Fraction(int(ok)), (ok,))


def _ids(response: Response, expected: str) -> list[str]:
    if not isinstance(response, list) or not all(isinstance(x, str) for x in response):
        raise ResponseError(f"expected {expected}")
    return response


@checker(QuestionType.SINGLE)
def check_single(answer: ChoiceAnswer, response: Response) -> Check:
    if not isinstance(response, str):
        raise ResponseError('expected one choice id as a string, e.g. "c1a2b3"')
    chosen = {choice.id: choice for choice in answer.choices}.get(response)
    if chosen is None:
        raise ResponseError(f"unknown choice id {response[:40]!r}")
    return _all_or_nothing(chosen.correct)


@checker(QuestionType.MULTIPLE)
def check_multiple(answer: ChoiceAnswer, response: Response) -> Check:
    """Each right pick earns 1/R, each wrong pick costs 1/W; never below 0."""
    picked = set(_ids(response, "a list of choice ids"))
    known = {choice.id for choice in answer.choices}
    unknown = picked - known
    if unknown:
        raise ResponseError(f"unknown choice id {sorted(unknown)[0][:40]!r}")
    right = [c for c in answer.choices if c.correct]
    wrong = [c for c in answer.choices if not c.correct]
    gained = Fraction(sum(c.id in picked for c in right), len(right))
    lost = Fraction(sum(c.id in picked for c in wrong), len(wrong)) if wrong else Fraction(0)
    parts = tuple((c.id in picked) == c.correct for c in answer.choices)
    return Check(max(Fraction(0), gained - lost), parts)


@checker(QuestionType.TRUE_FALSE)
def check_true_false(answer: TrueFalseAnswer, response: Response) -> Check:
    if isinstance(response, str) and response.lower() in ("true", "false"):
        response = response.lower() == "true"
    if not isinstance(response, bool):
        raise ResponseError("expected true or false")
    return _all_or_nothing(response is answer.value)


def numeric_matches(answer: NumericAnswer, value: Decimal) -> bool:
    if answer.value is None:
        low = answer.minimum if answer.minimum is not None else value
        high = answer.maximum if answer.maximum is not None else value
        return low <= value <= high
    allowed = answer.tolerance * abs(answer.value) if answer.relative else answer.tolerance
    return abs(value - answer.value) <= allowed


def _without_unit(text: str, unit: str) -> str:
    """ "5000 troops" is 5000 when the question's unit is "troops"."""
    stripped = text.strip()
    if unit and stripped.casefold().endswith(unit.casefold()):
        return stripped[: -len(unit)]
    return stripped


@checker(QuestionType.NUMERIC)
def check_numeric(answer: NumericAnswer, response: Response) -> Check:
    """Right when any fair reading of the response is within the tolerance or range."""
    if isinstance(response, bool) or not isinstance(response, int | float | str | Decimal):
        raise ResponseError('expected a number, or a string such as "5,000"')
    if isinstance(response, str):
        readings = number_readings(_without_unit(response, answer.unit))
    else:
        try:
            value = Decimal(str(response))
        except ArithmeticError:
            value = Decimal("NaN")
        readings = (value,) if value.is_finite() else ()
    return _all_or_nothing(any(numeric_matches(answer, value) for value in readings))


def typed_number_problem(text: str, unit: str) -> str | None:
    """Why a typed numeric answer cannot be read, or None when it can (or is empty).

    The one rule for the page's form and the API: a number as people type it (docs/scoring.md),
    optionally followed by the question's unit ("32 soldiers"); any other word is refused, so
    the student fixes it rather than loses the point.
    """
    if not text.strip() or number_readings(_without_unit(text, unit)):
        return None
    return number_hint(unit)


def number_hint(unit: str) -> str:
    """How to type a numeric answer: the field's hint, and the message when it cannot be read."""
    after = f", with or without '{unit}' after it" if unit else ""
    return f"Write the answer in digits, for example 250 or 1,250{after}"


def check_new_response(question: Question, response: Response) -> Check:
    """``check`` for an answer being given now, which also refuses a numeric answer with no
    number in it (or NaN), as the page's form does (``typed_number_problem``). Answers already
    stored are only ever scored, with ``check``."""
    result = check(question, response)
    if question.type is QuestionType.NUMERIC and result.answered:
        if isinstance(response, str):
            problem = typed_number_problem(response, question.answer.unit)
        else:
            finite = Decimal(str(response)).is_finite()
            problem = None if finite else number_hint(question.answer.unit)
        if problem:
            raise ResponseError(problem)
    return result


@checker(QuestionType.SHORT)
def check_short(answer: TextAnswer, response: Response) -> Check:
    if not isinstance(response, str):
        raise ResponseError("expected the answer as a string")
    return _all_or_nothing(matches_any(answer.accepted, response, answer.typos))


@checker(QuestionType.CLOZE)
def check_cloze(answer: ClozeAnswer, response: Response) -> Check:
    """Each blank is matched like a short answer and earns an equal share."""
    count = len(answer.blanks)
    if (
        not isinstance(response, list)
        or len(response) != count
        or not all(isinstance(x, str | None) for x in response)
    ):
        raise ResponseError(f"expected a list of {count} strings, one per blank")
    parts = tuple(
        bool(given) and matches_any(blank.accepted, given, blank.typos)
        for blank, given in zip(answer.blanks, response, strict=True)
    )
    return Check(Fraction(sum(parts), count), parts)


@checker(QuestionType.ORDERING)
def check_ordering(answer: OrderingAnswer, response: Response) -> Check:
    """The share of item pairs that stand in the right order relative to each other."""
    order = _ids(response, "a list of item ids in the chosen order")
    ids = [item.id for item in answer.items]
    if sorted(order) != sorted(ids):
        raise ResponseError(f"expected each of the {len(ids)} item ids exactly once")
    position = {item_id: index for index, item_id in enumerate(order)}
    pairs = [position[ids[i]] < position[ids[j]] for i in range(len(ids)) for j in range(i + 1, len(ids))]
    if not pairs:
        return _all_or_nothing(True)
    return Check(Fraction(sum(pairs), len(pairs)), tuple(pairs))


@checker(QuestionType.MATCHING)
def check_matching(answer: MatchingAnswer, response: Response) -> Check:
    """Each left item matched to its right item earns an equal share."""
    if not isinstance(response, dict) or not all(
        isinstance(k, str) and isinstance(v, str | None) for k, v in response.items()
    ):
        raise ResponseError("expected an object mapping left item ids to right item ids")
    lefts = {left.id for left, _ in answer.pairs}
    rights = {item.id for item in answer.rights}
    for left_id, right_id in response.items():
        if left_id not in lefts:
            raise ResponseError(f"unknown left item id {left_id[:40]!r}")
        if right_id and right_id not in rights:
            raise ResponseError(f"unknown right item id {right_id[:40]!r}")
    parts = tuple(response.get(left.id) == right.id for left, right in answer.pairs)
    return Check(Fraction(sum(parts), len(parts)), parts)
