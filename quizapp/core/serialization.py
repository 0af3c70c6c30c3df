"""Questions to plain JSON data and back, and the content hash that names a question version.

The database stores this JSON for every question version an attempt may refer to, so a score
can be recomputed from exactly the question the student saw, whatever the file says today.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from decimal import Decimal
from typing import Any

from quizapp.core.model import (
    AnswerSpec,
    Choice,
    ChoiceAnswer,
    ClozeAnswer,
    Item,
    MatchingAnswer,
    NumericAnswer,
    OrderingAnswer,
    Question,
    QuestionType,
    TextAnswer,
    TrueFalseAnswer,
)

FORMAT_VERSION = 1


def _num(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _dec(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def answer_to_dict(spec: AnswerSpec) -> dict[str, Any]:
    match spec:
        case ChoiceAnswer():
            return {
                "choices": [
                    {"id": c.id, "text": c.text, "correct": c.correct, "feedback": c.feedback}
                    for c in spec.choices
                ]
            }
        case TrueFalseAnswer():
            return {"value": spec.value}
        case NumericAnswer():
            return {
                "value": _num(spec.value),
                "tolerance": _num(spec.tolerance),
                "relative": spec.relative,
                "minimum": _num(spec.minimum),
                "maximum": _num(spec.maximum),
                "unit": spec.unit,
            }
        case TextAnswer():
            return {"accepted": list(spec.accepted), "typos": spec.typos}
        case ClozeAnswer():
            return {"blanks": [answer_to_dict(blank) for blank in spec.blanks]}
        case OrderingAnswer():
            return {"items": [[item.id, item.text] for item in spec.items]}
        case MatchingAnswer():
            return {
                "pairs": [[[lt.id, lt.text], [rt.id, rt.text]] for lt, rt in spec.pairs],
                "distractors": [[item.id, item.text] for item in spec.distractors],
            }
    raise TypeError(f"cannot serialize {type(spec).__name__}")


def answer_from_dict(question_type: QuestionType, data: dict[str, Any]) -> AnswerSpec:
    match question_type:
        case QuestionType.SINGLE | QuestionType.MULTIPLE:
            return ChoiceAnswer(tuple(Choice(**choice) for choice in data["choices"]))
        case QuestionType.TRUE_FALSE:
            return TrueFalseAnswer(data["value"])
        case QuestionType.NUMERIC:
            return NumericAnswer(
                value=_dec(data["value"]),
                tolerance=Decimal(data["tolerance"]),
                relative=data["relative"],
                minimum=_dec(data["minimum"]),
                maximum=_dec(data["maximum"]),
                unit=data["unit"],
            )
        case QuestionType.SHORT:
            return TextAnswer(tuple(data["accepted"]), data["typos"])
        case QuestionType.CLOZE:
            return ClozeAnswer(tuple(TextAnswer(tuple(b["accepted"]), b["typos"]) for b in data["blanks"]))
        case QuestionType.ORDERING:
            return OrderingAnswer(tuple(Item(*item) for item in data["items"]))
        case QuestionType.MATCHING:
            return MatchingAnswer(
                tuple((Item(*left), Item(*right)) for left, right in data["pairs"]),
                tuple(Item(*item) for item in data["distractors"]),
            )
    raise ValueError(f"unknown question type {question_type!r}")


def question_to_dict(question: Question) -> dict[str, Any]:
    """Everything that defines a question version (not where it stands in the file)."""
    return {
        "format": FORMAT_VERSION,
        "id": question.id,
        "type": question.type.value,
        "prompt": question.prompt,
        "answer": answer_to_dict(question.answer),
        "explanation": question.explanation,
        "source_quote": question.source_quote,
        "tags": list(question.tags),
        "points": str(question.points),
        "group": question.group,
    }


def question_from_dict(data: dict[str, Any]) -> Question:
    question_type = QuestionType(data["type"])
    question = Question(
        id=data["id"],
        type=question_type,
        prompt=data["prompt"],
        answer=answer_from_dict(question_type, data["answer"]),
        explanation=data["explanation"],
        source_quote=data["source_quote"],
        tags=tuple(data["tags"]),
        points=Decimal(data["points"]),
        group=data.get("group", ""),
    )
    return replace(question, content_hash=content_hash(data))


def canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def content_hash(data: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON: equal for equal questions, whatever the file layout."""
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()


def with_content_hash(question: Question) -> Question:
    """The question with its content hash filled in (set in place: it was just built)."""
    object.__setattr__(question, "content_hash", content_hash(question_to_dict(question)))
    return question
