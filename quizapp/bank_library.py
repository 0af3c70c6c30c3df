"""The banks in service: the question files loaded into memory, kept fresh, mirrored to the DB.

Requests ask ``refresh`` whether the files changed; at most once per ``BANK_RESCAN_SECONDS`` it
compares file sizes and modification times (no YAML is parsed unless one changed). A file that
becomes invalid keeps its last valid version in service, and its problems are kept for
teachers to see; one broken file never affects the others.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, current_app

from . import bank_store, core
from .core.bank_loader import bank_files, load_bank_file
from .extensions import db

log = logging.getLogger(__name__)
EXTENSION_KEY = "quizapp.bank_library"


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
        banks: dict[str, core.Bank] = {}
        problems: list[core.Problem] = []
        for path, state in self._files.items():
            problems.extend(state.result.problems)
            bank = state.last_valid
            if bank is None:
                continue
            if bank.id in banks:
                message = f"bank id '{bank.id}' is already used by {banks[bank.id].path}"
                problems.append(core.Problem(self._display_name(path), 1, message))
                continue
            banks[bank.id] = bank
        return core.Catalog(tuple(banks.values()), tuple(problems))

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
    return current_app.extensions[EXTENSION_KEY]


def _refresh_before_request() -> None:
    current = library()
    current.refresh(time.monotonic())
    try:
        current.sync_to_database()
    except Exception:  # the banks already in the database keep serving
        log.exception("could not sync question banks to the database; will retry")
        db.session.rollback()
