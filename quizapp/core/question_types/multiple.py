"""``multiple``: any number of correct choices; partial credit (docs/scoring.md)."""

from __future__ import annotations

from collections.abc import Mapping as AnyMapping
from fractions import Fraction
from typing import Any

from quizapp.core.answer_fields import derive_id, match_choice, read_choices
from quizapp.core.field_reader import FieldReader
from quizapp.core.model import Choice, ChoiceAnswer, Question, QuestionType
from quizapp.core.presentation import StudentQuestion
from quizapp.core.question_types.base import FormData, listed
from quizapp.core.question_types.choices import ChoiceKind
from quizapp.core.responses import Check, Response, ResponseError, id_list
from quizapp.core.yaml_document import Mapping

INPUT = "choices"


class MultipleChoice(ChoiceKind):
    name = QuestionType.MULTIPLE
    label = "Multiple choice"
    yaml_fields = ("choices", "answers")
    response_shape = 'a list of choice ids, e.g. ["c1a2b3", "c4d5e6"]'
    fields_template = "quiz/answer_fields/multiple.html"

    def read_answer(self, read: FieldReader, mapping: Mapping, prompt: str) -> ChoiceAnswer | None:
        choices = read_choices(read, mapping)
        node = mapping.entries.get("answers")
        if node is None:
            read.report(mapping.line, "missing field 'answers' (the list of correct choices)")
            return None
        answers = read.texts(node, "answers")
        if not answers:
            read.report(node.line, "list at least one correct choice under 'answers'")
            return None
        texts = [text for text, _, _ in choices]
        if not all([match_choice(read, a, node.line, texts) for a in answers]) or not choices:
            return None
        correct = set(answers)
        return ChoiceAnswer(tuple(Choice(derive_id("c", t), t, t in correct, f) for t, f, _ in choices))

    def check(self, spec: ChoiceAnswer, response: Response) -> Check:
        """Each right pick earns 1/R, each wrong pick costs 1/W; never below 0."""
        picked = set(id_list(response, "a list of choice ids"))
        known = {choice.id for choice in spec.choices}
        unknown = picked - known
        if unknown:
            raise ResponseError(f"unknown choice id {sorted(unknown)[0][:40]!r}", INPUT)
        right = [c for c in spec.choices if c.correct]
        wrong = [c for c in spec.choices if not c.correct]
        gained = Fraction(sum(c.id in picked for c in right), len(right))
        lost = Fraction(sum(c.id in picked for c in wrong), len(wrong)) if wrong else Fraction(0)
        parts = tuple((c.id in picked) == c.correct for c in spec.choices)
        return Check(max(Fraction(0), gained - lost), parts)

    def full_marks_response(self, spec: ChoiceAnswer) -> Response:
        return [choice.id for choice in spec.correct_choices]

    def form_values(self, shown: StudentQuestion, response: Response) -> dict[str, Any]:
        return {INPUT: response or []}

    def typed_values(self, shown: StudentQuestion, form: FormData) -> dict[str, Any]:
        return {INPUT: form.getlist(INPUT)}

    def response_from_values(self, shown: StudentQuestion, values: AnyMapping[str, Any]) -> Response:
        return list(values.get(INPUT) or []) or None

    def card_front(self, question: Question) -> str:
        """Options listed alphabetically: the file's order may put the answers first."""
        texts = sorted(c.text for c in self.answer_of(question).choices)
        return f"{question.prompt}\n\n{listed(texts)}"
