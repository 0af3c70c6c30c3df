"""``true_false``: a statement that is true or false."""

from __future__ import annotations

from collections.abc import Mapping as AnyMapping
from typing import Any

from quizapp.core.answer_fields import feedback_from_dict, feedback_to_dict, read_feedback
from quizapp.core.field_reader import FieldReader
from quizapp.core.model import QuestionType, TrueFalseAnswer
from quizapp.core.presentation import Option, StudentQuestion
from quizapp.core.question_types.base import FormData, QuestionKind
from quizapp.core.responses import Check, Response, ResponseError, all_or_nothing
from quizapp.core.yaml_document import Mapping, Scalar

INPUT = "truth"
TRUTH_OPTIONS = (Option("true", "True"), Option("false", "False"))


class TrueFalse(QuestionKind[TrueFalseAnswer]):
    name = QuestionType.TRUE_FALSE
    label = "True or false"
    yaml_fields = ("answer", "feedback")
    response_shape = "true or false"
    fields_template = "quiz/answer_fields/true_false.html"
    one_tap_input = INPUT

    def read_answer(self, read: FieldReader, mapping: Mapping, prompt: str) -> TrueFalseAnswer | None:
        node = mapping.entries.get("answer")
        if node is None or (isinstance(node, Scalar) and node.is_null):
            read.report(mapping.line, "missing field 'answer' (true or false)")
            return None
        before = len(read.problems)
        value = read.boolean(node, "answer", False)
        feedback = read_feedback(read, mapping)
        return TrueFalseAnswer(value, feedback) if len(read.problems) == before else None

    def answer_to_dict(self, spec: TrueFalseAnswer) -> dict[str, Any]:
        """ "feedback" only when there is some: a question without keeps its stored form."""
        if spec.feedback:
            return {"value": spec.value, "feedback": feedback_to_dict(spec.feedback)}
        return {"value": spec.value}

    def answer_from_dict(self, data: dict[str, Any]) -> TrueFalseAnswer:
        return TrueFalseAnswer(data["value"], feedback_from_dict(data.get("feedback")))

    def options(self, shown: StudentQuestion) -> tuple[Option, ...]:
        return TRUTH_OPTIONS

    def canonical(self, response: Response) -> Response:
        """ "true" and "false" (any case) are stored as booleans."""
        if isinstance(response, str):
            lowered = response.strip().lower()
            return lowered == "true" if lowered in ("true", "false") else response
        return response

    def check(self, spec: TrueFalseAnswer, response: Response) -> Check:
        if isinstance(response, str) and response.lower() in ("true", "false"):
            response = response.lower() == "true"
        if not isinstance(response, bool):
            raise ResponseError("expected true or false", INPUT)
        return all_or_nothing(response is spec.value)

    def response_feedback(self, spec: TrueFalseAnswer, response: Response) -> tuple[str, ...]:
        return self.verdict_feedback(spec, spec.feedback, response)

    def full_marks_response(self, spec: TrueFalseAnswer) -> Response:
        return spec.value

    def answer_text(self, spec: TrueFalseAnswer) -> str:
        return "True" if spec.value else "False"

    def giveaway_texts(self, spec: TrueFalseAnswer) -> tuple[tuple[str, ...], ...]:
        """None: the answer is a truth value, and the statement is the prompt (which can still
        give another question away)."""
        return ()

    def response_text(self, spec: TrueFalseAnswer, response: Response) -> str:
        return "True" if response in (True, "true") else "False"

    def form_values(self, shown: StudentQuestion, response: Response) -> dict[str, Any]:
        return {INPUT: None if response is None else ("true" if response else "false")}

    def typed_values(self, shown: StudentQuestion, form: FormData) -> dict[str, Any]:
        return {INPUT: form.get(INPUT)}

    def response_from_values(self, shown: StudentQuestion, values: AnyMapping[str, Any]) -> Response:
        value = values.get(INPUT)
        if not value:
            return None
        return value == "true" if value in ("true", "false") else value
