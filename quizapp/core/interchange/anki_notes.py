"""One note of Anki's text export as the bank holds it: a Cloze note as a cloze question, any
other note as one card, as Anki asks it: a short-answer question, the front (first field) the
prompt and the back (second field) the accepted answer, when the back can be typed, else a
flashcard (term card) only (term_cards). Its deck
is its first tag (GIFT's export files a question under its first tag), then the note's tags.

Fields are plain text once their HTML is reduced (``#html:true``) and are escaped where they go
into Markdown, so "__init__" or "1999." show as Anki showed them. Pictures and sounds cannot
come along (a bank holds no media): each is reported with its line, never dropped silently.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from html import escape
from typing import Any

from quizapp.core.cloze import reads_as_blanks
from quizapp.core.interchange.common import Imported
from quizapp.core.interchange.html_text import html_to_markdown, html_to_text
from quizapp.core.interchange.term_cards import Side, add_recall_card
from quizapp.core.markdown_text import markdown_escape

# {{c1::answer}} or {{c1::answer::hint}}; Anki shows the hint in the gap.
CLOZE_DELETION = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
_PICTURE = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]*))[^>]*>", re.IGNORECASE)
_ANY_PICTURE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_SOUND = re.compile(r"\[sound:([^\]]*)\]")
# A blank's place while the prompt is escaped: private-use characters, removed from the note first.
_MARK, _MARK_END = "\ue000", "\ue001"
_MARKER = re.compile(_MARK + r"(\d+)" + _MARK_END)
_DEFAULT_DECK = "Default"  # Anki's deck for notes nobody filed: no topic


@dataclass
class AnkiNote:
    line: int
    fields: list[str]  # the note's fields, without the GUID, note type, deck and tags columns
    guid: str = ""
    notetype: str = ""
    deck: str = ""
    tags: list[str] = field(default_factory=list)


@dataclass
class _Field:
    raw: str  # as the note has it, sounds left out
    plain: str  # its text (an accepted answer, an id)
    shown: str  # the bank's Markdown: HTML converted, plain text escaped


def add_anki_note(imported: Imported, note: AnkiNote, html: bool) -> None:
    fields = [_field(imported, note.line, text, html) for text in note.fields]
    deck = [note.deck] if note.deck and note.deck != _DEFAULT_DECK else []
    tags = list(dict.fromkeys(deck + note.tags))
    if _is_cloze(note, fields):
        _add_cloze(imported, note, fields, tags, html)
        return
    if len(fields) < 2 or not fields[0].plain.strip() or not fields[1].plain.strip():
        imported.skip(note.line, "a note needs a front and a back")
        return
    _add_basic(imported, note, fields[0], fields[1], tags)


def _field(imported: Imported, line: int, text: str, html: bool) -> _Field:
    """A field's text and Markdown, its pictures and sounds left out (and noted)."""
    for found in _SOUND.finditer(text):
        imported.note(line, f"sound '{found.group(1)}' left out: a bank holds no sounds")
    text = _SOUND.sub(" ", text)
    if not html:
        return _Field(text, text, markdown_escape(text))
    for found in _ANY_PICTURE.finditer(text):
        source = _PICTURE.match(found.group())
        name = next((group for group in source.groups() if group), "") if source else ""
        imported.note(line, f"picture '{name}' left out: a bank holds no pictures")
    converted = html_to_markdown(text)
    for lost in converted.lost:
        if lost != "an image":  # noted above, by name
            imported.note(line, f"{lost} in its HTML left out: a bank holds only text")
    return _Field(text, html_to_text(text), converted.markdown)


def _is_cloze(note: AnkiNote, fields: list[_Field]) -> bool:
    """A note of a Cloze note type; without a note type column, a note with cloze deletions."""
    if not fields or not CLOZE_DELETION.search(fields[0].raw):
        return False
    return not note.notetype or "cloze" in note.notetype.lower()


def _ids(imported: Imported, note: AnkiNote, hint: str) -> tuple[str, str]:
    """The question's id and the card's (whichever the note becomes): from the note's GUID,
    which Anki keeps however the note is edited, so a newer export of the deck gives the same
    ids (results stay connected); without one, from the text."""
    if note.guid:
        digest = hashlib.sha256(note.guid.encode()).hexdigest()[:12]
        return imported.unique_id(f"anki {digest}"), f"card-anki-{digest}"
    return imported.unique_id(hint), f"card {hint}"


def _add_basic(imported: Imported, note: AnkiNote, front: _Field, back: _Field, tags: list[str]) -> None:
    ids = _ids(imported, note, front.plain.strip())
    add_recall_card(
        imported, note.line, Side(front.plain, front.shown), Side(back.plain, back.shown), tags, ids
    )


def _add_cloze(imported: Imported, note: AnkiNote, fields: list[_Field], tags: list[str], html: bool) -> None:
    """Each deletion a blank, in order: Anki makes a card per number (c1, c2), quizapp one
    question that asks them all. A hint stays in the prompt, in brackets after its blank."""
    raw = fields[0].raw.replace(_MARK, "").replace(_MARK_END, "")
    plain = html_to_text if html else str
    blanks: list[list[str]] = []

    def blank(found: re.Match[str]) -> str:
        blanks.append([" ".join(plain(found.group(2)).split())])
        hint = plain(found.group(3) or "").strip()
        hint = f" ({escape(hint) if html else hint})" if hint else ""
        return f"{_MARK}{len(blanks)}{_MARK_END}{hint}"

    marked = CLOZE_DELETION.sub(blank, raw)
    if not all(answer for [answer] in blanks):
        imported.skip(note.line, "a cloze deletion has no answer")
        return
    # Made Markdown as a whole (a blank's marker is no markup), then each marker becomes {{n}}.
    shown = html_to_markdown(marked).markdown if html else markdown_escape(marked)
    prompt = _MARKER.sub(lambda found: "{{" + found.group(1) + "}}", shown)
    if not reads_as_blanks(prompt, len(blanks)):
        imported.skip(
            note.line,
            "its text holds a '{{n}}' of its own or a deletion inside a link, which a cloze "
            "question cannot ask: edit the note in Anki",
        )
        return
    numbers = sorted({int(found.group(1)) for found in CLOZE_DELETION.finditer(raw)})
    if len(numbers) > 1:
        cards = ", ".join(f"c{n}" for n in numbers)
        imported.note(note.line, f"Anki's cloze cards {cards} become one question with {len(blanks)} blanks")
    if any(found.group(3) for found in CLOZE_DELETION.finditer(raw)):
        imported.note(note.line, "a cloze hint is shown in brackets after its blank")
    question_id, _ = _ids(imported, note, CLOZE_DELETION.sub(lambda found: found.group(2), fields[0].plain))
    question: dict[str, Any] = {"id": question_id, "type": "cloze", "prompt": prompt, "blanks": blanks}
    question["typos"] = True
    extra = fields[1].shown.strip() if len(fields) > 1 else ""
    if extra:
        question["explanation"] = extra
    if tags:
        question["tags"] = tags
    imported.questions.append(question)
