import os
from pathlib import Path

from quizapp.services.bank_library import BankLibrary

GOOD = "title: {title}\nquestions:\n  - {{id: q, type: true_false, prompt: P, answer: true}}\n"


def touch_later(path: Path, text: str) -> None:
    """Write ``text`` and move the modification time on, as an editor's save would."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text)
    os.utime(path, ns=(before + 10**9, before + 10**9))


def test_changes_are_seen_only_after_the_rescan_interval(tmp_path):
    bank_file = tmp_path / "a.yaml"
    touch_later(bank_file, GOOD.format(title="One"))
    library = BankLibrary(tmp_path, rescan_seconds=1.0)
    assert library.refresh(now=100.0) is True
    assert library.catalog.banks[0].title == "One"
    touch_later(bank_file, GOOD.format(title="Two"))
    assert library.refresh(now=100.5) is False  # too soon: not even a stat
    assert library.catalog.banks[0].title == "One"
    assert library.refresh(now=101.0) is True
    assert library.catalog.banks[0].title == "Two"
    assert library.refresh(now=102.5) is False  # nothing changed on disk


def test_unchanged_files_are_not_parsed_again(tmp_path, monkeypatch):
    touch_later(tmp_path / "a.yaml", GOOD.format(title="A"))
    touch_later(tmp_path / "b.yaml", GOOD.format(title="B"))
    library = BankLibrary(tmp_path, rescan_seconds=0)
    library.refresh(now=0)
    parsed: list[str] = []
    import quizapp.services.bank_library as module

    original = module.load_bank_file
    monkeypatch.setattr(
        module, "load_bank_file", lambda path, name: parsed.append(path.name) or original(path, name)
    )
    touch_later(tmp_path / "b.yaml", GOOD.format(title="B2"))
    library.refresh(now=1)
    assert parsed == ["b.yaml"]


def test_a_file_that_breaks_keeps_its_last_valid_version(tmp_path):
    bank_file = tmp_path / "a.yaml"
    touch_later(bank_file, GOOD.format(title="Good"))
    library = BankLibrary(tmp_path, rescan_seconds=0)
    library.refresh(now=0)
    touch_later(bank_file, "title: [broken\n")
    library.refresh(now=1)
    assert [bank.title for bank in library.catalog.banks] == ["Good"]
    assert str(library.catalog.problems[0]).startswith(f"{tmp_path.name}/a.yaml:1: YAML syntax error")
    touch_later(bank_file, GOOD.format(title="Fixed"))
    library.refresh(now=2)
    assert [bank.title for bank in library.catalog.banks] == ["Fixed"]
    assert library.catalog.problems == ()


def test_a_removed_file_leaves_service(tmp_path):
    touch_later(tmp_path / "a.yaml", GOOD.format(title="A"))
    library = BankLibrary(tmp_path, rescan_seconds=0)
    library.refresh(now=0)
    (tmp_path / "a.yaml").unlink()
    assert library.refresh(now=1) is True
    assert library.catalog.banks == ()
