"""Counts shown in words agree with their number on every page that shows them, rendered with
0, 1 and 2 of each thing (students, study days, new cards, questions, submitted tests)."""

from __future__ import annotations

import random
import re
from datetime import timedelta

from quizapp.db import account_store
from quizapp.db.base import db
from quizapp.services import clock
from tests.helpers.quizzes import start, submit
from tests.helpers.web import csrf_token, login, study_one

DECK = "/decks/kosovo-peacekeepers"


def words(page: str) -> str:
    """The page's text, tags dropped, spaces squeezed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def test_students_of_a_class_0_1_2(teacher, app, people):
    with app.app_context():
        empty = account_store.create_class(people.teacher, "Empty 7C", random.Random(3))
        single = account_store.create_class(people.teacher, "Single 8D", random.Random(4))
        account_store.enroll(single.id, people.student)
        db.session.commit()
    for class_id, said in (
        (empty.id, "0 students."),
        (single.id, "1 student."),
        (people.class_id, "2 students."),
    ):
        page = teacher.get(f"/classes/{class_id}/progress").get_data(as_text=True)
        assert f'<p class="lead">{said}</p>' in page
    home = words(teacher.get("/").get_data(as_text=True))
    assert (
        "0 students · join code" in home
        and "1 student · join code" in home
        and "2 students · join code" in home
    )


def test_study_streak_0_1_2_days(student, monkeypatch):
    def streak() -> str:
        page = student.get("/progress").get_data(as_text=True)
        return re.search(r"<dt>Study streak</dt><dd>([^<]*)</dd>", page).group(1)

    assert streak() == "0 days"
    now = clock.now()
    monkeypatch.setattr(clock, "now", lambda: now - timedelta(days=1))
    study_one(student)
    monkeypatch.setattr(clock, "now", lambda: now)
    assert streak() == "1 day"  # yesterday's, not broken before today is over
    study_one(student)
    assert streak() == "2 days"


def test_new_cards_a_day_0_1_2(student):
    for limit, flashed, left in (
        (0, "up to 0 new cards a day", "0</strong> new cards left today"),
        (1, "up to 1 new card a day", "1</strong> new card left today"),
        (2, "up to 2 new cards a day", "2</strong> new cards left today"),
    ):
        token = csrf_token(student.get(DECK).get_data(as_text=True))
        saved = student.post(
            f"{DECK}/settings",
            data={"new_cards_per_day": str(limit), "csrf_token": token},
            follow_redirects=True,
        )
        page = saved.get_data(as_text=True)
        assert f"You will see {flashed}." in page and f"<strong>{left}" in page


def test_questions_of_a_bank_1_2(teacher, questions_dir):
    for slug, count in (("one-question", 1), ("two-questions", 2)):
        questions = "".join(
            f"  - id: q{n}\n    type: true_false\n    prompt: Statement {n}.\n    answer: true\n"
            for n in range(1, count + 1)
        )
        (questions_dir / f"{slug}.yaml").write_text(
            f"title: {slug}\nquestions:\n{questions}", encoding="utf-8"
        )
    page = words(teacher.get("/banks").get_data(as_text=True))
    assert "one-question.yaml · 1 question " in page and "two-questions.yaml · 2 questions " in page


def test_submitted_tests_on_the_report_0_1_2(teacher, app, people):
    report = f"/classes/{people.class_id}/quizzes/kosovo-peacekeepers/report"

    def lead() -> str:
        return re.search(r"From (\d+ submitted tests?)", teacher.get(report).get_data(as_text=True)).group(1)

    assert lead() == "0 submitted tests"
    for username, said in (("sam", "1 submitted test"), ("sara", "2 submitted tests")):
        other = app.test_client()
        login(other, username)
        submit(other, start(other, "test"))
        assert lead() == said
