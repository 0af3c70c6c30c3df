"""A real Anki collection of a few notes, written by Anki's own library, for the Anki import tests."""

from __future__ import annotations

from pathlib import Path

from anki.collection import Collection

NOTES = [
    (
        "Basic",
        "Kosovo::History",
        ["1999. the year <b>the war</b> ended: which war?", "the Kosovo_War"],
        ["war"],
    ),
    ("Basic", "Geography", ['# of troops sent <img src="map.png"> [sound:anthem.mp3]', "5,000"], []),
    (
        "Cloze",
        "Geography",
        [
            "{{c1::Pristina::capital}} is the capital; {{c2::Kosovo}} declared independence in {{c2::2008}}.",
            "*not* bold",
        ],
        ["kosovo"],
    ),
    ("Cloze", "Kosovo::History", ["The war ended in {{c1::1999}}.", ""], []),
    ("Basic", "Default", ["Kosovo's acting President", "Vjosa Osmani<br>(since 2019)"], ["people"]),
    (
        "Basic",
        "Geography",
        [
            "Why did Kosovo send a platoon to Kuwait?",
            "For its first mission abroad, alongside the Iowa National Guard's soldiers",
        ],
        [],
    ),
]


def build_collection(path: Path):
    collection = Collection(str(path))
    guids = []
    for notetype, deck, fields, tags in NOTES:
        note = collection.new_note(collection.models.by_name(notetype))
        for index, text in enumerate(fields):
            note.fields[index] = text
        note.tags = tags
        collection.add_note(note, collection.decks.id(deck))
        guids.append(note.guid)
    return collection, guids
