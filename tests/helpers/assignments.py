"""Assignments with the terms a test needs, students to fill a class, and tests taken under an
assignment at a given time (through the services, so the clock is the test's)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from quizapp.core.accounts import Role
from quizapp.core.answer_key import full_marks_response
from quizapp.core.assignments import Accommodation
from quizapp.db import account_store, assignment_store
from quizapp.db.base import db
from quizapp.services import assignments, attempts, bank_library
from quizapp.services.assignments import AssignmentTerms
from tests.helpers.web import PASSWORD

BANK = "kosovo-peacekeepers"
_seeds = itertools.count(11)


def replace_assignments(app, people, **terms) -> int:
    """The bank assigned to Tina's class with these terms, instead of the fixture's assignment."""
    with app.app_context():
        db.session.rollback()
        for row in assignment_store.assignments_of_classes([people.class_id], BANK):
            assignment_store.delete_assignment(row.id, datetime.now(UTC))
        return assignments.create(people.teacher, people.class_id, BANK, AssignmentTerms(**terms))


def clear_tinas_class(app, people) -> None:
    """Delete the fixture's assignments of the bank to Tina's class (study on, answers as the bank
    says), which would give away the answers of one that keeps them back."""
    with app.app_context():
        db.session.rollback()
        for row in assignment_store.assignments_of_classes([people.class_id], BANK):
            assignment_store.delete_assignment(row.id, datetime.now(UTC))


def assigned_to_tinas_class_alone(app, people, **terms) -> int:
    """The bank assigned to Tina's class alone, with these terms (Oleg, in Otto's class, is then a
    student of another class): every other assignment of it is deleted first."""
    with app.app_context():
        db.session.rollback()
        for row in assignment_store.assignments_of_classes([people.class_id, people.other_class_id]):
            assignment_store.delete_assignment(row.id, datetime.now(UTC))
        return assignments.create(people.teacher, people.class_id, BANK, AssignmentTerms(**terms))


def add_assignment(app, people, **terms) -> int:
    """Another assignment of the bank to Tina's class (students then name the one they take)."""
    with app.app_context():
        db.session.rollback()
        return assignments.create(people.teacher, people.class_id, BANK, AssignmentTerms(**terms))


def add_students(app, class_id: int, *names: str) -> None:
    """Students ``names`` (username = the name in lower case) enrolled in the class."""
    with app.app_context():
        db.session.rollback()
        for name in names:
            student = account_store.create_user(name.lower(), f"{name} Student", PASSWORD, Role.STUDENT)
            db.session.commit()
            account_store.enroll(class_id, student.id)
            db.session.commit()


def accommodate(app, people, assignment_id: int, username: str, **extra) -> None:
    with app.app_context():
        db.session.rollback()
        assignments.accommodate(people.teacher, assignment_id, username, Accommodation(**extra))


def take(
    app,
    username: str,
    at: datetime,
    correct: int | None = None,
    assignment_id: int | None = None,
    submit: bool = True,
) -> int:
    """``username`` starts a test of the bank at ``at`` (under the assignment named, or their
    only one), answers the first ``correct`` questions right (None: all), and submits five
    minutes later unless ``submit`` is False. The attempt's id."""
    with app.app_context():
        db.session.rollback()
        student = account_store.account_by_username(username)
        bank = bank_library.bank(BANK)
        attempt = assignments.start_test(student, bank, at, next(_seeds), assignment_id).attempt
        asked = attempts.questions_of(attempt)
        for question in asked if correct is None else asked[:correct]:
            assert attempts.save_answer(attempt, question.id, full_marks_response(question), at)
        if submit:
            assert attempts.submit(attempt.id, at + timedelta(minutes=5))
        return attempt.id


def percent_of(app, attempt_id: int, now: datetime) -> float:
    """The attempt's score in percent, as the services compute it."""
    with app.app_context():
        return float(attempts.score_of(attempts.get(attempt_id, now)).percent)


HOUR = timedelta(hours=1)
EVIL = '=HYPERLINK("http://evil";"Sara")'  # a display name a spreadsheet would run


@dataclass(frozen=True)
class Graded:
    first: int  # assignment: due two hours after t0, late work accepted, two attempts, best counts
    second: int  # assignment: no due time, unlimited attempts
    due: datetime
    mia_due: datetime
    sam_early: int  # 1 question right, on time
    sam_late: int  # all right, late
    sara_first: int  # all right, on time
    sara_second: int  # under the second assignment
    t0: datetime
    bank_title: str
