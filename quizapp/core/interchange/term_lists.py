"""Anki's text export ("Notes in Plain Text"): its header lines and columns, read into notes
(core/interchange/anki_notes.py turns each into a short-answer question or a flashcard, or a
cloze question).
Quizlet's export is read by core/interchange/quizlet.py."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from quizapp.core.interchange.anki_notes import AnkiNote, add_anki_note
from quizapp.core.interchange.common import Imported, shared_name

_ANKI_HEADER = re.compile(r"^#([a-z ]+):(.*)$")
_LINE_END = re.compile(r"\r\n|\n|\r")
_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " ", "colon": ":"}


def _column_number(value: str) -> int | None:
    """A column counted from 1 (as Anki writes it), from 0; None when ``value`` is not one:
    "²".isdigit() is true but int() refuses it, and int() refuses 4,301 digits or more."""
    if not (value.isascii() and value.isdigit() and len(value) <= 4) or int(value) < 1:
        return None
    return int(value) - 1


_SPECIAL_COLUMNS = ("guid", "notetype", "deck", "tags")


@dataclass
class _AnkiHeaders:
    """What the header lines of an Anki text export say (each optional)."""

    separator: str = "\t"
    html: bool = True
    columns: dict[str, int] = field(default_factory=dict)  # "guid", "notetype", "deck", "tags": from 0
    notetype: str = ""  # #notetype: (every note's note type), when no column says it
    deck: str = ""  # #deck:


def _read_anki_headers(imported: Imported, lines: list[str]) -> tuple[_AnkiHeaders, int]:
    """The headers, and the index of the first line after them."""
    headers, names = _AnkiHeaders(), list[str]()
    for index, line in enumerate(lines):
        header = _ANKI_HEADER.match(line)
        if not header:
            return _columns_from_names(headers, names), index
        name, value = header.group(1).strip(), header.group(2).strip()
        if name == "separator":
            headers.separator = _SEPARATORS.get(value.lower(), value[:1] or "\t")
        elif name == "html":
            headers.html = value.lower() == "true"
        elif name == "columns":
            names = [c.strip().lower() for c in value.split(headers.separator)]
        elif name == "notetype":
            headers.notetype = value
        elif name == "deck":
            headers.deck = value
        elif name.endswith(" column") and name.removesuffix(" column") in _SPECIAL_COLUMNS:
            column = _column_number(value)
            if column is None:
                imported.note(index + 1, f"'#{name}:{value[:20]}' is no column number (1, 2…): ignored")
            else:
                headers.columns[name.removesuffix(" column")] = column
    return _columns_from_names(headers, names), len(lines)


def _columns_from_names(headers: _AnkiHeaders, names: list[str]) -> _AnkiHeaders:
    for special in _SPECIAL_COLUMNS:
        if special in names and special not in headers.columns:
            headers.columns[special] = names.index(special)
    return headers


def read_anki_text(source: str) -> Imported:
    """Anki's "Notes in Plain Text" export: its #separator, #html, #columns and #guid, #notetype,
    #deck, #tags column headers. Cloze notes become cloze questions, the others a short-answer
    question when the back can be typed, else a flashcard (term card); a note's GUID makes its
    ids, so a newer export keeps them."""
    imported = Imported(title="Imported from Anki")
    # Only Anki's own line ends: str.splitlines() would also split a field at U+2028, "\x85" or "\f"
    lines = _LINE_END.split(source.lstrip("\ufeff").removesuffix("\n").removesuffix("\r"))
    headers, body_start = _read_anki_headers(imported, lines)
    special = set(headers.columns.values())
    decks: list[list[str]] = []
    reader = csv.reader(io.StringIO("\n".join(lines[body_start:])), delimiter=headers.separator)
    first_line = body_start + 1
    try:
        for row in reader:  # a quoted field may span lines: a row starts where the last one ended
            number, first_line = first_line, body_start + reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue

            def column(name: str, row: list[str] = row) -> str:
                index = headers.columns.get(name)
                return row[index].strip() if index is not None and index < len(row) else ""

            note = AnkiNote(
                line=number,
                fields=[cell for n, cell in enumerate(row) if n not in special],
                guid=column("guid"),
                notetype=column("notetype") or headers.notetype,
                deck=column("deck") or headers.deck,
                tags=column("tags").split(),
            )
            add_anki_note(imported, note, headers.html)
            decks.append(_deck_names(note.deck))
    except csv.Error as error:  # e.g. a field longer than the csv module's limit (128 KiB)
        imported.skip(first_line, f"this and the following lines cannot be read ({error})")
    imported.source_title = shared_name(decks or [_deck_names(headers.deck)])
    if imported.cards and not imported.questions:
        imported.note(
            1,
            "no note has a back short enough to type, so every note is a flashcard only, and a bank "
            "needs at least one question: write one in the editor (or shorten some backs in Anki)",
        )
    return imported


def _deck_names(deck: str) -> list[str]:
    """A deck's names, parent first ("Geography::Capitals"); none for Anki's "Default" deck."""
    names = [name.strip() for name in deck.split("::") if name.strip()]
    return [] if names == ["Default"] else names
