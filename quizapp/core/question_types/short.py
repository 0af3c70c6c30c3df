"""``short``: a typed answer matched against accepted spellings (docs/scoring.md)."""

from __future__ import annotations

from typing import Any

from quizapp.core.answer_fields import read_accepted
from quizapp.core.field_reader import FieldReader
from quizapp.core.model import QuestionType, TextAnswer
from quizapp.core.question_types.base import OneTypedInput
from quizapp.core.responses import Check, Response, ResponseError, all_or_nothing
from quizapp.core.text_matching import matches_any
from quizapp.core.yaml_document import Mapping

INPUT = "text"
MAX_LENGTH = 1000  # characters; the answer field's maxlength


def text_to_dict(spec: TextAnswer) -> dict[str, Any]:
    return {"accepted": list(spec.accepted), "typos": spec.typos}


def text_from_dict(data: dict[str, Any]) -> TextAnswer:
    return TextAnswer(tuple(data["accepted"]), data["typos"])


def too_long(limit: int) -> str:
    return f"Write at most {limit} characters"


class ShortAnswer(OneTypedInput[TextAnswer]):
    input_name = INPUT
    typed_length = MAX_LENGTH
    name = QuestionType.SHORT
    label = "Short answer"
    yaml_fields = ("accept", "typos")
    response_shape = "a string"
    fields_template = "quiz/answer_fields/short.html"
    reversible = True

    def read_answer(self, read: FieldReader, mapping: Mapping, prompt: str) -> TextAnswer | None:
        get = mapping.entries.get
        accepted = read_accepted(read, get("accept"), mapping.line, "accept")
        typos = read.boolean(get("typos"), "typos", False)
        return TextAnswer(accepted, typos) if accepted else None

    def answer_to_dict(self, spec: TextAnswer) -> dict[str, Any]:
        return text_to_dict(spec)

    def answer_from_dict(self, data: dict[str, Any]) -> TextAnswer:
        return text_from_dict(data)

    def check(self, spec: TextAnswer, response: Response) -> Check:
        if not isinstance(response, str):
            raise ResponseError("expected the answer as a string")
        return all_or_nothing(matches_any(spec.accepted, response, spec.typos))

    def accept(self, spec: TextAnswer, response: Response) -> Check:
        if isinstance(response, str) and len(response) > MAX_LENGTH:
            raise ResponseError(too_long(MAX_LENGTH), INPUT)
        return self.check(spec, response)

    def full_marks_response(self, spec: TextAnswer) -> Response:
        return spec.accepted[0].replace("*", "")

    def answer_text(self, spec: TextAnswer) -> str:
        return spec.accepted[0]

    def also_accepted(self, spec: TextAnswer) -> tuple[str, ...]:
        return spec.accepted[1:]
