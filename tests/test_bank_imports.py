"""The import function behind the upload page and ``flask import``."""

import pytest

from quizapp.bank_imports import ImportFailed, import_bank
from quizapp.core import load_bank_bytes

from .core.interchange.samples import SAMPLES


def test_an_import_is_a_valid_bank_file_titled_after_its_source():
    result = import_bank((SAMPLES / "moodle-export.gift").read_bytes(), "gift", "history_9-kosovo.gift")
    assert (result.questions, result.cards, len(result.skipped), len(result.changed)) == (11, 0, 3, 3)
    assert result.text.startswith(
        "# Imported from history_9-kosovo.gift (Moodle GIFT). Check it, then save it.\n"
    )
    assert "# Skipped line 50: an essay question" in result.text
    assert "title: history 9 kosovo\n" in result.text
    loaded = load_bank_bytes(result.text.encode(), "x.yaml", "x", lambda path: "")
    assert loaded.problems == () and len(loaded.bank.questions) == 11


def test_text_that_is_not_utf8_is_refused_with_its_line():
    with pytest.raises(ImportFailed, match=r"line 2: the file is not valid UTF-8"):
        import_bank("Kuwait\tone\nPri\u0161tina\ttwo\n".encode("cp1250"), "quizlet", "x.txt")


def test_an_unknown_format_is_refused():
    with pytest.raises(ImportFailed, match="unknown format 'csv'"):
        import_bank(b"a,b", "csv", "x.csv")


def test_an_import_of_nothing_usable_is_empty():
    result = import_bank(b"no tabs here\n", "quizlet", "x.txt")
    assert result.empty and [note.line for note in result.skipped] == [1]
