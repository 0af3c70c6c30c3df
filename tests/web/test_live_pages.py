"""Live quiz pages (web/live/): joining, who may control and answer, what a player's page and
event stream show before and after the reveal, and a reconnect that resumes."""

from __future__ import annotations

import re

from quizapp.db import live_store
from tests.helpers.live import LIVE_BANK, LIVE_CHOICE, LIVE_SHORT, post_form
from tests.helpers.web import csrf_token, login

BANK, SHORT, CHOICE = LIVE_BANK, LIVE_SHORT, LIVE_CHOICE
EXPLANATION = "following a request from the U.S. Central Command"


post = post_form


def act(quiz, action):
    host, live_id = quiz["host"], quiz["id"]
    return post(host, f"/live/host/{live_id}/{action}", f"/live/host/{live_id}")


def answer(client, quiz, index, **fields):
    page = f"/live/{quiz['id']}"
    return post(client, f"/live/{quiz['id']}/answer", page, question=str(index), **fields)


def test_the_host_sees_the_pin_and_who_joined(live_quiz):
    quiz = live_quiz()
    page = quiz["host"].get(f"/live/host/{quiz['id']}").get_data(as_text=True)
    assert f"{quiz['pin'][:3]} {quiz['pin'][3:]}" in page and "Sam Student" in page and "1 player" in page


def test_a_student_of_another_class_is_refused(app, live_quiz):
    quiz = live_quiz()
    oleg = app.test_client()
    login(oleg, "oleg")
    refused = post(oleg, "/live", pin=quiz["pin"])
    assert refused.status_code == 403 and "another class" in refused.get_data(as_text=True)
    assert oleg.get(f"/live/{quiz['id']}").status_code == 404


def test_a_guest_is_refused_unless_the_session_allows_guests(app, live_quiz):
    closed = live_quiz()
    guest = app.test_client()
    assert post(guest, "/live", pin=closed["pin"], nickname="Zed").status_code == 403
    opened = live_quiz(allow_guests=True)
    joined = post(guest, "/live", pin=opened["pin"], nickname="Zed")
    assert joined.headers["Location"].endswith(f"/live/{opened['id']}")
    assert "You're in!" in guest.get(f"/live/{opened['id']}").get_data(as_text=True)
    assert app.test_client().get(f"/live/{opened['id']}").status_code == 404  # another browser is no one


def test_only_the_host_controls_the_session(app, live_quiz):
    quiz = live_quiz()
    otto = app.test_client()
    login(otto, "otto")
    assert otto.get(f"/live/host/{quiz['id']}").status_code == 404
    assert post(otto, f"/live/host/{quiz['id']}/start", "/live/host").status_code == 404
    assert post(quiz["sam"], f"/live/host/{quiz['id']}/start").status_code == 403
    with app.app_context():
        assert live_store.read_session(quiz["id"]).state.seq == 0


def test_a_wrong_pin_is_limited_per_address(app, live_quiz):
    quiz = live_quiz()
    app.config["LIVE_WRONG_PIN_LIMIT_PER_ADDRESS"] = "3 per minute"
    wrong = "000000" if quiz["pin"] != "000000" else "000001"
    statuses = [post(quiz["sam"], "/live", pin=wrong).status_code for _ in range(4)]
    assert statuses == [422, 422, 422, 429]
    assert post(quiz["sam"], "/live", pin=quiz["pin"]).status_code == 429  # even the right one, for a while


def test_nothing_of_the_answer_before_the_reveal_in_the_page_or_the_stream(app, live_quiz):
    quiz = live_quiz()
    act(quiz, "start")
    for round_ in range(2):  # before the player answers, and after
        page = quiz["sam"].get(f"/live/{quiz['id']}").get_data(as_text=True)
        stream = quiz["sam"].get(f"/live/{quiz['id']}/events").get_data(as_text=True)
        assert round_ == 1 or ("At whose request" in page and "At whose request" in stream)
        for text in (page, stream):
            assert "Central Command" not in text and EXPLANATION not in text and "<mark>" not in text
            assert "live-histogram" not in text
        answer(quiz["sam"], quiz, 0, text="CENTCOM")
    assert "Your answer is in" in page
    act(quiz, "reveal")
    page = quiz["sam"].get(f"/live/{quiz['id']}").get_data(as_text=True)
    assert "Right!" in page and "U.S. Central Command" in page and EXPLANATION in page and "<mark>" in page


def test_an_answer_after_the_reveal_is_refused(app, live_quiz):
    quiz = live_quiz()
    act(quiz, "start")
    act(quiz, "reveal")
    refused = answer(quiz["sam"], quiz, 0, text="CENTCOM")
    assert refused.status_code == 409 and "not counted" in refused.get_data(as_text=True)
    with app.app_context():
        assert live_store.answers(quiz["id"]) == []


def test_a_double_tap_counts_once(app, live_quiz):
    quiz = live_quiz()
    act(quiz, "start")
    answer(quiz["sam"], quiz, 0, text="NATO")
    again = answer(quiz["sam"], quiz, 0, text="CENTCOM")
    assert again.status_code == 302
    with app.app_context():
        [given] = live_store.answers(quiz["id"])
    assert given.response == "NATO" and not given.correct


def test_a_player_cannot_answer_for_another(app, live_quiz):
    quiz = live_quiz()
    sara = app.test_client()
    login(sara, "sara")
    post(sara, "/live", pin=quiz["pin"])
    with app.app_context():
        sam_player = live_store.players(quiz["id"])[0]
    act(quiz, "start")
    answer(sara, quiz, 0, text="NATO", player=str(sam_player.id), player_id=str(sam_player.id))
    with app.app_context():
        [given] = live_store.answers(quiz["id"])
    assert given.player_id != sam_player.id  # counted as Sara's: who answers is the login, not the form
    stranger = app.test_client()
    refused = post(stranger, f"/live/{quiz['id']}/answer", "/live", question="0", text="NATO")
    assert refused.status_code == 404


def test_a_reconnect_with_last_event_id_gets_the_current_state_at_once(app, live_quiz):
    quiz = live_quiz()
    act(quiz, "start")
    act(quiz, "reveal")
    response = quiz["sam"].get(f"/live/{quiz['id']}/events", headers={"Last-Event-ID": "0"})
    assert response.mimetype == "text/event-stream"
    text = response.get_data(as_text=True)
    with app.app_context():
        seq = live_store.read_session(quiz["id"]).state.seq
    assert re.search(rf"^id: {seq}$", text, re.M) and "event: state" in text
    assert 'data-phase="revealed"' in text and "No answer this time" in text


def test_the_page_works_without_javascript(live_quiz):
    quiz = live_quiz()
    lobby = quiz["sam"].get(f"/live/{quiz['id']}").get_data(as_text=True)
    assert 'http-equiv="refresh"' in lobby and ">Refresh</a>" in lobby
    act(quiz, "start")
    question = quiz["sam"].get(f"/live/{quiz['id']}").get_data(as_text=True)
    assert 'http-equiv="refresh"' not in question  # no refresh while the player types
    assert 'method="post"' in question and 'name="text"' in question


def test_the_podium_ends_the_session_and_frees_the_pin(app, live_quiz):
    quiz = live_quiz()
    act(quiz, "start")
    answer(quiz["sam"], quiz, 0, text="NATO")
    act(quiz, "reveal")
    act(quiz, "next")
    act(quiz, "reveal")
    act(quiz, "next")
    page = quiz["host"].get(f"/live/host/{quiz['id']}").get_data(as_text=True)
    assert "Podium" in page and "No one scored." in page and "Missed most" in page
    assert "Question 1:" in page and "Question 2:" not in page  # no one answered it
    again = post(quiz["sam"], "/live", pin=quiz["pin"])
    assert again.status_code == 422


def test_a_students_live_attempt_shows_in_their_pages_the_class_results_and_exports(app, people, live_quiz):
    quiz = live_quiz()
    act(quiz, "start")
    answer(quiz["sam"], quiz, 0, text="CENTCOM")
    act(quiz, "reveal")
    act(quiz, "end")
    with app.app_context():
        from quizapp.services import attempts, clock

        [attempt] = attempts.attempts_of(people.student, clock.now(), BANK)
    assert attempt.mode.value == "live"
    sam, host = quiz["sam"], quiz["host"]
    results = sam.get(f"/attempts/{attempt.id}/results")
    assert results.status_code == 200 and "Live" in results.get_data(as_text=True)
    assert sam.get("/progress").status_code == 200
    classes = f"/classes/{people.class_id}"
    pages = [
        f"{classes}/quizzes/{BANK}",
        f"{classes}/quizzes/{BANK}/report",
        f"{classes}/students/{people.student}",
        f"{classes}/students/{people.student}/progress",
        f"{classes}/progress",
        f"/attempts/{attempt.id}/results",
    ]
    for page in pages:
        assert host.get(page).status_code == 200, page
    for kind in ("attempts", "gradebook", "answers", "assignment_gradebook"):
        for fmt in ("csv", "xlsx", "json"):
            exported = host.get(f"{classes}/exports/{kind}.{fmt}")
            assert exported.status_code == 200, (kind, fmt)
            exported.get_data()
    rows = host.get(f"{classes}/exports/attempts.csv").get_data(as_text=True)
    assert ",live," in rows


def test_no_one_starts_a_live_attempt_from_a_quiz_page_or_the_api(app, people):
    from tests.helpers.api import ApiClient, token_for

    sam = app.test_client()
    login(sam, "sam")
    started = post(sam, f"/quizzes/{BANK}/attempts", f"/quizzes/{BANK}", mode="live")
    assert started.status_code == 400
    api = ApiClient(app.test_client(), token_for(app.test_client(), "sam"))
    refused = api.post(f"/quizzes/{BANK}/attempts", json={"mode": "live"})
    assert refused.status_code == 400 and "mode" in refused.get_data(as_text=True)


def test_the_lobby_shows_a_qr_code_of_the_join_address_that_fills_the_pin_in(live_quiz):
    quiz = live_quiz()
    page = quiz["host"].get(f"/live/host/{quiz['id']}").get_data(as_text=True)
    qr = re.search(
        r'<div class="live-qr" role="img"[^>]*>(<svg[^>]*class="live-qr-code".*?</svg>)</div>', page
    )
    assert qr and 'class="live-qr-line"' in qr.group(1) and "style=" not in qr.group(1)
    joining = quiz["sam"].get(f"/live?pin={quiz['pin']}").get_data(as_text=True)
    assert f'name="pin" required type="text" value="{quiz["pin"]}"' in joining


def test_a_choice_question_is_answered_by_one_tap_on_its_option_button(app, live_quiz):
    quiz = live_quiz()
    act(quiz, "start")
    act(quiz, "skip")  # to the choice question
    page = quiz["sam"].get(f"/live/{quiz['id']}").get_data(as_text=True)
    buttons = re.findall(r'<button type="submit" class="live-tap" name="choice" value="([^"]+)">', page)
    assert len(buttons) >= 3 and "Send answer" not in page
    sent = answer(quiz["sam"], quiz, 1, choice=buttons[0])
    assert sent.status_code == 302
    assert "Your answer is in" in quiz["sam"].get(f"/live/{quiz['id']}").get_data(as_text=True)
    with app.app_context():
        (given,) = live_store.answers(quiz["id"])
    assert given.question_index == 1 and given.response == buttons[0]


def test_the_results_are_the_hosts_alone_and_show_each_questions_histogram(app, live_quiz):
    quiz = live_quiz()
    act(quiz, "start")
    act(quiz, "skip")
    page = quiz["sam"].get(f"/live/{quiz['id']}").get_data(as_text=True)
    first = re.search(r'name="choice" value="([^"]+)"', page).group(1)
    answer(quiz["sam"], quiz, 1, choice=first)
    act(quiz, "reveal")
    act(quiz, "next")  # the last question: the podium
    end = quiz["host"].get(f"/live/host/{quiz['id']}").get_data(as_text=True)
    assert f'href="/live/results/{quiz["id"]}"' in end
    listed = quiz["host"].get("/live/results").get_data(as_text=True)
    assert f'href="/live/results/{quiz["id"]}"' in listed
    report = quiz["host"].get(f"/live/results/{quiz['id']}").get_data(as_text=True)
    assert "Sam Student" in report and "Skipped: it does not count." in report
    counts = re.findall(r'<span class="live-bar-count">(\d+)</span>', report)
    assert sorted(map(int, counts))[-1] == 1 and sum(map(int, counts)) == 1  # Sam's one answer
    assert re.search(r"<strong>[01] of 1 player right</strong>", report)
    otto = app.test_client()
    login(otto, "otto")
    assert otto.get(f"/live/results/{quiz['id']}").status_code == 404
    assert f"/live/results/{quiz['id']}" not in otto.get("/live/results").get_data(as_text=True)
    assert quiz["sam"].get(f"/live/results/{quiz['id']}").status_code in (302, 403)


# --- Attacks (issue 19's rules, tried from the outside) ----------------------------------------


def test_racing_wrong_pins_cannot_pass_the_limit_together(app, live_quiz, monkeypatch):
    """Guesses sent at once all used to pass the check before any was counted."""
    import contextlib
    import threading

    from quizapp.services import live

    quiz = live_quiz()
    app.config["LIVE_WRONG_PIN_LIMIT_PER_ADDRESS"] = "3 per minute"
    wrong = "000000" if quiz["pin"] != "000000" else "000001"
    together = threading.Barrier(6)
    looked_up = live._active

    def slow_lookup(pin, now):
        with contextlib.suppress(threading.BrokenBarrierError):
            together.wait(timeout=3)  # every guess is past the limit's check before one is looked up
        return looked_up(pin, now)

    monkeypatch.setattr(live, "_active", slow_lookup)
    guessers = [app.test_client() for _ in range(6)]
    pages = [csrf_token(c.get("/live").get_data(as_text=True)) for c in guessers]
    statuses: list[int] = []

    def guess(client, token):
        statuses.append(
            client.post("/live", data={"csrf_token": token, "pin": wrong, "nickname": "x"}).status_code
        )

    threads = [threading.Thread(target=guess, args=pair) for pair in zip(guessers, pages, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [422, 422, 422, 429, 429, 429]


def test_a_student_of_an_archived_class_only_is_refused(app, people, live_quiz):
    from quizapp.db import account_store
    from quizapp.db.base import db
    from quizapp.db.database import begin_write
    from quizapp.services import clock

    quiz = live_quiz()
    with app.app_context():
        begin_write()
        account_store.archive_class(people.class_id, clock.now())
        db.session.commit()
    sara = app.test_client()
    login(sara, "sara")
    refused = post(sara, "/live", pin=quiz["pin"])
    assert refused.status_code == 403 and "another class" in refused.get_data(as_text=True)


def test_a_guest_cannot_take_a_players_name(app, live_quiz):
    quiz = live_quiz(allow_guests=True)
    guest = app.test_client()
    for name in ("Sam Student", "  sam   STUDENT "):
        refused = post(guest, "/live", pin=quiz["pin"], nickname=name)
        assert refused.status_code == 403 and "taken" in refused.get_data(as_text=True)
    assert post(guest, "/live", pin=quiz["pin"], nickname="Zed").status_code == 302
    other = app.test_client()
    assert post(other, "/live", pin=quiz["pin"], nickname="ZED").status_code == 403


def test_a_guests_nickname_is_text_everywhere(app, live_quiz):
    quiz = live_quiz(allow_guests=True)
    guest = app.test_client()
    nickname = "<img src=x onerror=a()>"
    assert post(guest, "/live", pin=quiz["pin"], nickname=nickname).status_code == 302
    for page in (
        quiz["host"].get(f"/live/host/{quiz['id']}").get_data(as_text=True),
        quiz["host"].get(f"/live/host/{quiz['id']}/events").get_data(as_text=True),
    ):
        assert "<img src=x" not in page and "&lt;img src=x onerror=a()&gt;" in page
    for name in ("", "   ", "x" * 25, "a\u200bb"):
        assert post(app.test_client(), "/live", pin=quiz["pin"], nickname=name).status_code == 403


def test_a_test_opened_after_joining_shows_no_reveal(app, live_quiz):
    """A student may not join while a test of the bank is open; opening one after joining
    must not let the reveals show its answers either."""
    quiz = live_quiz()
    sam = quiz["sam"]
    page = sam.get(f"/quizzes/{BANK}").get_data(as_text=True)
    started = sam.post(f"/quizzes/{BANK}/attempts", data={"mode": "test", "csrf_token": csrf_token(page)})
    assert started.status_code == 302
    act(quiz, "start")
    act(quiz, "reveal")
    for url in (f"/live/{quiz['id']}", f"/live/{quiz['id']}/events"):
        response = sam.get(url)
        text = response.get_data(as_text=True)
        assert "Central Command" not in text and EXPLANATION not in text, url
        assert "open test" in text, url


def test_one_viewer_cannot_hold_many_streams(app, live_quiz):
    """Each open stream holds a worker thread: past LIVE_STREAMS_PER_VIEWER, one player's (or
    host's) further streams send the state and end at once, asking to reconnect later."""
    import threading
    import time

    quiz = live_quiz()
    app.config.update(LIVE_STREAM_SECONDS=5, LIVE_STREAMS_PER_VIEWER=2)
    player_url, host_url = f"/live/{quiz['id']}/events", f"/live/host/{quiz['id']}/events"
    release = threading.Event()
    opened = threading.Semaphore(0)

    def hold(client, url):  # a stream in its own thread (as a server runs it), read once, then held
        response = client.get(url, buffered=False)
        next(iter(response.response))
        opened.release()
        release.wait(10)
        response.close()

    holders = [
        threading.Thread(target=hold, args=(quiz[who], url))
        for who, url in (("sam", player_url), ("sam", player_url), ("host", host_url), ("host", host_url))
    ]
    for thread in holders:
        thread.start()
    try:
        for _ in holders:
            assert opened.acquire(timeout=10)
        for who, url in (("sam", player_url), ("host", host_url)):
            began = time.monotonic()
            extra = quiz[who].get(url).get_data(as_text=True)
            assert time.monotonic() - began < 2 and "event: state" in extra and "retry: 10000" in extra
    finally:
        release.set()
        for thread in holders:
            thread.join()
    app.config["LIVE_STREAM_SECONDS"] = 0
    assert "retry: 1000\n" in quiz["sam"].get(player_url).get_data(as_text=True)  # the places came back


def test_the_picker_starts_unticked_names_each_type_and_refuses_none_ticked(app, people):
    """A teacher who wants three of 55 questions ticks three (not unticks 52), sees which are
    typed, and one who ticks none is told so, not given every question."""
    host = app.test_client()
    login(host, "tina")
    page = host.get(f"/live/new/{BANK}").get_data(as_text=True)
    boxes = re.findall(r'<input[^>]*name="question"[^>]*>', page)
    assert boxes and not any("checked" in box for box in boxes)
    assert (
        '<span class="live-type">Number</span>' in page
        and '<span class="live-type">Short answer</span>' in page
    )
    refused = post(
        host, f"/live/new/{BANK}", f"/live/new/{BANK}", pick="chosen", seconds="45", allow_guests="1"
    )
    again = refused.get_data(as_text=True)
    assert refused.status_code == 422 and "Tick at least one question" in again
    assert re.search(r'<input checked id="pick-chosen"', again)  # what was chosen is kept
    assert 'value="45"' in again and re.search(r'<input checked id="allow_guests"', again)
    with app.app_context():
        assert live_store.read_session(1) is None  # no session was made


def test_a_reveal_no_one_answered_says_so(live_quiz):
    quiz = live_quiz()
    act(quiz, "start")
    act(quiz, "reveal")
    projector = quiz["host"].get(f"/live/host/{quiz['id']}").get_data(as_text=True)
    assert "no answers" in projector and "0 of 0" not in projector
    assert "No one answered this question." in projector
    assert "No one answered this question." in quiz["sam"].get(f"/live/{quiz['id']}").get_data(as_text=True)


def test_streams_woken_by_a_change_each_send_their_own_players_verdict_and_score(app, live_quiz):
    """The fragments a change's woken streams render from one shared read of the session
    (``services.live.SharedSnapshots``): each player's has their own verdict, answer, name and
    place, never another's; and while the question is open, nothing of the answer."""
    from quizapp.web.live.pages import player_fragment

    quiz = live_quiz(allow_guests=True)
    guest = app.test_client()
    assert post(guest, "/live", pin=quiz["pin"], nickname="Zed").status_code == 302
    act(quiz, "start")
    answer(quiz["sam"], quiz, 0, text="CENTCOM")
    answer(guest, quiz, 0, text="NATO")

    def fragments() -> dict[str, str]:
        with app.test_request_context(f"/live/{quiz['id']}/events"):
            players = live_store.players(quiz["id"])
            return {p.nickname: player_fragment(p, after_change=True)[3] for p in players}

    for html in fragments().values():
        assert "Central Command" not in html and EXPLANATION not in html and "live-histogram" not in html
    act(quiz, "reveal")
    by_name = fragments()
    sams, zeds = by_name["Sam Student"], by_name["Zed"]
    assert "Right!" in sams and "Sam Student ·" in sams and "place 1 of 2" in sams
    assert "Not right. You answered: NATO" in zeds and "Zed · 0 points · place 2 of 2" in zeds
    assert (
        "Zed" not in sams
        and "You answered" not in sams
        and "Sam Student" not in zeds
        and "Right!" not in zeds
    )
    for html in (sams, zeds):  # the answer material and the class's histogram, the same for both
        assert "U.S. Central Command" in html and "live-histogram" in html and ">NATO<" in html


def test_guests_joining_are_limited_per_address_per_session_and_overall(app, live_quiz):
    """Each guest is a new viewer with streams of their own: one address cannot add guest
    after guest (LIVE_GUEST_JOIN_LIMIT_PER_SESSION, then _PER_ADDRESS across sessions)."""
    app.config.update(
        LIVE_GUEST_JOIN_LIMIT_PER_SESSION="2 per hour", LIVE_GUEST_JOIN_LIMIT_PER_ADDRESS="3 per hour"
    )
    first, second = live_quiz(allow_guests=True), live_quiz(allow_guests=True)
    joins = [
        post(app.test_client(), "/live", pin=first["pin"], nickname=f"G{n}").status_code for n in range(3)
    ]
    assert joins[:2] == [302, 302] and joins[2] == 429
    too_long = post(app.test_client(), "/live", pin=second["pin"], nickname="x" * 25)
    assert too_long.status_code == 403  # refused joins are given back: this one does not count
    assert post(app.test_client(), "/live", pin=second["pin"], nickname="H").status_code == 302
    refused = post(app.test_client(), "/live", pin=second["pin"], nickname="I")
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0  # 3 in all
    with app.app_context():
        assert len(live_store.players(first["id"])) == 3 and len(live_store.players(second["id"])) == 2


def test_a_guest_who_joins_again_with_the_same_cookie_is_the_same_player(app, live_quiz):
    quiz = live_quiz(allow_guests=True)
    guest = app.test_client()
    assert post(guest, "/live", pin=quiz["pin"], nickname="Zed").status_code == 302
    assert post(guest, "/live", pin=quiz["pin"], nickname="Zed two").status_code == 302
    with app.app_context():
        assert [p.nickname for p in live_store.players(quiz["id"])] == ["Sam Student", "Zed"]


def test_the_live_streams_of_a_process_are_capped_for_all_viewers_together(app, live_quiz):
    """Many guests are many viewers: past LIVE_STREAMS_PER_PROCESS, a further player's stream
    sends the state and ends at once, asking to come back later, so the pages keep threads;
    the projector's is not refused (its own per-viewer limit holds it)."""
    import threading
    import time

    quiz = live_quiz(allow_guests=True)
    guests = [app.test_client() for _ in range(3)]
    for n, guest in enumerate(guests):
        assert post(guest, "/live", pin=quiz["pin"], nickname=f"G{n}").status_code == 302
    app.config.update(LIVE_STREAM_SECONDS=5, LIVE_STREAMS_PER_PROCESS=2)
    url = f"/live/{quiz['id']}/events"
    release, opened = threading.Event(), threading.Semaphore(0)

    def hold(client):
        response = client.get(url, buffered=False)
        next(iter(response.response))
        opened.release()
        release.wait(10)
        response.close()

    holders = [threading.Thread(target=hold, args=(guest,)) for guest in guests[:2]]
    for thread in holders:
        thread.start()
    try:
        for _ in holders:
            assert opened.acquire(timeout=10)
        began = time.monotonic()
        extra = guests[2].get(url).get_data(as_text=True)
        assert time.monotonic() - began < 2 and "event: state" in extra and "retry: 10000" in extra
        host = quiz["host"].get(f"/live/host/{quiz['id']}/events").get_data(as_text=True)
        assert "retry: 1000\n" in host  # the projector always gets its place
    finally:
        release.set()
        for thread in holders:
            thread.join()
    app.config["LIVE_STREAM_SECONDS"] = 0
    assert "retry: 1000\n" in guests[2].get(url).get_data(as_text=True)  # the places came back


def test_the_host_removes_a_player_who_cannot_come_back_under_a_new_nickname(app, live_quiz):
    quiz = live_quiz(allow_guests=True)
    live_id, host = quiz["id"], quiz["host"]
    prank, other = app.test_client(), app.test_client()
    assert post(prank, "/live", pin=quiz["pin"], nickname="Rude name").status_code == 302
    assert post(other, "/live", pin=quiz["pin"], nickname="Zed").status_code == 302
    page = host.get(f"/live/host/{live_id}").get_data(as_text=True)
    with app.app_context():
        prank_id = next(p.id for p in live_store.players(live_id) if p.nickname == "Rude name")
    remove = f"/live/host/{live_id}/players/{prank_id}/remove"
    assert f'action="{remove}"' in page and 'aria-label="Remove Rude name"' in page
    assert host.post(remove).status_code == 400  # no CSRF token
    assert post(quiz["sam"], remove, f"/live/{live_id}").status_code == 403  # only the host
    assert post(host, remove, f"/live/host/{live_id}").status_code == 302
    assert "Rude name" not in host.get(f"/live/host/{live_id}").get_data(as_text=True)
    shown = prank.get(f"/live/{live_id}")
    assert shown.status_code == 403 and "removed you" in shown.get_data(as_text=True)
    stream = prank.get(f"/live/{live_id}/events").get_data(as_text=True)
    assert "removed you" in stream and "retry: 3600000" in stream
    again = post(prank, "/live", pin=quiz["pin"], nickname="Nice name")
    assert again.status_code == 403 and "removed you" in again.get_data(as_text=True)
    assert "You're in!" in other.get(f"/live/{live_id}").get_data(as_text=True)  # the others play on
    with app.app_context():
        assert [p.nickname for p in live_store.players(live_id)] == ["Sam Student", "Zed"]


def test_a_guests_cookie_after_the_end_leads_to_a_friendly_page_and_keeps_no_token(app, live_quiz):
    quiz = live_quiz(allow_guests=True)
    guest = app.test_client()
    assert post(guest, "/live", pin=quiz["pin"], nickname="Zed").status_code == 302
    act(quiz, "end")
    with app.app_context():
        (zed,) = [p for p in live_store.players(quiz["id"]) if p.user_id is None]
    assert (zed.nickname, zed.token) == ("Zed", None)  # the nickname stays for the results
    stream = guest.get(f"/live/{quiz['id']}/events")
    assert stream.status_code == 200 and "has ended" in stream.get_data(as_text=True)
    page = guest.get(f"/live/{quiz['id']}")
    assert page.status_code == 200 and "This live quiz has ended" in page.get_data(as_text=True)
    assert app.test_client().get(f"/live/{quiz['id']}").status_code == 404  # no cookie: as before


def test_a_refused_lobby_keeps_the_questions_ticked_and_says_why(app, people):
    """Seconds out of range: the form comes back with its ticks, its seconds and the rule."""
    host = app.test_client()
    login(host, "tina")
    ticked = [SHORT, CHOICE]
    refused = post(
        host, f"/live/new/{BANK}", f"/live/new/{BANK}", pick="chosen", question=ticked, seconds="abc"
    )
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422 and 'role="alert"' in page
    for question_id in ticked:
        assert re.search(
            rf'<input checked id="q-\d+" name="question" type="checkbox" value="{question_id}"', page
        )
    assert len(re.findall(r'<input checked id="q-', page)) == 2 and 'value="abc"' in page
    with app.app_context():
        assert live_store.read_session(1) is None
