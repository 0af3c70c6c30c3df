"""Score exports: the three kinds, the three formats, spreadsheet safety, and who may export."""

from __future__ import annotations

import io
import json

import pytest
from openpyxl import load_workbook

from quizapp.services.export_formats import (
    Columns,
    csv_chunks,
    csv_chunks_of_shared_cells,
    spreadsheet_safe,
)
from tests.helpers.web import login, read_csv


def test_attempts_csv(client, people, results):
    login(client, "tina")
    response = client.get(f"/classes/{people.class_id}/exports/attempts.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = read_csv(response)
    sam = next(r for r in rows if r["student_username"] == "sam")
    assert sam["class"] == "History 9B" and sam["quiz_id"] == "kosovo-peacekeepers" and sam["mode"] == "test"
    assert sam["score"] == "2" and sam["max_score"] == "25" and sam["percent"] == "8"
    sara = next(r for r in rows if r["student_username"] == "sara")
    assert sara["student_name"].startswith("'=HYPERLINK")  # neutralized
    assert list(rows[0]) == [
        "student_username",
        "student_name",
        "class",
        "quiz_id",
        "quiz_title",
        "mode",
        "attempt_id",
        "started_at",
        "submitted_at",
        "score",
        "max_score",
        "percent",
    ]


def test_gradebook_xlsx_is_safe(client, people, results):
    login(client, "tina")
    response = client.get(f"/classes/{people.class_id}/exports/gradebook.xlsx")
    workbook = load_workbook(io.BytesIO(response.get_data()), read_only=True)
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0] == ("student_username", "student_name", "class", "kosovo-peacekeepers")
    by_user = {row[0]: row for row in rows[1:]}
    assert by_user["sam"][3] == 8 and by_user["sara"][3] == 0
    assert by_user["sara"][1].startswith("'=")  # text, never a formula


def test_answers_json(client, people, results):
    login(client, "tina")
    data = json.loads(
        client.get(f"/classes/{people.class_id}/exports/answers.json?quiz=kosovo-peacekeepers").data
    )
    rows = data["rows"]
    assert [r["correct"] for r in rows] == [True, True, False]
    assert {r["student_username"] for r in rows} == {"sam"}
    assert all(len(r["question_version"]) == 12 and r["max_points"] == 1.0 for r in rows)
    assert data["columns"][:3] == ["student_username", "student_name", "class"]


def test_since_filter(client, people, results):
    login(client, "tina")
    assert read_csv(client.get(f"/classes/{people.class_id}/exports/attempts.csv?since=2999-01-01")) == []
    assert client.get(f"/classes/{people.class_id}/exports/attempts.csv?since=yesterday").status_code == 400


def test_only_teachers_and_only_their_classes(client, app, people, results):
    login(client, "otto")
    assert client.get(f"/classes/{people.class_id}/exports/attempts.csv").status_code == 404
    mine = read_csv(client.get("/classes/exports/attempts.csv"))
    assert mine == []  # Otto's class has no attempts
    student = app.test_client()
    login(student, "sam")
    assert student.get(f"/classes/{people.class_id}/exports/attempts.csv").status_code == 403
    assert client.get(f"/classes/{people.class_id}/exports/attempts.pdf").status_code == 404


def test_export_scores_command(app, people, results, tmp_path):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["export-scores", "--format", "csv", "--class", "History 9B"])
    assert result.exit_code == 0, result.output
    assert "sam,Sam Student,History 9B,kosovo-peacekeepers" in result.output
    out = tmp_path / "book.xlsx"
    result = runner.invoke(
        args=["export-scores", "--format", "xlsx", "--kind", "gradebook", "--teacher", "tina", "-o", str(out)]
    )
    assert result.exit_code == 0 and load_workbook(out).active.max_row == 3  # header, sam, sara
    assert runner.invoke(args=["export-scores", "--format", "xlsx"]).exit_code == 2  # binary needs -o
    assert runner.invoke(args=["export-scores", "--format", "csv", "--class", "nope"]).exit_code == 2
    answers = runner.invoke(
        args=["export-scores", "--format", "json", "--kind", "answers", "--since", "2000-01-01"]
    )
    assert len(json.loads(answers.output)["rows"]) == 3


def test_the_gradebook_command_has_a_column_per_bank_before_any_request_loaded_them(app, people, results):
    # A command runs in a process that served no request: nothing has read the bank files yet.
    from pathlib import Path

    from quizapp.services.bank_library import EXTENSION_KEY, BankLibrary

    app.extensions[EXTENSION_KEY] = BankLibrary(Path(app.config["QUESTIONS_DIR"]), 2.0)
    result = app.test_cli_runner().invoke(args=["export-scores", "--format", "csv", "--kind", "gradebook"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "\ufeffstudent_username,student_name,class,kosovo-peacekeepers"


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+44", "'+44"),
        ("-3", "'-3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Ana", "Ana"),
        ("", ""),
        ("a=b", "a=b"),
    ],
)
def test_spreadsheet_safe(value, safe):
    assert spreadsheet_safe(value) == safe


def test_answers_csv_is_what_the_plain_csv_writer_writes(app, client, people, results):
    """The answers CSV encodes parts shared by many rows once; the file must not differ for it."""
    from quizapp.db.account_store import all_classes
    from quizapp.services.score_exports import ANSWER_COLUMNS, ExportRequest, answer_rows

    login(client, "tina")
    response = client.get(f"/classes/{people.class_id}/exports/answers.csv")
    rows = read_csv(response)
    assert [(r["student_username"], r["correct"]) for r in rows] == [
        ("sam", "true"),
        ("sam", "true"),
        ("sam", "false"),
    ]
    assert all(json.loads(r["response"]) is not None for r in rows)
    with app.test_request_context():
        classes = tuple(c for c in all_classes() if c.id == people.class_id)
        expected = b"".join(
            csv_chunks(
                ANSWER_COLUMNS.for_spreadsheet(), answer_rows(ExportRequest("answers", "csv", classes), True)
            )
        )
    assert response.data == expected


def test_shared_cell_parts_are_written_like_whole_rows(monkeypatch):
    from quizapp.services import export_formats

    columns = Columns(("a", "b", "c", "d", "e"), text=(0, 1, 2, 3, 4)).for_spreadsheet()
    student, other = ("ana", 'Ana "A", B.'), ("bo", "Bo\nnewline")
    answer, tricky = ("q1", "x"), ("q2", '["a, b"]')
    rows = [
        (student, answer, "2026-01-01T10:00:00+00:00"),
        (student, tricky, "has, comma"),
        (other, answer, 'quote"d'),
        (other, tricky, ""),
    ]
    flat = [(*first, *second, own) for first, second, own in rows]
    expected = b"".join(csv_chunks(columns, flat))
    assert b"".join(csv_chunks_of_shared_cells(columns, rows)) == expected
    monkeypatch.setattr(export_formats, "_SHARED_LIMIT", 1)  # forgets every part: same output
    assert b"".join(csv_chunks_of_shared_cells(columns, rows)) == expected
    with pytest.raises(ValueError, match="made safe"):
        list(csv_chunks_of_shared_cells(Columns(("a",)), rows))
