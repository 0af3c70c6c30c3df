"""``cloze``: blanks in the prompt, each matched like a short answer (docs/scoring.md)."""

from __future__ import annotations

from collections.abc import Mapping as AnyMapping
from fractions import Fraction
from typing import Any

from quizapp.core.answer_fields import read_accepted
from quizapp.core.cloze import BLANK, MAX_BLANK_DIGITS, blanks_in_text, misplaced_blanks, overlong_blanks
from quizapp.core.field_reader import FieldReader
from quizapp.core.model import ClozeAnswer, Question, QuestionType, TextAnswer
from quizapp.core.presentation import StudentQuestion
from quizapp.core.question_types.base import FormData, QuestionKind, refuse_too_long
from quizapp.core.question_types.short import (
    entry_feedback,
    number_problem,
    read_text_answer,
    text_from_dict,
    text_to_dict,
    with_feedback,
    written_answers,
)
from quizapp.core.responses import Check, Response, ResponseError
from quizapp.core.text_matching import counts_symbols, matches_any, read_entry, shown_answer
from quizapp.core.yaml_document import Mapping

MAX_LENGTH = 200  # characters in one blank; its field's maxlength


def _distractors(spec: ClozeAnswer, index: int) -> tuple[str, ...]:
    """The other blanks' answers: right there, so a typo must not turn them right in blank ``index``
    (from 0); those this blank accepts too are left out."""
    own = spec.blanks[index]
    symbols = counts_symbols(own.accepted, own.rejected)  # read as the blank reads a response
    return tuple(
        option
        for number, blank in enumerate(spec.blanks)
        if number != index
        for option in blank.accepted
        if not matches_any(own.accepted, shown_answer(option), symbols=symbols)
    )


def blank_input(number: int) -> str:
    """The name of the answer field of blank ``number`` (from 1)."""
    return f"blank_{number}"


class Cloze(QuestionKind[ClozeAnswer]):
    name = QuestionType.CLOZE
    label = "Fill in the blanks"
    yaml_fields = ("blanks", "typos")
    response_shape = "a list of strings, one per blank"
    fields_template = "quiz/answer_fields/cloze.html"
    blanks_in_prompt = True
    typed_length = MAX_LENGTH  # in each blank

    def read_answer(self, read: FieldReader, mapping: Mapping, prompt: str) -> ClozeAnswer | None:
        get = mapping.entries.get
        typos = read.boolean(get("typos"), "typos", False)
        node = get("blanks")
        if node is None:
            read.report(mapping.line, "missing field 'blanks' (the accepted answers of each blank)")
            return None
        blanks: list[TextAnswer] = []
        for item in read.sequence(node, "blanks"):
            blank: TextAnswer | None = None
            if isinstance(item, Mapping):
                read.fields(item, ("accept", "reject", "typos"), "a blank")
                blank_typos = read.boolean(item.entries.get("typos"), "typos", typos)
                blank = read_text_answer(read, item, blank_typos)
            else:
                accepted = read_accepted(read, item, item.line, "blank")
                texts = tuple(text for text, _ in accepted or ())
                blank = TextAnswer(texts, typos, entry_feedback=with_feedback(accepted)) if accepted else None
            if blank:
                blanks.append(blank)
        overlong = overlong_blanks(prompt)
        for found in overlong:
            read.report(
                mapping.key_lines.get("prompt", mapping.line),
                f"{found} is no blank: blanks are numbered {{{{1}}}}, {{{{2}}}}… "
                f"with at most {MAX_BLANK_DIGITS} digits",
            )
        if overlong:
            return None
        misplaced = misplaced_blanks(prompt)
        for number, place in misplaced:
            read.report(
                mapping.key_lines.get("prompt", mapping.line),
                f"blank {{{{{number}}}}} is inside {place}, where it cannot be filled in: "
                "blanks count only in the prompt's text",
            )
        if misplaced:
            return None
        numbers = blanks_in_text(prompt)
        count = len(read.sequence(node, "blanks"))
        expected = list(range(1, count + 1))
        if sorted(numbers) != expected:
            read.report(
                node.line,
                f"the prompt must contain each of {{{{1}}}} to {{{{{count}}}}} "
                f"once for {count} blanks; it has {numbers or 'none'}",
            )
            return None
        if len(blanks) != count or not blanks:
            return None
        return ClozeAnswer(tuple(blanks))

    def answer_to_dict(self, spec: ClozeAnswer) -> dict[str, Any]:
        return {"blanks": [text_to_dict(blank) for blank in spec.blanks]}

    def answer_from_dict(self, data: dict[str, Any]) -> ClozeAnswer:
        return ClozeAnswer(tuple(text_from_dict(blank) for blank in data["blanks"]))

    def present(self, question: Question, seed: int, shuffle_choices: bool) -> StudentQuestion:
        blanks = len(self.answer_of(question).blanks)
        return StudentQuestion(question.id, question.type, question.prompt, question.points, blanks=blanks)

    def check(self, spec: ClozeAnswer, response: Response) -> Check:
        """Each blank is matched like a short answer and earns an equal share."""
        count = len(spec.blanks)
        if (
            not isinstance(response, list)
            or len(response) != count
            or not all(isinstance(x, str | None) for x in response)
        ):
            raise ResponseError(f"expected a list of {count} strings, one per blank")
        parts = tuple(
            bool(given)
            and matches_any(blank.accepted, given, blank.typos, blank.rejected, _distractors(spec, number))
            for number, (blank, given) in enumerate(zip(spec.blanks, response, strict=True))
        )
        return Check(Fraction(sum(parts), count), parts)

    def canonical(self, response: Response) -> Response:
        """Each blank's text without the spaces around it (the page's and the API's alike)."""
        if isinstance(response, list):
            return [given.strip() if isinstance(given, str) else given for given in response]
        return response

    def accept(self, spec: ClozeAnswer, response: Response) -> Check:
        """Each blank longer than its field is refused before the blanks are read (as a typed
        answer's text: ``OneTypedInput.accept``), then a number blank holding no number."""
        if isinstance(response, list):  # a list of the wrong length is refused by ``check``
            for number, given in enumerate(response[: len(spec.blanks)], start=1):
                refuse_too_long(given, MAX_LENGTH, blank_input(number), f" in blank {number}")
        result = self.check(spec, response)
        for number, given in enumerate(response, start=1):
            problem = number_problem(spec.blanks[number - 1], given, f"blank {number}") if given else None
            if problem:
                raise ResponseError(problem, blank_input(number))
        return result

    def card_typing(self, spec: ClozeAnswer) -> bool:
        """A prompt with one blank: its answer is one text (several would need a box each)."""
        return len(spec.blanks) == 1

    def card_response(self, spec: ClozeAnswer, typed: str) -> Response:
        return [typed]

    def full_marks_response(self, spec: ClozeAnswer) -> Response:
        return [shown_answer(blank.accepted[0]) for blank in spec.blanks]

    def answer_text(self, spec: ClozeAnswer) -> str:
        return "; ".join(shown_answer(blank.accepted[0]) for blank in spec.blanks)

    def answer_lines(self, spec: ClozeAnswer) -> list[str]:
        if len(spec.blanks) > 1:
            return [
                f"({n}) {shown_answer(blank.accepted[0])}" for n, blank in enumerate(spec.blanks, start=1)
            ]
        return [self.answer_text(spec)]

    def response_text(self, spec: ClozeAnswer, response: Response) -> str:
        return "; ".join(part or "–" for part in response)

    def response_lines(self, spec: ClozeAnswer, response: Response) -> list[str]:
        if len(spec.blanks) > 1:
            return [f"({n}) {part or '–'}" for n, part in enumerate(response, start=1)]
        return [self.response_text(spec, response)]

    def response_feedback(self, spec: ClozeAnswer, response: Response) -> tuple[str, ...]:
        """Each blank's feedback on the ``accept:`` or ``reject:`` entry its answer is taken
        for, numbered when there are several blanks."""
        if not isinstance(response, list):
            return ()
        found = []
        for number, (blank, given) in enumerate(zip(spec.blanks, response, strict=False)):
            text = entry_feedback(blank, given, _distractors(spec, number)) if isinstance(given, str) else ""
            if text:
                found.append(f"({number + 1}) {text}" if len(spec.blanks) > 1 else text)
        return tuple(found)

    def giveaway_texts(self, spec: ClozeAnswer) -> tuple[tuple[str, ...], ...]:
        """Each blank's accepted spellings; patterns aside."""
        return tuple(written_answers(blank) for blank in spec.blanks)

    def also_accepted(self, spec: ClozeAnswer) -> tuple[str, ...]:
        if len(spec.blanks) > 1:
            return ()
        return tuple(read_entry(option).shown for option in spec.blanks[0].accepted[1:])

    def card_front(self, question: Question) -> str:
        return BLANK.sub("_____", question.prompt)

    def form_values(self, shown: StudentQuestion, response: Response) -> dict[str, Any]:
        return {blank_input(n): response[n - 1] if response else "" for n in range(1, shown.blanks + 1)}

    def typed_values(self, shown: StudentQuestion, form: FormData) -> dict[str, Any]:
        return {blank_input(n): form.get(blank_input(n)) for n in range(1, shown.blanks + 1)}

    def response_from_values(self, shown: StudentQuestion, values: AnyMapping[str, Any]) -> Response:
        """The blanks as typed: ``canonical`` trims them, for the page and the API alike."""
        return [values.get(blank_input(n)) or "" for n in range(1, shown.blanks + 1)]
