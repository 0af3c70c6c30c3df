"""What the fields of a bank file mean, and every way they can be wrong (docs/question-format.md).

``build_bank`` walks the parsed YAML tree once, builds the typed ``Bank`` and reports each
problem with its line. It reports all problems of a file rather than stopping at the first.
Scalars reach it as written, so ``no`` stays the text "no" where text is expected, and a
boolean must be written ``true`` or ``false``.
"""

from __future__ import annotations

import difflib
import hashlib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from quizapp.core.answer_fields import derive_id
from quizapp.core.field_reader import ID_PATTERN, FieldReader, line_of
from quizapp.core.giveaways import BANK_TEXTS
from quizapp.core.model import (
    BANK_ANSWER_VISIBILITIES,
    AnswerVisibility,
    Bank,
    Card,
    Question,
    QuizSettings,
    SourceInfo,
    TextLine,
)
from quizapp.core.passages import locate_quote, paragraphs
from quizapp.core.problems import ProblemList
from quizapp.core.question_types import UnknownQuestionType, question_type, question_types
from quizapp.core.question_types.base import QuestionKind
from quizapp.core.serialization import canonical_json, with_content_hash
from quizapp.core.yaml_document import Mapping, Node, Scalar, Sequence

BANK_FIELDS = ("id", "title", "description", "source", "tags", "settings", "questions", "cards")
SOURCE_FIELDS = ("title", "publisher", "path", "url")
SETTINGS_FIELDS = (
    "time_limit_minutes",
    "draw",
    "shuffle_questions",
    "shuffle_choices",
    "pass_mark",
    "flashcards",
    "show_answers",
)
COMMON_FIELDS = (
    "id",
    "type",
    "prompt",
    "explanation",
    "source",
    "tags",
    "points",
    "group",
    "allow_giveaway",
    "draft",
)
CARD_FIELDS = ("id", "term", "definition", "tags")
MAX_TITLE = 300
_BANK_TEXT_NAMES = ", ".join(f"'{name}'" for name in BANK_TEXTS[:-1]) + f" or '{BANK_TEXTS[-1]}'"


class SourceUnavailable(Exception):
    """The bank's source text cannot be read; the message says why."""


SourceReader = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class _SourceQuotes:
    """The source text and its paragraphs, in which each quote must stand."""

    path: str
    text: str
    paragraphs: tuple[str, ...]

    def contains(self, quote: str) -> bool:
        """Whether the quote stands within one paragraph (passages.locate_quote: shown as found)."""
        return locate_quote(self.paragraphs, quote) is not None

    def spans_paragraphs(self, quote: str) -> bool:
        """Whether the quote is in the text only across a paragraph break (never highlighted)."""
        joined = (" ".join(self.paragraphs),)
        return not self.contains(quote) and locate_quote(joined, quote) is not None


_UNCHECKABLE = _SourceQuotes("", "", ())  # the source path is given but unreadable (reported once)

_QUOTE_FOLD = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " "}
)


def normalize_quote(text: str) -> str:
    """Whitespace collapsed and typographic quotes and dashes made plain."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_QUOTE_FOLD).split())


def build_bank(
    root: Node | None, file: str, default_slug: str, read_source: SourceReader, problems: ProblemList
) -> Bank | None:
    """The bank described by ``root``, or None; every problem found goes to ``problems``."""
    read = FieldReader(problems)
    bank_node = read.mapping(root, 1, "a bank file")
    if bank_node is None:
        if root is None or isinstance(root, Scalar):
            read.report(1, "the file holds no bank: start with 'title:' and 'questions:'")
        return None
    read.fields(bank_node, BANK_FIELDS, "the bank")
    fields = bank_node.entries
    bank_slug = read.text(fields.get("id"), "id") or default_slug
    if not ID_PATTERN.fullmatch(bank_slug):
        read.report(
            bank_node.key_lines.get("id", 1),
            f"bank id '{bank_slug}' may only use letters, digits, '-', '_' and '.'",
        )
    title = read.text(fields.get("title"), "title", required=True, line=bank_node.line)
    if len(title) > MAX_TITLE:
        read.report(fields["title"].line, f"the title is longer than {MAX_TITLE} characters")
    source, quotes = _source(read, fields.get("source"), read_source)
    quote_check = quotes if quotes is not None else (_UNCHECKABLE if source and source.path else None)
    questions_node = fields.get("questions")
    written = _questions(read, questions_node, bank_node, quote_check)
    questions = tuple(question for question in written if not question.draft)
    cards = _cards(read, fields.get("cards"))
    settings = _settings(read, fields.get("settings"), _test_size(questions_node, questions))
    if problems:
        return None
    bank = Bank(
        slug=bank_slug,
        title=title,
        description=read.text(fields.get("description"), "description"),
        source=source,
        source_text=quotes.text if quotes else "",
        tags=read.texts(fields.get("tags"), "tags"),
        settings=settings,
        questions=questions,
        drafts=tuple(question for question in written if question.draft),
        cards=cards,
        path=file,
        title_line=_text_line(fields.get("title")),
        description_line=_text_line(fields.get("description")),
        text_lines=_bank_text_lines(fields),
    )
    return _with_bank_hash(bank)


def _bank_text_lines(fields: dict[str, Node]) -> tuple[TextLine, ...]:
    """Where the source's title and publisher and each tag are written (core/giveaways.py)."""
    source = fields.get("source")
    found = [
        TextLine(f"source {name}", text, line)
        for name in ("title", "publisher")
        if isinstance(source, Mapping)
        for text, line in _scalar_lines(source.entries.get(name))
    ]
    found.extend(TextLine("tags", text, line) for text, line in _scalar_lines(fields.get("tags")))
    return tuple(found)


def _scalar_lines(node: Node | None) -> list[tuple[str, int]]:
    """The texts of a field written as one text or a list of them, each with its line (that of
    its first line of text), empty ones left out as ``FieldReader.texts`` leaves them out."""
    items = (node,) if isinstance(node, Scalar) else node.items if isinstance(node, Sequence) else ()
    return [
        (item.text.strip(), _text_line(item))
        for item in items
        if isinstance(item, Scalar) and not item.is_null and item.text.strip()
    ]


def _test_size(node: Node | None, questions: tuple[Question, ...]) -> int:
    """How many questions a test can draw: one per group, every question without one.

    Counted from the questions as written, so a broken question does not add a second problem.
    """
    if not isinstance(node, Sequence):
        return len(questions)
    groups: set[str] = set()
    ungrouped = 0
    for item in node.items:
        group = item.entries.get("group") if isinstance(item, Mapping) else None
        if isinstance(group, Scalar) and not group.is_null and group.text.strip():
            groups.add(group.text.strip())
        else:
            ungrouped += 1
    return ungrouped + len(groups)


def _with_bank_hash(bank: Bank) -> Bank:
    parts = [
        bank.slug,
        bank.title,
        bank.description,
        repr(bank.source),
        repr(bank.settings),
        repr(bank.tags),
        repr(bank.cards),
    ] + [q.content_hash for q in bank.questions]
    if bank.drafts:  # a bank without drafts keeps the hash it had before they existed
        parts += ["drafts", *(q.content_hash for q in bank.drafts)]
    digest = hashlib.sha256(canonical_json(parts).encode("utf-8")).hexdigest()
    return replace(bank, content_hash=digest)


def _source(
    read: FieldReader, node: Node | None, read_source: SourceReader
) -> tuple[SourceInfo | None, _SourceQuotes | None]:
    source = read.mapping(node, 0, "source")
    if source is None:
        return None, None
    read.fields(source, SOURCE_FIELDS, "source")
    entries = source.entries
    info = SourceInfo(
        title=read.text(entries.get("title"), "title", required=True, line=source.line),
        publisher=read.text(entries.get("publisher"), "publisher"),
        path=read.text(entries.get("path"), "path"),
        url=read.text(entries.get("url"), "url"),
    )
    if not info.path:
        return info, None
    try:
        text = read_source(info.path)
    except SourceUnavailable as exc:
        read.report(entries["path"].line, f"source text '{info.path}': {exc}")
        return info, None
    return info, _SourceQuotes(info.path, text, tuple(paragraphs(text)))


def _settings(read: FieldReader, node: Node | None, question_count: int) -> QuizSettings:
    settings = read.mapping(node, 0, "settings")
    if settings is None:
        return QuizSettings()
    read.fields(settings, SETTINGS_FIELDS, "settings")
    get = settings.entries.get
    defaults = QuizSettings()
    visibility = defaults.show_answers
    shown = read.text(get("show_answers"), "show_answers")
    if shown:
        key = shown.lower().replace(" ", "_").replace("-", "_")
        chosen = next((v for v in BANK_ANSWER_VISIBILITIES if v.value == key), None)
        if chosen is not None:
            visibility = chosen
        else:
            options = ", ".join(v.value for v in BANK_ANSWER_VISIBILITIES)
            why = (
                " (answers after the due time are an assignment's choice: a bank has no due time)"
                if key == AnswerVisibility.AFTER_DUE.value
                else ""
            )
            read.report(
                line_of(get("show_answers"), settings.line),
                f"'show_answers' must be one of {options}, not '{shown}'{why}",
            )
    draw = read.integer(get("draw"), "draw", 1, max(question_count, 1))
    return QuizSettings(
        flashcards=_flashcards(read, get("flashcards"), visibility),
        time_limit_minutes=read.integer(get("time_limit_minutes"), "time_limit_minutes", 1, 24 * 60),
        draw=draw,
        shuffle_questions=read.boolean(
            get("shuffle_questions"), "shuffle_questions", defaults.shuffle_questions
        ),
        shuffle_choices=read.boolean(get("shuffle_choices"), "shuffle_choices", defaults.shuffle_choices),
        pass_mark=_or(read.integer(get("pass_mark"), "pass_mark", 0, 100), defaults.pass_mark),
        show_answers=visibility,
    )


def _flashcards(read: FieldReader, node: Node | None, visibility: AnswerVisibility) -> bool:
    """Whether students may study the bank as flashcards, whose backs are the answers.

    A ``never`` bank shows students only their scores, so it is not study material unless
    said otherwise, and it cannot be: ``flashcards: true`` with ``never`` is a contradiction.
    """
    never = visibility is AnswerVisibility.NEVER
    flashcards = read.boolean(node, "flashcards", not never)
    if flashcards and never and node is not None:
        read.report(
            node.line,
            "'flashcards: true' cannot go with 'show_answers: never': flashcards show the answers "
            "on their backs, and a bank that never shows answers cannot be studied as flashcards",
        )
        return False
    return flashcards


def _or(value: int | None, default: int) -> int:
    return default if value is None else value


def _questions(
    read: FieldReader, node: Node | None, bank_node: Mapping, quotes: _SourceQuotes | None
) -> tuple[Question, ...]:
    if node is None:
        read.report(bank_node.line, "missing field 'questions'")
        return ()
    items = read.sequence(node, "questions")
    if not items and isinstance(node, Sequence | Scalar):
        read.report(node.line, "the bank has no questions")
    seen: dict[str, int] = {}
    questions = []
    for item in items:
        read.qid = None
        if isinstance(item, Scalar) and item.is_null:
            read.report(item.line, "an empty question: a '- ' with nothing after it")
            continue
        question = _question(read, item, quotes, seen)
        if question is not None:
            questions.append(question)
    read.qid = None
    _check_allowed_giveaways(read, items, seen)
    return tuple(questions)


def _check_allowed_giveaways(read: FieldReader, items: tuple[Node, ...], ids: dict[str, int]) -> None:
    """Each name in an ``allow_giveaway`` list is another question of the bank, or a bank text
    (``BANK_TEXTS``): any other name is a typo to fix. (A name that silences no give-away is a
    warning: core/giveaways.py.)"""
    for item in items:
        if not isinstance(item, Mapping) or "allow_giveaway" not in item.entries:
            continue
        qid = item.entries.get("id")
        own = qid.text.strip() if isinstance(qid, Scalar) else ""
        read.qid = own or f"question on line {item.line}"
        node = item.entries["allow_giveaway"]
        entries = (node,) if isinstance(node, Scalar) else node.items if isinstance(node, Sequence) else ()
        for entry in entries:  # a field of the wrong shape is reported where it is read
            if not isinstance(entry, Scalar) or entry.is_null:
                continue
            name = entry.text.strip()
            if name == own:
                read.report(entry.line, f"allow_giveaway names the question itself ('{name}')")
            elif name not in ids and name not in BANK_TEXTS:
                close = difflib.get_close_matches(name, [*ids, *BANK_TEXTS], n=1, cutoff=0.7)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                read.report(
                    entry.line,
                    f"allow_giveaway names '{name}', which is no question of this bank "
                    f"(nor {_BANK_TEXT_NAMES}){hint}",
                )
    read.qid = None


def _text_line(node: Node | None) -> int:
    """Where a field's text starts (a block scalar's on the line after its ``>-``); 0 if absent."""
    if node is None:
        return 0
    return node.line + 1 if isinstance(node, Scalar) and node.block else node.line


def _text_lines(mapping: Mapping, fields: tuple[str, ...]) -> tuple[TextLine, ...]:
    """The texts of a question's ``fields`` (those a student reads) with their field and line (a
    block scalar's first line of text), so that a message about a choice or an item can point at
    the line it is written on."""
    found: list[TextLine] = []
    for field in fields:
        node = mapping.entries.get(field)
        waiting = [node] if node is not None else []
        while waiting:
            node = waiting.pop()
            if isinstance(node, Scalar):
                found.append(TextLine(field, node.text.strip(), node.line + 1 if node.block else node.line))
            elif isinstance(node, Sequence):
                waiting.extend(reversed(node.items))
            else:
                waiting.extend(reversed(node.entries.values()))
    return tuple(found)


def _no_feedback_field(kind: QuestionKind[Any]) -> str:
    """Why a question of ``kind`` has no ``feedback:`` (right/wrong), and where its feedback goes."""
    having = ", ".join(other.name for other in question_types() if "feedback" in other.yaml_fields)
    message = f"a {kind.name} question has no 'feedback' field (only {having} questions have one)"
    if "choices" in kind.yaml_fields:
        return message + ": write the feedback on each choice ('- text: ...' with 'feedback: ...')"
    if "blanks" in kind.yaml_fields:
        return (
            message
            + ": write it on an entry of a blank's 'accept' or 'reject' ('text: ...' with 'feedback: ...')"
        )
    return message


def _question(
    read: FieldReader, node: Node, quotes: _SourceQuotes | None, seen: dict[str, int]
) -> Question | None:
    mapping = read.mapping(node, node.line, "a question")
    if mapping is None:
        return None
    fields = mapping.entries
    read.qid = f"question on line {mapping.line}"
    qid = read.text(fields.get("id"), "id", required=True, line=mapping.line)
    read.qid = qid or read.qid
    if qid and not ID_PATTERN.fullmatch(qid):
        read.report(fields["id"].line, "an id may only use letters, digits, '-', '_' and '.'")
    if qid in seen:
        read.report(fields["id"].line, f"duplicate id '{qid}' (first on line {seen[qid]})")
    elif qid:
        seen[qid] = mapping.line
    type_name = read.text(fields.get("type"), "type", required=True, line=mapping.line)
    try:
        kind = question_type(type_name)
    except UnknownQuestionType:
        kinds = question_types()
        if type_name:
            names = [kind.name for kind in kinds]
            close = difflib.get_close_matches(type_name, names, n=1, cutoff=0.5)
            hint = f"did you mean '{close[0]}'?" if close else f"types: {', '.join(names)}"
            read.report(fields["type"].line, f"unknown type '{type_name}'; {hint}")
        every_type_field = tuple(dict.fromkeys(f for kind in kinds for f in kind.yaml_fields))
        read.fields(mapping, COMMON_FIELDS + every_type_field, "a question")
        return None
    allowed_fields = COMMON_FIELDS + kind.yaml_fields
    if "feedback" in mapping.key_lines and "feedback" not in allowed_fields:
        read.report(mapping.key_lines["feedback"], _no_feedback_field(kind))
        allowed_fields += ("feedback",)  # reported just now, not again as unknown
    read.fields(mapping, allowed_fields, f"a {kind.name} question")
    prompt = read.text(fields.get("prompt"), "prompt", required=True, line=mapping.line)
    before = len(read.problems)
    answer = kind.read_answer(read, mapping, prompt)
    source_quotes = _source_quotes(read, fields.get("source"), mapping.key_lines.get("source", 0), quotes)
    points = _points(read, fields.get("points"))
    allowed = read.texts(fields.get("allow_giveaway"), "allow_giveaway")
    draft = read.boolean(fields.get("draft"), "draft", False)
    if answer is None or len(read.problems) > before or not qid or not prompt:
        return None
    return with_content_hash(
        Question(
            id=qid,
            type=kind.name,
            prompt=prompt,
            answer=answer,
            explanation=read.text(fields.get("explanation"), "explanation"),
            source_quotes=source_quotes,
            tags=read.texts(fields.get("tags"), "tags"),
            points=points,
            group=read.text(fields.get("group"), "group"),
            line=mapping.line,
            allow_giveaway=allowed,
            allow_giveaway_lines=tuple(line for _, line in _scalar_lines(fields.get("allow_giveaway"))),
            text_lines=_text_lines(mapping, ("prompt", *kind.yaml_fields)),
            draft=draft,
        )
    )


def _source_quotes(
    read: FieldReader, node: Node | None, line: int, quotes: _SourceQuotes | None
) -> tuple[str, ...]:
    """A question's ``source``: one quote, or a list of them when its answer rests on several
    passages. Each is checked against the source text, and reported at its own line."""
    if node is None or (isinstance(node, Scalar) and node.is_null):
        return ()
    if isinstance(node, Mapping):
        read.report(node.line, "'source' must be a quote or a list of quotes, not a set of fields")
        return ()
    written: list[tuple[Node, str]] = (
        [(node, read.text(node, "source"))] if isinstance(node, Scalar) else _listed_quotes(read, node)
    )
    written = [(item, quote) for item, quote in written if quote]
    if written and quotes is None:
        read.report(line, "the question quotes a source, but the bank has no source 'path' to check it")
    elif quotes is not None and quotes is not _UNCHECKABLE:
        for item, quote in written:
            if quotes.spans_paragraphs(quote):
                read.report(
                    item.line,
                    f'source quote runs across a paragraph break in {quotes.path}: "{_start(quote)}"; '
                    "quote each paragraph's part on its own (source: [first, second])",
                )
            elif not any(char.isalnum() for char in quote):
                read.report(item.line, f'a source quote needs words of the text, not only "{_start(quote)}"')
            elif not quotes.contains(quote):
                read.report(item.line, f'source quote not found in {quotes.path}: "{_start(quote)}"')
    return tuple(quote for _, quote in written)


def _start(quote: str, length: int = 60) -> str:
    return quote if len(quote) <= length else quote[:length].rstrip() + "…"


def _listed_quotes(read: FieldReader, node: Sequence) -> list[tuple[Node, str]]:
    """The quotes of a ``source`` list, each with its node; empty or repeated ones reported."""
    if not node.items:
        read.report(node.line, "'source' is an empty list: give one or more quotes, or leave 'source' out")
    written: list[tuple[Node, str]] = []
    first_lines: dict[str, int] = {}
    for item in node.items:
        if not isinstance(item, Scalar):
            read.report(item.line, "each quote in 'source' must be text, not a list or a set of fields")
            continue
        quote = read.text(item, "source")
        if not quote:
            read.report(item.line, "an empty quote in 'source': a '- ' with no quote after it")
            continue
        key = normalize_quote(quote)
        if key in first_lines:
            read.report(item.line, f"the same quote twice in 'source' (first on line {first_lines[key]})")
            continue
        first_lines[key] = item.line
        written.append((item, quote))
    return written


def _points(read: FieldReader, node: Node | None) -> Decimal:
    value = read.number(node, "points")
    if value is None or node is None:
        return Decimal(1)
    if value <= 0 or value > 1000:
        read.report(node.line, "'points' must be more than 0 and at most 1000")
        return Decimal(1)
    return Decimal(format(value.normalize(), "f"))


def _cards(read: FieldReader, node: Node | None) -> tuple[Card, ...]:
    cards: list[Card] = []
    seen: dict[str, int] = {}
    for entry in read.sequence(node, "cards"):
        read.qid = None
        card = read.mapping(entry, entry.line, "a card")
        if card is None:
            continue
        read.fields(card, CARD_FIELDS, "a card")
        get = card.entries.get
        term = read.text(get("term"), "term", required=True, line=card.line)
        definition = read.text(get("definition"), "definition", required=True, line=card.line)
        card_id = read.text(get("id"), "id") or derive_id("card-", term)
        if not ID_PATTERN.fullmatch(card_id):
            read.report(card.line, "a card id may only use letters, digits, '-', '_' and '.'")
            continue
        if card_id in seen:
            read.report(card.line, f"duplicate card id '{card_id}' (first on line {seen[card_id]})")
            continue
        seen[card_id] = card.line
        if term and definition:
            cards.append(Card(card_id, term, definition, read.texts(get("tags"), "tags"), card.line))
    return tuple(cards)


__all__ = ["SourceUnavailable", "build_bank", "normalize_quote"]
