"""Drafted questions (``draft: true``) are never served: not on a page, in the API or in a
deck; a bank of drafts only does not exist for students. The editor's preview marks them."""

from __future__ import annotations

import re

from quizapp.services import bank_library
from tests.helpers.api import ApiClient, token_for
from tests.helpers.assignments import assigned_to_tinas_class_alone
from tests.helpers.web import login
from tests.web.test_bank_visibility import BANK, api_view, student_pages

FIRST_TWO = ("  - id: mission-destination\n", "  - id: mission-unit\n")


def mark_drafts(questions_dir, *starts: str) -> None:
    """``draft: true`` under the ``- id:`` lines ``starts`` (every question's when none is given)."""
    path = questions_dir / f"{BANK}.yaml"
    text = path.read_text(encoding="utf-8")
    head, cards = text.split("\ncards:", 1)
    pattern = "|".join(re.escape(start) for start in starts) if starts else r"  - id: [^\n]+\n"
    head = re.sub(f"({pattern})", r"\1    draft: true\n", head)
    path.write_text(head + "\ncards:" + cards, encoding="utf-8")


def test_drafts_are_not_served_and_the_reviewed_questions_are(app, client, people, questions_dir):
    assigned_to_tinas_class_alone(app, people)
    mark_drafts(questions_dir, *FIRST_TWO)
    login(client, "sam")
    assert client.get(f"/quizzes/{BANK}").status_code == 200
    api = api_view(app, "sam")
    assert api["listed"] == [BANK]
    listed = ApiClient(app.test_client(), token_for(app.test_client(), "sam")).get("/quizzes").get_json()
    assert listed["quizzes"][0]["question_count"] == 53
    with app.app_context():
        bank = bank_library.bank(BANK)
    assert {q.id for q in bank.drafts} == {"mission-destination", "mission-unit"}
    assert bank.question("mission-destination") is None and len(bank.questions) == 53


def test_a_bank_of_drafts_only_does_not_exist_for_students(app, client, people, questions_dir):
    assigned_to_tinas_class_alone(app, people)
    mark_drafts(questions_dir)
    login(client, "sam")
    assert set(student_pages(client).values()) == {404}
    assert "Kosovar Peacekeepers" not in client.get("/").get_data(as_text=True)
    assert api_view(app, "sam") == {"listed": [], "start": 404, "cards": 404, "progress": []}
    teacher = app.test_client()
    login(teacher, "tina")
    assert teacher.get(f"/quizzes/{BANK}").status_code == 200  # the teacher still sees the bank


def test_the_editor_preview_shows_drafts_marked(teacher, questions_dir):
    mark_drafts(questions_dir, *FIRST_TWO)
    page = teacher.get(f"/banks/{BANK}.yaml/edit").get_data(as_text=True)
    assert page.count('class="card preview"') == 53
    assert page.count('class="card preview preview-draft"') == 2
    first = page.index("preview-draft")
    assert page.index('class="card preview"') > first  # in the file's order: the drafts come first
    assert page.count('<span class="tag tag-draft">Draft</span>') == 2


def test_a_teacher_trying_a_bank_of_drafts_only_gets_no_error(teacher, questions_dir):
    mark_drafts(questions_dir)
    page = teacher.get(f"/quizzes/{BANK}")
    assert page.status_code == 200
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.get_data(as_text=True))[1]
    for mode in ("test", "practice"):
        started = teacher.post(f"/quizzes/{BANK}/attempts", data={"mode": mode, "csrf_token": token})
        assert started.status_code < 500, (mode, started.status_code)
        if started.status_code == 302:
            assert teacher.get(started.location).status_code < 500
