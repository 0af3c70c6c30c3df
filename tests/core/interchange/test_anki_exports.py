"""Anki's "Notes in Plain Text" export, made at test time by Anki's own library (the `anki`
package, a test extra) from a collection built here, then imported: what each note becomes."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest

from quizapp.core.decks import deck_cards
from quizapp.core.interchange.term_lists import read_anki_text
from quizapp.core.model import QuestionType
from tests.core.interchange.samples import bank_of
from tests.helpers.anki_collections import NOTES, build_collection


# (note type, deck, fields, tags); the deck "Default" is Anki's own, which gives no topic.
# A Basic note is front (asked) -> back (typed), as Anki asks it.
def _export(collection, path: Path, *, html: bool, columns: bool = True) -> str:
    collection.export_note_csv(
        out_path=str(path),
        limit=None,
        with_html=html,
        with_tags=True,
        with_deck=columns,
        with_notetype=columns,
        with_guid=columns,
    )
    return path.read_text(encoding="utf-8")


def _id(guid: str) -> str:
    return "anki-" + hashlib.sha256(guid.encode()).hexdigest()[:12]


def _card_id(guid: str) -> str:
    return "card-" + _id(guid)


def _line_of(text: str, guid: str) -> int:
    """The line of the note with ``guid``: read as CSV, since Anki quotes a GUID holding a quote."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#") and next(csv.reader([line], delimiter="\t"), [""])[0] == guid:
            return number
    raise AssertionError(f"no note with the GUID {guid!r} in the export")


@pytest.mark.parametrize("html", [True, False])
def test_each_note_of_a_real_anki_export_becomes_what_it_was(anki, html):
    collection, guids, folder = anki
    text = _export(collection, folder / f"notes-{html}.txt", html=html)
    assert text.startswith(f"#separator:tab\n#html:{str(html).lower()}\n#guid column:1\n#notetype column:2\n")
    imported = read_anki_text(text)
    bank = bank_of(imported)  # valid as it comes
    questions = {question.id: question for question in bank.questions}
    cards = {card.id: card for card in bank.cards}
    # the GUID is no front and the note type no back. A Basic note is one card: a question when
    # its back can be typed, else a flashcard only: the back of note 4 is two lines in HTML
    # (Anki's plain export makes its <br> a blank), that of note 5 long
    flashcard_notes = [4, 5] if html else [5]
    assert sorted(cards) == sorted(_card_id(guids[index]) for index in flashcard_notes)
    assert len(bank.questions) == (4 if html else 5)

    # (GUID of the note) -> (type, prompt, accepted answers or blanks, explanation, tags)
    expected = {
        0: (
            QuestionType.SHORT,
            # an HTML field keeps its bold (Anki's plain export drops it); the deck is the first tag
            "1999\\. the year " + ("**the war**" if html else "the war") + " ended: which war?",
            ("the Kosovo_War",),
            "",
            ("Kosovo::History", "war"),
        ),
        1: (QuestionType.SHORT, "\\# of troops sent", ("5,000",), "", ("Geography",)),
        2: (
            QuestionType.CLOZE,
            "{{1}} (capital) is the capital; {{2}} declared independence in {{3}}.",
            (("Pristina",), ("Kosovo",), ("2008",)),
            "\\*not\\* bold",
            ("Geography", "kosovo"),
        ),
        3: (QuestionType.CLOZE, "The war ended in {{1}}.", (("1999",),), "", ("Kosovo::History",)),
    }
    if not html:
        expected[4] = (
            QuestionType.SHORT,
            "Kosovo's acting President",
            ("Vjosa Osmani (since 2019)",),
            "",
            ("people",),
        )
    for index, (kind, prompt, answers, explanation, tags) in expected.items():
        question = questions[_id(guids[index])]
        assert (question.type, question.prompt, question.tags) == (kind, prompt, tags), index
        assert (question.explanation or "") == explanation, index
        if kind is QuestionType.CLOZE:
            assert tuple(blank.accepted for blank in question.answer.blanks) == answers, index
        else:
            assert question.answer.accepted == answers, index
    assert set(questions) == {_id(guids[index]) for index in expected}  # no other question
    # the study deck: one card per note, a question's showing its front and its back's text
    deck = {card.key: (card.front, card.back) for card in deck_cards(bank)}
    assert len(deck) == len(NOTES) == len(bank.questions) + len(bank.cards)
    assert deck[f"q:{_id(guids[0])}"] == (questions[_id(guids[0])].prompt, "the Kosovo\\_War")
    if html:
        assert deck[f"card:{_card_id(guids[4])}"] == (
            "Kosovo's acting President",
            "Vjosa Osmani\\\n(since 2019)",
        )
    else:
        assert deck[f"q:{_id(guids[4])}"] == ("Kosovo's acting President", "Vjosa Osmani (since 2019)")
    assert deck[f"card:{_card_id(guids[5])}"] == tuple(NOTES[5][2])

    notes = [(note.line, note.text) for note in imported.notes]
    cloze_line = _line_of(text, guids[2])
    assert (cloze_line, "Anki's cloze cards c1, c2 become one question with 3 blanks") in notes
    assert (cloze_line, "a cloze hint is shown in brackets after its blank") in notes
    flashcards_only = [(line, note) for line, note in notes if "flashcard only" in note]
    long_back = (
        _line_of(text, guids[5]),
        "the back is too long to type as an answer (74 characters, more than 60): made a flashcard only",
    )
    several_lines = (
        _line_of(text, guids[4]),
        "the back has several lines, too many to type as an answer: made a flashcard only",
    )
    assert flashcards_only == ([several_lines, long_back] if html else [long_back])
    media = [(line, note) for line, note in notes if "left out" in note]
    if html:
        line = _line_of(text, guids[1])
        assert media == [
            (line, "sound 'anthem.mp3' left out: a bank holds no sounds"),
            (line, "picture 'map.png' left out: a bank holds no pictures"),
        ]
    else:  # Anki's plain-text export leaves pictures and sounds out itself
        assert media == []
    assert not imported.skipped


def test_a_newer_export_keeps_every_id(tmp_path):
    """The ids come from the GUIDs: an edited note keeps its question's id, so results stay
    connected when the deck is imported again."""
    collection, guids = build_collection(tmp_path / "collection.anki2")
    folder = tmp_path
    before = read_anki_text(_export(collection, folder / "before.txt", html=True))
    [note] = [note for note in map(collection.get_note, collection.find_notes("")) if note.guid == guids[1]]
    note.fields[1] = "about 5,000"
    collection.update_note(note)
    after = read_anki_text(_export(collection, folder / "after.txt", html=True))
    assert [q["id"] for q in after.questions] == [q["id"] for q in before.questions]
    assert [c["id"] for c in after.cards] == [c["id"] for c in before.cards]
    [edited] = [q for q in after.questions if q["id"] == _id(guids[1])]
    assert edited["accept"] == ["about 5,000"]
    collection.close()


def test_a_back_edited_too_long_to_type_turns_its_question_into_a_flashcard(tmp_path):
    """A note is one card: a question while its back can be typed, a flashcard once an edit makes
    it too long. The GUID still names it (question ``anki-<hex>`` becomes card
    ``card-anki-<hex>``, the same hex), every other note keeps its id, and the change is
    reported; the study history of the question does not carry over to the flashcard (another
    card key), as a short answer nobody can type is no longer asked."""
    collection, guids = build_collection(tmp_path / "collection.anki2")
    before = read_anki_text(_export(collection, tmp_path / "before.txt", html=True))
    [note] = [note for note in map(collection.get_note, collection.find_notes("")) if note.guid == guids[1]]
    long_back = "about 5,000, from thirty-nine countries, under the NATO-led KFOR"
    note.fields[1] = long_back
    collection.update_note(note)
    text = _export(collection, tmp_path / "after.txt", html=True)
    after = read_anki_text(text)
    collection.close()
    edited_question, edited_card = _id(guids[1]), _card_id(guids[1])
    assert edited_question in [q["id"] for q in before.questions]
    assert [q["id"] for q in after.questions] == [
        q["id"] for q in before.questions if q["id"] != edited_question
    ]
    assert [c["id"] for c in before.cards] == [_card_id(guids[4]), _card_id(guids[5])]
    assert [c["id"] for c in after.cards] == [edited_card, _card_id(guids[4]), _card_id(guids[5])]
    [card] = [c for c in after.cards if c["id"] == edited_card]
    assert (card["term"], card["definition"], card["tags"]) == (
        "\\# of troops sent",
        long_back,
        ["Geography"],
    )
    assert (
        _line_of(text, guids[1]),
        f"the back is too long to type as an answer ({len(long_back)} characters, more than 60): "
        "made a flashcard only",
    ) in [(n.line, n.text) for n in after.notes]
    assert len(deck_cards(bank_of(after))) == len(deck_cards(bank_of(before))) == len(NOTES)


def test_without_guid_and_notetype_columns_clozes_are_still_clozes(anki):
    collection, _guids, folder = anki
    imported = read_anki_text(_export(collection, folder / "bare.txt", html=False, columns=False))
    bank = bank_of(imported)
    assert [question.type for question in bank.questions].count(QuestionType.CLOZE) == 2
    assert bank.questions[0].prompt == "1999\\. the year the war ended: which war?"
    assert [card.term for card in bank.cards] == ["Why did Kosovo send a platoon to Kuwait?"]
