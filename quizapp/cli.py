"""Command-line tools: ``check``, ``answer-key`` and ``sync-banks`` (``flask --app quizapp ...``)."""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask import Flask, current_app

from . import core
from .bank_library import library
from .core.bank_loader import bank_files, load_files
from .core.model import QuestionType


def init_app(app: Flask) -> None:
    app.cli.add_command(check_command)
    app.cli.add_command(answer_key_command)
    app.cli.add_command(sync_banks_command)


def describe_counts(counts: dict[QuestionType, int]) -> str:
    return ", ".join(f"{qtype.value} {counts[qtype]}" for qtype in QuestionType if qtype in counts)


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
def check_command(paths: tuple[Path, ...]) -> None:
    """Validate question files (default: the questions folder).

    Prints each problem as FILE:LINE: [question-id] message and one line per valid bank.
    Exits 0 when every file is valid, 1 when any has a problem, 2 on usage errors.
    """
    targets = list(paths) or [Path(current_app.config["QUESTIONS_DIR"])]
    files: list[Path] = []
    for target in targets:
        found = bank_files(target) if target.is_dir() else [target]
        if not found:
            raise click.UsageError(f"no question files (*.yaml, *.yml) in {target}")
        files.extend(found)
    catalog = load_files(files, display=Path.cwd())
    for problem in catalog.problems:
        click.echo(str(problem))
    for bank in catalog.banks:
        counts = bank.count_by_type()
        click.echo(
            f"ok {bank.id}: {len(bank.questions)} questions ({describe_counts(counts)}), "
            f"{len(bank.cards)} cards  [{bank.path}]"
        )
    invalid = len({problem.file for problem in catalog.problems})
    click.echo(f"{len(catalog.banks)} valid bank(s), {invalid} file(s) with problems")
    if catalog.problems:
        raise SystemExit(1)


@click.command("answer-key")
@click.argument("bank_id")
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def answer_key_command(bank_id: str, output_format: str) -> None:
    """Print the answer key of BANK_ID for teachers."""
    bank_library = library()
    bank_library.reload()
    bank = bank_library.catalog.get(bank_id)
    if bank is None:
        known = ", ".join(b.id for b in bank_library.catalog.banks) or "none"
        raise click.BadParameter(f"no valid bank with id '{bank_id}' (banks: {known})", param_hint="BANK_ID")
    entries = core.answer_key(bank)
    if output_format == "json":
        data = {
            "bank": bank.id,
            "title": bank.title,
            "questions": [
                {"id": e.id, "type": e.type.value, "prompt": e.prompt, "answer_text": e.answer_text}
                for e in entries
            ],
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"Answer key: {bank.title} ({bank.id})\n")
    for number, entry in enumerate(entries, start=1):
        click.echo(f"{number}. [{entry.type.value}] {entry.id}")
        click.echo(f"   {' '.join(entry.prompt.split())}")
        click.echo(f"   Answer: {entry.answer_text}\n")


@click.command("sync-banks")
def sync_banks_command() -> None:
    """Load the question files and mirror the valid banks into the database."""
    bank_library = library()
    bank_library.reload()
    for problem in bank_library.catalog.problems:
        click.echo(str(problem), err=True)
    bank_library.sync_to_database()
    click.echo(f"{len(bank_library.catalog.banks)} bank(s) in service")
