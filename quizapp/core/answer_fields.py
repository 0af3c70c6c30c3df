"""Answer fields that several question types share in a bank file: choices, accepted answers,
lists of items. Each type reads its own fields (``QuestionKind.read_answer``) with these."""

from __future__ import annotations

import difflib
import hashlib

from quizapp.core.field_reader import FieldReader, line_of
from quizapp.core.model import NO_FEEDBACK, Feedback, Item
from quizapp.core.text_matching import counts_symbols, matches_any, matches_any_answer, normalize, read_entry
from quizapp.core.yaml_document import Mapping, Node, Scalar, Sequence


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


def _answer_entries(read: FieldReader, node: Node | None, what: str) -> list[tuple[str, str, Node]]:
    """(text, feedback, node) of each entry of ``accept:`` or ``reject:``: a text, or, as a
    choice, ``text:`` with ``feedback:``; a single entry counts as a list of one. Entries that
    are not text (reported) and empty ones are left out."""
    if node is None or (isinstance(node, Scalar) and node.is_null):
        return []
    items = node.items if isinstance(node, Sequence) else (node,)
    entries: list[tuple[str, str, Node]] = []
    for item in items:
        if isinstance(item, Mapping):
            read.fields(item, ("text", "feedback"), f"an entry of '{what}'")
            text = read.text(item.entries.get("text"), "text", required=True, line=item.line)
            feedback = read.text(item.entries.get("feedback"), "feedback")
        else:
            text, feedback = read.text(item, what), ""
        if text:
            entries.append((text, feedback, item))
    return entries


def read_accepted(
    read: FieldReader, node: Node | None, line: int, what: str
) -> tuple[tuple[str, str], ...] | None:
    """(answer, feedback) of each accepted answer, or None after reporting a problem."""
    entries = [(text, feedback) for text, feedback, _ in _answer_entries(read, node, what)]
    answers = [text for text, _ in entries]
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
        elif matches_any_answer(answer):
            read.report(
                line_of(node, line),
                f"accepted answer '{answer}' would accept any answer: a leading 'the', 'a' or 'an' "
                "is dropped from answers, so give the pattern another word",
            )
            ok = False
    if ok and read_entry(answers[0]).pattern:
        read.report(
            line_of(node, line),
            f"the first accepted answer '{answers[0]}' is shown to students "
            "as the correct answer; write it without '*' (a literal '*' is written '\\*')",
        )
        ok = False
    return tuple(entries) if ok else None


def read_rejected(
    read: FieldReader, node: Node | None, accepted: tuple[str, ...]
) -> tuple[tuple[str, str], ...] | None:
    """(answer, feedback) of the known wrong answers of ``reject:`` (none when the field is left
    out), or None after reporting a problem: each must have letters or digits, and none may be
    accepted by ``accepted`` (nor, written with ``*``, match one of the accepted answers)."""
    before = len(read.problems)
    rejected: dict[str, str] = {}
    entries = _answer_entries(read, node, "reject")
    symbols = counts_symbols(accepted, tuple(text for text, _, _ in entries))
    for text, feedback, item in entries:
        problem = _reject_problem(text, accepted, symbols)
        if problem:
            read.report(item.line, problem)
        elif text not in rejected:
            rejected[text] = feedback
    return tuple(rejected.items()) if len(read.problems) == before else None


def _reject_problem(text: str, accepted: tuple[str, ...], symbols: bool) -> str | None:
    """What is wrong with the rejected answer ``text`` next to ``accepted``, compared as the
    question compares (``symbols``: whether symbols count, ``counts_symbols``); None if nothing."""
    entry = read_entry(text)
    if not normalize(entry.text):
        return f"rejected answer '{text}' has no letters or digits to match"
    if entry.pattern:  # a pattern: it must not refuse an answer the question accepts
        written = (read_entry(option) for option in accepted)
        also = [
            option.written
            for option in written
            if not option.pattern and matches_any((text,), option.text, symbols=symbols)
        ]
        if also:
            return (
                f"rejected pattern '{text}' matches the accepted answer '{also[0]}': narrow it or remove it"
            )
        return None
    also = [option for option in accepted if matches_any((option,), entry.text, symbols=symbols)]
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


FEEDBACK_FIELDS = ("right", "wrong")


def read_feedback(read: FieldReader, mapping: Mapping) -> Feedback:
    """A question's ``feedback:`` (``right:`` and ``wrong:``, either optional), after reporting
    its problems; none when the field is left out."""
    node = mapping.entries.get("feedback")
    if node is None or (isinstance(node, Scalar) and node.is_null):
        return NO_FEEDBACK
    if not isinstance(node, Mapping):
        read.report(node.line, "'feedback' must be a set of fields: 'right:' and/or 'wrong:', each a text")
        return NO_FEEDBACK
    read.fields(node, FEEDBACK_FIELDS, "'feedback'")
    right, wrong = (read.text(node.entries.get(key), f"feedback: {key}") for key in FEEDBACK_FIELDS)
    return Feedback(right, wrong)


def feedback_to_dict(feedback: Feedback) -> dict[str, str]:
    """Stored with the answer spec, only when there is some (so a question without keeps its hash)."""
    return {key: text for key, text in (("right", feedback.right), ("wrong", feedback.wrong)) if text}


def feedback_from_dict(data: dict[str, str] | None) -> Feedback:
    return Feedback(**data) if data else NO_FEEDBACK


def feedback_on(feedback: Feedback, full_marks: bool) -> tuple[str, ...]:
    """The question's words on an answer that earns full marks, or on one that does not."""
    text = feedback.right if full_marks else feedback.wrong
    return (text,) if text else ()
