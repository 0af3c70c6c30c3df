"""Quizlet's text export, in every shape its export dialog makes.

The dialog asks what goes between term and definition (Tab, Comma or any text) and between rows
(New line, Semicolon or any text). Quizlet writes terms and definitions as they are: nothing is
quoted, and a definition keeps its line breaks. So with rows on new lines a line that holds no
term separator is the rest of the definition before it (and, with semicolon rows, a row without
one is the rest of a definition that held a ";"): it is joined back, and the report says so.

Each pair becomes a flashcard and a short-answer question ("Which term is meant: <definition>?")
with typos forgiven. Quizlet text is plain: it is escaped where it enters Markdown (the card and
the prompt), and the accepted answer is made literal (a "*" is written ``\\*``, not a pattern).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from quizapp.core.interchange.common import Imported
from quizapp.core.interchange.term_cards import add_term_card

TERM_SEPARATORS = {"tab": "\t", "comma": ","}
ROW_SEPARATORS = {"newline": "\n", "semicolon": ";"}
MAX_CUSTOM_SEPARATOR = 20  # characters: Quizlet's custom field holds a short text


class BadSeparator(ValueError):
    """A separator choice that cannot be read (empty, several lines, or the two overlap);
    ``which`` is the one to fix: "term" or "row"."""

    def __init__(self, message: str, which: str) -> None:
        super().__init__(message)
        self.which = which


@dataclass(frozen=True, slots=True)
class QuizletSeparators:
    """What the export dialog put between term and definition, and between rows."""

    term: str = "\t"
    row: str = "\n"


def quizlet_separators(term: str = "tab", row: str = "newline") -> QuizletSeparators:
    """The separators from the dialog's choices: a name ("tab", "comma"; "newline", "semicolon")
    or the custom text itself. Raises BadSeparator with a message a teacher can act on."""
    term_text = _separator(term, TERM_SEPARATORS, "term")
    row_text = _separator(row, ROW_SEPARATORS, "row")
    if term_text in row_text or row_text in term_text:
        raise BadSeparator(
            f"the separator between term and definition ({describe(term_text)}) and the one between rows "
            f"({describe(row_text)}) must differ, and neither may contain the other",
            "row",
        )
    return QuizletSeparators(term_text, row_text)


def _separator(choice: str, names: dict[str, str], which: str) -> str:
    if choice.lower() in names:
        return names[choice.lower()]
    where = "between term and definition" if which == "term" else "between rows"
    if not choice:
        problem = "is empty: type the text Quizlet put there"
    elif "\n" in choice or "\r" in choice:
        problem = "must be on one line (Quizlet's is)"
    elif len(choice) > MAX_CUSTOM_SEPARATOR:
        problem = f"may have at most {MAX_CUSTOM_SEPARATOR} characters"
    else:
        return choice
    raise BadSeparator(f"the custom separator {where} {problem}", which)


def describe(separator: str) -> str:
    """A separator as the dialog names it: "Tab", "New line", or the custom text quoted."""
    named = {"\t": "Tab", ",": "Comma", "\n": "New line", ";": "Semicolon"}
    return named.get(separator) or repr(separator)


@dataclass
class _Pair:
    line: int
    term: str
    definition: str
    continued: list[int] = field(default_factory=list)  # lines of rows joined to the definition


def _rows(text: str, row: str) -> Iterator[tuple[int, str]]:
    """Each row with the line it starts on (a row separated by ";" may span lines)."""
    line = 1
    for piece in text.split(row):
        trimmed = piece.lstrip("\n")
        yield line + len(piece) - len(trimmed), trimmed.rstrip("\n")
        line += piece.count("\n") + row.count("\n")


def read_quizlet(source: str, separators: QuizletSeparators | None = None) -> Imported:
    """Quizlet's export with the given separators (Tab and New line, its defaults, when None)."""
    chosen = separators or QuizletSeparators()
    imported = Imported(title="Imported from Quizlet")
    text = source.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    pairs: list[_Pair] = []
    orphans: list[int] = []  # rows with no term separator and no pair before them
    blank_lines = 0
    for line, row in _rows(text, chosen.row):
        if not row.strip():
            blank_lines += 1
            continue
        term, found, definition = row.partition(chosen.term)
        if found:
            pairs.append(_Pair(line, term, definition))
        elif pairs:
            joint = "\n" * (blank_lines + 1) if chosen.row == "\n" else chosen.row
            pairs[-1].definition += joint + row
            pairs[-1].continued.append(line)
        else:
            orphans.append(line)
        blank_lines = 0
    where = f"no separator ({describe(chosen.term)}) between term and definition"
    if not pairs and orphans:
        imported.skip(orphans[0], f"{where} in any row: was the set exported with other separators?")
        return imported
    for line in orphans:
        imported.skip(line, f"{where}, and no term before it")
    for pair in pairs:
        _add_pair(imported, pair, where)
    return imported


def _add_pair(imported: Imported, pair: _Pair, where: str) -> None:
    if pair.term.strip() and pair.definition.strip():
        for line in pair.continued:
            term = pair.term.strip()
            imported.note(
                line, f"{where}: read as more of the definition of '{term[:40]}' (line {pair.line})"
            )
    add_term_card(imported, pair.line, pair.term, pair.definition)
