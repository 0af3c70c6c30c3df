"""A bank as a file for other tools: GIFT for Moodle, an Anki deck (.apkg) for flashcards.

One function, ``export_bank``, serves the download links and ``flask export-bank``. What a GIFT
file cannot hold is said in the file itself, in comment lines at its top (``gift_notes``), so a
download from the Banks page tells as much as the command does.
Anki notes get GUIDs made from the bank and card ids, so importing a newer export into Anki
updates the cards a student already studies there instead of adding duplicates.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import os
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime

import genanki

from quizapp import core
from quizapp.core.answer_key import has_written_feedback
from quizapp.core.decks import deck_cards
from quizapp.core.interchange.gift import write_gift
from quizapp.services.rendering import markdown_html

FORMATS = ("gift", "apkg")
CONTENT_TYPES = {"gift": "text/plain; charset=utf-8", "apkg": "application/octet-stream"}


@dataclass(frozen=True, slots=True)
class BankExport:
    data: bytes
    file_name: str
    content_type: str
    notes: tuple[str, ...]  # what the format cannot hold: "question id: what"


def export_bank(bank: core.Bank, file_format: str, now: datetime) -> BankExport:
    if file_format == "gift":
        text, notes = write_gift(bank)
        data = (gift_notes(notes) + text).encode("utf-8")
    elif file_format == "apkg":
        data, notes = anki_package(bank, now), apkg_notes(bank)
    else:
        raise ValueError(f"unknown bank format {file_format!r}; use one of {', '.join(FORMATS)}")
    return BankExport(data, f"{bank.slug}.{file_format}", CONTENT_TYPES[file_format], tuple(notes))


def apkg_notes(bank: core.Bank) -> list[str]:
    """What an Anki deck leaves out: a card's back is the answer and the explanation, and a
    flashcard has no answer of the student's for feedback to speak to."""
    return [
        f"{question.id}: its feedback is not in the deck (a flashcard has no answer to comment on)"
        for question in bank.questions
        if has_written_feedback(question)
    ]


def gift_notes(notes: list[str]) -> str:
    """What a GIFT export left out, as comment lines ("// ...") and a blank line: Moodle and
    quizapp's reader ignore them, and the blank line keeps them off the first question (whose own
    comment lines hold its [id:] and [tag:]). Nothing when nothing was left out."""
    if not notes:
        return ""
    lines = [
        f"// Not kept in this GIFT file ({len(notes)}): GIFT has no place for them; the bank file keeps them."
    ]
    # questions left out first: the losses that matter most; then the details, in bank order
    ordered = sorted(notes, key=lambda note: "left out" not in note)
    lines += [f"// - {' '.join(note.split())}" for note in ordered]  # a note never spans lines
    return "\n".join(lines) + "\n\n"


def _stable_id(*parts: str) -> int:
    """Anki model and deck ids must stay the same across exports: derive them from names."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


_MODEL = genanki.Model(
    _stable_id("quizapp", "basic card", "1"),
    "quizapp card",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Explanation"}],
    templates=[
        {
            "name": "Card 1",
            "qfmt": "{{Front}}",
            "afmt": '{{FrontSide}}<hr id="answer">{{Back}}'
            '{{#Explanation}}<div class="explanation">{{Explanation}}</div>{{/Explanation}}',
        }
    ],
    css=".card { font-family: sans-serif; font-size: 20px; text-align: left; }\n"
    ".explanation { margin-top: 1em; font-size: 16px; color: #555; }",
)


def _anki_tag(tag: str) -> str:
    return "_".join(tag.split())  # Anki separates tags with spaces


def _deck(bank: core.Bank) -> genanki.Deck:
    deck = genanki.Deck(_stable_id("quizapp", "deck", bank.slug), bank.title)
    tags = {f"q:{q.id}": q.tags for q in bank.questions} | {f"card:{c.id}": c.tags for c in bank.cards}
    for card in deck_cards(bank):
        deck.add_note(
            genanki.Note(
                model=_MODEL,
                fields=[markdown_html(card.front), markdown_html(card.back), markdown_html(card.explanation)],
                tags=[_anki_tag(tag) for tag in tags.get(card.key, ())],
                guid=genanki.guid_for("quizapp", bank.slug, card.key),
            )
        )
    return deck


def anki_package(bank: core.Bank, now: datetime) -> bytes:
    """The .apkg bytes. genanki's own writer leaves its temporary database behind; this one does not."""
    package = genanki.Package(_deck(bank))
    timestamp = now.timestamp()
    handle, db_path = tempfile.mkstemp(suffix=".anki2")
    os.close(handle)
    try:
        connection = sqlite3.connect(db_path)
        try:
            ids = itertools.count(int(timestamp * 1000))  # note and card ids, as genanki makes them
            package.write_to_db(connection.cursor(), timestamp, ids)
            connection.commit()
        finally:
            connection.close()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(db_path, "collection.anki2")
            archive.writestr("media", "{}")
        return buffer.getvalue()
    finally:
        os.remove(db_path)
