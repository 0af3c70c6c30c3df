"""services/assignments.py: who sees which bank, and when an assigned test may start and how
long it runs, through the one service that pages, API and commands call (an injected clock)."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from quizapp.core.assignments import Accommodation, Refusal
from quizapp.core.disclosure import Path, Withheld
from quizapp.core.model import AnswerVisibility
from quizapp.db import account_store, assignment_store
from quizapp.db.base import db
from quizapp.db.models import Assignment, Attempt, CardState
from quizapp.services import accounts, answer_disclosure, assignments, attempts, bank_library
from quizapp.services.assignments import AssignmentTerms, StartRefused
from quizapp.services.attempt_access import Viewed
from quizapp.services.bank_library import BankNotFound

BANK = "kosovo-peacekeepers"
T0 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


def account(username: str):
    return account_store.account_by_username(username)


def start(username: str, now: datetime, assignment_id: int | None = None):
    sam = account(username)
    bank = assignments.visible_bank(sam, BANK, now)
    return assignments.start_test(sam, bank, now, seed=1, assignment_id=assignment_id)


def test_a_student_of_another_class_does_not_see_the_bank_anywhere(app, assign):
    assign(opens_at=T0, due_at=T0 + 24 * HOUR)
    with app.app_context():
        oleg = account("oleg")  # Civics 10A: the bank is assigned to History 9B only
        for lookup in (assignments.visible_bank, assignments.opened_bank, assignments.study_bank):
            with pytest.raises(BankNotFound):
                lookup(oleg, BANK, T0 + HOUR)
        assert assignments.visible_banks(oleg, T0 + HOUR) == []
        assert assignments.student_assignments(oleg.id, T0 + HOUR) == []


def test_before_the_window_opens_the_student_sees_when_it_opens_and_nothing_else(app, assign):
    assign(opens_at=T0, due_at=T0 + 24 * HOUR)
    with app.app_context():
        sam = account("sam")
        assert assignments.visible_bank(sam, BANK, T0 - HOUR).slug == BANK
        with pytest.raises(BankNotFound):
            assignments.opened_bank(sam, BANK, T0 - HOUR)  # not the source text
        with pytest.raises(BankNotFound):
            assignments.study_bank(sam, BANK, T0 - HOUR)  # not practice, flashcards or learn mode
        with pytest.raises(StartRefused) as refused:
            start("sam", T0 - HOUR)
        assert refused.value.refusal is Refusal.NOT_OPEN
        assert assignments.study_bank(sam, BANK, T0).slug == BANK  # open: study too


def test_after_the_due_time_a_start_is_refused_unless_late_work_is_accepted(app, assign):
    assign(due_at=T0)
    with app.app_context(), pytest.raises(StartRefused) as refused:
        start("sam", T0)
    assert refused.value.refusal is Refusal.CLOSED
    assign(due_at=T0, accept_late=True)
    with app.app_context():
        started = start("sam", T0 + HOUR)
        assert started.attempt.late and started.attempt.assignment_id is not None
        [view] = assignments.student_assignments(account("sam").id, T0 + 2 * HOUR)
        attempts.submit(started.attempt.id, T0 + 2 * HOUR)
        [view] = assignments.student_assignments(account("sam").id, T0 + 2 * HOUR)
        assert view.status.value == "late"


def test_an_attempt_keeps_its_time_limit_or_ends_at_the_close_as_the_teacher_chose(app, assign):
    assign(due_at=T0 + HOUR, time_limit_minutes=90)
    with app.app_context():
        assert start("sam", T0).attempt.deadline == T0 + 90 * timedelta(minutes=1)
    assign(due_at=T0 + HOUR, time_limit_minutes=90, ends_at_close=True)
    with app.app_context():
        assert start("sara", T0).attempt.deadline == T0 + HOUR


def test_the_time_limit_is_the_banks_unless_the_assignment_sets_one(app, assign):
    assign()  # the bank's: 30 minutes
    with app.app_context():
        assert start("sam", T0).attempt.deadline == T0 + 30 * timedelta(minutes=1)
    assign(time_limit_minutes=0)  # untimed
    with app.app_context():
        assert start("sara", T0).attempt.deadline is None


def test_an_accommodation_gives_one_student_more_time_attempts_and_dates(app, assign, people):
    assignment_id = assign(due_at=T0 + HOUR, time_limit_minutes=20)
    with app.app_context():
        extra = Accommodation(
            extra_time_percent=50, extra_time_minutes=5, extra_attempts=1, due_at=T0 + 3 * HOUR
        )
        assignments.accommodate(people.teacher, assignment_id, "sam", extra)
        first = start("sam", T0)
        assert first.attempt.deadline == T0 + timedelta(minutes=35)  # 20 × 150% + 5
        attempts.submit(first.attempt.id, T0 + 10 * timedelta(minutes=1))
        second = start("sam", T0 + 2 * HOUR)  # past the class's due time, before their own
        assert not second.resumed and not second.attempt.late
        attempts.submit(second.attempt.id, T0 + 2 * HOUR)
        with pytest.raises(StartRefused) as refused:
            start("sam", T0 + 2 * HOUR)
        assert refused.value.refusal is Refusal.NO_ATTEMPTS_LEFT
        with pytest.raises(StartRefused):  # the classmate has the class's terms
            start("sara", T0 + 2 * HOUR)
        with pytest.raises(assignments.AssignmentNotFound):  # not a student of this class
            assignments.accommodate(people.teacher, assignment_id, "oleg", extra)
        with pytest.raises(assignments.AssignmentNotFound):  # not this teacher's class
            assignments.accommodate(people.other_teacher, assignment_id, "sam", extra)
        with pytest.raises(ValueError, match="extra time"):
            assignments.accommodate(
                people.teacher, assignment_id, "sam", Accommodation(extra_time_percent=401)
            )


def test_attempts_beyond_the_limit_are_refused(app, assign):
    assign(max_attempts=2)
    with app.app_context():
        for _ in range(2):
            started = start("sam", T0)
            attempts.submit(started.attempt.id, T0)
        with pytest.raises(StartRefused) as refused:
            start("sam", T0)
        assert refused.value.refusal is Refusal.NO_ATTEMPTS_LEFT


def test_two_tabs_starting_the_last_attempt_at_once_start_one(app, assign):
    """Ten threads start the one allowed attempt at the same moment: one attempt exists after.
    Each submits what it got at once, so an attempt that slipped past would be a second one."""
    assign(max_attempts=1)
    barrier = threading.Barrier(10)
    outcomes: list[str] = []

    def tab() -> None:
        with app.app_context():
            sam = account("sam")
            bank = assignments.visible_bank(sam, BANK, T0)
            barrier.wait()
            try:
                started = assignments.start_test(sam, bank, T0, seed=1)
            except StartRefused as refused:
                outcomes.append(refused.refusal.value)
            else:
                attempts.submit(started.attempt.id, T0)
                outcomes.append("resumed" if started.resumed else "started")
            finally:
                db.session.remove()

    threads = [threading.Thread(target=tab) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("started") == 1 and len(outcomes) == 10, outcomes
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Attempt)) == 1


def test_an_assignment_may_show_answers_later_than_the_bank_never_sooner(app, assign):
    assert assignments.problems(AssignmentTerms(show_answers=AnswerVisibility.IMMEDIATELY))
    assign(show_answers=AnswerVisibility.NEVER, study=False)  # the bank shows them after the submit
    with app.app_context():
        started = start("sam", T0)
        attempts.submit(started.attempt.id, T0)
        submitted = attempts.get(started.attempt.id, T0)
        bank = assignments.visible_bank(account("sam"), BANK, T0)
        shown = answer_disclosure.for_attempt(Viewed(submitted, owner=True), bank, True, T0)
        assert not shown.answers and not shown.correctness and shown.withheld.value == "bank_setting"
        teacher_view = answer_disclosure.for_attempt(Viewed(submitted, owner=False), bank, True, T0)
        assert teacher_view.answers  # the class's teacher sees them


def test_an_edit_that_shortens_a_window_says_attempts_are_running(app, assign, people):
    assignment_id = assign(due_at=T0 + 24 * HOUR)
    with app.app_context():
        start("sam", T0)
        running = assignments.update(people.teacher, assignment_id, AssignmentTerms(due_at=T0 + HOUR))
        assert running  # the page says: the change applies to new attempts
        with pytest.raises(ValueError, match="after the opening time"):
            assignments.update(people.teacher, assignment_id, AssignmentTerms(opens_at=T0, due_at=T0))
        with pytest.raises(assignments.AssignmentNotFound):
            assignments.update(people.other_teacher, assignment_id, AssignmentTerms())


def test_deleting_an_assignment_keeps_its_attempts(app, assign, people):
    assignment_id = assign()
    with app.app_context():
        started = start("sam", T0)
        attempts.submit(started.attempt.id, T0)
        assert assignments.delete(people.teacher, assignment_id, T0) == 1
        assert db.session.get(Assignment, assignment_id) is None
        kept = db.session.get(Attempt, started.attempt.id)
        assert kept is not None and kept.assignment_id is None


def test_bad_terms_and_other_teachers_classes_store_nothing(app, assign, people):
    assign()
    with app.app_context():
        before = db.session.scalar(db.select(db.func.count()).select_from(Assignment))
        with pytest.raises(ValueError, match="attempts allowed"):
            assignments.create(people.teacher, people.class_id, BANK, AssignmentTerms(max_attempts=0))
        with pytest.raises(assignments.AssignmentNotFound):
            assignments.create(people.teacher, people.other_class_id, BANK, AssignmentTerms())
        with pytest.raises(BankNotFound):
            assignments.create(people.teacher, people.class_id, "no-such-bank", AssignmentTerms())
        assert db.session.scalar(db.select(db.func.count()).select_from(Assignment)) == before


# --- answers after the due time ----------------------------------------------------------------


def test_answers_after_the_due_time_need_a_due_time_and_study_off(app, assign):
    held = AssignmentTerms(
        show_answers=AnswerVisibility.AFTER_DUE, due_at=T0, study=False, ends_at_close=True
    )
    assert assignments.problems(held) == []
    assert assignments.problems(replace(held, ends_at_close=False)) == [
        "answers after the due time need attempts to end at the due time: a test started just "
        "before it would run on after the answers are out"
    ]
    assert assignments.problems(AssignmentTerms(show_answers=AnswerVisibility.AFTER_DUE, study=False)) == [
        "answers after the due time needs a due time"
    ]
    studied = replace(held, study=True)
    assert assignments.problems(studied) == [
        "practice, flashcards and learn mode show this quiz's answers: turn study off for this "
        "assignment to keep them back until the due time"
    ]
    assert assignments.problems(AssignmentTerms(show_answers=AnswerVisibility.NEVER)) == [
        "practice, flashcards and learn mode show this quiz's answers: turn study off for this "
        "assignment to keep them back"
    ]
    late = replace(held, accept_late=True)
    assert assignments.problems(late) == [
        "answers after the due time cannot go with late work: a late start would come after the "
        "answers are out"
    ]
    assert assignments.problems(AssignmentTerms()) == []  # what an upgraded database gives a class
    with app.app_context(), pytest.raises(ValueError, match="needs a due time"):
        assign(show_answers=AnswerVisibility.AFTER_DUE, study=False)


def test_answers_after_the_due_time_wait_for_the_last_due_time_of_the_class(app, assign, people):
    """Sam's due time is the assignment's; Sara's accommodation gives her a day more. Each sees
    their score at once, and their answers only once Sara's due time (the class's last) and the
    grace after it have passed: no one is still to take the test then. Their teacher: at once."""
    due = T0 + 2 * HOUR
    last = due + 24 * HOUR
    grace = timedelta(seconds=app.config["ANSWER_GRACE_SECONDS"])
    assignment_id = assign(
        show_answers=AnswerVisibility.AFTER_DUE, due_at=due, ends_at_close=True, study=False
    )
    with app.app_context():
        assignments.accommodate(people.teacher, assignment_id, "sara", Accommodation(due_at=last))
        taken = {}
        for name in ("sam", "sara"):
            started = start(name, T0)
            attempts.submit(started.attempt.id, T0 + HOUR)
            taken[name] = started.attempt.id
        bank = assignments.visible_bank(account("sam"), BANK, T0)

        def shown(name: str, now: datetime, owner: bool = True):
            attempt = attempts.get(taken[name], now)
            return answer_disclosure.for_attempt(Viewed(attempt, owner=owner), bank, True, now)

        for name in ("sam", "sara"):
            assert attempts.get(taken[name], T0).answers_due_at == last
            for before_it in (due + HOUR, last + grace - timedelta(seconds=1)):
                before = shown(name, before_it)
                assert (before.correctness, before.answers, before.withheld) == (
                    False,
                    False,
                    Withheld.UNTIL_DUE,
                )
                assert before.until == last
            assert shown(name, last + grace).answers and shown(name, last + grace).correctness
            assert shown(name, T0 + HOUR, owner=False).answers  # their teacher: at once
            attempt = attempts.get(taken[name], T0 + HOUR)
            assert answer_disclosure.answers_held_until(attempt, bank) == last
            assert answer_disclosure.held_back(attempt, last)
            assert not answer_disclosure.held_back(attempt, last + grace)
            [view] = assignments.student_assignments(account(name).id, T0)
            assert (view.answers, view.answers_from) == (AnswerVisibility.AFTER_DUE, last)
        # retrying what the test missed tells which were right: not before the due time either
        sam, attempt = account("sam"), attempts.get(taken["sam"], T0 + HOUR)
        retry = answer_disclosure.for_bank(Path.RETRY, sam, bank, due + HOUR, of_attempt=attempt)
        assert not retry.correctness and retry.withheld is Withheld.UNTIL_DUE
        assert answer_disclosure.for_bank(Path.RETRY, sam, bank, last + grace, of_attempt=attempt).correctness
        # and the test fed no flashcard memory (its due cards and weakest questions would tell)
        assert db.session.scalar(db.select(db.func.count()).select_from(CardState)) == 0


@pytest.mark.parametrize(
    ("deleted_at", "kept"),
    [
        (T0 + HOUR, AnswerVisibility.NEVER),  # before the due time: held back for good
        (T0 + 3 * HOUR, AnswerVisibility.NEVER),  # after the class's, before Sara's own due time
        (T0 + 27 * HOUR, AnswerVisibility.AFTER_SUBMIT),  # after every due time: shown
    ],
)
def test_a_deleted_after_due_assignment_keeps_answers_back_unless_every_due_time_passed(
    app, assign, people, deleted_at, kept
):
    due = T0 + 2 * HOUR
    assignment_id = assign(
        show_answers=AnswerVisibility.AFTER_DUE, due_at=due, ends_at_close=True, study=False
    )
    with app.app_context():
        assignments.accommodate(people.teacher, assignment_id, "sara", Accommodation(due_at=due + 24 * HOUR))
        started = start("sam", T0)
        attempts.submit(started.attempt.id, T0 + HOUR)
        assignments.delete(people.teacher, assignment_id, deleted_at)
        attempt = attempts.get(started.attempt.id, deleted_at)
        assert attempt.assignment_id is None and attempt.answers_due_at is None
        assert attempt.assigned_show_answers is kept
        bank = bank_library.bank(BANK)
        later = deleted_at + 1000 * HOUR
        shown = answer_disclosure.for_attempt(Viewed(attempt, owner=True), bank, True, later)
        assert shown.answers is (kept is AnswerVisibility.AFTER_SUBMIT)


def test_a_title_tells_a_test_from_its_retake_and_is_kept_clean(app, assign, people):
    first = assign()
    with app.app_context():
        retake = assignments.create(
            people.teacher, people.class_id, BANK, AssignmentTerms(title="  Retake  ", due_at=T0)
        )
        first_row, retake_row = assignments.assignment(first), assignments.assignment(retake)
        assert first_row.title is None and first_row.name == first_row.bank_title  # the bank's title
        assert retake_row.title == "Retake" and retake_row.name == "Retake"  # stripped
        assignments.update(people.teacher, retake, AssignmentTerms(title="   "))
        assert assignments.assignment(retake).title is None  # empty: the bank's title again
        for bad, words in (("R" * 121, "at most 120 characters"), ("Re\ttake", "control or formatting")):
            with pytest.raises(ValueError, match=words):
                assignments.update(people.teacher, retake, AssignmentTerms(title=bad))
            with pytest.raises(ValueError, match=words):
                assignments.create(people.teacher, people.class_id, BANK, AssignmentTerms(title=bad))
        assert assignments.assignment(retake).title is None
        views = assignments.student_assignments(people.student, T0 - HOUR, BANK)
        assert {view.id for view in views} == {first, retake}  # both, each by its own id


def test_the_warning_of_a_due_time_already_past(app):
    with app.app_context():
        assert assignments.warnings(AssignmentTerms(due_at=T0 + HOUR), T0) == []
        assert assignments.warnings(AssignmentTerms(due_at=T0 - HOUR), T0) == [
            "the due time is already past: students cannot start it (move the due time, or accept late work)"
        ]
        late = AssignmentTerms(due_at=T0 - HOUR, accept_late=True)
        assert assignments.warnings(late, T0) == [
            "the due time is already past: students can only start it late"
        ]


def test_whom_hiding_a_bank_or_archiving_a_class_reaches(app, assign, people):
    assign()  # Tina's class alone: Sam and Sara
    with app.app_context():
        assert assignments.bank_reach(BANK, T0) == assignments.Reach(1, 1, 2, 0)
        started = start("sam", T0)
        assert assignments.bank_reach(BANK, T0).tests_running == 1
        deadline = started.attempt.deadline
        if deadline is not None:  # past its deadline, a test is no longer running
            assert assignments.bank_reach(BANK, deadline + HOUR).tests_running == 0
        assert assignments.class_reach(people.teacher, people.class_id, T0) == assignments.Reach(1, 1, 2, 1)
        assert assignments.class_reach(people.other_teacher, people.other_class_id, T0).assignments == 0
        with pytest.raises(assignments.AssignmentNotFound):
            assignments.class_reach(people.other_teacher, people.class_id, T0)
        account_store.archive_class(people.class_id, T0)
        assert assignments.bank_reach(BANK, T0) == assignments.Reach(0, 0, 0, 0)  # archived: nobody left
        with pytest.raises(BankNotFound):
            assignments.bank_reach("no-such-bank", T0)


# --- what another assignment or open practice would give away ------------------------------


def held_terms(**more) -> AssignmentTerms:
    held = AssignmentTerms(
        show_answers=AnswerVisibility.AFTER_DUE, due_at=T0 + HOUR, ends_at_close=True, study=False
    )
    return replace(held, **more)


def test_a_retake_that_shows_answers_is_refused_while_another_assignment_keeps_them_back(
    app, assign, people, monkeypatch
):
    """A "Retake" of the quiz in the same class that lets the class study it, or shows answers at
    the submit, would hand out the answers the first test keeps back until its due time: refused
    until that due time has passed (the other way round too). Another class is not concerned."""
    monkeypatch.setattr(assignments.clock, "now", lambda: T0)
    held = assign(**vars_of(held_terms()))
    with app.app_context():
        for giving in (
            AssignmentTerms(study=False),
            AssignmentTerms(show_answers=AnswerVisibility.AFTER_SUBMIT),
        ):
            with pytest.raises(
                ValueError, match="keeps its answers back longer: this one would show them sooner"
            ):
                assignments.create(people.teacher, people.class_id, BANK, replace(giving, title="Retake"))
        quiet = assignments.create(people.teacher, people.class_id, BANK, held_terms(title="Retake"))
        with pytest.raises(ValueError, match="keeps its answers back"):
            assignments.update(people.teacher, quiet, AssignmentTerms(study=False, title="Retake"))
        assignments.delete(people.teacher, quiet, T0)
        other_class = assignments.create(people.other_teacher, people.other_class_id, BANK, AssignmentTerms())
        assert other_class
        monkeypatch.setattr(assignments.clock, "now", lambda: T0 + 2 * HOUR)  # its answers are out
        assert assignments.create(people.teacher, people.class_id, BANK, AssignmentTerms(title="Retake"))
        # the other way round: a test that keeps answers back while the class may study the quiz
        with pytest.raises(ValueError, match="shows its answers sooner or lets the class study it"):
            assignments.update(people.teacher, held, held_terms(due_at=T0 + 3 * HOUR))


def vars_of(terms: AssignmentTerms) -> dict:
    return {name: getattr(terms, name) for name in AssignmentTerms.__dataclass_fields__}


def test_practice_for_everyone_is_refused_while_an_assignment_keeps_the_answers_back(app, assign):
    assign(**vars_of(held_terms()))
    flags = assignments.BankFlags(published=True, open_practice=True)
    with app.app_context():
        with pytest.raises(ValueError, match="practice for every student would show the answers that"):
            assignments.set_bank_flags(BANK, flags, T0)
        assert not assignment_store.bank_flags()[BANK].open_practice
        grace = timedelta(seconds=app.config["ANSWER_GRACE_SECONDS"])
        with pytest.raises(ValueError):  # answers sent at the deadline may still come
            assignments.set_bank_flags(BANK, flags, T0 + HOUR + grace - timedelta(seconds=1))
        assignments.set_bank_flags(BANK, flags, T0 + HOUR + grace)  # answers out
        assert assignment_store.bank_flags()[BANK].open_practice


def test_leaving_a_class_takes_the_accommodations_on_its_assignments_with_it(app, assign, people):
    """Rejoining starts on the class's terms, and a leaver's own later due time no longer holds
    an after-due test's answers back for the others."""
    assignment_id = assign(**vars_of(held_terms()))
    with app.app_context():
        assignments.accommodate(people.teacher, assignment_id, "sam", Accommodation(due_at=T0 + 48 * HOUR))
        assert assignments.assignment(assignment_id).last_due_at == T0 + 48 * HOUR
        accounts.remove_from_class(people.class_id, people.student, datetime.now(UTC))
        assert assignment_store.accommodations_of([assignment_id]) == {}
        assert assignments.assignment(assignment_id).last_due_at == T0 + HOUR


def test_two_held_back_tests_of_the_quiz_in_a_class_must_release_together(app, assign, people, monkeypatch):
    """A warm-up due before the test would show the test's answers at its own due time; one that
    shows answers never beside one that shows them after the due time likewise. The same release
    is fine. And an assignment may not hold answers back while the quiz is open to everyone."""
    monkeypatch.setattr(assignments.clock, "now", lambda: T0)
    assign(**vars_of(held_terms()))
    with app.app_context():
        warm_up = held_terms(title="Warm-up", due_at=T0 + HOUR / 2)
        with pytest.raises(ValueError, match="keeps its answers back longer"):
            assignments.create(people.teacher, people.class_id, BANK, warm_up)
        never = replace(held_terms(title="Final"), show_answers=AnswerVisibility.NEVER)
        with pytest.raises(ValueError, match="shows its answers sooner"):
            assignments.create(people.teacher, people.class_id, BANK, never)
        assert assignments.create(people.teacher, people.class_id, BANK, held_terms(title="Same day"))


def test_a_held_back_test_is_refused_while_the_quiz_is_open_to_everyone(app, people, monkeypatch):
    from tests.helpers.assignments import clear_tinas_class

    monkeypatch.setattr(assignments.clock, "now", lambda: T0)
    clear_tinas_class(app, people)
    with app.app_context():
        assignment_store.set_bank_flags(BANK, assignments.BankFlags(published=True, open_practice=True))
        with pytest.raises(ValueError, match="open for practice to every student"):
            assignments.create(people.teacher, people.class_id, BANK, held_terms())


def test_answers_wait_for_a_test_still_running_after_the_due_time_moved(app, assign, people):
    """Sara starts with two hours to go; the teacher then moves the due time earlier. Her test
    keeps its deadline, and Sam's answers wait for it (and its grace), not for the new due time."""
    due = T0 + 2 * HOUR
    assignment_id = assign(**vars_of(held_terms(due_at=due, time_limit_minutes=90)))
    grace = timedelta(seconds=app.config["ANSWER_GRACE_SECONDS"])
    with app.app_context():
        sam = start("sam", T0)
        attempts.submit(sam.attempt.id, T0 + HOUR / 4)
        sara = start("sara", T0 + HOUR / 2)
        row = assignments.assignment(assignment_id)
        assignments.update(people.teacher, assignment_id, replace(row.terms, due_at=T0 + HOUR))
        bank = assignments.visible_bank(account("sam"), BANK, T0)

        def shown(now: datetime):
            return answer_disclosure.for_attempt(
                Viewed(attempts.get(sam.attempt.id, now), owner=True), bank, True, now
            )

        assert attempts.get(sam.attempt.id, T0 + HOUR).answers_due_at == due  # Sara's deadline
        assert not shown(T0 + HOUR + grace).answers  # the new due time: Sara is still at it
        attempts.submit(sara.attempt.id, T0 + HOUR + HOUR / 2)
        assert shown(T0 + HOUR + HOUR / 2 + grace).answers  # no one is taking it any more
