"""A quiz's report for one class: score distribution, item analysis, and the article heatmap."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from quizapp import core
from quizapp.core import charts
from quizapp.core.attempts import is_test_score
from quizapp.core.passages import find_passages, paragraphs, questions_per_paragraph
from quizapp.core.question_types import question_type
from quizapp.core.scoring import score_question
from quizapp.core.statistics import (
    AttemptResult,
    ItemResult,
    ItemStats,
    distribution,
    item_analysis,
    miss_rate,
)
from quizapp.db.account_store import Account
from quizapp.services.attempts import AttemptState, questions_of, score_of


@dataclass(frozen=True, slots=True)
class ItemRow:
    question: core.Question
    stats: ItemStats
    choices: tuple[tuple[str, int, bool], ...]  # (choice text, times picked, correct) for choice questions


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    missed: float | None  # share of points missed on the questions quoting it; None: no answers
    answers: int
    questions: int

    @property
    def level(self) -> int:
        """0 (no answers) to 5 (most missed): a CSS class picks the shade."""
        if self.missed is None:
            return 0
        return 1 + min(4, int(self.missed * 5))


@dataclass(frozen=True, slots=True)
class Report:
    attempts: int
    mean: float | None
    histogram: charts.ColumnChart
    bins: tuple[tuple[str, int], ...]
    items: tuple[ItemRow, ...]
    heatmap: tuple[Paragraph, ...]


def _result(
    attempt: AttemptState, seen: dict[str, core.Question]
) -> tuple[AttemptResult, list[tuple[core.Question, Fraction]]]:
    items = []
    answered = []
    for question in questions_of(attempt):
        seen.setdefault(question.id, question)
        response = attempt.responses.get(question.id)
        scored = score_question(question, response)
        fraction = scored.check.fraction
        chosen = question_type(question.type).picked(question.answer, response) if response else ()
        items.append(ItemResult(question.id, fraction, scored.points, chosen))
        if response is not None:
            answered.append((question, fraction))
    return AttemptResult(tuple(items)), answered


def quiz_report(bank: core.Bank, students: Sequence[Account], attempts: Sequence[AttemptState]) -> Report:
    """From the class's submitted tests of ``bank``."""
    ids = {s.id for s in students}
    tests = [a for a in attempts if is_test_score(a.mode, a.submitted) and a.user_id in ids]
    results, answered, percents = [], [], []
    seen: dict[str, core.Question] = {}
    for attempt in tests:
        result, answers = _result(attempt, seen)
        results.append(result)
        answered.extend(answers)
        percents.append(float(score_of(attempt).percent))
    by_id = {q.id: q for q in bank.questions}
    order = [q.id for q in bank.questions] + [q for q in seen if q not in by_id]  # removed ones last
    by_id = {**seen, **by_id}
    asked = {item.question_id for result in results for item in result.items}
    rows = []
    for stats in item_analysis(results, [q for q in order if q in asked]):
        question = by_id[stats.question_id]
        tallied = question_type(question.type).tallied_choices(question.answer)
        choices = tuple((c.text, stats.choices.get(c.id, 0), c.correct) for c in tallied)
        rows.append(ItemRow(question, stats, choices))
    spread = score_distribution(percents)
    return Report(
        attempts=len(tests),
        mean=spread.mean,
        histogram=spread.histogram,
        bins=spread.bins,
        items=tuple(rows),
        heatmap=_heatmap(bank, answered),
    )


@dataclass(frozen=True, slots=True)
class Distribution:
    """Scores in ten ranges of ten percent: the chart, its numbers as a table, and their mean."""

    mean: float | None
    histogram: charts.ColumnChart
    bins: tuple[tuple[str, int], ...]


def score_distribution(percents: Sequence[float]) -> Distribution:
    """How the percentages spread (the quiz report's and the assignment page's chart)."""
    counts = distribution(percents)
    labels = [f"{n * 10}–{n * 10 + 9 if n < 9 else 100}%" for n in range(10)]
    return Distribution(
        mean=sum(percents) / len(percents) if percents else None,
        histogram=charts.column_chart(labels, counts),
        bins=tuple(zip(labels, counts, strict=True)),
    )


def _heatmap(bank: core.Bank, answered: Sequence[tuple[core.Question, Fraction]]) -> tuple[Paragraph, ...]:
    """Each paragraph of the source with how much the questions quoting it were missed: a
    question with quotes in several paragraphs counts in each of them."""
    if not bank.source_text:
        return ()
    where = {
        question.id: [
            passage.paragraph for passage in find_passages(bank.source_text, question.source_quotes)
        ]
        for question in bank.questions
    }
    fractions: dict[int, list[Fraction]] = {}
    for question, fraction in answered:
        for paragraph in where.get(question.id, ()):
            fractions.setdefault(paragraph, []).append(fraction)
    quoted = questions_per_paragraph(
        bank.source_text, (question.source_quotes for question in bank.questions)
    )
    return tuple(
        Paragraph(text, miss_rate(fractions.get(index, [])), len(fractions.get(index, [])), quoted[index])
        for index, text in enumerate(paragraphs(bank.source_text))
    )
