"""A bank of drafted questions from an article: what ``flask draft`` and the page "New bank from
an article" both do (docs/drafting-input.md).

``draft_bank`` drafts the article's questions, picks the bank's id and a free file name, writes
the article's text beside the bank (in ``sources/``, which its quotes are checked against) and
the bank (``bank_files.save``: checked as any save is, every question ``draft: true``). When
anything is refused it raises ``DraftingFailed`` and nothing stays written.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from quizapp import core
from quizapp.core.drafting import Article, DraftKind, draft_questions
from quizapp.core.drafting.bank_text import drafted_bank_text
from quizapp.core.field_reader import ID_PATTERN
from quizapp.services import bank_files
from quizapp.services.bank_files import BadFileName, Outcome

SOURCES = "sources"  # the article's text goes beside the bank, in this folder of the bank's folder
PASTED = "pasted text"  # what a bank drafted from a pasted article says it was drafted from


@dataclass(frozen=True, slots=True)
class DraftedBank:
    """A bank just drafted and written: its file (in ``folder``), id, article's text file, and
    how many questions of each kind it holds, with the drafter's notes."""

    folder: Path
    file_name: str
    bank_slug: str
    source: Path
    counts: Mapping[DraftKind, int]
    notes: tuple[str, ...]

    @property
    def questions(self) -> int:
        return sum(self.counts.values())

    def described_counts(self) -> str:
        """e.g. "numeric 4, cloze 6, choice 3", kinds in their usual order."""
        return ", ".join(f"{kind.value} {self.counts[kind]}" for kind in DraftKind if kind in self.counts)


@dataclass(eq=False)
class DraftingFailed(Exception):
    """Nothing was written, and why: ``about`` says what to change ("id": the bank id asked for;
    "file": the file name asked for; "article": the article, nothing could be drafted from it;
    "bank": the drafted bank was refused by the check, ``problems`` say why)."""

    message: str
    about: str = "article"
    notes: tuple[str, ...] = ()
    problems: tuple[core.Problem, ...] = field(default=())

    def __str__(self) -> str:
        return self.message


def draft_bank(
    article: Article,
    folder: Path,
    *,
    drafted_from: str,
    now: datetime,
    bank_slugs: Mapping[str, str],
    bank_slug: str = "",
    title: str = "",
    file_name: str = "",
) -> DraftedBank:
    """Draft ``article`` into a new bank file of ``folder``.

    ``drafted_from``: the article's file name (or ``PASTED``), said in the file's header;
    ``bank_slugs``: which file holds each bank id (a new bank takes none of them); ``bank_slug``,
    ``title``, ``file_name``: as asked for, else made (the id and file name from the title, the
    title from the article's). A file name asked for is never overwritten.
    """
    title = " ".join(title.split()) or article.title or _title_of(drafted_from)
    draft = draft_questions(article)
    notes = tuple(draft.notes)
    if not draft.questions:
        raise DraftingFailed("nothing could be drafted from this article", "article", notes)
    if not folder.is_dir():
        raise DraftingFailed(f"there is no folder {folder}", "file", notes)
    wanted_slug = bank_slug
    for _attempt in range(_ATTEMPTS):  # another teacher may take the same names meanwhile
        bank_slug = _bank_slug(wanted_slug, title, folder, bank_slugs, notes)
        name = file_name or f"{bank_files.free_file_name(folder, bank_slug, bank_slugs)}.yaml"
        if (folder / name).exists():
            raise DraftingFailed(f"{folder / name} exists already: choose another name", "file", notes)
        source = _new_source(folder, Path(name).stem, article.text, notes)
        text = drafted_bank_text(
            article,
            draft.questions,
            bank_slug=bank_slug,
            title=title,
            source_path=source.relative_to(folder).as_posix(),
            drafted_from=drafted_from,
            drafted_at=now,
        )
        try:
            saved = bank_files.save(folder, name, text, None, now, bank_slugs)
        except BadFileName as error:
            source.unlink()
            raise DraftingFailed(str(error), "file", notes) from None
        if saved.outcome is Outcome.SAVED:
            break
        source.unlink()  # the one this call made, no other
        if saved.outcome is not Outcome.EXISTS:
            raise DraftingFailed(
                f"{folder / name}: the drafted bank was refused", "bank", notes, saved.problems
            )
        if file_name:
            raise DraftingFailed(f"{folder / name} exists already: choose another name", "file", notes)
    else:
        raise DraftingFailed(f"no free file name for this bank in {folder}", "file", notes)
    return DraftedBank(folder, name, bank_slug, source, draft.count_by_kind(), notes)


def _title_of(file_name: str) -> str:
    stem = Path(file_name).stem if file_name != PASTED else ""
    return stem.replace("-", " ").replace("_", " ") or "Drafted bank"


def _bank_slug(
    wanted: str, title: str, folder: Path, bank_slugs: Mapping[str, str], notes: tuple[str, ...]
) -> str:
    """``wanted`` if it is free; without it, a free id made of the title."""
    if not wanted:
        return bank_files.free_file_name(folder, title, bank_slugs)
    if not ID_PATTERN.fullmatch(wanted):
        raise DraftingFailed(
            f"'{wanted}': a bank id may only use letters, digits, '-', '_' and '.'", "id", notes
        )
    if wanted in bank_slugs:
        raise DraftingFailed(
            f"bank id '{wanted}' is already used by {bank_slugs[wanted]}: give this bank an id of its own",
            "id",
            notes,
        )
    return wanted


def _new_source(folder: Path, stem: str, text: str, notes: tuple[str, ...]) -> Path:
    """The article's text written as a new file sources/STEM.txt of ``folder`` (STEM-2.txt...
    if that name is taken): created exclusively, so that it never replaces a file, not one made
    by another request meanwhile, nor writes through a link planted under that name."""
    (folder / SOURCES).mkdir(exist_ok=True)
    data = text.encode("utf-8")
    for number in range(1, 1000):
        path = folder / SOURCES / (f"{stem}.txt" if number == 1 else f"{stem}-{number}.txt")
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666)
        except FileExistsError:
            continue
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        return path
    raise DraftingFailed(f"no free name for the article's text in {folder / SOURCES}", "file", notes)


_ATTEMPTS = 5  # names tried when other requests take them meanwhile

__all__ = ["PASTED", "SOURCES", "DraftedBank", "DraftingFailed", "draft_bank"]
