"""Writing rows as CSV, XLSX or JSON, streamed, and safe to open in a spreadsheet.

Every text cell that a spreadsheet could take for a formula (it starts with =, +, -, @, a tab
or a carriage return) is prefixed with an apostrophe, as OWASP's CSV-injection guidance says;
XLSX cells are written as strings, never as formulas. CSV starts with a UTF-8 byte-order mark
so that Excel reads names with diacritics correctly.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from typing import Any

import xlsxwriter

FORMATS = ("csv", "xlsx", "json")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_BATCH = 2_000


def spreadsheet_safe(value: str) -> str:
    """A text cell that no spreadsheet will run as a formula."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def number(value: Fraction | Decimal | float) -> int | float:
    """A number for a cell: whole numbers stay whole, others keep four decimals."""
    rounded = round(float(value), 4)
    return int(rounded) if rounded.is_integer() else rounded


@dataclass(frozen=True, slots=True)
class Columns:
    """Column names, and which columns hold free text (made safe) or booleans (written as words).

    Rows hold plain values: text, numbers, booleans, None. Knowing the columns lets the writers
    touch only the cells that need it, a million rows at a time.
    """

    names: tuple[str, ...]
    text: tuple[int, ...] = ()
    flags: tuple[int, ...] = ()  # True, False or None (empty)
    ready: bool = False  # the rows were made for a spreadsheet already (see ``for_spreadsheet``)

    def for_spreadsheet(self) -> Columns:
        return replace(self, ready=True)


def _spreadsheet_rows(columns: Columns, rows: Iterable[Sequence[Any]]) -> Iterable[Sequence[Any]]:
    if columns.ready:
        return rows
    return _made_safe(columns, rows)


def _made_safe(columns: Columns, rows: Iterable[Sequence[Any]]) -> Iterator[list[Any]]:
    starts, text, flags = _FORMULA_STARTS, columns.text, columns.flags
    for row in rows:
        cells = list(row)
        for index in text:
            value = cells[index]
            if value and value.startswith(starts):
                cells[index] = "'" + value
        for index in flags:
            if cells[index] is not None:  # None: no value (an empty cell)
                cells[index] = "true" if cells[index] else "false"
        yield cells


def csv_chunks(columns: Columns, rows: Iterable[Sequence[Any]]) -> Iterator[bytes]:
    """The CSV file in chunks of a few thousand rows, for streaming."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write("\ufeff")
    writer.writerow([spreadsheet_safe(name) for name in columns.names])  # a name may hold a title
    batch: list[Sequence[Any]] = []
    for cells in _spreadsheet_rows(columns, rows):
        batch.append(cells)
        if len(batch) == _BATCH:
            writer.writerows(batch)
            batch.clear()
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    writer.writerows(batch)
    yield buffer.getvalue().encode("utf-8")


def _csv_text(cells: Sequence[Any]) -> str:
    """One row (or part of one) as CSV text without the line end, exactly as csv.writer writes it."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)  # the terminator's characters get quoted
    return buffer.getvalue()[:-2]


_SHARED_LIMIT = 4_096  # parts seen lately: a batch of attempts and its answers; old ones let go
_NEEDS_QUOTES = re.compile(r'[,"\r\n]')  # what makes csv.writer quote a text cell


def csv_chunks_of_shared_cells(
    columns: Columns, rows: Iterable[tuple[tuple[Any, ...], tuple[Any, ...], str]]
) -> Iterator[bytes]:
    """CSV for rows made of two parts that many rows share and one text cell of their own,
    e.g. (the student's cells, the answer's cells, the time it was given).

    The parts' cells must be ready for a spreadsheet. A part met again is not encoded again: its
    text is looked up by identity (and kept alive with it, so an id is never mistaken for
    another object's). A million-row export of a few thousand students' answers encodes each
    distinct part once.
    """
    if not columns.ready:
        raise ValueError("shared parts are made safe for a spreadsheet by their maker")
    encoded: dict[int, tuple[tuple[Any, ...], str]] = {}

    def text_of(part: tuple[Any, ...]) -> str:
        if len(encoded) >= _SHARED_LIMIT:
            encoded.clear()
        encoded[id(part)] = (part, _csv_text(part))
        return encoded[id(part)][1]

    lines: list[str] = ["\ufeff" + _csv_text([spreadsheet_safe(name) for name in columns.names]) + "\r\n"]
    append, needs_quotes = lines.append, _NEEDS_QUOTES.search
    for first, second, own in rows:
        found = encoded.get(id(first))
        first_text = found[1] if found is not None and found[0] is first else text_of(first)
        found = encoded.get(id(second))
        second_text = found[1] if found is not None and found[0] is second else text_of(second)
        if own.__class__ is not str or needs_quotes(own):
            own = _csv_text((own,))
        append(f"{first_text},{second_text},{own}\r\n")
        if len(lines) >= _BATCH:
            yield "".join(lines).encode("utf-8")
            lines.clear()
    yield "".join(lines).encode("utf-8")


def json_chunks(columns: Columns, rows: Iterable[Sequence[Any]]) -> Iterator[bytes]:
    """A JSON object with the column names and the rows as objects, streamed. Values are not
    altered: JSON is read by programs, not spreadsheets."""
    names = columns.names
    yield b'{"columns": ' + json.dumps(list(names)).encode() + b', "rows": ['
    parts: list[str] = []
    first = True
    for row in rows:
        text = json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False)
        parts.append(text if first else "," + text)
        first = False
        if len(parts) >= _BATCH:
            yield "\n".join(parts).encode("utf-8")
            parts = []
    yield ("\n".join(parts) + "]}\n").encode("utf-8")


@dataclass(frozen=True, slots=True)
class XlsxFile:
    path: str

    def chunks(self, size: int = 1 << 16) -> Iterator[bytes]:
        """The file's bytes, then the file is removed."""
        try:
            with open(self.path, "rb") as handle:
                while chunk := handle.read(size):
                    yield chunk
        finally:
            os.unlink(self.path)


def write_xlsx(columns: Columns, rows: Iterable[Sequence[Any]], sheet: str) -> XlsxFile:
    """An XLSX file written row by row in XlsxWriter's constant-memory mode."""
    descriptor, path = tempfile.mkstemp(suffix=".xlsx")
    os.close(descriptor)
    workbook = xlsxwriter.Workbook(
        path,
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    worksheet = workbook.add_worksheet(sheet[:31])
    bold = workbook.add_format({"bold": True})
    for column, name in enumerate(columns.names):
        worksheet.write_string(0, column, spreadsheet_safe(name), bold)  # a name may hold a title
    write_string, write_number = worksheet.write_string, worksheet.write_number
    for number_, cells in enumerate(_spreadsheet_rows(columns, rows), start=1):
        for column, value in enumerate(cells):
            if value is None:
                continue
            if value.__class__ is str:
                write_string(number_, column, value)
            else:
                write_number(number_, column, value)
    workbook.close()
    return XlsxFile(path)
