"""Flashcards through the API: the cards due, ratings that schedule them, a rating counted once."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.helpers.api import QUIZ, error_of
from tests.helpers.quizzes import FrozenClock, edit_bank


def test_new_cards_come_with_front_back_and_review_count(as_user, app):
    body = as_user("sam").get(f"/flashcards/due?quiz_id={QUIZ}&limit=3").get_json()
    assert body["due_count"] == 0 and len(body["cards"]) == 3
    card = body["cards"][0]
    assert card["id"] == f"{QUIZ}:q:mission-destination"
    assert card["front"] == "To which country has Kosovo sent its peacekeepers?" and card["back"] == "Kuwait"
    assert card["new"] is True and card["reviews"] == 0


def test_the_daily_limit_of_new_cards_applies(as_user, app):
    assert len(as_user("sam").get("/flashcards/due?limit=200").get_json()["cards"]) == 20  # the default limit


def test_a_rating_schedules_the_card_and_counts_once(as_user, monkeypatch):
    frozen = FrozenClock(monkeypatch)
    sam = as_user("sam")
    card = sam.get("/flashcards/due?limit=1").get_json()["cards"][0]
    path = f"/flashcards/{card['id']}/reviews"
    rated = sam.post(path, json={"rating": "easy", "reviews": card["reviews"]})
    assert rated.status_code == 200
    body = rated.get_json()
    assert body["reviews"] == 1 and body["state"] == "review"
    assert (datetime.fromisoformat(body["due"]) - frozen.now).days >= 1
    again = sam.post(path, json={"rating": "again", "reviews": card["reviews"]})  # a double press
    assert again.status_code == 409
    assert error_of(again)["details"] == {"reviews": 1, "due": body["due"]}
    ids = [c["id"] for c in sam.get("/flashcards/due?limit=200").get_json()["cards"]]
    assert card["id"] not in ids  # not due again yet
    frozen.advance(days=60)
    later = as_user("sam").get("/flashcards/due?limit=1").get_json()
    assert later["due_count"] == 1 and later["cards"][0] | {"new": False} == card | {
        "new": False,
        "reviews": 1,
    }


def test_a_rating_without_a_count_always_applies(as_user):
    sam = as_user("sam")
    card_id = sam.get("/flashcards/due?limit=1").get_json()["cards"][0]["id"]
    for reviews in (1, 2):
        assert (
            sam.post(f"/flashcards/{card_id}/reviews", json={"rating": "good"}).get_json()["reviews"]
            == reviews
        )


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"rating": "perfect"},
        {"rating": 3},
        {"rating": "good", "reviews": -1},
        {"rating": "good", "reviews": 1.5},
        {"rating": "good", "reviews": float("inf")},
        {"rating": "good", "reviews": float("nan")},
        {"rating": "good", "x": 1},
    ],
)
def test_a_bad_rating_is_400(as_user, body):
    response = as_user("sam").post(f"/flashcards/{QUIZ}:q:mission-destination/reviews", json=body)
    assert response.status_code == 400 and error_of(response)["code"] == "bad_request"


def test_a_review_count_of_0_point_0_is_taken_as_0(as_user):
    # 0.0 is an integer to JSON Schema, so the OpenAPI document allows it (schemathesis sends it)
    response = as_user("sam").post(
        f"/flashcards/{QUIZ}:q:mission-destination/reviews", json={"rating": "good", "reviews": 0.0}
    )
    assert response.status_code == 200 and response.get_json()["reviews"] == 1


@pytest.mark.parametrize(
    "count", ["1e1000000", "1e9999", "1" + "0" * 1000], ids=["1e1000000", "1e9999", "1001-digits"]
)
def test_a_review_count_too_large_to_convert_is_refused_at_once(as_user, count):
    """A number too long to convert cheaply is refused as the body is read (1e1000000 took a
    worker for 45 seconds); one that converts to no finite whole number is no count."""
    body = '{"rating": "good", "reviews": ' + count + "}"
    path = f"/flashcards/{QUIZ}:q:mission-destination/reviews"
    response = as_user("sam").post(path, data=body, content_type="application/json")
    assert response.status_code == 400 and error_of(response)["code"] == "bad_request"


@pytest.mark.parametrize("card_id", [f"{QUIZ}:q:nope", "nope:q:mission-destination", QUIZ, f"{QUIZ}:"])
def test_an_unknown_card_is_404(as_user, card_id):
    response = as_user("sam").post(f"/flashcards/{card_id}/reviews", json={"rating": "good"})
    assert response.status_code == 404


@pytest.mark.parametrize("query", ["limit=0", "limit=201", "limit=many", "quiz_id="])
def test_bad_due_parameters_are_400(as_user, query):
    assert as_user("sam").get(f"/flashcards/due?{query}").status_code == 400


def test_a_bank_without_flashcards_is_closed_to_students_not_teachers(as_user, questions_dir):
    edit_bank(questions_dir / f"{QUIZ}.yaml", "flashcards: true", "flashcards: false")
    sam = as_user("sam")
    assert sam.get(f"/flashcards/due?quiz_id={QUIZ}").status_code == 404
    assert sam.get("/flashcards/due").get_json() == {"cards": [], "due_count": 0}
    assert (
        sam.post(f"/flashcards/{QUIZ}:q:mission-destination/reviews", json={"rating": "good"}).status_code
        == 404
    )
    tina = as_user("tina")
    assert len(tina.get(f"/flashcards/due?quiz_id={QUIZ}").get_json()["cards"]) == 20
