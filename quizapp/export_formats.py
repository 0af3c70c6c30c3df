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
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
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


def _plain(value: Any) -> Any:
    """Cell values as JSON-able plain values: numbers stay numbers, times become ISO text."""
    if isinstance(value, Fraction | Decimal):
        number = round(float(value), 4)
        return int(number) if number.is_integer() else number
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _cell(value: Any) -> Any:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return spreadsheet_safe(value) if isinstance(value, str) else value


def csv_chunks(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[bytes]:
    """The CSV file in chunks of a few thousand rows, for streaming."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write("\ufeff")
    writer.writerow(columns)
    for count, row in enumerate(rows, start=1):
        writer.writerow([_cell(value) for value in row])
        if count % _BATCH == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def json_chunks(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[bytes]:
    """A JSON array of objects keyed by the column names, streamed. Values are not altered:
    JSON is read by programs, not spreadsheets."""
    yield b'{"columns": ' + json.dumps(list(columns)).encode() + b', "rows": ['
    parts: list[str] = []
    first = True
    for row in rows:
        text = json.dumps(
            {name: _plain(value) for name, value in zip(columns, row, strict=True)}, ensure_ascii=False
        )
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


def write_xlsx(columns: Sequence[str], rows: Iterable[Sequence[Any]], sheet: str) -> XlsxFile:
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
    for column, name in enumerate(columns):
        worksheet.write_string(0, column, name, bold)
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            cell = _cell(value)
            if isinstance(cell, str):
                worksheet.write_string(number, column, cell)
            else:
                worksheet.write_number(number, column, cell)
    workbook.close()
    return XlsxFile(path)
