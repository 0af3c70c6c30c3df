"""docs/architecture.md stays true: every file it names exists, and every function it names for a
rule is defined in the file beside it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "architecture.md"
EXAMPLES = {"quizapp/core/question_types/yes_no_maybe.py"}  # "Adding a question type": a file you would write


def rule_rows() -> list[tuple[str, str, list[str]]]:
    """(question, file, [functions]) of the table under "Where each rule lives"."""
    section = DOC.read_text(encoding="utf-8").split("## Where each rule lives", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[1].startswith("`"):
            continue
        path = cells[1].strip("`")
        names = re.findall(r"`(\w+)`", cells[2].split("(")[0]) if not cells[2].startswith("(") else []
        rows.append((cells[0], path, names))
    return rows


def test_the_rule_table_is_there():
    rows = rule_rows()
    assert len(rows) >= 25
    assert any("short answer" in question for question, _, _ in rows)


def test_every_rule_names_a_file_and_function_that_exist():
    for question, path, names in rule_rows():
        file = ROOT / path
        assert file.is_file(), f"{question}: no file {path}"
        text = file.read_text(encoding="utf-8")
        for name in names:
            assert re.search(rf"^\s*(?:def|class) {name}\b", text, re.M), f"{question}: {name} not in {path}"


def test_every_path_in_the_doc_exists():
    for path in set(
        re.findall(r"`((?:quizapp|templates|tests|docs|benchmarks|\.ci)/[\w/.]+)`", DOC.read_text())
    ):
        if "<" in path or path in EXAMPLES:
            continue
        assert (ROOT / path).exists(), path
