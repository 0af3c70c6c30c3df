"""Banks exported for Moodle (GIFT) and Anki (.apkg)."""

import io
import sqlite3
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quizapp.core.decks import deck_cards
from quizapp.core.interchange.gift import read_gift
from quizapp.services.bank_exports import export_bank
from tests.core.yaml_banks import bank_from

NOW = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)


def anki_notes(data: bytes, title: str = "Kosovar Peacekeepers") -> list[tuple[str, str, str]]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert sorted(archive.namelist()) == ["collection.anki2", "media"]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.anki2"
        path.write_bytes(archive.read("collection.anki2"))
        connection = sqlite3.connect(path)
        try:
            rows = connection.execute("SELECT guid, flds, tags FROM notes ORDER BY id").fetchall()
            decks = connection.execute("SELECT decks FROM col").fetchone()[0]
        finally:
            connection.close()
    assert title in decks
    return rows


def test_the_anki_deck_holds_every_card_of_the_bank(article):
    exported = export_bank(article, "apkg", NOW)
    assert exported.file_name == "kosovo-peacekeepers.apkg"
    notes = anki_notes(exported.data)
    cards = deck_cards(article)
    assert len(notes) == len(cards) == len(article.questions) + len(article.cards)
    _guid, fields, tags = notes[0]
    front, back, explanation = fields.split("\x1f")
    assert front == "<p>To which country has Kosovo sent its peacekeepers?</p>\n"
    assert back == "<p>Kuwait</p>\n" and "army platoon to Kuwait" in explanation
    assert tags.split() == ["mission"]


def test_anki_guids_are_stable_so_a_new_export_updates_cards(article):
    first = [guid for guid, _, _ in anki_notes(export_bank(article, "apkg", NOW).data)]
    later = [
        guid for guid, _, _ in anki_notes(export_bank(article, "apkg", datetime(2027, 1, 1, tzinfo=UTC)).data)
    ]
    assert first == later and len(set(first)) == len(first)


def test_anki_export_leaves_no_temporary_files(article, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    export_bank(article, "apkg", NOW)
    assert list(tmp_path.iterdir()) == []


def test_the_gift_export_reads_back_as_the_same_questions(article):
    exported = export_bank(article, "gift", NOW)
    assert exported.content_type.startswith("text/plain") and exported.file_name == "kosovo-peacekeepers.gift"
    again = read_gift(exported.data.decode("utf-8"))
    left_out = [note for note in exported.notes if "left out" in note]
    assert len(again.questions) + len(left_out) == len(article.questions)
    assert again.skipped == []


def test_what_gift_cannot_hold_is_said_at_the_top_of_the_file_and_read_as_no_question():
    bank = bank_from("""
        title: T
        questions:
          - {id: first, type: short, prompt: "Capital of Kosovo?", accept: [Pristina], typos: true}
          - id: order
            type: ordering
            prompt: Order them.
            items: [a, b]
        cards:
          - {id: c1, term: KFOR, definition: Kosovo Force}
    """)
    exported = export_bank(bank, "gift", NOW)
    text = exported.data.decode("utf-8")
    assert len(exported.notes) == 3
    head, _, _ = text.partition("\n\n")  # the notes, then a blank line before anything else
    # the question left out first, then the details in bank order
    assert head.splitlines() == [
        "// Not kept in this GIFT file (3): GIFT has no place for them; the bank file keeps them.",
        "// - order: left out: GIFT has no ordering questions",
        *(f"// - {note}" for note in exported.notes if "left out" not in note),
    ]
    assert (
        exported.notes.index("order: left out: GIFT has no ordering questions") > 0
    )  # not first in the bank
    assert "// - order: left out: GIFT has no ordering questions" in head
    assert "// - 1 term card(s) not exported: GIFT has no flashcards" in head
    assert "forgiving typos is not kept" in head
    again = read_gift(text)
    assert again.skipped == [] and [question["prompt"] for question in again.questions] == [
        "Capital of Kosovo?"
    ]
    assert "tags" not in again.questions[0]  # no [id:] or [tag:] taken from the notes


def test_a_gift_export_that_keeps_everything_has_no_note_lines():
    bank = bank_from("""
        title: T
        questions:
          - {id: first, type: short, prompt: "Capital of Kosovo?", accept: [Pristina]}
    """)
    exported = export_bank(bank, "gift", NOW)
    assert exported.notes == () and not exported.data.decode("utf-8").startswith("// Not kept")


def test_an_unknown_format_is_an_error(article):
    with pytest.raises(ValueError, match="unknown bank format"):
        export_bank(article, "docx", NOW)


def test_a_plain_answer_shows_as_written_on_the_anki_card():
    bank = bank_from(r"""
        title: Python
        questions:
          - {id: init, type: short, prompt: Python's constructor?, accept: [__init__]}
          - {id: star, type: short, prompt: Extra positional arguments?, accept: ['\*args']}
          - {id: ch, type: single, prompt: Which?, choices: ["**bold**", other], answer: "**bold**"}
    """)
    notes = anki_notes(export_bank(bank, "apkg", NOW).data, "Python")
    backs = [fields.split("\x1f")[1] for _, fields, _ in notes]
    assert backs == ["<p>__init__</p>\n", "<p>*args</p>\n", "<p><strong>bold</strong></p>\n"]


def test_the_anki_deck_lists_each_question_whose_feedback_it_leaves_out():
    bank = bank_from("""
        title: T
        questions:
          - {id: typed, type: short, prompt: P, accept: [{text: x, feedback: Yes.}]}
          - {id: verdict, type: numeric, prompt: P, answer: 3, feedback: {wrong: No.}}
          - {id: choice, type: single, prompt: P, choices: [{text: a, feedback: A.}, b], answer: a}
          - {id: blank, type: cloze, prompt: "x {{1}}", blanks: [[{text: x, feedback: X.}]]}
          - {id: none, type: single, prompt: P, choices: [a, b], answer: a}
          - {id: plain, type: short, prompt: P, accept: [x], reject: [y]}
    """)
    exported = export_bank(bank, "apkg", NOW)
    assert [note.split(":")[0] for note in exported.notes] == ["typed", "verdict", "choice", "blank"]
    assert (
        exported.notes[0]
        == "typed: its feedback is not in the deck (a flashcard has no answer to comment on)"
    )
