"""Turn question files into banks: bytes checked, YAML parsed, schema applied, problems collected.

A broken file yields problems, never an exception, and never stops the other files of a folder
from loading. A valid bank may also have warnings (its give-aways, core/giveaways.py): it loads
and serves all the same; ``check --strict`` refuses them. Serving needs none, so they are worked
out when a front end first asks (``LoadResult.warnings``, ``Catalog.warnings``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from quizapp.core.bank_schema import SourceReader, SourceUnavailable, build_bank
from quizapp.core.giveaways import giveaway_warnings
from quizapp.core.model import Bank
from quizapp.core.problems import Problem, ProblemList
from quizapp.core.yaml_document import YamlError, parse_document

log = logging.getLogger(__name__)

MAX_BANK_BYTES = 10 * 1024 * 1024
MAX_SOURCE_BYTES = 2 * 1024 * 1024
BANK_SUFFIXES = (".yaml", ".yml")
MAX_PROBLEMS = 200  # a file this broken needs fixing from the top, not a longer list


@dataclass(frozen=True)  # no slots: ``warnings`` is kept once worked out
class LoadResult:
    bank: Bank | None
    problems: tuple[Problem, ...]

    @cached_property
    def warnings(self) -> tuple[Problem, ...]:
        """The give-aways of a valid bank, in line order: it serves, but should be fixed. In a
        bank with very many, the first ones and a last line saying there are more (the time goes
        to fixing those first)."""
        if self.bank is None:
            return ()
        found = list(giveaway_warnings(self.bank, limit=MAX_PROBLEMS + 1))
        return _at_most(found, "warning: ... and more give-aways")


@dataclass(frozen=True)  # no slots: ``warnings`` is kept once worked out
class Catalog:
    """The valid banks of a set of files, the problems of the others, and (``warnings``) those
    of the valid ones, gathered from ``loaded``, the results of the files as they are now."""

    banks: tuple[Bank, ...]
    problems: tuple[Problem, ...]
    loaded: tuple[LoadResult, ...] = ()

    @cached_property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(warning for result in self.loaded for warning in result.warnings)

    def get(self, bank_slug: str) -> Bank | None:
        for bank in self.banks:
            if bank.slug == bank_slug:
                return bank
        return None


def decode_text(data: bytes, what: str, limit: int) -> str:
    """UTF-8 text of ``data``; raises ``YamlError`` (with the line) for what we refuse."""
    if len(data) > limit:
        raise YamlError(1, f"{what} is {len(data):,} bytes; the limit is {limit:,}")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlError(1, f"{what} is saved as UTF-16 ('Unicode'); save it as UTF-8 instead")
    nul = data.find(b"\0")
    if nul >= 0:
        raise YamlError(data.count(b"\n", 0, nul) + 1, f"{what} contains a NUL byte (is it a text file?)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise YamlError(
            line, f"{what} is not valid UTF-8 (byte {exc.start}); save it with the UTF-8 encoding"
        ) from None


def load_bank_bytes(data: bytes, file: str, default_slug: str, read_source: SourceReader) -> LoadResult:
    """Validate one bank file's content; ``file`` is the name used in problem reports."""
    problems = ProblemList(file)
    try:
        document = parse_document(decode_text(data, "the file", MAX_BANK_BYTES))
    except YamlError as exc:
        problems.add(exc.line, exc.message)
        return LoadResult(None, tuple(problems.items))
    for line, message in document.warnings:
        problems.add(line, message)
    bank = build_bank(document.root, file, default_slug, read_source, problems)
    ordered = sorted(problems.items, key=lambda problem: problem.line)
    more = f"... and {len(ordered) - MAX_PROBLEMS} more problems"
    return LoadResult(bank if not problems else None, _at_most(ordered, more))


def _at_most(ordered: list[Problem], more: str) -> tuple[Problem, ...]:
    """The first MAX_PROBLEMS, and a last one that says there are ``more``."""
    if len(ordered) <= MAX_PROBLEMS:
        return tuple(ordered)
    return (*ordered[:MAX_PROBLEMS], Problem(ordered[0].file, ordered[MAX_PROBLEMS].line, more))


def folder_source_reader(folder: Path) -> SourceReader:
    """Reads source texts by paths relative to ``folder``, refusing paths that leave it."""
    root = folder.resolve()

    def read(relative: str) -> str:
        try:
            path = (root / relative).resolve()
        except (OSError, ValueError):  # e.g. a NUL byte in the path
            raise SourceUnavailable("this is not a usable file path") from None
        if not path.is_relative_to(root):
            raise SourceUnavailable("the path must stay inside the questions folder")
        if not path.is_file():  # missing, a folder, or a pipe that would block forever
            raise SourceUnavailable("no such file (the path is relative to the bank file's folder)")
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_SOURCE_BYTES + 1)
        except OSError as exc:
            raise SourceUnavailable(f"cannot be read ({exc.strerror or exc})") from None
        try:
            return decode_text(data, "the source text", MAX_SOURCE_BYTES)
        except YamlError as exc:
            raise SourceUnavailable(exc.message) from None

    return read


def load_bank_file(path: Path, display_name: str | None = None) -> LoadResult:
    name = display_name or str(path)
    try:
        if not path.is_file():
            raise IsADirectoryError(0, "not a regular file")
        with path.open("rb") as handle:
            data = handle.read(MAX_BANK_BYTES + 1)
    except OSError as exc:
        return LoadResult(None, (Problem(name, 1, f"cannot read the file: {exc.strerror}"),))
    return load_bank_bytes(data, name, path.stem, folder_source_reader(path.parent))


def bank_files(folder: Path) -> list[Path]:
    """The bank files directly in ``folder``, in name order (sub-folders hold sources)."""
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in BANK_SUFFIXES and p.is_file())


def one_bank_per_slug(banks: Iterable[Bank], keep: Callable[[], Mapping[str, str]] | None = None) -> Catalog:
    """The banks to serve when several files may claim one id, and a problem for each other claim.

    ``banks`` come in file-name order. A bank slug belongs to the file ``keep()`` names for it (the
    file that already serves it, so a new file cannot take a bank over; compared by file name,
    as paths are shown relative to different places), else to the first file. ``keep`` is
    asked only when two files claim one id. The other files are problems that name both
    files; they are not served.
    """
    banks = list(banks)
    ids = [bank.slug for bank in banks]
    kept = keep() if keep is not None and len(set(ids)) < len(ids) else {}
    keep_names = {bank_slug: Path(path).name for bank_slug, path in kept.items()}
    owners: dict[str, Bank] = {}
    for bank in banks:
        if bank.slug not in owners or keep_names.get(bank.slug) == Path(bank.path).name:
            owners[bank.slug] = bank
    problems = tuple(
        Problem(
            bank.path,
            1,
            f"bank id '{bank.slug}' is already used by {owners[bank.slug].path}, which keeps it: "
            "this file is not in service until it has an id of its own",
        )
        for bank in banks
        if owners[bank.slug] is not bank
    )
    return Catalog(tuple(bank for bank in banks if owners[bank.slug] is bank), problems)


def load_files(
    paths: Iterable[Path], display: Path | None = None, keep: Callable[[], Mapping[str, str]] | None = None
) -> Catalog:
    """Load every file; of files that share a bank slug one serves (see ``one_bank_per_slug``)."""
    banks: list[Bank] = []
    problems: list[Problem] = []
    results: list[LoadResult] = []
    for path in paths:
        name = _display_name(path, display)
        try:
            result = load_bank_file(path, name)
        except Exception as exc:  # a bug must not take the other banks down
            log.exception("loading %s failed", name)
            result = LoadResult(None, (Problem(name, 1, f"internal error while loading: {exc}"),))
        problems.extend(result.problems)
        results.append(result)
        if result.bank is not None:
            banks.append(result.bank)
    served = one_bank_per_slug(banks, keep)
    return Catalog(served.banks, tuple(problems) + served.problems, tuple(results))


def load_folder(folder: Path, display: Path | None = None) -> Catalog:
    if not folder.is_dir():
        problem = Problem(str(folder), 1, "the questions folder does not exist")
        return Catalog((), (problem,))
    return load_files(bank_files(folder), display)


def _display_name(path: Path, base: Path | None) -> str:
    """The path relative to ``base`` when it lies inside, e.g. ``questions/bank.yaml``."""
    if base is not None:
        try:
            return str(path.resolve().relative_to(base.resolve()))
        except ValueError:
            pass
    return str(path)
