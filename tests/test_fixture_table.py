"""scripts/gift_fixture_table.py: the table of import fixtures the closing note of issue 16 gives."""

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "gift_fixture_table.py"


def _script():
    spec = importlib.util.spec_from_file_location("gift_fixture_table", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_each_fixture_is_counted_with_its_skips_by_line():
    table = {
        name: (total, done, changed, skipped) for name, total, done, changed, skipped in _script().rows()
    }
    assert set(table) == {
        "moodle-examples.gift",
        "moodle-exporter-shape.gift",
        "moodle-exporter-tests.gift",
        "moodle-reader-rules.gift",
        "quizlet-comma-semicolon.txt",
        "quizlet-custom.txt",
        "quizlet-tab.txt",
    }
    assert table["moodle-examples.gift"][:2] == (10, 10) and table["moodle-examples.gift"][3] == []
    assert table["moodle-reader-rules.gift"][:2] == (24, 21)
    assert [why.split(":")[0] for why in table["moodle-reader-rules.gift"][3]] == [
        "line 75",
        "line 77",
        "line 79",
    ]
    assert table["quizlet-custom.txt"][:2] == (5, 4)
    assert table["quizlet-custom.txt"][3] == ["line 2: a line needs both a term and a definition"]


def test_the_table_prints_one_row_per_fixture(capsys):
    script = _script()
    script.main()
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 + len(script.rows())
    assert lines[2].startswith("| moodle-examples.gift | 10 | 10 |")
