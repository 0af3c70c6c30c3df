"""GET /api/v1/me/progress: attempts, best and last test score per quiz; cards due."""

from __future__ import annotations

from quizapp.core.answer_key import full_marks_response
from tests.helpers.api import QUIZ, answer, bank_questions, start
from tests.helpers.quizzes import FrozenClock, edit_bank


def test_progress_counts_attempts_and_keeps_best_and_last_scores(as_user, app):
    sam = as_user("sam")
    empty = sam.get("/me/progress").get_json()
    assert empty["quizzes"][0] | {"cards_new": 0} == {
        "quiz_id": QUIZ,
        "title": "Kosovar Peacekeepers Sent On First Mission Abroad",
        "tests": 0,
        "practices": 0,
        "best_percent": None,
        "last_percent": None,
        "open_attempt_id": None,
        "cards_due": 0,
        "cards_new": 0,
    }
    questions = bank_questions(app)
    good = start(sam, "test")
    for shown in good["questions"]:
        answer(sam, good, shown["id"], full_marks_response(questions[shown["id"]]))
    sam.post(f"/attempts/{good['id']}/submit")
    poor = start(sam, "test")
    sam.post(f"/attempts/{poor['id']}/submit")
    practice = start(sam, "practice")
    [quiz] = sam.get("/me/progress").get_json()["quizzes"]
    assert (quiz["tests"], quiz["practices"]) == (2, 0)
    assert (quiz["best_percent"], quiz["last_percent"]) == (100, 0)
    assert quiz["open_attempt_id"] == practice["id"]


def test_cards_answered_in_a_test_come_due(as_user, app, monkeypatch):
    frozen = FrozenClock(monkeypatch)
    sam = as_user("sam")
    attempt = start(sam, "test")
    first = attempt["questions"][0]["id"]
    answer(sam, attempt, first, full_marks_response(bank_questions(app)[first]))
    sam.post(f"/attempts/{attempt['id']}/submit")
    assert sam.get("/me/progress").get_json()["cards_due"] == 0
    frozen.advance(days=400)
    body = as_user("sam").get("/me/progress").get_json()  # a new token: the first one expired
    assert body["cards_due"] == body["quizzes"][0]["cards_due"] == 1  # the one question answered


def test_a_bank_without_flashcards_reports_no_cards_to_students(as_user, questions_dir):
    edit_bank(questions_dir / f"{QUIZ}.yaml", "flashcards: true", "flashcards: false")
    [quiz] = as_user("sam").get("/me/progress").get_json()["quizzes"]
    assert quiz["cards_due"] is None and quiz["cards_new"] is None
