"""services/bank_files.py: saving a bank file keeps its permissions (mkstemp's 0600 did not)."""

from __future__ import annotations

import os
from datetime import UTC, datetime

from quizapp.services import bank_files

TEXT = "title: A bank\nquestions:\n  - {id: q, type: true_false, prompt: 'Is it?', answer: true}\n"


def test_a_saved_file_keeps_its_mode_and_a_new_one_takes_its_folders(tmp_path):
    folder = tmp_path / "questions"
    folder.mkdir()
    os.chmod(folder, 0o750)
    now = datetime(2026, 11, 29, tzinfo=UTC)
    made = bank_files.save(folder, "new.yaml", TEXT, None, now, {})
    assert made.outcome is bank_files.Outcome.SAVED, made
    assert oct((folder / "new.yaml").stat().st_mode & 0o777) == oct(0o640)
    os.chmod(folder / "new.yaml", 0o664)
    version = bank_files.read(folder, "new.yaml").version
    saved = bank_files.save(folder, "new.yaml", TEXT.replace("A bank", "The bank"), version, now, {})
    assert saved.outcome is bank_files.Outcome.SAVED, saved
    assert oct((folder / "new.yaml").stat().st_mode & 0o777) == oct(0o664)
