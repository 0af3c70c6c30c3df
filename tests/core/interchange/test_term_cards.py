"""Quizlet's pairs and Anki's Basic notes become cards and questions by one rule (term_cards):
Quizlet asks for the term by its definition (a card and a question), Anki asks its front with the
back accepted (a question alone, whose flashcard is the note's one card)."""

from __future__ import annotations

import pytest

from quizapp.core.decks import deck_cards
from quizapp.core.interchange.quizlet import read_quizlet
from quizapp.core.interchange.term_cards import MAX_TYPED_BACK
from quizapp.core.interchange.term_lists import read_anki_text
from quizapp.core.text_matching import matches_any, read_entry
from tests.core.interchange.samples import bank_of


@pytest.mark.parametrize(
    ("term", "definition", "accepted"),
    [
        ("*args", "any positional arguments", "\\*args"),  # a literal "*", never a pattern
        ("**kwargs", "any keyword arguments", "\\*\\*kwargs"),
        ("a\\*b", "a backslash before a star", "a\\\\\\*b"),  # each kept: backslash, then "*"
        ("__init__", "1999. the # of troops", "__init__"),
        ("C:\\new", "a path", "C:\\new"),  # a backslash before a letter is itself
        ("Pristina", "the capital", "Pristina"),
    ],
)
def test_quizlet_and_anki_accept_an_answer_by_the_same_rule(term, definition, accepted):
    """Quizlet's term is typed for its definition; Anki's back for its front: the same text as
    the answer makes the same accepted entry, and the same flashcard (Quizlet's own card; for
    Anki the question's, the note's only one)."""
    from_quizlet = read_quizlet(f"{term}\t{definition}\n")
    from_anki = read_anki_text(f"#separator:tab\n#html:false\n{definition}\t{term}\n")
    [quizlet_card] = from_quizlet.cards
    assert from_anki.cards == []  # the question is the note's card
    [quizlet_question], [anki_question] = from_quizlet.questions, from_anki.questions
    assert quizlet_question["accept"] == anki_question["accept"] == [accepted]
    assert quizlet_question["prompt"] == f"Which term is meant: {quizlet_card['definition']}"
    assert anki_question["prompt"] == quizlet_card["definition"]  # the front, as Anki asks it
    [anki_flashcard] = deck_cards(bank_of(from_anki))
    assert anki_flashcard.key == f"q:{anki_question['id']}"
    assert (anki_flashcard.front, anki_flashcard.back) == (quizlet_card["definition"], quizlet_card["term"])
    entry = read_entry(accepted)
    assert not entry.pattern and entry.text == term  # accepted, and shown, as written
    assert not from_quizlet.notes and not from_anki.notes  # nothing changed


LONG = "NATO's air campaign ended it after 78 days, and Serbia's forces left"
AT_MOST = "x" * (MAX_TYPED_BACK - 6) + " words"  # exactly the longest typed back


@pytest.mark.parametrize(
    ("html", "front", "back", "prompt", "accepted", "card", "note"),
    [
        # a short back: asked by its front, the back's text accepted; the question's flashcard
        # shows the front and the back's text
        (
            True,
            "Capital of <b>Kosovo</b>?",
            "Pristina",
            "Capital of **Kosovo**?",
            "Pristina",
            ("Capital of **Kosovo**?", "Pristina"),
            None,
        ),
        (True, "Capital?", "<div>Pristina</div>", "Capital?", "Pristina", ("Capital?", "Pristina"), None),
        # the back's text, not its HTML: its italics are not kept
        (True, "Year?", "<i>1999</i> &amp; after", "Year?", "1999 & after", ("Year?", "1999 & after"), None),
        (
            False,
            "# of troops",
            "5,000 *exactly*",
            "\\# of troops",
            "5,000 \\*exactly\\*",
            ("\\# of troops", "5,000 \\*exactly\\*"),
            None,
        ),
        (False, "Longest", AT_MOST, "Longest", AT_MOST, ("Longest", AT_MOST), None),
        # several lines or too long: a flashcard only, front and back, reported with its line
        (
            True,
            "Capital of <b>Kosovo</b>",
            "Pristina<br>(also spelled Prishtina)",
            None,
            None,
            ("Capital of **Kosovo**", "Pristina\\\n(also spelled Prishtina)"),
            "several lines",
        ),
        (
            True,
            "Capital",
            "<div>Pristina</div><div>Prishtina</div>",
            None,
            None,
            ("Capital", "Pristina\\\nPrishtina"),
            "several lines",
        ),
        (
            True,
            "Capital",
            "<p>Pristina</p><p>Prishtina</p>",
            None,
            None,
            ("Capital", "Pristina\n\nPrishtina"),
            "several lines",
        ),
        (
            False,
            "Capital",
            "Pristina\nPrishtina",  # a quoted field
            None,
            None,
            ("Capital", "Pristina\\\nPrishtina"),
            "several lines",
        ),
        (
            True,
            "How did the war end?",
            LONG,
            None,
            None,
            ("How did the war end?", LONG),
            f"({len(LONG)} characters, more than 60)",
        ),
        (False, "Longer", AT_MOST + "s", None, None, ("Longer", AT_MOST + "s"), "more than 60"),
        (
            True,
            "Stars",
            "***",
            None,
            None,
            ("Stars", "\\*\\*\\*"),
            "the back '***' has no letters or digits to type",
        ),
    ],
)
def test_an_anki_basic_note_asks_its_front_when_its_back_can_be_typed(
    html, front, back, prompt, accepted, card, note
):
    """One card per note, as in Anki: a question when the back can be typed (its flashcard the
    question's), else a flashcard of the front and back alone."""
    quoted = '"' + back.replace('"', '""') + '"'
    imported = read_anki_text(
        f"#separator:tab\n#html:{str(html).lower()}\n#deck:Geo\n{front}\t{quoted}\tgeo\n"
    )
    assert not imported.skipped
    if prompt is None:
        assert imported.questions == []
        [flashcard] = imported.cards
        assert flashcard["tags"] == ["Geo"] and flashcard["id"].startswith("card-")
        assert (flashcard["term"], flashcard["definition"]) == card
        changed, needed = imported.notes  # the deck's one note has no question: the report says so
        assert changed.line == 4 and note in changed.text
        assert needed.line == 1 and "a bank needs at least one question" in needed.text
        assert "flashcard only" in changed.text or "a card, no question" in changed.text
        return
    assert imported.cards == []  # the question is the note's one card
    [question] = imported.questions
    assert (question["type"], question["prompt"], question["typos"]) == ("short", prompt, True)
    assert question["accept"] == [accepted] and question["tags"] == ["Geo"]
    [flashcard] = deck_cards(bank_of(imported))
    assert flashcard.key == f"q:{question['id']}" and (flashcard.front, flashcard.back) == card
    assert matches_any(tuple(question["accept"]), read_entry(accepted).text, typos=True)
    assert not imported.notes


def test_the_deck_is_the_first_tag_of_a_note():
    """GIFT's export files a question under its first tag (Moodle's category): the deck."""
    text = (
        "#separator:tab\n#html:false\n#deck:Kosovo::History\n#tags column:3\n"
        'When?\t1999\twar kosovo\nWhy?\t"it began\nit went on"\twar\n'
    )
    imported = read_anki_text(text)
    [question], [card] = imported.questions, imported.cards  # a question, and a flashcard only
    assert (question["prompt"], card["term"]) == ("When?", "Why?")
    assert question["tags"] == ["Kosovo::History", "war", "kosovo"]
    assert card["tags"] == ["Kosovo::History", "war"]
