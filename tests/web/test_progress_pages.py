"""Dashboards show what the student did, in a fixed number of queries."""

from __future__ import annotations

import re
from datetime import timedelta

from quizapp.db.base import db
from quizapp.services import clock
from tests.helpers.quizzes import (
    answer,
    answer_correctly,
    attempt_questions,
    edit_bank,
    form_fields,
    start,
    submit,
    wrong_response,
)
from tests.helpers.web import counted_queries, login, study_one


def take_test(client, app, right: int, wrong: int) -> None:
    attempt_id = start(client, "test")
    questions = attempt_questions(app, attempt_id)
    for number in range(1, right + 1):
        answer_correctly(client, app, attempt_id, number)
    for number in range(right + 1, right + wrong + 1):
        question = questions[number - 1]
        answer(client, attempt_id, number, form_fields(question, wrong_response(question)))
    submit(client, attempt_id)


def test_dashboard_matches_what_the_student_did(client, app, people, monkeypatch):
    now = clock.now().replace(hour=9, minute=0)
    monkeypatch.setattr(clock, "now", lambda: now)
    login(client, "sam")
    take_test(client, app, right=5, wrong=5)  # 5 of 25 = 20%
    take_test(client, app, right=10, wrong=0)  # 10 of 25 = 40%
    for _ in range(3):
        study_one(client, rating="3")
    page = client.get("/progress").get_data(as_text=True)
    assert "<dt>Best test</dt><dd>40%</dd>" in page and "<dt>Last test</dt><dd>40%</dd>" in page
    assert "<dt>Quiz accuracy</dt><dd>75%</dd>" in page  # 15 of 20 answers right
    assert "<dt>Study streak</dt><dd>1 day</dd>" in page
    with app.app_context():
        from quizapp.db.models import CardState

        dues = db.session.scalars(db.select(CardState.due)).all()
    # one definition of "due today" on the page: overdue, or due before midnight (the reader's;
    # the school's zone here, UTC), the headline's number and the chart's first day alike
    today = sum(1 for due in dues if due.date() <= now.date())
    assert today > 0 and all(due > now for due in dues)  # due later today: not "now", but today
    assert f"<dt>Cards due today</dt><dd>{today}</dd>" in page
    assert re.search(rf"<td>today</td><td>{today}</td>", page)
    assert f"; {today} today, " in page  # the chart's description says it too
    assert "Cards due now" not in page and "UTC" not in page.split("<table")[0]
    assert page.count('class="chart-svg"') == 2  # scores, due forecast
    assert page.count('class="chart share-chart"') == 1  # topics
    assert '<title id="forecast-title">Cards due per day</title>' in page


def test_a_bank_that_never_shows_answers_keeps_them_off_the_dashboard(client, app, people, questions_dir):
    import os

    path = questions_dir / "kosovo-peacekeepers.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "flashcards: true\n  show_answers: immediately", "show_answers: never"
        ),
        encoding="utf-8",
    )
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    login(client, "sam")
    take_test(client, app, right=2, wrong=3)
    page = client.get("/progress").get_data(as_text=True)
    assert "weakest questions" not in page and "Practice these" not in page
    assert "Accuracy by topic" in page and "No answers yet." in page
    from tests.helpers.web import csrf_token

    refused = client.post(
        "/quizzes/kosovo-peacekeepers/practice-weakest", data={"csrf_token": csrf_token(page)}
    )
    assert refused.status_code == 404


def test_practice_answers_of_an_after_submit_bank_reach_the_dashboard_only_once_submitted(
    client, app, people, questions_dir
):
    # The dashboard's weakest questions come from the flashcard memory; a practice answer that
    # entered it at once would say right-or-wrong before the bank shows it (attack review).
    edit_bank(
        questions_dir / "kosovo-peacekeepers.yaml", "show_answers: immediately", "show_answers: after_submit"
    )
    login(client, "sam")
    attempt_id = start(client, "practice")
    question = attempt_questions(app, attempt_id)[0]
    assert answer(client, attempt_id, 1, form_fields(question, wrong_response(question))).status_code == 302
    page = client.get("/progress").get_data(as_text=True)
    assert "weakest questions" not in page and "No answers yet." in page
    submit(client, attempt_id)
    page = client.get("/progress").get_data(as_text=True)
    assert "Your weakest questions" in page and "No answers yet." not in page


def test_streak_counts_days(client, app, people, monkeypatch):
    login(client, "sam")
    now = clock.now()
    for days_ago in (2, 1, 0):
        monkeypatch.setattr(clock, "now", lambda d=days_ago: now - timedelta(days=d))
        study_one(client)
    monkeypatch.setattr(clock, "now", lambda: now)
    assert "<dt>Study streak</dt><dd>3 days</dd>" in client.get("/progress").get_data(as_text=True)


def test_dashboard_query_count_does_not_grow_with_the_data(client, app, people):
    login(client, "sam")
    take_test(client, app, right=2, wrong=1)
    with counted_queries(app) as few:
        client.get("/progress")
    for _ in range(3):
        take_test(client, app, right=6, wrong=6)
    for _ in range(3):
        study_one(client)
    with counted_queries(app) as many:
        client.get("/progress")
    assert len(many) == len(few) <= 8, many


def test_teacher_sees_a_students_dashboard_and_the_class_view(client, app, people):
    student = app.test_client()
    login(student, "sam")
    take_test(student, app, right=3, wrong=4)
    login(client, "tina")
    page = client.get(f"/classes/{people.class_id}/students/{people.student}/progress").get_data(as_text=True)
    assert "Progress of Sam Student" in page and "Practice these" not in page
    assert (
        client.get(f"/classes/{people.class_id}/students/{people.other_student}/progress").status_code == 404
    )
    view = client.get(f"/classes/{people.class_id}/progress").get_data(as_text=True)
    assert "Flashcard mastery" in view and "Questions the class misses most" in view
    # one student answered each question once: too few answers to rank any of the missed four
    assert "4 missed questions are not ranked yet: each has fewer than 5 answers." in view
    # right after a test, flashcard mastery is 0% (nothing was studied): test accuracy stands beside it
    rows = re.findall(r"<tr><td>([\w-]+)</td><td>([\d.]+%|–)</td><td>(\d+)</td><td>([\d.]+%)</td></tr>", view)
    answered = [row for row in rows if row[2] != "0"]
    assert answered and all(mastery == "0%" for *_, mastery in rows)
    assert sum(int(row[2]) for row in answered) >= 7  # the 7 answers, each under one topic or more
    assert any(accuracy not in ("0%", "–") for _, accuracy, _, _ in answered)
    assert "No missed answers yet." not in view and '<th scope="col">Missed</th>' not in view
    other = app.test_client()
    login(other, "otto")
    assert other.get(f"/classes/{people.class_id}/progress").status_code == 404
