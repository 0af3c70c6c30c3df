"""The tests' banks: each test copies the files it needs, and none may change the project's questions/."""

from __future__ import annotations

import os

import pytest

from tests.helpers import banks


def test_a_bank_added_to_the_project_folder_is_not_in_a_tests_copy(tmp_path, monkeypatch):
    project = banks.copy_banks(tmp_path / "project")  # stands in for the live questions/
    (project / "aaa-imported.yaml").write_text("title: Imported in the browser\nquestions: []\n")
    monkeypatch.setattr(banks, "QUESTIONS", project)
    copy = banks.copy_banks(tmp_path / "copy")
    assert sorted(str(p.relative_to(copy)) for p in copy.rglob("*") if p.is_file()) == sorted(
        banks.BANK_FILES
    )


def test_the_fixture_copy_holds_the_test_banks_only(questions_dir):
    files = sorted(str(p.relative_to(questions_dir)) for p in questions_dir.rglob("*") if p.is_file())
    assert files == sorted(banks.BANK_FILES)


@pytest.mark.parametrize("change", ["add", "edit", "remove"])
def test_the_guard_names_any_change_to_the_folder(tmp_path, change):
    folder = banks.copy_banks(tmp_path / "questions")
    before = banks.snapshot(folder)
    banks.assert_untouched(before, folder)  # nothing changed: passes
    bank = folder / banks.BANK_FILES[0]
    if change == "add":
        (folder / "new.yaml").write_text("title: New\n")
    elif change == "edit":
        bank.write_text(bank.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        os.utime(bank, ns=(0, bank.stat().st_mtime_ns + 1))
    else:
        bank.unlink()
    with pytest.raises(AssertionError, match="questions/ changed during this test"):
        banks.assert_untouched(before, folder)
