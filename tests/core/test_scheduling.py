"""Scheduling sequences with a fixed clock and the fuzz off, as py-fsrs's own tests do."""

import random
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Rating, Scheduler, State

from quizapp.core.scheduling import (
    FSRS_VERSION,
    Grade,
    StoredCard,
    describe_interval,
    from_stored,
    grade_for_answer,
    is_mastered,
    new_card,
    preview,
    retrievability,
    retrievability_at,
    review,
    to_stored,
)

T0 = datetime(2026, 3, 9, 9, 0, tzinfo=UTC)


def run(grades, fuzz_seed=None):
    card, now, intervals = new_card(T0), T0, []
    for grade in grades:
        rng = random.Random(fuzz_seed) if fuzz_seed is not None else None
        card = review(card, grade, now, rng)
        intervals.append(card.due - now)
        now = card.due
    return card, intervals


def test_good_four_times_without_fuzz():
    card, intervals = run([Grade.GOOD] * 4)
    assert intervals == [timedelta(minutes=10), timedelta(days=2), timedelta(days=11), timedelta(days=46)]
    assert card.state is State.Review


def test_matches_py_fsrs_itself_without_fuzz():
    grades = [Grade.GOOD, Grade.AGAIN, Grade.HARD, Grade.GOOD, Grade.EASY, Grade.AGAIN, Grade.GOOD]
    ours, _ = run(grades)
    scheduler, card, now = Scheduler(enable_fuzzing=False), new_card(T0), T0
    for grade in grades:
        card, _ = scheduler.review_card(card, Rating(int(grade)), review_datetime=now)
        now = card.due
    assert (ours.due, ours.stability, ours.difficulty, ours.state) == (
        card.due,
        card.stability,
        card.difficulty,
        card.state,
    )


def test_again_brings_a_card_back_in_minutes():
    _, intervals = run([Grade.GOOD, Grade.GOOD, Grade.AGAIN])
    assert intervals[-1] == timedelta(minutes=10)


def test_fuzz_is_repeatable_with_the_same_seed_and_varies_with_it():
    grades = [Grade.GOOD] * 6
    first, _ = run(grades, fuzz_seed=11)
    again, _ = run(grades, fuzz_seed=11)
    assert first.due == again.due
    runs = [run(grades, fuzz_seed=seed)[1] for seed in range(12)]
    assert len({tuple(intervals) for intervals in runs}) > 1  # long intervals are spread out
    plain = run(grades)[1]
    assert all(intervals[:2] == plain[:2] for intervals in runs)  # no fuzz under 2.5 days


def test_preview_says_what_review_will_do():
    card, _ = run([Grade.GOOD, Grade.GOOD, Grade.GOOD])
    now = card.due
    shown = preview(card, now, seed=5)
    for grade in Grade:
        assert review(card, grade, now, random.Random(5)).due - now == shown[grade]
    assert shown[Grade.AGAIN] < shown[Grade.HARD] < shown[Grade.GOOD] < shown[Grade.EASY]


def test_stored_cards_round_trip_and_old_versions_load():
    card, _ = run([Grade.GOOD, Grade.GOOD])
    stored = to_stored(card)
    assert stored.fsrs_version == FSRS_VERSION
    loaded = from_stored(stored)
    assert (loaded.due, loaded.stability, loaded.state) == (card.due, card.stability, card.state)
    v5_review = StoredCard(
        "5.1.3",
        {
            "card_id": 7,
            "state": 2,
            "step": None,
            "stability": 12.5,
            "difficulty": 4.2,
            "due": "2026-03-20T09:00:00+00:00",
            "last_review": "2026-03-08T09:00:00+00:00",
        },
    )
    old = from_stored(v5_review)
    assert old.state is State.Review and old.stability == 12.5
    assert review(old, Grade.GOOD, datetime(2026, 3, 20, 9, tzinfo=UTC), None).due > old.due
    v4_new = StoredCard(
        "4.1.0",
        {
            "card_id": 1,
            "state": 0,
            "due": "2026-03-09T09:00:00",
            "stability": 0,
            "difficulty": 0,
            "elapsed_days": 0,
            "scheduled_days": 0,
            "reps": 0,
            "lapses": 0,
            "last_review": None,
        },
    )
    fresh = from_stored(v4_new)
    assert fresh.state is State.Learning and fresh.due.tzinfo is UTC  # SQLite-style naive time: UTC


def test_retrievability_and_mastery():
    card, _ = run([Grade.GOOD] * 4)
    assert retrievability(new_card(T0), T0) == 0
    early = retrievability(card, card.last_review + timedelta(days=1))
    late = retrievability(card, card.last_review + timedelta(days=60))
    assert 1 > early > late > 0
    # FSRS defines stability as the interval after which recall is 90% likely
    at_stability = card.last_review + timedelta(days=card.stability)
    assert retrievability(card, at_stability) == pytest.approx(0.9, abs=1e-3)
    assert retrievability_at(
        card.stability, card.last_review, card.last_review + timedelta(days=60)
    ) == pytest.approx(late)
    assert retrievability_at(None, None, T0) is None
    assert is_mastered(card) and not is_mastered(run([Grade.GOOD] * 2)[0])


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(seconds=20), "in 1 min"),
        (timedelta(minutes=10), "in 10 min"),
        (timedelta(hours=5), "in 5 h"),
        (timedelta(days=1), "in 1 day"),
        (timedelta(days=3, hours=2), "in 3 days"),
        (timedelta(days=61), "in 2 months"),
        (timedelta(days=730), "in 2 years"),
    ],
)
def test_describe_interval(delta, text):
    assert describe_interval(delta) == text


def test_quiz_answers_map_to_grades():
    assert grade_for_answer(True) is Grade.GOOD and grade_for_answer(False) is Grade.AGAIN
