"""services/bank_files.py: the permissions of saved bank files.

mkstemp made every saved file 0600; then a new file took its folder's mode without execute
bits, which ignored the umask (0644 under umask 077) and made 0666 files in a 0777 or 1777
folder. Now a new file gets what the umask gives, an existing one keeps its mode, and no file
(nor a history folder) is left writable by everyone.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quizapp.services import bank_files

TEXT = "title: A bank\nquestions:\n  - {id: q, type: true_false, prompt: 'Is it?', answer: true}\n"
NOW = datetime(2026, 11, 29, tzinfo=UTC)


@contextmanager
def umask(mask: int) -> Iterator[None]:
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> str:
    return oct(stat.S_IMODE(path.stat().st_mode))


def folder_with_mode(tmp_path: Path, folder_mode: int) -> Path:
    folder = tmp_path / "questions"
    folder.mkdir()
    os.chmod(folder, folder_mode)
    return folder


def save_new(folder: Path) -> None:
    made = bank_files.save(folder, "new.yaml", TEXT, None, NOW, {})
    assert made.outcome is bank_files.Outcome.SAVED, made


@pytest.mark.parametrize(
    ("mask", "folder_mode", "expected"),
    [
        (0o022, 0o750, 0o644),  # the umask's, not the folder's 0640
        (0o077, 0o755, 0o600),  # the folder's gave 0644: readable by all against the umask
        (0o002, 0o2775, 0o664),
        (0o000, 0o1777, 0o664),  # the folder's gave 0666: writable by everyone
        (0o000, 0o777, 0o664),
    ],
    ids=["022-0750", "077-0755", "002-2775", "000-1777", "000-0777"],
)
def test_a_new_file_gets_the_umasks_mode_never_writable_by_all(tmp_path, mask, folder_mode, expected):
    folder = folder_with_mode(tmp_path, folder_mode)
    with umask(mask):
        save_new(folder)
    assert mode(folder / "new.yaml") == oct(expected)
    assert [p.name for p in folder.iterdir()] == ["new.yaml"]  # no temporary file left


def test_a_saved_file_keeps_its_mode_but_not_writable_by_all(tmp_path):
    folder = folder_with_mode(tmp_path, 0o755)
    with umask(0o022):
        save_new(folder)
        for kept, expected in ((0o664, 0o664), (0o640, 0o640), (0o666, 0o664)):
            os.chmod(folder / "new.yaml", kept)
            version = bank_files.read(folder, "new.yaml").version
            text = TEXT.replace("A bank", f"Bank {kept:o}")
            saved = bank_files.save(folder, "new.yaml", text, version, NOW, {})
            assert saved.outcome is bank_files.Outcome.SAVED, saved
            assert mode(folder / "new.yaml") == oct(expected)


def test_history_copies_and_folders_follow_the_umask_never_writable_by_all(tmp_path):
    folder = folder_with_mode(tmp_path, 0o777)
    with umask(0o000):
        save_new(folder)
        version = bank_files.read(folder, "new.yaml").version
        saved = bank_files.save(folder, "new.yaml", TEXT.replace("A bank", "B"), version, NOW, {})
        assert saved.outcome is bank_files.Outcome.SAVED
    history = folder / bank_files.HISTORY
    [copy] = (history / "new.yaml").iterdir()
    assert (mode(history), mode(history / "new.yaml"), mode(copy)) == (oct(0o775), oct(0o775), oct(0o664))
