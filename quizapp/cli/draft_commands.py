"""``flask draft``: a bank of drafted questions from an article's file (docs/drafting-input.md)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from quizapp.cli.bank_commands import bank_slugs_of
from quizapp.cli.terminal import printable
from quizapp.core.drafting import draft_questions
from quizapp.core.drafting.article_input import ArticleRefused
from quizapp.core.drafting.bank_text import drafted_bank_text
from quizapp.core.drafting.drafts import DraftKind
from quizapp.core.field_reader import ID_PATTERN
from quizapp.services import bank_files, clock
from quizapp.services.article_files import read_article_file
from quizapp.services.bank_files import BadFileName, Outcome

SOURCES = "sources"  # the article's text goes beside the bank, in this folder of the bank's folder


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
    title = " ".join(title.split()) or article.title or article_file.stem.replace("-", " ").replace("_", " ")
    draft = draft_questions(article)
    for note in draft.notes:
        click.echo(f"note: {printable(note)}")
    if not draft.questions:
        raise click.ClickException(
            f"{article_file}: nothing could be drafted from this article (nothing was written)"
        )
    folder = output.parent if output is not None else Path(current_app.config["QUESTIONS_DIR"])
    if not folder.is_dir():
        raise click.BadParameter(f"there is no folder {folder}", param_hint="--output")
    slugs = bank_slugs_of(folder)
    bank_slug = _bank_slug(bank_slug, title, folder, slugs)
    name = (
        output.name if output is not None else f"{bank_files.free_file_name(folder, bank_slug, slugs)}.yaml"
    )
    if (folder / name).exists():
        raise click.ClickException(
            f"{folder / name} exists already: choose another name (nothing was written)"
        )
    source = _free_source(folder, Path(name).stem)
    text = drafted_bank_text(
        article,
        draft.questions,
        bank_slug=bank_slug,
        title=title,
        source_path=source.relative_to(folder).as_posix(),
        drafted_from=article_file.name,
        drafted_at=clock.now(),
    )
    source.parent.mkdir(exist_ok=True)
    source.write_text(article.text, encoding="utf-8")
    try:
        saved = bank_files.save(folder, name, text, None, clock.now(), slugs)
    except BadFileName as error:
        source.unlink()
        raise click.BadParameter(str(error), param_hint="--output") from None
    if saved.outcome is not Outcome.SAVED:
        source.unlink()
        for problem in saved.problems:
            where = dataclasses.replace(problem, file=f"{folder / name} (not written)")
            click.echo(f"problem: {printable(str(where))}", err=True)
        raise click.ClickException(f"{folder / name}: the drafted bank was refused (nothing was written)")
    counts = draft.count_by_kind()
    described = ", ".join(f"{kind.value} {counts[kind]}" for kind in DraftKind if kind in counts)
    click.echo(f"drafted {len(draft.questions)} question(s): {described}")
    click.echo(f"saved {folder / name} (bank id '{bank_slug}') and its article {source}")
    click.echo(
        "every question is marked 'draft: true': students see none until you accept it "
        "(remove the line, or accept it in the browser)"
    )


def _bank_slug(wanted: str, title: str, folder: Path, slugs: dict[str, str]) -> str:
    """``--id`` if it is free, else a usage error; without it, a free id made of the title."""
    if not wanted:
        return bank_files.free_file_name(folder, title, slugs)
    if not ID_PATTERN.fullmatch(wanted):
        raise click.BadParameter(
            f"'{wanted}': a bank id may only use letters, digits, '-', '_' and '.'", param_hint="--id"
        )
    if wanted in slugs:
        raise click.BadParameter(
            f"bank id '{wanted}' is already used by {slugs[wanted]}: give this bank an id of its own",
            param_hint="--id",
        )
    return wanted


def _free_source(folder: Path, stem: str) -> Path:
    """sources/STEM.txt in ``folder``, or STEM-2.txt... if that file exists (never overwritten)."""
    for number in range(1, 1000):
        path = folder / SOURCES / (f"{stem}.txt" if number == 1 else f"{stem}-{number}.txt")
        if not path.exists():
            return path
    raise click.ClickException(f"no free name for the article's text in {folder / SOURCES}")
