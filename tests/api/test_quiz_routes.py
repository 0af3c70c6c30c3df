"""GET /api/v1/quizzes and the teachers' answer key."""

from __future__ import annotations

from quizapp import core
from quizapp.services.question_source import current_bank
from tests.helpers.api import QUIZ, error_of


def test_everyone_sees_the_quizzes_in_service(as_user):
    body = as_user("sam").get("/quizzes").get_json()
    [quiz] = body["quizzes"]
    assert quiz["id"] == QUIZ
    assert quiz["title"] == "Kosovar Peacekeepers Sent On First Mission Abroad"
    assert quiz["question_count"] == 55
    assert quiz["time_limit_seconds"] == 30 * 60
    assert 0 < quiz["test_question_count"] <= 55
    assert quiz["show_answers"] == "immediately" and quiz["flashcards"] is True


def test_the_answer_key_is_for_teachers_only(as_user):
    response = as_user("sam").get(f"/quizzes/{QUIZ}/answer-key")
    assert response.status_code == 403
    assert error_of(response)["code"] == "teachers_only"


def test_each_answer_in_the_key_scores_full_marks(as_user, app):
    body = as_user("tina").get(f"/quizzes/{QUIZ}/answer-key").get_json()
    with app.app_context():
        bank = current_bank(QUIZ)
        assert [entry["id"] for entry in body["questions"]] == [q.id for q in bank.questions]
        for entry in body["questions"]:
            question = bank.question(entry["id"])
            assert entry["type"] == question.type.value
            assert core.check(question, entry["answer"]).correct, entry
            assert entry["answer_text"]


def test_an_unknown_quiz_is_404(as_user):
    response = as_user("tina").get("/quizzes/no-such-quiz/answer-key")
    assert response.status_code == 404
    assert error_of(response)["code"] == "quiz_not_found"


def test_the_answer_key_gives_every_quote_and_the_first_as_before(as_user, questions_dir):
    from tests.helpers.banks import QUOTES_BANK, copy_banks_with_quotes

    copy_banks_with_quotes(questions_dir)
    body = as_user("tina").get(f"/quizzes/{QUOTES_BANK}/answer-key").get_json()
    quotes = {entry["id"]: (entry["source_quotes"], entry["source_quote"]) for entry in body["questions"]}
    assert quotes["platoon-command"] == (
        ["under the command of the National Guard of Iowa", "Kosovo has sent an army platoon to Kuwait"],
        "under the command of the National Guard of Iowa",  # the first, for clients written before lists
    )
    article = as_user("tina").get(f"/quizzes/{QUIZ}/answer-key").get_json()["questions"][0]
    assert article["source_quotes"] == [article["source_quote"]] and article["source_quote"]
