"""A one-time password slip (its password in plain text) lives no longer than its password is of
use (issue 17's security review, F2 and F4): it is deleted, in every class, as the password is
spent, replaced by the student's own or by a newer one-time password of any teacher; and each
login deletes the expired ones."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import func

from quizapp.db import account_store
from quizapp.db.base import db
from quizapp.db.models import PasswordSlip
from quizapp.services import accounts, password_slips
from tests.helpers.web import PASSWORD

NOW = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)


def slips_of(student_id: int) -> list[tuple[int, str]]:
    """The student's stored slips, (class id, password), whether shown or not."""
    rows = db.session.execute(
        db.select(PasswordSlip.class_id, PasswordSlip.password).where(PasswordSlip.student_id == student_id)
    )
    return sorted(tuple(row) for row in rows)


def in_both_classes(people):
    """Sara, in Tina's class and (here) in Otto's too, with a slip in Tina's class."""
    account_store.enroll(people.other_class_id, people.classmate)
    db.session.commit()
    sara = account_store.get_account(people.classmate)
    password = accounts.reset_password(sara.id, random.Random(1))
    password_slips.keep(people.class_id, [(sara, password)], NOW)
    assert slips_of(sara.id) == [(people.class_id, password)]
    return sara, password


def test_a_newer_one_time_password_of_another_teacher_deletes_the_slip_in_every_class(app, people):
    with app.app_context():
        sara, _ = in_both_classes(people)
        new = accounts.reset_password(sara.id, random.Random(2))  # Otto, in his class
        assert slips_of(sara.id) == []  # the reset itself: Tina's slip would show a dead password
        password_slips.keep(people.other_class_id, [(sara, new)], NOW)
        assert slips_of(sara.id) == [(people.other_class_id, new)]
        assert password_slips.of_class(people.class_id, NOW) == []


def test_keeping_a_slip_in_one_class_deletes_the_students_slip_in_another(app, people):
    with app.app_context():
        sara, _ = in_both_classes(people)
        password_slips.keep(people.other_class_id, [(sara, "newer-one")], NOW)
        assert slips_of(sara.id) == [(people.other_class_id, "newer-one")]


def test_logging_in_with_the_one_time_password_deletes_its_slips(app, people):
    with app.app_context():
        sara, password = in_both_classes(people)
        assert accounts.log_in_on_website("sara", password, NOW) is not None
        assert slips_of(sara.id) == []


def test_choosing_or_changing_ones_own_password_deletes_the_students_slips(app, people):
    with app.app_context():
        sara, password = in_both_classes(people)
        account_store.use_one_time_password(sara)
        password_slips.keep(people.class_id, [(sara, password)], NOW)  # kept again, as by a race
        assert accounts.choose_own_password(sara.id, "sara-chose-this-one") is not None
        assert slips_of(sara.id) == []

        sam = account_store.get_account(people.student)
        password_slips.keep(people.class_id, [(sam, "left-over")], NOW)
        assert accounts.change_password(sam.id, PASSWORD, "sam-changed-this-one") is not None
        assert slips_of(sam.id) == []


def test_any_login_deletes_expired_slips_and_a_failed_one_touches_nothing(app, people):
    with app.app_context():
        sara, _ = in_both_classes(people)
        lifetime = password_slips.SLIP_LIFETIME
        assert accounts.log_in_on_website("sam", PASSWORD, NOW + lifetime - timedelta(seconds=1))
        assert len(slips_of(sara.id)) == 1  # still of use
        assert accounts.log_in_on_website("sam", "wrong password", NOW + lifetime) is None
        assert len(slips_of(sara.id)) == 1
        assert accounts.log_in_on_website("sam", PASSWORD, NOW + lifetime)
        assert db.session.scalar(db.select(func.count()).select_from(PasswordSlip)) == 0
