"""Questions to plain JSON data and back, and the content hash that names a question version.

Each question type stores its own answer spec (``QuestionKind.answer_to_dict``). The database
stores this JSON for every question version an attempt may refer to, so a score
can be recomputed from exactly the question the student saw, whatever the file says today.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from decimal import Decimal
from typing import Any

from quizapp.core.model import Question
from quizapp.core.question_types import question_type

FORMAT_VERSION = 1


def question_to_dict(question: Question) -> dict[str, Any]:
    """Everything that defines a question version (not where it stands in the file).

    "allow_giveaway" only when the question has one, so a question without it keeps the stored
    form (and content hash) it had before the key existed."""
    data: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "id": question.id,
        "type": str(question.type),
        "prompt": question.prompt,
        "answer": question_type(question.type).answer_to_dict(question.answer),
        "explanation": question.explanation,
        "source_quote": question.source_quote,
        "tags": list(question.tags),
        "points": str(question.points),
        "group": question.group,
    }
    if question.allow_giveaway:
        data["allow_giveaway"] = list(question.allow_giveaway)
    return data


def question_from_dict(data: dict[str, Any]) -> Question:
    kind = question_type(data["type"])
    question = Question(
        id=data["id"],
        type=kind.name,
        prompt=data["prompt"],
        answer=kind.answer_from_dict(data["answer"]),
        explanation=data["explanation"],
        source_quote=data["source_quote"],
        tags=tuple(data["tags"]),
        points=Decimal(data["points"]),
        group=data.get("group", ""),
        allow_giveaway=tuple(data.get("allow_giveaway", ())),
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
