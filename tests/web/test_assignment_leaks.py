"""What an attack on assignments found, held shut: an assignment that never shows answers tells
nothing of them on any path, even once deleted; a practice round does not outlive the student's
right to study its bank; a bank not open yet lists nothing of itself; a start racing a deletion
is "not found", not a server error."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from quizapp.core.model import AnswerVisibility
from quizapp.db import assignment_store
from quizapp.db.base import db
from quizapp.db.models import CardState
from quizapp.services import assignments
from quizapp.services.assignments import AssignmentTerms, BankFlags
from quizapp.services.dashboards import student_dashboard
from tests.helpers.api import ApiClient, token_for
from tests.helpers.quizzes import (
    FrozenClock,
    answer,
    attempt_questions,
    form_fields,
    start,
    submit,
    wrong_response,
)
from tests.helpers.web import csrf_token, login

BANK = "kosovo-peacekeepers"


def take_a_test_all_wrong(client, app) -> int:
    attempt_id = start(client, "test")
    for number, question in enumerate(attempt_questions(app, attempt_id)[:4], start=1):
        answer(client, attempt_id, number, form_fields(question, wrong_response(question)))
    submit(client, attempt_id)
    return attempt_id


def test_a_never_assignment_tells_no_answer_through_memory_retry_or_progress(client, app, assign):
    assign(show_answers=AnswerVisibility.NEVER, max_attempts=None, study=False)
    with app.app_context():  # study open to all elsewhere: the rule alone keeps the answers
        assignment_store.set_bank_flags(
            BANK, BankFlags(published=True, open_practice=True)
        )  # past the refusal
    login(client, "sam")
    attempt_id = take_a_test_all_wrong(client, app)
    with app.app_context():  # no flashcard memory: it would tell through weakest questions and due cards
        assert db.session.scalar(db.select(db.func.count()).select_from(CardState)) == 0
    token = csrf_token(client.get(f"/attempts/{attempt_id}/results").get_data(as_text=True))
    retried = client.post(f"/attempts/{attempt_id}/retry", data={"csrf_token": token})
    assert retried.status_code == 302 and "/attempts/" not in retried.location  # refused
    weakest = client.post(f"/quizzes/{BANK}/practice-weakest", data={"csrf_token": token})
    assert "/attempts/" not in weakest.location  # nothing to practise: nothing was recorded
    progress = client.get("/progress").get_data(as_text=True)
    assert "Your weakest questions" not in progress or "Practice these" not in progress


def test_deleting_a_never_assignment_keeps_its_tests_answers_hidden(client, app, assign, people):
    assignment_id = assign(show_answers=AnswerVisibility.NEVER, study=False)
    login(client, "sam")
    attempt_id = take_a_test_all_wrong(client, app)
    with app.app_context():
        assignments.delete(people.teacher, assignment_id, datetime.now(UTC))
        assign()  # the bank assigned again, showing answers as the bank does
    api = ApiClient(app.test_client(), token_for(app.test_client(), "sam"))
    body = api.get(f"/attempts/{attempt_id}").get_json()
    assert body["withheld"] == "bank_setting" and "correct_answer" not in str(body)
    results = client.get(f"/attempts/{attempt_id}/results").get_data(as_text=True)
    assert "chosen not to show the correct answers" in results


def test_a_practice_round_ends_for_the_student_when_study_is_turned_off(client, app, assign, people):
    assignment_id = assign()
    login(client, "sam")
    attempt_id = start(client, "practice")
    question = attempt_questions(app, attempt_id)[0]
    with app.app_context():
        terms = assignment_store.assignment(assignment_id).terms
        assignments.update(
            people.teacher, assignment_id, AssignmentTerms(**{**_fields(terms), "study": False})
        )
    assert client.get(f"/attempts/{attempt_id}/questions/1").status_code == 404
    page = client.get(f"/quizzes/{BANK}").get_data(as_text=True)  # no dead "Continue" link to it
    assert f"/attempts/{attempt_id}" not in page and "unfinished practice round" not in page
    api = ApiClient(app.test_client(), token_for(app.test_client(), "sam"))
    put = api.put(f"/attempts/{attempt_id}/answers/{question.id}", json={"response": "x"})
    assert put.status_code == 404 and "correct_answer" not in put.get_data(as_text=True)


def test_a_practice_round_taken_before_study_is_turned_off_shows_its_score_only(
    client, app, assign, people, monkeypatch
):
    """The quiz page lists the round with a link to its results; the results page and the API
    show its score and say why nothing more (practice is closed), never a "not found": no
    answer, verdict, explanation, feedback or retry, on pages and API alike, even after the due
    time (study stays off); nor does the source page mark the passages of its questions."""
    clock = FrozenClock(monkeypatch)
    clock.now = NOON
    assignment_id = assign()
    login(client, "sam")
    attempt_id = start(client, "practice")
    questions = attempt_questions(app, attempt_id)
    quoted = next(n for n, q in enumerate(questions) if q.source_quotes)
    for number in sorted({1, 2, 3, quoted + 1}):
        question = questions[number - 1]
        answer(client, attempt_id, number, form_fields(question, wrong_response(question)))
    submit(client, attempt_id)
    results = f"/attempts/{attempt_id}/results"
    source = f"/quizzes/{BANK}/source?q={questions[quoted].id}"
    assert "verdict" in client.get(results).get_data(as_text=True)  # shown while study is on
    assert "<mark" in client.get(source).get_data(as_text=True)
    with app.app_context():
        terms = assignment_store.assignment(assignment_id).terms
        changed = {"show_answers": AnswerVisibility.AFTER_DUE, "due_at": DUE, "ends_at_close": True}
        assignments.update(
            people.teacher, assignment_id, AssignmentTerms(**{**_fields(terms), **changed, "study": False})
        )
    api = ApiClient(app.test_client(), token_for(app.test_client(), "sam"))
    for now in (NOON, DUE + timedelta(days=1)):
        clock.now = now
        assert f'href="{results}"' in client.get(f"/quizzes/{BANK}").get_data(as_text=True)
        shown = client.get(results)
        assert shown.status_code == 200
        page = shown.get_data(as_text=True)
        main = page.split("<main", 1)[1]
        assert "%" in main and "Practice of this quiz is closed" in main
        for marker in ("verdict", "Correct answer", 'class="explanation', "Retry the", "moved"):
            assert marker not in main, marker
        for question in questions:
            assert not question.explanation or question.explanation not in page, question.id
        got = api.get(f"/attempts/{attempt_id}")
        assert got.status_code == 200
        body = got.get_json()
        assert body["withheld"] == "study_off" and body["answers"] == {} and "percent" in body
        assert "results" not in body and "feedback" not in body
        assert "correct_answer" not in str(body) and "'correct'" not in str(body)
        assert "<mark" not in client.get(source).get_data(as_text=True)  # the round's passages
    token = csrf_token(page)
    assert client.post(f"/attempts/{attempt_id}/retry", data={"csrf_token": token}).status_code == 404


def _fields(terms: AssignmentTerms) -> dict:
    return {name: getattr(terms, name) for name in AssignmentTerms.__dataclass_fields__}


def test_a_bank_not_open_yet_lists_nothing_of_itself_in_the_api(app, assign):
    assign(opens_at=datetime(2099, 1, 1, tzinfo=UTC))
    api = ApiClient(app.test_client(), token_for(app.test_client(), "sam"))
    assert api.get("/quizzes").get_json()["quizzes"] == []
    assert api.get("/me/progress").get_json()["quizzes"] == []


def test_a_start_racing_the_assignments_deletion_is_not_found(client, app, assign, monkeypatch):
    assign()
    from quizapp.db import attempt_store

    monkeypatch.setattr(attempt_store, "insert_attempt", lambda *args, **kwargs: None)  # as if the FK failed
    login(client, "sam")
    page = client.get(f"/quizzes/{BANK}").get_data(as_text=True)
    started = client.post(f"/quizzes/{BANK}/attempts", data={"mode": "test", "csrf_token": csrf_token(page)})
    assert started.status_code == 404


def test_an_accommodation_opening_after_the_due_time_is_refused(app, assign, people):
    from quizapp.core.assignments import Accommodation

    assignment_id = assign(due_at=datetime(2027, 1, 10, tzinfo=UTC))
    late_opening = Accommodation(opens_at=datetime(2027, 1, 11, tzinfo=UTC))
    with app.app_context(), pytest.raises(ValueError, match="after the opening time"):
        assignments.accommodate(people.teacher, assignment_id, "sam", late_opening)


# --- answers after the due time ----------------------------------------------------------------

NOON = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
DUE = datetime(2026, 12, 1, 22, 59, tzinfo=UTC)  # 23:59 in Belgrade (CET)
SHOWN_DUE = "2026-12-01 23:59 CET"


def withheld_everywhere_but_the_score(page: str, body: dict, questions) -> None:
    """The results page and the API's attempt: the score, and nothing per question."""
    main = page.split("<main", 1)[1]
    assert "Results" in main and "%" in main  # the score
    for marker in ("verdict", "Correct answer", 'class="explanation'):
        assert marker not in main, marker
    for question in questions:
        assert not question.explanation or question.explanation not in page, question.id
    assert "score" in body and "percent" in body
    assert body["withheld"] == "until_due" and body["answers_from"] == DUE.isoformat()
    assert "results" not in body and body["answers"] == {}
    assert "correct_answer" not in str(body) and "'correct'" not in str(body)


def test_an_after_due_assignment_shows_the_score_only_until_the_due_time_on_pages_and_api_alike(
    client, app, assign, monkeypatch
):
    """Before the due time the results page and the API agree on the score alone, retrying the
    missed questions and the source's passage stay shut, the test feeds no flashcard memory and
    no accuracy; from the due time on, both show everything. Practice is open to every student,
    so that the rule alone (not study being off) keeps the answers."""
    app.config["TIMEZONE"] = "Europe/Belgrade"
    clock = FrozenClock(monkeypatch)
    clock.now = NOON
    assign(
        show_answers=AnswerVisibility.AFTER_DUE,
        due_at=DUE,
        ends_at_close=True,
        study=False,
        max_attempts=None,
    )
    with app.app_context():
        assignment_store.set_bank_flags(
            BANK, BankFlags(published=True, open_practice=True)
        )  # past the refusal
    login(client, "sam")
    api = ApiClient(app.test_client(), token_for(app.test_client(), "sam"))
    [listed] = api.get("/assignments").get_json()["assignments"]
    assert (listed["show_answers"], listed["answers_from"]) == ("after_due", DUE.isoformat())
    assert f'shown after the due time, <time datetime="{DUE.isoformat()}">{SHOWN_DUE}</time>' in (
        client.get("/").get_data(as_text=True)
    )

    attempt_id = start(client, "test")
    review = client.get(f"/attempts/{attempt_id}/review").get_data(as_text=True)
    assert "after the due time" in review and SHOWN_DUE in review
    assert api.get(f"/attempts/{attempt_id}").get_json()["answers_from"] == DUE.isoformat()
    questions = attempt_questions(app, attempt_id)
    for number, question in enumerate(questions[:4], start=1):
        answer(client, attempt_id, number, form_fields(question, wrong_response(question)))
    submit(client, attempt_id)
    results = f"/attempts/{attempt_id}/results"

    clock.now = DUE - timedelta(seconds=1)
    page = client.get(results).get_data(as_text=True)
    assert (
        f'Answers are shown after the due time, <strong><time datetime="{DUE.isoformat()}">{SHOWN_DUE}'
        in page
    )
    withheld_everywhere_but_the_score(page, api.get(f"/attempts/{attempt_id}").get_json(), questions)
    token = csrf_token(page)
    retried = client.post(f"/attempts/{attempt_id}/retry", data={"csrf_token": token})
    assert retried.status_code == 302 and retried.location.endswith(f"/quizzes/{BANK}")  # refused
    quoted = next(q for q in questions if q.source_quotes)
    assert "<mark" not in client.get(f"/quizzes/{BANK}/source?q={quoted.id}").get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(CardState)) == 0
        sam = assignments.account_store.account_by_username("sam")
        assert student_dashboard(sam, clock.now, UTC).topics == {}  # no accuracy by topic either

    clock.now = DUE + timedelta(seconds=app.config["ANSWER_GRACE_SECONDS"] - 1)  # answers may still come
    withheld_everywhere_but_the_score(
        client.get(results).get_data(as_text=True), api.get(f"/attempts/{attempt_id}").get_json(), questions
    )
    assert "Answers are out" not in client.get("/").get_data(as_text=True)
    clock.now = DUE + timedelta(seconds=app.config["ANSWER_GRACE_SECONDS"])
    assert "Answers are out: your results show them" in client.get("/").get_data(as_text=True)
    page = client.get(results + "?show=all").get_data(as_text=True)  # every question, not only the missed
    assert "verdict" in page and "Correct answer" in page and "after the due time" not in page
    body = api.get(f"/attempts/{attempt_id}").get_json()
    assert "withheld" not in body and all("correct_answer" in r for r in body["results"])
    assert [r["correct"] for r in body["results"]] == ["verdict-right" in p for p in _verdicts(page)]
    assert "<mark" in client.get(f"/quizzes/{BANK}/source?q={quoted.id}").get_data(as_text=True)
    with app.app_context():
        assert student_dashboard(sam, clock.now, UTC).topics != {}
    retried = client.post(f"/attempts/{attempt_id}/retry", data={"csrf_token": token})
    assert "/attempts/" in retried.location  # the missed questions, to practise


def _verdicts(page: str) -> list[str]:
    return re.findall(r'<p class="verdict (verdict-[a-z]+)"', page)


def test_deleting_an_after_due_assignment_before_the_due_time_keeps_its_answers_back(
    client, app, assign, people, monkeypatch
):
    clock = FrozenClock(monkeypatch)
    clock.now = NOON
    assignment_id = assign(
        show_answers=AnswerVisibility.AFTER_DUE, due_at=DUE, ends_at_close=True, study=False
    )
    login(client, "sam")
    attempt_id = take_a_test_all_wrong(client, app)
    with app.app_context():
        assignments.delete(people.teacher, assignment_id, clock.now)
        assign()  # the bank assigned again, showing answers as the bank does
    clock.now = DUE + timedelta(days=30)  # long after the due time the attempt no longer knows
    api = ApiClient(app.test_client(), token_for(app.test_client(), "sam"))
    body = api.get(f"/attempts/{attempt_id}").get_json()
    assert body["withheld"] == "bank_setting" and "correct_answer" not in str(body)
    assert "chosen not to show the correct answers" in client.get(f"/attempts/{attempt_id}/results").get_data(
        as_text=True
    )
