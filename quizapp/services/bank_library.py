"""The banks in service: the question files loaded into memory, kept fresh, mirrored to the DB.

Requests ask ``refresh`` whether the files changed; at most once per ``BANK_RESCAN_SECONDS`` it
compares file sizes and modification times (no YAML is parsed unless one changed). A file that
becomes invalid keeps its last valid version in service, and its problems are kept for
teachers to see; one broken file never affects the others.

``bank`` is the one lookup of a bank by its id for pages, API and CLI: an unknown id raises
``BankNotFound``, which each front end answers in its own way (a 404 page, the API's 404
error, a command-line usage error).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, current_app, has_app_context

from quizapp import core
from quizapp.core.bank_loader import bank_files, load_bank_file, one_bank_per_slug
from quizapp.db import bank_store, database
from quizapp.db.bank_store import BankSummary

log = logging.getLogger(__name__)
EXTENSION_KEY = "quizapp.services.bank_library"


class BankNotFound(LookupError):
    """No bank in service has this id (never was, retired, or its file is not valid)."""

    def __init__(self, bank_slug: str):
        super().__init__(bank_slug)
        self.bank_slug = bank_slug


@dataclass(frozen=True, slots=True)
class _FileState:
    signature: tuple[int, int]  # (mtime_ns, size)
    result: core.LoadResult
    last_valid: core.Bank | None


class BankLibrary:
    def __init__(self, folder: Path, rescan_seconds: float):
        self.folder = folder
        self.rescan_seconds = rescan_seconds
        self._files: dict[Path, _FileState] = {}
        self._checked_at: float | None = None
        self._synced: tuple[str, ...] | None = None  # content hashes last written to the DB
        self.catalog = core.Catalog((), ())

    def refresh(self, now: float) -> bool:
        """Reload changed files if the last check is older than the rescan interval.

        Returns whether the banks in service changed. ``now`` is a monotonic clock reading.
        """
        if self._checked_at is not None and now - self._checked_at < self.rescan_seconds:
            return False
        self._checked_at = now
        return self.reload()

    def reload(self) -> bool:
        """Look at every file now; returns whether the banks in service changed."""
        paths = bank_files(self.folder) if self.folder.is_dir() else []
        changed = set(self._files) != set(paths)
        states: dict[Path, _FileState] = {}
        for path in paths:
            try:
                stat = path.stat()
            except OSError:
                continue
            signature = (stat.st_mtime_ns, stat.st_size)
            old = self._files.get(path)
            if old is not None and old.signature == signature:
                states[path] = old
                continue
            changed = True
            name = self._display_name(path)
            try:
                result = load_bank_file(path, name)
            except Exception as exc:  # a bug must not take the other banks down
                log.exception("loading %s failed", name)
                result = core.LoadResult(
                    None, (core.Problem(name, 1, f"internal error while loading: {exc}"),)
                )
            last_valid = result.bank or (old.last_valid if old else None)
            states[path] = _FileState(signature, result, last_valid)
            for problem in result.problems:
                log.warning("question file problem: %s", problem)
        self._files = states
        if changed:
            self.catalog = self._build_catalog()
        return changed

    def _build_catalog(self) -> core.Catalog:
        problems: list[core.Problem] = []
        banks: list[core.Bank] = []
        for state in self._files.values():
            problems.extend(state.result.problems)
            if state.last_valid is not None:
                banks.append(state.last_valid)
        served = one_bank_per_slug(banks, self._serving_files)
        results = tuple(state.result for state in self._files.values())
        return core.Catalog(served.banks, tuple(problems) + served.problems, results)

    def _serving_files(self) -> dict[str, str]:
        """Which file serves each bank slug now: in this process, else as the database recorded it.

        Asked only when two files claim one id. The database is shared by every worker and
        outlives restarts, so all of them keep the same, older file in service.
        """
        keep = {bank.slug: bank.path for bank in self.catalog.banks}
        if not has_app_context():
            return keep
        try:
            recorded = bank_store.serving_files()
        except Exception:  # the database is down: this process's view decides for now
            log.exception("could not read which files serve the banks")
            database.rollback()
            return keep
        return {**keep, **recorded}

    def bank_slugs(self) -> dict[str, str]:
        """Which file (its name) holds each bank slug as the files are now, the file in service first.

        A save or an import must not give a bank an id that another file holds.
        """
        self.reload()
        ids = {bank.slug: Path(bank.path).name for bank in self.catalog.banks}
        for path, state in self._files.items():
            if state.last_valid is not None:
                ids.setdefault(state.last_valid.slug, path.name)
        return ids

    def _display_name(self, path: Path) -> str:
        return f"{self.folder.name}/{path.name}"

    def sync_to_database(self) -> None:
        """Mirror the banks in service into the database unless it already has them."""
        hashes = tuple(bank.content_hash for bank in self.catalog.banks)
        if hashes == self._synced:
            return
        result = bank_store.sync_banks(self.catalog.banks)
        self._synced = hashes
        for label, slugs in (
            ("created", result.created),
            ("updated", result.updated),
            ("retired", result.retired),
        ):
            if slugs:
                log.info("banks %s: %s", label, ", ".join(slugs))


def init_app(app: Flask) -> None:
    library = BankLibrary(Path(app.config["QUESTIONS_DIR"]), float(app.config["BANK_RESCAN_SECONDS"]))
    app.extensions[EXTENSION_KEY] = library
    app.before_request(_refresh_before_request)


def library() -> BankLibrary:
    """The app's bank library (one per app: its banks, its rescan clock)."""
    served: BankLibrary = current_app.extensions[EXTENSION_KEY]
    return served


def _refresh_before_request() -> None:
    current = library()
    current.refresh(time.monotonic())
    try:
        current.sync_to_database()
    except Exception:  # the banks already in the database keep serving
        log.exception("could not sync question banks to the database; will retry")
        database.rollback()


def find_bank(bank_slug: str) -> core.Bank | None:
    """The bank in service with this id, or None: for places where a missing bank is no error
    (an attempt whose bank has since retired still shows its results)."""
    return library().catalog.get(bank_slug)


def bank(bank_slug: str) -> core.Bank:
    """The bank in service with this id; raises ``BankNotFound``. The one "bank or not found"
    of pages, API and CLI, so they cannot disagree about which banks exist."""
    found = find_bank(bank_slug)
    if found is None:
        raise BankNotFound(bank_slug)
    return found


def banks_by_file() -> dict[str, core.Bank]:
    """The bank each file serves, by the file's name (a file that serves none is not in it: not
    valid yet, or its id is served by another file)."""
    return {Path(bank.path).name: bank for bank in library().catalog.banks}


def served_by_file(file_name: str) -> core.Bank | None:
    """The bank the file ``file_name`` serves, or None (the editor's pages ask of the file they
    edit)."""
    return banks_by_file().get(file_name)


def summaries() -> list[BankSummary]:
    """The banks in service with their question counts, as the home pages list them (read from
    the database, where the counts are kept, rather than counted in every request)."""
    return bank_store.list_banks()


def recorded_serving_files() -> dict[str, str]:
    """Which file serves each bank slug, as the database recorded it; empty when it cannot say
    (``flask check`` runs before there is a database): then the first file of an id keeps it."""
    try:
        return bank_store.serving_files()
    except Exception:  # no database yet, or not reachable: nothing recorded to go by
        database.rollback()
        return {}
