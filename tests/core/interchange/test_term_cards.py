"""Quizlet's pairs and Anki's Basic notes become cards and questions by one rule (term_cards):
Quizlet asks for the term by its definition, Anki asks its front with the back accepted."""

from __future__ import annotations

import pytest

from quizapp.core.interchange.quizlet import read_quizlet
from quizapp.core.interchange.term_cards import MAX_TYPED_BACK
from quizapp.core.interchange.term_lists import read_anki_text
from quizapp.core.text_matching import matches_any, read_entry


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
    the answer makes the same accepted entry, and the same card."""
    from_quizlet = read_quizlet(f"{term}\t{definition}\n")
    from_anki = read_anki_text(f"#separator:tab\n#html:false\n{definition}\t{term}\n")
    [quizlet_card], [anki_card] = from_quizlet.cards, from_anki.cards
    assert (anki_card["term"], anki_card["definition"]) == (quizlet_card["definition"], quizlet_card["term"])
    [quizlet_question], [anki_question] = from_quizlet.questions, from_anki.questions
    assert quizlet_question["accept"] == anki_question["accept"] == [accepted]
    assert quizlet_question["prompt"] == f"Which term is meant: {quizlet_card['definition']}"
    assert anki_question["prompt"] == anki_card["term"]  # the front, as Anki asks it
    entry = read_entry(accepted)
    assert not entry.pattern and entry.text == term  # accepted, and shown, as written
    assert not from_quizlet.notes and not from_anki.notes  # nothing changed


LONG = "NATO's air campaign ended it after 78 days, and Serbia's forces left"
AT_MOST = "x" * (MAX_TYPED_BACK - 6) + " words"  # exactly the longest typed back


@pytest.mark.parametrize(
    ("html", "front", "back", "prompt", "accepted", "note"),
    [
        # a short back: asked by its front, the back's text accepted
        (True, "Capital of <b>Kosovo</b>?", "Pristina", "Capital of **Kosovo**?", "Pristina", None),
        (True, "Capital?", "<div>Pristina</div>", "Capital?", "Pristina", None),  # one <div>: one line
        (True, "Year?", "<i>1999</i> &amp; after", "Year?", "1999 & after", None),
        (False, "# of troops", "5,000 *exactly*", "\\# of troops", "5,000 \\*exactly\\*", None),
        (False, "Longest", AT_MOST, "Longest", AT_MOST, None),
        # several lines or too long: a flashcard only, reported with its line
        (
            True,
            "Capital of <b>Kosovo</b>",
            "Pristina<br>(also spelled Prishtina)",
            None,
            None,
            "several lines",
        ),
        (True, "Capital", "<div>Pristina</div><div>Prishtina</div>", None, None, "several lines"),
        (True, "Capital", "<p>Pristina</p><p>Prishtina</p>", None, None, "several lines"),
        (False, "Capital", "Pristina\nPrishtina", None, None, "several lines"),  # a quoted field
        (True, "How did the war end?", LONG, None, None, f"({len(LONG)} characters, more than 60)"),
        (False, "Longer", AT_MOST + "s", None, None, "more than 60"),
        (True, "Stars", "***", None, None, "the back '***' has no letters or digits to type"),
    ],
)
def test_an_anki_basic_note_asks_its_front_when_its_back_can_be_typed(
    html, front, back, prompt, accepted, note
):
    quoted = '"' + back.replace('"', '""') + '"'
    imported = read_anki_text(
        f"#separator:tab\n#html:{str(html).lower()}\n#deck:Geo\n{front}\t{quoted}\tgeo\n"
    )
    [card] = imported.cards  # always a card, front and back
    assert card["tags"] == ["Geo"] and card["id"].startswith("card-")
    assert not imported.skipped
    if prompt is None:
        assert imported.questions == []
        [changed] = imported.notes
        assert changed.line == 4 and note in changed.text
        assert "flashcard only" in changed.text or "a card, no question" in changed.text
        return
    [question] = imported.questions
    assert (question["type"], question["prompt"], question["typos"]) == ("short", prompt, True)
    assert question["accept"] == [accepted] and question["tags"] == ["Geo"]
    assert card["term"] == prompt
    assert matches_any(tuple(question["accept"]), read_entry(accepted).text, typos=True)
    assert not imported.notes


def test_the_deck_is_the_first_tag_of_a_note():
    """GIFT's export files a question under its first tag (Moodle's category): the deck."""
    text = "#separator:tab\n#html:false\n#deck:Kosovo::History\n#tags column:3\nWhen?\t1999\twar kosovo\n"
    imported = read_anki_text(text)
    assert imported.questions[0]["tags"] == imported.cards[0]["tags"] == ["Kosovo::History", "war", "kosovo"]
