"""The answer fields of each question type: how they are written and what makes them wrong.

One reader per type, registered in ``ANSWER_READERS``; each returns the typed answer or None
after reporting its problems.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Callable
from decimal import Decimal

from quizapp.core.cloze import blanks_in_text, misplaced_blanks
from quizapp.core.field_reader import FieldReader
from quizapp.core.model import (
    AnswerSpec,
    Choice,
    ChoiceAnswer,
    ClozeAnswer,
    Item,
    MatchingAnswer,
    NumericAnswer,
    OrderingAnswer,
    QuestionType,
    TextAnswer,
    TrueFalseAnswer,
)
from quizapp.core.number_parsing import parse_number
from quizapp.core.text_matching import normalize
from quizapp.core.yaml_document import Mapping, Node, Scalar

TYPE_FIELDS: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.SINGLE: ("choices", "answer"),
    QuestionType.MULTIPLE: ("choices", "answers"),
    QuestionType.TRUE_FALSE: ("answer",),
    QuestionType.NUMERIC: ("answer", "tolerance", "min", "max", "unit"),
    QuestionType.SHORT: ("accept", "typos"),
    QuestionType.CLOZE: ("blanks", "typos"),
    QuestionType.ORDERING: ("items",),
    QuestionType.MATCHING: ("pairs", "distractors"),
}


def derive_id(prefix: str, text: str) -> str:
    """A stable id for a choice or item: it follows the text, not its position."""
    return prefix + hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def _choices(read: FieldReader, mapping: Mapping) -> list[tuple[str, str, int]]:
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


def _match_choice(read: FieldReader, value: str, line: int, texts: list[str]) -> bool:
    if value in texts:
        return True
    close = difflib.get_close_matches(value, texts, n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    read.report(line, f"answer '{value}' is not among the choices{hint}")
    return False


def _single(read: FieldReader, mapping: Mapping, prompt: str) -> AnswerSpec | None:
    choices = _choices(read, mapping)
    node = mapping.entries.get("answer")
    answer = read.text(node, "answer", required=True, line=mapping.line)
    texts = [text for text, _, _ in choices]
    if not answer or not choices or not _match_choice(read, answer, node.line, texts):
        return None
    return ChoiceAnswer(tuple(Choice(derive_id("c", t), t, t == answer, f) for t, f, _ in choices))


def _multiple(read: FieldReader, mapping: Mapping, prompt: str) -> AnswerSpec | None:
    choices = _choices(read, mapping)
    node = mapping.entries.get("answers")
    if node is None:
        read.report(mapping.line, "missing field 'answers' (the list of correct choices)")
        return None
    answers = read.texts(node, "answers")
    if not answers:
        read.report(node.line, "list at least one correct choice under 'answers'")
        return None
    texts = [text for text, _, _ in choices]
    if not all([_match_choice(read, a, node.line, texts) for a in answers]) or not choices:
        return None
    correct = set(answers)
    return ChoiceAnswer(tuple(Choice(derive_id("c", t), t, t in correct, f) for t, f, _ in choices))


def _true_false(read: FieldReader, mapping: Mapping, prompt: str) -> AnswerSpec | None:
    node = mapping.entries.get("answer")
    if node is None or (isinstance(node, Scalar) and node.is_null):
        read.report(mapping.line, "missing field 'answer' (true or false)")
        return None
    before = len(read.problems)
    value = read.boolean(node, "answer", False)
    return TrueFalseAnswer(value) if len(read.problems) == before else None


def _numeric(read: FieldReader, mapping: Mapping, prompt: str) -> AnswerSpec | None:
    get = mapping.entries.get
    value = read.number(get("answer"), "answer")
    low, high = read.number(get("min"), "min"), read.number(get("max"), "max")
    unit = read.text(get("unit"), "unit")
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
        read.report(tolerance_node.line, "'tolerance' cannot be negative")
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
        read.report(get("min").line, f"'min' ({low}) is larger than 'max' ({high})")
        return None
    if has_value and value is None:
        if isinstance(get("answer"), Scalar) and get("answer").is_null:
            read.report(get("answer").line, "'answer' is empty: write the number")
        return None
    if has_range and low is None and high is None:
        read.report(mapping.line, "'min' and 'max' are empty: write at least one number")
        return None
    return NumericAnswer(
        value=value, tolerance=tolerance, relative=relative, minimum=low, maximum=high, unit=unit
    )


def _accepted(read: FieldReader, node: Node | None, line: int, what: str) -> tuple[str, ...] | None:
    answers = read.texts(node, what)
    if not answers:
        read.report(
            node.line if node is not None else line,
            f"missing field '{what}' (the accepted answers)" if node is None else f"'{what}' lists no answer",
        )
        return None
    ok = True
    for answer in answers:
        if not normalize(answer.replace("*", "")):
            read.report(node.line, f"accepted answer '{answer}' has no letters or digits to match")
            ok = False
    if ok and "*" in answers[0]:
        read.report(
            node.line,
            f"the first accepted answer '{answers[0]}' is shown to students "
            "as the correct answer; write it without '*'",
        )
        ok = False
    return answers if ok else None


def _short(read: FieldReader, mapping: Mapping, prompt: str) -> AnswerSpec | None:
    get = mapping.entries.get
    accepted = _accepted(read, get("accept"), mapping.line, "accept")
    typos = read.boolean(get("typos"), "typos", False)
    return TextAnswer(accepted, typos) if accepted else None


def _cloze(read: FieldReader, mapping: Mapping, prompt: str) -> AnswerSpec | None:
    get = mapping.entries.get
    typos = read.boolean(get("typos"), "typos", False)
    node = get("blanks")
    if node is None:
        read.report(mapping.line, "missing field 'blanks' (the accepted answers of each blank)")
        return None
    blanks: list[TextAnswer] = []
    for item in read.sequence(node, "blanks"):
        if isinstance(item, Mapping):
            read.fields(item, ("accept", "typos"), "a blank")
            accepted = _accepted(read, item.entries.get("accept"), item.line, "accept")
            blank_typos = read.boolean(item.entries.get("typos"), "typos", typos)
        else:
            accepted, blank_typos = _accepted(read, item, item.line, "blank"), typos
        if accepted:
            blanks.append(TextAnswer(accepted, blank_typos))
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


def _items(read: FieldReader, node: Node | None, what: str, prefix: str, minimum: int) -> list[Item]:
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


def _ordering(read: FieldReader, mapping: Mapping, prompt: str) -> AnswerSpec | None:
    node = mapping.entries.get("items")
    if node is None:
        read.report(mapping.line, "missing field 'items' (the entries in their correct order)")
        return None
    before = len(read.problems)
    items = _items(read, node, "items", "i", 2)
    return OrderingAnswer(tuple(items)) if len(read.problems) == before else None


def _matching(read: FieldReader, mapping: Mapping, prompt: str) -> AnswerSpec | None:
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
        for d in _items(read, mapping.entries.get("distractors"), "distractors", "r", 0)
        if d.text not in rights
    ]
    if len(read.problems) > before:
        return None
    return MatchingAnswer(tuple(pairs), tuple(distractors))


ANSWER_READERS: dict[QuestionType, Callable[[FieldReader, Mapping, str], AnswerSpec | None]] = {
    QuestionType.SINGLE: _single,
    QuestionType.MULTIPLE: _multiple,
    QuestionType.TRUE_FALSE: _true_false,
    QuestionType.NUMERIC: _numeric,
    QuestionType.SHORT: _short,
    QuestionType.CLOZE: _cloze,
    QuestionType.ORDERING: _ordering,
    QuestionType.MATCHING: _matching,
}
