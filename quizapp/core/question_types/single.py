"""``single``: one correct choice among several."""

from __future__ import annotations

from collections.abc import Mapping as AnyMapping
from typing import Any

from quizapp.core.answer_fields import derive_id, match_choice, read_choices
from quizapp.core.field_reader import FieldReader, line_of
from quizapp.core.model import Choice, ChoiceAnswer, QuestionType
from quizapp.core.presentation import StudentQuestion
from quizapp.core.question_types.base import FormData
from quizapp.core.question_types.choices import ChoiceKind
from quizapp.core.responses import Check, Response, ResponseError, all_or_nothing
from quizapp.core.text_matching import literal_entry, matched_entry
from quizapp.core.yaml_document import Mapping

INPUT = "choice"


class SingleChoice(ChoiceKind):
    name = QuestionType.SINGLE
    label = "Single choice"
    yaml_fields = ("choices", "answer")
    response_shape = 'one choice id as a string, e.g. "c1a2b3"'
    fields_template = "quiz/answer_fields/single.html"
    one_tap_input = INPUT
    reversible = True

    def read_answer(self, read: FieldReader, mapping: Mapping, prompt: str) -> ChoiceAnswer | None:
        choices = read_choices(read, mapping)
        node = mapping.entries.get("answer")
        answer = read.text(node, "answer", required=True, line=mapping.line)
        texts = [text for text, _, _ in choices]
        if not answer or not choices or not match_choice(read, answer, line_of(node, mapping.line), texts):
            return None
        return ChoiceAnswer(tuple(Choice(derive_id("c", t), t, t == answer, f) for t, f, _ in choices))

    def check(self, spec: ChoiceAnswer, response: Response) -> Check:
        if not isinstance(response, str):
            raise ResponseError('expected one choice id as a string, e.g. "c1a2b3"')
        chosen = {choice.id: choice for choice in spec.choices}.get(response)
        if chosen is None:
            raise ResponseError(f"unknown choice id {response[:40]!r}", INPUT)
        return all_or_nothing(chosen.correct)

    def card_typing(self, spec: ChoiceAnswer) -> bool:
        return True

    def card_response(self, spec: ChoiceAnswer, typed: str) -> Response:
        """The choice the typed text is taken for, matched as a short answer is (typos allowed,
        and a slip taken for the nearest choice), or None for none of them."""
        texts = tuple(literal_entry(choice.text) for choice in spec.choices)
        found = matched_entry(texts, typed, typos=True)
        return spec.choices[found[1]].id if found else None

    def full_marks_response(self, spec: ChoiceAnswer) -> Response:
        return spec.correct_choices[0].id

    def form_values(self, shown: StudentQuestion, response: Response) -> dict[str, Any]:
        return {INPUT: response}

    def typed_values(self, shown: StudentQuestion, form: FormData) -> dict[str, Any]:
        return {INPUT: form.get(INPUT)}

    def response_from_values(self, shown: StudentQuestion, values: AnyMapping[str, Any]) -> Response:
        return values.get(INPUT) or None
