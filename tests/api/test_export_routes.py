"""GET /api/v1/exports/scores: the class pages' and the assignment pages' exports, byte for byte (and the
command's), for teachers and their own classes and assignments."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta, timezone
from urllib.parse import urlencode

import openpyxl
import pytest

from tests.helpers.api import QUIZ, error_of
from tests.helpers.web import login, read_csv


@pytest.mark.parametrize("kind", ["attempts", "gradebook", "answers"])
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_the_api_serves_the_same_file_as_the_class_page(as_user, app, people, results, kind, fmt):
    page = app.test_client()
    login(page, "tina")
    expected = page.get(f"/classes/{people.class_id}/exports/{kind}.{fmt}")
    response = as_user("tina").get(f"/exports/scores?class_id={people.class_id}&kind={kind}&format={fmt}")
    assert response.status_code == 200
    assert response.content_type == expected.content_type
    assert response.headers["Content-Disposition"] == expected.headers["Content-Disposition"]
    assert response.data == expected.data


def test_csv_is_the_default_and_formulas_are_neutralized(as_user, people, results):
    rows = read_csv(as_user("tina").get("/exports/scores"))
    names = {row["student_name"] for row in rows}
    assert "Sam Student" in names
    assert '\'=HYPERLINK("http://evil";"Sara")' in names


def test_xlsx_holds_strings_not_formulas(as_user, results):
    response = as_user("tina").get(f"/exports/scores?format=xlsx&quiz_id={QUIZ}")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.data)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert any(str(cell.value).startswith("'=HYPERLINK") for cell in cells)


def test_since_filters_attempts(as_user, results):
    tina = as_user("tina")
    assert read_csv(tina.get("/exports/scores?since=2999-01-01T00:00:00")) == []
    assert len(read_csv(tina.get("/exports/scores?since=2000-01-01T00:00:00Z"))) == 2
    bad = tina.get("/exports/scores?since=yesterday")
    assert bad.status_code == 400 and "since" in error_of(bad)["details"]["fields"]


def test_only_teachers_and_only_their_own_classes(as_user, people, results):
    assert error_of(as_user("sam").get("/exports/scores"))["code"] == "teachers_only"
    otto = as_user("otto")
    response = otto.get(f"/exports/scores?class_id={people.class_id}")
    assert response.status_code == 404 and error_of(response)["code"] == "class_not_found"
    assert read_csv(otto.get("/exports/scores")) == []  # Otto's own class has no attempts


@pytest.mark.parametrize(
    "query", ["format=pdf", "kind=everything", "class_id=abc", "class_id=0", "quiz_id=", "limit=5"]
)
def test_bad_parameters_are_400(as_user, query):
    response = as_user("tina").get(f"/exports/scores?{query}")
    assert response.status_code == 400
    assert error_of(response)["code"] == "bad_request"


def test_an_unknown_quiz_is_404(as_user):
    assert error_of(as_user("tina").get("/exports/scores?quiz_id=nope"))["code"] == "quiz_not_found"


def _since_cases(started: datetime) -> list[tuple[str, int]]:
    """``since`` values around the attempts' start, written every way, with the rows each keeps."""
    before, after = started - timedelta(minutes=1), started + timedelta(minutes=1)
    plus5, minus5 = timezone(timedelta(hours=5)), timezone(timedelta(hours=-5))
    naive = "%Y-%m-%dT%H:%M:%S"
    return [
        (before.astimezone(plus5).isoformat(), 2),  # the reported bug: the page read it 5 hours late
        (after.astimezone(plus5).isoformat(), 0),
        (before.astimezone(minus5).isoformat(), 2),
        (after.astimezone(minus5).isoformat(), 0),  # read 5 hours early before: every row
        (before.strftime(naive) + "Z", 2),
        (after.strftime(naive) + "Z", 0),
        (before.strftime(naive), 2),  # no offset: UTC
        (after.strftime(naive), 0),
        ((started + timedelta(days=1)).date().isoformat(), 0),  # a date alone: its midnight, UTC
        (started.date().isoformat(), 2),
    ]


def test_the_page_the_api_and_the_command_read_since_alike(app, as_user, people, results):
    page = app.test_client()
    login(page, "tina")
    api = as_user("tina")
    rows = read_csv(api.get("/exports/scores"))
    started = max(datetime.fromisoformat(row["started_at"]) for row in rows)
    assert min(datetime.fromisoformat(row["started_at"]) for row in rows) > started - timedelta(seconds=30)
    for since, expected in _since_cases(started):
        query = urlencode({"since": since})
        assert (
            len(read_csv(page.get(f"/classes/{people.class_id}/exports/attempts.csv?{query}"))) == expected
        ), since
        assert len(read_csv(api.get(f"/exports/scores?{query}"))) == expected, since
        result = app.test_cli_runner().invoke(args=["export-scores", "--format", "json", "--since", since])
        assert result.exit_code == 0 and len(json.loads(result.output)["rows"]) == expected, since


@pytest.mark.parametrize(
    ("since", "says"),
    [
        ("yesterday", "ISO 8601"),
        ("2026-03-01T08:00:00 05:00", "%2B"),  # a bare '+' in the address, read as a space
        ("0001-01-01T00:00:00+05:00", "out of range"),  # before year 1 in UTC: was a 500 in the API
        ("9999-12-31T23:00:00-05:00", "out of range"),
    ],
)
def test_a_bad_since_is_a_clear_400_everywhere(app, as_user, people, since, says):
    page = app.test_client()
    login(page, "tina")
    query = urlencode({"since": since})
    response = page.get(f"/classes/{people.class_id}/exports/attempts.csv?{query}")
    assert response.status_code == 400 and says in response.get_data(as_text=True)
    response = as_user("tina").get(f"/exports/scores?{query}")
    assert response.status_code == 400
    assert says in " ".join(error_of(response)["details"]["fields"]["since"])
    result = app.test_cli_runner().invoke(args=["export-scores", "--format", "csv", "--since", since])
    assert result.exit_code == 2 and says in result.output


def _typed_cells(data: bytes) -> list[tuple]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    return [tuple((cell.value, cell.number_format) for cell in row) for row in sheet.iter_rows()]


@pytest.mark.parametrize("kind", ["attempts", "gradebook", "answers"])
def test_the_api_writes_the_workbook_in_the_teachers_zone_as_the_page_does(
    app, as_user, people, results, tmp_path, kind
):
    """XLSX's times are in the exporting teacher's zone (their own, else the school's): the same
    workbook from the page, the API and the command (``--teacher``, or ``--timezone``)."""
    from quizapp.services import accounts

    with app.app_context():
        accounts.set_time_zone(people.teacher, "America/Chicago")
    page = app.test_client()
    login(page, "tina")
    expected = _typed_cells(page.get(f"/classes/{people.class_id}/exports/{kind}.xlsx").data)
    api = as_user("tina").get(f"/exports/scores?class_id={people.class_id}&kind={kind}&format=xlsx")
    assert _typed_cells(api.data) == expected
    chosen = ("--format", "xlsx", "--kind", kind, "--class", str(people.class_id))
    assert _typed_cells(_command(app, tmp_path, *chosen, "--teacher", "tina")) == expected
    assert _typed_cells(_command(app, tmp_path, *chosen, "--timezone", "America/Chicago")) == expected
    in_utc = _typed_cells(_command(app, tmp_path, *chosen))  # no teacher named: the school's zone
    if kind != "gradebook":  # the gradebook has no times
        times = [n for n, (value, _) in enumerate(expected[0]) if value.endswith("(America/Chicago)")]
        assert times and all(in_utc[0][n][0].endswith("(UTC)") for n in times)
        row = expected[1]
        assert all(isinstance(row[n][0], datetime) and row[n][1] == "yyyy-mm-dd hh:mm" for n in times)
        assert in_utc[1][times[-1]][0] - row[times[-1]][0] in (timedelta(hours=6), timedelta(hours=5))


def test_the_command_refuses_a_zone_it_does_not_know(app, people):
    result = app.test_cli_runner().invoke(
        args=["export-scores", "--format", "csv", "--timezone", "Mars/Base"]
    )
    assert result.exit_code == 2 and "--timezone" in result.output


def test_the_api_answers_json_keeps_response_for_programs(as_user, results):
    rows = json.loads(as_user("tina").get(f"/exports/scores?kind=answers&format=json&quiz_id={QUIZ}").data)[
        "rows"
    ]
    assert rows and all(
        json.loads(row["response"]) is not None for row in rows
    )  # the stored JSON, as published
    assert all(isinstance(row["response_text"], str) and row["response_text"] for row in rows)


# --- One assignment: ?assignment_id=, the assignment page's links, `flask export-scores --assignment`


def _command(app, tmp_path, *args: str) -> bytes:
    output = tmp_path / "export"
    result = app.test_cli_runner().invoke(args=["export-scores", *args, "-o", str(output)])
    assert result.exit_code == 0, result.output
    return output.read_bytes()


@pytest.mark.parametrize("kind", ["attempts", "gradebook", "answers", "assignment_gradebook"])
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_the_page_the_api_and_the_command_give_one_assignment_the_same_file(
    app, as_user, assignment_id, tmp_path, kind, fmt
):
    page = app.test_client()
    login(page, "tina")
    expected = page.get(f"/assignments/{assignment_id}/exports/{kind}.{fmt}")
    assert expected.status_code == 200 and expected.data
    response = as_user("tina").get(f"/exports/scores?assignment_id={assignment_id}&kind={kind}&format={fmt}")
    assert response.status_code == 200
    assert response.content_type == expected.content_type
    assert response.headers["Content-Disposition"] == expected.headers["Content-Disposition"]
    assert response.data == expected.data
    command = _command(app, tmp_path, "--format", fmt, "--kind", kind, "--assignment", str(assignment_id))
    assert command == expected.data


def test_the_page_the_api_and_the_command_give_one_assignment_the_same_workbook(
    app, as_user, assignment_id, tmp_path
):
    def cells(data: bytes) -> list[tuple]:
        return list(openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))

    page = app.test_client()
    login(page, "tina")
    expected = cells(page.get(f"/assignments/{assignment_id}/exports/gradebook.xlsx").data)
    assert expected[0][:2] == ("Username", "Student") and len(expected) == 3
    api = as_user("tina").get(f"/exports/scores?assignment_id={assignment_id}&kind=gradebook&format=xlsx")
    assert cells(api.data) == expected
    command = _command(
        app, tmp_path, "--format", "xlsx", "--kind", "gradebook", "--assignment", str(assignment_id)
    )
    assert cells(command) == expected


def test_an_assignment_export_holds_only_its_attempts(as_user, assignment_id, people, results):
    rows = read_csv(as_user("tina").get(f"/exports/scores?assignment_id={assignment_id}"))
    assert {row["assignment_id"] for row in rows} == {str(assignment_id)} and len(rows) == 2
    assert {row["late"] for row in rows} == {"false"} and {row["due_at"] for row in rows} == {""}
    assert '\'=HYPERLINK("http://evil";"Sara")' in {row["student_name"] for row in rows}


def test_an_assignment_of_another_teacher_or_another_class_or_quiz_is_not_found(
    as_user, assignment_id, people
):
    tina, otto = as_user("tina"), as_user("otto")
    response = otto.get(f"/exports/scores?assignment_id={assignment_id}")
    assert response.status_code == 404 and error_of(response)["code"] == "assignment_not_found"
    assert error_of(tina.get("/exports/scores?assignment_id=999999"))["code"] == "assignment_not_found"
    mismatch = tina.get(f"/exports/scores?assignment_id={assignment_id}&class_id={people.other_class_id}")
    assert error_of(mismatch)["code"] == "assignment_not_found"
    assert (
        error_of(tina.get(f"/exports/scores?assignment_id={assignment_id}&quiz_id=nope"))["code"]
        == "quiz_not_found"
    )
    same = tina.get(
        f"/exports/scores?assignment_id={assignment_id}&class_id={people.class_id}&quiz_id={QUIZ}"
    )
    assert same.status_code == 200 and len(read_csv(same)) == 2
    assert (
        error_of(as_user("sam").get(f"/exports/scores?assignment_id={assignment_id}"))["code"]
        == "teachers_only"
    )
    assert tina.get("/exports/scores?assignment_id=0").status_code == 400


def test_the_command_refuses_an_unknown_assignment_or_one_of_another_class(app, assignment_id, people):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["export-scores", "--format", "csv", "--assignment", "999999"])
    assert result.exit_code == 2 and "no assignment 999999" in result.output
    result = runner.invoke(
        args=["export-scores", "--format", "csv", "--assignment", str(assignment_id), "--teacher", "otto"]
    )
    assert result.exit_code == 2 and "of that class, teacher and quiz" in result.output
    result = runner.invoke(
        args=["export-scores", "--format", "csv", "--assignment", str(assignment_id), "--teacher", "tina"]
    )
    assert result.exit_code == 0 and len(result.output.splitlines()) == 3  # the header and two attempts
