"""An unknown bank id, everywhere one is named: the one lookup (``bank_library.bank``) raises
``BankNotFound``, and each front end answers it its one way: the site's 404 page, the API's
``quiz_not_found`` error (tests/api/test_unknown_quiz.py), a command-line usage error (exit 2)
naming the banks there are."""

from __future__ import annotations

import pytest

from quizapp.services import bank_library
from tests.helpers.quizzes import any_token
from tests.helpers.web import login

QUIZ = "kosovo-peacekeepers"
UNKNOWN = "no-such-bank"


def test_the_lookup_finds_a_served_bank_and_raises_for_an_unknown_one(app):
    with app.test_request_context("/"):
        app.preprocess_request()  # the banks are loaded before each request
        assert bank_library.bank(QUIZ).slug == QUIZ
        assert bank_library.find_bank(UNKNOWN) is None
        with pytest.raises(bank_library.BankNotFound) as raised:
            bank_library.bank(UNKNOWN)
        assert raised.value.bank_slug == UNKNOWN


STUDENT_PAGES = [
    ("GET", f"/quizzes/{UNKNOWN}"),
    ("POST", f"/quizzes/{UNKNOWN}/attempts"),
    ("GET", f"/quizzes/{UNKNOWN}/source"),
    ("GET", f"/decks/{UNKNOWN}"),
    ("GET", f"/decks/{UNKNOWN}/study"),
    ("POST", f"/learn/{UNKNOWN}"),
    ("POST", f"/quizzes/{UNKNOWN}/practice-weakest"),
]
TEACHER_PAGES = [
    ("GET", "/classes/{class_id}/quizzes/" + UNKNOWN),
    ("GET", "/classes/{class_id}/quizzes/" + UNKNOWN + "/report"),
    ("GET", "/classes/{class_id}/exports/attempts.csv?quiz=" + UNKNOWN),
    ("GET", "/classes/exports/gradebook.csv?quiz=" + UNKNOWN),
    ("GET", f"/banks/{UNKNOWN}/export.gift"),
    ("GET", f"/banks/{UNKNOWN}/answer-key"),
]


def _assert_not_found_page(response) -> None:
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "Page not found" in page and "It may have moved, or it belongs to someone else." in page


@pytest.mark.parametrize(("method", "path"), STUDENT_PAGES)
def test_a_students_page_of_an_unknown_bank_is_the_404_page(client, people, method, path):
    login(client, "sam")
    data = {"mode": "practice", "csrf_token": any_token(client)} if method == "POST" else None
    _assert_not_found_page(client.open(path, method=method, data=data))


@pytest.mark.parametrize(("method", "path"), TEACHER_PAGES)
def test_a_teachers_page_of_an_unknown_bank_is_the_404_page(client, people, method, path):
    login(client, "tina")
    _assert_not_found_page(client.open(path.format(class_id=people.class_id), method=method))


def test_the_known_bank_serves_the_same_pages(client, people):
    """The 404s above come from the bank id alone: the same pages of a known bank serve."""
    login(client, "tina")
    for _, path in TEACHER_PAGES:
        assert client.get(path.format(class_id=people.class_id).replace(UNKNOWN, QUIZ)).status_code == 200


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["answer-key", UNKNOWN], "BANK_ID"),
        (["export-bank", UNKNOWN, "--format", "gift"], "BANK_ID"),
        (["export-scores", "--format", "csv", "--quiz", UNKNOWN], "--quiz"),
    ],
)
def test_a_command_given_an_unknown_bank_says_which_banks_there_are(app, args, hint):
    result = app.test_cli_runner().invoke(args=args)
    assert result.exit_code == 2
    assert f"Invalid value for {hint}: no valid bank with id '{UNKNOWN}' (banks: " in result.output
    assert QUIZ in result.output
