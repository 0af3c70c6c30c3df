"""The progress dashboards: a student's, and a class's, assembled from the stores and the core.

A dashboard makes a fixed number of queries whatever the amount of data: all the student's
cards in one, attempts and answers in two, study days in one (tests count them).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

from quizapp import core
from quizapp.core import charts
from quizapp.core.attempts import is_test_score
from quizapp.core.decks import deck_cards
from quizapp.core.disclosure import Path
from quizapp.core.learn import QuestionMemory
from quizapp.core.local_time import local_day
from quizapp.core.progress import (
    MIN_ANSWERS_TO_RANK,
    Accuracy,
    accuracy_by,
    due_forecast,
    most_missed,
    share,
    study_streak,
    weakest,
)
from quizapp.core.scheduling import MASTERED_STABILITY_DAYS, Grade, retrievability_at
from quizapp.core.scoring import stored_check
from quizapp.db import study_store
from quizapp.db.account_store import Account
from quizapp.services import answer_disclosure, assignments, study
from quizapp.services import attempts as attempt_service
from quizapp.services.attempts import AttemptState

STREAK_DAYS_READ = 400  # a longer streak shows as 400 days: one query reads no more


@dataclass(frozen=True, slots=True)
class BankProgress:
    bank: core.Bank
    tests: int
    best: Fraction | None
    last: Fraction | None
    accuracy: Accuracy
    mastered: int
    deck_size: int
    weakest: tuple[core.Question, ...]
    score_chart: charts.LineChart | None
    scores: tuple[tuple[datetime, Fraction], ...]

    @property
    def mastered_share(self) -> Fraction:
        return share(self.mastered, self.deck_size)


@dataclass(frozen=True, slots=True)
class Dashboard:
    """A student's progress. Days are the reader's (the zone given): "due today" is overdue
    cards and those due before the reader's midnight, the first column of ``forecast``; the
    headline and the chart say the same number."""

    student: Account
    due_week: int  # due today or on the 6 days after it
    streak: int
    banks: tuple[BankProgress, ...]
    topics: dict[str, Accuracy]
    forecast: tuple[int, ...]
    forecast_chart: charts.ColumnChart
    topic_chart: charts.BarList
    forecast_labels: tuple[str, ...] = field(default=())

    @property
    def due_today(self) -> int:
        return self.forecast[0]


def _answer_results(attempts: Sequence[AttemptState]) -> list[tuple[str, core.Question, Fraction]]:
    """Every answered question of the submitted attempts: (bank, question, share of points earned)."""
    results = []
    for attempt in attempts:
        if not attempt.submitted:
            continue
        for question in attempt_service.questions_of(attempt):
            if question.id not in attempt.responses:
                continue
            fraction = stored_check(question, attempt.responses[question.id]).fraction
            results.append((attempt.bank_slug, question, fraction))
    return results


def _accuracy(fractions: Sequence[Fraction]) -> Accuracy:
    return Accuracy(sum(fractions, Fraction(0)), len(fractions))


def student_dashboard(student: Account, now: datetime, zone: ZoneInfo) -> Dashboard:
    """The student's progress as a reader in ``zone`` counts days (streak, due today, dates)."""
    cards = study_store.card_summaries([student.id])
    attempts = attempt_service.attempts_of(student.id, now)
    today = local_day(now, zone)
    days = study_store.study_days(student.id, now - timedelta(days=STREAK_DAYS_READ), zone)
    # the banks the student may open (before an assignment opens: nothing of it but when)
    visible = [
        (bank, allowed)
        for bank, allowed in assignments.visible_banks(student, now, attempts)
        if allowed.opened
    ]
    catalog = [bank for bank, _ in visible]
    # Weakest questions and topic accuracy tell which answers were right: only from banks that
    # show it now (the disclosure rule). Cards count only where flashcards are allowed.
    open_tests = answer_disclosure.tests_in_progress(attempts)
    secret = {
        bank.slug
        for bank in catalog
        if not answer_disclosure.for_bank(Path.PROGRESS, student, bank, now, open_tests).correctness
    }
    studyable = {bank.slug for bank in study.flashcard_banks(student, visible, now, open_tests)}
    # a test under an assignment that keeps its answers back (never, or until the due time)
    # tells nothing of them, even here
    results = _answer_results([a for a in attempts if not answer_disclosure.held_back(a, now)])
    banks = []
    for bank in catalog:
        mine = [c for c in cards if c.bank_slug == bank.slug]
        tests = [a for a in attempts if a.bank_slug == bank.slug and is_test_score(a.mode, a.submitted)]
        scored = [(a.started_at, attempt_service.score_of(a).percent) for a in reversed(tests)]
        deck = {card.key for card in deck_cards(bank)} if bank.slug in studyable else set()
        memory = {
            c.key[2:]: QuestionMemory(
                retrievability_at(c.stability, c.last_review, now), c.lapses, c.last_rating == Grade.AGAIN
            )
            for c in mine
            if c.key.startswith("q:") and not c.key.endswith(":reverse")
        }
        by_id = {q.id: q for q in bank.questions}
        line = charts.percent_line(
            [f"{local_day(at, zone):%b %d}" for at, _ in scored], [float(p) for _, p in scored]
        )
        banks.append(
            BankProgress(
                bank=bank,
                tests=len(tests),
                best=max((p for _, p in scored), default=None),
                last=scored[-1][1] if scored else None,
                accuracy=_accuracy([f for slug, _, f in results if slug == bank.slug]),
                mastered=sum(
                    1 for c in mine if c.key in deck and (c.stability or 0) >= MASTERED_STABILITY_DAYS
                ),
                deck_size=len(deck),
                weakest=() if bank.slug in secret else tuple(by_id[q] for q in weakest(memory, by_id)),
                score_chart=line if scored else None,
                scores=tuple(scored),
            )
        )
    topics = accuracy_by(
        (question.tags, fraction) for slug, question, fraction in results if slug not in secret
    )
    cards = [c for c in cards if c.bank_slug in studyable]
    forecast = due_forecast([c.due for c in cards], now, zone)
    labels = tuple(
        "today" if n == 0 else f"{(today + timedelta(days=n)):%b %d}" for n in range(len(forecast))
    )
    return Dashboard(
        student=student,
        due_week=sum(forecast[:7]),
        streak=study_streak(days, today),
        banks=tuple(banks),
        topics=topics,
        forecast=tuple(forecast),
        forecast_chart=charts.column_chart(labels, forecast),
        topic_chart=charts.share_bars(list(topics), [float(a.share) for a in topics.values()]),
        forecast_labels=labels,
    )


@dataclass(frozen=True, slots=True)
class MissedQuestion:
    bank: core.Bank
    question: core.Question
    answers: int
    missed: Fraction  # share of the points not earned


@dataclass(frozen=True, slots=True)
class ClassProgress:
    """A class's weak spots. Mastery is a flashcard measure (a card recalled for weeks to come),
    so it stays 0% for a class that only takes tests: ``topic_accuracy`` (the points earned in
    submitted tests) stands beside it."""

    students: int
    topic_mastery: dict[str, Fraction]  # average over students of the share of the topic mastered
    topic_accuracy: dict[str, Accuracy]  # of the class's answers in submitted tests, by topic
    most_missed: tuple[MissedQuestion, ...]  # ranked: ``core.progress.most_missed``
    not_ranked_yet: int  # missed questions with too few answers to rank
    mastery_chart: charts.BarList
    min_answers: int = MIN_ANSWERS_TO_RANK


def class_progress(class_id: int, students: Sequence[Account], now: datetime) -> ClassProgress:
    """The class's progress over the banks it uses (``assignments.banks_of_classes``): a bank
    imported for the school but never assigned to it nor used adds no topic at 0% mastery."""
    ids = [s.id for s in students]
    cards = study_store.card_summaries(ids)
    attempts = attempt_service.attempts_of_users(ids, now)
    banks = assignments.banks_of_classes([class_id])
    tag_cards: dict[str, list[tuple[str, str]]] = defaultdict(
        list
    )  # tag -> (bank, key) of its question cards
    for bank in banks:
        for question in bank.questions:
            for tag in question.tags:
                tag_cards[tag].append((bank.slug, f"q:{question.id}"))
    mastered_by_student: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for card in cards:
        if (card.stability or 0) >= MASTERED_STABILITY_DAYS:
            mastered_by_student[card.user_id].add((card.bank_slug, card.key))
    topic_mastery = {
        tag: sum((share(len(set(keys) & mastered_by_student[s]), len(keys)) for s in ids), Fraction(0))
        / max(len(ids), 1)
        for tag, keys in sorted(tag_cards.items())
    }
    earned: dict[tuple[str, str], Fraction] = defaultdict(Fraction)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    questions: dict[tuple[str, str], core.Question] = {}
    answered = _answer_results(attempts)
    for slug, question, fraction in answered:
        key = (slug, question.id)
        earned[key] += fraction
        counts[key] += 1
        questions[key] = question
    tests = _answer_results([a for a in attempts if is_test_score(a.mode, a.submitted)])
    topic_accuracy = accuracy_by((question.tags, fraction) for _, question, fraction in tests)
    by_slug = {bank.slug: bank for bank in banks}
    ranked, not_ranked = most_missed(
        (key, counts[key], 1 - earned[key] / counts[key]) for key in sorted(counts) if key[0] in by_slug
    )
    chart = charts.share_bars(list(topic_mastery), [float(v) for v in topic_mastery.values()])
    return ClassProgress(
        students=len(ids),
        topic_mastery=topic_mastery,
        topic_accuracy=topic_accuracy,
        most_missed=tuple(
            MissedQuestion(by_slug[slug], questions[(slug, qid)], answers, missed)
            for (slug, qid), answers, missed in ranked
        ),
        not_ranked_yet=not_ranked,
        mastery_chart=chart,
    )
