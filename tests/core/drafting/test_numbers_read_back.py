"""The drafter reads an article's numbers (``core/drafting/numbers.py``) beside the students'
reader of typed numbers (``core/number_parsing.number_readings``): every number it reads in the
benchmark articles must be read by the students' reader as the same value, so that a student
who types a drafted numeric question's answer, as the key shows it or as the article writes it,
is marked right."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from quizapp.core.bank_loader import load_bank_bytes
from quizapp.core.checkers import accept_new_response
from quizapp.core.drafting import DraftKind, draft_questions, read_article
from quizapp.core.drafting.bank_text import drafted_bank_text
from quizapp.core.drafting.lexicon import CURRENCY, SCALES
from quizapp.core.drafting.numbers import find_numbers
from quizapp.core.number_parsing import CURRENCY_SIGNS, number_readings
from quizapp.core.question_types import question_type

ARTICLES = sorted((Path(__file__).resolve().parents[3] / "benchmarks" / "articles").glob("*.txt"))


def _article(path: Path):
    return read_article(path.read_text(encoding="utf-8"))


def test_the_benchmark_articles_are_there() -> None:
    assert len(ARTICLES) >= 4


def test_both_readers_know_the_same_currency_signs() -> None:
    assert set(CURRENCY) == set(CURRENCY_SIGNS)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.stem)
def test_every_number_the_drafter_reads_is_read_alike_by_the_students_reader(path: Path) -> None:
    """A scaled amount ("150 million") is asked with its scale in the unit (150 "million euros"),
    so its digits are what a student types."""
    read = 0
    for paragraph in _article(path).text.split("\n"):
        for number in find_numbers(paragraph):
            if number.value is None:
                continue  # a date: asked as a date, not typed as a number
            digits, _, scale = number.number_text.partition(" ")
            if scale.lower() in SCALES:
                assert [value * SCALES[scale.lower()] for value in number_readings(digits)] == [
                    number.value
                ], number.text
            else:
                assert number.value in number_readings(number.number_text), number.text
            read += 1
    assert read >= 10


def _drafted_numeric(path: Path):
    article = _article(path)
    drafts = [q for q in draft_questions(article).questions if q.kind is DraftKind.NUMERIC]
    text = drafted_bank_text(
        article,
        drafts,
        bank_slug="drafted",
        title="Drafted",
        source_path="drafted.txt",
        drafted_from="a test",
        drafted_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    result = load_bank_bytes(text.encode(), "drafted.yaml", "drafted", lambda _path: article.text)
    assert result.bank is not None, result.problems[:3]
    written = {question.id: question for question in result.bank.written_questions()}
    return [(drafted, written[drafted.id]) for drafted in drafts]


def _as_the_article_writes_it(drafted, question) -> list[str]:
    """The number the question hides, as its source sentence writes it (a worked-out number,
    a sum or a span of years, is in no sentence)."""
    spec = question.answer
    scale = spec.unit.split(" ")[0].lower() if spec.unit else ""
    wanted = {spec.value, spec.value * SCALES[scale]} if scale in SCALES else {spec.value}
    quotes = drafted.fields["source"]
    return [
        number.number_text
        for quote in (quotes if isinstance(quotes, list) else [quotes])
        for number in find_numbers(quote)
        if number.value in wanted
    ]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.stem)
def test_a_student_typing_a_drafted_answer_is_marked_right(path: Path) -> None:
    numeric = question_type("numeric")
    asked = _drafted_numeric(path)
    assert asked
    written_as_in_the_article = 0
    for drafted, question in asked:
        typed = [numeric.answer_text(question.answer), str(drafted.fields["answer"])]
        in_article = _as_the_article_writes_it(drafted, question)
        written_as_in_the_article += bool(in_article)
        for text in typed + in_article:
            _, check = accept_new_response(question, text)
            assert check.correct, (drafted.id, text)
    assert written_as_in_the_article >= len(asked) // 2
