"""Every route and method, for every role, against an explicit table of who may use it.

A new route fails this test until it is added to ALLOWED: access is a decision, not a default.
"""

from __future__ import annotations

import pytest

from tests.helpers.web import PASSWORD, csrf_token, login

# "outsider": a student of another class (the bank is not assigned to it); "early": a student of
# the class before the assignment opens for her (her own opening time, a month away)
ROLES = ("anonymous", "student", "classmate", "outsider", "early", "teacher", "other_teacher")
USERNAMES = {
    "student": "sam",
    "classmate": "sara",
    "outsider": "oleg",
    "early": "ella",
    "teacher": "tina",
    "other_teacher": "otto",
}
EVERYONE = set(ROLES)
LOGGED_IN = EVERYONE - {"anonymous"}
STUDENTS = {"student", "classmate", "outsider", "early"}
TEACHERS = {"teacher", "other_teacher"}
SEES_THE_BANK = LOGGED_IN - {"outsider"}  # before it opens: only when it opens
READS_THE_BANK = LOGGED_IN - {"outsider", "early"}  # its text, practice, flashcards, learn mode

# (endpoint, method) -> roles that may use it. The attempt and class in the URLs are the
# student's and the teacher's; "classmate" is another student of the same class.
ALLOWED: dict[tuple[str, str], set[str]] = {
    ("pages.index", "GET"): EVERYONE,
    ("auth.setup", "GET"): set(),  # gone once a teacher exists
    ("auth.setup", "POST"): set(),
    ("auth.login", "GET"): EVERYONE,
    ("auth.login", "POST"): EVERYONE,
    ("auth.logout", "POST"): EVERYONE,
    ("auth.signup", "GET"): EVERYONE,
    ("auth.signup", "POST"): EVERYONE,
    ("auth.join_class", "GET"): STUDENTS,
    ("auth.join_class", "POST"): STUDENTS,
    ("auth.change_password", "GET"): LOGGED_IN,
    ("auth.change_password", "POST"): LOGGED_IN,
    ("auth.choose_time_zone", "POST"): LOGGED_IN,
    ("quiz.quiz", "GET"): SEES_THE_BANK,  # teachers try quizzes as their students will
    ("quiz.start", "POST"): READS_THE_BANK,  # practice (tests: tests/web/test_bank_visibility.py)
    ("quiz.attempt", "GET"): {"student"},
    ("quiz.question", "GET"): {"student"},
    ("quiz.save", "POST"): {"student"},
    ("quiz.review", "GET"): {"student"},
    ("quiz.submit", "POST"): {"student"},
    ("quiz.retry", "POST"): {"student"},
    ("quiz.results", "GET"): {"student", "teacher"},
    ("quiz.source", "GET"): READS_THE_BANK,
    ("teacher.classes", "GET"): TEACHERS,
    ("teacher.classes", "POST"): TEACHERS,
    ("teacher.class_detail", "GET"): {"teacher"},
    ("teacher.add_student", "POST"): {"teacher"},
    ("teacher.upload_roster", "POST"): {"teacher"},
    ("teacher.quiz_results", "GET"): {"teacher"},
    ("teacher.student", "GET"): {"teacher"},
    ("teacher.back_to_class", "GET"): {"teacher"},
    ("teacher.export_class", "GET"): {"teacher"},
    ("teacher.quiz_report", "GET"): {"teacher"},
    ("teacher.export_all", "GET"): TEACHERS,
    ("assignment_results.assignment", "GET"): {"teacher"},  # the teacher of the assignment's class
    ("assignment_results.export", "GET"): {"teacher"},
    ("editor.banks", "GET"): TEACHERS,
    ("editor.edit", "GET"): TEACHERS,
    ("editor.edit", "POST"): TEACHERS,
    ("editor.keep_draft", "POST"): TEACHERS,  # each teacher's own draft of a shared file
    ("editor.discard_draft", "POST"): TEACHERS,
    ("editor.new", "GET"): TEACHERS,
    ("editor.new", "POST"): TEACHERS,
    ("questions.edit", "GET"): TEACHERS,  # one question of a shared bank file, in a form
    ("questions.edit", "POST"): TEACHERS,
    ("questions.choose_type", "GET"): TEACHERS,
    ("questions.new", "GET"): TEACHERS,
    ("questions.new", "POST"): TEACHERS,
    ("transfer.import_bank_page", "GET"): TEACHERS,  # bank files are shared by the school's teachers
    ("transfer.import_bank_page", "POST"): TEACHERS,
    ("transfer.export", "GET"): TEACHERS,
    ("transfer.answer_key", "GET"): TEACHERS,
    ("review.from_article", "GET"): TEACHERS,  # a new bank from an article, and its review
    ("review.from_article", "POST"): TEACHERS,
    ("review.review", "GET"): TEACHERS,
    ("review.decide", "POST"): TEACHERS,
    ("review.accept_all", "POST"): TEACHERS,
    ("study.deck", "GET"): READS_THE_BANK,
    ("study.deck_settings", "POST"): READS_THE_BANK,
    ("study.study", "GET"): READS_THE_BANK,
    ("study.flip", "POST"): READS_THE_BANK,
    ("study.back_to_study", "GET"): READS_THE_BANK,
    ("study.review", "POST"): READS_THE_BANK,  # each rates their own card: cards are per student
    ("study.learn_start", "POST"): READS_THE_BANK,
    ("study.learn", "GET"): {"student"},
    ("study.learn", "POST"): {"student"},
    ("study.practice_weakest", "POST"): READS_THE_BANK,
    ("progress.dashboard", "GET"): LOGGED_IN,
    ("progress.student_progress", "GET"): {"teacher"},
    ("progress.class_view", "GET"): {"teacher"},
    ("teacher.reset_password", "POST"): {"teacher"},
    ("teacher.remove_student", "POST"): {"teacher"},
    ("teacher.put_back", "POST"): {"teacher"},
    ("teacher.password_slips_page", "GET"): {"teacher"},
    ("teacher.password_slips_csv", "GET"): {"teacher"},
    # assignments of the teacher's class (another teacher's are "not found")
    ("assignments.new", "GET"): {"teacher"},
    ("assignments.new", "POST"): {"teacher"},
    ("assignments.edit", "GET"): {"teacher"},
    ("assignments.edit", "POST"): {"teacher"},
    ("assignments.delete", "GET"): {"teacher"},
    ("assignments.delete", "POST"): {"teacher"},
    ("assignments.accommodations", "GET"): {"teacher"},
    ("assignments.accommodate", "GET"): {"teacher"},
    ("assignments.accommodate", "POST"): {"teacher"},
    ("assignments.standing_accommodation", "GET"): {"teacher"},  # the class's teacher
    ("assignments.standing_accommodation", "POST"): {"teacher"},
    ("assignments.rename_class", "GET"): {"teacher"},
    ("assignments.rename_class", "POST"): {"teacher"},
    ("assignments.archive_class", "GET"): {"teacher"},
    ("assignments.archive_class", "POST"): {"teacher"},
    ("assignments.bank_visibility", "GET"): TEACHERS,  # banks are the school's teachers'
    ("assignments.bank_visibility", "POST"): TEACHERS,
    # live quizzes: teachers host (a session is its host's alone); anyone may type a PIN; the
    # session's players (the student joined it) play
    ("live.host_home", "GET"): TEACHERS,
    ("live.new", "GET"): TEACHERS,
    ("live.new", "POST"): TEACHERS,
    ("live.host", "GET"): {"teacher"},
    ("live.host_action", "POST"): {"teacher"},
    ("live.remove_player", "POST"): {"teacher"},
    ("live.host_events", "GET"): {"teacher"},
    ("live.results", "GET"): TEACHERS,  # each teacher's own sessions
    ("live.report", "GET"): {"teacher"},
    ("live.join", "GET"): EVERYONE,
    ("live.join", "POST"): EVERYONE,  # a wrong PIN is a form error for everyone
    ("live.play", "GET"): {"student"},
    ("live.answer", "POST"): {"student"},
    ("live.play_events", "GET"): {"student"},
    # the JSON API (token, not cookie): the same rules as the pages
    ("health.healthz", "GET"): EVERYONE,  # load balancers ask it; it says nothing secret
    ("api-docs.openapi_json", "GET"): EVERYONE,
    ("api_docs.reference_page", "GET"): EVERYONE,
    ("Tokens.create_token", "POST"): EVERYONE,  # logging in
    ("Tokens.revoke_token", "DELETE"): LOGGED_IN,
    ("Quizzes.list_quizzes", "GET"): LOGGED_IN,
    ("Quizzes.get_answer_key", "GET"): TEACHERS,
    ("Attempts.start_attempt", "POST"): READS_THE_BANK,  # practice
    ("Attempts.get_attempt", "GET"): {"student", "teacher"},  # a submitted attempt
    ("Attempts.put_answer", "PUT"): {"student"},
    ("Attempts.submit_attempt", "POST"): {"student"},
    ("Progress.my_progress", "GET"): LOGGED_IN,
    ("Flashcards.due_cards", "GET"): LOGGED_IN,
    ("Flashcards.review_card", "POST"): READS_THE_BANK,
    ("Exports.export", "GET"): TEACHERS,  # each their own classes
    ("Assignments.list_classes", "GET"): LOGGED_IN,  # each their own classes
    ("Assignments.list_assignments", "GET"): LOGGED_IN,  # each their own
    ("Assignments.create_assignment", "POST"): {"teacher"},  # the class's teacher
    ("Assignments.update_assignment", "PATCH"): {"teacher"},
    ("Assignments.delete_assignment", "DELETE"): {"teacher"},
    ("Assignments.put_accommodation", "PUT"): {"teacher"},
    ("Assignments.delete_accommodation", "DELETE"): {"teacher"},
    ("Assignments.put_class_accommodation", "PUT"): {"teacher"},  # the class's teacher
    ("Assignments.delete_class_accommodation", "DELETE"): {"teacher"},
}
API_BODIES = {
    "Tokens.create_token": {"username": "sam", "password": PASSWORD},
    "Attempts.start_attempt": {"mode": "practice"},
    "Attempts.put_answer": {"response": None},
    "Flashcards.review_card": {"rating": "good"},
    "Assignments.create_assignment": {"quiz_id": "kosovo-peacekeepers", "max_attempts": None},
    "Assignments.update_assignment": {"max_attempts": None},
    "Assignments.put_accommodation": {"extra_time_percent": 50},
    "Assignments.put_class_accommodation": {"extra_time_percent": 50},
}


def routes(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule, method


def test_the_table_covers_every_route(app):
    assert {(rule.endpoint, method) for rule, method in routes(app)} == set(ALLOWED)


def url_values(rule, setting) -> dict:
    people = setting["people"]
    submitted = ("quiz.retry", "quiz.results", "Attempts.get_attempt")
    attempt = setting["submitted"] if rule.endpoint in submitted else setting["open"]
    # changes to a student's account are tried on the classmate, so the student's pages stay;
    # an assignment is deleted on a spare one, so the pages of the class's assignment stay
    changes = rule.endpoint in ("teacher.reset_password", "teacher.remove_student")
    deletes = rule.endpoint == "assignments.delete"
    deletes_by_api = rule.endpoint == "Assignments.delete_assignment"  # a spare of its own
    candidates = {
        "attempt_id": attempt,
        "number": 1,
        "bank_slug": "kosovo-peacekeepers",
        "class_id": people.class_id,
        "student_id": people.classmate if changes else people.student,
        "session_id": setting["learn"],
        "kind": "attempts",
        "name": "kosovo-peacekeepers.yaml",
        "fmt": "csv",
        "file_format": "gift",
        "type_name": "short",
        "quiz_id": "kosovo-peacekeepers",
        "question_id": setting["open_question"],
        "card_id": "kosovo-peacekeepers:q:mission-unit",
        "assignment_id": (
            setting["spare_assignment"]
            if deletes
            else setting["api_spare_assignment"]
            if deletes_by_api
            else setting["assignment"]
        ),
        "username": "sam",  # an accommodation: the classmate may have left the class by then
        "live_id": setting["live"],
        "action": "pause",  # in the lobby: refused with a message, the session unchanged
        "player_id": 999_999,  # no such player: the host is told so, the session unchanged
    }
    return {name: candidates[name] for name in rule.arguments}


def outcome(response, endpoint: str) -> str:
    location = response.headers.get("Location", "")
    if endpoint == "auth.logout":
        return "allowed" if response.status_code == 302 else "denied"
    if response.status_code in (401, 403, 404) or (
        response.status_code == 302 and "/login" in location and "logout" not in location
    ):
        return "denied"
    assert response.status_code != 400, "a refused CSRF token would hide the access decision"
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    return "allowed"


API_ENDPOINTS = {endpoint for endpoint, _ in ALLOWED if endpoint[0].isupper()}


def api_call(app, endpoint: str, method: str, url: str, role: str):
    """An API call as ``role`` with a fresh token (a revoked one must not spoil the next call)."""
    client = app.test_client()
    headers = {}
    if role != "anonymous":
        token = client.post("/api/v1/auth/token", json={"username": USERNAMES[role], "password": PASSWORD})
        headers["Authorization"] = f"Bearer {token.get_json()['token']}"
    response = client.open(url, method=method, headers=headers, json=API_BODIES.get(endpoint))
    response.get_data()
    assert response.status_code != 400, response.get_json()
    return response


@pytest.mark.parametrize("role", ROLES)
def test_every_route_for_every_role(app, with_assignments, role):
    setting = with_assignments
    client = app.test_client()
    if role != "anonymous":
        login(client, USERNAMES[role])
    token_page = "/login" if role == "anonymous" else "/account/password"
    token = csrf_token(client.get(token_page).get_data(as_text=True))
    results = {}
    for rule, method in routes(app):
        with app.test_request_context():
            from flask import url_for

            url = url_for(rule.endpoint, **url_values(rule, setting))
        if rule.endpoint in API_ENDPOINTS:
            response = api_call(app, rule.endpoint, method, url, role)
        elif method == "GET":
            response = client.get(url)
            response.get_data()  # read a streamed body to its end, as a browser would
        else:
            response = client.post(
                url,
                data={
                    "csrf_token": token,
                    "mode": "practice",
                    "key": "q:mission-unit",
                    "rating": "3",
                    "reviews": "0",
                    "new_cards_per_day": "20",
                    "decision": "accept",  # a draft reviewed (no version sent: a conflict, nothing changed)
                },
            )
        if rule.endpoint == "auth.logout":  # the session ended: carry on as the same role
            if role != "anonymous":
                login(client, USERNAMES[role])
            token = csrf_token(client.get(token_page).get_data(as_text=True))
        results[(rule.endpoint, method)] = outcome(response, rule.endpoint)
    expected = {key: ("allowed" if role in roles else "denied") for key, roles in ALLOWED.items()}
    assert results == expected
