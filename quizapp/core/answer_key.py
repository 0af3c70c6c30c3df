"""The full-marks answer of each question: as text for people, and as a response for machines."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from quizapp.core.checkers import Response
from quizapp.core.model import (
    Bank,
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

ARROW = " → "


def format_number(value: Decimal) -> str:
    """``5000`` rather than ``5.0E+3``; ``0.5`` stays ``0.5``."""
    text = format(value.normalize(), "f")
    return text


def answer_text(question: Question) -> str:
    """The full-marks answer written for a human, e.g. "Kuwait" or "1999 → 2008"."""
    spec = question.answer
    match spec:
        case ChoiceAnswer():
            return "; ".join(choice.text for choice in spec.correct_choices)
        case TrueFalseAnswer():
            return "True" if spec.value else "False"
        case NumericAnswer():
            return _numeric_text(spec)
        case TextAnswer():
            return spec.accepted[0]
        case ClozeAnswer():
            return "; ".join(blank.accepted[0] for blank in spec.blanks)
        case OrderingAnswer():
            return ARROW.join(item.text for item in spec.items)
        case MatchingAnswer():
            return "; ".join(f"{left.text}{ARROW}{right.text}" for left, right in spec.pairs)
    raise TypeError(f"no answer text for {type(spec).__name__}")


def answer_lines(question: Question) -> list[str]:
    """The full-marks answer as lines for a list: one per correct choice, blank, item or pair."""
    spec = question.answer
    match spec:
        case ChoiceAnswer():
            return [choice.text for choice in spec.correct_choices]
        case ClozeAnswer() if len(spec.blanks) > 1:
            return [f"({n}) {blank.accepted[0]}" for n, blank in enumerate(spec.blanks, start=1)]
        case OrderingAnswer():
            return [f"{n}. {item.text}" for n, item in enumerate(spec.items, start=1)]
        case MatchingAnswer():
            return [f"{left.text}{ARROW}{right.text}" for left, right in spec.pairs]
    return [answer_text(question)]


def response_lines(question: Question, response: Response) -> list[str]:
    """A student's response as lines, in the same form as ``answer_lines``."""
    if response in (None, "", [], {}):
        return []
    spec = question.answer
    try:
        match spec:
            case ChoiceAnswer() if isinstance(response, list):
                texts = {choice.id: choice.text for choice in spec.choices}
                return [texts.get(choice_id, "?") for choice_id in response]
            case ClozeAnswer() if len(spec.blanks) > 1:
                return [f"({n}) {part or '–'}" for n, part in enumerate(response, start=1)]
            case OrderingAnswer():
                texts = {item.id: item.text for item in spec.items}
                return [f"{n}. {texts.get(item_id, '?')}" for n, item_id in enumerate(response, start=1)]
            case MatchingAnswer():
                rights = {item.id: item.text for item in spec.rights}
                return [f"{left.text}{ARROW}{rights.get(response.get(left.id), '–')}" for left in spec.lefts]
    except (TypeError, AttributeError):
        return [str(response)]
    return [response_text(question, response)]


def _numeric_text(spec: NumericAnswer) -> str:
    unit = f" {spec.unit}" if spec.unit else ""
    if spec.value is None:
        low = format_number(spec.minimum) if spec.minimum is not None else "…"
        high = format_number(spec.maximum) if spec.maximum is not None else "…"
        return f"between {low} and {high}{unit}"
    text = format_number(spec.value) + unit
    if spec.tolerance:
        if spec.relative:
            return f"{text} (± {format_number(spec.tolerance * 100)}%)"
        return f"{text} (± {format_number(spec.tolerance)})"
    return text


def response_text(question: Question, response: Response) -> str:
    """A student's response written for a human, in the words of the question; "" if none."""
    if response in (None, "", [], {}):
        return ""
    spec = question.answer
    try:
        match spec:
            case ChoiceAnswer():
                texts = {choice.id: choice.text for choice in spec.choices}
                picked = [response] if isinstance(response, str) else list(response)
                return "; ".join(texts.get(choice_id, "?") for choice_id in picked)
            case TrueFalseAnswer():
                return "True" if response in (True, "true") else "False"
            case OrderingAnswer():
                texts = {item.id: item.text for item in spec.items}
                return ARROW.join(texts.get(item_id, "?") for item_id in response)
            case MatchingAnswer():
                rights = {item.id: item.text for item in spec.rights}
                return "; ".join(
                    f"{left.text}{ARROW}{rights.get(response.get(left.id), '–')}" for left in spec.lefts
                )
            case ClozeAnswer():
                return "; ".join(part or "–" for part in response)
    except (TypeError, AttributeError):
        return str(response)
    return str(response)


def full_marks_response(question: Question) -> Response:
    """A response, in the checkers' JSON shape, that scores full marks."""
    spec = question.answer
    match spec:
        case ChoiceAnswer():
            ids = [choice.id for choice in spec.correct_choices]
            return ids[0] if question.type is QuestionType.SINGLE else ids
        case TrueFalseAnswer():
            return spec.value
        case NumericAnswer():
            value = spec.value if spec.value is not None else spec.minimum
            if value is None:
                value = spec.maximum
            return format_number(value) if value is not None else "0"
        case TextAnswer():
            return spec.accepted[0].replace("*", "")
        case ClozeAnswer():
            return [blank.accepted[0].replace("*", "") for blank in spec.blanks]
        case OrderingAnswer():
            return [item.id for item in spec.items]
        case MatchingAnswer():
            return {left.id: right.id for left, right in spec.pairs}
    raise TypeError(f"no full-marks response for {type(spec).__name__}")


@dataclass(frozen=True, slots=True)
class AnswerKeyEntry:
    """One question of a printed or exported answer key."""

    id: str
    type: QuestionType
    prompt: str
    answer_text: str
    answer_lines: tuple[str, ...]
    also_accepted: tuple[str, ...]  # other typed answers that score full marks
    explanation: str
    source_quote: str
    points: Decimal


def also_accepted(question: Question) -> tuple[str, ...]:
    spec = question.answer
    match spec:
        case TextAnswer():
            return spec.accepted[1:]
        case ClozeAnswer() if len(spec.blanks) == 1:
            return spec.blanks[0].accepted[1:]
    return ()


def answer_key(bank: Bank) -> list[AnswerKeyEntry]:
    return [
        AnswerKeyEntry(
            q.id,
            q.type,
            q.prompt,
            answer_text(q),
            tuple(answer_lines(q)),
            tuple(also_accepted(q)),
            q.explanation,
            q.source_quote,
            q.points,
        )
        for q in bank.questions
    ]
