from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

from quizapp.core.learn import QuestionMemory
from quizapp.core.progress import (
    MIN_ANSWERS_TO_RANK,
    accuracy_by,
    due_forecast,
    most_missed,
    study_streak,
    weakest,
)

TODAY = date(2026, 3, 9)


def test_streak_counts_back_from_today_or_yesterday():
    days = {TODAY, TODAY - timedelta(days=1), TODAY - timedelta(days=2), TODAY - timedelta(days=4)}
    assert study_streak(days, TODAY) == 3
    assert study_streak(days - {TODAY}, TODAY) == 2  # not yet today: yesterday's streak still stands
    assert study_streak({TODAY - timedelta(days=2)}, TODAY) == 0
    assert study_streak(set(), TODAY) == 0


def test_due_forecast_puts_overdue_cards_on_day_zero():
    now = datetime(2026, 3, 9, 15, tzinfo=UTC)
    dues = [
        now - timedelta(days=3),
        now + timedelta(hours=2),
        now + timedelta(days=1),
        now + timedelta(days=40),
    ]
    forecast = due_forecast(dues, now, UTC, days=30)
    assert forecast[:3] == [2, 1, 0] and sum(forecast) == 3


def test_accuracy_by_label():
    result = accuracy_by(
        [(["mission"], Fraction(1)), (["mission", "war"], Fraction(0)), (["war"], Fraction(1, 2))]
    )
    assert result["mission"].share == Fraction(1, 2) and result["mission"].answered == 2
    assert result["war"].share == Fraction(1, 4)


def test_weakest_lists_questions_that_need_practice_weakest_first():
    memory = {
        "a": QuestionMemory(0.99, 0),
        "b": QuestionMemory(0.2, 1),
        "c": QuestionMemory(0.5, 0),
        "e": QuestionMemory(0.95, 1, last_wrong=True),
        "f": QuestionMemory(0.97, 3, last_wrong=False),
    }
    # "a" is known, "d" unseen, "f" was missed before but has been answered right since
    assert weakest(memory, ["a", "b", "c", "d", "e", "f"]) == ["b", "c", "e"]
    assert weakest(memory, ["a", "b", "c", "d", "e", "f"], limit=2) == ["b", "c"]


def test_due_today_is_the_readers_day_not_utcs():
    chicago = ZoneInfo("America/Chicago")
    now = datetime(2026, 3, 10, 3, tzinfo=UTC)  # 22:00 on March 9 in Chicago, already March 10 in UTC
    dues = [
        datetime(2026, 3, 10, 4, tzinfo=UTC),  # 23:00 on March 9 in Chicago: today there
        datetime(2026, 3, 10, 6, tzinfo=UTC),  # 01:00 on March 10 in Chicago: tomorrow there
    ]
    assert due_forecast(dues, now, chicago, days=3) == [1, 1, 0]
    assert due_forecast(dues, now, ZoneInfo("UTC"), days=3) == [2, 0, 0]


def test_a_missed_question_ranks_from_the_minimum_number_of_answers():
    assert MIN_ANSWERS_TO_RANK == 5
    few = ("few", 4, Fraction(1))
    enough = ("enough", 5, Fraction(2, 5))
    more = ("more", 9, Fraction(2, 5))
    right = ("right", 7, Fraction(0))
    ranked, waiting = most_missed([few, enough, more, right])
    assert [key for key, _, _ in ranked] == ["more", "enough"]  # equal shares: the more answered first
    assert waiting == 1  # "few" is all missed, but from 4 answers: not ranked yet; "right" is not missed
    assert most_missed([enough, more], limit=1) == ([more], 0)
