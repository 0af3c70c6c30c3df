"""``matching``: each item on the left paired with one on the right (docs/scoring.md)."""

from __future__ import annotations

from collections.abc import Mapping as AnyMapping
from fractions import Fraction
from typing import Any

from quizapp.core.answer_fields import derive_id, read_items
from quizapp.core.attempts import seeded_shuffle
from quizapp.core.field_reader import FieldReader
from quizapp.core.model import Item, MatchingAnswer, Question, QuestionType
from quizapp.core.presentation import Option, StudentQuestion, options
from quizapp.core.question_types.base import ARROW, FormData, QuestionKind, ShownText, listed
from quizapp.core.responses import Check, Response, ResponseError
from quizapp.core.yaml_document import Mapping


def match_input(left_id: str) -> str:
    """The name of the answer field that chooses a left item's match."""
    return f"match_{left_id}"


class Matching(QuestionKind[MatchingAnswer]):
    name = QuestionType.MATCHING
    label = "Matching"
    yaml_fields = ("pairs", "distractors")
    response_shape = 'an object pairing left ids with right ids, e.g. {"l1": "r2"}'
    fields_template = "quiz/answer_fields/matching.html"
    fields_script = "reorder.js"  # drag and drop, and keyboard moves
    markdown_answer = True

    def read_answer(self, read: FieldReader, mapping: Mapping, prompt: str) -> MatchingAnswer | None:
        node = mapping.entries.get("pairs")
        if node is None:
            read.report(mapping.line, "missing field 'pairs' (each with 'left' and 'right')")
            return None
        before = len(read.problems)
        pairs: list[tuple[Item, Item]] = []
        lefts: dict[str, int] = {}
        for entry in read.sequence(node, "pairs"):
            pair = read.mapping(entry, entry.line, "a pair")
            if pair is None:
                continue
            read.fields(pair, ("left", "right"), "a pair")
            left = read.text(pair.entries.get("left"), "left", required=True, line=pair.line)
            right = read.text(pair.entries.get("right"), "right", required=True, line=pair.line)
            if left in lefts:
                read.report(pair.line, f"left '{left}' is listed twice (first on line {lefts[left]})")
            elif left and right:
                lefts[left] = pair.line
                pairs.append((Item(derive_id("l", left), left), Item(derive_id("r", right), right)))
        if len(pairs) < 2:
            read.report(node.line, "give at least 2 pairs")
        rights = {right.text for _, right in pairs}
        distractors = [
            d
            for d in read_items(read, mapping.entries.get("distractors"), "distractors", "r", 0)
            if d.text not in rights
        ]
        if len(read.problems) > before:
            return None
        return MatchingAnswer(tuple(pairs), tuple(distractors))

    def answer_to_dict(self, spec: MatchingAnswer) -> dict[str, Any]:
        return {
            "pairs": [[[lt.id, lt.text], [rt.id, rt.text]] for lt, rt in spec.pairs],
            "distractors": [[item.id, item.text] for item in spec.distractors],
        }

    def answer_from_dict(self, data: dict[str, Any]) -> MatchingAnswer:
        return MatchingAnswer(
            tuple((Item(*left), Item(*right)) for left, right in data["pairs"]),
            tuple(Item(*item) for item in data["distractors"]),
        )

    def present(self, question: Question, seed: int, shuffle_choices: bool) -> StudentQuestion:
        spec = self.answer_of(question)
        rights = seeded_shuffle(spec.rights, seed, question.id + ":right")
        return StudentQuestion(
            question.id,
            question.type,
            question.prompt,
            question.points,
            lefts=options(spec.lefts),
            rights=options(rights),
        )

    def shown_texts(self, question: Question) -> tuple[ShownText, ...]:
        """The prompt and both sides, the distractors as decoys."""
        spec = self.answer_of(question)
        paired = {right.id for _, right in spec.pairs}
        return (
            ShownText("prompt", question.prompt),
            *(ShownText("left", left.text) for left in spec.lefts),
            *(ShownText("right", right.text, decoy=right.id not in paired) for right in spec.rights),
        )

    def options(self, shown: StudentQuestion) -> tuple[Option, ...]:
        return shown.rights

    def check(self, spec: MatchingAnswer, response: Response) -> Check:
        """Each left item matched to its right item earns an equal share."""
        if not isinstance(response, dict) or not all(
            isinstance(k, str) and isinstance(v, str | None) for k, v in response.items()
        ):
            raise ResponseError("expected an object mapping left item ids to right item ids")
        lefts = {left.id for left, _ in spec.pairs}
        rights = {item.id for item in spec.rights}
        for left_id, right_id in response.items():
            if left_id not in lefts:
                raise ResponseError(f"unknown left item id {left_id[:40]!r}")
            if right_id and right_id not in rights:
                raise ResponseError(f"unknown right item id {right_id[:40]!r}", match_input(left_id))
        parts = tuple(response.get(left.id) == right.id for left, right in spec.pairs)
        return Check(Fraction(sum(parts), len(parts)), parts)

    def full_marks_response(self, spec: MatchingAnswer) -> Response:
        return {left.id: right.id for left, right in spec.pairs}

    def answer_text(self, spec: MatchingAnswer) -> str:
        return "; ".join(f"{left.text}{ARROW}{right.text}" for left, right in spec.pairs)

    def giveaway_texts(self, spec: MatchingAnswer) -> tuple[tuple[str, ...], ...]:
        """None: both sides are on screen, and the answer is how they pair."""
        return ()

    def answer_lines(self, spec: MatchingAnswer) -> list[str]:
        return [f"{left.text}{ARROW}{right.text}" for left, right in spec.pairs]

    def response_text(self, spec: MatchingAnswer, response: Response) -> str:
        return "; ".join(self.response_lines(spec, response))

    def response_lines(self, spec: MatchingAnswer, response: Response) -> list[str]:
        rights = {item.id: item.text for item in spec.rights}
        return [f"{left.text}{ARROW}{rights.get(response.get(left.id), '–')}" for left in spec.lefts]

    def card_front(self, question: Question) -> str:
        spec = self.answer_of(question)
        lefts = listed([left.text for left in spec.lefts])
        rights = ", ".join(sorted(item.text for item in spec.rights))
        return f"{question.prompt}\n\n{lefts}\n\nTo match with: {rights}"

    def form_values(self, shown: StudentQuestion, response: Response) -> dict[str, Any]:
        return {match_input(left.id): (response or {}).get(left.id, "") for left in shown.lefts}

    def typed_values(self, shown: StudentQuestion, form: FormData) -> dict[str, Any]:
        return {match_input(left.id): form.get(match_input(left.id), "") for left in shown.lefts}

    def response_from_values(self, shown: StudentQuestion, values: AnyMapping[str, Any]) -> Response:
        chosen = {left.id: values.get(match_input(left.id)) for left in shown.lefts}
        return {left: right for left, right in chosen.items() if right} or None

    def answer_note(self, shown: StudentQuestion, values: AnyMapping[str, Any]) -> str:
        """Says which answer is chosen for two items or more: a slip sometimes, but often right
        (several items may share one answer), so it neither refuses nor doubts: it says what the
        student can see, never what the key says. reorder.js says it in the same words."""
        rights = {right.id: right.text for right in shown.rights}
        lefts_of: dict[str, list[str]] = {}
        for left in shown.lefts:
            chosen = values.get(match_input(left.id))
            if chosen in rights:
                lefts_of.setdefault(chosen, []).append(left.text)
        return " ".join(
            f"“{rights[right_id]}” is chosen for {_all(lefts)} — fine if it fits "
            f"{'both' if len(lefts) == 2 else 'each'} of them."
            for right_id, lefts in lefts_of.items()
            if len(lefts) > 1
        )


def _all(texts: list[str]) -> str:
    """both “a” and “b”; “a”, “b” and “c”."""
    quoted = [f"“{text}”" for text in texts]
    return (
        f"both {quoted[0]} and {quoted[1]}"
        if len(quoted) == 2
        else f"{', '.join(quoted[:-1])} and {quoted[-1]}"
    )
