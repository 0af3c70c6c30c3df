"""Edit one question of a bank file's text and leave every other byte of the file as it was.

A form (the editor's "Edit this question", the review of drafted questions) changes one question;
the teacher's file keeps its other questions, its comments, its blank lines and its order. A
question is an item of the top-level ``questions:`` list; its *block* runs from the line of its
``-`` to the last line of its own content. The comments and blank lines after that line belong to
what follows (usually they introduce the next question), so they stay where they are.

Positions come from PyYAML's event stream (each event knows where it starts and ends); the values
from ``quizapp.core.yaml_document``, which keeps every scalar as written (``"5,000"`` stays text,
``no`` stays ``no``). A rewritten question is written by ``interchange.common.yaml_lines``, the
writer whose output the app's loader reads back exactly, at the indent of the question it replaces.

Comments inside the rewritten question itself are not kept (the form shows no comments); every
other line is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from quizapp.core.field_reader import TRUE_WORDS
from quizapp.core.interchange.common import yaml_lines
from quizapp.core.yaml_document import Mapping, Node, Scalar, Sequence, YamlError, parse_document

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BLANK = " \t\r\n"


class QuestionEditError(ValueError):
    """The edit cannot be made: the text is not readable YAML, has no such question, or keeps
    its questions in a form this module does not rewrite (``questions: [...]`` in brackets)."""


@dataclass(frozen=True, slots=True)
class _Item:
    question_id: str | None
    start: int  # where the line of its "-" begins
    end: int  # just past the line break of its last line of content (or the end of the text)
    indent: str  # what stands before its "-"
    flow: bool  # the item is written in braces: {id: a, ...}
    # each field: where its key starts, and where its value's content ends
    fields: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass(slots=True)
class _Layout:
    items: list[_Item]
    has_questions: bool  # the bank has a top-level `questions:` key
    flow: bool  # `questions: [...]` in brackets (or written empty)


class _Events:
    def __init__(self, text: str) -> None:
        try:
            self._events = list(yaml.parse(text, Loader=_Parser))
        except yaml.YAMLError as exc:
            raise QuestionEditError(f"the file is not readable YAML: {exc}") from None
        self._at = 0

    def peek(self) -> yaml.Event:
        return self._events[self._at]

    def next(self) -> yaml.Event:
        event = self._events[self._at]
        self._at += 1
        return event

    def skip_node(self) -> int:
        """Consume one node; return where its content ends (a block collection's end event stands
        after the comments that follow it, so only scalars and closing brackets count)."""
        event = self.next()
        end = _end(event)
        if isinstance(event, yaml.CollectionStartEvent):
            while not isinstance(self.peek(), yaml.CollectionEndEvent):
                end = max(end, self.skip_node())
            closing = self.next()
            if event.flow_style:
                end = max(end, _end(closing))
        return end


def _start(event: yaml.Event) -> int:
    return event.start_mark.index if event.start_mark is not None else 0


def _end(event: yaml.Event) -> int:
    return event.end_mark.index if event.end_mark is not None else 0


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _after_line(text: str, index: int) -> int:
    """Just past the line break of the line holding ``index`` (the text's end on its last line)."""
    found = text.find("\n", index)
    return len(text) if found < 0 else found + 1


def _content_end(text: str, end: int) -> int:
    """The end of the line holding the last character before ``end`` that is not blank."""
    while end > 0 and text[end - 1] in _BLANK:
        end -= 1
    return _after_line(text, max(end - 1, 0))


def _dash(text: str, start: int) -> int:
    """Where the "-" of the list item whose content starts at ``start`` stands."""
    at = start
    while at > 0 and text[at - 1] in _BLANK:
        at -= 1
    return at - 1 if at > 0 and text[at - 1] == "-" else start


def _item(text: str, events: _Events) -> _Item:
    first = events.peek()
    dash = _dash(text, _start(first))
    start = _line_start(text, dash)
    indent = text[start:dash]
    fields: dict[str, tuple[int, int]] = {}
    question_id = None
    if not isinstance(first, yaml.MappingStartEvent):
        end = events.skip_node()
    else:
        events.next()
        end = _end(first)
        while not isinstance(events.peek(), yaml.MappingEndEvent):
            key = events.next()
            end = max(end, _end(key))
            value = events.peek()
            value_end = events.skip_node()
            end = max(end, value_end)
            if isinstance(key, yaml.ScalarEvent) and key.value not in fields:
                fields[key.value] = (_start(key), value_end)
                if key.value == "id" and isinstance(value, yaml.ScalarEvent):
                    question_id = value.value
        closing = events.next()
        if first.flow_style:
            end = max(end, _end(closing))
    flow = bool(isinstance(first, yaml.MappingStartEvent) and first.flow_style)
    return _Item(question_id, start, _content_end(text, end), " " * len(indent), flow, fields)


def _layout(text: str) -> _Layout:
    events = _Events(text)
    layout = _Layout([], False, False)
    events.next()  # the stream's start
    if not isinstance(events.peek(), yaml.DocumentStartEvent):
        return layout
    events.next()
    if not isinstance(events.peek(), yaml.MappingStartEvent):
        return layout
    events.next()
    while not isinstance(events.peek(), yaml.MappingEndEvent):
        key = events.next()
        value = events.peek()
        is_questions = isinstance(key, yaml.ScalarEvent) and key.value == "questions"
        if not is_questions or layout.has_questions:  # a second `questions:` is the loader's problem
            events.skip_node()
            continue
        layout.has_questions = True
        if not isinstance(value, yaml.SequenceStartEvent) or value.flow_style:
            layout.flow = True
            events.skip_node()
            continue
        events.next()
        while not isinstance(events.peek(), yaml.SequenceEndEvent):
            layout.items.append(_item(text, events))
        events.next()
    return layout


def _find(text: str, question_id: str) -> _Item:
    for item in _layout(text).items:
        if item.question_id == question_id:
            return item
    raise QuestionEditError(f"the file has no question with the id '{question_id}'")


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


class UnwritableField(QuestionEditError):
    """A field whose name is no plain word ('x-note', '1'): written by hand, it cannot be written
    back; the file has a problem about it, to fix in the editor."""


def _written(fields: dict[str, Any], indent: str, newline: str) -> str:
    if not fields:
        raise QuestionEditError("a question needs at least one field")
    try:
        return newline.join(yaml_lines([fields], indent)) + newline
    except ValueError as error:  # a key the bank format has no such word for (yaml_lines says which)
        raise UnwritableField(str(error)) from None


# --- public ---------------------------------------------------------------------------------------


def question_ids(text: str) -> list[str]:
    """The ids of the file's questions, in file order (an item without an id is left out)."""
    return [item.question_id for item in _layout(text).items if item.question_id is not None]


def question_lines(text: str, question_id: str) -> tuple[int, int]:
    """The first and last line (1-based) of the question's block."""
    item = _find(text, question_id)
    return text.count("\n", 0, item.start) + 1, text.count("\n", 0, item.end - 1) + 1


def field_lines(text: str, question_id: str) -> dict[str, tuple[int, int]]:
    """Each field of the question: the first and last line (1-based) it is written on, so that a
    problem reported at a line can be shown beside the field that holds it."""
    item = _find(text, question_id)
    return {
        key: (text.count("\n", 0, start) + 1, text.count("\n", 0, max(start, end - 1)) + 1)
        for key, (start, end) in item.fields.items()
    }


def question_fields(text: str, question_id: str) -> dict[str, Any]:
    """The question's fields as plain data, in file order: texts as written (a number is the text
    it was written as: "5,000", "010"), ``None`` for an empty value, ``True``/``False`` for the
    words true and false written plainly, lists and dicts for lists and sets of fields."""
    try:
        root = parse_document(text).root
    except YamlError as exc:
        raise QuestionEditError(f"the file is not readable YAML: {exc}") from None
    questions = root.entries.get("questions") if isinstance(root, Mapping) else None
    for item in questions.items if isinstance(questions, Sequence) else ():
        if isinstance(item, Mapping):
            found = item.entries.get("id")
            if isinstance(found, Scalar) and found.text == question_id:
                plain = _plain(item)
                assert isinstance(plain, dict)
                return plain
    raise QuestionEditError(f"the file has no question with the id '{question_id}'")


def _plain(node: Node) -> Any:
    if isinstance(node, Mapping):
        return {key: _plain(value) for key, value in node.entries.items()}
    if isinstance(node, Sequence):
        return [_plain(item) for item in node.items]
    if node.is_null:
        return None
    if node.plain and node.text in TRUE_WORDS:
        return TRUE_WORDS[node.text]
    return node.text


def replace_question(text: str, question_id: str, fields: dict[str, Any]) -> str:
    """``text`` with the question ``question_id`` written anew from ``fields`` (its id may change
    with them), at the indent of the question it replaces; every other line as it was."""
    item = _find(text, question_id)
    return text[: item.start] + _written(fields, item.indent, _newline(text)) + text[item.end :]


def remove_question(text: str, question_id: str) -> str:
    """``text`` without the question's block (the comments and blank lines around it stay)."""
    item = _find(text, question_id)
    return text[: item.start] + text[item.end :]


def remove_field(text: str, question_id: str, key: str) -> str:
    """``text`` without one field of the question (e.g. ``draft``), the question's other lines as
    they were; unchanged when the question has no such field."""
    return _without_field(text, _find(text, question_id), key)


def remove_field_of_each(text: str, question_ids: Iterable[str], key: str) -> str:
    """``text`` without the field ``key`` of each of the questions (accepting every draft at
    once): the file read once and cut from its end backwards, where a ``remove_field`` a question
    read the whole file again each time (a thousand drafts took minutes: the attack review)."""
    wanted = set(question_ids)
    items = [item for item in _layout(text).items if item.question_id in wanted and key in item.fields]
    for item in sorted(items, key=lambda item: item.start, reverse=True):
        text = _without_field(text, item, key)  # later questions first: earlier places hold
    return text


def _without_field(text: str, item: _Item, key: str) -> str:
    if key not in item.fields:
        return text
    question_id = item.question_id or ""
    if item.flow:
        fields = question_fields(text, question_id)
        fields.pop(key, None)
        return replace_question(text, question_id, fields)
    keys = sorted(item.fields.values())
    position = keys.index(item.fields[key])
    key_start, value_end = keys[position]
    if position == 0:  # on the line of the "-": the next field moves up to take its place
        if len(keys) == 1:
            return remove_question(text, question_id)
        return text[:key_start] + text[keys[1][0] :]
    start = _line_start(text, key_start)
    return text[:start] + text[_content_end(text, value_end) :]


def append_question(text: str, fields: dict[str, Any]) -> str:
    """``text`` with a new question after its last one (at the indent of the others), or, in a
    bank with no ``questions:`` yet, a ``questions:`` list of it at the end of the file."""
    layout = _layout(text)
    newline = _newline(text)
    if layout.items:
        last = layout.items[-1]
        before = text[: last.end] if text[: last.end].endswith("\n") else text[: last.end] + newline
        return before + _written(fields, last.indent, newline) + text[last.end :]
    if layout.has_questions:
        raise QuestionEditError(
            "the file's questions: list is empty or in brackets: write its first question in the file"
        )
    if text and not text.endswith("\n"):
        text += newline
    return text + "questions:" + newline + _written(fields, "  ", newline)
