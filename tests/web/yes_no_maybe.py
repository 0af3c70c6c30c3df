"""A toy ninth question type, as a new type's module looks (docs/architecture.md, "Adding a
question type"): ``type: yes_no_maybe`` with ``answer: yes``, ``no`` or ``maybe``. It reuses the
single-choice answer fields; tests register it and unregister it after."""

from __future__ import annotations

from collections.abc import Mapping as AnyMapping
from dataclasses import dataclass
from typing import Any

from quizapp.core.field_reader import FieldReader
from quizapp.core.model import Choice, Question
from quizapp.core.presentation import Option, StudentQuestion
from quizapp.core.question_types import QuestionKind
from quizapp.core.question_types.base import FormData
from quizapp.core.responses import Check, Response, ResponseError, all_or_nothing
from quizapp.core.yaml_document import Mapping

WORDS = ("yes", "no", "maybe")
OPTIONS = tuple(Option(word, word.capitalize()) for word in WORDS)
INPUT = "choice"  # the single-choice fields' input


@dataclass(frozen=True, slots=True)
class YesNoMaybeAnswer:
    value: str  # one of WORDS


class YesNoMaybe(QuestionKind[YesNoMaybeAnswer]):
    name = "yes_no_maybe"
    label = "Yes, no or maybe"
    yaml_fields = ("answer",)
    response_shape = '"yes", "no" or "maybe"'
    fields_template = "quiz/answer_fields/single.html"

    def read_answer(self, read: FieldReader, mapping: Mapping, prompt: str) -> YesNoMaybeAnswer | None:
        node = mapping.entries.get("answer")
        value = read.text(node, "answer", required=True, line=mapping.line).lower()
        if value and value not in WORDS:
            read.report(node.line, "'answer' must be yes, no or maybe")
            return None
        return YesNoMaybeAnswer(value) if value else None

    def answer_to_dict(self, spec: YesNoMaybeAnswer) -> dict[str, Any]:
        return {"value": spec.value}

    def answer_from_dict(self, data: dict[str, Any]) -> YesNoMaybeAnswer:
        return YesNoMaybeAnswer(data["value"])

    def present(self, question: Question, seed: int, shuffle_choices: bool) -> StudentQuestion:
        return StudentQuestion(question.id, question.type, question.prompt, question.points, choices=OPTIONS)

    def check(self, spec: YesNoMaybeAnswer, response: Response) -> Check:
        if response not in WORDS:
            raise ResponseError("expected yes, no or maybe", INPUT)
        return all_or_nothing(response == spec.value)

    def full_marks_response(self, spec: YesNoMaybeAnswer) -> Response:
        return spec.value

    def answer_text(self, spec: YesNoMaybeAnswer) -> str:
        return spec.value.capitalize()

    def response_text(self, spec: YesNoMaybeAnswer, response: Response) -> str:
        return str(response).capitalize()

    def tallied_choices(self, spec: YesNoMaybeAnswer) -> tuple[Choice, ...]:
        """Optional: the class report counts how often each word was picked."""
        return tuple(Choice(option.id, option.text, option.id == spec.value) for option in OPTIONS)

    def picked(self, spec: YesNoMaybeAnswer, response: Response) -> tuple[str, ...]:
        return (response,)

    def form_values(self, shown: StudentQuestion, response: Response) -> dict[str, Any]:
        return {INPUT: response}

    def typed_values(self, shown: StudentQuestion, form: FormData) -> dict[str, Any]:
        return {INPUT: form.get(INPUT)}

    def response_from_values(self, shown: StudentQuestion, values: AnyMapping[str, Any]) -> Response:
        return values.get(INPUT) or None
