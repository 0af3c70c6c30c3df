"""Quizlet's pairs and Anki's Basic notes become cards and questions by one rule (term_cards)."""

from __future__ import annotations

import pytest

from quizapp.core.interchange.quizlet import read_quizlet
from quizapp.core.interchange.term_cards import LITERAL_STAR
from quizapp.core.interchange.term_lists import read_anki_text


@pytest.mark.parametrize(
    ("term", "definition"),
    [
        ("*args", "any positional arguments"),
        ("__init__", "1999. the # of troops"),
        ("Pristina", "the capital"),
    ],
)
def test_quizlet_and_anki_make_the_same_card_and_question_of_a_pair(term, definition):
    from_quizlet = read_quizlet(f"{term}\t{definition}\n")
    from_anki = read_anki_text(f"#separator:tab\n#html:false\n{term}\t{definition}\n")
    for imported in (from_quizlet, from_anki):
        [card] = imported.cards
        [question] = imported.questions
        assert {key: card[key] for key in ("term", "definition")} == {
            key: from_quizlet.cards[0][key] for key in ("term", "definition")
        }
        assert question["accept"] == [term.replace("*", LITERAL_STAR)]  # never a pattern
        assert question["prompt"] == from_quizlet.questions[0]["prompt"]
    assert ("*" in term) == any("accepted as written" in str(note) for note in from_anki.notes)
