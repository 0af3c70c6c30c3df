"""Rows a teacher needs for a few minutes only, deleted once expired: one-time password slips
(the passwords just made, for the class page to print or give as CSV) and removals from a class
(``removed_enrollments``, written and undone by ``account_store``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete

from quizapp.db.account_store import USED_ONCE, forget_slips_of
from quizapp.db.base import db
from quizapp.db.database import begin_write
from quizapp.db.models import Enrollment, PasswordSlip, RemovedEnrollment, User


@dataclass(frozen=True, slots=True)
class Slip:
    student_id: int
    display_name: str
    username: str
    password: str
    expires_at: datetime


def keep_slips(class_id: int, passwords: Iterable[tuple[int, str]], now: datetime, until: datetime) -> None:
    """Keep each (student id, one-time password) of the class until ``until``. A student's
    slips of an older password, in any class, are deleted first (``forget_slips_of``), and so
    are expired slips (of every class)."""
    begin_write()
    _delete_expired(now)
    for student_id, password in passwords:
        forget_slips_of(student_id)
        db.session.add(
            PasswordSlip(
                class_id=class_id, student_id=student_id, password=password, created_at=now, expires_at=until
            )
        )
    db.session.commit()


def slips_of_class(class_id: int, now: datetime) -> list[Slip]:
    """The class's slips not expired, by name: only of students still in the class whose
    one-time password has not logged in yet (its slips are deleted then, and when it is replaced)."""
    rows = db.session.execute(
        db.select(PasswordSlip, User.display_name, User.username)
        .join(User, User.id == PasswordSlip.student_id)
        .join(
            Enrollment,
            (Enrollment.student_id == PasswordSlip.student_id)
            & (Enrollment.class_id == PasswordSlip.class_id),
        )
        .where(
            PasswordSlip.class_id == class_id,
            PasswordSlip.expires_at > now,
            User.must_change_password.is_(True),
            User.password_hash.not_like(f"{USED_ONCE}%"),
        )
        .order_by(User.display_name, User.username)
    )
    return [
        Slip(slip.student_id, display_name, username, slip.password, slip.expires_at)
        for slip, display_name, username in rows
    ]


def delete_expired(now: datetime) -> None:
    """Delete every slip and every removal past its time; a read first, so that nothing to
    delete takes no write lock (the class page asks on every visit)."""
    expired = db.select(PasswordSlip.id).where(PasswordSlip.expires_at <= now).limit(1)
    removed = db.select(RemovedEnrollment.id).where(RemovedEnrollment.expires_at <= now).limit(1)
    if db.session.scalar(expired) is None and db.session.scalar(removed) is None:
        return
    begin_write()
    _delete_expired(now)
    db.session.commit()


def _delete_expired(now: datetime) -> None:
    db.session.execute(delete(PasswordSlip).where(PasswordSlip.expires_at <= now))
    db.session.execute(delete(RemovedEnrollment).where(RemovedEnrollment.expires_at <= now))
