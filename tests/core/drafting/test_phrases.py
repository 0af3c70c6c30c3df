"""Phrase questions (phrases.py) on invented sentences: each answer a span of its sentence."""

from __future__ import annotations

from quizapp.core.drafting import DraftedQuestion, DraftKind, draft_questions, read_article

ARTICLE = """Harbour Festival Opens

By Test Wire

Norland has sent a rescue team to Chile to help after the storm.

A concert was held on May 4 at the old fish market in the capital, Vesta, in the presence of local mayors and foreign diplomats.

The bridge, known as the Iron Span, was built in 1901. Its name was changed to harbour gate in 1950.

The region recovered from a long war between mountain clans and government troops that ended in 1921.

The city began a 12-week cleaning campaign to clear the canals and plant new trees.

“We are not only hosting visitors, we are also training them,” said Mayor Ida Brandt.

The Harbour Party won 31% of the vote. Its leader, Olav Lindqvist, thanked voters.

The 40-member town band was turned into a city orchestra last year, although it kept its name.

“It is deeply moving because the harbour was empty for years,” said Deputy Mayor Kari Holm.

Deputy Mayor Kari Holm and Police Chief Tor Dahl said the festival would run for a week.
"""


def _drafts() -> list[DraftedQuestion]:
    return list(draft_questions(read_article(ARTICLE)).questions)


def _by_answer(answer: str, kind: DraftKind | None = None) -> DraftedQuestion:
    found = [q for q in _drafts() if answer in q.answers and kind in {None, q.kind}]
    assert found, answer
    return found[0]


def test_object_sent_somewhere_is_asked_as_a_short_question() -> None:
    asked = _by_answer("a rescue team")
    assert asked.kind is DraftKind.SHORT
    assert asked.fields["prompt"] == "According to the article: What has Norland sent to Chile?"
    assert asked.fields["accept"] == ["a rescue team", "rescue team"]


def test_where_an_event_was_held_keeps_the_apposed_name() -> None:
    asked = _by_answer("at the old fish market in the capital, Vesta")
    assert asked.fields["prompt"] == "According to the article: Where was the concert held?"


def test_list_items_are_blanked_one_a_draft() -> None:
    # Both blanked at once, either item would fit either blank: each item is its own cloze.
    mayors = _by_answer("local mayors")
    assert mayors.kind is DraftKind.CLOZE
    assert mayors.answers == ("local mayors",)
    assert "in the presence of {{1}} and foreign diplomats." in mayors.fields["prompt"]
    diplomats = _by_answer("foreign diplomats")
    assert diplomats.answers == ("foreign diplomats",)
    assert "in the presence of local mayors and {{1}}." in diplomats.fields["prompt"]


def test_names_a_thing_is_known_by_or_changed_to() -> None:
    changed = _by_answer("harbour gate")
    assert changed.fields["prompt"].startswith(
        "The bridge, known as the Iron Span, was built in 1901. Its name"
    )
    assert "known as {{1}}, was built" in _by_answer("the Iron Span").fields["prompt"]


def test_sides_of_a_war() -> None:
    asked = _by_answer("mountain clans and government troops")
    assert asked.fields["prompt"] == "According to the article, who fought the long war?"


def test_aims_split_at_and_either_accepted() -> None:
    asked = _by_answer("to clear the canals")
    assert asked.answers == ("to clear the canals", "to plant new trees")
    assert "meant to do?" in asked.fields["prompt"]
    assert "plant new trees" in asked.fields["accept"]


def test_contrasting_word_of_a_quotation() -> None:
    asked = _by_answer("training")
    assert asked.kind is DraftKind.CLOZE
    assert "we are also {{1}} them" in asked.fields["prompt"]


def test_role_in_an_apposition_asked_by_the_organisation_before() -> None:
    asked = _by_answer("Olav Lindqvist", DraftKind.CHOICE)
    assert asked.fields["prompt"] == "According to the article, who is the leader of the Harbour Party?"
    assert "Olav Lindqvist" in asked.fields["choices"]
    assert (
        asked.fields["source"]
        == "The Harbour Party won 31% of the vote. Its leader, Olav Lindqvist, thanked voters."
    )


def test_nothing_drafted_from_a_phrase_without_its_shape() -> None:
    answers = {a for q in _drafts() for a in q.answers}
    assert "the storm" not in answers
    assert not any(a.startswith("to help") for a in answers)


def test_what_a_thing_was_turned_into() -> None:
    asked = _by_answer("It was turned into a city orchestra.")
    assert (
        asked.fields["prompt"]
        == "According to the article: What happened to the 40-member town band last year?"
    )


def test_how_a_speaker_describes_it() -> None:
    asked = _by_answer("as deeply moving")
    assert asked.fields["prompt"].startswith("According to the article: How did Kari Holm describe it,")
    assert asked.fields["accept"] == ["as deeply moving", "deeply moving"]
