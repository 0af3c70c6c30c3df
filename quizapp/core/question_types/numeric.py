"""``numeric``: a number, within a tolerance or a range, read as people type it (docs/scoring.md)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from quizapp.core.answer_fields import feedback_from_dict, feedback_to_dict, read_feedback
from quizapp.core.field_reader import FieldReader, line_of
from quizapp.core.model import NumericAnswer, Question, QuestionType
from quizapp.core.number_parsing import MAX_NUMBER_LENGTH, number_readings, parse_number, words_after_number
from quizapp.core.presentation import StudentQuestion
from quizapp.core.question_types.base import OneTypedInput, format_number
from quizapp.core.responses import (
    Check,
    Response,
    ResponseError,
    WrittenInteger,
    WrittenNumber,
    all_or_nothing,
)
from quizapp.core.yaml_document import Mapping, Scalar

INPUT = "number"
MAX_LENGTH = MAX_NUMBER_LENGTH  # the answer field's maxlength: longer text is no number


def number_hint(unit: str, what: str = "the answer") -> str:
    """How to type a numeric answer: the field's hint, and the message when it cannot be read
    (also for a short answer or a cloze blank whose answer is a number: ``what`` names it)."""
    after = f", with or without '{unit}' after it" if unit else ""
    return f"Write {what} in digits, for example 250 or 1,250{after}"


_SCALES = frozenset({"thousand", "million", "billion", "trillion"})


def without_unit(text: str, unit: str) -> str:
    """ "5000 troops" is 5000 when the question's unit is "troops"; so are "1 troop", "5000 troops."
    when it is "troops" or "days" (one unit, written as people write it before a noun). A unit
    that begins with its scale ("million dollars") may be written by its scale alone: "312
    million" is 312 when the unit is "million dollars"."""
    stripped = text.strip()
    if not unit:
        return stripped
    stripped = stripped.removesuffix(".").rstrip()  # "9 years." ends a sentence, as "2008." does
    singular = unit[:-1] if len(unit) > 3 and unit.endswith("s") else unit
    scale = unit.split()[0] if len(unit.split()) > 1 and unit.split()[0].casefold() in _SCALES else unit
    for written in dict.fromkeys((unit, singular, scale)):  # "312 million" of "million dollars"
        if stripped.casefold().endswith(written.casefold()):
            return stripped[: -len(written)].rstrip().removesuffix("-")
    return stripped


def refusal(text: str, unit: str, what: str = "the answer") -> str:
    """Why a typed number is refused: other words after it ("32 troops" where the unit is
    "soldiers") are named, so the student knows they wrote the number right; else how to write it."""
    extra = words_after_number(without_unit(text, unit))
    if not extra:
        return number_hint(unit, what)
    with_unit = f" (or the number and '{unit}')" if unit else ""
    return f"Write {what} as a number alone{with_unit}, without '{extra}'"


def typed_number_problem(text: str, unit: str) -> str | None:
    """Why a typed numeric answer cannot be read, or None when it can (or is empty): a number as
    people type it, optionally followed by the question's unit ("32 soldiers"); any other word
    is refused, so the student fixes it rather than loses the point."""
    if not text.strip() or number_readings(without_unit(text, unit)):
        return None
    return refusal(text, unit)


def numeric_matches(answer: NumericAnswer, value: Decimal) -> bool:
    if answer.value is None:
        low = answer.minimum if answer.minimum is not None else value
        high = answer.maximum if answer.maximum is not None else value
        return low <= value <= high
    allowed = answer.tolerance * abs(answer.value) if answer.relative else answer.tolerance
    return abs(value - answer.value) <= allowed


def _decimal_text(value: Decimal) -> str:
    """Plain digits, as a student types them; a number so large or small that its digits would
    run to thousands keeps its exponent, which the typed-number rules refuse as the page does."""
    if value.is_finite() and abs(value.adjusted()) <= 40:
        return format(value, "f")
    return str(value)


def _num(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _dec(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


class Numeric(OneTypedInput[NumericAnswer]):
    input_name = INPUT
    typed_length = MAX_LENGTH
    name = QuestionType.NUMERIC
    label = "Number"
    yaml_fields = ("answer", "tolerance", "min", "max", "unit", "feedback")
    response_shape = 'a number, or a string such as "5,000"'
    fields_template = "quiz/answer_fields/numeric.html"

    def read_answer(self, read: FieldReader, mapping: Mapping, prompt: str) -> NumericAnswer | None:
        get = mapping.entries.get
        value = read.number(get("answer"), "answer")
        low, high = read.number(get("min"), "min"), read.number(get("max"), "max")
        unit = read.text(get("unit"), "unit")
        feedback = read_feedback(read, mapping)
        tolerance, relative = Decimal(0), False
        tolerance_node = get("tolerance")
        if isinstance(tolerance_node, Scalar) and tolerance_node.text.strip().endswith("%"):
            percent = parse_number(tolerance_node.text.strip()[:-1])
            if percent is None:
                read.report(tolerance_node.line, "'tolerance' must be a number or a percentage like 5%")
            else:
                tolerance, relative = percent / 100, True
        elif tolerance_node is not None:
            tolerance = read.number(tolerance_node, "tolerance") or Decimal(0)
        if tolerance < 0:
            read.report(line_of(tolerance_node, mapping.line), "'tolerance' cannot be negative")
            return None
        has_value = get("answer") is not None
        has_range = get("min") is not None or get("max") is not None
        if has_value and has_range:
            read.report(mapping.line, "give either 'answer' (with an optional 'tolerance') or 'min'/'max'")
            return None
        if not has_value and not has_range:
            read.report(mapping.line, "missing field 'answer' (or 'min' and 'max' for a range)")
            return None
        if has_range and tolerance_node is not None:
            read.report(tolerance_node.line, "'tolerance' applies to 'answer', not to a 'min'/'max' range")
            return None
        if low is not None and high is not None and low > high:
            read.report(line_of(get("min"), mapping.line), f"'min' ({low}) is larger than 'max' ({high})")
            return None
        if has_value and value is None:
            answer_node = get("answer")
            if isinstance(answer_node, Scalar) and answer_node.is_null:
                read.report(answer_node.line, "'answer' is empty: write the number")
            return None
        if has_range and low is None and high is None:
            read.report(mapping.line, "'min' and 'max' are empty: write at least one number")
            return None
        return NumericAnswer(
            value=value,
            tolerance=tolerance,
            relative=relative,
            minimum=low,
            maximum=high,
            unit=unit,
            feedback=feedback,
        )

    def answer_to_dict(self, spec: NumericAnswer) -> dict[str, Any]:
        """ "feedback" only when there is some: a question without keeps its stored form."""
        data: dict[str, Any] = {
            "value": _num(spec.value),
            "tolerance": _num(spec.tolerance),
            "relative": spec.relative,
            "minimum": _num(spec.minimum),
            "maximum": _num(spec.maximum),
            "unit": spec.unit,
        }
        if spec.feedback:
            data["feedback"] = feedback_to_dict(spec.feedback)
        return data

    def answer_from_dict(self, data: dict[str, Any]) -> NumericAnswer:
        return NumericAnswer(
            value=_dec(data["value"]),
            tolerance=Decimal(data["tolerance"]),
            relative=data["relative"],
            minimum=_dec(data["minimum"]),
            maximum=_dec(data["maximum"]),
            unit=data["unit"],
            feedback=feedback_from_dict(data.get("feedback")),
        )

    def present(self, question: Question, seed: int, shuffle_choices: bool) -> StudentQuestion:
        unit = self.answer_of(question).unit
        return StudentQuestion(question.id, question.type, question.prompt, question.points, unit=unit)

    def typed_hint(self, shown: StudentQuestion) -> str:
        return number_hint(shown.unit)

    def canonical(self, response: Response) -> Response:
        """A number as exact text: a JSON column must not round 99999999999999999999, and the
        text is then read by the same rules as a number typed on the page. A number the API read
        from JSON is kept as it was written there, as the page keeps what was typed; a number
        from elsewhere (a float, an int, a Decimal) is written out in digits."""
        if isinstance(response, WrittenNumber | WrittenInteger):
            return response.written
        if isinstance(response, float):
            response = Decimal(repr(response))
        if isinstance(response, Decimal):
            return _decimal_text(response)
        if isinstance(response, int) and not isinstance(response, bool):
            return str(response)
        return super().canonical(response)

    def check(self, spec: NumericAnswer, response: Response) -> Check:
        """Right when any fair reading of the response is within the tolerance or range."""
        if isinstance(response, bool) or not isinstance(response, int | float | str | Decimal):
            raise ResponseError('expected a number, or a string such as "5,000"', INPUT)
        if isinstance(response, str):
            readings = number_readings(without_unit(response, spec.unit))
        else:
            try:
                value = Decimal(str(response))
            except ArithmeticError:
                value = Decimal("NaN")
            readings = (value,) if value.is_finite() else ()
        return all_or_nothing(any(numeric_matches(spec, value) for value in readings))

    def accept_typed(self, spec: NumericAnswer, response: Response) -> Check:
        """Also refuses an answer with no number in it (or NaN): a stored one only scores 0."""
        result = self.check(spec, response)
        if isinstance(response, str):
            problem = typed_number_problem(response, spec.unit)
        else:
            problem = None if Decimal(str(response)).is_finite() else number_hint(spec.unit)
        if problem:
            raise ResponseError(problem, INPUT)
        return result

    def response_feedback(self, spec: NumericAnswer, response: Response) -> tuple[str, ...]:
        return self.verdict_feedback(spec, spec.feedback, response)

    def full_marks_response(self, spec: NumericAnswer) -> Response:
        value = spec.value if spec.value is not None else spec.minimum
        if value is None:
            value = spec.maximum
        return format_number(value) if value is not None else "0"

    def giveaway_texts(self, spec: NumericAnswer) -> tuple[tuple[str, ...], ...]:
        """The number with its unit ("32 soldiers"); for a range, each end that is given."""
        unit = f" {spec.unit}" if spec.unit else ""
        values = (spec.value,) if spec.value is not None else (spec.minimum, spec.maximum)
        return tuple((format_number(value) + unit,) for value in values if value is not None)

    def answer_text(self, spec: NumericAnswer) -> str:
        unit = f" {spec.unit}" if spec.unit else ""
        if spec.value is None:  # a range: both ends, or the one given ("at least 400")
            low, high = spec.minimum, spec.maximum
            if low is not None and high is not None:
                return f"between {format_number(low)} and {format_number(high)}{unit}"
            if low is not None:
                return f"at least {format_number(low)}{unit}"
            return f"at most {format_number(high)}{unit}" if high is not None else "any number"
        text = format_number(spec.value) + unit
        if spec.tolerance:
            if spec.relative:
                return f"{text} (± {format_number(spec.tolerance * 100)}%)"
            return f"{text} (± {format_number(spec.tolerance)})"
        return text
