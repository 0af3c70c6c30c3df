"""A bank assigned to no class of a student's does not exist for them, on every page and in the
API alike; before its assignment opens they see when it opens, nothing else."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from quizapp.db import account_store
from quizapp.services import assignments
from tests.helpers.api import ApiClient, token_for
from tests.helpers.web import csrf_token, login

BANK = "kosovo-peacekeepers"
LATER = datetime(2099, 1, 1, 9, 0, tzinfo=UTC)


def student_pages(client) -> dict[str, int]:
    """The status of every page of the bank a student might open."""
    token = csrf_token(client.get("/account/password").get_data(as_text=True))
    return {
        "quiz": client.get(f"/quizzes/{BANK}").status_code,
        "source": client.get(f"/quizzes/{BANK}/source").status_code,
        "deck": client.get(f"/decks/{BANK}").status_code,
        "study": client.get(f"/decks/{BANK}/study").status_code,
        "practice": client.post(
            f"/quizzes/{BANK}/attempts", data={"mode": "practice", "csrf_token": token}
        ).status_code,
        "test": client.post(
            f"/quizzes/{BANK}/attempts", data={"mode": "test", "csrf_token": token}
        ).status_code,
        "learn": client.post(f"/learn/{BANK}", data={"csrf_token": token}).status_code,
        "weakest": client.post(f"/quizzes/{BANK}/practice-weakest", data={"csrf_token": token}).status_code,
    }


def api_view(app, username: str) -> dict[str, object]:
    api = ApiClient(app.test_client(), token_for(app.test_client(), username))
    return {
        "listed": [quiz["id"] for quiz in api.get("/quizzes").get_json()["quizzes"]],
        "start": api.post(f"/quizzes/{BANK}/attempts", json={"mode": "practice"}).status_code,
        "cards": api.get(f"/flashcards/due?quiz_id={BANK}").status_code,
        "progress": [quiz["quiz_id"] for quiz in api.get("/me/progress").get_json()["quizzes"]],
    }


def test_a_student_of_another_class_finds_the_bank_nowhere(app, client, assign):
    assign()
    login(client, "oleg")
    assert set(student_pages(client).values()) == {404}
    home = client.get("/").get_data(as_text=True)
    assert "Kosovar Peacekeepers" not in home and "Nothing is assigned to you" in home
    assert api_view(app, "oleg") == {"listed": [], "start": 404, "cards": 404, "progress": []}


def test_before_the_window_opens_only_the_opening_time_shows(app, client, assign):
    assign(opens_at=LATER)
    login(client, "sam")
    page = client.get(f"/quizzes/{BANK}").get_data(as_text=True)
    assert "opens at <strong>2099-01-01 09:00 UTC</strong>" in page
    assert "Start practice" not in page and "Start the test" not in page and "Source:" not in page
    token = csrf_token(page)
    refused = client.post(f"/quizzes/{BANK}/attempts", data={"mode": "test", "csrf_token": token})
    assert refused.status_code == 302  # back to the quiz page, saying when it opens
    assert "This test opens at 2099-01-01 09:00 UTC." in client.get(refused.location).get_data(as_text=True)
    pages = student_pages(client)
    assert (pages.pop("quiz"), pages.pop("test")) == (200, 302)
    assert set(pages.values()) == {404}
    view = api_view(app, "sam")
    assert view["listed"] == [] and view["start"] == 404 and view["cards"] == 404


def test_study_off_leaves_the_test_and_nothing_else(app, client, assign):
    assign(study=False)
    login(client, "sam")
    page = client.get(f"/quizzes/{BANK}").get_data(as_text=True)
    assert "Start the test" in page and "Start practice" not in page and "Flashcards" not in page
    pages = student_pages(client)
    assert (pages.pop("quiz"), pages.pop("source"), pages.pop("test")) == (200, 200, 302)
    assert set(pages.values()) == {404}


def test_a_hidden_bank_is_gone_for_students_and_open_practice_shows_it_to_all(app, client, assign, people):
    assign()
    with app.app_context():
        assignments.set_bank_flags(BANK, assignments.BankFlags(published=False), datetime.now(UTC))
    login(client, "sam")
    assert set(student_pages(client).values()) == {404}
    teacher = app.test_client()
    login(teacher, "tina")
    assert teacher.get(f"/quizzes/{BANK}").status_code == 200  # teachers see every bank
    with app.app_context():
        assignments.set_bank_flags(
            BANK, assignments.BankFlags(published=True, open_practice=True), datetime.now(UTC)
        )
    other = app.test_client()
    login(other, "oleg")
    assert other.get(f"/decks/{BANK}").status_code == 200 and "Start practice" in other.get(
        f"/quizzes/{BANK}"
    ).get_data(as_text=True)


def test_an_archived_class_is_hidden_from_its_students_and_takes_no_one_new(app, client, assign, people):
    assign(due_at=datetime.now(UTC) + timedelta(days=3))
    with app.app_context():
        account_store.archive_class(people.class_id, datetime.now(UTC))
    login(client, "sam")
    home = client.get("/").get_data(as_text=True)
    assert "History 9B" not in home and "Kosovar Peacekeepers" not in home
    assert client.get(f"/quizzes/{BANK}").status_code == 404
    token = csrf_token(client.get("/join").get_data(as_text=True))
    joined = client.post("/join", data={"join_code": people.join_code, "csrf_token": token})
    assert joined.status_code == 422
