"""Read one YAML document into a small tree that remembers lines and keeps scalars as written.

Why not ``yaml.safe_load``: it turns ``no`` into ``False`` and ``010`` into ``8``, forgets where
each value was, and silently keeps the last of two duplicate keys. We read PyYAML's event stream
(libyaml when it is available: about ten times faster), refuse tags, anchors and aliases, and leave
it to the bank schema to decide what each scalar means where it stands.

Inside brackets (``[5,000]``) YAML splits at every comma, so a number written with a thousands
comma silently becomes two entries; we report it (``_split_number``), as no teacher means that.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

import yaml

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BLOCK = frozenset({"|", ">"})  # the styles of block scalars


@dataclass(frozen=True, slots=True)
class Scalar:
    """A scalar exactly as written; ``plain`` is False for quoted and block scalars. ``line`` is
    where it starts: a block scalar's (``>-``, ``|``) is the line of its indicator, and its text
    starts on the next."""

    text: str
    line: int
    plain: bool = True
    block: bool = False

    @property
    def is_null(self) -> bool:
        return self.plain and self.text in _NULLS


@dataclass(frozen=True, slots=True)
class Sequence:
    items: tuple[Node, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Mapping:
    """Keys in file order; ``key_lines`` says where each key was written."""

    entries: dict[str, Node]
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)


Node = Scalar | Sequence | Mapping


class YamlError(Exception):
    """The text is not a YAML document we accept; ``line`` is 1-based."""

    def __init__(self, line: int, message: str):
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


@dataclass(slots=True)
class ParsedDocument:
    root: Node | None
    warnings: list[tuple[int, str]]  # problems that did not stop reading: (line, message)


def parse_document(text: str) -> ParsedDocument:
    """Parse ``text``; raise ``YamlError`` for syntax errors, tags, anchors and aliases."""
    builder = _TreeBuilder(text)
    try:
        next_event = _Parser(text).get_event  # yaml.parse() without its generator: ~15% faster
        while (event := next_event()) is not None:
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(text, exc) from None
    except yaml.YAMLError as exc:  # reader errors: control characters and the like
        message = " ".join(str(exc).split("\n")[0].split())
        raise YamlError(_reader_error_line(text, exc), f"unreadable YAML: {message}") from None
    return ParsedDocument(builder.root, builder.warnings)


# What a teacher should do about the syntax errors people make most (see docs/question-format.md).
_HINTS = (
    (
        "mapping values are not allowed",
        "a value contains ': ' (colon and space); put the whole value in double quotes",
    ),
    (
        "cannot start any token",
        "indent with spaces, not tabs, and quote a value that starts with a special character such as @ or `",
    ),
    (
        "could not find expected ':'",
        "a line has no ': ' after its field name; if a text goes on over "
        "several lines, write >- after the colon and indent the following lines",
    ),
    (
        "did not find expected '-' indicator",
        "list items start with '- ' (dash and space), indented like the others",
    ),
    (
        "did not find expected key",
        "check this line's indentation, and put a value that starts with { [ ' or \" in double quotes",
    ),
    ("found unexpected end of stream", "a quote mark or bracket opened here is never closed"),
    ("did not find expected ',' or", "a list or set in brackets opened here is never closed"),
)


def _syntax_error(text: str, exc: yaml.MarkedYAMLError) -> YamlError:
    """The line to look at and a hint: where a quote or key began matters more than where
    the parser gave up."""
    problem = exc.problem or exc.context or "unreadable"
    mark = exc.problem_mark or exc.context_mark
    context = exc.context or ""
    if exc.context_mark is not None and (
        "quoted scalar" in context or "simple key" in context or "flow" in context
    ):
        mark = exc.context_mark
    line = mark.line + 1 if mark is not None else 1
    hint = next((advice for pattern, advice in _HINTS if pattern in problem), "")
    message = f"YAML syntax error: {problem}" + (f": {hint}" if hint else "")
    return YamlError(line, " ".join(message.split()))


def _reader_error_line(text: str, exc: yaml.YAMLError) -> int:
    position = getattr(exc, "position", None)
    if isinstance(position, int):
        return text.count("\n", 0, position) + 1
    return 1


class _TreeBuilder:
    """Turns PyYAML events into ``Node`` objects with a stack of open collections."""

    def __init__(self, text: str) -> None:
        self.root: Node | None = None
        self.warnings: list[tuple[int, str]] = []
        self._stack: list[list[Any]] = []  # [kind, line, items, pending_key, key_lines, flow]
        self._documents = 0
        self._text = text

    def feed(self, event: yaml.Event) -> None:
        line = event.start_mark.line + 1 if event.start_mark is not None else 1
        if type(event) is yaml.ScalarEvent:  # most events are scalars: the checks are inlined
            if event.anchor is not None or event.tag is not None:
                self._check_plain_event(event, line)
            style = event.style
            if not style and self._stack and self._stack[-1][5]:
                self._check_split_number(event, line)
            self._add(Scalar(event.value, line, bool(event.implicit[0]) and not style, style in _BLOCK), line)
            return
        kind = type(event)
        if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            self._check_plain_event(cast(yaml.CollectionStartEvent, event), line)
            is_map = kind is yaml.MappingStartEvent
            flow = bool(cast(yaml.CollectionStartEvent, event).flow_style)
            self._stack.append(["map" if is_map else "seq", line, {} if is_map else [], None, {}, flow])
        elif kind is yaml.MappingEndEvent:
            _, start, entries, _, key_lines, _ = self._stack.pop()
            self._add(Mapping(entries, start, key_lines), start)
        elif kind is yaml.SequenceEndEvent:
            _, start, items, _, _, _ = self._stack.pop()
            self._add(Sequence(tuple(items), start), start)
        elif kind is yaml.AliasEvent:
            raise YamlError(line, "anchors and aliases (& and *) are not allowed; write the value out")
        elif kind is yaml.DocumentStartEvent:
            self._documents += 1
            if self._documents > 1:
                raise YamlError(line, "one bank per file: remove the second document (after '---')")

    def _check_plain_event(self, event: yaml.ScalarEvent | yaml.CollectionStartEvent, line: int) -> None:
        if event.anchor is not None:
            raise YamlError(line, "anchors and aliases (& and *) are not allowed; write the value out")
        tag = event.tag
        if tag is not None:
            raise YamlError(line, f"YAML tags such as {tag!r} are not allowed; remove the tag")

    def _check_split_number(self, event: yaml.ScalarEvent, line: int) -> None:
        """A plain scalar in brackets that ends where a comma splits a number ("5,000"), unless it
        is itself the rest of one (reported with its first part)."""
        text = self._text
        if event.start_mark is None or event.end_mark is None:
            return
        start, end = event.start_mark.index, event.end_mark.index
        if not _splits_number(text, end) or _splits_number(text, start - 1):
            return
        written = _entry_at(text, start)
        quoted = f'"{written}"'
        brackets, example = ("[ ]", f", e.g. [{quoted}]") if self._stack[-1][0] == "seq" else ("{ }", "")
        self.warnings.append(
            (
                line,
                f"inside {brackets} a comma separates entries, and {written} was split at its comma: "
                f"write {quoted} in double quotes{example} (to mean separate entries, put a space "
                "after the comma)",
            )
        )

    def _add(self, node: Node, line: int) -> None:
        if not self._stack:
            self.root = node
            return
        top = self._stack[-1]
        if top[0] == "seq":
            top[2].append(node)
            return
        key = top[3]
        if key is None:  # this node is a key
            if not isinstance(node, Scalar) or node.is_null:
                self.warnings.append((line, "a key must be a plain word such as 'prompt'"))
                top[3] = ("", line, False)
            else:
                duplicate = node.text in top[2]
                if duplicate:
                    first = top[4][node.text]
                    self.warnings.append(
                        (line, f"duplicate key '{node.text}' (first on line {first}); keep one")
                    )
                top[3] = (node.text, line, not duplicate)
            return
        name, key_line, keep = key
        top[3] = None
        if keep:
            top[2][name] = node
            top[4][name] = key_line


def _splits_number(text: str, comma: int) -> bool:
    """Whether ``text`` has a comma at ``comma`` with a digit on either side ("5,000")."""
    return (
        0 < comma < len(text) - 1
        and text[comma] == ","
        and text[comma - 1].isdigit()
        and text[comma + 1].isdigit()
    )


def _entry_at(text: str, start: int) -> str:
    """The plain entry written from ``start`` to the first bracket, line end or comma that
    does not stand between two digits: what the teacher meant as one entry."""
    end = start
    while end < len(text) and text[end] not in "[]{}\n" and (text[end] != "," or _splits_number(text, end)):
        end += 1
    return text[start:end].strip()
