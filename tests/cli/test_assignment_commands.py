"""flask assign / flask accommodate / flask accommodate-class: the page's rules from the command
line, times typed in a zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from quizapp.core.assignments import Accommodation
from quizapp.core.model import AnswerVisibility
from quizapp.db import account_store, assignment_store
from quizapp.services import assignments, clock
from tests.helpers.assignments import clear_tinas_class


def assign(runner, *args: str):
    return runner.invoke(args=["assign", "kosovo-peacekeepers", *args])


def test_assign_prints_the_id_and_reads_times_in_the_zone(app, people):
    runner = app.test_cli_runner()
    result = assign(
        runner,
        "--class",
        people.join_code,
        "--opens",
        "2026-03-28 08:00",
        "--due",
        "2026-03-29 23:59",
        "--attempts",
        "3",
        "--time-limit",
        "45",
        "--late",
        "--timezone",
        "Europe/Belgrade",
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == "warning: the due time is already past: students can only start it late\n"
    with app.app_context():
        row = assignment_store.assignment(int(result.stdout.strip()))  # the id alone, for scripts
    assert row.class_id == people.class_id and row.bank_slug == "kosovo-peacekeepers"
    assert row.terms.opens_at == datetime(2026, 3, 28, 7, 0, tzinfo=UTC)  # CET, UTC+1
    assert row.terms.due_at == datetime(2026, 3, 29, 21, 59, tzinfo=UTC)  # CEST after the change
    assert (row.terms.max_attempts, row.terms.time_limit_minutes, row.terms.accept_late) == (3, 45, True)
    unlimited = assign(runner, "--class", people.join_code, "--attempts", "unlimited")
    with app.app_context():
        assert assignment_store.assignment(int(unlimited.output.strip())).terms.max_attempts is None


def test_assign_takes_a_title_and_refuses_a_bad_one(app, people):
    runner = app.test_cli_runner()
    result = assign(runner, "--class", people.join_code, "--title", " Retake ", "--due", "2099-12-01 23:59")
    assert result.exit_code == 0 and result.stderr == "", result.output
    with app.app_context():
        row = assignment_store.assignment(int(result.stdout.strip()))
    assert row.title == "Retake" and row.name == "Retake"
    untitled = assign(runner, "--class", people.join_code)
    with app.app_context():
        row = assignment_store.assignment(int(untitled.stdout.strip()))
    assert row.title is None and row.name == row.bank_title
    refused = assign(runner, "--class", people.join_code, "--title", "R" * 121)
    assert refused.exit_code == 2 and "a title may be at most 120 characters long" in refused.output
    date_only = assign(runner, "--class", people.join_code, "--due", "2099-12-01")
    assert date_only.exit_code == 2 and "give a time as well as the date" in date_only.output


def test_assign_refuses_what_a_page_would_and_stores_nothing(app, people):
    runner = app.test_cli_runner()
    with app.app_context():
        before = len(assignment_store.assignments_of_classes([people.class_id]))
    cases = {
        ("--due", "2026-03-29 02:30", "--timezone", "Europe/Belgrade"): "does not exist in Europe/Belgrade",
        ("--opens", "2026-12-02 08:00", "--due", "2026-12-01 08:00"): "after the opening time",
        ("--attempts", "0"): "attempts allowed",
        ("--attempts", "many"): "or unlimited",
        ("--timezone", "Mars/Base"): "no time zone",
        ("--due", "next friday"): "not a date and time",
        ("--answers", "after_due", "--no-study"): "answers after the due time needs a due time",
        (
            "--answers",
            "after_due",
            "--due",
            "2026-12-01 08:00",
            "--ends-at-close",
        ): "turn study off (--no-study)",
        (
            "--answers",
            "after_due",
            "--due",
            "2026-12-01 08:00",
            "--no-study",
        ): "need attempts to end at the due",
        ("--answers", "never"): "turn study off (--no-study) for this assignment to keep them back",
        ("--answers", "immediately"): "Invalid value for '--answers'",
    }
    for args, message in cases.items():
        result = assign(runner, "--class", people.join_code, *args)
        assert result.exit_code == 2 and message in result.output, (args, result.output)
    unknown = runner.invoke(args=["assign", "no-such-bank", "--class", people.join_code])
    assert unknown.exit_code == 2 and "no valid bank" in unknown.output
    no_class = assign(runner, "--class", "ZZZZ-ZZZZ")
    assert no_class.exit_code == 2 and "no class has join code" in no_class.output
    with app.app_context():
        assert len(assignment_store.assignments_of_classes([people.class_id])) == before


def test_accommodate_gives_and_takes_away(app, people):
    runner = app.test_cli_runner()
    assignment_id = assign(runner, "--class", people.join_code).output.strip()
    result = runner.invoke(
        args=["accommodate", assignment_id, "sam", "--extra-time-percent", "50", "--extra-attempts", "1"]
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        [(key, given)] = assignment_store.accommodations_of([int(assignment_id)]).items()
    assert key == (int(assignment_id), people.student)
    assert (given.extra_time_percent, given.extra_attempts) == (50, 1)
    refused = {
        ("oleg", "--extra-attempts", "1"): "not a student of History 9B",
        ("sam", "--extra-time-percent", "500"): "extra time",
        ("sam", "--opens", "2026-12-02 08:00", "--due", "2026-12-01 08:00"): "after the opening time",
    }
    for args, message in refused.items():
        outcome = runner.invoke(args=["accommodate", assignment_id, *args])
        assert outcome.exit_code == 2 and message in outcome.output, (args, outcome.output)
    assert runner.invoke(args=["accommodate", "999999", "sam"]).exit_code == 2
    removed = runner.invoke(args=["accommodate", assignment_id, "sam", "--remove"])
    assert removed.exit_code == 0
    with app.app_context():
        assert assignment_store.accommodations_of([int(assignment_id)]) == {}


def test_digits_are_ascii_digits_and_an_empty_accommodation_is_no_accommodation(app, people):
    runner = app.test_cli_runner()
    for odd in ("²", "٣", "9" * 5000):
        result = assign(runner, "--class", people.join_code, "--attempts", odd)
        assert result.exit_code == 2 and "or unlimited" in result.output, odd
    assignment_id = assign(runner, "--class", people.join_code).output.strip()
    empty = runner.invoke(args=["accommodate", assignment_id, "sam"])
    assert empty.exit_code == 2 and "or --remove" in empty.output
    with app.app_context():
        assert assignment_store.accommodations_of([int(assignment_id)]) == {}


def standing_in(app, class_id: int) -> dict[str, Accommodation]:
    with app.app_context():
        found = assignment_store.standing_accommodations([class_id])
        return {each.username: each.accommodation for each in found}


def test_accommodate_class_gives_every_test_and_takes_it_away(app, people):
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=["accommodate-class", "sam", "--class", people.join_code, "--extra-time-percent", "50"]
    )
    assert result.exit_code == 0, result.output
    assert "accommodated sam on every test of History 9B" in result.output
    assert standing_in(app, people.class_id) == {"sam": Accommodation(extra_time_percent=50)}
    assignment_id = int(assign(runner, "--class", people.join_code, "--time-limit", "20").output)
    with app.app_context():
        student = account_store.account_by_username("sam")
        view = next(
            v for v in assignments.student_assignments(student.id, clock.now()) if v.id == assignment_id
        )
    assert view.window.time_limit == timedelta(minutes=30)  # an assignment made afterwards
    refused = {
        ("oleg", "--extra-attempts", "1"): "not a student of History 9B",
        ("sam", "--extra-time-percent", "500"): "extra time",
        ("sam",): "or --remove",
    }
    for args, message in refused.items():
        outcome = runner.invoke(args=["accommodate-class", "--class", people.join_code, *args])
        assert outcome.exit_code == 2 and message in outcome.output, (args, outcome.output)
    unknown = runner.invoke(
        args=["accommodate-class", "sam", "--class", "ZZZZ-ZZZZ", "--extra-attempts", "1"]
    )
    assert unknown.exit_code == 2 and "no class has join code" in unknown.output
    assert standing_in(app, people.class_id) == {"sam": Accommodation(extra_time_percent=50)}
    removed = runner.invoke(args=["accommodate-class", "sam", "--class", people.join_code, "--remove"])
    assert removed.exit_code == 0, removed.output
    assert standing_in(app, people.class_id) == {}


def test_assign_shows_answers_after_the_due_time_with_study_off(app, people):
    runner = app.test_cli_runner()
    args = ("--class", people.join_code, "--due", "2026-12-01 23:59", "--timezone", "Europe/Belgrade")
    default = assign(runner, *args)
    with app.app_context():
        plain = assignment_store.assignment(int(default.output.strip())).terms
        assert (plain.show_answers, plain.study) == (None, True)  # the bank's answers, study on
    held = ("--answers", "after_due", "--no-study", "--ends-at-close")
    refused = assign(runner, *args, *held)  # the class may study the bank: that gives them away
    assert refused.exit_code == 2 and "another assignment of this quiz in this class" in refused.output
    clear_tinas_class(app, people)
    result = assign(runner, *args, *held)
    assert result.exit_code == 0, result.output
    with app.app_context():
        row = assignment_store.assignment(int(result.output.strip()))
        assert (row.terms.show_answers, row.terms.study) == (AnswerVisibility.AFTER_DUE, False)
        assert row.terms.due_at == datetime(2026, 12, 1, 22, 59, tzinfo=UTC)
