"""``flask import`` and ``flask export-bank``: banks to and from other tools on the command line."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from quizapp import core
from quizapp.cli.terminal import echo_problem, printable
from quizapp.core.interchange.quizlet import BadSeparator, QuizletSeparators, quizlet_separators
from quizapp.services import bank_files, bank_library, clock
from quizapp.services.bank_exports import FORMATS, export_bank
from quizapp.services.bank_files import BadFileName, Outcome
from quizapp.services.bank_imports import FORMAT_LABELS, ImportFailed, import_bank

PRINTED_BANK = "<bank file on standard output>"  # where the problems of an import not saved are


def fresh_library() -> bank_library.BankLibrary:
    """The bank library as the files are now: a command has no requests to keep it fresh, so
    every command that reads banks starts here."""
    library = bank_library.library()
    library.reload()
    return library


def served_bank(bank_slug: str, param_hint: str = "BANK_ID") -> core.Bank:
    """The bank in service with this id, as the files are now, or a usage error naming the ones
    there are: the commands' one answer to an unknown bank slug."""
    library = fresh_library()
    try:
        return bank_library.bank(bank_slug)
    except bank_library.BankNotFound:
        known = ", ".join(bank.slug for bank in library.catalog.banks) or "none"
        raise click.BadParameter(
            f"no valid bank with id '{bank_slug}' (banks: {known})", param_hint=param_hint
        ) from None


@click.command("import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "file_format", type=click.Choice(list(FORMAT_LABELS)), required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Save as this bank file, e.g. questions/NAME.yaml (never overwrites; default: print the YAML).",
)
@click.option(
    "--title",
    default="",
    help="The bank's title (default: the file's own, from its GIFT category or Anki deck, else its name).",
)
@click.option(
    "--term-separator",
    metavar="tab|comma|TEXT",
    help="Quizlet: what the export put between term and definition (default: tab).",
)
@click.option(
    "--row-separator",
    metavar="newline|semicolon|TEXT",
    help="Quizlet: what the export put between rows (default: newline).",
)
@with_appcontext
def import_command(
    source: Path,
    file_format: str,
    output: Path | None,
    title: str,
    term_separator: str | None,
    row_separator: str | None,
) -> None:
    """Make a bank file from SOURCE, exported from Moodle (GIFT, Aiken), Quizlet or Anki."""
    quizlet = _quizlet_separators(file_format, term_separator, row_separator)
    try:
        result = import_bank(source.read_bytes(), file_format, source.name, quizlet, title)
    except ImportFailed as error:
        raise click.ClickException(f"{source}: {error}") from None
    for note in result.skipped:
        click.echo(f"{source}:{note.line}: skipped: {note.text}", err=True)
    for note in result.changed:
        click.echo(f"{source}:{note.line}: changed: {note.text}", err=True)
    if result.empty:
        raise click.ClickException(f"{source}: nothing could be imported")
    if output is None:
        folder = Path(current_app.config["QUESTIONS_DIR"])
        checked = bank_files.check(folder, "imported.yaml", result.text, bank_slugs_of(folder))
        click.echo(result.text, nl=False)
    else:
        checked = _save(output, result.text)
    # the bank file's lines, told from the source's ("moodle.gift:6: skipped"): named by the file
    # written, said not written when a problem stopped the save, or standard output
    where = PRINTED_BANK if output is None else f"{output} (not written)" if checked.problems else str(output)
    for problem in checked.problems:
        click.echo(f"problem: {printable(str(dataclasses.replace(problem, file=where)))}", err=True)
    for warning in checked.warnings:
        echo_problem(dataclasses.replace(warning, file=where), err=True)
    click.echo(
        f"imported {result.questions} question(s) and {result.cards} card(s); "
        f"skipped {len(result.skipped)}" + (f"; saved {output}" if output and not checked.problems else ""),
        err=True,
    )
    if checked.problems:
        raise SystemExit(1)


def _quizlet_separators(file_format: str, term: str | None, row: str | None) -> QuizletSeparators | None:
    if term is None and row is None:
        return None
    if file_format != "quizlet":
        raise click.UsageError("--term-separator and --row-separator are for --format quizlet")
    try:
        return quizlet_separators("tab" if term is None else term, "newline" if row is None else row)
    except BadSeparator as error:
        raise click.BadParameter(str(error), param_hint=f"--{error.which}-separator") from None


def _save(output: Path, text: str) -> core.LoadResult:
    if not output.parent.is_dir():
        raise click.BadParameter(f"there is no folder {output.parent}", param_hint="--output")
    try:
        slugs = bank_slugs_of(output.parent)
        saved = bank_files.save(output.parent, output.name, text, None, clock.now(), slugs)
    except BadFileName as error:
        raise click.BadParameter(str(error), param_hint="--output") from None
    if saved.outcome is Outcome.EXISTS:
        raise click.ClickException(f"{output} exists already: choose another name (nothing was written)")
    return core.LoadResult(None, saved.problems)


def bank_slugs_of(folder: Path) -> dict[str, str]:
    """Which file of ``folder`` holds each bank slug: an import must not take one over."""
    return {bank.slug: Path(bank.path).name for bank in core.load_folder(folder).banks}


@click.command("export-bank")
@click.argument("bank_slug", metavar="BANK_ID")
@click.option("--format", "file_format", type=click.Choice(FORMATS), required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="The file to write (default: standard output; .apkg needs a file).",
)
@with_appcontext
def export_bank_command(bank_slug: str, file_format: str, output: Path | None) -> None:
    """Export BANK_ID as GIFT (for Moodle) or as an Anki deck (.apkg)."""
    if file_format == "apkg" and output is None:
        raise click.UsageError("an Anki deck is binary: give a file with -o")
    export = export_bank(served_bank(bank_slug), file_format, clock.now())
    for note in export.notes:
        click.echo(f"note: {note}", err=True)
    if output is None:
        sys.stdout.buffer.write(export.data)
        return
    output.write_bytes(export.data)
    click.echo(f"wrote {output}", err=True)
