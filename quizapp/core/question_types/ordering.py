"""``ordering``: items to put in order; partial credit by pairs in order (docs/scoring.md)."""

from __future__ import annotations

from collections.abc import Mapping as AnyMapping
from fractions import Fraction
from functools import cache
from typing import Any

from quizapp.core.answer_fields import read_items
from quizapp.core.attempts import seeded_shuffle
from quizapp.core.field_reader import FieldReader
from quizapp.core.model import Item, OrderingAnswer, Question, QuestionType
from quizapp.core.presentation import Option, StudentQuestion, options
from quizapp.core.question_types.base import ARROW, FormData, QuestionKind, ShownText, listed
from quizapp.core.responses import Check, Response, ResponseError, all_or_nothing, id_list
from quizapp.core.yaml_document import Mapping


def position_input(item_id: str) -> str:
    """The name of the answer field that gives an item its position."""
    return f"position_{item_id}"


@cache
def _positions(count: int) -> tuple[Option, ...]:
    return tuple(Option(str(n), str(n)) for n in range(1, count + 1))


class Ordering(QuestionKind[OrderingAnswer]):
    name = QuestionType.ORDERING
    label = "Ordering"
    yaml_fields = ("items",)
    response_shape = "a list of item ids, first to last"
    fields_template = "quiz/answer_fields/ordering.html"
    fields_script = "reorder.js"  # drag and drop, and keyboard moves
    markdown_answer = True

    def read_answer(self, read: FieldReader, mapping: Mapping, prompt: str) -> OrderingAnswer | None:
        node = mapping.entries.get("items")
        if node is None:
            read.report(mapping.line, "missing field 'items' (the entries in their correct order)")
            return None
        before = len(read.problems)
        items = read_items(read, node, "items", "i", 2)
        return OrderingAnswer(tuple(items)) if len(read.problems) == before else None

    def answer_to_dict(self, spec: OrderingAnswer) -> dict[str, Any]:
        return {"items": [[item.id, item.text] for item in spec.items]}

    def answer_from_dict(self, data: dict[str, Any]) -> OrderingAnswer:
        return OrderingAnswer(tuple(Item(*item) for item in data["items"]))

    def present(self, question: Question, seed: int, shuffle_choices: bool) -> StudentQuestion:
        # Every order equally likely, the correct one included: an order that is never shown, or
        # shown less often, would tell the answer to anyone who starts a few attempts.
        items = options(seeded_shuffle(self.answer_of(question).items, seed, question.id))
        return StudentQuestion(question.id, question.type, question.prompt, question.points, items=items)

    def shown_texts(self, question: Question) -> tuple[ShownText, ...]:
        """The prompt and the items (in the file's order: which order is shown does not matter
        here, and shuffling takes time)."""
        items = self.answer_of(question).items
        return (ShownText("prompt", question.prompt), *(ShownText("item", item.text) for item in items))

    def options(self, shown: StudentQuestion) -> tuple[Option, ...]:
        """The positions, 1 to the number of items."""
        return _positions(len(shown.items))

    def check(self, spec: OrderingAnswer, response: Response) -> Check:
        """The share of item pairs that stand in the right order relative to each other."""
        order = id_list(response, "a list of item ids in the chosen order")
        ids = [item.id for item in spec.items]
        if sorted(order) != sorted(ids):
            raise ResponseError(f"expected each of the {len(ids)} item ids exactly once")
        position = {item_id: index for index, item_id in enumerate(order)}
        pairs = [position[ids[i]] < position[ids[j]] for i in range(len(ids)) for j in range(i + 1, len(ids))]
        if not pairs:
            return all_or_nothing(True)
        return Check(Fraction(sum(pairs), len(pairs)), tuple(pairs))

    def full_marks_response(self, spec: OrderingAnswer) -> Response:
        return [item.id for item in spec.items]

    def answer_text(self, spec: OrderingAnswer) -> str:
        return ARROW.join(item.text for item in spec.items)

    def giveaway_texts(self, spec: OrderingAnswer) -> tuple[tuple[str, ...], ...]:
        """None: the items are on screen, and the answer is their order."""
        return ()

    def answer_lines(self, spec: OrderingAnswer) -> list[str]:
        return [f"{n}. {item.text}" for n, item in enumerate(spec.items, start=1)]

    def response_text(self, spec: OrderingAnswer, response: Response) -> str:
        texts = {item.id: item.text for item in spec.items}
        return ARROW.join(texts.get(item_id, "?") for item_id in response)

    def response_lines(self, spec: OrderingAnswer, response: Response) -> list[str]:
        texts = {item.id: item.text for item in spec.items}
        return [f"{n}. {texts.get(item_id, '?')}" for n, item_id in enumerate(response, start=1)]

    def card_front(self, question: Question) -> str:
        """Items listed alphabetically: the file's order is the answer."""
        texts = sorted(item.text for item in self.answer_of(question).items)
        return f"{question.prompt}\n\n{listed(texts)}"

    def form_values(self, shown: StudentQuestion, response: Response) -> dict[str, Any]:
        order = {item_id: n for n, item_id in enumerate(response or [], start=1)}
        return {
            position_input(item.id): str(order[item.id]) if item.id in order else "" for item in shown.items
        }

    def typed_values(self, shown: StudentQuestion, form: FormData) -> dict[str, Any]:
        return {position_input(item.id): form.get(position_input(item.id), "") for item in shown.items}

    def response_from_values(self, shown: StudentQuestion, values: AnyMapping[str, Any]) -> Response:
        """The items by position; each needs a different one (or none has any: no answer)."""
        chosen = {item.id: values.get(position_input(item.id)) or "" for item in shown.items}
        if not any(chosen.values()):
            return None
        allowed = {option.id for option in self.options(shown)}
        if set(chosen.values()) != allowed or len(chosen) != len(allowed):
            raise ResponseError(f"Give each item a different position from 1 to {len(shown.items)}")
        return sorted(chosen, key=lambda item_id: int(chosen[item_id]))
