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

from quizapp import core
from quizapp.core import charts
from quizapp.core.attempts import AttemptMode
from quizapp.core.decks import deck_cards
from quizapp.core.disclosure import Path
from quizapp.core.learn import QuestionMemory
from quizapp.core.progress import Accuracy, accuracy_by, due_forecast, share, study_streak, weakest
from quizapp.core.scheduling import MASTERED_STABILITY_DAYS, Grade, retrievability_at
from quizapp.core.scoring import stored_check
from quizapp.db import study_store
from quizapp.db.account_store import Account
from quizapp.services import answer_disclosure, assignments
from quizapp.services import attempts as attempt_service
from quizapp.services.attempts import AttemptState
from quizapp.services.bank_library import library


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
    student: Account
    due_now: int
    due_week: int
    streak: int
    banks: tuple[BankProgress, ...]
    topics: dict[str, Accuracy]
    forecast: tuple[int, ...]
    forecast_chart: charts.ColumnChart
    topic_chart: charts.BarList
    forecast_labels: tuple[str, ...] = field(default=())


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


def student_dashboard(student: Account, now: datetime) -> Dashboard:
    cards = study_store.card_summaries([student.id])
    attempts = attempt_service.attempts_of(student.id, now)
    days = study_store.study_days(student.id, now.date() - timedelta(days=400))
    # the banks the student may open (before an assignment opens: nothing of it but when)
    visible = [
        (bank, allowed)
        for bank, allowed in assignments.visible_banks(student, now, attempts)
        if allowed.opened
    ]
    catalog = [bank for bank, _ in visible]
    may_study = {bank.slug for bank, allowed in visible if allowed.study}
    # Weakest questions and topic accuracy tell which answers were right: only from banks that
    # show it now (the disclosure rule). Cards count only where flashcards are allowed.
    open_tests = answer_disclosure.tests_in_progress(attempts)
    secret = {
        bank.slug
        for bank in catalog
        if not answer_disclosure.for_bank(Path.PROGRESS, student, bank, now, open_tests).correctness
    }
    studyable = {
        bank.slug
        for bank in catalog
        if bank.slug in may_study
        and answer_disclosure.for_bank(Path.FLASHCARDS, student, bank, now, open_tests).answers
    }
    # a test under an assignment that keeps its answers back (never, or until the due time)
    # tells nothing of them, even here
    results = _answer_results([a for a in attempts if not answer_disclosure.held_back(a, now)])
    banks = []
    for bank in catalog:
        mine = [c for c in cards if c.bank_slug == bank.slug]
        tests = [
            a for a in attempts if a.bank_slug == bank.slug and a.submitted and a.mode is AttemptMode.TEST
        ]
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
        line = charts.percent_line([f"{at:%b %d}" for at, _ in scored], [float(p) for _, p in scored])
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
    forecast = due_forecast([c.due for c in cards], now)
    labels = tuple("today" if n == 0 else f"{(now + timedelta(days=n)):%b %d}" for n in range(len(forecast)))
    return Dashboard(
        student=student,
        due_now=sum(1 for c in cards if c.due <= now),
        due_week=sum(1 for c in cards if c.due <= now + timedelta(days=7)),
        streak=study_streak(days, now.date()),
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
    students: int
    topic_mastery: dict[str, Fraction]  # average over students of the share of the topic mastered
    most_missed: tuple[MissedQuestion, ...]
    mastery_chart: charts.BarList


def class_progress(students: Sequence[Account], now: datetime) -> ClassProgress:
    ids = [s.id for s in students]
    cards = study_store.card_summaries(ids)
    attempts = attempt_service.attempts_of_users(ids, now)
    banks = library().catalog.banks
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
    for attempt in attempts:
        for slug, question, fraction in _answer_results([attempt]):
            key = (slug, question.id)
            earned[key] += fraction
            counts[key] += 1
            questions[key] = question
    by_slug = {bank.slug: bank for bank in banks}
    missed = sorted(
        (
            MissedQuestion(
                by_slug[slug],
                questions[(slug, qid)],
                counts[(slug, qid)],
                1 - earned[(slug, qid)] / counts[(slug, qid)],
            )
            for slug, qid in counts
            if slug in by_slug
        ),
        key=lambda m: (-m.missed, -m.answers, m.question.id),
    )
    most_missed = tuple(m for m in missed if m.missed > 0)[:10]
    chart = charts.share_bars(list(topic_mastery), [float(v) for v in topic_mastery.values()])
    return ClassProgress(len(ids), topic_mastery, most_missed, chart)
