"""Quizlet's pairs and Anki's Basic notes become cards and questions by one rule (term_cards)."""

from __future__ import annotations

import pytest

from quizapp.core.interchange.quizlet import read_quizlet
from quizapp.core.interchange.term_lists import read_anki_text
from quizapp.core.text_matching import read_entry


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
def test_quizlet_and_anki_make_the_same_card_and_question_of_a_pair(term, definition, accepted):
    from_quizlet = read_quizlet(f"{term}\t{definition}\n")
    from_anki = read_anki_text(f"#separator:tab\n#html:false\n{term}\t{definition}\n")
    for imported in (from_quizlet, from_anki):
        [card] = imported.cards
        [question] = imported.questions
        assert {key: card[key] for key in ("term", "definition")} == {
            key: from_quizlet.cards[0][key] for key in ("term", "definition")
        }
        assert question["accept"] == [accepted]
        assert question["prompt"] == from_quizlet.questions[0]["prompt"]
        entry = read_entry(accepted)
        assert not entry.pattern and entry.text == term  # accepted, and shown, as written
        assert not imported.notes  # nothing about the term changed
