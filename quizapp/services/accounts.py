"""People and classes, for the pages, the API and the CLI: sign-up and login, passwords,
classes, rosters and enrolment.

Each use case is one unit of work here (it commits), so a front end cannot forget a commit
or leave half of one undone; the rows and the write lock stay in ``account_store``. Every
class a teacher names is looked up within the teacher's own classes.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from flask import current_app

from quizapp.core.accounts import Role, one_time_password_expired
from quizapp.core.local_time import time_zone
from quizapp.core.roster import RosterEntry
from quizapp.db import account_store, short_lived_store
from quizapp.db.account_store import (
    Account,
    ClassInfo,
    ClassNameTaken,
    Removal,
    RosterOutcome,
    UsernameTaken,
)
from quizapp.db.database import begin_write

__all__ = [
    "Account",
    "ClassInfo",
    "ClassNameTaken",
    "OneTimePasswordExpired",
    "Removal",
    "RosterOutcome",
    "SetupClosed",
    "UnknownJoinCode",
    "UsernameTaken",
]


class SetupClosed(Exception):
    """A teacher exists already: the first-run set-up is over."""


class UnknownJoinCode(Exception):
    """No class has this join code."""


# --- logging in and out ------------------------------------------------------------------


def teacher_exists() -> bool:
    """Whether the first-run set-up is done: until then the home page leads to it."""
    return account_store.teacher_exists()


def authenticate(username: str, password: str) -> Account | None:
    """The account for these credentials, or None; one password hash either way, so the time
    taken does not tell whether the username exists. The API trades it for a token."""
    return account_store.authenticate(username, password)


class OneTimePasswordExpired(Exception):
    """The right one-time password, past ``core.accounts.ONE_TIME_PASSWORD_LIFETIME``: the
    login page says so (only to someone who typed it), and the teacher makes a new one."""


def log_in_on_website(username: str, password: str, now: datetime) -> Account | None:
    """The account that logs in with these credentials, or None; ``OneTimePasswordExpired``.

    A one-time password (made by a teacher) works until its user has chosen their own, for at
    most ``ONE_TIME_PASSWORD_LIFETIME`` (a lost slip does not open the account for ever): each
    login with it ends the user's other sessions, deletes its slips, and must choose its own
    password first. Each login also deletes expired slips and removals (a read when there are
    none), so that a password kept for a slip does not outlive its ten minutes until a teacher's
    next look.
    """
    account = account_store.authenticate(username, password)
    if account is None:
        return None
    short_lived_store.delete_expired(now)
    if account.must_change_password:
        if one_time_password_expired(account.password_set_at, now):
            raise OneTimePasswordExpired(account.username)
        return account_store.use_one_time_password(account)
    return account


def get_account(user_id: int) -> Account | None:
    """The account as it is now, for the session's user on every request (its session version
    tells whether the session still counts)."""
    return account_store.get_account(user_id)


def account_by_username(username: str) -> Account | None:
    """The account with this username (normalized as at sign-up), for commands that name people."""
    return account_store.account_by_username(username)


def end_sessions(user_id: int) -> None:
    """Log the user out everywhere on the website: a copied session cookie stops working too."""
    account_store.end_sessions(user_id)


# --- creating accounts -------------------------------------------------------------------


def create_first_teacher(username: str, display_name: str, password: str) -> Account:
    """The first teacher, made at the first-run set-up; raises ``SetupClosed`` once a teacher
    exists, ``UsernameTaken``. The write lock is taken before the check, so two set-ups at the
    same moment cannot both make one."""
    begin_write()
    if account_store.teacher_exists():
        raise SetupClosed()
    created = account_store.create_user(username, display_name, password, Role.TEACHER)
    account_store.commit()
    return created


def sign_up_student(
    join_code: str, username: str, display_name: str, password: str
) -> tuple[Account, ClassInfo]:
    """A student's own account, in the class of ``join_code``; raises ``UnknownJoinCode`` (checked
    first: no account is made for a wrong code) or ``UsernameTaken``."""
    classroom = class_by_join_code(join_code)
    created = account_store.create_user(username, display_name, password, Role.STUDENT)
    account_store.enroll(classroom.id, created.id)
    account_store.commit()
    return created, classroom


def create_account(
    username: str, display_name: str, password: str, role: Role, classroom: ClassInfo | None = None
) -> Account:
    """An account made on the command line, enrolled in ``classroom`` if given; raises
    ``UsernameTaken``."""
    created = account_store.create_user(username, display_name, password, role)
    if classroom is not None:
        account_store.enroll(classroom.id, created.id)
    account_store.commit()
    return created


# --- passwords ---------------------------------------------------------------------------


def change_password(user_id: int, current: str, new: str) -> Account | None:
    """Set a new password if ``current`` is right (else None); every other session ends."""
    return account_store.change_password(user_id, current, new)


def set_time_zone(user_id: int, name: str | None) -> None:
    """Show and read times for this user in ``name`` (an IANA zone), or None: the school's.
    ``ValueError`` for a name that is no zone."""
    if name is not None:
        name = time_zone(name).key
    account_store.set_time_zone(user_id, name)


def take_browser_zone(account: Account, name: str | None) -> None:
    """Read and show times for someone who has set no zone in the one their browser reports (sent
    at login, sign-up, joining a class), rather than the school's: a student at home abroad sees
    a due date on their own day. Nothing when they have set one (the school's too), or ``name``
    is no zone (the rule for a chosen one: ``core.local_time.time_zone``); they can change it on
    the account page, which says it came from their browser."""
    if account.time_zone_source is not None or not name:
        return
    try:
        key = time_zone(name).key
    except ValueError:
        return
    account_store.take_browser_zone(account.id, key)


def zone_of(account: Account | None) -> ZoneInfo:
    """The zone a person reads times in: their own (account page), else the school's
    (``QUIZAPP_TIMEZONE``); a zone the system no longer knows gives way to the school's."""
    if account is not None and account.time_zone:
        try:
            return time_zone(account.time_zone)
        except ValueError:
            pass
    return time_zone(str(current_app.config["TIMEZONE"]))


def choose_own_password(user_id: int, new: str) -> Account | None:
    """After a one-time password: the user's own, unless it is that one-time password (None);
    every other session ends."""
    return account_store.choose_own_password(user_id, new)


def reset_password(student_id: int, rng: random.Random) -> str:
    """A new one-time password for a student who forgot theirs; their sessions end."""
    return account_store.reset_password(student_id, rng)


# --- classes -----------------------------------------------------------------------------


def create_class(teacher_id: int, name: str, rng: random.Random) -> ClassInfo:
    """A new class of the teacher's, with a fresh join code to hand to students; raises
    ``ClassNameTaken`` when the teacher has a class of that name already (case and blanks aside:
    ``core.accounts.class_name_key``), archived or not. Pages and ``flask class create`` alike."""
    return account_store.create_class(teacher_id, name, rng)


def class_name_taken_message(taken: ClassNameTaken) -> str:
    """What a teacher is told of a name in use, on the pages and the command line alike."""
    archived = " (archived)" if taken.existing.archived else ""
    return (
        f"You have a class called “{taken.existing.name}”{archived} already: give this one another "
        "name (for example, add the term or the year)."
    )


def classes_of_teacher(teacher_id: int) -> list[ClassInfo]:
    """The teacher's classes by name, with their student counts (the classes page)."""
    return account_store.classes_of_teacher(teacher_id)


def all_classes(teacher_id: int | None = None) -> list[ClassInfo]:
    """Every class (of one teacher, if given), for the command line's exports."""
    return account_store.all_classes(teacher_id)


def class_of_teacher(class_id: int, teacher_id: int) -> ClassInfo | None:
    """The class if it belongs to ``teacher_id``; another teacher's class is "not found"."""
    return account_store.class_of_teacher(class_id, teacher_id)


def rename_class(teacher_id: int, class_id: int, name: str) -> ClassInfo | None:
    """Rename one of the teacher's classes; the class as it is now, or None if it is not theirs.
    Raises ``ClassNameTaken`` when another class of theirs has that name (as ``create_class``)."""
    if account_store.class_of_teacher(class_id, teacher_id) is None:
        return None
    account_store.rename_class(class_id, name)
    return account_store.class_of_teacher(class_id, teacher_id)


def archive_class(teacher_id: int, class_id: int, archived_at: datetime | None) -> ClassInfo | None:
    """Archive one of the teacher's classes as of ``archived_at`` (its students no longer see it
    or its assignments; everything is kept), or None: bring it back. The class as it is now, or
    None if it is not theirs."""
    if account_store.class_of_teacher(class_id, teacher_id) is None:
        return None
    account_store.archive_class(class_id, archived_at)
    return account_store.class_of_teacher(class_id, teacher_id)


def class_by_join_code(join_code: str) -> ClassInfo:
    """The class of a join code (as typed: case and blanks do not matter); raises
    ``UnknownJoinCode``."""
    classroom = account_store.class_by_join_code(join_code)
    if classroom is None or classroom.archived:  # an archived class takes no one new
        raise UnknownJoinCode(join_code)
    return classroom


def classes_of_student(student_id: int) -> list[ClassInfo]:
    """The classes a student is in (their home page names them)."""
    return account_store.classes_of_student(student_id)


def class_of_teacher_for_student(teacher_id: int, student_id: int) -> ClassInfo | None:
    """One of the teacher's classes that the student is in, for a link back to it, or None."""
    return account_store.class_of_teacher_for_student(teacher_id, student_id)


def teacher_teaches(teacher_id: int, student_id: int, archived_too: bool = True) -> bool:
    """Whether the student is in one of the teacher's classes (who may see whose results);
    ``archived_too=False``: in one that is not archived (who may join a live quiz)."""
    return account_store.teacher_teaches(teacher_id, student_id, archived_too)


# --- students of a class -----------------------------------------------------------------


def students_of_class(class_id: int) -> list[Account]:
    """The class's students by name."""
    return account_store.students_of_class(class_id)


def student_of_class(class_id: int, student_id: int) -> Account | None:
    """The student if they are in the class; anyone else is "not found" to its teacher."""
    return next((student for student in students_of_class(class_id) if student.id == student_id), None)


def join_class(student_id: int, join_code: str) -> ClassInfo:
    """A student with an account joins another class; raises ``UnknownJoinCode``. Joining a
    class one is in already changes nothing."""
    classroom = class_by_join_code(join_code)
    account_store.enroll(classroom.id, student_id)
    account_store.commit()
    return classroom


def add_student(class_id: int, username: str, display_name: str, password: str) -> Account:
    """A new student in the class, who changes ``password`` at the first login; raises
    ``UsernameTaken``."""
    return account_store.add_student(class_id, username, display_name, password)


def import_roster(
    class_id: int, teacher_id: int, entries: Iterable[RosterEntry], rng: random.Random
) -> RosterOutcome:
    """The roster's new students, made with one-time passwords; an existing account joins only
    if it is a student this teacher already teaches (a roster never hands over another
    teacher's student)."""
    return account_store.import_roster(class_id, teacher_id, entries, rng)


# How long a teacher can undo "Remove from class" (and the class page offers it).
UNDO_REMOVAL = timedelta(minutes=10)


def remove_from_class(class_id: int, student_id: int, now: datetime) -> None:
    """Take a student out of a class; the account and its attempts stay, their accommodations
    in the class go, and for ``UNDO_REMOVAL`` the teacher can ``put_back`` the student as they
    were."""
    account_store.remove_from_class(class_id, student_id, now, now + UNDO_REMOVAL)


def put_back(class_id: int, student_id: int, now: datetime) -> bool:
    """Undo a removal from the class within ``UNDO_REMOVAL``: the student is back with their
    accommodations; False when the time is up (or there was no such removal)."""
    return account_store.put_back(class_id, student_id, now)


def recent_removals(class_id: int, now: datetime) -> list[Removal]:
    """The class's removals that can still be undone, newest first; expired ones are deleted."""
    short_lived_store.delete_expired(now)
    return account_store.removals_of_class(class_id, now)
