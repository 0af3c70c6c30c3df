"""The drafter's parts on small invented sentences: splitting, numbers, names, each kind."""

from __future__ import annotations

from decimal import Decimal

from quizapp.core.drafting import Draft, DraftKind, draft_questions, read_article
from quizapp.core.drafting.numbers import find_numbers
from quizapp.core.drafting.sentences import sentence_spans

ARTICLE = """Election Count Ends

By Test Wire

Voters in Norland elected Anna Berg as president on Sunday, with 54% of the vote.

Her rival, former Prime Minister Lars Holm, won 41% in the vote, the electoral commission said.

“This is a victory for every town in Norland,” Berg told supporters in the capital, Vesta.

“We will respect the result,” said Holm, who led the Green Party for 12 years.

Observers from Sweden, Finland and Denmark watched the count. Turnout was 71%, up from 2019.

Mikael Stone, a spokesman for the commission, said 2.1 million ballots were cast. The vote was held in 2014 and in 2009 as well.

Norland's government will meet on Friday.
"""


def test_sentences_respect_abbreviations_quotes_and_decimals() -> None:
    text = "Gen. Ann Lee met the U.S. Central Command. Growth was 3.5 percent. “We go. Now,” she said. Then."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Gen. Ann Lee met the U.S. Central Command.",
        "Growth was 3.5 percent.",
        "“We go. Now,” she said.",
        "Then.",
    ]


def test_numbers_with_their_units_years_and_dates() -> None:
    found = find_numbers("A 78-day campaign ended in 1999; 5,000 troops, 65% and two years ago, on March 9.")
    assert [(n.kind, n.value, n.unit) for n in found] == [
        ("number", Decimal(78), "days"),
        ("year", Decimal(1999), ""),
        ("number", Decimal(5000), "troops"),
        ("percent", Decimal(65), "%"),
        ("number", Decimal(2), "years"),
        ("date", None, ""),
    ]


def _draft() -> Draft:
    return draft_questions(read_article(ARTICLE))


def test_every_kind_is_drafted_and_ids_are_unique() -> None:
    draft = _draft()
    kinds = draft.count_by_kind()
    for kind in (
        DraftKind.NUMERIC,
        DraftKind.CLOZE,
        DraftKind.CHOICE,
        DraftKind.TRUE_FALSE,
        DraftKind.ATTRIBUTION,
    ):
        assert kinds.get(kind, 0) >= 1, kind
    ids = [q.id for q in draft.questions]
    assert len(ids) == len(set(ids))


def test_numeric_keeps_the_unit_and_hides_the_number() -> None:
    numeric = [q for q in _draft().questions if q.kind is DraftKind.NUMERIC]
    ballots = next(q for q in numeric if q.fields.get("unit") == "million ballots")
    assert ballots.fields["answer"] == 2.1  # the scale in the unit, as students write it
    assert "2.1" not in ballots.fields["prompt"]


def test_attribution_names_the_speaker_among_other_people() -> None:
    quotes = [q for q in _draft().questions if q.kind is DraftKind.ATTRIBUTION]
    by_answer = {q.fields["answer"]: q for q in quotes}
    assert "Lars Holm" in by_answer
    holm = by_answer["Lars Holm"]
    assert "We will respect the result" in holm.fields["prompt"]
    assert len(holm.fields["choices"]) >= 3 and "Anna Berg" in holm.fields["choices"]


def test_distractors_are_never_in_the_sentence_asked() -> None:
    for question in _draft().questions:
        if question.kind is DraftKind.CHOICE:
            source = str(question.fields["source"])
            wrong = [c for c in question.fields["choices"] if c != question.fields["answer"]]
            assert question.fields["answer"] in question.answers
            assert not any(choice in source for choice in wrong), question.fields


def test_false_statements_swap_one_thing_and_quote_the_real_sentence() -> None:
    false = [q for q in _draft().questions if q.kind is DraftKind.TRUE_FALSE and q.fields["answer"] is False]
    assert false
    for question in false:
        assert question.fields["prompt"] != question.fields["source"]
        assert str(question.fields["source"]) in question.fields["explanation"]


def test_roles_from_titles_and_appositions() -> None:
    answers = {a for q in _draft().questions for a in q.answers}
    assert "former Prime Minister" in answers
    assert "a spokesman for the commission" in answers
