"""Drafts that would give each other away in one test share a group (drafts.py ``_grouped``)."""

from __future__ import annotations

from collections import defaultdict

from quizapp.core.drafting import DraftKind, draft_questions, read_article
from tests.core.drafting.test_loads import INVENTED


def _first_quote(fields: dict[str, object]) -> str:
    source = fields["source"]
    return source if isinstance(source, str) else str(source[0])  # type: ignore[index]


def test_drafts_quoting_one_sentence_share_a_group():
    draft = draft_questions(read_article(INVENTED))
    by_quote: dict[str, set[object]] = defaultdict(set)
    for question in draft.questions:
        by_quote[_first_quote(question.fields)].add(question.fields.get("group"))
    for quote, groups in by_quote.items():
        assert len(groups) == 1, (quote, groups)  # one group (or none) a sentence
    quoted_twice = [
        quote for quote in by_quote if sum(_first_quote(q.fields) == quote for q in draft.questions) > 1
    ]
    assert quoted_twice  # the invented article has sentences asked more than once
    for quote in quoted_twice:
        assert None not in by_quote[quote]


def test_the_same_answer_asked_twice_is_one_group_and_lone_drafts_have_none():
    draft = draft_questions(read_article(INVENTED))
    by_answer: dict[tuple[str, ...], set[object]] = defaultdict(set)
    for question in draft.questions:
        if question.kind is not DraftKind.TRUE_FALSE:
            by_answer[tuple(sorted(a.lower() for a in question.answers))].add(question.fields.get("group"))
    assert all(len(groups) == 1 for groups in by_answer.values())
    groups = [q.fields.get("group") for q in draft.questions]
    for name in set(groups) - {None}:
        assert groups.count(name) >= 2  # a group of one would silence nothing
    names = sorted({g for g in groups if g}, key=lambda g: int(str(g).split("-")[1]))
    assert names == [f"sentence-{n}" for n in range(1, len(names) + 1)]
