"""Score exports: the kinds, the three formats, spreadsheet safety, who may export, and files a
teacher can read (answers in words, typed workbooks in the teacher's zone, gradebooks by title)."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from quizapp.core.model import QuestionType
from quizapp.services import accounts
from quizapp.services.export_formats import (
    Columns,
    csv_chunks,
    csv_chunks_of_shared_cells,
    spreadsheet_safe,
)
from tests.helpers.api import ApiClient, token_for
from tests.helpers.banks import assign_every_bank
from tests.helpers.quizzes import FrozenClock, answer_correctly, start
from tests.helpers.web import column_widths, login, read_csv

TITLE = "Kosovar Peacekeepers Sent On First Mission Abroad"  # the bank's title: the gradebook's header


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
    assert rows[0] == ("Username", "Student", "Class", TITLE)  # XLSX is headed in words
    by_user = {row[0]: row for row in rows[1:]}
    assert by_user["sam"][3] == pytest.approx(0.08) and by_user["sara"][3] == 0  # 8% and 0%
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
    assert result.output.splitlines()[0] == f"\ufeffstudent_username,student_name,class,{TITLE}"


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
    from quizapp.services.score_exports import ExportRequest, answer_columns, answer_rows

    login(client, "tina")
    response = client.get(f"/classes/{people.class_id}/exports/answers.csv")
    rows = read_csv(response)
    assert [(r["student_username"], r["correct"]) for r in rows] == [
        ("sam", "true"),
        ("sam", "true"),
        ("sam", "false"),
    ]
    assert all(json.loads(r["response_ids"]) is not None for r in rows)
    with app.test_request_context():
        classes = tuple(c for c in all_classes() if c.id == people.class_id)
        wanted = ExportRequest("answers", "csv", classes)
        expected = b"".join(csv_chunks(answer_columns("csv"), answer_rows(wanted)))
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


# --- Exports a teacher can read: what the student chose, typed workbooks, titled gradebooks ---

BERLIN = ZoneInfo("Europe/Berlin")


def _words(question, response) -> str:
    """What a teacher should read for ``response``, spelled out here rather than asked of the app."""
    spec = question.answer
    match question.type:
        case QuestionType.SINGLE | QuestionType.MULTIPLE:
            texts = {choice.id: choice.text for choice in spec.choices}
            return "; ".join(texts[pick] for pick in ([response] if isinstance(response, str) else response))
        case QuestionType.TRUE_FALSE:
            return "True" if response else "False"
        case QuestionType.ORDERING:
            texts = {item.id: item.text for item in spec.items}
            return " → ".join(texts[item_id] for item_id in response)
        case QuestionType.MATCHING:
            rights = {right.id: right.text for right in spec.rights}
            return "; ".join(f"{left.text} → {rights[response[left.id]]}" for left in spec.lefts)
        case QuestionType.CLOZE:
            return "; ".join(response)
        case _:
            return response


@pytest.mark.ungrouped  # every question, so every type, is asked
def test_the_answers_csv_says_what_the_student_chose_in_words_and_keeps_the_ids(client, people, chosen):
    questions, responses = chosen
    login(client, "tina")
    rows = read_csv(client.get(f"/classes/{people.class_id}/exports/answers.csv"))
    assert list(rows[0])[9:11] == ["response", "response_ids"]
    assert {row["question_id"] for row in rows} == set(questions)
    types = set()
    for row in rows:
        question, given = questions[row["question_id"]], responses[row["question_id"]]
        assert row["response"] == _words(question, given), row["question_type"]
        assert json.loads(row["response_ids"]) == given  # for programs: the stored response
        types.add(row["question_type"])
    assert types >= {"single", "multiple", "true_false", "ordering", "matching", "numeric", "short", "cloze"}
    assert row["correct"] in ("true", "false") and row["answered_at"].endswith("+00:00")  # CSV: as before


@pytest.mark.ungrouped  # every question, so every type, is asked
def test_the_answers_json_keeps_response_as_published_and_adds_its_words(client, people, chosen):
    questions, responses = chosen
    login(client, "tina")
    data = json.loads(client.get(f"/classes/{people.class_id}/exports/answers.json").data)
    assert "response_text" in data["columns"] and "response_ids" not in data["columns"]
    for row in data["rows"]:
        question, given = questions[row["question_id"]], responses[row["question_id"]]
        assert json.loads(row["response"]) == given  # unchanged: the stored response as JSON text
        assert row["response_text"] == _words(question, given)
        assert isinstance(row["correct"], bool)


@pytest.mark.ungrouped  # every question, so every type, is asked
def test_the_answers_xlsx_is_typed_in_the_teachers_zone(client, people, chosen):
    questions, responses = chosen
    login(client, "tina")
    data = json.loads(client.get(f"/classes/{people.class_id}/exports/answers.json").data)
    utc_times = {row["question_id"]: row["answered_at"] for row in data["rows"]}
    sheet = load_workbook(
        io.BytesIO(client.get(f"/classes/{people.class_id}/exports/answers.xlsx").data)
    ).active
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Username", "Student", "Class"]
    assert header[9:] == [
        "Answer",
        "Answer ids",
        "Correct",
        "Points",
        "Out of",
        "Answered at (Europe/Berlin)",
    ]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:O{len(questions) + 1}"
    for row in sheet.iter_rows(min_row=2):
        cells = dict(zip(header, row, strict=True))
        key = cells["Question id"].value
        assert cells["Answer"].value == _words(questions[key], responses[key])
        shown, expected = cells["Answer ids"].value, _plain_ids(responses[key])  # no JSON quotes, brackets
        assert sorted(shown.split(", ")) == sorted(expected.split(", "))  # pairs: in the stored order
        assert isinstance(cells["Correct"].value, bool) and cells["Correct"].data_type == "b"
        assert isinstance(cells["Points"].value, int | float) and cells["Out of"].value == 1
        answered = cells["Answered at (Europe/Berlin)"]
        assert isinstance(answered.value, datetime) and answered.is_date
        expected = datetime.fromisoformat(utc_times[key]).astimezone(BERLIN).replace(tzinfo=None)
        assert abs(answered.value - expected) < timedelta(milliseconds=1)
    widths = column_widths(sheet)
    assert all(width >= 8 for width in widths.values()) and len(widths) == len(header)
    longest = max(len("Answer ids"), *(len(_plain_ids(r)) for r in responses.values()))
    assert widths["K"] >= min(longest, 50)  # as wide as the ids, up to the widest column


def _plain_ids(response) -> str:
    """What a person reads for a stored response: ids, blanks and pairs comma-separated."""
    if isinstance(response, dict):
        return ", ".join(f"{left} → {right}" for left, right in response.items())
    if isinstance(response, list):
        return ", ".join(map(str, response))
    return str(response).lower() if isinstance(response, bool) else str(response)


def test_the_attempts_xlsx_has_dates_percentages_and_numbers(client, people, results):
    with client.application.app_context():
        accounts.set_time_zone(people.teacher, "Europe/Berlin")
    login(client, "tina")
    data = json.loads(client.get(f"/classes/{people.class_id}/exports/attempts.json").data)
    sheet = load_workbook(
        io.BytesIO(client.get(f"/classes/{people.class_id}/exports/attempts.xlsx").data)
    ).active
    header = [cell.value for cell in sheet[1]]
    assert header == [
        "Username",
        "Student",
        "Class",
        "Quiz id",
        "Quiz",
        "Mode",
        "Attempt number",
        "Started at (Europe/Berlin)",
        "Submitted at (Europe/Berlin)",
        "Points",
        "Out of",
        "Percent",
    ]
    by_id = {row["attempt_id"]: row for row in data["rows"]}
    for row in sheet.iter_rows(min_row=2):
        cells = dict(zip(header, row, strict=True))
        source = by_id[cells["Attempt number"].value]
        submitted = cells["Submitted at (Europe/Berlin)"]
        expected = datetime.fromisoformat(source["submitted_at"]).astimezone(BERLIN).replace(tzinfo=None)
        assert submitted.is_date and abs(submitted.value - expected) < timedelta(
            milliseconds=1
        )  # Excel's precision
        percent = cells["Percent"]
        assert percent.data_type == "n" and percent.number_format == "0.0%"
        assert percent.value == pytest.approx(source["percent"] / 100)
        assert cells["Points"].value == source["score"] and cells["Out of"].value == 25
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:L3"
    assert column_widths(sheet)["H"] >= len("Started at (Europe/Berlin)")
    csv_header = next(
        csv.reader(io.StringIO(client.get(f"/classes/{people.class_id}/exports/attempts.csv").text))
    )
    assert csv_header[0] == "\ufeffstudent_username" and csv_header[1:] == list(data["columns"])[1:]
    assert data["labels"] == [name.removesuffix(" (Europe/Berlin)") for name in header]  # JSON: both


def test_the_gradebook_is_headed_by_the_quiz_title_in_spreadsheets_and_keyed_by_its_id_in_json(
    client, people, results
):
    login(client, "tina")
    header = next(
        csv.reader(io.StringIO(client.get(f"/classes/{people.class_id}/exports/gradebook.csv").text))
    )
    assert header == ["\ufeffstudent_username", "student_name", "class", TITLE]
    sheet = load_workbook(
        io.BytesIO(client.get(f"/classes/{people.class_id}/exports/gradebook.xlsx").data)
    ).active
    assert [cell.value for cell in sheet[1]] == ["Username", "Student", "Class", TITLE]
    sam = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "sam")
    assert sam[3].value == pytest.approx(0.08) and sam[3].number_format == "0.0%"
    assert column_widths(sheet)["D"] >= len(TITLE)
    data = json.loads(client.get(f"/classes/{people.class_id}/exports/gradebook.json").data)
    assert data["columns"][3] == "kosovo-peacekeepers" and data["labels"] == [
        "Username",
        "Student",
        "Class",
        TITLE,
    ]
    assert {row["student_username"]: row["kosovo-peacekeepers"] for row in data["rows"]} == {
        "sam": 8,
        "sara": 0,
    }


def test_two_quizzes_with_one_title_are_told_apart_by_their_ids(app, client, people, results, questions_dir):
    source = (questions_dir / "kosovo-peacekeepers.yaml").read_text(encoding="utf-8")
    (questions_dir / "kosovo-copy.yaml").write_text(
        source.replace("id: kosovo-peacekeepers", "id: kosovo-copy", 1), encoding="utf-8"
    )
    assign_every_bank(app)  # the gradebook shows the quizzes the class uses
    login(client, "tina")
    header = next(
        csv.reader(io.StringIO(client.get(f"/classes/{people.class_id}/exports/gradebook.csv").text))
    )
    assert sorted(header[3:]) == [f"{TITLE} (kosovo-copy)", f"{TITLE} (kosovo-peacekeepers)"]


def _exported_attempts(app, people, how: str) -> dict[str, dict[str, str]]:
    """The class's attempts export, by attempt id, through the page, the API or the command."""
    if how == "page":
        tina = app.test_client()
        login(tina, "tina")
        rows = read_csv(tina.get(f"/classes/{people.class_id}/exports/attempts.csv"))
    elif how == "api":
        api = ApiClient(app.test_client(), token_for(app.test_client(), "tina"))
        rows = read_csv(api.get(f"/exports/scores?class_id={people.class_id}"))
    else:
        result = app.test_cli_runner().invoke(
            args=["export-scores", "--format", "csv", "--class", "History 9B"]
        )
        assert result.exit_code == 0, result.output
        rows = list(csv.DictReader(io.StringIO(result.output.lstrip("\ufeff"))))
    return {row["attempt_id"]: row for row in rows}


@pytest.mark.parametrize("how", ["page", "api", "command"])
def test_a_test_whose_time_ran_out_is_exported_as_the_results_page_shows_it(
    app, people, assign, monkeypatch, how
):
    """Nobody opened a page since Sam's time ran out: the attempt is still open in the database.
    The results pages close it as they read it; the export (each front end) counts it alike."""
    frozen = FrozenClock(monkeypatch)
    assign(time_limit_minutes=10)
    sam = app.test_client()
    login(sam, "sam")
    attempt_id = start(sam, "test")
    answer_correctly(sam, app, attempt_id, 1)
    frozen.advance(minutes=11)
    exported = _exported_attempts(app, people, how)
    assert str(attempt_id) in exported, exported
    tina = app.test_client()
    login(tina, "tina")
    page = tina.get(f"/classes/{people.class_id}/students/{people.student}").get_data(as_text=True)
    assert f"/attempts/{attempt_id}/results" in page
    assert f"{exported[str(attempt_id)]['percent']}%" in page
