"""Term/definition lists: Quizlet's export (term TAB definition per line) and Anki's text export.

Each pair becomes a flashcard and a short-answer question ("Which term is meant: <definition>?"),
with typos forgiven, so the list can be quizzed as well as studied.
"""

from __future__ import annotations

import csv
import io
import re

from quizapp.core.interchange.common import Imported, html_to_text

_ANKI_HEADER = re.compile(r"^#([a-z ]+):(.*)$")
_SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " ", "colon": ":"}


def _add_pair(imported: Imported, line: int, term: str, definition: str, tags: list[str]) -> None:
    term, definition = term.strip(), definition.strip()
    if not term or not definition:
        imported.skip(line, "a line needs both a term and a definition")
        return
    card: dict[str, object] = {"id": imported.unique_id(f"card {term}"), "term": term}
    card["definition"] = definition
    question: dict[str, object] = {"type": "short", "prompt": f"Which term is meant: {definition}"}
    question.update(accept=[term], typos=True)
    if tags:
        card["tags"] = tags
        question["tags"] = tags
    imported.cards.append(card)
    imported.add_question(question, term)


def _field(text: str, html: bool) -> str:
    return html_to_text(text) if html else text


def _column_number(value: str) -> int | None:
    """A column counted from 1 (as Anki writes it), from 0; None when ``value`` is not one:
    "²".isdigit() is true but int() refuses it, and int() refuses 4,301 digits or more."""
    if not (value.isascii() and value.isdigit() and len(value) <= 4) or int(value) < 1:
        return None
    return int(value) - 1


def read_anki_text(source: str) -> Imported:
    """Anki's "Notes in Plain Text" export, with its #separator, #html, #columns, #tags column headers."""
    imported = Imported(title="Imported from Anki")
    separator, html, tags_column = "\t", True, None
    columns: list[str] = []
    lines = source.lstrip("\ufeff").splitlines()
    body_start = 0
    for index, line in enumerate(lines):
        header = _ANKI_HEADER.match(line)
        if not header:
            body_start = index
            break
        name, value = header.group(1).strip(), header.group(2).strip()
        if name == "separator":
            separator = _SEPARATORS.get(value.lower(), value[:1] or "\t")
        elif name == "html":
            html = value.lower() == "true"
        elif name == "columns":
            columns = [c.strip().lower() for c in value.split(separator)]
        elif name == "tags column":
            tags_column = _column_number(value)
            if tags_column is None:
                imported.note(index + 1, f"'#tags column:{value[:20]}' is no column number (1, 2…): ignored")
        body_start = index + 1
    if columns and "tags" in columns and tags_column is None:
        tags_column = columns.index("tags")
    reader = csv.reader(io.StringIO("\n".join(lines[body_start:])), delimiter=separator)
    first_line = body_start + 1
    try:
        for row in reader:  # a quoted field may span lines: a row starts where the last one ended
            number, first_line = first_line, body_start + reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            fields = [cell for n, cell in enumerate(row) if n != tags_column]
            if len(fields) < 2:
                imported.skip(number, "a note needs a front and a back")
                continue
            tags = row[tags_column].split() if tags_column is not None and tags_column < len(row) else []
            _add_pair(imported, number, _field(fields[0], html), _field(fields[1], html), tags)
    except csv.Error as error:  # e.g. a field longer than the csv module's limit (128 KiB)
        imported.skip(first_line, f"this and the following lines cannot be read ({error})")
    return imported
