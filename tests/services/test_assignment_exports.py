"""Score exports of assignments: one assignment's attempts (with each student's own due time and
lateness), its answers and its gradebook (the counted attempt), and the class gradebook by
assignment (a column per assignment: the counted percentage, or "missed"); CSV, XLSX and JSON,
safe in a spreadsheet."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from quizapp.core.file_names import file_name_part
from quizapp.services import accounts, assignments
from quizapp.services.assignments import AssignmentTerms
from tests.helpers.assignments import (
    BANK,
    EVIL,
    HOUR,
    add_assignment,
    percent_of,
    take,
)
from tests.helpers.web import read_csv


def test_the_attempts_of_an_assignment_with_each_students_due_time_and_lateness(tina, graded):
    response = tina.get(f"/assignments/{graded.first}/exports/attempts.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert f"attempts-history-9b-{BANK}-assignment{graded.first}-" in response.headers["Content-Disposition"]
    rows = read_csv(response)
    assert list(rows[0])[-5:] == ["percent", "assignment_id", "assignment_name", "due_at", "late"]
    assert {row["assignment_name"] for row in rows} == {graded.bank_title}  # no title: the quiz's
    by_id = {int(row["attempt_id"]): row for row in rows}
    assert set(by_id) == {graded.sam_early, graded.sam_late, graded.sara_first}  # not the second's
    assert by_id[graded.sam_early]["late"] == "false" and by_id[graded.sam_late]["late"] == "true"
    assert {row["due_at"] for row in rows} == {graded.due.isoformat()}
    assert {row["assignment_id"] for row in rows} == {str(graded.first)}
    assert by_id[graded.sara_first]["student_name"] == "'" + EVIL  # neutralized
    assert by_id[graded.sam_late]["percent"] == "100"


def test_an_accommodated_students_own_due_time_is_their_rows(app, tina, people, graded):
    take(app, "mia", graded.t0 + 4 * HOUR, assignment_id=graded.first)  # late for the class, not for her
    rows = read_csv(tina.get(f"/assignments/{graded.first}/exports/attempts.csv"))
    [mia] = [row for row in rows if row["student_username"] == "mia"]
    assert mia["due_at"] == graded.mia_due.isoformat() and mia["late"] == "false"


def test_the_gradebook_of_an_assignment_holds_the_counted_attempt(tina, graded):
    rows = {
        row["student_username"]: row
        for row in read_csv(tina.get(f"/assignments/{graded.first}/exports/gradebook.csv"))
    }
    assert list(rows) == ["sara", "mia", "nina", "sam"]  # by name: Sara's starts with '='
    sam = rows["sam"]
    assert sam["status"] == "submitted"  # one attempt on time: not "late"
    assert sam["counted_attempt_id"] == str(graded.sam_late) and sam["percent"] == "100"
    assert sam["late"] == "true" and sam["attempts"] == "2" and sam["attempts_allowed"] == "2"
    assert sam["accommodated"] == "false" and sam["due_at"] == graded.due.isoformat()
    nina = rows["nina"]
    assert nina["status"] == "missed" and nina["percent"] == "" and nina["late"] == ""
    assert nina["counted_attempt_id"] == "" and nina["attempts"] == "0"
    mia = rows["mia"]
    assert mia["status"] == "not_started" and mia["accommodated"] == "true"
    assert mia["due_at"] == graded.mia_due.isoformat()
    assert rows["sara"]["late"] == "false" and rows["sara"]["student_name"] == "'" + EVIL


def test_since_picks_the_counted_attempt_among_those_started_since(tina, graded):
    since = quote((graded.t0 + HOUR).isoformat())
    rows = {
        r["student_username"]: r
        for r in read_csv(tina.get(f"/assignments/{graded.first}/exports/gradebook.csv?since={since}"))
    }
    assert rows["sam"]["counted_attempt_id"] == str(graded.sam_late)
    assert rows["sara"]["status"] == "submitted" and rows["sara"]["counted_attempt_id"] == ""


def test_the_answers_of_an_assignment_are_those_of_its_attempts(tina, graded):
    data = json.loads(tina.get(f"/assignments/{graded.first}/exports/answers.json").data)
    assert {row["attempt_id"] for row in data["rows"]} == {
        graded.sam_early,
        graded.sam_late,
        graded.sara_first,
    }
    assert data["rows"][0]["student_name"] in ("Sam Student", EVIL)  # JSON: as stored


def test_the_class_gradebook_by_assignment_has_a_column_per_assignment(app, tina, people, graded):
    rows = read_csv(tina.get(f"/classes/{people.class_id}/exports/assignment_gradebook.csv"))
    first = f"{graded.bank_title} ({BANK}#{graded.first})"  # its name, then its key
    second = f"{graded.bank_title} ({BANK}#{graded.second})"
    assert list(rows[0]) == ["student_username", "student_name", "class", first, second]  # due soonest first
    by_user = {row["student_username"]: row for row in rows}
    assert by_user["sam"][first] == "100" and by_user["sam"][second] == ""
    assert by_user["nina"][first] == "missed" and by_user["nina"][second] == ""  # no due time: never missed
    assert by_user["mia"][first] == ""  # her own due time is ahead
    sara_second = percent_of(app, graded.sara_second, graded.t0 + 5 * HOUR)
    assert float(by_user["sara"][second]) == pytest.approx(sara_second, abs=1e-4)
    assert by_user["sara"]["student_name"] == "'" + EVIL


def test_the_gradebook_by_assignment_in_json_and_xlsx(tina, people, graded):
    data = json.loads(tina.get(f"/classes/{people.class_id}/exports/assignment_gradebook.json").data)
    by_user = {row["student_username"]: row for row in data["rows"]}
    first = f"{BANK}#{graded.first}"
    assert (
        by_user["sam"][first] == 100 and by_user["nina"][first] == "missed" and by_user["mia"][first] is None
    )
    assert by_user["sara"]["student_name"] == EVIL  # JSON is for programs: left as stored
    response = tina.get(f"/classes/{people.class_id}/exports/assignment_gradebook.xlsx")
    sheet = load_workbook(io.BytesIO(response.data)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert "'" + EVIL in {cell.value for cell in cells}
    assert "missed" in {cell.value for cell in cells}


def test_the_xlsx_gradebook_by_assignment_tells_alike_names_apart_by_due_date_not_by_key(
    app, tina, people, graded
):
    """Teachers read the workbook: an assignment is headed by its name, two of one name by their
    due dates in the teacher's zone, and a third due the same day by a number; never by its key."""
    third = add_assignment(app, people, due_at=graded.due + timedelta(minutes=30), max_attempts=None)
    with app.app_context():
        accounts.set_time_zone(people.teacher, "America/New_York")
    due = graded.due.astimezone(ZoneInfo("America/New_York"))
    day = f"{due:%b} {due.day}, {due.year}"
    sheet = load_workbook(
        io.BytesIO(tina.get(f"/classes/{people.class_id}/exports/assignment_gradebook.xlsx").data)
    ).active
    header = [cell.value for cell in sheet[1]]
    assert header == [
        "Username",
        "Student",
        "Class",
        f"{graded.bank_title} (due {day})",
        f"{graded.bank_title} (due {day}) 2",
        f"{graded.bank_title} (no due date)",
    ]
    assert all(BANK not in heading for heading in header)
    data = json.loads(tina.get(f"/classes/{people.class_id}/exports/assignment_gradebook.json").data)
    assert data["labels"] == header and data["columns"][3:] == [
        f"{BANK}#{graded.first}",
        f"{BANK}#{third}",
        f"{BANK}#{graded.second}",
    ]


@pytest.mark.parametrize("kind", ["attempts", "gradebook", "answers", "assignment_gradebook"])
def test_every_assignment_export_in_xlsx_is_free_of_formulas(tina, graded, kind):
    response = tina.get(f"/assignments/{graded.first}/exports/{kind}.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.data)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert "'" + EVIL in {cell.value for cell in cells} or kind == "answers"  # names, not in answers
    assert not any(str(cell.value).startswith("=") for cell in cells)


def test_json_keeps_lateness_as_booleans_and_no_value_as_null(tina, graded):
    data = json.loads(tina.get(f"/assignments/{graded.first}/exports/gradebook.json").data)
    by_user = {row["student_username"]: row for row in data["rows"]}
    assert by_user["sam"]["late"] is True and by_user["sara"]["late"] is False
    assert by_user["nina"]["late"] is None and by_user["nina"]["percent"] is None
    assert by_user["mia"]["accommodated"] is True and by_user["mia"]["attempts_allowed"] == 2


def test_unknown_kinds_and_formats_are_not_found(tina, graded):
    assert tina.get(f"/assignments/{graded.first}/exports/everything.csv").status_code == 404
    assert tina.get(f"/assignments/{graded.first}/exports/attempts.pdf").status_code == 404
    assert tina.get(f"/assignments/{graded.first}/exports/attempts.csv?since=yesterday").status_code == 400


def test_a_titled_assignment_names_its_column_its_file_and_its_rows_safely(app, tina, people, graded):
    """A retake titled like a formula: the spreadsheet's header and cells say it as text, JSON keeps
    the column's key for programs, and the file name holds only safe characters."""
    title = '=HYPERLINK("http://evil";"Retake") Ünit 3/4'
    with app.app_context():
        row = assignments.assignment(graded.second)
        assignments.update(people.teacher, row.id, AssignmentTerms(title=title, max_attempts=None))
    header = list(read_csv(tina.get(f"/classes/{people.class_id}/exports/assignment_gradebook.csv"))[0])
    assert header[-1] == f"'{title} ({BANK}#{graded.second})"  # neutralized, as every cell is
    assert header[-2] == f"{graded.bank_title} ({BANK}#{graded.first})"
    xlsx = tina.get(f"/classes/{people.class_id}/exports/assignment_gradebook.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.data)).active
    first_row = [cell.value for cell in next(sheet.iter_rows())]
    assert first_row[-2:] == [graded.bank_title, f"'{title}"]  # by their names: nothing to tell apart
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    data = json.loads(tina.get(f"/classes/{people.class_id}/exports/assignment_gradebook.json").data)
    assert data["columns"][-1] == f"{BANK}#{graded.second}"  # JSON: the key programs read
    assert data["labels"][-1] == title  # and the heading people read, as it is (JSON is not run)
    for kind in ("attempts", "gradebook"):
        response = tina.get(f"/assignments/{graded.second}/exports/{kind}.csv")
        disposition = response.headers["Content-Disposition"]
        assert (
            f"{kind}-history-9b-{BANK}-assignment{graded.second}-hyperlink-http-evil-retake-unit-3-4-"
            in disposition
        )
        assert disposition.isascii() and '"' not in disposition.split('filename="')[1][:-1]
        names = {r["assignment_name"] for r in read_csv(response)}
        assert names <= {"'" + title}, names  # a text cell, neutralized
    gradebook = read_csv(tina.get(f"/assignments/{graded.second}/exports/gradebook.csv"))
    assert {r["assignment_name"] for r in gradebook} == {"'" + title}


def test_a_title_in_a_file_name_keeps_ascii_letters_digits_and_single_dashes():
    assert file_name_part('Retake (B) — 2nd try! "quoted"\r\n') == "retake-b-2nd-try-quoted"
    assert file_name_part("Ünité 3") == "unite-3"
    assert file_name_part("Тест ../..") == ""  # nothing left: the file is named without it
    assert file_name_part("x" * 100) == "x" * 40
    assert file_name_part("ab " * 30) == "ab-" * 12 + "ab"  # whole words, 38 characters
