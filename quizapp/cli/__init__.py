"""Command-line tools (``flask --app quizapp ...``): banks, answer keys, users, classes, assignments."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from quizapp import core
from quizapp.cli.assignment_commands import accommodate_class_command, accommodate_command, assign_command
from quizapp.cli.bank_commands import export_bank_command, fresh_library, import_command, served_bank
from quizapp.cli.draft_commands import draft_command
from quizapp.cli.terminal import echo_problem
from quizapp.core.accounts import (
    USERNAME_RULE,
    Role,
    name_problem,
    normalize_join_code,
    shown_join_code,
    valid_username,
)
from quizapp.core.bank_loader import bank_files, load_files
from quizapp.core.instants import parse_instant
from quizapp.core.local_time import time_zone
from quizapp.core.question_types import question_types
from quizapp.services import accounts, assignments, bank_library, clock
from quizapp.services.accounts import UnknownJoinCode, UsernameTaken
from quizapp.services.export_formats import FORMATS
from quizapp.services.passwords import password_problem
from quizapp.services.score_exports import KINDS, ExportRequest, assignment_request, export_scores


def init_app(app: Flask) -> None:
    app.cli.add_command(check_command)
    app.cli.add_command(answer_key_command)
    app.cli.add_command(sync_banks_command)
    app.cli.add_command(user_group)
    app.cli.add_command(class_group)
    app.cli.add_command(export_scores_command)
    app.cli.add_command(import_command)
    app.cli.add_command(draft_command)
    app.cli.add_command(export_bank_command)
    app.cli.add_command(assign_command)
    app.cli.add_command(accommodate_command)
    app.cli.add_command(accommodate_class_command)


def describe_counts(counts: dict[str, int]) -> str:
    """ "single 3, numeric 1": the counts in the registry's order of types."""
    return ", ".join(f"{kind.name} {counts[kind.name]}" for kind in question_types() if kind.name in counts)


def drafts_note(bank: core.Bank) -> str:
    """What ``check`` says of a bank's drafts: a note, not a warning (``--strict`` passes)."""
    note = f"{len(bank.drafts)} draft question(s) not yet reviewed: students do not see them"
    if not bank.takeable:
        note += " (every question is a draft: students see nothing of this bank until one is accepted)"
    return note


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too (give-aways), as on problems.")
@with_appcontext
def check_command(paths: tuple[Path, ...], strict: bool) -> None:
    """Validate question files (default: the questions folder).

    Prints each problem as FILE:LINE: [question-id] message, each warning (a question's answer
    given away by another question or by a text of the bank, or an allow_giveaway name that
    silences nothing) as FILE:LINE: [question-id] warning: message, and one line per valid bank
    (with a "note:" line under it when it holds drafts, which are no warning).
    Exits 0 when every file is valid, 1 when any has a problem (or, with --strict, a warning: a
    last line says so), 2 on usage errors.
    """
    targets = list(paths) or [Path(current_app.config["QUESTIONS_DIR"])]
    files: list[Path] = []
    for target in targets:
        found = bank_files(target) if target.is_dir() else [target]
        if not found:
            raise click.UsageError(f"no question files (*.yaml, *.yml) in {target}")
        files.extend(found)
    catalog = load_files(files, display=Path.cwd(), keep=bank_library.recorded_serving_files)
    for problem in (*catalog.problems, *catalog.warnings):
        echo_problem(problem)
    for bank in catalog.banks:
        counts = bank.count_by_type()
        click.echo(
            f"ok {bank.slug}: {len(bank.questions)} questions"
            + (f" ({describe_counts(counts)})" if counts else "")
            + ", "
            f"{len(bank.cards)} cards  [{bank.path}]"
        )
        if bank.drafts:
            click.echo(f"note: {bank.path}: {drafts_note(bank)}")
    invalid = len({problem.file for problem in catalog.problems})
    click.echo(
        f"{len(catalog.banks)} valid bank(s), {invalid} file(s) with problems, "
        f"{len(catalog.warnings)} warning(s)"
    )
    if catalog.problems:
        raise SystemExit(1)
    if strict and catalog.warnings:
        click.echo(f"strict: {len(catalog.warnings)} warning(s) count as problems")
        raise SystemExit(1)


@click.command("answer-key")
@click.argument("bank_slug", metavar="BANK_ID")
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@with_appcontext
def answer_key_command(bank_slug: str, output_format: str) -> None:
    """Print the answer key of BANK_ID for teachers."""
    bank = served_bank(bank_slug)
    entries = core.answer_key(bank)
    if output_format == "json":
        data = {
            "bank": bank.slug,
            "title": bank.title,
            "questions": [
                {
                    "id": e.id,
                    "type": str(e.type),
                    "prompt": e.prompt,
                    "answer_text": e.answer_text,
                    "answer_lines": list(e.answer_lines),
                    "also_accepted": list(e.also_accepted),
                    "explanation": e.explanation,
                    "source_quotes": list(e.source_quotes),
                    "points": str(e.points),
                }
                for e in entries
            ],
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"Answer key: {bank.title} ({bank.slug})\n")
    for number, entry in enumerate(entries, start=1):
        click.echo(f"{number}. [{entry.type}] {entry.id}")
        click.echo(f"   {' '.join(entry.prompt.split())}")
        click.echo(f"   Answer: {entry.answer_text}")
        if entry.also_accepted:
            click.echo(f"   Also accepted: {'; '.join(entry.also_accepted)}")
        for quote in entry.source_quotes:
            click.echo(f"   In the text: “{quote}”")
        click.echo()


@click.command("sync-banks")
@with_appcontext
def sync_banks_command() -> None:
    """Load the question files and mirror the valid banks into the database."""
    library = fresh_library()
    for problem in (*library.catalog.problems, *library.catalog.warnings):
        echo_problem(problem, err=True)
    library.sync_to_database()
    click.echo(f"{len(library.catalog.banks)} bank(s) in service")


@click.group("user")
def user_group() -> None:
    """Manage user accounts."""


@user_group.command("create")
@click.argument("username")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--name", "display_name", help="Full name (default: the username).")
@click.option("--class", "join_code", help="Enroll the student in the class with this join code.")
@click.option(
    "--password-stdin",
    is_flag=True,
    required=True,
    help="Read the password from the first line of standard input.",
)
@with_appcontext
def create_user_command(
    username: str, role: str, display_name: str | None, join_code: str | None, password_stdin: bool
) -> None:
    """Create a user, e.g. `echo secret-pass | flask --app quizapp user create ana --role student ...`."""
    if not valid_username(username):
        raise click.BadParameter(f"use {USERNAME_RULE}", param_hint="USERNAME")
    if display_name is not None and (problem := name_problem(display_name)):
        raise click.BadParameter(problem, param_hint="--name")
    password = sys.stdin.readline().rstrip("\r\n")
    problem = password_problem(password)
    if problem:
        raise click.UsageError(f"the password on standard input: {problem}")
    classroom = None
    if join_code:
        if role != Role.STUDENT.value:
            raise click.UsageError("--class is for students")
        try:
            classroom = accounts.class_by_join_code(join_code)
        except UnknownJoinCode:
            raise click.BadParameter(f"no class has join code {join_code!r}", param_hint="--class") from None
    try:
        account = accounts.create_account(username, display_name or username, password, Role(role), classroom)
    except UsernameTaken:
        raise click.UsageError(f"username {username!r} is taken") from None
    where = f" in class {classroom.name}" if classroom else ""
    click.echo(f"created {account.role.value} {account.username}{where}")


@click.group("class")
def class_group() -> None:
    """Manage classes."""


@class_group.command("create")
@click.argument("name")
@click.option("--teacher", "teacher_username", required=True, help="Username of the class's teacher.")
@with_appcontext
def create_class_command(name: str, teacher_username: str) -> None:
    """Create a class and print its join code."""
    if problem := name_problem(name):
        raise click.BadParameter(problem, param_hint="NAME")
    teacher = accounts.account_by_username(teacher_username)
    if teacher is None or not teacher.is_teacher:
        raise click.BadParameter(f"no teacher with username {teacher_username!r}", param_hint="--teacher")
    try:
        classroom = accounts.create_class(teacher.id, name, clock.secure_random())
    except accounts.ClassNameTaken as taken:
        raise click.BadParameter(accounts.class_name_taken_message(taken), param_hint="NAME") from None
    click.echo(shown_join_code(classroom.join_code))


class _InstantType(click.ParamType):
    """--since read as the pages and the API read it (quizapp/core/instants.py)."""

    name = "datetime"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> datetime:
        if isinstance(value, datetime):
            return value
        try:
            return parse_instant(str(value))
        except ValueError as error:
            self.fail(str(error), param, ctx)


@click.command("export-scores")
@click.option("--format", "output_format", type=click.Choice(list(FORMATS)), required=True)
@click.option(
    "--kind",
    type=click.Choice(list(KINDS)),
    default="attempts",
    show_default=True,
    help="attempts: a row per attempt; gradebook: a row per student; answers: a row per answer; "
    "assignment_gradebook: a row per student, a column per assignment.",
)
@click.option("--class", "class_ref", help="A class's name, join code or id (default: every class).")
@click.option("--teacher", "teacher_username", help="Only this teacher's classes.")
@click.option("--quiz", "bank_slug", help="Only this quiz (bank id).")
@click.option(
    "--assignment",
    "assignment_id",
    type=click.IntRange(min=1),
    help="Only the attempts under this assignment (its id: the number in /assignments/ID); "
    "--class, --teacher and --quiz, if given, must be its own.",
)
@click.option(
    "--since",
    type=_InstantType(),
    help="Only attempts started at or after this time, ISO 8601 (UTC unless it has an offset).",
)
@click.option(
    "--timezone",
    "zone_name",
    help="The zone of XLSX's times (default: the --teacher's own, else QUIZAPP_TIMEZONE); "
    "CSV and JSON are in UTC.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="The file to write (default: standard output).",
)
@with_appcontext
def export_scores_command(
    output_format: str,
    kind: str,
    class_ref: str | None,
    teacher_username: str | None,
    bank_slug: str | None,
    assignment_id: int | None,
    since: datetime | None,
    zone_name: str | None,
    output: Path | None,
) -> None:
    """Export scores as CSV, XLSX or JSON (columns: docs/exports.md)."""
    teacher = None
    if teacher_username:
        teacher = accounts.account_by_username(teacher_username)
        if teacher is None or not teacher.is_teacher:
            raise click.BadParameter(f"no teacher with username {teacher_username!r}", param_hint="--teacher")
    teacher_id = teacher.id if teacher is not None else None
    try:
        zone = time_zone(zone_name) if zone_name else accounts.zone_of(teacher)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--timezone") from error
    classes = accounts.all_classes(teacher_id)
    if class_ref:
        wanted = class_ref.strip()
        classes = [
            c
            for c in classes
            if wanted in (c.name, c.join_code, str(c.id)) or normalize_join_code(wanted) == c.join_code
        ]
        if not classes:
            raise click.BadParameter(f"no class {class_ref!r}", param_hint="--class")
    if bank_slug:
        served_bank(bank_slug, param_hint="--quiz")
    else:
        fresh_library()  # the gradebook has a column per bank in service
    if output_format == "xlsx" and output is None:
        raise click.UsageError("XLSX is binary: give a file with -o")
    request = ExportRequest(kind, output_format, tuple(classes), bank_slug, since, time_zone=zone)
    if assignment_id is not None:
        row = assignments.assignment(assignment_id)
        if (
            row is None
            or row.class_id not in {c.id for c in classes}
            or bank_slug not in (None, row.bank_slug)
        ):
            named = " of that class, teacher and quiz" if class_ref or teacher_username or bank_slug else ""
            raise click.BadParameter(f"no assignment {assignment_id}{named}", param_hint="--assignment")
        request = assignment_request(kind, output_format, row, since, zone)
    export = export_scores(request, clock.now())
    target = output.open("wb") if output else sys.stdout.buffer
    try:
        for chunk in export.chunks:
            target.write(chunk)
    finally:
        if output:
            target.close()
    if output:
        click.echo(f"wrote {output}", err=True)
