"""``flask assign``, ``flask accommodate`` and ``flask accommodate-class``: assignments and
students' accommodations (on one assignment, or on every test of a class) from the command line.

Times are typed as on the pages ("2026-12-01 23:59"), in ``--timezone`` or the school's zone
(``QUIZAPP_TIMEZONE``); the rules are the ones the pages and the API follow
(``services.assignments``), so a command cannot set up what a page would refuse.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import click
from flask import current_app
from flask.cli import with_appcontext

from quizapp.cli.bank_commands import served_bank
from quizapp.core.assignments import MAX_ATTEMPTS, Accommodation
from quizapp.core.local_time import read_typed, time_zone
from quizapp.core.model import AnswerVisibility
from quizapp.services import accounts, assignments, clock
from quizapp.services.accounts import UnknownJoinCode
from quizapp.services.assignments import AssignmentNotFound, AssignmentTerms

UNLIMITED = "unlimited"
BANKS_ANSWERS = "bank"  # --answers: as the bank's settings say


def _zone(name: str | None) -> ZoneInfo:
    try:
        return time_zone(name or str(current_app.config["TIMEZONE"]))
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--timezone") from None


def _time(text: str | None, zone: ZoneInfo, hint: str) -> datetime | None:
    if text is None:
        return None
    try:
        return read_typed(text, zone)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint=hint) from None


def _attempts(text: str) -> int | None:
    text = text.strip()
    if text.lower() == UNLIMITED:
        return None
    if not (text.isascii() and text.isdigit() and len(text) <= 4):  # "²".isdigit() is true too
        raise click.BadParameter(
            f"a number from 1 to {MAX_ATTEMPTS}, or {UNLIMITED}", param_hint="--attempts"
        )
    return int(text)


@click.command("assign")
@click.argument("bank_slug", metavar="BANK_ID")
@click.option("--class", "join_code", required=True, help="The join code of the class to assign it to.")
@click.option("--due", help='When it closes, e.g. "2026-12-01 23:59" (default: never).')
@click.option("--opens", help="When it opens (default: now).")
@click.option("--attempts", default="1", show_default=True, help=f"Attempts allowed, or {UNLIMITED}.")
@click.option("--time-limit", type=int, help="Minutes (default: the bank's; 0: untimed).")
@click.option("--late", is_flag=True, help="Accept late work (marked late) after the due time.")
@click.option(
    "--ends-at-close",
    is_flag=True,
    help="An attempt started before the due time ends at it (after_due needs it).",
)
@click.option(
    "--answers",
    type=click.Choice([BANKS_ANSWERS, *(value.value for value in assignments.ASSIGNED_ANSWERS)]),
    default=BANKS_ANSWERS,
    show_default=True,
    help="When a test's answers are shown: as the bank says, at the submit, after the class's last "
    "due time (needs --due and --ends-at-close), or never (after_due and never need --no-study).",
)
@click.option(
    "--study/--no-study",
    default=True,
    show_default=True,
    help="Whether the class may practise the bank and study its flashcards and learn mode.",
)
@click.option("--title", help='What to call it, e.g. "Retake" (default: the bank\'s title).')
@click.option("--timezone", "zone_name", help="The zone of --opens and --due (default: QUIZAPP_TIMEZONE).")
@with_appcontext
def assign_command(
    bank_slug: str,
    join_code: str,
    due: str | None,
    opens: str | None,
    attempts: str,
    time_limit: int | None,
    late: bool,
    ends_at_close: bool,
    answers: str,
    study: bool,
    title: str | None,
    zone_name: str | None,
) -> None:
    """Assign a bank to a class as a test; prints the assignment's id (and on stderr, a warning
    such as a due time already past)."""
    bank = served_bank(bank_slug)
    try:
        classroom = accounts.class_by_join_code(join_code)
    except UnknownJoinCode:
        raise click.BadParameter(f"no class has join code {join_code!r}", param_hint="--class") from None
    zone = _zone(zone_name)
    terms = AssignmentTerms(
        opens_at=_time(opens, zone, "--opens"),
        due_at=_time(due, zone, "--due"),
        time_limit_minutes=time_limit,
        max_attempts=_attempts(attempts),
        accept_late=late,
        ends_at_close=ends_at_close,
        show_answers=AnswerVisibility(answers) if answers != BANKS_ANSWERS else None,
        study=study,
        title=title,
    )
    try:
        assignment_id = assignments.create(classroom.teacher_id, classroom.id, bank.slug, terms)
    except ValueError as error:  # the service's words, with the option that turns study off
        raise click.UsageError(str(error).replace("turn study off", "turn study off (--no-study)")) from None
    for warning in assignments.warnings(terms, clock.now()):
        click.echo(f"warning: {warning}", err=True)
    click.echo(assignment_id)


@click.command("accommodate")
@click.argument("assignment_id", type=int)
@click.argument("username")
@click.option("--extra-time-percent", type=int, default=0, help="More time, in percent of the limit.")
@click.option("--extra-time-minutes", type=int, default=0, help="More time, in minutes.")
@click.option("--extra-attempts", type=int, default=0, help="Attempts beyond the assignment's.")
@click.option("--opens", help="Their own opening time.")
@click.option("--due", help="Their own due time.")
@click.option("--timezone", "zone_name", help="The zone of --opens and --due (default: QUIZAPP_TIMEZONE).")
@click.option("--remove", is_flag=True, help="Take the student's accommodation away.")
@with_appcontext
def accommodate_command(
    assignment_id: int,
    username: str,
    extra_time_percent: int,
    extra_time_minutes: int,
    extra_attempts: int,
    opens: str | None,
    due: str | None,
    zone_name: str | None,
    remove: bool,
) -> None:
    """Give one student of the assignment's class extra time, attempts or dates of their own."""
    row = assignments.assignment(assignment_id)
    if row is None:
        raise click.BadParameter(f"there is no assignment {assignment_id}", param_hint="ASSIGNMENT_ID")
    zone = _zone(zone_name)
    accommodation = None
    if not remove:
        accommodation = Accommodation(
            extra_time_percent=extra_time_percent,
            extra_time_minutes=extra_time_minutes,
            extra_attempts=extra_attempts,
            opens_at=_time(opens, zone, "--opens"),
            due_at=_time(due, zone, "--due"),
        )
        if accommodation == Accommodation():
            raise click.UsageError("say what the student gets (--extra-time-percent, ...), or --remove")
    try:
        assignments.accommodate(row.teacher_id, assignment_id, username, accommodation)
    except AssignmentNotFound:
        raise click.BadParameter(
            f"{username!r} is not a student of {row.class_name}", param_hint="USERNAME"
        ) from None
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    done = "removed the accommodation of" if remove else "accommodated"
    click.echo(f"{done} {username} on assignment {assignment_id}")


@click.command("accommodate-class")
@click.argument("username")
@click.option("--class", "join_code", required=True, help="The join code of the student's class.")
@click.option("--extra-time-percent", type=int, default=0, help="More time, in percent of each limit.")
@click.option("--extra-time-minutes", type=int, default=0, help="More time, in minutes.")
@click.option("--extra-attempts", type=int, default=0, help="Attempts beyond each assignment's.")
@click.option("--remove", is_flag=True, help="Take the student's accommodation for every test away.")
@with_appcontext
def accommodate_class_command(
    username: str,
    join_code: str,
    extra_time_percent: int,
    extra_time_minutes: int,
    extra_attempts: int,
    remove: bool,
) -> None:
    """Give one student of a class extra time or attempts on every test of it, now and later (an
    accommodation set on one assignment replaces it there)."""
    try:
        classroom = accounts.class_by_join_code(join_code)
    except UnknownJoinCode:
        raise click.BadParameter(f"no class has join code {join_code!r}", param_hint="--class") from None
    accommodation = None
    if not remove:
        accommodation = Accommodation(
            extra_time_percent=extra_time_percent,
            extra_time_minutes=extra_time_minutes,
            extra_attempts=extra_attempts,
        )
        if accommodation == Accommodation():
            raise click.UsageError("say what the student gets (--extra-time-percent, ...), or --remove")
    try:
        assignments.accommodate_in_class(classroom.teacher_id, classroom.id, username, accommodation)
    except AssignmentNotFound:
        raise click.BadParameter(
            f"{username!r} is not a student of {classroom.name}", param_hint="USERNAME"
        ) from None
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    done = "removed the accommodation of" if remove else "accommodated"
    click.echo(f"{done} {username} on every test of {classroom.name}")
