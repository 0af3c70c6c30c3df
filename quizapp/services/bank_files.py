"""Reading, checking and saving question files so that no edit can lose a bank.

A save is refused when the content has problems (nothing is written), or when the file changed
on disk since the editor opened it (a conflict: the teacher's text is kept, not written). An
accepted save first copies the previous version into ``.history/<file>/`` and then replaces the
file atomically (written to a temporary file, flushed to disk, renamed over the old one).
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import stat
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path

from quizapp import core
from quizapp.core.bank_loader import MAX_BANK_BYTES, folder_source_reader, load_bank_bytes
from quizapp.core.file_names import file_name_part

FILE_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,78}\.ya?ml")
HISTORY = ".history"
TEMPLATE = """\
# A new question bank. The format: docs/question-format.md
title: "{title}"
description: What this quiz is about.
# source:
#   title: The article's title
#   publisher: Who published it
#   path: sources/the-article.txt
settings:
  show_answers: after_submit
questions:
  - id: first-question
    type: single
    prompt: Write the question here?
    choices: [The right answer, A wrong answer, Another wrong answer]
    answer: The right answer
    explanation: Why this is the answer.
"""


class BadFileName(ValueError):
    pass


def checked_path(folder: Path, name: str) -> Path:
    """The file ``name`` directly in ``folder``; anything else (paths, odd names) is refused."""
    if not FILE_NAME.fullmatch(name):
        raise BadFileName("use lower-case letters, digits, '-' and '_', ending in .yaml")
    path = (folder / name).resolve()
    if path.parent != folder.resolve():
        raise BadFileName("the file must be in the questions folder")
    return path


def version_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class BankFile:
    name: str
    text: str
    version: str  # the content hash when it was read: a save must start from it


def read(folder: Path, name: str) -> BankFile:
    data = checked_path(folder, name).read_bytes()
    return BankFile(name, data.decode("utf-8", errors="replace"), version_of(data))


def check(folder: Path, name: str, text: str, bank_slugs: Mapping[str, str]) -> core.LoadResult:
    """What the validator says of ``text`` as the file ``name`` (nothing is written).

    ``bank_slugs`` says which file holds each bank slug: one held by another file is refused, so
    that no file can take over a bank in service (its students' quiz would switch).
    """
    data = _normalized(text).encode("utf-8")
    result = load_bank_bytes(data, name, Path(name).stem, folder_source_reader(folder))
    holder = bank_slugs.get(result.bank.slug) if result.bank else None
    if result.bank is None or holder in (None, name):
        return result
    where = "its 'id:' line" if _ID_LINE.search(text) else "its file name"
    problem = core.Problem(
        name,
        _id_line(text),
        f"bank id '{result.bank.slug}' (from {where}) is already used by {holder}: "
        "give this bank an id of its own",
    )
    return core.LoadResult(None, (problem,))


_ID_LINE = re.compile(r"^id[ \t]*:", re.MULTILINE)


def _id_line(text: str) -> int:
    """The line of the bank's top-level ``id:``, or 1 when the id comes from the file name."""
    found = _ID_LINE.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else 1


def _normalized(text: str) -> str:
    """Browsers send CRLF line ends; files keep LF and end with a newline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text if text.endswith("\n") else text + "\n"


class Outcome(Enum):
    SAVED = "saved"
    INVALID = "invalid"  # the content has problems: nothing written
    CONFLICT = "conflict"  # the file changed since it was opened: nothing written
    EXISTS = "exists"  # a new file's name is taken


@dataclass(frozen=True, slots=True)
class SaveResult:
    outcome: Outcome
    problems: tuple[core.Problem, ...] = ()
    version: str = ""


def save(
    folder: Path,
    name: str,
    text: str,
    expected_version: str | None,
    now: datetime,
    bank_slugs: Mapping[str, str],
) -> SaveResult:
    """Write ``text`` as the file if it is valid and the file is as it was read.

    ``expected_version`` None means a new file, which must not exist yet; ``bank_slugs`` as for
    ``check``.
    """
    path = checked_path(folder, name)
    data = _normalized(text).encode("utf-8")
    if len(data) > MAX_BANK_BYTES:
        return SaveResult(Outcome.INVALID, (core.Problem(name, 1, "the file is too large"),))
    current = path.read_bytes() if path.exists() else None
    if expected_version is None and current is not None:
        return SaveResult(Outcome.EXISTS)
    if expected_version is not None and (current is None or version_of(current) != expected_version):
        return SaveResult(Outcome.CONFLICT)
    result = check(folder, name, text, bank_slugs)
    if result.problems:
        return SaveResult(Outcome.INVALID, result.problems)
    if current is not None:
        _keep_history(folder, name, current, now)
    try:
        _write_atomically(path, data, new=expected_version is None)
    except FileExistsError:  # made by another request since it was looked for: never replaced
        return SaveResult(Outcome.EXISTS)
    return SaveResult(Outcome.SAVED, version=version_of(data))


def _keep_history(folder: Path, name: str, data: bytes, now: datetime) -> None:
    history = folder / HISTORY / name
    for place in (folder / HISTORY, history):  # as files: the umask's, never writable by all
        place.mkdir(mode=0o775, exist_ok=True)
    stamp = now.strftime("%Y%m%dT%H%M%S%fZ")
    _write_atomically(history / f"{stamp}.yaml", data)


def _write_atomically(path: Path, data: bytes, new: bool = False) -> None:
    """Readers see the old file or the new one, never half of one; a crash leaves the old one.
    A ``new`` file is linked into place, which fails (FileExistsError) if a file of that name
    appeared meanwhile, where a rename would replace it: two teachers saving a new bank of one
    name at once, the second is told the name is taken.

    The file keeps the permissions it had; a new one gets those the process's umask gives any
    file it creates (0644 under umask 022, 0600 under 077), as an editor would make it. Neither is
    left writable by everyone (a folder's 0777 or 1777 gave new files 0666)."""
    try:
        kept: int | None = stat.S_IMODE(path.stat().st_mode) & ~stat.S_IWOTH
    except FileNotFoundError:
        kept = None
    temporary = path.parent / f".{path.name}.{secrets.token_hex(8)}.tmp"
    # 0o666 less the umask, applied by the kernel (mkstemp made 0600 whatever the umask)
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            made = stat.S_IMODE(os.fstat(handle.fileno()).st_mode)
            wanted = kept if kept is not None else made & ~stat.S_IWOTH
            if wanted != made:
                os.fchmod(handle.fileno(), wanted)
            os.fsync(handle.fileno())
        if new:
            os.link(temporary, path)
            temporary.unlink()
        else:
            os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


FALLBACK_NAME = "imported-bank"
MAX_MADE_NAME = 50  # room for "-2"... within the form's 61 characters


def free_file_name(
    folder: Path, title: str, bank_slugs: Mapping[str, str], drafted: Collection[str] = ()
) -> str:
    """A file name (without ".yaml") for a new bank made of its ``title``, for an import that was
    given none: "The Balkans, 2026" is "the-balkans-2026" (lower-case ASCII letters, digits and
    '-', as the forms accept; whole words, at most ``MAX_MADE_NAME`` characters), with "-2",
    "-3"... until no file in ``folder``, no bank id (``bank_slugs``: a new bank's id is its
    file's name) and none of the teacher's unsaved drafts (``drafted``, file names: a second
    import of the same title must not replace the first one's draft) has it."""
    base = file_name_part(title, MAX_MADE_NAME) or FALLBACK_NAME
    taken_files = set(bank_slugs.values()) | set(drafted)
    for number in range(1, 10_000):
        name = base if number == 1 else f"{base}-{number}"
        files = (f"{name}.yaml", f"{name}.yml")
        if name not in bank_slugs and not any(
            file in taken_files or (folder / file).exists() for file in files
        ):
            return name
    return f"{base}-{secrets.token_hex(4)}"


def history(folder: Path, name: str) -> list[str]:
    """The kept versions of a file, newest first."""
    place = folder / HISTORY / checked_path(folder, name).name
    return sorted((p.name for p in place.glob("*.yaml")), reverse=True) if place.is_dir() else []


def new_text(title: str) -> str:
    return TEMPLATE.format(title=title.replace('"', "'"))
