"""The drafts judged by hand (benchmarks/articles/judged-drafts.yaml): 40 an article, precision
at least 90% as recorded, and each good verdict re-checked where a check is sound, from the file
alone (not from what the drafter drafts today)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

from quizapp.core.drafting import DraftedQuestion, DraftKind, draft_questions, read_article
from quizapp.core.passages import locate_quote, paragraphs
from tests.benchmarks.test_drafting_benchmark import bench

DRAFTS: list[dict[str, Any]] = bench.judged_drafts()
TEXTS: dict[str, str] = bench.article_texts()
GOOD = [d for d in DRAFTS if d["verdict"] == "good"]


def _ids(entries: list[dict[str, Any]]) -> list[str]:
    return [f"{d['article']}:{d['id']}" for d in entries]


def _plain(prompt: str) -> str:
    """A prompt as the article writes it: no Markdown escapes ("\\_" is "_", "\\*" is "*")."""
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", prompt)


def _in_article(text: str, article: str) -> bool:
    return locate_quote(paragraphs(article), text) is not None


def test_forty_judged_drafts_an_article_each_with_a_verdict() -> None:
    per_article = Counter(d["article"] for d in DRAFTS)
    drafted = {name: len(draft_questions(read_article(text)).questions) for name, text in TEXTS.items()}
    assert per_article == {name: min(40, drafted[name]) for name in TEXTS}  # all, when fewer
    assert len(set(_ids(DRAFTS))) == len(DRAFTS)
    for draft in DRAFTS:
        assert draft["verdict"] in {"good", "bad"}, draft["id"]
        assert draft["verdict"] == "good" or draft.get("reason"), (
            f"{draft['id']}: a bad verdict needs its reason"
        )
        assert draft["quotes"] and draft["key"], draft["id"]


def test_precision_per_article_meets_the_target_as_recorded() -> None:
    counts = bench.judged_precision()
    for name in TEXTS:
        good, total = counts[name]
        assert good / total >= bench.PRECISION_TARGET, name


@pytest.mark.parametrize("draft", GOOD, ids=_ids(GOOD))
def test_a_good_drafts_quotes_stand_in_its_article_and_its_key_in_its_quotes(draft: dict[str, Any]) -> None:
    article = TEXTS[draft["article"]]
    fields = {"id": draft["id"], "prompt": draft["prompt"], "source": draft["quotes"]}
    if "explanation" in draft:
        fields["explanation"] = draft["explanation"]  # a worked number: its arithmetic is re-done
    question = DraftedQuestion(DraftKind(draft["kind"]), fields, tuple(draft["key"]), (0,), 0.5)
    assert bench.recheck(question, article) == []


CLOZE = [d for d in GOOD if d["kind"] == "cloze"]


@pytest.mark.parametrize("draft", CLOZE, ids=_ids(CLOZE))
def test_a_good_cloze_filled_with_its_key_is_the_article_s_text(draft: dict[str, Any]) -> None:
    filled = _plain(draft["prompt"])
    for number, accepted in enumerate(draft["accepted"], 1):
        assert draft["key"][number - 1] in accepted
        filled = filled.replace(f"{{{{{number}}}}}", accepted[0], 1)
    if filled.startswith("In the article, "):  # a role: "X is {{1}}." — the role stands in the quote
        assert any(draft["accepted"][0][0] in quote for quote in draft["quotes"])
        return
    assert _in_article(filled, TEXTS[draft["article"]]), filled


CHOICE = [d for d in GOOD if d.get("wrong") and d["kind"] == "choice"]


@pytest.mark.parametrize("draft", CHOICE, ids=_ids(CHOICE))
def test_no_wrong_choice_stands_in_the_quote_in_the_key_s_place(draft: dict[str, Any]) -> None:
    article = TEXTS[draft["article"]]
    key = draft["key"][0]
    for quote in draft["quotes"]:
        assert key in quote or any(key in q for q in draft["quotes"])
        if key not in quote:
            continue
        for wrong in draft["wrong"]:
            assert not _in_article(quote.replace(key, wrong), article), wrong


FALSE = [d for d in GOOD if d["kind"] == "true_false" and not d["answer"]]
TRUE = [d for d in GOOD if d["kind"] == "true_false" and d["answer"]]


@pytest.mark.parametrize("draft", FALSE, ids=_ids(FALSE))
def test_a_good_false_statement_is_not_the_article_s_sentence(draft: dict[str, Any]) -> None:
    statement = _plain(draft["prompt"])
    assert not _in_article(statement, TEXTS[draft["article"]])
    assert statement != draft["quotes"][0]


@pytest.mark.parametrize("draft", TRUE, ids=_ids(TRUE))
def test_a_good_true_statement_is_the_article_s_sentence(draft: dict[str, Any]) -> None:
    assert _in_article(_plain(draft["prompt"]), TEXTS[draft["article"]])
