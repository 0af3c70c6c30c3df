"""Bank files made from other tools' exports: one function behind the upload page and ``flask import``.

The result is YAML text for the editor (or a file): nothing is saved until it is checked, and
what could not be imported is listed with its line in the source.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quizapp.core.bank_loader import MAX_BANK_BYTES, decode_text
from quizapp.core.interchange import bank_yaml, read
from quizapp.core.interchange.common import SourceNote
from quizapp.core.interchange.quizlet import QuizletSeparators, describe
from quizapp.core.yaml_document import YamlError

FORMAT_LABELS = {
    "gift": "Moodle GIFT",
    "aiken": "Aiken",
    "quizlet": "Quizlet (text export)",
    "anki-text": "Anki notes in plain text",
}


# The largest import (docs/import-export.md): its check, preview and save each take a few
# seconds, well within the worker timeout (30 s), and its bank fits the editor's save (2 MB).
MAX_IMPORT_ITEMS = 5_000  # questions and cards together: a Quizlet list of 2,500 terms
MAX_IMPORT_LINES = 25_000  # counted before anything is parsed, so a huge file is refused at once


# What an import calls text pasted into the upload page, where it would name a file.
PASTED_TEXT = "the pasted text"


class ImportFailed(ValueError):
    """The upload cannot be read at all (not text, too large)."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    text: str  # the bank file
    questions: int
    cards: int
    skipped: tuple[SourceNote, ...]  # items left out, and why
    changed: tuple[SourceNote, ...]  # items kept with a difference, and what it is
    source_name: str = ""  # the imported file's name: the lines of ``skipped`` and ``changed`` are its
    source_title: str = ""  # the name the source gives itself ("" for none): the bank's title

    @property
    def empty(self) -> bool:
        return not self.questions and not self.cards

    @property
    def pasted(self) -> bool:
        """Whether the source is text pasted on the upload page (no file to name)."""
        return self.source_name == PASTED_TEXT


def title_from_file_name(source_name: str) -> str:
    """A title made of a file's name ("history_9-kosovo.gift": "history 9 kosovo"): offered
    to the teacher when the file names no title of its own; "" for pasted text."""
    if source_name == PASTED_TEXT:
        return ""
    return " ".join(Path(source_name).stem.replace("_", " ").replace("-", " ").split())


def import_bank(
    data: bytes,
    file_format: str,
    source_name: str,
    quizlet: QuizletSeparators | None = None,
    title: str = "",
) -> ImportResult:
    """The bank made from ``data``; ``quizlet`` is what a Quizlet export was written with (its
    defaults, Tab and New line, when None), from ``quizlet_separators`` (which names a bad choice).

    Its title: ``title`` if given, else the one the source gives itself (a GIFT category or
    first-line heading, an Anki deck: ``ImportResult.source_title``), else one made of
    ``source_name``. The upload page asks the teacher rather than take a file's name."""
    if file_format not in FORMAT_LABELS:
        raise ImportFailed(f"unknown format {file_format!r}; use one of {', '.join(FORMAT_LABELS)}")
    try:
        source = decode_text(data, "the file", MAX_BANK_BYTES)
    except YamlError as error:
        raise ImportFailed(f"line {error.line}: {error.message}") from None
    lines = len(source.splitlines())  # as an editor counts them: a final line break ends a line
    if lines > MAX_IMPORT_LINES:
        raise ImportFailed(
            f"it has {lines:,} lines; an import may have at most {MAX_IMPORT_LINES:,} lines and make at "
            f"most {MAX_IMPORT_ITEMS:,} questions and cards: split it into smaller files"
        )
    imported = read(source, file_format, quizlet)
    items = len(imported.questions) + len(imported.cards)
    if items > MAX_IMPORT_ITEMS:
        raise ImportFailed(
            f"it makes {items:,} questions and cards; an import may make at most {MAX_IMPORT_ITEMS:,}: "
            "split it into smaller files"
        )
    imported.title = (
        " ".join(title.split())
        or imported.source_title
        or title_from_file_name(source_name)
        or imported.title
    )
    text = bank_yaml(imported, f"{source_name} ({_format_label(file_format, quizlet)})")
    return ImportResult(
        text,
        len(imported.questions),
        len(imported.cards),
        tuple(imported.skipped),
        tuple(imported.notes),
        source_name,
        imported.source_title,
    )


def source_text(data: bytes) -> str | None:
    """The text of a file as an import reads it, or None if an import would refuse it (too big,
    not UTF-8): what the upload page puts back in its text box when the form has another error."""
    try:
        return decode_text(data, "the file", MAX_BANK_BYTES)
    except YamlError:
        return None


def _format_label(file_format: str, quizlet: QuizletSeparators | None) -> str:
    if file_format != "quizlet" or quizlet is None or quizlet == QuizletSeparators():
        return FORMAT_LABELS[file_format]
    return (
        f"Quizlet, {describe(quizlet.term)} between term and definition, {describe(quizlet.row)} between rows"
    )
