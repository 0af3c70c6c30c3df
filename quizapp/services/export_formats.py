"""Writing rows as CSV, XLSX or JSON, streamed, and safe to open in a spreadsheet.

Every text cell that a spreadsheet could take for a formula (it starts with =, +, -, @, a tab
or a carriage return) is prefixed with an apostrophe, as OWASP's CSV-injection guidance says
(``spreadsheet_safe``, in CSV and XLSX alike); XLSX cells are never formulas. CSV starts with a
UTF-8 byte-order mark so that Excel reads names with diacritics correctly.

CSV and JSON are for programs too: the header is the published column names, times are ISO 8601
text in UTC, booleans ``true``/``false``, percentages numbers from 0 to 100. XLSX is for people:
the header is in words ("Username", "Answered at (Europe/Berlin)"), times are date cells in the
reader's zone (named in the header), booleans are booleans, percentages are fractions shown as
"18.9%", the header row stays in view, has filters, and the columns are as wide as what they hold.
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
from datetime import datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

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
    """Column names, and which columns hold free text (made safe), booleans (words in CSV),
    times (ISO 8601 text in UTC: date cells in XLSX) or percentages (0 to 100: shown as percent
    in XLSX).

    Rows hold plain values: text, numbers, booleans, None. Knowing the columns lets the writers
    touch only the cells that need it, a million rows at a time. ``names`` are the keys programs
    read (JSON); ``labels``, if given, CSV's header (a quiz's title where its JSON key is its id);
    ``words``, if given, the header people read in XLSX and JSON's ``labels``, in plain English
    ("Username" for ``student_username``).
    """

    names: tuple[str, ...]
    text: tuple[int, ...] = ()
    flags: tuple[int, ...] = ()  # True, False or None (empty)
    times: tuple[int, ...] = ()  # ISO 8601 text in UTC, or None
    percents: tuple[int, ...] = ()  # numbers from 0 to 100 (or a word such as "missed"), or None
    labels: tuple[str, ...] | None = None  # CSV's header; None: the names
    words: tuple[str, ...] | None = None  # XLSX's header (and JSON's labels); None: CSV's
    ready: bool = False  # the rows were made for a spreadsheet already (see ``for_spreadsheet``)

    def for_spreadsheet(self) -> Columns:
        return replace(self, ready=True)

    @property
    def header(self) -> tuple[str, ...]:
        """CSV's header row, before it is made safe: the names programs read."""
        return self.labels if self.labels is not None else self.names

    @property
    def header_in_words(self) -> tuple[str, ...]:
        """XLSX's header row (before the times' zone is added and it is made safe), and JSON's
        ``labels``: what a teacher reads."""
        return self.words if self.words is not None else self.header


def _spreadsheet_rows(
    columns: Columns, rows: Iterable[Sequence[Any]], flag_words: bool = True
) -> Iterable[Sequence[Any]]:
    """The rows with their text made safe and, for CSV (``flag_words``), booleans as words; rows
    made ``ready`` by their maker pass as they are."""
    if columns.ready:
        return rows
    return _made_safe(columns, rows, flag_words)


def _made_safe(columns: Columns, rows: Iterable[Sequence[Any]], flag_words: bool) -> Iterator[list[Any]]:
    text, flags = columns.text, columns.flags if flag_words else ()
    for row in rows:
        cells = list(row)
        for index in text:
            if cells[index]:
                cells[index] = spreadsheet_safe(cells[index])
        for index in flags:
            if cells[index] is not None:  # None: no value (an empty cell)
                cells[index] = "true" if cells[index] else "false"
        yield cells


def csv_chunks(columns: Columns, rows: Iterable[Sequence[Any]]) -> Iterator[bytes]:
    """The CSV file in chunks of a few thousand rows, for streaming."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write("\ufeff")
    writer.writerow([spreadsheet_safe(name) for name in columns.header])  # a name may hold a title
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

    lines: list[str] = ["\ufeff" + _csv_text([spreadsheet_safe(name) for name in columns.header]) + "\r\n"]
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
    """A JSON object with the column names, their labels (XLSX's header, in words: a quiz's
    title for its id) and the rows as objects, streamed. Values are not altered: JSON is read by
    programs, not spreadsheets."""
    names = columns.names
    yield (
        b'{"columns": '
        + json.dumps(list(names)).encode()
        + b', "labels": '
        + json.dumps(list(columns.header_in_words), ensure_ascii=False).encode("utf-8")
        + b', "rows": ['
    )
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


XLSX_TIME_FORMAT = "yyyy-mm-dd hh:mm"
XLSX_PERCENT_FORMAT = "0.0%"
_WIDEST = 50  # characters: a long name or answer wraps nothing, it is cut off at the column's edge
_NARROWEST = 6
_SHOWN_LENGTHS = {"time": len("2026-12-01 23:59"), "percent": len("100.0%"), "flag": len("FALSE")}


def _local(text: str, zone: ZoneInfo) -> datetime:
    """An ISO 8601 time as a spreadsheet's date cell holds it: in ``zone``, without an offset."""
    return datetime.fromisoformat(text).astimezone(zone).replace(tzinfo=None)


def write_xlsx(columns: Columns, rows: Iterable[Sequence[Any]], sheet: str, zone: ZoneInfo) -> XlsxFile:
    """An XLSX file written row by row in XlsxWriter's constant-memory mode, typed for people:
    a header in words (``Columns.header_in_words``), times as date cells in ``zone`` (its name
    in their header), booleans as booleans,
    percentages as percent cells with one decimal, numbers as numbers; a frozen header row
    with filters, and columns as wide as their widest cell (up to a limit)."""
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
    bold = workbook.add_format({"bold": True, "bottom": 1})
    time_format = workbook.add_format({"num_format": XLSX_TIME_FORMAT})
    percent_format = workbook.add_format({"num_format": XLSX_PERCENT_FORMAT})
    kinds = dict.fromkeys(range(len(columns.names)), "plain")
    kinds |= dict.fromkeys(columns.times, "time") | dict.fromkeys(columns.percents, "percent")
    kinds |= dict.fromkeys(columns.flags, "flag")
    widths = []
    for column, label in enumerate(columns.header_in_words):
        shown = spreadsheet_safe(f"{label} ({zone.key})" if kinds[column] == "time" else label)
        worksheet.write_string(0, column, shown, bold)  # a label may hold a title
        widths.append(max(len(shown), _SHOWN_LENGTHS.get(kinds[column], 0)))
    write_string, write_number = worksheet.write_string, worksheet.write_number
    write_boolean, write_datetime = worksheet.write_boolean, worksheet.write_datetime
    times, percents = frozenset(columns.times), frozenset(columns.percents)
    last_row = 0
    for last_row, cells in enumerate(_spreadsheet_rows(columns, rows, flag_words=False), start=1):
        for column, value in enumerate(cells):
            if value is None:
                continue
            kind = value.__class__
            if kind is str:
                if column in times:
                    write_datetime(last_row, column, _local(value, zone), time_format)
                    continue
                write_string(last_row, column, value)
                if len(value) > widths[column]:
                    widths[column] = len(value)
            elif kind is bool:
                write_boolean(last_row, column, value)
            elif column in percents:
                write_number(last_row, column, value / 100, percent_format)
            else:
                write_number(last_row, column, value)
                if len(str(value)) > widths[column]:
                    widths[column] = len(str(value))
    for column, width in enumerate(widths):
        worksheet.set_column(column, column, min(max(width, _NARROWEST), _WIDEST) + 2)
    worksheet.freeze_panes(1, 0)
    worksheet.autofilter(0, 0, last_row, max(len(columns.names) - 1, 0))
    workbook.close()
    return XlsxFile(path)
