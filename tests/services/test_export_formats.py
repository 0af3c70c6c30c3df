"""The writers of score exports, each file opened with an independent reader (openpyxl, csv,
json): XLSX is typed for people (dates in the reader's zone, booleans, percent cells, a frozen
and filtered header, widths that fit), CSV and JSON stay as programs read them, and every
spreadsheet text cell is kept from being a formula."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from openpyxl import load_workbook

from quizapp.services.export_formats import (
    XLSX_PERCENT_FORMAT,
    XLSX_TIME_FORMAT,
    Columns,
    csv_chunks,
    json_chunks,
    write_xlsx,
)

COLUMNS = Columns(
    ("student_name", "quiz-a", "submitted_at", "late", "score", "note"),
    text=(0, 5),
    flags=(3,),
    times=(2,),
    percents=(1,),
    labels=("student_name", "Quiz A: the title", "submitted_at", "late", "score", "note"),
)
LONG = "a note far longer than any column should be wide " * 3
ROWS = [
    ("=HYPERLINK(1)", 18.8679, "2026-03-01T23:30:00+00:00", True, 2.5, LONG),
    ("Ana", "missed", "2026-07-01T08:00:00.250000+00:00", False, 3, None),
    ("Bo", None, None, None, None, "-1"),
]
BERLIN = ZoneInfo("Europe/Berlin")


def _sheet(columns: Columns = COLUMNS, rows=ROWS, zone: ZoneInfo = BERLIN):
    data = b"".join(write_xlsx(columns, iter(rows), "attempts", zone).chunks())
    return load_workbook(io.BytesIO(data)).active  # not read-only: panes, filters and widths too


def test_xlsx_times_are_date_cells_in_the_readers_zone_which_the_header_names():
    sheet = _sheet()
    assert sheet["C1"].value == "submitted_at (Europe/Berlin)"
    winter, summer = sheet["C2"], sheet["C3"]
    assert isinstance(winter.value, datetime) and winter.is_date
    assert winter.value == datetime(2026, 3, 2, 0, 30)  # 23:30 UTC is half past midnight in Berlin
    assert summer.value == datetime(2026, 7, 1, 10, 0, 0, 250000)  # summer time: UTC+2
    assert winter.number_format == XLSX_TIME_FORMAT == "yyyy-mm-dd hh:mm"
    assert sheet["C4"].value is None


def test_xlsx_in_utc_says_utc():
    sheet = _sheet(zone=ZoneInfo("UTC"))
    assert sheet["C1"].value == "submitted_at (UTC)" and sheet["C2"].value == datetime(2026, 3, 1, 23, 30)


def test_xlsx_booleans_numbers_and_percentages_are_typed():
    sheet = _sheet()
    assert sheet["D2"].value is True and sheet["D3"].value is False and sheet["D2"].data_type == "b"
    assert sheet["E2"].value == 2.5 and sheet["E3"].value == 3 and sheet["E2"].data_type == "n"
    percent = sheet["B2"]
    assert percent.data_type == "n" and abs(percent.value - 0.188679) < 1e-9  # shown as 18.9%
    assert percent.number_format == XLSX_PERCENT_FORMAT == "0.0%"
    assert sheet["B3"].value == "missed" and sheet["B3"].data_type == "s"  # a word among numbers


def test_xlsx_header_is_the_labels_frozen_and_filtered():
    sheet = _sheet()
    assert [cell.value for cell in sheet[1]] == [
        "student_name",
        "Quiz A: the title",
        "submitted_at (Europe/Berlin)",
        "late",
        "score",
        "note",
    ]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:F4"


def test_xlsx_columns_are_as_wide_as_their_content_up_to_a_limit():
    sheet = _sheet()
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCDEF"}
    assert widths["A"] >= len("=HYPERLINK(1)") + 1  # the widest name, apostrophe and all
    assert widths["B"] >= len("Quiz A: the title")  # the header is the widest
    assert widths["C"] >= len("submitted_at (Europe/Berlin)")
    assert widths["D"] < widths["C"] and widths["E"] < widths["C"]  # short values stay narrow
    assert len(LONG) > 100 and 50 <= widths["F"] < 55  # capped at about 50 characters
    assert all(width >= 8 for width in widths.values())


def test_xlsx_text_cells_are_never_formulas():
    sheet = _sheet()
    assert sheet["A2"].value == "'=HYPERLINK(1)" and sheet["F4"].value == "'-1"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    evil_label = Columns(("a",), labels=("=cmd|' /C calc'!A0",))
    assert _sheet(evil_label, [("x",)])["A1"].value == "'=cmd|' /C calc'!A0"


def test_an_empty_xlsx_has_its_header_frozen_and_filtered():
    sheet = _sheet(rows=[])
    assert sheet.max_row == 1 and sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:F1"


def test_the_xlsx_file_is_removed_once_read(tmp_path):
    export = write_xlsx(COLUMNS, iter(ROWS), "attempts", BERLIN)
    assert Path(export.path).exists()
    b"".join(export.chunks())
    assert not Path(export.path).exists()


def test_csv_keeps_machine_values_under_the_labels():
    text = b"".join(csv_chunks(COLUMNS, iter(ROWS))).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == list(COLUMNS.labels)  # no zone: CSV times are UTC, with their offset
    assert rows[1][:5] == ["'=HYPERLINK(1)", "18.8679", "2026-03-01T23:30:00+00:00", "true", "2.5"]
    assert rows[2][1:4] == ["missed", "2026-07-01T08:00:00.250000+00:00", "false"]
    assert rows[3] == ["Bo", "", "", "", "", "'-1"]


def test_json_keeps_names_values_and_types_and_gives_the_labels():
    data = json.loads(b"".join(json_chunks(COLUMNS, iter(ROWS))))
    assert data["columns"] == list(COLUMNS.names) and data["labels"] == list(COLUMNS.labels)
    first = data["rows"][0]
    assert first["student_name"] == "=HYPERLINK(1)"  # for programs: as stored
    assert first["quiz-a"] == 18.8679 and first["late"] is True
    assert first["submitted_at"] == "2026-03-01T23:30:00+00:00"
    assert data["rows"][2]["late"] is None


def test_without_labels_the_header_is_the_names():
    columns = Columns(("a", "b"))
    assert columns.header == ("a", "b")
    assert json.loads(b"".join(json_chunks(columns, iter([(1, 2)]))))["labels"] == ["a", "b"]


def test_words_head_xlsx_and_label_json_while_csv_keeps_the_names():
    """People read XLSX in words; programs read CSV's header and JSON's keys as published."""
    columns = replace(
        COLUMNS, words=("Student", "Quiz A: the title", "Submitted at", "Late", "Points", "=Note")
    )
    sheet = _sheet(columns)
    assert [cell.value for cell in sheet[1]] == [
        "Student",
        "Quiz A: the title",
        "Submitted at (Europe/Berlin)",
        "Late",
        "Points",
        "'=Note",  # a heading is made safe as every cell is
    ]
    text = b"".join(csv_chunks(columns, iter(ROWS))).decode("utf-8")
    assert next(csv.reader(io.StringIO(text[1:]))) == list(COLUMNS.labels)
    data = json.loads(b"".join(json_chunks(columns, iter(ROWS))))
    assert data["columns"] == list(COLUMNS.names) and data["labels"] == list(columns.words)
