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
        "source_quotes": list(question.source_quotes),
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
        source_quotes=_source_quotes(data),
        tags=tuple(data["tags"]),
        points=Decimal(data["points"]),
        group=data.get("group", ""),
        allow_giveaway=tuple(data.get("allow_giveaway", ())),
    )
    return replace(question, content_hash=content_hash(data))


def _source_quotes(data: dict[str, Any]) -> tuple[str, ...]:
    """A version stored before ``source`` took lists has one ``source_quote`` ("" for none)."""
    if "source_quotes" in data:
        return tuple(data["source_quotes"])
    return (data["source_quote"],) if data.get("source_quote") else ()


def canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def content_hash(data: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON: equal for equal questions, whatever the file layout."""
    return hashlib.sha256(canonical_json(_as_hashed(data)).encode("utf-8")).hexdigest()


def _as_hashed(data: dict[str, Any]) -> dict[str, Any]:
    """A question with one quote or none hashes as it did when it was stored with ``source_quote``,
    so the versions stored then are still its current ones (no new version of every question);
    several quotes are hashed as the list they are."""
    quotes = data.get("source_quotes")
    if quotes is None or len(quotes) > 1:
        return data
    hashed = {key: value for key, value in data.items() if key != "source_quotes"}
    hashed["source_quote"] = quotes[0] if quotes else ""
    return hashed


def with_content_hash(question: Question) -> Question:
    """The question with its content hash filled in (set in place: it was just built)."""
    object.__setattr__(question, "content_hash", content_hash(question_to_dict(question)))
    return question
