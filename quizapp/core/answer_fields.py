"""Answer fields that several question types share in a bank file: choices, accepted answers,
lists of items. Each type reads its own fields (``QuestionKind.read_answer``) with these."""

from __future__ import annotations

import difflib
import hashlib

from quizapp.core.field_reader import FieldReader, line_of
from quizapp.core.model import Item
from quizapp.core.text_matching import matches_any, normalize, read_entry
from quizapp.core.yaml_document import Mapping, Node, Scalar


def derive_id(prefix: str, text: str) -> str:
    """A stable id for a choice or item: it follows the text, not its position."""
    return prefix + hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def read_choices(read: FieldReader, mapping: Mapping) -> list[tuple[str, str, int]]:
    """(text, feedback, line) of each choice, after checking the list."""
    node = mapping.entries.get("choices")
    if node is None:
        read.report(mapping.line, "missing field 'choices'")
        return []
    result: list[tuple[str, str, int]] = []
    texts: dict[str, int] = {}
    for item in read.sequence(node, "choices"):
        if isinstance(item, Mapping):
            read.fields(item, ("text", "feedback"), "a choice")
            text = read.text(item.entries.get("text"), "text", required=True, line=item.line)
            feedback = read.text(item.entries.get("feedback"), "feedback")
        else:
            text, feedback = read.text(item, "choice"), ""
        if not text:
            read.report(item.line, "a choice is empty")
            continue
        if text in texts:
            read.report(item.line, f"choice '{text}' is listed twice (first on line {texts[text]})")
            continue
        texts[text] = item.line
        result.append((text, feedback, item.line))
    if len(result) < 2 and node is not None:
        read.report(node.line, "give at least 2 choices")
    return result


def match_choice(read: FieldReader, value: str, line: int, texts: list[str]) -> bool:
    if value in texts:
        return True
    close = difflib.get_close_matches(value, texts, n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    read.report(line, f"answer '{value}' is not among the choices{hint}")
    return False


def read_accepted(read: FieldReader, node: Node | None, line: int, what: str) -> tuple[str, ...] | None:
    answers = read.texts(node, what)
    if not answers:
        read.report(
            line_of(node, line),
            f"missing field '{what}' (the accepted answers)" if node is None else f"'{what}' lists no answer",
        )
        return None
    ok = True
    for answer in answers:
        if not normalize(read_entry(answer).text):
            read.report(line_of(node, line), f"accepted answer '{answer}' has no letters or digits to match")
            ok = False
    if ok and read_entry(answers[0]).pattern:
        read.report(
            line_of(node, line),
            f"the first accepted answer '{answers[0]}' is shown to students "
            "as the correct answer; write it without '*' (a literal '*' is written '\\*')",
        )
        ok = False
    return answers if ok else None


def read_rejected(read: FieldReader, node: Node | None, accepted: tuple[str, ...]) -> tuple[str, ...] | None:
    """The known wrong answers of ``reject:`` (none when the field is left out), or None after
    reporting a problem: each must have letters or digits, and none may be accepted by
    ``accepted`` (nor, written with ``*``, match one of the accepted answers)."""
    if node is None:
        return ()
    items = read.sequence(node, "reject") if not isinstance(node, Scalar) or node.is_null else (node,)
    rejected: list[str] = []
    ok = True
    for item in items:
        text = read.text(item, "reject")
        if not isinstance(item, Scalar):  # reported: a list or fields where text belongs
            ok = False
            continue
        problem = _reject_problem(text, accepted)
        if problem:
            read.report(item.line, problem)
            ok = False
        elif text not in rejected:
            rejected.append(text)
    return tuple(rejected) if ok else None


def _reject_problem(text: str, accepted: tuple[str, ...]) -> str | None:
    entry = read_entry(text)
    if not normalize(entry.text):
        return f"rejected answer '{text}' has no letters or digits to match"
    if entry.pattern:  # a pattern: it must not refuse an answer the question accepts
        written = (read_entry(option) for option in accepted)
        also = [
            option.written for option in written if not option.pattern and matches_any((text,), option.text)
        ]
        if also:
            return (
                f"rejected pattern '{text}' matches the accepted answer '{also[0]}': narrow it or remove it"
            )
        return None
    also = [option for option in accepted if matches_any((option,), entry.text)]
    if also:
        return f"'{text}' is both rejected and accepted (as '{also[0]}'): remove it from one of the lists"
    return None


def read_items(read: FieldReader, node: Node | None, what: str, prefix: str, minimum: int) -> list[Item]:
    items: list[Item] = []
    seen: dict[str, int] = {}
    for entry in read.sequence(node, what):
        text = read.text(entry, what)
        if not text:
            read.report(entry.line, f"an entry of '{what}' is empty")
        elif text in seen:
            read.report(entry.line, f"'{text}' is listed twice (first on line {seen[text]})")
        else:
            seen[text] = entry.line
            items.append(Item(derive_id(prefix, text), text))
    if node is not None and len(items) < minimum:
        read.report(node.line, f"give at least {minimum} entries under '{what}'")
    return items
