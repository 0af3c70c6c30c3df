"""``short``: a typed answer matched against accepted spellings (docs/scoring.md)."""

from __future__ import annotations

from typing import Any

from quizapp.core.answer_fields import read_accepted, read_rejected
from quizapp.core.field_reader import FieldReader
from quizapp.core.model import QuestionType, TextAnswer
from quizapp.core.question_types.base import OneTypedInput
from quizapp.core.question_types.numeric import refusal
from quizapp.core.responses import Check, Response, ResponseError, all_or_nothing
from quizapp.core.text_matching import matches_any, number_answer, read_entry, response_numbers, shown_answer
from quizapp.core.yaml_document import Mapping

INPUT = "text"
MAX_LENGTH = 1000  # characters; the answer field's maxlength


def text_to_dict(spec: TextAnswer) -> dict[str, Any]:
    """Stored with every question version; "reject" only when there are rejected answers, so a
    question without them keeps the stored form (and content hash) it had before they existed."""
    data: dict[str, Any] = {"accepted": list(spec.accepted), "typos": spec.typos}
    if spec.rejected:
        data["reject"] = list(spec.rejected)
    return data


def text_from_dict(data: dict[str, Any]) -> TextAnswer:
    return TextAnswer(tuple(data["accepted"]), data["typos"], tuple(data.get("reject", ())))


def read_text_answer(read: FieldReader, mapping: Mapping, typos: bool) -> TextAnswer | None:
    """``accept`` and ``reject`` of a short answer or a blank written as fields, or None after
    reporting a problem."""
    get = mapping.entries.get
    accepted = read_accepted(read, get("accept"), mapping.line, "accept")
    if not accepted:
        return None
    rejected = read_rejected(read, get("reject"), accepted)
    return None if rejected is None else TextAnswer(accepted, typos, rejected)


def written_answers(spec: TextAnswer) -> tuple[str, ...]:
    """The accepted answers that are written out, as students read them; patterns (with a
    wildcard ``*``) aside."""
    entries = (read_entry(option) for option in spec.accepted)
    return tuple(entry.text for entry in entries if not entry.pattern)


def number_problem(spec: TextAnswer, response: str, what: str = "the answer") -> str | None:
    """Why an answer given now to a number answer (every accepted answer a number) cannot be
    read as one, as numeric questions refuse it; None when it can, or the answer is text."""
    if not number_answer(spec.accepted) or not response.strip() or response_numbers(response):
        return None
    return refusal(response, "", what)


def too_long(limit: int) -> str:
    return f"Write at most {limit} characters"


class ShortAnswer(OneTypedInput[TextAnswer]):
    input_name = INPUT
    typed_length = MAX_LENGTH
    name = QuestionType.SHORT
    label = "Short answer"
    yaml_fields = ("accept", "reject", "typos")
    response_shape = "a string"
    fields_template = "quiz/answer_fields/short.html"
    reversible = True

    def read_answer(self, read: FieldReader, mapping: Mapping, prompt: str) -> TextAnswer | None:
        typos = read.boolean(mapping.entries.get("typos"), "typos", False)
        return read_text_answer(read, mapping, typos)

    def answer_to_dict(self, spec: TextAnswer) -> dict[str, Any]:
        return text_to_dict(spec)

    def answer_from_dict(self, data: dict[str, Any]) -> TextAnswer:
        return text_from_dict(data)

    def check(self, spec: TextAnswer, response: Response) -> Check:
        if not isinstance(response, str):
            raise ResponseError("expected the answer as a string")
        return all_or_nothing(matches_any(spec.accepted, response, spec.typos, spec.rejected))

    def accept(self, spec: TextAnswer, response: Response) -> Check:
        if isinstance(response, str) and len(response) > MAX_LENGTH:
            raise ResponseError(too_long(MAX_LENGTH), INPUT)
        result = self.check(spec, response)
        problem = number_problem(spec, response) if isinstance(response, str) else None
        if problem:
            raise ResponseError(problem, INPUT)
        return result

    def full_marks_response(self, spec: TextAnswer) -> Response:
        return shown_answer(spec.accepted[0])

    def answer_text(self, spec: TextAnswer) -> str:
        return shown_answer(spec.accepted[0])

    def also_accepted(self, spec: TextAnswer) -> tuple[str, ...]:
        return tuple(read_entry(option).shown for option in spec.accepted[1:])

    def giveaway_texts(self, spec: TextAnswer) -> tuple[tuple[str, ...], ...]:
        """Every accepted spelling ("Osmani" as well as "Vjosa Osmani"); patterns aside."""
        return (written_answers(spec),)
