"""A student's standing accommodation: extra time and attempts on every test of a class, through
the services the pages, the API and the commands call (the rule: core.assignments.applying).

It applies to assignments made after it was set, an accommodation of the student's own on one
assignment replaces it there, a student in two classes has each class's, and the reads that
gather them stay a fixed number of queries however many students have one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from quizapp.core.assignments import Accommodation, Accommodations, Refusal
from quizapp.db import account_store, assignment_store
from quizapp.db.base import db
from quizapp.services import accounts, assignment_reports, assignments, attempts
from quizapp.services.assignments import AssignmentTerms, StartRefused
from quizapp.services.bank_library import BankNotFound
from tests.helpers.assignments import add_students, assigned_to_tinas_class_alone
from tests.helpers.web import counted_queries

BANK = "kosovo-peacekeepers"
T0 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
MINUTE, HOUR = timedelta(minutes=1), timedelta(hours=1)


def account(username: str):
    return account_store.account_by_username(username)


def start(username: str, now: datetime, assignment_id: int | None = None):
    student = account(username)
    bank = assignments.visible_bank(student, BANK, now)
    return assignments.start_test(student, bank, now, seed=1, assignment_id=assignment_id)


def standing(percent: int = 0, minutes: int = 0, attempts: int = 0) -> Accommodation:
    return Accommodation(extra_time_percent=percent, extra_time_minutes=minutes, extra_attempts=attempts)


def test_a_standing_accommodation_applies_to_an_assignment_made_later(app, people):
    with app.app_context():
        assignments.accommodate_in_class(people.teacher, people.class_id, "sam", standing(50, 5, 1))
    assignment_id = assigned_to_tinas_class_alone(app, people, time_limit_minutes=20, max_attempts=1)
    with app.app_context():
        [view] = assignments.student_assignments(people.student, T0)
        assert view.accommodations == Accommodations(None, standing(50, 5, 1))
        assert view.accommodation == standing(50, 5, 1) and view.accommodated
        assert view.accommodations.from_class
        assert view.window.time_limit == 35 * MINUTE and view.window.max_attempts == 2
        first = start("sam", T0)
        assert first.attempt.deadline == T0 + 35 * MINUTE  # 20 × 150 % + 5
        attempts.submit(first.attempt.id, T0 + MINUTE)
        second = start("sam", T0 + HOUR)  # the extra attempt, counted under the lock as it is written
        assert not second.resumed
        attempts.submit(second.attempt.id, T0 + HOUR)
        with pytest.raises(StartRefused) as refused:
            start("sam", T0 + 2 * HOUR)
        assert refused.value.refusal is Refusal.NO_ATTEMPTS_LEFT
        # the classmate has the class's terms
        [sara] = assignments.student_assignments(people.classmate, T0)
        assert sara.accommodation is None and not sara.accommodated and sara.window.time_limit == 20 * MINUTE
        # the teacher's table and the gradebook see the same terms
        views = dict(
            (student.username, view)
            for student, view in assignments.class_views(assignments.assignment(assignment_id), T0 + 3 * HOUR)
        )
        assert views["sam"].window.max_attempts == 2 and views["sam"].accommodations.from_class
        assert views["sara"].window.max_attempts == 1
        grades = assignment_reports.grades(assignments.assignment(assignment_id), T0 + 3 * HOUR)
        assert {grade.student.username: grade.view.accommodated for grade in grades} == {
            "sam": True,
            "sara": False,
        }


def test_an_own_accommodation_replaces_the_standing_one_on_its_assignment(app, people):
    assignment_id = assigned_to_tinas_class_alone(app, people, time_limit_minutes=20, max_attempts=1)
    with app.app_context():
        assignments.accommodate_in_class(people.teacher, people.class_id, "sam", standing(50, 0, 2))
        own = Accommodation(extra_time_minutes=10, due_at=T0 + 5 * HOUR)
        assignments.accommodate(people.teacher, assignment_id, "sam", own)
        [view] = assignments.student_assignments(people.student, T0)
        assert view.accommodation == own and not view.accommodations.from_class
        # all of the own one, nothing of the standing one: no 50 %, no extra attempts
        assert view.window.time_limit == 30 * MINUTE and view.window.max_attempts == 1
        assert view.window.due_at == T0 + 5 * HOUR
        # "nothing extra on this test": an own accommodation that gives nothing
        assignments.accommodate(people.teacher, assignment_id, "sam", Accommodation())
        [view] = assignments.student_assignments(people.student, T0)
        assert view.window.time_limit == 20 * MINUTE and not view.accommodated
        # taking the own one away brings the standing one back
        assignments.accommodate(people.teacher, assignment_id, "sam", None)
        [view] = assignments.student_assignments(people.student, T0)
        assert view.window.time_limit == 30 * MINUTE and view.window.max_attempts == 3
        # and taking the standing one away leaves the class's terms
        assignments.accommodate_in_class(people.teacher, people.class_id, "sam", None)
        [view] = assignments.student_assignments(people.student, T0)
        assert view.accommodations == Accommodations() and view.window.time_limit == 20 * MINUTE
        assert assignments.standing_accommodations([people.class_id]) == []


def test_a_student_in_two_classes_has_each_classs_own(app, people):
    """Sam joins Otto's class too; the bank is assigned in both; each teacher sets theirs."""
    with app.app_context():
        account_store.enroll(people.other_class_id, people.student)
        account_store.commit()
        for classroom, teacher in (
            (people.class_id, people.teacher),
            (people.other_class_id, people.other_teacher),
        ):
            for row in assignment_store.assignments_of_classes([classroom]):
                assignment_store.delete_assignment(row.id, datetime.now(UTC))
            assignments.create(teacher, classroom, BANK, AssignmentTerms(time_limit_minutes=20))
        assignments.accommodate_in_class(people.teacher, people.class_id, "sam", standing(percent=50))
        assignments.accommodate_in_class(people.other_teacher, people.other_class_id, "sam", standing(100))
        with pytest.raises(assignments.AssignmentNotFound):  # each teacher their own class only
            assignments.accommodate_in_class(people.teacher, people.other_class_id, "sam", standing(25))
        views = {
            view.assignment.class_id: view for view in assignments.student_assignments(people.student, T0)
        }
        assert views[people.class_id].window.time_limit == 30 * MINUTE
        assert views[people.other_class_id].window.time_limit == 40 * MINUTE
        started = start("sam", T0, views[people.other_class_id].id)
        assert started.attempt.deadline == T0 + 40 * MINUTE
        # Oleg, in Otto's class only, has none
        [oleg] = assignments.student_assignments(people.other_student, T0)
        assert oleg.accommodation is None and oleg.window.time_limit == 20 * MINUTE
        by_class = {
            (each.class_id, each.username): each.accommodation
            for each in assignments.standing_accommodations([people.class_id, people.other_class_id])
        }
        assert by_class == {
            (people.class_id, "sam"): standing(percent=50),
            (people.other_class_id, "sam"): standing(100),
        }


def test_a_standing_accommodation_moves_no_date_and_opens_nothing_early(app, people):
    assigned_to_tinas_class_alone(app, people, opens_at=T0, due_at=T0 + HOUR)
    with app.app_context():
        assignments.accommodate_in_class(people.teacher, people.class_id, "sam", standing(400, 1440, 100))
        sam = account("sam")
        with pytest.raises(BankNotFound):  # before the window: no practice, no source text
            assignments.study_bank(sam, BANK, T0 - MINUTE)
        with pytest.raises(StartRefused) as early:
            start("sam", T0 - MINUTE)
        assert early.value.refusal is Refusal.NOT_OPEN
        with pytest.raises(StartRefused) as late:
            start("sam", T0 + HOUR)
        assert late.value.refusal is Refusal.CLOSED
        [view] = assignments.student_assignments(people.student, T0)
        assert (view.window.opens_at, view.window.due_at) == (T0, T0 + HOUR)


def test_bad_standing_accommodations_and_other_people_store_nothing(app, people):
    with app.app_context():
        for bad, words in (
            (standing(401), "extra time"),
            (standing(minutes=-1), "extra time"),
            (standing(attempts=101), "extra attempts"),
            (Accommodation(extra_time_percent=50, due_at=T0), "no dates"),
        ):
            with pytest.raises(ValueError, match=words):
                assignments.accommodate_in_class(people.teacher, people.class_id, "sam", bad)
        for teacher, class_id, username in (
            (people.other_teacher, people.class_id, "sam"),  # not their class
            (people.teacher, people.class_id, "oleg"),  # not a student of the class
            (people.teacher, people.class_id, "nobody"),
            (people.teacher, people.class_id, "tina"),
            (people.teacher, 999_999, "sam"),
        ):
            with pytest.raises(assignments.AssignmentNotFound):
                assignments.accommodate_in_class(teacher, class_id, username, standing(50))
        assert assignments.standing_accommodations([people.class_id, people.other_class_id]) == []


def test_leaving_the_class_takes_the_standing_accommodation_with_it(app, people):
    with app.app_context():
        assignments.accommodate_in_class(people.teacher, people.class_id, "sam", standing(50))
        accounts.remove_from_class(people.class_id, people.student, datetime.now(UTC))
        account_store.enroll(people.class_id, people.student)
        account_store.commit()
        assert assignments.standing_accommodations([people.class_id]) == []


def test_reading_accommodations_takes_the_same_queries_for_one_student_or_many(app, people):
    """The student's list and the teacher's table read own and standing accommodations in one
    query each, whoever has them."""
    assignment_id = assigned_to_tinas_class_alone(app, people, time_limit_minutes=20)
    add_students(app, people.class_id, "Mia", "Nina", "Omar", "Pia")

    def count_reads() -> tuple[int, int]:
        with app.app_context():
            db.session.rollback()
            row = assignments.assignment(assignment_id)
            with counted_queries(app) as student_reads:
                assignments.student_assignments(people.student, T0)
            with counted_queries(app) as teacher_reads:
                assignments.class_views(row, T0)
            return len(student_reads), len(teacher_reads)

    before = count_reads()
    with app.app_context():
        for name in ("sam", "mia", "nina", "omar"):
            assignments.accommodate_in_class(people.teacher, people.class_id, name, standing(50))
        for name in ("sam", "pia"):
            assignments.accommodate(people.teacher, assignment_id, name, Accommodation(extra_attempts=1))
    assert count_reads() == before
    with app.app_context():
        views = {
            student.username: view
            for student, view in assignments.class_views(assignments.assignment(assignment_id), T0)
        }
    assert views["mia"].window.time_limit == 30 * MINUTE and views["mia"].accommodations.from_class
    assert views["sam"].accommodation == Accommodation(extra_attempts=1)  # its own, not the class's
    assert views["pia"].accommodation == Accommodation(extra_attempts=1)
    assert views["sara"].accommodation is None


def test_a_teacher_trying_an_assignment_has_the_class_terms(app, people):
    assignment_id = assigned_to_tinas_class_alone(app, people, time_limit_minutes=20)
    with app.app_context():
        assignments.accommodate_in_class(people.teacher, people.class_id, "sam", standing(50))
        teacher = account("tina")
        bank = assignments.visible_bank(teacher, BANK, T0)
        started = assignments.start_test(teacher, bank, T0, seed=1, assignment_id=assignment_id)
        assert started.attempt.deadline == T0 + 20 * MINUTE
