"""The database side of assignments: banks given to classes, accommodations, bank visibility flags.

Plain values go back to the services (``AssignmentRow``, ``core.assignments.Accommodation``);
the rules about them are ``core.assignments`` and ``core.visibility``. Lookups a teacher makes
are scoped to the teacher's classes here, so a caller cannot forget the check.

A student's accommodation on one assignment is a row of ``accommodations``; their standing one
in a class (for every test of it) is kept on their enrollment (``enrollments.extra_*``, all 0:
none). The reads of a student's accommodations join the enrollment into the same query and give
back both (``core.assignments.Accommodations``); which applies is ``core.assignments.applying``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, union, update

from quizapp.core.assignments import Accommodation, Accommodations, Counted, assignment_name, last_due_at
from quizapp.core.attempts import AttemptStatus
from quizapp.core.disclosure import kept_when_deleted
from quizapp.core.model import AnswerVisibility
from quizapp.db.base import db
from quizapp.db.database import begin_write, rows_changed
from quizapp.db.models import Accommodation as AccommodationRow
from quizapp.db.models import Assignment, Attempt, Bank, CardState, Classroom, Enrollment, User


@dataclass(frozen=True, slots=True)
class AssignmentTerms:
    """What a teacher sets on an assignment (validated by the service before it is stored)."""

    opens_at: datetime | None = None
    due_at: datetime | None = None
    time_limit_minutes: int | None = None  # None: the bank's
    max_attempts: int | None = 1  # None: unlimited
    counted: Counted = Counted.BEST
    accept_late: bool = False
    ends_at_close: bool = False
    show_answers: AnswerVisibility | None = None  # None: the bank's
    study: bool = True
    title: str | None = None  # None: the bank's title (``core.assignments.assignment_name``)


@dataclass(frozen=True, slots=True)
class AssignmentRow:
    id: int
    bank_slug: str
    bank_title: str
    class_id: int
    class_name: str
    teacher_id: int
    terms: AssignmentTerms
    created_at: datetime
    latest_own_due_at: datetime | None = None  # the latest due time a student has of their own
    running_until: datetime | None = None  # the latest deadline of a test running under it

    @property
    def last_due_at(self) -> datetime | None:
        """The last due time of the class (``core.assignments.last_due_at``): an ``after_due``
        test's answers wait for it, so that no one is still taking it."""
        return last_due_at(self.terms.due_at, self.latest_own_due_at, self.running_until)

    @property
    def title(self) -> str | None:
        """The title its teacher gave it (None: none, it goes by its bank's title)."""
        return self.terms.title

    @property
    def name(self) -> str:
        """What the assignment is called wherever it is named: its title, else its bank's."""
        return assignment_name(self.terms.title, self.bank_title)


@dataclass(frozen=True, slots=True)
class BankFlags:
    published: bool = True
    open_practice: bool = False


_TERM_COLUMNS = (
    "opens_at",
    "due_at",
    "time_limit_minutes",
    "max_attempts",
    "counted",
    "accept_late",
    "ends_at_close",
    "show_answers",
    "study",
    "title",
)


def _values(terms: AssignmentTerms) -> dict[str, Any]:
    values = {name: getattr(terms, name) for name in _TERM_COLUMNS}
    values["counted"] = terms.counted.value
    values["show_answers"] = terms.show_answers.value if terms.show_answers else None
    return values


# The latest due time a student has of their own under the assignment (None: no one has one).
_LATEST_OWN_DUE = (
    db.select(func.max(AccommodationRow.due_at))
    .where(AccommodationRow.assignment_id == Assignment.id)
    .correlate(Assignment)
    .scalar_subquery()
)
# The latest deadline of a test still running under the assignment (see core last_due_at).
_RUNNING_UNTIL = (
    db.select(func.max(Attempt.deadline))
    .where(Attempt.assignment_id == Assignment.id, Attempt.status == "in_progress")
    .correlate(Assignment)
    .scalar_subquery()
)
_ROWS = (
    db.select(
        Assignment,
        Bank.slug,
        Bank.title,
        Classroom.name,
        Classroom.teacher_id,
        _LATEST_OWN_DUE,
        _RUNNING_UNTIL,
    )
    .join(Bank, Bank.id == Assignment.bank_id)
    .join(Classroom, Classroom.id == Assignment.class_id)
)


def _row(
    assignment: Assignment,
    slug: str,
    title: str,
    class_name: str,
    teacher_id: int,
    latest_own_due: datetime | None = None,
    running_until: datetime | None = None,
) -> AssignmentRow:
    terms = AssignmentTerms(
        opens_at=assignment.opens_at,
        due_at=assignment.due_at,
        time_limit_minutes=assignment.time_limit_minutes,
        max_attempts=assignment.max_attempts,
        counted=Counted(assignment.counted),
        accept_late=assignment.accept_late,
        ends_at_close=assignment.ends_at_close,
        show_answers=AnswerVisibility(assignment.show_answers) if assignment.show_answers else None,
        study=assignment.study,
        title=assignment.title,
    )
    return AssignmentRow(
        assignment.id,
        slug,
        title,
        assignment.class_id,
        class_name,
        teacher_id,
        terms,
        assignment.created_at,
        latest_own_due,
        running_until,
    )


def _order(query: Any) -> Any:
    name = func.coalesce(Assignment.title, Bank.title)  # core.assignments.assignment_name
    return query.order_by(Assignment.due_at.is_(None), Assignment.due_at, name, Assignment.id)


# --- Reads ---------------------------------------------------------------------------------


def assignment(assignment_id: int) -> AssignmentRow | None:
    found = db.session.execute(_ROWS.where(Assignment.id == assignment_id)).first()
    return _row(*found) if found else None


def assignments_of_classes(class_ids: Sequence[int], bank_slug: str | None = None) -> list[AssignmentRow]:
    """The assignments of these classes (of one bank, or all), due soonest first."""
    if not class_ids:
        return []
    query = _ROWS.where(Assignment.class_id.in_(list(class_ids)), Bank.active)
    if bank_slug is not None:
        query = query.where(Bank.slug == bank_slug)
    return [_row(*found) for found in db.session.execute(_order(query))]


def banks_in_use(class_ids: Sequence[int]) -> set[str]:
    """The slugs of the banks these classes use (one query): assigned to one of them, or
    attempted or studied by one of their students (``services.assignments.banks_of_classes``)."""
    if not class_ids:
        return set()
    ids = list(class_ids)
    used = union(
        db.select(Assignment.bank_id).where(Assignment.class_id.in_(ids)),
        db.select(Attempt.bank_id)
        .join(Enrollment, Enrollment.student_id == Attempt.user_id)
        .where(Enrollment.class_id.in_(ids)),
        db.select(CardState.bank_id)
        .join(Enrollment, Enrollment.student_id == CardState.user_id)
        .where(Enrollment.class_id.in_(ids)),
    ).subquery()
    return set(db.session.scalars(db.select(Bank.slug).where(Bank.id.in_(db.select(used.c[0])), Bank.active)))


def assignments_of_bank(bank_slug: str) -> list[AssignmentRow]:
    """Every assignment of the bank, in every class (archived ones too: their tests stay)."""
    return [_row(*found) for found in db.session.execute(_order(_ROWS.where(Bank.slug == bank_slug)))]


def assignments_of_student(student_id: int, bank_slug: str | None = None) -> list[AssignmentRow]:
    """The assignments of the student's classes that are not archived, of published banks."""
    query = (
        _ROWS.join(Enrollment, Enrollment.class_id == Assignment.class_id).where(
            Enrollment.student_id == student_id,
            Classroom.archived_at.is_(None),
            Bank.active,
            Bank.published,
        )  # one enrollment per class and student: no assignment twice
    )
    if bank_slug is not None:
        query = query.where(Bank.slug == bank_slug)
    return [_row(*found) for found in db.session.execute(_order(query))]


# a student's standing accommodation in a class, on their enrollment
_STANDING_COLUMNS = (Enrollment.extra_time_percent, Enrollment.extra_time_minutes, Enrollment.extra_attempts)
_HAS_STANDING = (
    (Enrollment.extra_time_percent != 0)
    | (Enrollment.extra_time_minutes != 0)
    | (Enrollment.extra_attempts != 0)
)


def accommodations_of_student(student_id: int, assignment_ids: Sequence[int]) -> dict[int, Accommodations]:
    """The student's accommodations bearing on these assignments (of classes they are in), by
    assignment id: their own on each, and their standing one in its class. One query."""
    if not assignment_ids:
        return {}
    rows = db.session.execute(
        db.select(Assignment.id, *_STANDING_COLUMNS, AccommodationRow)
        .join(
            Enrollment,
            (Enrollment.class_id == Assignment.class_id) & (Enrollment.student_id == student_id),
        )
        .outerjoin(
            AccommodationRow,
            (AccommodationRow.assignment_id == Assignment.id) & (AccommodationRow.student_id == student_id),
        )
        .where(Assignment.id.in_(list(assignment_ids)))
    )
    return {
        assignment_id: Accommodations(_own(own), _standing(percent, minutes, attempts))
        for assignment_id, percent, minutes, attempts, own in rows
    }


def accommodations_in(assignment_ids: Sequence[int]) -> dict[tuple[int, int], Accommodations]:
    """The accommodations bearing on these assignments of every student in their classes who has
    one (their own, a standing one, or both), by (assignment id, student id). One query."""
    if not assignment_ids:
        return {}
    rows = db.session.execute(
        db.select(Assignment.id, Enrollment.student_id, *_STANDING_COLUMNS, AccommodationRow)
        .join(Enrollment, Enrollment.class_id == Assignment.class_id)
        .outerjoin(
            AccommodationRow,
            (AccommodationRow.assignment_id == Assignment.id)
            & (AccommodationRow.student_id == Enrollment.student_id),
        )
        .where(Assignment.id.in_(list(assignment_ids)), AccommodationRow.id.is_not(None) | _HAS_STANDING)
    )
    return {
        (assignment_id, student_id): Accommodations(_own(own), _standing(percent, minutes, attempts))
        for assignment_id, student_id, percent, minutes, attempts, own in rows
    }


def accommodations_of(assignment_ids: Sequence[int]) -> dict[tuple[int, int], Accommodation]:
    """Every accommodation set on these assignments (not the standing ones), by (assignment id,
    student id)."""
    if not assignment_ids:
        return {}
    rows = db.session.scalars(
        db.select(AccommodationRow).where(AccommodationRow.assignment_id.in_(list(assignment_ids)))
    )
    return {(row.assignment_id, row.student_id): _accommodation(row) for row in rows}


@dataclass(frozen=True, slots=True)
class StandingAccommodation:
    """A student's accommodation for every test of a class."""

    class_id: int
    student_id: int
    username: str
    accommodation: Accommodation


def standing_accommodations(class_ids: Sequence[int]) -> list[StandingAccommodation]:
    """The standing accommodations in these classes (students without one are left out), by
    class, then username. One query."""
    if not class_ids:
        return []
    rows = db.session.execute(
        db.select(Enrollment.class_id, Enrollment.student_id, User.username, *_STANDING_COLUMNS)
        .join(User, User.id == Enrollment.student_id)
        .where(Enrollment.class_id.in_(list(class_ids)), _HAS_STANDING)
        .order_by(Enrollment.class_id, User.username)
    )
    return [
        StandingAccommodation(class_id, student_id, username, Accommodation(percent, minutes, attempts))
        for class_id, student_id, username, percent, minutes, attempts in rows
    ]


def _own(row: AccommodationRow | None) -> Accommodation | None:
    return _accommodation(row) if row is not None else None


def _standing(percent: int, minutes: int, attempts: int) -> Accommodation | None:
    found = Accommodation(extra_time_percent=percent, extra_time_minutes=minutes, extra_attempts=attempts)
    return None if found == Accommodation() else found


def _accommodation(row: AccommodationRow) -> Accommodation:
    return Accommodation(
        extra_time_percent=row.extra_time_percent,
        extra_time_minutes=row.extra_time_minutes,
        extra_attempts=row.extra_attempts,
        opens_at=row.opens_at,
        due_at=row.due_at,
    )


def attempt_counts(assignment_id: int) -> dict[int, int]:
    """How many attempts each student has started under the assignment."""
    rows = db.session.execute(
        db.select(Attempt.user_id, func.count())
        .where(Attempt.assignment_id == assignment_id)
        .group_by(Attempt.user_id)
    )
    return {user_id: count for user_id, count in rows}


def attempts_running(assignment_id: int) -> int:
    """How many attempts under the assignment are in progress now."""
    count = db.select(func.count()).where(
        Attempt.assignment_id == assignment_id, Attempt.status == AttemptStatus.IN_PROGRESS.value
    )
    return int(db.session.scalar(count) or 0)


@dataclass(frozen=True, slots=True)
class Reach:
    """Whom hiding a bank or archiving a class takes something from (the teacher is warned)."""

    assignments: int  # in classes not archived
    classes: int
    students: int  # enrolled in those classes (each once)
    tests_running: int  # tests under those assignments in progress now (they go on to their deadline)


def _running(now: datetime) -> Any:
    """Attempts in progress now: open, with no deadline or one still ahead (a test past its
    deadline is closed when next read)."""
    return (Attempt.status == AttemptStatus.IN_PROGRESS.value) & (
        Attempt.deadline.is_(None) | (Attempt.deadline > now)
    )


def _reach(live: Any, now: datetime) -> Reach:
    """The reach of the assignments ``live`` selects (``Assignment`` joined to ``Classroom``)."""
    found = db.session.execute(
        db.select(func.count(Assignment.id), func.count(func.distinct(Assignment.class_id)))
        .join(Classroom, Classroom.id == Assignment.class_id)
        .where(live)
    ).one()
    classes = db.select(Assignment.class_id).join(Classroom, Classroom.id == Assignment.class_id).where(live)
    students = db.session.scalar(
        db.select(func.count(func.distinct(Enrollment.student_id))).where(Enrollment.class_id.in_(classes))
    )
    ids = db.select(Assignment.id).join(Classroom, Classroom.id == Assignment.class_id).where(live)
    running = db.session.scalar(db.select(func.count()).where(Attempt.assignment_id.in_(ids), _running(now)))
    return Reach(int(found[0]), int(found[1]), int(students or 0), int(running or 0))


def bank_reach(bank_slug: str, now: datetime) -> Reach:
    """The bank's assignments to classes not archived, their students and running tests."""
    bank_id = db.select(Bank.id).where(Bank.slug == bank_slug, Bank.active).scalar_subquery()
    return _reach((Assignment.bank_id == bank_id) & Classroom.archived_at.is_(None), now)


def class_reach(class_id: int, now: datetime) -> Reach:
    """The class's assignments, its students and the tests running under them (archived or not:
    the caller asks before archiving)."""
    reach = _reach(Assignment.class_id == class_id, now)
    students = db.session.scalar(
        db.select(func.count(Enrollment.student_id)).where(Enrollment.class_id == class_id)
    )
    return Reach(reach.assignments, 1, int(students or 0), reach.tests_running)


@dataclass(frozen=True, slots=True)
class AssignedOpening:
    """One assignment of a bank to a class of the student's, as visibility needs it."""

    opens_at: datetime | None
    own_opens_at: datetime | None  # the student's accommodation's, if any
    study: bool


def visibility_facts(student_id: int, bank_slug: str) -> tuple[BankFlags, list[AssignedOpening]] | None:
    """A bank's flags and its assignments to the student's classes (not archived), in one query:
    every page of an attempt asks it (None: no active bank has this slug). Visibility needs only
    the opening times: a student's own accommodation may move one; a standing accommodation has
    no dates (``core.assignments.applying``), so it is not read here."""
    mine = (
        db.select(Assignment.id, Assignment.bank_id, Assignment.opens_at, Assignment.study)
        .join(Classroom, Classroom.id == Assignment.class_id)
        .join(Enrollment, Enrollment.class_id == Assignment.class_id)
        .where(Enrollment.student_id == student_id, Classroom.archived_at.is_(None))
        .subquery()
    )
    rows = db.session.execute(
        db.select(
            Bank.published,
            Bank.open_practice,
            mine.c.id,
            mine.c.opens_at,
            mine.c.study,
            AccommodationRow.opens_at,
        )
        .select_from(Bank)
        .outerjoin(mine, mine.c.bank_id == Bank.id)
        .outerjoin(
            AccommodationRow,
            (AccommodationRow.assignment_id == mine.c.id) & (AccommodationRow.student_id == student_id),
        )
        .where(Bank.slug == bank_slug, Bank.active)
    ).all()
    if not rows:
        return None
    flags = BankFlags(rows[0][0], rows[0][1])
    return flags, [AssignedOpening(row[3], row[5], row[4]) for row in rows if row[2] is not None]


def bank_flags() -> dict[str, BankFlags]:
    """Every active bank's visibility flags, by slug."""
    rows = db.session.execute(db.select(Bank.slug, Bank.published, Bank.open_practice).where(Bank.active))
    return {slug: BankFlags(published, open_practice) for slug, published, open_practice in rows}


def bank_id_of(bank_slug: str) -> int | None:
    found: int | None = db.session.scalar(db.select(Bank.id).where(Bank.slug == bank_slug, Bank.active))
    return found


# --- Writes --------------------------------------------------------------------------------


def create_assignment(class_id: int, bank_id: int, terms: AssignmentTerms) -> int:
    begin_write()
    row = Assignment(class_id=class_id, bank_id=bank_id, **_values(terms))
    db.session.add(row)
    db.session.commit()
    return row.id


def update_assignment(assignment_id: int, terms: AssignmentTerms) -> None:
    begin_write()
    db.session.execute(update(Assignment).where(Assignment.id == assignment_id).values(**_values(terms)))
    db.session.commit()


def delete_assignment(assignment_id: int, settled: datetime) -> None:
    """Delete it with its accommodations; its attempts stay (their assignment becomes none).

    They keep its show answers in ``attempts.kept_show_answers`` (a test taken under ``never``
    stays so), as ``core.disclosure.kept_when_deleted`` says: no due time reaches them once the
    assignment is gone, so ``after_due`` is kept as ``after_submit`` if the class's last due
    time (``core.assignments.last_due_at``: a student's own and a running test's deadline
    included) has passed at ``settled`` (now, less the grace in which answers sent at a deadline
    still count), else as ``never``: answers held back until a due time that has not come stay
    back for good. Read and written under the write lock, so a change cannot slip between.
    """
    begin_write()
    found = db.session.execute(_ROWS.where(Assignment.id == assignment_id)).first()
    if found is None:
        db.session.rollback()
        return
    row = _row(*found)
    kept = kept_when_deleted(row.terms.show_answers, row.last_due_at, settled)
    db.session.execute(
        update(Attempt)
        .where(Attempt.assignment_id == assignment_id)
        .values(assignment_id=None, kept_show_answers=kept.value if kept else None)
    )
    db.session.execute(delete(AccommodationRow).where(AccommodationRow.assignment_id == assignment_id))
    db.session.execute(delete(Assignment).where(Assignment.id == assignment_id))
    db.session.commit()


def set_accommodation(assignment_id: int, student_id: int, accommodation: Accommodation | None) -> None:
    """Give the student this accommodation on the assignment (None: take it away)."""
    begin_write()
    db.session.execute(
        delete(AccommodationRow).where(
            AccommodationRow.assignment_id == assignment_id, AccommodationRow.student_id == student_id
        )
    )
    if accommodation is not None:
        db.session.add(
            AccommodationRow(
                assignment_id=assignment_id,
                student_id=student_id,
                extra_time_percent=accommodation.extra_time_percent,
                extra_time_minutes=accommodation.extra_time_minutes,
                extra_attempts=accommodation.extra_attempts,
                opens_at=accommodation.opens_at,
                due_at=accommodation.due_at,
            )
        )
    db.session.commit()


def set_standing_accommodation(class_id: int, student_id: int, accommodation: Accommodation | None) -> bool:
    """Give the student this accommodation for every test of the class (None: none; its dates,
    which a standing one has not, are not stored); False if they are not in the class."""
    given = accommodation or Accommodation()
    begin_write()
    result = db.session.execute(
        update(Enrollment)
        .where(Enrollment.class_id == class_id, Enrollment.student_id == student_id)
        .values(
            extra_time_percent=given.extra_time_percent,
            extra_time_minutes=given.extra_time_minutes,
            extra_attempts=given.extra_attempts,
        )
    )
    db.session.commit()
    return rows_changed(result) > 0


def set_bank_flags(bank_slug: str, flags: BankFlags) -> bool:
    """Set a bank's visibility flags; False if no active bank has this slug."""
    begin_write()
    result = db.session.execute(
        update(Bank)
        .where(Bank.slug == bank_slug, Bank.active)
        .values(published=flags.published, open_practice=flags.open_practice)
    )
    db.session.commit()
    return rows_changed(result) > 0
