"""The hot paths make a fixed, small number of queries: at most 3 to show a question or to
save an answer (the session's user, the attempt, the write), whatever the attempt holds."""

from __future__ import annotations

from quizapp.core.answer_key import full_marks_response
from quizapp.services.bank_library import library
from quizapp.services.question_source import current_bank
from tests.helpers.api import ApiClient, token_for
from tests.helpers.assignments import add_assignment
from tests.helpers.quizzes import attempt_questions, form_fields, start
from tests.helpers.web import counted_queries, csrf_token, login


def test_showing_a_question_and_saving_an_answer_take_three_queries_each(app, people):
    client = app.test_client()
    login(client, "sam")
    attempt_id = start(client, "test")
    questions = attempt_questions(app, attempt_id)
    for number in (1, 2, 10):  # with more and more answers saved: still the same count
        with counted_queries(app) as shown:
            page = client.get(f"/attempts/{attempt_id}/questions/{number}")
        assert page.status_code == 200 and len(shown) <= 3, shown
        question = questions[number - 1]
        data = form_fields(question, full_marks_response(question)) | {
            "csrf_token": csrf_token(page.get_data(as_text=True))
        }
        with counted_queries(app) as saved:
            response = client.post(f"/attempts/{attempt_id}/questions/{number}", data=data)
        assert response.status_code == 302 and len(saved) <= 3, saved


def test_saving_an_answer_through_the_api_takes_three_queries(app, people):
    client = app.test_client()
    api = ApiClient(client, token_for(client, "sam"))
    attempt = api.post("/quizzes/kosovo-peacekeepers/attempts", json={"mode": "test"}).get_json()
    with app.app_context():
        library().reload()
        bank = current_bank("kosovo-peacekeepers")
    for shown in attempt["questions"][:3]:
        answer = full_marks_response(bank.question(shown["id"]))
        with counted_queries(app) as saved:
            response = api.put(f"/attempts/{attempt['id']}/answers/{shown['id']}", json={"response": answer})
        assert response.status_code == 200 and len(saved) <= 3, saved


def test_the_student_home_page_takes_the_same_queries_however_many_assignments(app, people):
    """Each assignment's status, the banks to practise and the classes, read once a request: a
    student with more assignments and attempts costs no more queries."""
    client = app.test_client()
    login(client, "sam")
    start(client, "test")
    with counted_queries(app) as few:
        assert client.get("/").status_code == 200
    for _ in range(3):
        add_assignment(app, people, max_attempts=None)
    with counted_queries(app) as more:
        page = client.get("/")
    assert page.status_code == 200 and page.get_data(as_text=True).count("Kosovar Peacekeepers") >= 4
    assert len(more) == len(few) <= 7, more
