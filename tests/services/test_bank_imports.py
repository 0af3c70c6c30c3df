"""The import function behind the upload page and ``flask import``."""

import pytest

from quizapp.core import load_bank_bytes
from quizapp.core.model import AnswerVisibility
from quizapp.services.bank_imports import ImportFailed, import_bank
from tests.core.interchange.samples import SAMPLES
from tests.core.interchange.test_quizlet import INTEROP


def test_an_import_is_a_valid_bank_file_titled_after_its_category():
    result = import_bank((SAMPLES / "moodle-export.gift").read_bytes(), "gift", "history_9-kosovo.gift")
    assert (result.questions, result.cards, len(result.skipped), len(result.changed)) == (11, 0, 3, 2)
    assert result.text.startswith(
        "# Imported from history_9-kosovo.gift (Moodle GIFT). Check it, then save it.\n"
    )
    assert "# Skipped line 50: an essay question" in result.text
    assert "\ntitle: Kosovo peacekeepers\n" in result.text  # its $CATEGORY, not its file's name
    assert result.source_title == "Kosovo peacekeepers"
    loaded = load_bank_bytes(result.text.encode(), "x.yaml", "x", lambda path: "")
    assert loaded.problems == () and len(loaded.bank.questions) == 11
    truth = next(q for q in loaded.bank.questions if q.id == "first-mission")  # {TRUE#wrong#right}
    assert (truth.answer.feedback.right, truth.answer.feedback.wrong) == (
        "Right.",
        "Wrong: the article says it is the first.",
    )


@pytest.mark.parametrize(
    ("source", "file_format"),
    [
        ("moodle-export.gift", "gift"),
        ("aiken.txt", "aiken"),
        ("quizlet.txt", "quizlet"),
        ("anki-notes.txt", "anki-text"),
    ],
)
def test_an_imported_bank_shows_answers_immediately_and_says_so(source, file_format):
    """Issue 16: study material's feedback is shown right after answering in practice; the
    file says so, and how to change it."""
    result = import_bank((SAMPLES / source).read_bytes(), file_format, source)
    assert "settings:\n" in result.text and "  show_answers: immediately\n" in result.text
    comment = result.text.split("settings:\n")[1].split("  show_answers:")[0]
    assert "a test still shows them only after it is submitted" in comment
    assert "'after_submit'" in comment and "'never'" in comment
    bank = load_bank_bytes(result.text.encode(), "x.yaml", "x", lambda path: "").bank
    assert bank.settings.show_answers is AnswerVisibility.IMMEDIATELY


def test_text_that_is_not_utf8_is_refused_with_its_line():
    with pytest.raises(ImportFailed, match=r"line 2: the file is not valid UTF-8"):
        import_bank("Kuwait\tone\nPri\u0161tina\ttwo\n".encode("cp1250"), "quizlet", "x.txt")


def test_an_unknown_format_is_refused():
    with pytest.raises(ImportFailed, match="unknown format 'csv'"):
        import_bank(b"a,b", "csv", "x.csv")


def test_an_import_of_nothing_usable_is_empty():
    result = import_bank(b"no tabs here\n", "quizlet", "x.txt")
    assert result.empty and [note.line for note in result.skipped] == [1]


def test_the_largest_import_is_exact_and_quick_and_a_larger_one_is_refused_at_once():
    """Issue 12, item 2(a): a 1.9 MB Quizlet list (200,000 lines) took 88 s to emit and got a 500."""
    import time

    from quizapp.services.bank_imports import MAX_IMPORT_ITEMS, MAX_IMPORT_LINES

    terms = MAX_IMPORT_ITEMS // 2  # each term makes a card and a question
    source = "".join(f'w{n}: "q" #\td{n} \\ {n}\n' for n in range(terms)).encode()
    started = time.perf_counter()
    result = import_bank(source, "quizlet", "words.txt")
    emitted = time.perf_counter() - started
    assert (result.questions, result.cards) == (terms, terms)
    bank = load_bank_bytes(result.text.encode(), "x.yaml", "x", lambda path: "").bank
    assert (
        bank.cards[-1].term == f'w{terms - 1}: "q" #'
        and bank.cards[-1].definition == f"d{terms - 1} \\\\ {terms - 1}"  # escaped for Markdown
    )
    assert (
        emitted < 25
    )  # well within gunicorn's 30 s (PyYAML's emitter took 0.5 ms a line); speed: benchmarks/import_banks.py

    one_more = source + b"extra\tterm\n"
    with pytest.raises(
        ImportFailed,
        match=f"it makes {terms * 2 + 2:,} questions and cards; an import may make at most 5,000",
    ):
        import_bank(one_more, "quizlet", "words.txt")
    huge = b"w\td\n" * 200_000  # the file of the report: refused before it is parsed
    started = time.perf_counter()
    with pytest.raises(
        ImportFailed, match=f"it has 200,000 lines; an import may have at most {MAX_IMPORT_LINES:,} lines"
    ):
        import_bank(huge, "quizlet", "words.txt")
    assert time.perf_counter() - started < 1


def test_a_quizlet_export_with_custom_separators_names_them_in_the_bank_file():
    from quizapp.core.interchange.quizlet import quizlet_separators

    data = (INTEROP / "quizlet-custom.txt").read_bytes()
    result = import_bank(data, "quizlet", "python.txt", quizlet_separators(" :: ", "$$"))
    assert (result.questions, result.cards) == (4, 4)
    assert result.text.startswith(
        "# Imported from python.txt (Quizlet, ' :: ' between term and definition, '$$' between rows)."
    )
    assert "# Skipped line 2: a line needs both a term and a definition" in result.text
    loaded = load_bank_bytes(result.text.encode(), "x.yaml", "x", lambda path: "")
    assert loaded.problems == ()
    assert [card.term for card in loaded.bank.cards][2] == "snake\\_case"


def test_a_quizlet_import_reports_each_joined_and_changed_row():
    result = import_bank((INTEROP / "quizlet-tab.txt").read_bytes(), "quizlet", "set.txt")
    assert [note.line for note in result.changed] == [8, 9, 10]  # "*args" (line 4) is kept as written
    assert '  - "\\\\*args"' in result.text  # accepted with a literal "*", written \* (escaped in YAML)
    assert (
        "# Changed line 8: no separator (Tab) between term and definition: read as more of the" in result.text
    )
