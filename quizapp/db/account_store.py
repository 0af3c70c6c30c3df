"""The database side of people and classes: accounts, passwords, classes and enrollments.

Views get plain ``Account`` and ``ClassInfo`` values back. Every lookup a teacher makes is
scoped to the teacher's own classes here, so a view cannot forget the check.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import current_app
from sqlalchemy import bindparam, delete, func, update
from sqlalchemy.engine import Row
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.core.accounts import (
    Role,
    class_name_key,
    new_join_code,
    new_password,
    normalize_join_code,
    normalize_username,
)
from quizapp.core.roster import RosterEntry
from quizapp.db.base import db
from quizapp.db.database import begin_write, rows_changed
from quizapp.db.models import (
    Accommodation,
    Assignment,
    Classroom,
    Enrollment,
    PasswordSlip,
    RemovedEnrollment,
    User,
    utcnow,
)


class UsernameTaken(Exception):
    pass


class ClassNameTaken(Exception):
    """The teacher has a class of this name already (``core.accounts.class_name_key``)."""

    def __init__(self, existing: ClassInfo) -> None:
        super().__init__(existing.name)
        self.existing = existing


@dataclass(frozen=True, slots=True)
class Account:
    id: int
    username: str
    display_name: str
    role: Role
    session_version: int
    must_change_password: bool = False
    credentials_version: int = 1
    time_zone: str | None = None  # an IANA name; None: the school's (QUIZAPP_TIMEZONE)
    time_zone_source: str | None = None  # "browser", "chosen" (account page), None: never set
    password_set_at: datetime | None = None  # when the password was written (None: before it was kept)

    @property
    def is_teacher(self) -> bool:
        return self.role is Role.TEACHER


@dataclass(frozen=True, slots=True)
class ClassInfo:
    id: int
    name: str
    join_code: str
    teacher_id: int
    student_count: int = 0
    archived: bool = False  # hidden from its students; its data kept


@dataclass(frozen=True, slots=True)
class RosterOutcome:
    created: list[tuple[Account, str]]  # with the one-time password to hand out
    enrolled: list[Account]  # existing students added to the class
    errors: list[str]


def account_from_row(row: User | Row[*tuple[Any, ...]]) -> Account:
    return Account(
        row.id,
        row.username,
        row.display_name,
        Role(row.role),
        row.session_version,
        row.must_change_password,
        row.credentials_version,
        row.time_zone,
        row.time_zone_source,
        row.password_set_at,
    )


def _hash(password: str) -> str:
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def commit() -> None:
    db.session.commit()


def end_sessions(user_id: int) -> None:
    """Log the user out everywhere on the website (a copied session cookie stops working too)."""
    begin_write()
    db.session.execute(
        db.update(User).where(User.id == user_id).values(session_version=User.session_version + 1)
    )
    db.session.commit()


def teacher_exists() -> bool:
    return db.session.scalar(db.select(User.id).where(User.role == Role.TEACHER.value).limit(1)) is not None


def create_user(
    username: str, display_name: str, password: str, role: Role, must_change: bool = False
) -> Account:
    """A new account; raises ``UsernameTaken``. The caller commits (the write lock is held
    from here: the password is hashed before it is taken).

    ``must_change``: the password was made for the user (one-time); they choose their own at
    their first login.
    """
    return _insert_user(normalize_username(username), display_name, _hash(password), role, must_change)


def _insert_user(
    username: str, display_name: str, password_hash: str, role: Role, must_change: bool
) -> Account:
    begin_write()
    if db.session.scalar(db.select(User.id).where(User.username == username)) is not None:
        raise UsernameTaken(username)
    row = User(
        username=username,
        display_name=display_name.strip(),
        password_hash=password_hash,
        role=role.value,
        must_change_password=must_change,
    )
    db.session.add(row)
    try:
        with db.session.begin_nested():
            db.session.flush()
    except IntegrityError:
        raise UsernameTaken(username) from None
    return account_from_row(row)


_DUMMY_HASH: dict[str, str] = {}


def _dummy_hash() -> str:
    """A hash made once per method, to check unknown usernames against: one hash's work."""
    method = current_app.config["PASSWORD_HASH_METHOD"]
    if method not in _DUMMY_HASH:
        _DUMMY_HASH[method] = generate_password_hash("no-such-user", method=method)
    return _DUMMY_HASH[method]


# Put before the hash of a one-time password by versions that spent it at the first login. A
# one-time password now works until the user chooses their own, so a marked one still logs in
# (its user was locked out otherwise); nothing marks one any more.
USED_ONCE = "used-once:"


def authenticate(username: str, password: str) -> Account | None:
    """The account for these credentials, or None; exactly one hash check either way, so the
    time taken does not tell whether the username exists."""
    row = db.session.scalar(db.select(User).where(User.username == normalize_username(username)))
    if row is None:
        check_password_hash(_dummy_hash(), password)
        return None
    matches = check_password_hash(row.password_hash.removeprefix(USED_ONCE), password)
    return account_from_row(row) if matches else None


def use_one_time_password(account: Account) -> Account | None:
    """A login with the one-time password ``account`` was just authenticated with: every other
    session of the user ends (only the newest login with it is in) and its slips go
    (``forget_slips_of``: whoever logged in has the password). The password keeps working until
    the user chooses their own, so a student who leaves before choosing is not locked out.

    The account as it is now, or None when its credentials changed since they were checked (a
    newer one-time password, or the user's own, came in between): one statement compares them.
    """
    begin_write()
    started = db.session.execute(
        update(User)
        .where(
            User.id == account.id,
            User.must_change_password.is_(True),
            User.credentials_version == account.credentials_version,
        )
        .values(session_version=User.session_version + 1)
    )
    if rows_changed(started) != 1:
        db.session.rollback()
        return None
    forget_slips_of(account.id)
    db.session.commit()
    return get_account(account.id)


def forget_slips_of(student_id: int) -> None:
    """Delete the student's one-time password slips in every class (``password_slips`` keeps
    them in plain text): called, in the same transaction, whenever the password they carry stops
    being of use, as it is spent, replaced by the student's own or by a newer one-time password
    (of any teacher, so no class shows an old one). The caller holds the write lock and commits."""
    db.session.execute(delete(PasswordSlip).where(PasswordSlip.student_id == student_id))


_USERS = User.__table__
# Built once: the session's user is read on every request.
ACCOUNT_COLUMNS = db.select(
    _USERS.c.id,
    _USERS.c.username,
    _USERS.c.display_name,
    _USERS.c.role,
    _USERS.c.session_version,
    _USERS.c.must_change_password,
    _USERS.c.credentials_version,
    _USERS.c.time_zone,
    _USERS.c.time_zone_source,
    _USERS.c.password_set_at,
)
_ACCOUNT_BY_ID = ACCOUNT_COLUMNS.where(_USERS.c.id == bindparam("user_id"))


def get_account(user_id: int) -> Account | None:
    row = db.session.connection().execute(_ACCOUNT_BY_ID, {"user_id": user_id}).first()
    return account_from_row(row) if row else None


def account_by_username(username: str) -> Account | None:
    row = db.session.scalar(db.select(User).where(User.username == normalize_username(username)))
    return account_from_row(row) if row else None


def change_password(user_id: int, current: str, new: str) -> Account | None:
    """Set a new password if ``current`` is right; every other session of the user ends.

    Both hashes are computed before the write lock is taken; the write happens only if the
    password is still the one checked (a concurrent change wins, this one reports failure).
    """
    row = db.session.get(User, user_id)
    if row is None or row.password_hash.startswith(USED_ONCE):  # choose_own_password's case
        return None
    if not check_password_hash(row.password_hash, current):
        return None
    return _set_own_password(user_id, row.credentials_version, new)


def _set_own_password(user_id: int, checked: int, new: str) -> Account | None:
    """Write the user's new password, if the credentials are still those checked (``checked``:
    their version then); every other session ends, and any one-time password slip of theirs is
    deleted. The hash is made before the write lock."""
    password_hash = _hash(new)
    begin_write()
    changed = db.session.execute(
        db.update(User)
        .where(User.id == user_id, User.credentials_version == checked)
        .values(
            password_hash=password_hash,
            session_version=User.session_version + 1,
            credentials_version=User.credentials_version + 1,
            must_change_password=False,
            password_set_at=utcnow(),
        )
    )
    if rows_changed(changed) != 1:
        db.session.rollback()
        return None
    forget_slips_of(user_id)
    db.session.commit()
    return get_account(user_id)


def choose_own_password(user_id: int, new: str) -> Account | None:
    """After a one-time password: set the user's own, unless it is that one-time password
    (None); every other session of the user ends."""
    row = db.session.get(User, user_id)
    if row is None or not row.must_change_password:
        return None
    if check_password_hash(row.password_hash.removeprefix(USED_ONCE), new):
        return None
    return _set_own_password(user_id, row.credentials_version, new)


def reset_password(student_id: int, rng: random.Random) -> str:
    """A new one-time password for a student; their sessions end, and they choose their own next.
    Their slips of the older password, in every class, are deleted (``forget_slips_of``)."""
    password = new_password(rng)
    password_hash = _hash(password)
    begin_write()
    forget_slips_of(student_id)
    db.session.execute(
        db.update(User)
        .where(User.id == student_id)
        .values(
            password_hash=password_hash,
            session_version=User.session_version + 1,
            credentials_version=User.credentials_version + 1,
            must_change_password=True,
            password_set_at=utcnow(),
        )
    )
    db.session.commit()
    return password


def remove_from_class(class_id: int, student_id: int, now: datetime, undo_until: datetime) -> None:
    """Take a student out of a class; the account and its attempts stay. Their accommodations
    there go (the standing one lives on the enrollment; those on the class's assignments are
    deleted with it): rejoining the class starts on its terms, and a leaver's own due time no
    longer holds back an ``after_due`` test's answers. Until ``undo_until`` the teacher can
    ``put_back`` the student as they were: what was deleted is kept in ``removed_enrollments``."""
    begin_write()
    enrollment = db.session.scalar(
        db.select(Enrollment).where(Enrollment.class_id == class_id, Enrollment.student_id == student_id)
    )
    if enrollment is None:
        db.session.rollback()
        return
    of_the_class = db.select(Assignment.id).where(Assignment.class_id == class_id)
    accommodations = db.session.scalars(
        db.select(Accommodation).where(
            Accommodation.student_id == student_id, Accommodation.assignment_id.in_(of_the_class)
        )
    ).all()
    kept = _kept_enrollment(enrollment, accommodations)
    db.session.execute(
        delete(Enrollment).where(Enrollment.class_id == class_id, Enrollment.student_id == student_id)
    )
    db.session.execute(
        delete(Accommodation).where(
            Accommodation.student_id == student_id, Accommodation.assignment_id.in_(of_the_class)
        )
    )
    db.session.execute(
        delete(RemovedEnrollment).where(
            RemovedEnrollment.class_id == class_id, RemovedEnrollment.student_id == student_id
        )
    )
    db.session.add(
        RemovedEnrollment(
            class_id=class_id, student_id=student_id, kept=kept, removed_at=now, expires_at=undo_until
        )
    )
    db.session.commit()


_STANDING = ("extra_time_percent", "extra_time_minutes", "extra_attempts")


def _kept_enrollment(enrollment: Enrollment, accommodations: Iterable[Accommodation]) -> dict[str, Any]:
    """What a removal deletes, as JSON: the enrollment's date and standing accommodation, and
    the student's accommodations on the class's assignments."""
    return {
        "joined_at": enrollment.joined_at.isoformat(),
        "standing": {name: getattr(enrollment, name) for name in _STANDING},
        "accommodations": [
            {
                "assignment_id": each.assignment_id,
                **{name: getattr(each, name) for name in _STANDING},
                "opens_at": each.opens_at.isoformat() if each.opens_at else None,
                "due_at": each.due_at.isoformat() if each.due_at else None,
            }
            for each in accommodations
        ],
    }


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def put_back(class_id: int, student_id: int, now: datetime) -> bool:
    """Undo a removal not expired yet: the student is in the class again with their date of
    joining and their accommodations (on assignments that still exist); False when there is no
    such removal. A student who joined again meanwhile keeps their enrollment, with what the
    removal took given back."""
    begin_write()
    removal = db.session.scalar(
        db.select(RemovedEnrollment).where(
            RemovedEnrollment.class_id == class_id,
            RemovedEnrollment.student_id == student_id,
            RemovedEnrollment.expires_at > now,
        )
    )
    if removal is None:
        db.session.rollback()
        return False
    kept = removal.kept
    enrollment = db.session.scalar(
        db.select(Enrollment).where(Enrollment.class_id == class_id, Enrollment.student_id == student_id)
    )
    if enrollment is None:
        enrollment = Enrollment(
            class_id=class_id, student_id=student_id, joined_at=_moment(kept["joined_at"])
        )
        db.session.add(enrollment)
    for name in _STANDING:
        setattr(enrollment, name, kept["standing"][name])
    of_the_class = set(db.session.scalars(db.select(Assignment.id).where(Assignment.class_id == class_id)))
    has_one = set(
        db.session.scalars(
            db.select(Accommodation.assignment_id).where(Accommodation.student_id == student_id)
        )
    )
    for each in kept["accommodations"]:
        if each["assignment_id"] in of_the_class and each["assignment_id"] not in has_one:
            db.session.add(
                Accommodation(
                    assignment_id=each["assignment_id"],
                    student_id=student_id,
                    **{name: each[name] for name in _STANDING},
                    opens_at=_moment(each["opens_at"]),
                    due_at=_moment(each["due_at"]),
                )
            )
    db.session.delete(removal)
    db.session.commit()
    return True


@dataclass(frozen=True, slots=True)
class Removal:
    student_id: int
    display_name: str
    username: str
    removed_at: datetime
    undo_until: datetime


def removals_of_class(class_id: int, now: datetime) -> list[Removal]:
    """The class's removals that can still be undone, newest first."""
    rows = db.session.execute(
        db.select(RemovedEnrollment, User.display_name, User.username)
        .join(User, User.id == RemovedEnrollment.student_id)
        .where(RemovedEnrollment.class_id == class_id, RemovedEnrollment.expires_at > now)
        .order_by(RemovedEnrollment.removed_at.desc())
    )
    return [
        Removal(removal.student_id, display_name, username, removal.removed_at, removal.expires_at)
        for removal, display_name, username in rows
    ]


def _class_info(row: Classroom, student_count: int = 0) -> ClassInfo:
    return ClassInfo(
        row.id, row.name, row.join_code, row.teacher_id, student_count, row.archived_at is not None
    )


def set_time_zone(user_id: int, name: str | None) -> None:
    """The zone the user chose (None: the school's): no browser's zone replaces it."""
    begin_write()
    db.session.execute(
        update(User).where(User.id == user_id).values(time_zone=name, time_zone_source=ZONE_CHOSEN)
    )
    db.session.commit()


ZONE_CHOSEN, ZONE_FROM_BROWSER = "chosen", "browser"


def take_browser_zone(user_id: int, name: str) -> None:
    """Keep the zone the user's browser reports, unless they have a zone set already (checked in
    the same statement: a zone chosen meanwhile on the account page wins)."""
    begin_write()
    db.session.execute(
        update(User)
        .where(User.id == user_id, User.time_zone_source.is_(None))
        .values(time_zone=name, time_zone_source=ZONE_FROM_BROWSER)
    )
    db.session.commit()


def _refuse_taken_name(teacher_id: int, name: str, renamed_id: int | None = None) -> None:
    """Raise ``ClassNameTaken`` if another class of the teacher's has this name; under the
    write lock, so two tabs cannot both make it."""
    key = class_name_key(name)
    for row in db.session.scalars(db.select(Classroom).where(Classroom.teacher_id == teacher_id)):
        if row.id != renamed_id and class_name_key(row.name) == key:
            existing = _class_info(row)
            db.session.rollback()  # the write lock goes with it
            raise ClassNameTaken(existing)


def rename_class(class_id: int, name: str) -> None:
    """Rename the class; raises ``ClassNameTaken`` if its teacher has another of that name."""
    begin_write()
    teacher_id = db.session.scalar(db.select(Classroom.teacher_id).where(Classroom.id == class_id))
    if teacher_id is not None:
        _refuse_taken_name(teacher_id, name, class_id)
    db.session.execute(update(Classroom).where(Classroom.id == class_id).values(name=name.strip()))
    db.session.commit()


def archive_class(class_id: int, archived_at: datetime | None) -> None:
    """Archive the class as of ``archived_at`` (hidden from its students), or None: bring it back."""
    begin_write()
    db.session.execute(update(Classroom).where(Classroom.id == class_id).values(archived_at=archived_at))
    db.session.commit()


def create_class(teacher_id: int, name: str, rng: random.Random) -> ClassInfo:
    """A new class; raises ``ClassNameTaken`` if the teacher has one of that name already."""
    begin_write()
    _refuse_taken_name(teacher_id, name)
    for _ in range(10):
        code = new_join_code(rng)
        if db.session.scalar(db.select(Classroom.id).where(Classroom.join_code == code)) is None:
            break
    row = Classroom(name=name.strip(), join_code=code, teacher_id=teacher_id)
    db.session.add(row)
    db.session.commit()
    return ClassInfo(row.id, row.name, row.join_code, teacher_id)


def classes_of_teacher(teacher_id: int) -> list[ClassInfo]:
    counts = db.select(Enrollment.class_id, func.count().label("n")).group_by(Enrollment.class_id).subquery()
    rows = db.session.execute(
        db.select(Classroom, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.class_id == Classroom.id)
        .where(Classroom.teacher_id == teacher_id)
        .order_by(Classroom.name)
    )
    return [_class_info(c, n) for c, n in rows]


def all_classes(teacher_id: int | None = None) -> list[ClassInfo]:
    """Every class (of one teacher, if given), by name."""
    query = db.select(Classroom).order_by(Classroom.name, Classroom.id)
    if teacher_id is not None:
        query = query.where(Classroom.teacher_id == teacher_id)
    return [_class_info(c) for c in db.session.scalars(query)]


def class_of_teacher(class_id: int, teacher_id: int) -> ClassInfo | None:
    """The class if it exists and belongs to ``teacher_id``; None otherwise (show 404)."""
    row = db.session.get(Classroom, class_id)
    if row is None or row.teacher_id != teacher_id:
        return None
    return _class_info(row)


def class_by_join_code(code: str) -> ClassInfo | None:
    row = db.session.scalar(db.select(Classroom).where(Classroom.join_code == normalize_join_code(code)))
    return _class_info(row) if row else None


def enroll(class_id: int, student_id: int) -> None:
    """Add a student to a class; nothing happens if they are in it already. The caller commits."""
    begin_write()
    exists = db.session.scalar(
        db.select(Enrollment.id).where(Enrollment.class_id == class_id, Enrollment.student_id == student_id)
    )
    if exists is None:
        db.session.add(Enrollment(class_id=class_id, student_id=student_id))
        db.session.flush()


def students_of_class(class_id: int) -> list[Account]:
    rows = db.session.scalars(
        db.select(User)
        .join(Enrollment, Enrollment.student_id == User.id)
        .where(Enrollment.class_id == class_id)
        .order_by(User.display_name, User.username)
    )
    return [account_from_row(row) for row in rows]


def classes_of_student(student_id: int) -> list[ClassInfo]:
    rows = db.session.scalars(
        db.select(Classroom)
        .join(Enrollment, Enrollment.class_id == Classroom.id)
        .where(Enrollment.student_id == student_id, Classroom.archived_at.is_(None))
        .order_by(Classroom.name)
    )
    return [_class_info(c) for c in rows]


def teacher_teaches(teacher_id: int, student_id: int, archived_too: bool = True) -> bool:
    """Whether the student is in one of the teacher's classes (``archived_too=False``: one
    that is not archived, as its students see them)."""
    query = (
        db.select(Enrollment.id)
        .join(Classroom, Classroom.id == Enrollment.class_id)
        .where(Classroom.teacher_id == teacher_id, Enrollment.student_id == student_id)
    )
    if not archived_too:
        query = query.where(Classroom.archived_at.is_(None))
    return db.session.scalar(query.limit(1)) is not None


def class_of_teacher_for_student(teacher_id: int, student_id: int) -> ClassInfo | None:
    """One of the teacher's classes that the student is in (for a link back), or None."""
    row = db.session.scalar(
        db.select(Classroom)
        .join(Enrollment, Enrollment.class_id == Classroom.id)
        .where(Classroom.teacher_id == teacher_id, Enrollment.student_id == student_id)
        .order_by(Classroom.name)
        .limit(1)
    )
    return _class_info(row) if row else None


def add_student(class_id: int, username: str, display_name: str, password: str) -> Account:
    """Create a student in a class, with a password to change at first login; raises ``UsernameTaken``."""
    account = create_user(username, display_name, password, Role.STUDENT, must_change=True)
    enroll(class_id, account.id)
    db.session.commit()
    return account


def import_roster(
    class_id: int, teacher_id: int, rows: Iterable[RosterEntry], rng: random.Random
) -> RosterOutcome:
    """Create the listed students with one-time passwords.

    An existing account is added only if it is a student this teacher already teaches:
    a roster must never hand a teacher someone else's student.
    """
    outcome = RosterOutcome([], [], [])
    rows = list(rows)
    # the new accounts' passwords are made and hashed (slow on purpose) before the write lock
    passwords = {row.username: new_password(rng) for row in rows if account_by_username(row.username) is None}
    hashes = {username: _hash(password) for username, password in passwords.items()}
    begin_write()
    members = {account.id for account in students_of_class(class_id)}
    for row in rows:
        existing = account_by_username(row.username)
        if existing is None:
            password = passwords.get(row.username) or new_password(rng)
            password_hash = hashes.get(row.username) or _hash(password)
            username = normalize_username(row.username)
            account = _insert_user(username, row.display_name, password_hash, Role.STUDENT, must_change=True)
            enroll(class_id, account.id)
            outcome.created.append((account, password))
        elif existing.id in members:
            outcome.errors.append(f"line {row.line}: '{row.username}' is already in this class")
        elif existing.role is Role.STUDENT and teacher_teaches(teacher_id, existing.id):
            enroll(class_id, existing.id)
            outcome.enrolled.append(existing)
        else:
            outcome.errors.append(
                f"line {row.line}: the username '{row.username}' is taken by another account; skipped "
                "(choose another, or let that student join with the class's join code)"
            )
    db.session.commit()
    return outcome
