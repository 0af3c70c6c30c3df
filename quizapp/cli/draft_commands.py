"""``flask draft``: a bank of drafted questions from an article's file (docs/drafting-input.md)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import NoReturn

import click
from flask import current_app
from flask.cli import with_appcontext

from quizapp.cli.bank_commands import bank_slugs_of
from quizapp.cli.terminal import printable
from quizapp.core.drafting.article_input import ArticleRefused
from quizapp.services import clock
from quizapp.services.article_drafting import DraftingFailed, draft_bank
from quizapp.services.article_files import read_article_file


@click.command("draft")
@click.argument("article_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--id", "bank_slug", default="", metavar="BANK_ID", help="The bank's id (default: from its title)."
)
@click.option("--title", default="", help="The bank's title (default: the article's).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The bank file to write (never overwrites; default: a new file in the questions folder).",
)
@with_appcontext
def draft_command(article_file: Path, bank_slug: str, title: str, output: Path | None) -> None:
    """Draft a bank of questions from ARTICLE_FILE (.txt, .md, or a saved web page .html).

    Writes the bank file (every question marked 'draft: true': students see none until a
    teacher accepts it) and the article's text beside it in sources/, which its quotes are
    checked against. Files over 2 MB, binary data, pages
    without an article, texts not in English and very short texts are refused.
    """
    try:
        article = read_article_file(article_file)
    except ArticleRefused as refused:
        raise click.ClickException(f"{article_file}: {refused} (nothing was written)") from None
    folder = output.parent if output is not None else Path(current_app.config["QUESTIONS_DIR"])
    try:
        drafted = draft_bank(
            article,
            folder,
            drafted_from=article_file.name,
            now=clock.now(),
            bank_slugs=bank_slugs_of(folder) if folder.is_dir() else {},
            bank_slug=bank_slug,
            title=title,
            file_name=output.name if output is not None else "",
        )
    except DraftingFailed as failed:
        for note in failed.notes:
            click.echo(f"note: {printable(note)}")
        _refused(failed, article_file, folder)
    for note in drafted.notes:
        click.echo(f"note: {printable(note)}")
    click.echo(f"drafted {drafted.questions} question(s): {drafted.described_counts()}")
    click.echo(
        f"saved {folder / drafted.file_name} (bank id '{drafted.bank_slug}') and its article {drafted.source}"
    )
    click.echo(
        "every question is marked 'draft: true': students see none until you accept it "
        "(remove the line, or accept it in the browser)"
    )


def _refused(failed: DraftingFailed, article_file: Path, folder: Path) -> NoReturn:
    """A usage error for the id or output asked for; else what was refused, nothing written."""
    if failed.about == "id":
        raise click.BadParameter(failed.message, param_hint="--id")
    if failed.about == "file" and "exists already" not in failed.message:
        raise click.BadParameter(failed.message, param_hint="--output")
    for problem in failed.problems:
        where = dataclasses.replace(problem, file=f"{folder / Path(problem.file).name} (not written)")
        click.echo(f"problem: {printable(str(where))}", err=True)
    said = f"{article_file}: {failed.message}" if failed.about == "article" else failed.message
    raise click.ClickException(f"{said} (nothing was written)")
