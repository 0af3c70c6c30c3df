"""Typed reads of YAML nodes that report problems instead of raising.

Each method returns a usable default after reporting, so one pass over a file finds every
problem in it.
"""

from __future__ import annotations

import difflib
import re
from decimal import Decimal

from quizapp.core.number_parsing import parse_number
from quizapp.core.problems import ProblemList
from quizapp.core.yaml_document import Mapping, Node, Scalar, Sequence

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,79}")
TRUE_WORDS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
MAX_TEXT = 20_000


class FieldReader:
    """Typed reads of nodes that report problems instead of raising."""

    def __init__(self, problems: ProblemList):
        self.problems = problems
        self.qid: str | None = None

    def report(self, line: int, message: str) -> None:
        self.problems.add(line, message, self.qid)

    def fields(self, node: Mapping, allowed: tuple[str, ...], where: str) -> None:
        for key, line in node.key_lines.items():
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                hint = f"; did you mean '{close[0]}'?" if close else f" (allowed: {', '.join(allowed)})"
                self.report(line, f"unknown field {_shown(key)} in {where}{hint}")

    def mapping(self, node: Node | None, line: int, what: str) -> Mapping | None:
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return None
        if not isinstance(node, Mapping):
            self.report(node.line, f"{what} must be a set of 'field: value' lines")
            return None
        return node

    def sequence(self, node: Node | None, what: str) -> tuple[Node, ...]:
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return ()
        if not isinstance(node, Sequence):
            self.report(node.line, f"'{what}' must be a list (lines starting with '- ')")
            return ()
        return node.items

    def text(self, node: Node | None, what: str, required: bool = False, line: int = 0) -> str:
        if node is None or (isinstance(node, Scalar) and node.is_null):
            if required:
                self.report(line, f"missing field '{what}'")
            return ""
        if not isinstance(node, Scalar):
            self.report(node.line, f"'{what}' must be text, not a list or a set of fields")
            return ""
        if len(node.text) > MAX_TEXT:
            self.report(node.line, f"'{what}' is longer than {MAX_TEXT} characters")
            return node.text[:MAX_TEXT]
        if required and not node.text.strip():
            self.report(node.line, f"'{what}' is empty")
        return node.text.strip()

    def texts(self, node: Node | None, what: str) -> tuple[str, ...]:
        """A list of texts; a single text counts as a list of one."""
        if isinstance(node, Scalar) and not node.is_null:
            return (self.text(node, what),)
        values = []
        for item in self.sequence(node, what):
            value = self.text(item, what)
            if value:
                values.append(value)
        return tuple(values)

    def boolean(self, node: Node | None, what: str, default: bool) -> bool:
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return default
        if isinstance(node, Scalar) and node.text in TRUE_WORDS:
            return TRUE_WORDS[node.text]
        shown = node.text if isinstance(node, Scalar) else "a list"
        self.report(node.line, f"'{what}' must be true or false, not '{shown}'")
        return default

    def number(self, node: Node | None, what: str) -> Decimal | None:
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return None
        value = parse_number(node.text) if isinstance(node, Scalar) else None
        if value is None:
            shown = node.text if isinstance(node, Scalar) else "a list"
            self.report(node.line, f"'{what}' must be a number written in decimals, not '{shown}'")
        return value

    def integer(self, node: Node | None, what: str, low: int, high: int) -> int | None:
        value = self.number(node, what)
        if value is None or node is None:
            return None
        if value != value.to_integral_value() or not low <= value <= high:
            self.report(node.line, f"'{what}' must be a whole number from {low} to {high}")
            return None
        return int(value)


def line_of(node: Node | None, fallback: int) -> int:
    """Where a field was written, or ``fallback`` (its mapping's line) when it is missing."""
    return fallback if node is None else node.line


def _shown(text: str) -> str:
    """Quoted for a message; invisible characters (pasted non-breaking spaces...) made visible."""
    if text.isascii() and text.isprintable():
        return f"'{text}'"
    return ascii(text) + " (it contains invisible or unusual characters)"
