"""SQLite has one write lock for the whole database: no request may hold it while it reads its
body, renders a page or builds its answer, only for its writes (database.begin_write), so a slow
client or a long render blocks no one else's writes (issue 12, item 2).

The walk below sends every request that can write, each through its real form or API call,
and at each of those moments checks from another connection that the write lock is free.
"""

from __future__ import annotations

import html
import io
import json
import re
import sqlite3
import time
from collections import Counter
from typing import Any

from flask import before_render_template, has_request_context, request

from quizapp.core.accounts import Role
from quizapp.core.answer_key import full_marks_response
from quizapp.db import account_store, bank_store, live_store, study_store
from quizapp.services.question_source import current_bank, questions_for
from tests.helpers.banks import QUESTIONS, assign_every_bank
from tests.helpers.quizzes import attempt_questions, form_fields, wrong_response
from tests.helpers.web import PASSWORD, csrf_token

QUIZ = "kosovo-peacekeepers"
DECK = f"/decks/{QUIZ}"


class LockProbe:
    """Tries BEGIN IMMEDIATE from its own connection (no waiting) at the moments a request must
    not hold the write lock, and records (method, endpoint, moment) each time it could not."""

    def __init__(self, app: Any):
        self.path = app.config["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///")
        self.held: list[tuple[str, str, str]] = []
        self.writes_seen: set[str] = set()  # the endpoints of the non-GET requests sent
        self.checked: Counter[str] = Counter()  # moments checked, by kind
        inner = app.wsgi_app

        def probing_wsgi(environ: dict, start_response: Any) -> Any:
            environ["wsgi.input"] = _ProbingStream(environ["wsgi.input"], self)
            return inner(environ, start_response)

        app.wsgi_app = probing_wsgi
        before_render_template.connect(self._on_render, app)
        app.after_request(self._after_request)

    def check(self, moment: str) -> None:
        if not has_request_context():
            return
        self.checked[moment.split(" ", 1)[0]] += 1
        connection = sqlite3.connect(self.path, timeout=0, isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("ROLLBACK")
        except sqlite3.OperationalError as error:
            assert "locked" in str(error)
            self.held.append((request.method, request.endpoint or request.path, moment))
        finally:
            connection.close()

    def _on_render(self, _app: Any, template: Any, **_extra: Any) -> None:
        self.check(f"rendering {template.name}")

    def _after_request(self, response: Any) -> Any:
        self.check("after the view, while the answer is built")
        if request.method not in {"GET", "HEAD", "OPTIONS"} and request.endpoint:
            self.writes_seen.add(request.endpoint)
        return response


class _ProbingStream:
    """The request body as the app reads it: each read first checks the lock."""

    def __init__(self, stream: Any, probe: LockProbe):
        self.stream, self.probe = stream, probe

    def read(self, *args: Any) -> bytes:
        self.probe.check("reading the body")
        return self.stream.read(*args)

    def readline(self, *args: Any) -> bytes:
        self.probe.check("reading the body")
        return self.stream.readline(*args)

    def readinto(self, buffer: Any) -> int:
        self.probe.check("reading the body")
        return self.stream.readinto(buffer)

    def __iter__(self) -> Any:
        return iter(self.readline, b"")


def _token(client: Any, path: str) -> str:
    return csrf_token(client.get(path).get_data(as_text=True))


def _post(client: Any, path: str, form_page: str, **data: Any) -> Any:
    response = client.post(path, data=dict(data, csrf_token=_token(client, form_page)))
    assert response.status_code < 400, (path, response.status_code, response.get_data(as_text=True)[:500])
    return response


def _id_in(response: Any) -> int:
    return int(re.search(r"/(\d+)(?:/|$)", response.headers["Location"]).group(1))


def _walk_as_teacher(app: Any, teacher: Any) -> str:
    """Set up, classes, students, rosters, banks: returns the class's join code."""
    _post(
        teacher,
        "/setup",
        "/setup",
        username="tina",
        display_name="Tina Teacher",
        password=PASSWORD,
        confirm=PASSWORD,
    )
    created = _post(teacher, "/classes", "/classes", name="History 9B")
    class_id = _id_in(created)
    page = f"/classes/{class_id}"
    added = {"add-username": "sam", "add-display_name": "Sam"}
    _post(teacher, f"{page}/students", page, **added)
    roster = io.BytesIO(b"username,name\nrita,Rita Roster\nrolf,Rolf Roster\n")
    _post(teacher, f"{page}/roster", page, **{"roster-roster": (roster, "roster.csv")})
    with app.app_context():
        rita = account_store.account_by_username("rita")
        rolf = account_store.account_by_username("rolf")
        tina = account_store.account_by_username("tina")
        join_code = account_store.class_of_teacher(class_id, tina.id).join_code
    _post(teacher, f"{page}/students/{rita.id}/password", page)
    assert teacher.get(f"{page}/passwords/slips").status_code == 200
    assert teacher.get(f"{page}/passwords.csv").status_code == 200
    _post(teacher, f"{page}/students/{rolf.id}/remove", page, confirmed="y")
    _post(teacher, f"{page}/students/{rolf.id}/put-back", page)  # undone, and removed again
    _post(teacher, f"{page}/students/{rolf.id}/remove", page, confirmed="y")
    _walk_assignments(app, teacher, class_id)
    _post(teacher, "/banks/new", "/banks/new", title="Lock Test", file_name="lock-test")
    edit = teacher.get("/banks/lock-test.yaml/edit").get_data(as_text=True)
    text = re.search(r"<textarea[^>]*>(.*?)</textarea>", edit, re.S).group(1)
    version = re.search(r'name="version" value="([^"]*)"', edit).group(1)
    draft = {"text": html.unescape(text) + "# a draft\n", "version": version}
    _post(teacher, "/banks/lock-test.yaml/draft", "/banks/lock-test.yaml/edit", **draft)
    assert "unsaved draft" in teacher.get("/banks/lock-test.yaml/edit").get_data(as_text=True)
    _post(teacher, "/banks/lock-test.yaml/draft/discard", "/banks/lock-test.yaml/edit")
    _post(
        teacher,
        "/banks/lock-test.yaml/edit",
        "/banks/lock-test.yaml/edit",
        text=html.unescape(text).replace("Lock Test", "Lock Test, edited"),
        version=version,
        action="save",
    )
    with app.app_context():
        assert "Lock Test, edited" in {bank.title for bank in bank_store.list_banks()}  # synced
    pasted = "\n".join(f"term {n}\tdefinition {n}" for n in range(50))
    _post(
        teacher,
        "/banks/import",
        "/banks/import",
        file_format="quizlet",
        pasted=pasted,
        title="Lock import",
        file_name="lock-import",
    )
    _walk_question_forms_and_drafting(teacher)
    _post(teacher, "/logout", "/classes")
    return join_code


def _walk_question_forms_and_drafting(teacher: Any) -> None:
    """A question added and edited in the form; a bank drafted from an article, one draft
    accepted, then all the others (issue 18)."""
    from tests.web.test_question_form import form_data

    new = "/banks/lock-test.yaml/questions/new/short"
    fields = {**form_data(teacher.get(new).get_data(as_text=True)), "id": "lock-q", "prompt": "P?"}
    _post(teacher, new, new, **{**fields, "accept": "yes", "action": "save"})
    edit = "/banks/lock-test.yaml/questions/lock-q/edit"
    fields = form_data(teacher.get(edit).get_data(as_text=True))
    _post(teacher, edit, edit, **{**fields, "prompt": "P, edited?", "action": "save"})
    article = (QUESTIONS / "sources" / "kosovo-peacekeepers.txt").read_text(encoding="utf-8")
    _post(teacher, "/banks/from-article", "/banks/from-article", pasted=article, title="Lock draft")
    review = "/banks/lock-draft.yaml/review"
    page = teacher.get(review).get_data(as_text=True)
    first = re.search(r'action="/banks/lock-draft.yaml/review/([^"]+)"', page).group(1)
    version = re.search(r'name="version" value="([^"]*)"', page).group(1)
    _post(teacher, f"{review}/{first}", review, version=version, decision="accept")
    version = re.search(r'name="version" value="([^"]*)"', teacher.get(review).get_data(as_text=True)).group(
        1
    )
    _post(teacher, "/banks/lock-draft.yaml/accept-drafts", review, version=version)


def _walk_assignments(app: Any, teacher: Any, class_id: int) -> None:
    """Assign, change, accommodate (on one assignment, on every test), delete; rename and archive
    the class; hide a bank. Each change is undone, so that the student's walk finds the quiz open
    to them."""
    page = f"/classes/{class_id}"
    new = f"{page}/assignments/new"
    terms = {"due_at": "2099-12-01 23:59", "unlimited": "y", "counted": "best", "study": "y"}
    _post(teacher, new, new, quiz=QUIZ, **terms)
    assignment_id = int(
        re.search(r"/assignments/(\d+)/edit", teacher.get(page).get_data(as_text=True)).group(1)
    )
    edit = f"/assignments/{assignment_id}/edit"
    _post(teacher, edit, edit, **terms, accept_late="y")
    with app.app_context():
        rita = account_store.account_by_username("rita")
    accommodations = f"/assignments/{assignment_id}/accommodations"
    fields = {f"s{rita.id}-extra_time_percent": "50", f"s{rita.id}-save": "Save"}
    _post(teacher, f"{accommodations}/{rita.id}", accommodations, **fields)
    every_test = f"{page}/students/{rita.id}/accommodation"  # on every test of the class
    _post(teacher, every_test, every_test, extra_time_percent="50", save="Save")
    _post(teacher, every_test, every_test, remove="Remove")
    _post(teacher, new, new, quiz=QUIZ, **terms)
    spare = max(
        int(found)
        for found in re.findall(r"/assignments/(\d+)/edit", teacher.get(page).get_data(as_text=True))
    )
    _post(teacher, f"/assignments/{spare}/delete", f"/assignments/{spare}/delete")
    _post(teacher, f"{page}/rename", page, **{"rename-name": "History 9B, spring"})
    _post(teacher, f"{page}/archive", page, archive="y")
    _post(teacher, f"{page}/archive", page)  # back
    visibility = f"/banks/{QUIZ}/visibility"
    _post(teacher, visibility, visibility, published="no", open_practice="no")
    _post(teacher, visibility, visibility, published="yes", open_practice="no")


def _walk_as_student(app: Any, student: Any, join_code: str) -> None:
    """Sign up, join, change password, quizzes, flashcards, learn mode, log out and in."""
    _post(
        student,
        "/signup",
        "/signup",
        join_code=join_code,
        username="ana",
        display_name="Ana",
        password=PASSWORD,
        confirm=PASSWORD,
    )
    _post(student, "/join", "/join", join_code=join_code)
    _post(student, "/account/time-zone", "/account/password", time_zone="Europe/Belgrade")
    new_password = "another-long-password"
    _post(
        student,
        "/account/password",
        "/account/password",
        current=PASSWORD,
        password=new_password,
        confirm=new_password,
    )
    _post(student, "/account/time-zone", "/account/password", time_zone="Europe/Belgrade")
    quiz = f"/quizzes/{QUIZ}"
    attempt_id = _id_in(_post(student, f"{quiz}/attempts", quiz, mode="practice"))
    questions = attempt_questions(app, attempt_id)
    for number in (1, 2):
        question = questions[number - 1]
        url = f"/attempts/{attempt_id}/questions/{number}"
        _post(student, url, url, **form_fields(question, wrong_response(question)))
    _post(student, f"/attempts/{attempt_id}/submit", "/account/password")
    _post(student, f"/attempts/{attempt_id}/retry", "/account/password")
    _post(student, f"{quiz}/practice-weakest", "/progress")
    _post(student, f"{DECK}/settings", DECK, new_cards_per_day="15")
    page = student.get(f"{DECK}/study").get_data(as_text=True)
    key = re.search(r'name="key" value="([^"]+)"', page).group(1)
    flipped = _post(student, f"{DECK}/study/flip", f"{DECK}/study", key=key).get_data(as_text=True)
    reviews = re.search(r'name="reviews" value="(\d+)"', flipped).group(1)
    _post(student, f"{DECK}/study/review", f"{DECK}/study", key=key, rating="3", reviews=reviews)
    learn = _post(student, f"/learn/{QUIZ}", DECK)
    url = learn.headers["Location"]
    with app.app_context():
        state = study_store.learn_session(int(url.rsplit("/", 1)[1]))
        question = next(
            q for q in questions_for(state.bank_slug, state.items) if q.id == state.session.current
        )
    fields = form_fields(question, full_marks_response(question))
    _post(student, url, url, question=question.id, **fields)
    _post(student, "/logout", "/account/password")
    _post(student, "/login", "/login", username="ana", password=new_password)


def _walk_the_api(app: Any, client: Any) -> None:
    def call(method: str, path: str, **kwargs: Any) -> Any:
        response = client.open(f"/api/v1{path}", method=method, **kwargs)
        assert response.status_code < 400, (path, response.get_data(as_text=True))
        return response.get_json(silent=True)

    token = call("POST", "/auth/token", json={"username": "ana", "password": "another-long-password"})[
        "token"
    ]
    headers = {"Authorization": f"Bearer {token}"}
    attempt = call("POST", f"/quizzes/{QUIZ}/attempts", json={"mode": "test"}, headers=headers)
    shown = attempt["questions"][0]["id"]
    with app.app_context():
        response = full_marks_response(current_bank(QUIZ).question(shown))
    call("PUT", f"/attempts/{attempt['id']}/answers/{shown}", json={"response": response}, headers=headers)
    call("POST", f"/attempts/{attempt['id']}/submit", headers=headers)
    [card] = call("GET", f"/flashcards/due?quiz_id={QUIZ}&limit=1", headers=headers)["cards"]
    rating = {"rating": "good", "reviews": card["reviews"]}
    call("POST", f"/flashcards/{card['id']}/reviews", json=rating, headers=headers)
    call("DELETE", "/auth/token", headers=headers)
    tina = call("POST", "/auth/token", json={"username": "tina", "password": PASSWORD})
    teacher = {"Authorization": f"Bearer {tina['token']}"}
    [classroom] = call("GET", "/classes", headers=teacher)["classes"]
    terms = {"quiz_id": QUIZ, "due_at": "2030-01-01T08:00:00+01:00", "max_attempts": 2}
    assigned = call("POST", f"/classes/{classroom['id']}/assignments", json=terms, headers=teacher)
    path = f"/assignments/{assigned['id']}"
    call("PATCH", path, json={"late": True}, headers=teacher)
    call("PUT", f"{path}/accommodations/ana", json={"extra_time_percent": 50}, headers=teacher)
    call("DELETE", f"{path}/accommodations/ana", headers=teacher)
    every_test = f"/classes/{classroom['id']}/students/ana/accommodation"
    call("PUT", every_test, json={"extra_attempts": 1}, headers=teacher)
    call("DELETE", every_test, headers=teacher)
    call("DELETE", path, headers=teacher)


def _walk_live(app: Any) -> None:
    """A live quiz: the teacher opens one; Ana and a guest join, the teacher removes the guest;
    Ana answers, the teacher reveals and ends it (which keeps Ana's answers as an attempt)."""
    teacher, student = app.test_client(), app.test_client()
    _post(teacher, "/login", "/login", username="tina", password=PASSWORD)
    new = f"/live/new/{QUIZ}"
    created = _post(
        teacher, new, new, pick="chosen", question="mission-request", seconds="30", allow_guests="1"
    )
    live_id = _id_in(created)
    host = f"/live/host/{live_id}"
    pin = re.search(r'class="live-pin"[^>]*>(\d{3}) (\d{3})<', teacher.get(host).get_data(as_text=True))
    _post(student, "/login", "/login", username="ana", password="another-long-password")
    _post(student, "/live", "/live", pin="".join(pin.groups()))
    guest = app.test_client()
    _post(guest, "/live", "/live", pin="".join(pin.groups()), nickname="Prank")
    with app.app_context():
        (prank,) = [p for p in live_store.players(live_id) if p.user_id is None]
    _post(teacher, f"{host}/players/{prank.id}/remove", host)
    _post(teacher, f"{host}/start", host)
    _post(student, f"/live/{live_id}/answer", f"/live/{live_id}", question="0", text="CENTCOM")
    _post(teacher, f"{host}/reveal", host)
    _post(teacher, f"{host}/end", host)
    for page in ("/live/results", f"/live/results/{live_id}"):  # read only, or keep the results once
        assert teacher.get(page).status_code == 200


def test_no_request_holds_the_write_lock_while_it_reads_renders_or_answers(sqlite_app, monkeypatch):
    """Every route that writes, walked: the lock is free while each reads its body, renders
    its page and builds its answer (before: held by every POST from its first query)."""
    app = sqlite_app
    probe = LockProbe(app)
    hash_password = account_store._hash

    def probed_hash(password: str) -> str:  # slow on purpose: never under the lock
        probe.check("hashing a password")
        return hash_password(password)

    monkeypatch.setattr(account_store, "_hash", probed_hash)
    join_code = _walk_as_teacher(app, app.test_client())
    assign_every_bank(app)
    _walk_as_student(app, app.test_client(), join_code)
    _walk_the_api(app, app.test_client())
    _walk_live(app)
    # the first teacher's set-up (once, before any student exists) checks that no teacher
    # exists and creates one in one write, so two set-ups at once cannot both succeed
    first_run = ("POST", "auth.setup", "hashing a password")
    assert [moment for moment in probe.held if moment != first_run] == []
    assert probe.checked["reading"] >= 25 and probe.checked["rendering"] >= 20
    assert probe.checked["hashing"] >= 6  # set-up, student, roster (2), reset, sign-up, change
    writing = {
        rule.endpoint for rule in app.url_map.iter_rules() if rule.methods - {"GET", "HEAD", "OPTIONS"}
    }
    assert probe.writes_seen == writing, "a route that writes is missing from the walk"


def test_a_slow_body_leaves_every_other_write_free(sqlite_app):
    """A logged-out client announces a body and sends it a byte at a time: between its bytes,
    another connection takes the write lock at once (before: it waited for the whole request)."""
    app = sqlite_app
    with app.app_context():
        account_store.create_user("ana", "Ana", PASSWORD, Role.STUDENT)
        account_store.commit()
    waits: list[float] = []

    class SlowBody:
        """The body as a slow client sends it: a byte per read, and someone else writes meanwhile."""

        def __init__(self, data: bytes):
            self.data = io.BytesIO(data)

        def read(self, size: int = -1) -> bytes:
            waits.append(_seconds_to_take_the_lock(app))
            return self.data.read(1 if size else 0)

        def readinto(self, buffer: Any) -> int:
            chunk = self.read(len(buffer))
            buffer[: len(chunk)] = chunk
            return len(chunk)

        def readline(self, size: int = -1) -> bytes:
            return self.read(size)

    inner = app.wsgi_app

    def slow_client(environ: dict, start_response: Any) -> Any:
        environ["wsgi.input"] = SlowBody(environ["wsgi.input"].read())
        return inner(environ, start_response)

    app.wsgi_app = slow_client
    body = {"username": "ana", "password": PASSWORD}
    response = app.test_client().post("/api/v1/auth/token", json=body)
    assert response.status_code == 200, response.get_json()
    assert len(waits) >= len(json.dumps(body))
    assert max(waits) < 0.25, f"a write waited {max(waits):.2f} s for the slow request"


def _seconds_to_take_the_lock(app: Any) -> float:
    """How long another connection waits for the write lock (it gives up after 0.5 s: inf)."""
    path = app.config["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///")
    connection = sqlite3.connect(path, timeout=0.5, isolation_level=None)
    started = time.monotonic()
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("ROLLBACK")
        return time.monotonic() - started
    except sqlite3.OperationalError:
        return float("inf")
    finally:
        connection.close()
