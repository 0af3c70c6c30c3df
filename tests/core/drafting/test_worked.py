"""Numbers worked out from stated ones (worked.py), on invented sentences."""

from __future__ import annotations

from quizapp.core.drafting import DraftedQuestion, DraftKind, draft_questions, read_article

ARTICLE = """Island Guard Grows

By Test Wire

The island's guard is expected to have 900 sailors and 300 volunteers. Rescue crews used 12 boats and four planes.

A long strike at the port ended in 1984. The island won home rule in 1990.

“It’s a proud day because 30 years after the strike, we are still here,” said Mayor Lena Ask.

The harbour was rebuilt three years ago, officials said.
"""


def _worked() -> dict[str, DraftedQuestion]:
    drafts = draft_questions(read_article(ARTICLE)).questions
    return {q.id: q for q in drafts if q.kind is DraftKind.NUMERIC}


def test_sum_of_two_counts_of_people_stated_together() -> None:
    asked = _worked()["numeric-sum-sailors-volunteers"]
    assert asked.fields["answer"] == 1200
    assert "unit" not in asked.fields
    assert "How many sailors and volunteers is that in all?" in asked.fields["prompt"]
    assert "900 + 300 = 1,200" in asked.fields["explanation"]
    assert "numeric-sum-boats-planes" not in _worked()


def test_years_between_neighbouring_sentences() -> None:
    asked = _worked()["numeric-years-1984-1990"]
    assert (asked.fields["answer"], asked.fields["unit"]) == (6, "years")
    assert asked.fields["source"] == [
        "A long strike at the port ended in 1984.",
        "The island won home rule in 1990.",
    ]


def test_year_after_a_dated_event_and_years_ago_from_that_present() -> None:
    after = _worked()["numeric-year-after-strike"]
    assert after.fields["answer"] == 2014
    assert "1984 + 30 = 2014" in after.fields["explanation"]
    ago = _worked()["numeric-year-ago-2011"]
    assert ago.fields["answer"] == 2011
    assert "2014 − 3 = 2011" in ago.fields["explanation"]
