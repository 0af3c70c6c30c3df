"""What every importer produces, and the YAML it becomes."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from quizapp.core.model import AnswerVisibility


@dataclass(frozen=True, slots=True)
class SourceNote:
    """Something about one item of the source: why it was skipped, or how it was changed."""

    line: int
    text: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.text}"


@dataclass
class Imported:
    """Questions and cards in the bank file's own field names, and what was skipped (with lines)."""

    title: str = "Imported questions"
    # The name the source gives itself (a GIFT category or heading, an Anki deck); "" when it
    # gives none: the bank's title then comes from the teacher, who is asked for one.
    source_title: str = ""
    questions: list[dict[str, Any]] = field(default_factory=list)
    cards: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[SourceNote] = field(default_factory=list)
    notes: list[SourceNote] = field(default_factory=list)
    _ids: set[str] = field(default_factory=set)
    _next_number: dict[str, int] = field(default_factory=dict)

    def add_question(self, question: dict[str, Any], hint: str) -> None:
        self.questions.append({"id": self.unique_id(hint), **question})

    def unique_id(self, hint: str) -> str:
        """``hint`` as an id, numbered from -2 when taken; each base remembers the number it
        reached, so 5,000 questions of one title take linear time, not quadratic."""
        base = slug(hint) or "question"
        candidate, number = base, self._next_number.get(base, 2)
        while candidate in self._ids:
            candidate, number = f"{base}-{number}", number + 1
        self._next_number[base] = number
        self._ids.add(candidate)
        return candidate

    def skip(self, line: int, reason: str) -> None:
        self.skipped.append(SourceNote(line, reason))

    def note(self, line: int, change: str) -> None:
        """Something kept, but not exactly as the source had it (e.g. partial credit)."""
        self.notes.append(SourceNote(line, change))


def shared_name(paths: list[list[str]]) -> str:
    """The name a source's items are filed under, from each item's path of names (a GIFT
    category, an Anki deck): the last name all paths begin with, else the first path's first
    name ("" for no path). [History, Kosovo] and [History, Serbia] are "History"; one path
    [History, Kosovo] is "Kosovo"."""
    paths = [path for path in paths if path]
    if not paths:
        return ""
    shared: list[str] = []
    for names in zip(*paths, strict=False):
        if any(name != names[0] for name in names):
            break
        shared.append(names[0])
    return shared[-1] if shared else paths[0][0]


def slug(text: str, words: int = 6) -> str:
    """A readable id from text: "What is the capital?" -> "what-is-the-capital"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    parts = re.findall(r"[a-z0-9]+", plain)[:words]
    return "-".join(parts)[:60].strip("-")


# What an imported bank says about answers: study material from Moodle, Quizlet or Anki is written
# to give its feedback right after each answer, so practice shows it then (a test never does).
IMPORTED_SHOW_ANSWERS = AnswerVisibility.IMMEDIATELY
_SHOW_ANSWERS_COMMENT = (
    "  # Practice shows the right answer and the author's feedback right after each answer;\n"
    "  # a test still shows them only after it is submitted. To show them only after submitting\n"
    "  # in practice too, write 'after_submit'; for banks used in graded tests, 'never'\n"
    "  # (docs/question-format.md, show_answers).\n"
)


def bank_yaml(imported: Imported, source_note: str) -> str:
    """The bank file for an import, with a comment saying where it came from, and
    ``show_answers: immediately`` with a comment saying what it means and how to change it."""
    bank: dict[str, Any] = {}
    if imported.questions:
        bank["questions"] = imported.questions
    if imported.cards:
        bank["cards"] = imported.cards
    notes = [f"# Imported from {_comment(source_note)}. Check it, then save it."]
    notes += [f"# Skipped {_comment(str(item))}" for item in imported.skipped]
    notes += [f"# Changed {_comment(str(item))}" for item in imported.notes]
    # written as text, not by yaml_text, to hold the comment ("immediately" is a plain word)
    header = yaml_text({"title": imported.title}) + "settings:\n" + _SHOW_ANSWERS_COMMENT
    header += f"  show_answers: {IMPORTED_SHOW_ANSWERS.value}\n"
    return "\n".join(notes) + "\n" + header + (yaml_text(bank) if bank else "")


def _comment(text: str) -> str:
    """One comment line: a line break in the text would end the comment and start YAML."""
    return " ".join(text.split())


# --- YAML text without PyYAML's emitter (about 0.5 ms a line: 88 s for a large Quizlet file) -----
#
# An import is a tree of dicts, lists, strings, booleans and numbers, so its YAML is written
# directly: block style as PyYAML writes it, each string plain when it is plainly text, as a
# literal block when it has several lines, and otherwise double-quoted with every character that
# YAML would not read back as itself escaped. A property test reads the output back with the app's
# own loader (quizapp.core.yaml_document) and checks every string arrives exactly as it left.

_PLAIN = re.compile(r"[A-Za-z0-9_(][A-Za-z0-9_ .,;!?'()/+*=$%&^<>\-]*")
_PLAIN_END = re.compile(r".*[^ ]\Z", re.DOTALL)
_SPECIAL_WORDS = re.compile(
    r"(?:~|null|true|false|yes|no|on|off|y|n|[-+]?(?:\.inf|\.nan)|<<|=)\Z", re.IGNORECASE
)
_LITERAL = re.compile(
    "[^\\s\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ufeff\\ufffe\\uffff]"  # the first character: no blank
    "[^\\t\\r\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ufeff\\ufffe\\uffff]*"
    "(?<![\\s])\\Z"  # the last: no blank either (the block is written with '|-')
)
_NEEDS_ESCAPE = re.compile('["\\\\\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ufeff\\ufffe\\uffff]')
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}


def _escape_character(found: re.Match[str]) -> str:
    char = found.group()
    return _ESCAPES.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def _scalar(value: Any, indent: str) -> str:
    """A scalar to follow "key:" or "-"; a literal block goes on the next lines, at ``indent``."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and _PLAIN_END.match(text) and not _SPECIAL_WORDS.match(text):
        return text
    if "\n" in text and _LITERAL.match(text):
        return "|-\n" + "\n".join(indent + line if line else "" for line in text.split("\n"))
    return '"' + _NEEDS_ESCAPE.sub(_escape_character, text) + '"'


_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _key(key: str) -> str:
    """A key as written: a plain word of the bank format ("prompt"); anything else is a bug of
    the caller (the loader reads only plain words as keys, and "null" as no key at all)."""
    if not _KEY.fullmatch(key) or key.lower() == "null":
        raise ValueError(f"{key!r} is not a key of the bank format")
    return key


def _write(value: dict[str, Any] | list[Any], indent: str, out: list[str]) -> None:
    """``value`` as block YAML at ``indent``, one line per entry appended to ``out``.

    Lists stand at their key's indent ("key:" then "- item"), as PyYAML writes them.
    """
    if isinstance(value, dict):
        for key, item in value.items():
            _put(f"{indent}{_key(key)}:", item, out, indent + "  ", indent)
        return
    for item in value:
        if isinstance(item, dict) and item:
            for number, (key, entry) in enumerate(item.items()):
                head = f"{indent}- {_key(key)}:" if number == 0 else f"{indent}  {_key(key)}:"
                _put(head, entry, out, indent + "    ", indent + "  ")
        else:
            _put(f"{indent}-", item, out, indent + "  ", indent + "  ")


def _put(head: str, value: Any, out: list[str], inner: str, list_indent: str) -> None:
    """``head`` ("key:" or "-") and its value; ``inner`` indents a nested mapping or text block."""
    if isinstance(value, dict | list) and value:
        out.append(head)
        _write(value, inner if isinstance(value, dict) else list_indent, out)
    elif isinstance(value, dict | list):
        out.append(f"{head} {{}}" if isinstance(value, dict) else f"{head} []")
    else:
        out.append(f"{head} {_scalar(value, inner)}")


def yaml_text(document: dict[str, Any]) -> str:
    """``document`` as YAML that the app's loader reads back exactly (see above)."""
    out: list[str] = []
    _write(document, "", out)
    return "\n".join(out) + "\n"


def yaml_lines(value: dict[str, Any] | list[Any], indent: str = "") -> list[str]:
    """``value`` as block YAML lines (no line breaks) at ``indent``, as ``yaml_text`` writes it:
    a list item written into a file's ``questions:`` at the indent of its other items."""
    out: list[str] = []
    _write(value, indent, out)
    return out
