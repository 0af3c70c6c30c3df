"""``short``: a typed answer matched against accepted spellings (docs/scoring.md)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from quizapp.core.answer_fields import (
    feedback_from_dict,
    feedback_to_dict,
    read_accepted,
    read_feedback,
    read_rejected,
)
from quizapp.core.field_reader import FieldReader
from quizapp.core.model import QuestionType, TextAnswer
from quizapp.core.question_types.base import OneTypedInput
from quizapp.core.question_types.numeric import refusal
from quizapp.core.responses import Check, Response, ResponseError, all_or_nothing
from quizapp.core.text_matching import (
    matched_entry,
    matches_any,
    number_answer,
    read_entry,
    response_numbers,
    shown_answer,
)
from quizapp.core.yaml_document import Mapping

INPUT = "text"
MAX_LENGTH = 1000  # characters; the answer field's maxlength


def text_to_dict(spec: TextAnswer) -> dict[str, Any]:
    """Stored with every question version; "reject", "entry_feedback" and "feedback" only when
    there are rejected answers or feedback, so a question without them keeps the stored form
    (and content hash) it had before they existed."""
    data: dict[str, Any] = {"accepted": list(spec.accepted), "typos": spec.typos}
    if spec.rejected:
        data["reject"] = list(spec.rejected)
    if spec.entry_feedback:
        data["entry_feedback"] = [list(pair) for pair in spec.entry_feedback]
    if spec.feedback:
        data["feedback"] = feedback_to_dict(spec.feedback)
    return data


def text_from_dict(data: dict[str, Any]) -> TextAnswer:
    return TextAnswer(
        tuple(data["accepted"]),
        data["typos"],
        tuple(data.get("reject", ())),
        tuple((entry, feedback) for entry, feedback in data.get("entry_feedback", ())),
        feedback_from_dict(data.get("feedback")),
    )


def read_text_answer(read: FieldReader, mapping: Mapping, typos: bool) -> TextAnswer | None:
    """``accept`` and ``reject`` of a short answer or a blank written as fields (each entry a
    text or ``text:`` with ``feedback:``), or None after reporting a problem."""
    get = mapping.entries.get
    accepted = read_accepted(read, get("accept"), mapping.line, "accept")
    if not accepted:
        return None
    texts = tuple(text for text, _ in accepted)
    rejected = read_rejected(read, get("reject"), texts)
    if rejected is None:
        return None
    rejected_texts = tuple(text for text, _ in rejected)
    return TextAnswer(texts, typos, rejected_texts, with_feedback(accepted + rejected))


def with_feedback(entries: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """The (entry, feedback) pairs that have feedback, as ``TextAnswer.entry_feedback`` keeps them."""
    return tuple((text, feedback) for text, feedback in entries if feedback)


def entry_feedback(spec: TextAnswer, response: str, distractors: tuple[str, ...] = ()) -> str:
    """The feedback of the entry a response is taken for, as it is scored (``matched_entry``):
    a rejected answer it is, else the accepted answer it matches; "" when that has none."""
    if not spec.entry_feedback:
        return ""
    found = matched_entry(spec.accepted, response, spec.typos, spec.rejected, distractors)
    if found is None:
        return ""
    right, index = found
    entry = (spec.accepted if right else spec.rejected)[index]
    return next((feedback for text, feedback in spec.entry_feedback if text == entry), "")


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


class ShortAnswer(OneTypedInput[TextAnswer]):
    input_name = INPUT
    typed_length = MAX_LENGTH
    name = QuestionType.SHORT
    label = "Short answer"
    yaml_fields = ("accept", "reject", "typos", "feedback")
    response_shape = "a string"
    fields_template = "quiz/answer_fields/short.html"
    reversible = True

    def read_answer(self, read: FieldReader, mapping: Mapping, prompt: str) -> TextAnswer | None:
        typos = read.boolean(mapping.entries.get("typos"), "typos", False)
        spec = read_text_answer(read, mapping, typos)
        feedback = read_feedback(read, mapping)
        return None if spec is None else replace(spec, feedback=feedback)

    def answer_to_dict(self, spec: TextAnswer) -> dict[str, Any]:
        return text_to_dict(spec)

    def answer_from_dict(self, data: dict[str, Any]) -> TextAnswer:
        return text_from_dict(data)

    def check(self, spec: TextAnswer, response: Response) -> Check:
        if not isinstance(response, str):
            raise ResponseError("expected the answer as a string")
        return all_or_nothing(matches_any(spec.accepted, response, spec.typos, spec.rejected))

    def accept_typed(self, spec: TextAnswer, response: Response) -> Check:
        result = self.check(spec, response)
        problem = number_problem(spec, response) if isinstance(response, str) else None
        if problem:
            raise ResponseError(problem, INPUT)
        return result

    def response_feedback(self, spec: TextAnswer, response: Response) -> tuple[str, ...]:
        """The feedback of the ``accept:`` or ``reject:`` entry the answer is taken for, else
        the question's ``feedback`` on a right or a wrong answer (docs/question-format.md)."""
        if not isinstance(response, str):
            return ()
        own = entry_feedback(spec, response)
        return (own,) if own else self.verdict_feedback(spec, spec.feedback, response)

    def full_marks_response(self, spec: TextAnswer) -> Response:
        return shown_answer(spec.accepted[0])

    def answer_text(self, spec: TextAnswer) -> str:
        return shown_answer(spec.accepted[0])

    def also_accepted(self, spec: TextAnswer) -> tuple[str, ...]:
        return tuple(read_entry(option).shown for option in spec.accepted[1:])

    def giveaway_texts(self, spec: TextAnswer) -> tuple[tuple[str, ...], ...]:
        """Every accepted spelling ("Osmani" as well as "Vjosa Osmani"); patterns aside."""
        return (written_answers(spec),)
