"""Every path that can show a bank's answers, for every ``show_answers``, with a test open or not.

One rule decides (quizapp/core/disclosure.py); these tests drive the pages and the API as a
student would and check what each path shows. The walk at the end checks that each route that
can show answer material asks that rule, and that every route of the app is accounted for.
"""

from __future__ import annotations

import re

import pytest

from quizapp.core import disclosure as rule
from quizapp.core.answer_key import full_marks_response
from tests.helpers.banks import PROBE_BANK
from tests.helpers.quizzes import answer, attempt_questions, form_fields, start, submit, wrong_response
from tests.helpers.web import csrf_token, login

MARKERS = ("EXPLANATION-ONE", "EXPLANATION-TWO")


def submitted_practice(client, app) -> int:
    """A practice round with one answer right and one wrong, submitted."""
    attempt_id = start(client, "practice", PROBE_BANK)
    for number, question in enumerate(attempt_questions(app, attempt_id), 1):
        right = question.id == "destination"
        response = full_marks_response(question) if right else wrong_response(question)
        answer(client, attempt_id, number, form_fields(question, response))
    submit(client, attempt_id)
    return attempt_id


def shows_markers(text: str) -> bool:
    return any(marker in text for marker in MARKERS)


def token_of(client) -> str:
    return csrf_token(client.get("/account/password").get_data(as_text=True))


@pytest.mark.parametrize("test_open", [False, True], ids=["no-test", "test-open"])
@pytest.mark.parametrize("visibility", ["immediately", "after_submit", "never"])
def test_every_path_follows_the_rule(probe, app, visibility, test_open):
    client, api = probe(visibility)
    practice_id = submitted_practice(client, app)
    learn_id = None
    if visibility != "never":  # a learn session begun before the test: its page must close too
        started = client.post(f"/learn/{PROBE_BANK}", data={"csrf_token": token_of(client)})
        learn_id = int(started.headers["Location"].rsplit("/", 1)[1])
    if test_open:
        start(client, "test", PROBE_BANK)
    allowed = visibility != "never" and not test_open
    quiz_page = f"/quizzes/{PROBE_BANK}"

    def refused(response) -> bool:
        """Not shown: "not found" for a bank that never shows answers, else back to the quiz."""
        if visibility == "never":
            return response.status_code == 404 or response.headers.get("Location", "").endswith(quiz_page)
        return response.status_code == 302 and response.headers["Location"].endswith(quiz_page)

    # an earlier attempt's results: page and API
    results = client.get(f"/attempts/{practice_id}/results").get_data(as_text=True)
    assert shows_markers(results) is allowed
    assert ("verdict" in results) is allowed
    body = api.get(f"/attempts/{practice_id}").get_json()
    assert any("correct_answer" in r for r in body.get("results", [])) is allowed
    assert any("correct" in r for r in body.get("results", [])) is allowed
    assert ("withheld" in body) is not allowed  # and then no answers per question at all
    assert (body["answers"] == {}) is not allowed

    # the source text with a question's passage marked
    assert (
        "<mark" in client.get(f"/quizzes/{PROBE_BANK}/source?q=alliance").get_data(as_text=True)
    ) is allowed

    # flashcards: the study page, a flipped card, the API's due cards and ratings
    for response in (
        client.get(f"/decks/{PROBE_BANK}"),
        client.get(f"/decks/{PROBE_BANK}/study"),
        client.post(
            f"/decks/{PROBE_BANK}/study/flip", data={"key": "q:alliance", "csrf_token": token_of(client)}
        ),
    ):
        assert (response.status_code == 200) is allowed
        assert allowed or refused(response)
    flipped = client.post(
        f"/decks/{PROBE_BANK}/study/flip", data={"key": "q:alliance", "csrf_token": token_of(client)}
    )
    assert ("EXPLANATION-TWO" in flipped.get_data(as_text=True)) is allowed
    due = api.get(f"/flashcards/due?quiz_id={PROBE_BANK}&limit=200")
    assert due.status_code == (200 if allowed else 404 if visibility == "never" else 409)
    if allowed:
        assert any("EXPLANATION-CARD" in card["back"] for card in due.get_json()["cards"])
    everything = api.get("/flashcards/due?limit=200").get_json()["cards"]
    assert any(card["quiz_id"] == PROBE_BANK for card in everything) is allowed
    rated = api.post(f"/flashcards/{PROBE_BANK}:card:ksf/reviews", json={"rating": "good"})
    assert rated.status_code == (200 if allowed else 404 if visibility == "never" else 409)

    # learn mode: starting it, and a session begun before the test
    started = client.post(f"/learn/{PROBE_BANK}", data={"csrf_token": token_of(client)})
    assert ("/learn/sessions/" in started.headers.get("Location", "")) is allowed
    assert allowed or refused(started)
    if learn_id is not None:
        session = client.get(f"/learn/sessions/{learn_id}")
        assert (session.status_code == 200) is allowed
        assert allowed or refused(session)

    # the dashboard's weakest questions, practising them, and retrying the missed ones
    progress = client.get("/progress").get_data(as_text=True)
    assert (f"/quizzes/{PROBE_BANK}/practice-weakest" in progress) is allowed
    weakest = client.post(f"/quizzes/{PROBE_BANK}/practice-weakest", data={"csrf_token": token_of(client)})
    assert ("/attempts/" in weakest.headers.get("Location", "")) is allowed
    assert allowed or refused(weakest)
    retried = client.post(f"/attempts/{practice_id}/retry", data={"csrf_token": token_of(client)})
    assert ("/attempts/" in retried.headers.get("Location", "")) is allowed
    assert allowed or retried.headers["Location"].endswith(quiz_page)


def test_a_test_in_progress_is_said_on_the_quiz_page(probe, app):
    client, _ = probe("after_submit")
    start(client, "test", PROBE_BANK)
    response = client.get(f"/decks/{PROBE_BANK}/study", follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Finish your test of this quiz first" in page
    assert "Flashcards and learn mode open again when you have submitted your test" in page
    assert f'href="/decks/{PROBE_BANK}"' not in page


def test_teachers_always_see_the_answers_of_a_never_bank(probe, app):
    probe("never")
    teacher = app.test_client()
    login(teacher, "tina")
    assert teacher.get(f"/decks/{PROBE_BANK}/study").status_code == 200
    page = teacher.post(
        f"/decks/{PROBE_BANK}/study/flip", data={"key": "q:alliance", "csrf_token": token_of(teacher)}
    )
    assert "EXPLANATION-TWO" in page.get_data(as_text=True)


def test_practice_feedback_comes_right_after_an_answer_only_when_immediately(probe, app):
    for visibility, shown in (("immediately", True), ("after_submit", False), ("never", False)):
        client, _ = probe(visibility)
        attempt_id = start(client, "practice", PROBE_BANK)
        question = attempt_questions(app, attempt_id)[0]
        answer(client, attempt_id, 1, form_fields(question, wrong_response(question)))
        page = client.get(f"/attempts/{attempt_id}/questions/1").get_data(as_text=True)
        assert shows_markers(page) is shown, visibility
        submit(client, attempt_id)


# --- every route that can show answer material asks the rule --------------------------------

ASKS_THE_RULE = {
    # pages
    "quiz.question",
    "quiz.results",
    "quiz.retry",
    "quiz.source",
    "study.deck",
    "study.study",
    "study.flip",
    "study.review",
    "study.back_to_study",
    "study.deck_settings",
    "study.learn_start",
    "study.learn",
    "study.practice_weakest",
    "progress.dashboard",
    "progress.student_progress",
    # API
    "Attempts.start_attempt",
    "Attempts.get_attempt",
    "Attempts.put_answer",
    "Attempts.submit_attempt",
    "Flashcards.due_cards",
    "Flashcards.review_card",
}
TEACHERS_ONLY = {  # answer keys and class data: the role check is the rule (test_access_control)
    "transfer.answer_key",
    "transfer.export",
    "transfer.import_bank_page",
    "Quizzes.get_answer_key",
    "Exports.export",
    "Assignments.create_assignment",  # terms and accommodations: no question, no answer
    "Assignments.update_assignment",
    "Assignments.delete_assignment",
    "Assignments.put_accommodation",
    "Assignments.delete_accommodation",
    "Assignments.put_class_accommodation",
    "Assignments.delete_class_accommodation",
    "editor.banks",
    "editor.edit",
    "editor.keep_draft",  # the teacher's own text, back to them
    "editor.discard_draft",
    "editor.new",
    "questions.edit",  # a question of a bank file, in a form (issue 18)
    "questions.new",
    "questions.choose_type",
    "review.from_article",  # drafting a bank from an article, and reviewing its drafts
    "review.review",
    "review.decide",
    "review.accept_all",
    "progress.class_view",
    "teacher.add_student",
    "teacher.back_to_class",
    "teacher.class_detail",
    "teacher.classes",
    "teacher.export_all",
    "teacher.export_class",
    "teacher.quiz_report",
    "teacher.quiz_results",
    "teacher.remove_student",
    "teacher.put_back",
    "teacher.password_slips_page",
    "teacher.password_slips_csv",
    "teacher.reset_password",
    "teacher.student",
    "teacher.upload_roster",
    "assignments.new",
    "assignments.edit",
    "assignments.delete",
    "assignments.accommodations",
    "assignments.accommodate",
    "assignments.standing_accommodation",
    "assignments.rename_class",
    "assignments.archive_class",
    "assignments.bank_visibility",
    "assignment_results.assignment",  # statuses and scores; an attempt's answers are quiz.results'
    "assignment_results.export",
    "live.host_home",  # a live quiz's projector view and controls: its host's alone
    "live.new",
    "live.host",
    "live.host_action",
    "live.remove_player",
    "live.host_events",
    "live.results",
    "live.report",  # each question's right answer and histogram: the host's alone
}
# A live quiz's player shows each answer once the host reveals it, by a rule of its own:
# ``core.live.views.player_view`` (nothing of an answer before its reveal; tested on the page
# and the stream by tests/web/test_live_pages.py). A bank that never shows its answers cannot
# be hosted, and a student with a test of the bank open cannot join (services/live.py).
LIVE_REVEALS = {"live.play", "live.answer", "live.play_events"}
NO_ANSWER_MATERIAL = {
    "pages.index",
    "quiz.quiz",
    "quiz.attempt",  # a redirect to a question or the results
    "quiz.review",  # a test's list of answered and unanswered questions
    "quiz.start",
    "quiz.submit",
    "quiz.save",  # a redirect; a form with errors is quiz.question's page (it asks the rule)
    "auth.change_password",
    "auth.choose_time_zone",  # a redirect, or the account page's forms
    "auth.join_class",
    "auth.login",
    "auth.logout",
    "auth.setup",
    "auth.signup",
    "health.healthz",
    "static",
    "api-docs.openapi_json",
    "api_docs.reference_page",
    "Tokens.create_token",
    "Tokens.revoke_token",
    "Quizzes.list_quizzes",
    "Progress.my_progress",  # scores and card counts only
    "Assignments.list_classes",  # names, join codes, counts
    "Assignments.list_assignments",  # windows, attempt counts, the counted score
    "live.join",  # the PIN form
}


def test_every_route_is_accounted_for(app):
    endpoints = {rule_.endpoint for rule_ in app.url_map.iter_rules()}
    listed = ASKS_THE_RULE | TEACHERS_ONLY | LIVE_REVEALS | NO_ANSWER_MATERIAL
    assert endpoints - listed == set(), "a new route: say in this file whether it can show answers"
    assert listed - endpoints == set(), "a route in this file no longer exists"


def test_each_route_that_can_show_answers_asks_the_rule(probe, app, people, monkeypatch):
    client, api = probe("immediately")
    practice_id = submitted_practice(client, app)
    learn = client.post(f"/learn/{PROBE_BANK}", data={"csrf_token": token_of(client)}).headers["Location"]
    open_id = start(client, "practice", PROBE_BANK)
    teacher = app.test_client()
    login(teacher, "tina")
    asked: list[rule.Path] = []
    real = rule.disclose

    def spy(path, *args, **kwargs):
        asked.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(rule, "disclose", spy)
    question = attempt_questions(app, open_id)[0]
    token = token_of(client)
    requests = {
        "quiz.question": lambda: client.get(f"/attempts/{open_id}/questions/1"),
        "quiz.results": lambda: client.get(f"/attempts/{practice_id}/results"),
        "quiz.source": lambda: client.get(f"/quizzes/{PROBE_BANK}/source?q=alliance"),
        "study.deck": lambda: client.get(f"/decks/{PROBE_BANK}"),
        "study.study": lambda: client.get(f"/decks/{PROBE_BANK}/study"),
        "study.flip": lambda: client.post(
            f"/decks/{PROBE_BANK}/study/flip", data={"key": "q:alliance", "csrf_token": token}
        ),
        "study.review": lambda: client.post(
            f"/decks/{PROBE_BANK}/study/review",
            data={"key": "q:alliance", "rating": "3", "reviews": "0", "csrf_token": token},
        ),
        "study.back_to_study": lambda: client.get(f"/decks/{PROBE_BANK}/study/flip"),
        "study.deck_settings": lambda: client.post(
            f"/decks/{PROBE_BANK}/settings", data={"new_cards_per_day": "20", "csrf_token": token}
        ),
        "study.learn": lambda: client.get(learn),
        "study.learn_start": lambda: client.post(f"/learn/{PROBE_BANK}", data={"csrf_token": token}),
        "progress.dashboard": lambda: client.get("/progress"),
        "progress.student_progress": lambda: teacher.get(
            f"/classes/{people.class_id}/students/{people.student}/progress"
        ),
        "Attempts.get_attempt": lambda: api.get(f"/attempts/{practice_id}"),
        "Attempts.put_answer": lambda: api.put(
            f"/attempts/{open_id}/answers/{question.id}", json={"response": wrong_response(question)}
        ),
        "Flashcards.due_cards": lambda: api.get(f"/flashcards/due?quiz_id={PROBE_BANK}"),
        "Flashcards.review_card": lambda: api.post(
            f"/flashcards/{PROBE_BANK}:q:destination/reviews", json={"rating": "good"}
        ),
        "Attempts.submit_attempt": lambda: api.post(f"/attempts/{open_id}/submit"),
        "Attempts.start_attempt": lambda: api.post(
            f"/quizzes/{PROBE_BANK}/attempts", json={"mode": "practice"}
        ),
        "quiz.retry": lambda: client.post(f"/attempts/{practice_id}/retry", data={"csrf_token": token}),
        "study.practice_weakest": lambda: client.post(
            f"/quizzes/{PROBE_BANK}/practice-weakest", data={"csrf_token": token}
        ),
    }
    assert set(requests) == ASKS_THE_RULE
    for endpoint, send in requests.items():
        asked.clear()
        response = send()
        assert response.status_code < 400, (
            endpoint,
            response.status_code,
            response.get_data(as_text=True)[:300],
        )
        assert asked, f"{endpoint} showed its page without asking the disclosure rule"


def test_pages_of_an_attempt_are_not_stored_and_a_stale_submit_leads_to_the_results(probe, app):
    client, _ = probe("after_submit")
    attempt_id = start(client, "test", PROBE_BANK)
    page = client.get(f"/attempts/{attempt_id}/questions/1")
    assert page.headers["Cache-Control"] == "no-store"
    assert client.get(f"/attempts/{attempt_id}/review").headers["Cache-Control"] == "no-store"
    review = client.get(f"/attempts/{attempt_id}/review").get_data(as_text=True)
    token = csrf_token(review)
    assert submit(client, attempt_id).status_code == 302
    again = client.post(f"/attempts/{attempt_id}/submit", data={"csrf_token": token}, follow_redirects=True)
    assert again.request.path == f"/attempts/{attempt_id}/results"
    assert "This attempt is closed" in again.get_data(as_text=True)
    assert client.get(f"/attempts/{attempt_id}/results").headers["Cache-Control"] == "no-store"


def test_a_page_number_in_other_digits_is_not_an_error(probe, app):
    client, _ = probe("after_submit")
    attempt_id = start(client, "test", PROBE_BANK)
    question = attempt_questions(app, attempt_id)[0]
    saved = answer(client, attempt_id, 1, form_fields(question, wrong_response(question)), go="²")
    assert saved.status_code == 302
    assert re.search(rf"/attempts/{attempt_id}/questions/2$", saved.headers["Location"])


def test_a_bank_out_of_service_shows_no_answers(probe, app, questions_dir):
    """Its file gone (or broken at start): its settings are unknown, so nothing is disclosed,
    though the attempt's questions are still in the database."""
    client, api = probe("never")
    attempt_id = start(client, "test", PROBE_BANK)
    question = attempt_questions(app, attempt_id)[0]
    answer(client, attempt_id, 1, form_fields(question, wrong_response(question)))
    submit(client, attempt_id)
    (questions_dir / f"{PROBE_BANK}.yaml").unlink()
    with app.app_context():
        from quizapp.services.bank_library import library

        library().reload()
    page = client.get(f"/attempts/{attempt_id}/results").get_data(as_text=True)
    assert not shows_markers(page) and "verdict" not in page
    body = api.get(f"/attempts/{attempt_id}").get_json()
    assert not any("correct" in r or "correct_answer" in r for r in body.get("results", []))
