"""Live quizzes' use cases (services/live.py): who may join, answers only while a question is
open and once per player, points, what players see, and the attempts kept at the end."""

from __future__ import annotations

import random
import threading
import time
from datetime import timedelta

import pytest

from quizapp.core.attempts import AttemptMode
from quizapp.core.checkers import accept_new_response
from quizapp.core.decks import question_card_key
from quizapp.core.live.session import LiveRuleError, Phase
from quizapp.core.model import AnswerVisibility
from quizapp.core.question_types import question_type
from quizapp.db import account_store, attempt_store, live_store
from quizapp.db.base import db
from quizapp.services import accounts, attempts, live, study
from tests.helpers.api import ApiClient, token_for
from tests.helpers.assignments import replace_assignments
from tests.helpers.live import LIVE_BANK, LIVE_T0
from tests.helpers.web import login

T0, BANK = LIVE_T0, LIVE_BANK


def right(question):
    return question_type(question.type).full_marks_response(question.answer)


def wrong(question):
    """A response of the right shape that earns nothing (for a choice question: a wrong choice)."""
    kind = question_type(question.type)
    choices = kind.tallied_choices(question.answer)
    wrong_choices = [c.id for c in choices if not c.correct]
    if wrong_choices:
        return wrong_choices[0] if isinstance(right(question), str) else [wrong_choices[0]]
    raise AssertionError(f"pick a choice question, not {question.type}")


def question(app, session_id, index):
    with app.app_context():
        found = live_store.read_session(session_id)
        return live.question_at(found, index)


def test_a_student_of_another_class_and_a_teacher_cannot_join(app, people, hosted):
    with app.app_context():
        oleg = account_store.get_account(people.other_student)
        with pytest.raises(live.LiveRefused, match="another class"):
            live.join_student(oleg, hosted["pin"], T0)
        otto = account_store.get_account(people.other_teacher)
        with pytest.raises(live.LiveRefused):
            live.join_student(otto, hosted["pin"], T0)


def test_guests_only_when_the_session_allows_them(app, people, bank):
    with app.app_context():
        tina = account_store.get_account(people.teacher)
        closed = live.create(tina, BANK, T0, 1, random.Random(2))
        with pytest.raises(live.LiveRefused, match="logged in"):
            live.join_guest(closed.pin, "Zed", T0)
        opened = live.create(tina, BANK, T0, 1, random.Random(3), allow_guests=True)
        _, zed = live.join_guest(opened.pin, "  Zed  ", T0)
        assert zed.nickname == "Zed" and zed.user_id is None and zed.token
        with pytest.raises(live.LiveRefused, match="taken"):
            live.join_guest(opened.pin, "Zed", T0)


def test_a_wrong_pin_and_an_ended_sessions_pin_find_nothing(app, people, hosted):
    with app.app_context():
        sam = account_store.get_account(people.student)
        wrong_pin = "000000" if hosted["pin"] != "000000" else "000001"
        with pytest.raises(live.WrongPin):
            live.join_student(sam, wrong_pin, T0)
        live.act(hosted["tina"], hosted["id"], "end", T0)
        with pytest.raises(live.WrongPin):
            live.join_student(sam, hosted["pin"], T0)


def test_only_the_host_controls_the_session(app, people, hosted):
    with app.app_context():
        otto = account_store.get_account(people.other_teacher)
        with pytest.raises(live.NotFound):
            live.act(otto, hosted["id"], "start", T0)
        assert live_store.read_session(hosted["id"]).state.phase is Phase.LOBBY


def test_answers_only_while_open_once_per_player_and_judged_by_the_checkers(app, hosted):
    session_id, sam = hosted["id"], hosted["sam"]
    first = question(app, session_id, 0)
    with app.app_context():
        with pytest.raises(LiveRuleError, match="not open yet"):
            live.answer(sam, 0, right(first), T0)
        live.act(hosted["tina"], session_id, "start", T0)
        assert live.answer(sam, 0, right(first), T0 + timedelta(seconds=5)).stored
        assert not live.answer(sam, 0, wrong(first), T0 + timedelta(seconds=6)).stored  # double tap
        live.answer(hosted["sara"], 0, wrong(first), T0 + timedelta(seconds=7))
        live.act(hosted["tina"], session_id, "reveal", T0 + timedelta(seconds=8))
        with pytest.raises(LiveRuleError, match="closed"):
            live.answer(hosted["sara"], 0, right(first), T0 + timedelta(seconds=9))
        given = {a.player_id: a for a in live_store.answers(session_id)}
    assert len(given) == 2
    # the same verdict as the quiz's own checker; points by speed: 5 s of 20
    assert given[sam.id].correct is accept_new_response(first, right(first))[1].correct is True
    assert given[sam.id].points == round(1000 * (1 - 5 / 20 / 2))
    assert (given[hosted["sara"].id].correct, given[hosted["sara"].id].points) == (False, 0)


def test_time_up_reveals_the_question_and_refuses_later_answers(app, hosted):
    session_id = hosted["id"]
    first = question(app, session_id, 0)
    with app.app_context():
        live.act(hosted["tina"], session_id, "start", T0)
        late = T0 + timedelta(seconds=20) + live.grace() + timedelta(milliseconds=1)
        with pytest.raises(LiveRuleError):
            live.answer(hosted["sam"], 0, right(first), late)
        assert live.current(session_id, late).state.phase is Phase.REVEALED


def test_an_answer_arriving_in_the_grace_counts_even_after_another_look_at_the_session(app, hosted):
    """The host's stream looks at the deadline itself; an answer sent just before it arrives
    after that look and still counts (docs/live.md: the grace), one arriving after the grace not."""
    session_id = hosted["id"]
    first = question(app, session_id, 0)
    deadline = T0 + timedelta(seconds=20)
    with app.app_context():
        live.act(hosted["tina"], session_id, "start", T0)
        assert live.current(session_id, deadline).state.phase is Phase.OPEN
        in_grace = deadline + live.grace() - timedelta(milliseconds=1)
        assert live.answer(hosted["sam"], 0, right(first), in_grace).stored
        with pytest.raises(LiveRuleError, match=r"time is up|closed"):
            live.answer(hosted["sara"], 0, right(first), deadline + live.grace())
        assert live.current(session_id, deadline + live.grace()).state.phase is Phase.REVEALED
        (given,) = live_store.answers(session_id)
    assert given.points == 500  # as time runs out: the grace earns nothing more


def test_a_paused_question_keeps_its_time_and_takes_no_answers(app, hosted):
    session_id = hosted["id"]
    first = question(app, session_id, 0)
    with app.app_context():
        live.act(hosted["tina"], session_id, "start", T0)
        live.act(hosted["tina"], session_id, "pause", T0 + timedelta(seconds=4))
        with pytest.raises(LiveRuleError, match="paused"):
            live.answer(hosted["sam"], 0, right(first), T0 + timedelta(seconds=5))
        later = T0 + timedelta(minutes=5)
        assert live.current(session_id, later).state.remaining(later) == timedelta(seconds=16)
        live.act(hosted["tina"], session_id, "resume", later)
        assert live.answer(hosted["sam"], 0, right(first), later + timedelta(seconds=2)).stored
        given = live_store.answers(session_id)[0]
    assert given.points == round(1000 * (1 - 6 / 20 / 2))  # 4 s before the pause, 2 after


def test_two_racing_host_clicks_change_the_state_once(app, hosted):
    with app.app_context():
        found = live_store.read_session(hosted["id"])
        live.act(hosted["tina"], hosted["id"], "start", T0)
        stale = live_store.change_state(hosted["id"], found.state.seq, found.state, T0)
        assert stale is False
        assert live_store.read_session(hosted["id"]).state.seq == found.state.seq + 1


def test_a_player_sees_no_answer_before_the_reveal(app, hosted):
    session_id = hosted["id"]
    first = question(app, session_id, 0)
    with app.app_context():
        live.act(hosted["tina"], session_id, "start", T0)
        live.answer(hosted["sam"], 0, right(first), T0 + timedelta(seconds=1))
        before = live.player_state(hosted["sam"], T0 + timedelta(seconds=2))
        assert before.answered and before.reveal is None and before.verdict is None
        assert before.standing.points == 0  # the open question's points are not shown yet
        live.act(hosted["tina"], session_id, "reveal", T0 + timedelta(seconds=3))
        after = live.player_state(hosted["sam"], T0 + timedelta(seconds=3))
    assert after.verdict.correct and after.reveal.answer_lines
    assert after.standing.points == after.verdict.points > 0 and after.standing.place == 1


def test_streams_woken_by_a_change_share_one_read_yet_each_player_sees_only_their_own(app, hosted):
    """The shared snapshot (``live.SharedSnapshots``) serves every woken stream of the session
    at that seq; ``player_view`` still gives each player their own verdict, points and place,
    and nothing of an answer while the question is open."""
    session_id, sam, sara = hosted["id"], hosted["sam"], hosted["sara"]
    first = question(app, session_id, 0)
    with app.app_context():
        live.act(hosted["tina"], session_id, "start", T0)
        live.answer(sam, 0, right(first), T0 + timedelta(seconds=1))
        live.answer(sara, 0, wrong(first), T0 + timedelta(seconds=2))
        opened = [live.player_state(p, T0 + timedelta(seconds=2), after_change=True) for p in (sam, sara)]
        assert [v.reveal for v in opened] == [None, None] and [v.verdict for v in opened] == [None, None]
        assert [v.standing.points for v in opened] == [0, 0]
        live.act(hosted["tina"], session_id, "reveal", T0 + timedelta(seconds=3))
        views = {
            p.id: live.player_state(p, T0 + timedelta(seconds=3), after_change=True) for p in (sam, sara)
        }
        shared = live.shared_snapshots().get(live_store.read_session(session_id), 0.0)
    sams, saras = views[sam.id], views[sara.id]
    assert sams.reveal is saras.reveal  # made once, for both
    assert sams.verdict.correct and sams.verdict.points > 0 and sams.standing.player_id == sam.id
    assert sams.standing.place == 1 and sams.standing.points == sams.verdict.points
    assert not saras.verdict.correct and saras.verdict.answered and saras.verdict.points == 0
    assert saras.standing.player_id == sara.id and saras.standing.place == 2 and saras.standing.points == 0
    assert saras.verdict.response_text != sams.verdict.response_text  # each sees their own answer
    assert shared[0].state.seq == sams.seq  # the snapshot kept is of the revealed state


def test_a_shared_snapshot_serves_only_its_own_seq(app, hosted):
    session_id, sam = hosted["id"], hosted["sam"]
    with app.app_context():
        lobby = live.player_state(sam, T0, after_change=True)
        live.act(hosted["tina"], session_id, "start", T0)
        opened = live.player_state(sam, T0, after_change=True)
    assert lobby.phase is Phase.LOBBY and opened.phase is Phase.OPEN and opened.seq == lobby.seq + 1
    assert opened.question is not None


def test_the_end_keeps_each_students_answers_as_a_live_attempt(app, people, hosted):
    session_id = hosted["id"]
    tina = hosted["tina"]
    first, second = question(app, session_id, 0), question(app, session_id, 1)
    with app.app_context():
        live.act(tina, session_id, "start", T0)
        live.answer(hosted["sam"], 0, right(first), T0 + timedelta(seconds=2))
        live.act(tina, session_id, "reveal", T0 + timedelta(seconds=3))
        live.act(tina, session_id, "next", T0 + timedelta(seconds=4))
        live.answer(hosted["sam"], 1, wrong(second), T0 + timedelta(seconds=5))
        live.act(tina, session_id, "skip", T0 + timedelta(seconds=6))  # question 2 does not count
        live.act(tina, session_id, "end", T0 + timedelta(seconds=7))
        assert live.keep_results(session_id, T0 + timedelta(seconds=8)) == 0  # once only
        mine = attempts.attempts_of(people.student, T0 + timedelta(seconds=9), BANK)
        sara = attempts.attempts_of(people.classmate, T0 + timedelta(seconds=9), BANK)
        memory = study.memory_of(people.student, BANK, [question_card_key(first.id)])
        (attempt,) = mine
        assert attempt.mode is AttemptMode.LIVE and attempt.submitted
        # question 2 was answered, then skipped: neither it nor question 3 (never asked) is in it
        assert attempt.question_ids == [first.id] and second.id not in attempt.responses
        assert attempts.score_of(attempt).points == 1
        assert len(sara) == 1 and attempts.score_of(sara[0]).points == 0  # joined, answered nothing
    assert list(memory) == [question_card_key(first.id)]  # the answer fed the flashcards


HELD_BACK = {"study": False}  # as an assignment must be to keep its answers back
DUE = T0 + timedelta(days=1)


@pytest.mark.parametrize(
    ("terms", "reason"),
    [
        ({"show_answers": AnswerVisibility.NEVER, **HELD_BACK}, "never shows its answers"),
        (
            {"show_answers": AnswerVisibility.AFTER_DUE, "due_at": DUE, "ends_at_close": True, **HELD_BACK},
            "keeps its answers back until after its due time",
        ),
        ({"study": False}, "has study off"),
    ],
)
def test_a_bank_whose_assignment_holds_its_answers_back_is_not_hosted(app, people, terms, reason):
    replace_assignments(app, people, **terms)
    with app.app_context():
        tina = account_store.get_account(people.teacher)
        with pytest.raises(live.LiveRefused, match=f"History 9B's assignment of this quiz {reason}"):
            live.create(tina, BANK, T0, 1, random.Random(5))
        # an archived class's assignment holds nothing back: its students join nothing new
        accounts.archive_class(people.teacher, people.class_id, T0)
        db.session.commit()
        assert live.create(tina, BANK, T0, 1, random.Random(5)).active


def test_a_student_whose_assignment_holds_the_answers_back_since_the_lobby_opened_cannot_join(
    app, people, hosted
):
    replace_assignments(app, people, study=False)
    with app.app_context():
        sam = account_store.get_account(people.student)
        with pytest.raises(live.LiveRefused, match="keeps its answers back"):
            live.join_student(sam, hosted["pin"], T0)


def test_a_student_of_an_archived_class_cannot_join(app, people, bank):
    with app.app_context():
        tina = account_store.get_account(people.teacher)
        created = live.create(tina, BANK, T0, 1, random.Random(6))
        accounts.archive_class(people.teacher, people.class_id, T0)
        db.session.commit()
        sam = account_store.get_account(people.student)
        with pytest.raises(live.LiveRefused, match="another class"):
            live.join_student(sam, created.pin, T0)


def test_a_failure_part_way_through_the_results_leaves_none_and_they_are_kept_later(
    app, people, hosted, monkeypatch
):
    session_id, tina = hosted["id"], hosted["tina"]
    first = question(app, session_id, 0)
    real = attempt_store.insert_closed_attempt
    calls = []

    def fails_on_the_second(*args, **kwargs):
        calls.append(args[0])
        if len(calls) == 2:
            raise RuntimeError("the server died")
        return real(*args, **kwargs)

    with app.app_context():
        live.act(tina, session_id, "start", T0)
        live.answer(hosted["sam"], 0, right(first), T0 + timedelta(seconds=2))
        live.act(tina, session_id, "reveal", T0 + timedelta(seconds=3))
        monkeypatch.setattr(attempt_store, "insert_closed_attempt", fails_on_the_second)
        with pytest.raises(RuntimeError):
            live.act(tina, session_id, "end", T0 + timedelta(seconds=4))
        db.session.rollback()
        found = live_store.read_session(session_id)
        assert found.state.phase is Phase.FINISHED and not found.results_kept
        later = T0 + timedelta(seconds=9)
        assert attempts.attempts_of(people.student, later, BANK) == []  # the first one did not stay
        monkeypatch.setattr(attempt_store, "insert_closed_attempt", real)
        (listed,) = live.sessions_of(tina, later)  # the list of results is a look too
        assert listed.results_kept and live.current(session_id, later).results_kept
        (kept,) = attempts.attempts_of(people.student, later, BANK)
        assert kept.mode is AttemptMode.LIVE and attempts.score_of(kept).points == 1
        assert len(attempts.attempts_of(people.classmate, later, BANK)) == 1


def test_results_lost_by_a_crash_are_kept_once_by_racing_later_looks_and_dated_at_the_end(
    app, people, hosted, monkeypatch
):
    """The end saved FINISHED, then died before the attempts: the host's page and a player's
    page looking at once (two threads, each its own connection) write them exactly once, as
    submitted when the session ended, not when someone looked."""
    session_id, tina = hosted["id"], hosted["tina"]
    first = question(app, session_id, 0)
    real = attempt_store.insert_closed_attempt
    ended_at = T0 + timedelta(seconds=4)

    def dies(*args, **kwargs):
        raise RuntimeError("the server died")

    def slow(*args, **kwargs):
        time.sleep(0.05)  # both looks are inside keep_results at once
        return real(*args, **kwargs)

    with app.app_context():
        live.act(tina, session_id, "start", T0)
        live.answer(hosted["sam"], 0, right(first), T0 + timedelta(seconds=2))
        live.act(tina, session_id, "reveal", T0 + timedelta(seconds=3))
        monkeypatch.setattr(attempt_store, "insert_closed_attempt", dies)
        with pytest.raises(RuntimeError):
            live.act(tina, session_id, "end", ended_at)
        db.session.rollback()
        monkeypatch.setattr(attempt_store, "insert_closed_attempt", slow)
        db.session.remove()
    later = T0 + timedelta(minutes=5)
    barrier = threading.Barrier(4)
    failures = []

    def look(how):
        with app.app_context():
            try:
                barrier.wait()
                how()
            except Exception as error:  # reported below, with the thread's own traceback lost
                failures.append(error)
            finally:
                db.session.remove()

    looks = [
        lambda: live.host_state(tina, session_id, later),
        lambda: live.player_state(hosted["sam"], later),
        lambda: live.session_report(tina, session_id, later),
        lambda: live.current(session_id, later),
    ]
    threads = [threading.Thread(target=look, args=(how,)) for how in looks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    with app.app_context():
        assert live_store.read_session(session_id).results_kept
        (kept,) = attempts.attempts_of(people.student, later, BANK)
        assert len(attempts.attempts_of(people.classmate, later, BANK)) == 1
        assert kept.submitted_at == ended_at and attempts.score_of(kept).points == 1


def test_a_live_attempt_is_shown_beside_the_tests_and_scored_with_none_of_them(app, people, hosted):
    """docs/live.md: a live attempt shows in the student's attempts and the teacher's class
    results, but is not a test. The class results page, the student's quiz page and the API's
    progress read one record (services.results.quiz_summary): a live round, no test score."""
    session_id, tina = hosted["id"], hosted["tina"]
    with app.app_context():
        live.act(tina, session_id, "start", T0)
        live.answer(hosted["sam"], 0, right(question(app, session_id, 0)), T0 + timedelta(seconds=2))
        live.act(tina, session_id, "end", T0 + timedelta(seconds=7))
        (attempt,) = attempts.attempts_of(people.student, T0 + timedelta(seconds=9), BANK)
    teacher, student = app.test_client(), app.test_client()
    login(teacher, "tina")
    login(student, "sam")
    results = teacher.get(f"/classes/{people.class_id}/quizzes/{BANK}").get_data(as_text=True)
    sam_row = next(row for row in results.split("<tr>") if "(sam)" in row)
    assert '<span class="tag">1 live</span>' in sam_row
    assert "test of" not in sam_row  # no test link, no best or last score from it
    quiz_page = student.get(f"/quizzes/{BANK}").get_data(as_text=True)
    assert f"/attempts/{attempt.id}/results" in quiz_page
    assert "<dt>Tests</dt><dd>0</dd>" in quiz_page
    progress = ApiClient(app.test_client(), token_for(app.test_client(), "sam")).get("/me/progress")
    [mine] = [q for q in progress.get_json()["quizzes"] if q["quiz_id"] == BANK]
    assert mine["tests"] == 0 and mine["best_percent"] is None


def test_a_removed_student_loses_their_answers_sees_nothing_and_cannot_join_again(app, people, hosted):
    session_id, tina, sam = hosted["id"], hosted["tina"], hosted["sam"]
    first = question(app, session_id, 0)
    with app.app_context():
        live.act(tina, session_id, "start", T0)
        live.answer(sam, 0, right(first), T0 + timedelta(seconds=2))
        seq = live_store.read_session(session_id).state.seq
        with pytest.raises(live.NotFound):
            live.remove_player(account_store.get_account(people.student), session_id, sam.id, T0)
        live.remove_player(tina, session_id, sam.id, T0 + timedelta(seconds=3))
        assert live_store.read_session(session_id).state.seq == seq + 1  # every stream looks again
        assert live_store.answers(session_id) == []
        with pytest.raises(live.LiveRefused, match="removed you"):
            live.player_state(sam, T0 + timedelta(seconds=4))
        assert not live.answer(sam, 0, right(first), T0 + timedelta(seconds=4)).stored
        with pytest.raises(live.LiveRefused, match="removed you"):
            live.join_student(account_store.get_account(people.student), hosted["pin"], T0)
        with pytest.raises(LiveRuleError):  # once is enough
            live.remove_player(tina, session_id, sam.id, T0)
        live.act(tina, session_id, "end", T0 + timedelta(seconds=5))
        later = T0 + timedelta(minutes=1)
        assert attempts.attempts_of(people.student, later, BANK) == []  # removed: keeps nothing
        assert len(attempts.attempts_of(people.classmate, later, BANK)) == 1
        assert "Sam Student" not in live.host_state(tina, session_id, later)[1].names


def test_a_session_left_going_ends_by_itself_hours_after_it_opened_and_frees_its_pin(app, people, hosted):
    """A lobby (or a quiz) the teacher walked away from does not keep its PIN, and no one joins
    it next week by a typo: LIVE_SESSION_HOURS after it was opened it ends, as **End** does."""
    session_id, pin = hosted["id"], hosted["pin"]
    hours = timedelta(hours=app.config["LIVE_SESSION_HOURS"])
    with app.app_context():
        sam = account_store.get_account(people.student)
        created_at = live_store.read_session(session_id).created_at
        assert live.current(session_id, created_at + hours - timedelta(seconds=1)).active
        with pytest.raises(live.WrongPin):
            live.join_student(sam, pin, created_at + hours)
        found = live_store.read_session(session_id)
        assert found.state.phase is Phase.FINISHED and not found.active and found.results_kept
        assert found.ended_at == created_at + hours


def test_opening_a_lobby_ends_every_session_left_going_past_its_hours(app, people, hosted):
    session_id = hosted["id"]
    later = T0 + timedelta(hours=app.config["LIVE_SESSION_HOURS"], minutes=1)
    with app.app_context():
        live.create(hosted["tina"], BANK, later, 7, random.Random(3))
        assert live_store.read_session(session_id).state.phase is Phase.FINISHED
