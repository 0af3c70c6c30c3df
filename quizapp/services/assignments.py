"""Assignments for pages, API and commands: who sees which bank, and when a test may start.

The rules are ``core.visibility`` (which banks a student may see and study) and
``core.assignments`` (windows, limits, accommodations, a student's status); this module gathers
the facts they need from the database and asks them. Every front end calls ``visible_bank``,
``study_bank``, ``start_test`` and ``start_practice`` here rather than looking at assignments
itself, so the pages, the API and the commands cannot disagree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from quizapp import core
from quizapp.core.assignments import (
    Accommodation,
    Accommodations,
    Refusal,
    Start,
    Status,
    Taken,
    Window,
    accommodation_problems,
    clean_title,
    counted,
    for_student,
    last_due_at,
    may_start,
    standing_problems,
    status,
    title_problem,
    window_problems,
    window_warnings,
)
from quizapp.core.attempts import AttemptMode
from quizapp.core.disclosure import AT_ONCE, Release, for_tests, gives_away, held_until, release_of, stricter
from quizapp.core.model import AnswerVisibility
from quizapp.core.visibility import EVERYTHING, Assigned, BankAccess, bank_access
from quizapp.db import account_store, assignment_store
from quizapp.db.account_store import Account
from quizapp.db.assignment_store import (
    AssignmentRow,
    AssignmentTerms,
    BankFlags,
    Reach,
    StandingAccommodation,
)
from quizapp.db.attempt_store import NoAttemptsLeft
from quizapp.db.bank_store import BankSummary
from quizapp.services import attempts, bank_library, clock
from quizapp.services.attempts import AssignedStart, AttemptState, Started
from quizapp.services.bank_library import BankNotFound

__all__ = [
    "ASSIGNED_ANSWERS",
    "AssignmentNotFound",
    "AssignmentRow",
    "AssignmentTerms",
    "BankFlags",
    "ChooseAssignment",
    "Counted",
    "Reach",
    "StandingAccommodation",
    "StartRefused",
    "StudentAssignment",
    "access",
    "accesses",
    "accommodate",
    "accommodate_in_class",
    "accommodations_of",
    "assignment",
    "assignment_of_teacher",
    "attempt_access",
    "attempts_under",
    "bank_reach",
    "class_reach",
    "class_views",
    "counted_attempt",
    "create",
    "delete",
    "may_open_attempt",
    "may_view_attempt",
    "of_classes",
    "opened_bank",
    "standing_accommodations",
    "start_practice",
    "start_test",
    "student_assignments",
    "study_bank",
    "update",
    "visible_bank",
    "visible_banks",
    "visible_summaries",
    "warnings",
]

FULL_ACCESS = EVERYTHING
NONE_GIVEN = Accommodations()  # no accommodation of their own, none standing


class AssignmentNotFound(LookupError):
    """No such assignment, or not one of this teacher's classes (or this student's)."""


class StartRefused(Exception):
    """The student may not start the assigned test now (``core.assignments.Refusal`` says why)."""

    def __init__(self, refusal: Refusal, assignment: StudentAssignment):
        super().__init__(refusal.value)
        self.refusal = refusal
        self.assignment = assignment

    def message(self, shown: Callable[[datetime], str]) -> str:
        """Why, in words for the student; ``shown`` writes a time as the front end does (the
        page in the reader's zone, the API as ISO 8601)."""
        window = self.assignment.window
        if self.refusal is Refusal.NOT_OPEN and window.opens_at is not None:
            return f"This test opens at {shown(window.opens_at)}."
        if self.refusal is Refusal.CLOSED and window.due_at is not None:
            return f"This test closed at {shown(window.due_at)}."
        return "You have used every attempt this test allows."


class ChooseAssignment(Exception):
    """A student's test of a bank needs an assignment named: the bank is assigned to them in
    several classes (``choices``), or in none (no choices: it is open for practice only)."""

    def __init__(self, choices: Sequence[StudentAssignment]):
        super().__init__(len(choices))
        self.choices = tuple(choices)


@dataclass(frozen=True, slots=True)
class StudentAssignment:
    """An assignment as one student has it: their window, their attempts, their status."""

    assignment: AssignmentRow
    window: Window  # with their accommodation and the bank's time limit where the teacher set none
    accommodations: Accommodations  # their own on it and their standing one in its class
    attempts: tuple[AttemptState, ...]  # theirs under it, newest first
    status: Status
    start: Start  # whether they may start an attempt now
    # When its tests show their answers (after_submit, after_due or never): the bank's, or the
    # assignment's where stricter (a bank's "immediately" is "after_submit" for a test).
    answers: AnswerVisibility = AnswerVisibility.AFTER_SUBMIT
    extra_time: bool = False  # their time limit is longer than the assignment's (an accommodation)
    answers_out: bool = False  # an after_due test's answers have come out (the class's last due time passed)

    @property
    def id(self) -> int:
        return self.assignment.id

    @property
    def accommodation(self) -> Accommodation | None:
        """The accommodation that applies (``core.assignments.applying``); None: the class's terms."""
        return self.accommodations.applying

    @property
    def accommodated(self) -> bool:
        """They have more than the class on it (an own accommodation that gives nothing, "nothing
        extra on this test", leaves them the class's terms)."""
        return self.accommodation not in (None, Accommodation())

    @property
    def answers_from(self) -> datetime | None:
        """When a submitted test's answers show, if they wait for a time (``after_due``): the last
        due time of the class, so that no one is still to take it; None: at the submit, or never
        (``answers`` says which)."""
        return held_until(self.answers, self.assignment.last_due_at)

    @property
    def attempts_left(self) -> int | None:
        """None: unlimited."""
        if self.window.max_attempts is None:
            return None
        return max(0, self.window.max_attempts - len(self.attempts))


# --- The assignment as it applies ----------------------------------------------------------


def window_of(terms: AssignmentTerms, bank: core.Bank | None) -> Window:
    """The assignment's window; its time limit is the bank's where the teacher set none (0 is
    "untimed")."""
    minutes = terms.time_limit_minutes
    if minutes is None and bank is not None:
        minutes = bank.settings.time_limit_minutes
    return Window(
        opens_at=terms.opens_at,
        due_at=terms.due_at,
        time_limit=timedelta(minutes=minutes) if minutes else None,
        max_attempts=terms.max_attempts,
        accept_late=terms.accept_late,
        ends_at_close=terms.ends_at_close,
    )


def _student_view(
    row: AssignmentRow,
    accommodations: Accommodations,
    taken: Sequence[AttemptState],
    now: datetime,
) -> StudentAssignment:
    bank = bank_library.find_bank(row.bank_slug)
    assigned = window_of(row.terms, bank)
    window = for_student(assigned, accommodations.applying)
    facts = [Taken(submitted=attempt.submitted, late=attempt.late) for attempt in taken]
    bank_answers = bank.settings.show_answers if bank is not None else AnswerVisibility.NEVER
    answers = for_tests(stricter(bank_answers, row.terms.show_answers))
    return StudentAssignment(
        assignment=row,
        window=window,
        accommodations=accommodations,
        attempts=tuple(taken),
        status=status(window, facts, now),
        start=may_start(window, len(taken), now),
        answers=answers,
        answers_out=answers is AnswerVisibility.AFTER_DUE
        and row.last_due_at is not None
        and now >= row.last_due_at + attempts.grace(),
        extra_time=(
            window.time_limit is not None
            and assigned.time_limit is not None
            and window.time_limit > assigned.time_limit
        ),
    )


def student_assignments(
    student_id: int,
    now: datetime,
    bank_slug: str | None = None,
    taken: Sequence[AttemptState] | None = None,
) -> list[StudentAssignment]:
    """The student's assignments (of one bank, or all), due soonest first. ``taken``: the
    student's attempts (of that bank, or all), where the caller has read them already. Those of
    a bank with nothing to take (drafts only: ``core.visibility.bank_access``) are left out, as
    the database leaves out those of hidden banks."""
    found = assignment_store.assignments_of_student(student_id, bank_slug)
    rows = [row for row in found if _takeable(row.bank_slug)]
    if not rows:
        return []
    # their own accommodations and their standing ones, in one query
    accommodations = assignment_store.accommodations_of_student(student_id, [row.id for row in rows])
    by_assignment: dict[int, list[AttemptState]] = defaultdict(list)
    if taken is None:
        taken = attempts.attempts_of(student_id, now, bank_slug)
    for attempt in taken:
        if attempt.assignment_id is not None:
            by_assignment[attempt.assignment_id].append(attempt)
    return [
        _student_view(row, accommodations.get(row.id, NONE_GIVEN), by_assignment[row.id], now) for row in rows
    ]


def of_classes(class_ids: Sequence[int], bank_slug: str | None = None) -> list[AssignmentRow]:
    """The assignments of these classes (the caller checked they are the teacher's), due soonest first."""
    return assignment_store.assignments_of_classes(class_ids, bank_slug)


def banks_of_classes(class_ids: Sequence[int]) -> list[core.Bank]:
    """The banks these classes use, in the library's order: assigned to one of them, or attempted
    or studied by one of their students (a bank open to everyone counts once someone used it).
    A class's gradebook and its progress show these, not every bank imported for the school."""
    used = assignment_store.banks_in_use(class_ids)
    return [bank for bank in bank_library.library().catalog.banks if bank.slug in used]


def class_views(row: AssignmentRow, now: datetime) -> list[tuple[Account, StudentAssignment]]:
    """Every student of the assignment's class with the assignment as they have it (their
    window, attempts, status): the teacher's table, the gradebook. A few queries in all."""
    students = account_store.students_of_class(row.class_id)
    accommodations = assignment_store.accommodations_in([row.id])  # own and standing, one query
    by_student: dict[int, list[AttemptState]] = defaultdict(list)
    for attempt in attempts.attempts_of_users([s.id for s in students], now, row.bank_slug):
        if attempt.assignment_id == row.id:
            by_student[attempt.user_id].append(attempt)
    return [
        (
            student,
            _student_view(
                row, accommodations.get((row.id, student.id), NONE_GIVEN), by_student[student.id], now
            ),
        )
        for student in students
    ]


@dataclass(frozen=True, slots=True)
class Counted:
    """The attempt that counts for an assignment (``core.assignments.counted``), with its score."""

    attempt: AttemptState
    score: core.Score


def counted_attempt(view: StudentAssignment) -> Counted | None:
    """The submitted attempt that counts under the assignment's rule (best, last, first)."""
    submitted = [attempt for attempt in reversed(view.attempts) if attempt.submitted]  # oldest first
    scores = [attempts.score_of(attempt) for attempt in submitted]
    index = counted([score.percent for score in scores], view.assignment.terms.counted)
    return Counted(submitted[index], scores[index]) if index is not None else None


# --- Who sees which bank -------------------------------------------------------------------


def _decided(bank_slug: str, flags: BankFlags, assigned: Sequence[Assigned], now: datetime) -> BankAccess:
    """The one decision of what a student may do with a bank (``core.visibility.bank_access``),
    from its flags and the student's assignments of it: ``access`` reads them for one bank,
    ``accesses`` for all (tests/services/test_bank_access_agrees.py holds the two to one answer)."""
    return bank_access(flags.published, flags.open_practice, assigned, now, takeable=_takeable(bank_slug))


def access(account: Account, bank_slug: str, now: datetime) -> BankAccess:
    """What the account may do with the bank now (teachers: everything). One query, for the
    pages of one bank (every page of an attempt asks it); ``accesses`` reads every bank's."""
    if account.is_teacher:
        return FULL_ACCESS
    facts = assignment_store.visibility_facts(account.id, bank_slug)
    flags, openings = facts or (BankFlags(published=False), [])  # None: no bank has this id
    # a standing accommodation has no dates (core.assignments.applying): only an own one moves
    # an opening
    assigned = [
        Assigned(
            for_student(Window(opens_at=each.opens_at), Accommodation(opens_at=each.own_opens_at)).opens_at,
            each.study,
        )
        for each in openings
    ]
    return _decided(bank_slug, flags, assigned, now)


def _takeable(bank_slug: str) -> bool:
    """Whether the bank has questions students may take: not one of drafts only (a bank no
    longer in service counts as takeable: its attempts still show their results). The one rule
    of ``access``, ``accesses`` and ``student_assignments``."""
    bank = bank_library.find_bank(bank_slug)
    return bank is None or bank.takeable


def attempt_access(account: Account, attempt: AttemptState, now: datetime) -> BankAccess:
    """What the student may do now with the bank of an attempt of theirs. A test under way keeps
    the terms it started with, so it goes on to its deadline (it shows no answer before it is
    submitted): its pages, the app's busiest, ask nothing more. Teachers: everything."""
    if account.is_teacher or (attempt.mode is AttemptMode.TEST and not attempt.submitted):
        return FULL_ACCESS
    return access(account, attempt.bank_slug, now)


def may_open_attempt(account: Account, attempt: AttemptState, now: datetime) -> bool:
    """Whether the student may still work on their own attempt (answer, submit, retry it): a
    practice round only while they may study its bank; a test while the bank exists for them."""
    return _may_work_on(attempt_access(account, attempt, now), attempt)


def may_view_attempt(allowed: BankAccess, attempt: AttemptState) -> bool:
    """Whether the student may look at their own attempt, with ``allowed`` from
    ``attempt_access``: one they may work on, or a submitted one while its bank exists for them.
    A submitted practice round of a bank they may no longer study shows its score, nothing more
    (``core.disclosure``: ``Viewer.studies``). A student who lost the bank (hidden, archived
    class, no assignment) loses its attempts too: to them it does not exist."""
    return allowed.visible if attempt.submitted else _may_work_on(allowed, attempt)


def _may_work_on(allowed: BankAccess, attempt: AttemptState) -> bool:
    return allowed.study if attempt.mode is AttemptMode.PRACTICE else allowed.visible


def visible_bank(account: Account, bank_slug: str, now: datetime) -> core.Bank:
    """The bank, if the account may see it; ``BankNotFound`` otherwise (to them it does not exist)."""
    bank = bank_library.bank(bank_slug)
    if not access(account, bank_slug, now).visible:
        raise BankNotFound(bank_slug)
    return bank


def opened_bank(account: Account, bank_slug: str, now: datetime) -> core.Bank:
    """The bank, if the account may read its contents (its source text) now; ``BankNotFound``
    otherwise (before an assignment opens, a student sees only when it opens)."""
    bank = bank_library.bank(bank_slug)
    if not access(account, bank_slug, now).opened:
        raise BankNotFound(bank_slug)
    return bank


def study_bank(account: Account, bank_slug: str, now: datetime) -> core.Bank:
    """The bank, if the account may study it (practice, flashcards, learn mode) now;
    ``BankNotFound`` otherwise."""
    bank = bank_library.bank(bank_slug)
    if not access(account, bank_slug, now).study:
        raise BankNotFound(bank_slug)
    return bank


def accesses(
    account: Account,
    now: datetime,
    taken: Sequence[AttemptState] | None = None,
    views: Sequence[StudentAssignment] | None = None,
) -> dict[str, BankAccess]:
    """What the account may do with each bank it may see, by slug (three queries, and two to
    read the student's attempts unless ``taken`` has them all). ``views``: all the student's
    assignments (``student_assignments``), where the caller has them already: one query then."""
    flags = assignment_store.bank_flags()
    if account.is_teacher:
        return dict.fromkeys(flags, FULL_ACCESS)
    views_by_bank: dict[str, list[StudentAssignment]] = defaultdict(list)
    if views is None:
        views = student_assignments(account.id, now, taken=taken)
    for view in views:
        views_by_bank[view.assignment.bank_slug].append(view)
    found = {
        slug: _decided(
            slug,
            flag,
            [Assigned(view.window.opens_at, view.assignment.terms.study) for view in views_by_bank[slug]],
            now,
        )
        for slug, flag in flags.items()
    }
    return {slug: allowed for slug, allowed in found.items() if allowed.visible}


def visible_summaries(account: Account, now: datetime) -> list[tuple[BankSummary, BankAccess]]:
    """The banks in service the account may see (as the home pages list them), with what they
    may do with each."""
    allowed = accesses(account, now)
    return [
        (summary, allowed[summary.slug]) for summary in bank_library.summaries() if summary.slug in allowed
    ]


def visible_banks(
    account: Account,
    now: datetime,
    taken: Sequence[AttemptState] | None = None,
    views: Sequence[StudentAssignment] | None = None,
) -> list[tuple[core.Bank, BankAccess]]:
    """The banks in service the account may see, with what they may do with each (``taken``:
    all the student's attempts, ``views``: all their assignments, where the caller has them)."""
    allowed = accesses(account, now, taken, views)
    banks = bank_library.library().catalog.banks
    return [(bank, allowed[bank.slug]) for bank in banks if bank.slug in allowed]


# --- Starting ------------------------------------------------------------------------------


def start_test(
    account: Account, bank: core.Bank, now: datetime, seed: int, assignment_id: int | None = None
) -> Started:
    """Start (or resume) a test of the bank under the student's assignment of it.

    A student's open test of the bank is resumed whatever the window says now (it keeps its own
    deadline). Otherwise the assignment is the one named, or the student's only one of the bank
    (``ChooseAssignment`` if there are several, or none); ``StartRefused`` says why a window or
    a limit refuses. Teachers try a bank's test under the bank's own rules unless they name an
    assignment of theirs.
    """
    if account.is_teacher and assignment_id is None:
        return attempts.start(account.id, bank, AttemptMode.TEST, now, seed)
    existing = attempts.open_attempt(account.id, bank.slug, now)
    if existing is not None and existing.mode is AttemptMode.TEST:
        return Started(existing, resumed=True, blocked=False)
    view = _chosen(account, bank.slug, now, assignment_id)
    if not view.start.allowed:
        assert view.start.refusal is not None
        raise StartRefused(view.start.refusal, view)
    assigned = AssignedStart(view.id, view.start.late, view.start.deadline, view.window.max_attempts)
    try:
        return attempts.start(account.id, bank, AttemptMode.TEST, now, seed, assigned=assigned)
    except NoAttemptsLeft:  # another tab started the last one a moment ago
        raise StartRefused(Refusal.NO_ATTEMPTS_LEFT, view) from None
    except attempts.NotStarted:  # the assignment was deleted a moment ago
        raise AssignmentNotFound(view.id) from None


def retake(account: Account, attempt: AttemptState, now: datetime) -> StudentAssignment | None:
    """The student's assignment this submitted test was taken under, where it lets them start
    another now (``start``: the rule ``start_test`` follows, with the attempts taken and the
    window); None for practice, a teacher's try, or a test they may not take again."""
    if attempt.mode is not AttemptMode.TEST or attempt.assignment_id is None or account.is_teacher:
        return None
    for view in student_assignments(account.id, now, attempt.bank_slug):
        if view.id == attempt.assignment_id:
            return view if view.start.allowed else None
    return None


def _chosen(account: Account, bank_slug: str, now: datetime, assignment_id: int | None) -> StudentAssignment:
    if account.is_teacher:  # a teacher trying an assignment of theirs as a student would
        row = assignment_of_teacher(account.id, assignment_id) if assignment_id is not None else None
        if row is None or row.bank_slug != bank_slug:
            raise AssignmentNotFound(assignment_id)
        taken = [a for a in attempts.attempts_of(account.id, now, bank_slug) if a.assignment_id == row.id]
        return _student_view(row, NONE_GIVEN, taken, now)
    views = student_assignments(account.id, now, bank_slug)
    if assignment_id is not None:
        for view in views:
            if view.id == assignment_id:
                return view
        raise AssignmentNotFound(assignment_id)
    if len(views) != 1:
        raise ChooseAssignment(views)
    return views[0]


def start_practice(
    account: Account, bank: core.Bank, now: datetime, seed: int, only: Sequence[str] | None = None
) -> Started:
    """Start (or resume) practice of a bank the account may study (``BankNotFound`` if not)."""
    if not access(account, bank.slug, now).study:
        raise BankNotFound(bank.slug)
    return attempts.start(account.id, bank, AttemptMode.PRACTICE, now, seed, only=only)


# --- Teachers ------------------------------------------------------------------------------


# When an assignment may show its tests' answers (None: as its bank says), least strict first.
ASSIGNED_ANSWERS = (AnswerVisibility.AFTER_SUBMIT, AnswerVisibility.AFTER_DUE, AnswerVisibility.NEVER)
# The assignment's own choices that keep answers back from students who have submitted.
HOLDS_ANSWERS_BACK = (AnswerVisibility.AFTER_DUE, AnswerVisibility.NEVER)


def problems(terms: AssignmentTerms) -> list[str]:
    """What is wrong with an assignment's terms as a teacher set them (empty: nothing).

    Answers after the due time need a due time, attempts that end at it and no late work (no test
    may run on, or start, after the answers are out); and an assignment that keeps answers back
    (after the due time, or never) cannot let its class study the bank, whose practice,
    flashcards and learn mode show them. (The default, the bank's answers with study on, is
    always valid: it is what an upgraded database gives every class.)"""
    found = window_problems(window_of(replace(terms, time_limit_minutes=None), None))
    title = title_problem(terms.title)
    if title is not None:
        found.insert(0, title)
    minutes = terms.time_limit_minutes
    if minutes is not None and not 0 <= minutes <= 24 * 60:
        found.append("time limit: from 1 to 1440 minutes, 0 for untimed, or empty for the bank's")
    shown = terms.show_answers
    if shown is not None and shown not in ASSIGNED_ANSWERS:
        found.append("a test shows answers after it is submitted at the earliest")
    if shown is AnswerVisibility.AFTER_DUE and terms.due_at is None:
        found.append("answers after the due time needs a due time")
    if shown is AnswerVisibility.AFTER_DUE and terms.due_at is not None and not terms.ends_at_close:
        found.append(
            "answers after the due time need attempts to end at the due time: a test started just "
            "before it would run on after the answers are out"
        )
    if shown is AnswerVisibility.AFTER_DUE and terms.accept_late:
        found.append(
            "answers after the due time cannot go with late work: a late start would come after "
            "the answers are out"
        )
    if shown in HOLDS_ANSWERS_BACK and terms.study:
        until = " until the due time" if shown is AnswerVisibility.AFTER_DUE else ""
        found.append(
            "practice, flashcards and learn mode show this quiz's answers: "
            f"turn study off for this assignment to keep them back{until}"
        )
    return found


def _release(terms: AssignmentTerms, bank: core.Bank, last_due: datetime | None) -> Release:
    """When an assignment with these terms lets its class first see the bank's answers."""
    shown = for_tests(stricter(bank.settings.show_answers, terms.show_answers))
    answers_due = last_due + attempts.grace() if last_due is not None else None
    return release_of(shown, terms.study, answers_due)


def answers_conflicts(
    class_id: int, bank_slug: str, terms: AssignmentTerms, now: datetime, assignment_id: int | None = None
) -> list[str]:
    """What would hand out the answers an assignment with these terms keeps back, or the other
    way round (empty: nothing): another assignment of the bank in the class that shows them
    sooner or later, or practice open to every student. Asked as the assignment (``assignment_id``,
    if it exists) is saved; the rule is ``core.disclosure.gives_away``."""
    bank = bank_library.bank(bank_slug)
    existing = assignment_store.assignment(assignment_id) if assignment_id is not None else None
    own_due = existing.latest_own_due_at if existing else None
    running = existing.running_until if existing else None
    this = _release(terms, bank, last_due_at(terms.due_at, own_due, running))
    found = []
    flags = assignment_store.bank_flags().get(bank_slug)
    if flags is not None and flags.open_practice and gives_away(this, AT_ONCE, now):
        found.append(
            "the quiz is open for practice to every student, which shows its answers: close that "
            "first (on your home page), or keep this one's answers back no longer"
        )
    for other in assignment_store.assignments_of_classes([class_id], bank_slug):
        if other.id == assignment_id:
            continue
        theirs = _release(other.terms, bank, other.last_due_at)
        if not gives_away(this, theirs, now):
            continue
        if theirs > this:
            found.append(
                f"“{other.name}”, another assignment of this quiz in this class, keeps its answers "
                "back longer: this one would show them sooner (keep its answers back as long)"
            )
        else:
            found.append(
                f"“{other.name}”, another assignment of this quiz in this class, shows its answers "
                "sooner or lets the class study it: change or delete it first, or it gives this "
                "one's answers away"
            )
    return found


def warnings(terms: AssignmentTerms, now: datetime) -> list[str]:
    """What a teacher should hear about terms they may save but probably did not mean (a due time
    already past): the pages flash it, the API answers it, the command prints it."""
    return window_warnings(window_of(terms, None), now)


def _cleaned(terms: AssignmentTerms) -> AssignmentTerms:
    """The terms as they are kept: the title without blanks around it, None when empty."""
    return replace(terms, title=clean_title(terms.title))


def assignment(assignment_id: int) -> AssignmentRow | None:
    """Any assignment by id: for commands, which act for the class's teacher."""
    return assignment_store.assignment(assignment_id)


def assignment_of_teacher(teacher_id: int, assignment_id: int) -> AssignmentRow | None:
    """The assignment if it is of one of the teacher's classes."""
    row = assignment_store.assignment(assignment_id)
    return row if row is not None and row.teacher_id == teacher_id else None


def create(teacher_id: int, class_id: int, bank_slug: str, terms: AssignmentTerms) -> int:
    """Assign the bank to one of the teacher's classes; the new assignment's id.

    ``LookupError`` (``AssignmentNotFound``, ``BankNotFound``) for a class not theirs or an
    unknown bank; ``ValueError`` with the problems of terms that do not make sense.
    """
    if account_store.class_of_teacher(class_id, teacher_id) is None:
        raise AssignmentNotFound(class_id)
    bank_library.bank(bank_slug)
    bank_id = assignment_store.bank_id_of(bank_slug)
    if bank_id is None:  # in service but not yet in the database (a command: no request synced it)
        bank_library.library().sync_to_database()
        bank_id = assignment_store.bank_id_of(bank_slug)
    if bank_id is None:
        raise BankNotFound(bank_slug)
    found = problems(terms) or answers_conflicts(class_id, bank_slug, terms, clock.now())
    if found:
        raise ValueError("; ".join(found))
    return assignment_store.create_assignment(class_id, bank_id, _cleaned(terms))


def update(teacher_id: int, assignment_id: int, terms: AssignmentTerms) -> bool:
    """Change an assignment's terms; whether attempts are running under it (they keep the
    deadline they started with: the change applies to new attempts)."""
    row = assignment_of_teacher(teacher_id, assignment_id)
    if row is None:
        raise AssignmentNotFound(assignment_id)
    found = problems(terms) or answers_conflicts(row.class_id, row.bank_slug, terms, clock.now(), row.id)
    if found:
        raise ValueError("; ".join(found))
    assignment_store.update_assignment(assignment_id, _cleaned(terms))
    return assignment_store.attempts_running(assignment_id) > 0


def delete(teacher_id: int, assignment_id: int, now: datetime) -> int:
    """Delete an assignment (its attempts stay, no longer under it); how many attempts it had.
    Its attempts keep its show answers; answers held until the due time are kept as
    ``core.disclosure.kept_when_deleted`` says (shown if every student's due time has passed
    at ``now``, else never)."""
    if assignment_of_teacher(teacher_id, assignment_id) is None:
        raise AssignmentNotFound(assignment_id)
    count = attempts_under(assignment_id)
    assignment_store.delete_assignment(assignment_id, now - attempts.grace())
    return count


def attempts_under(assignment_id: int) -> int:
    """How many attempts (anyone's, running or submitted) were started under the assignment:
    the ones its deletion keeps (the caller checked it is the teacher's)."""
    return sum(assignment_store.attempt_counts(assignment_id).values())


def accommodations_of(assignment_ids: Sequence[int]) -> dict[tuple[int, int], Accommodation]:
    """The accommodations set on these assignments (the caller checked they are the teacher's),
    by (assignment id, student id), as they were set: not the standing ones (``class_views``
    gives both, and the one that applies)."""
    return assignment_store.accommodations_of(assignment_ids)


def accommodate(
    teacher_id: int, assignment_id: int, username: str, accommodation: Accommodation | None
) -> None:
    """Give a student of the assignment's class an accommodation (None: take it away).

    ``AssignmentNotFound`` for an assignment not the teacher's or a student not in its class;
    ``ValueError`` with the problems of an accommodation that does not make sense."""
    row = assignment_of_teacher(teacher_id, assignment_id)
    student = account_store.account_by_username(username)
    if row is None or student is None:
        raise AssignmentNotFound(assignment_id)
    if student.id not in {s.id for s in account_store.students_of_class(row.class_id)}:
        raise AssignmentNotFound(assignment_id)
    if accommodation is not None:
        theirs = for_student(window_of(row.terms, bank_library.find_bank(row.bank_slug)), accommodation)
        found = accommodation_problems(accommodation) or window_problems(
            theirs
        )  # e.g. opens after the due time
        if found:
            raise ValueError("; ".join(found))
    assignment_store.set_accommodation(assignment_id, student.id, accommodation)


def standing_accommodations(class_ids: Sequence[int]) -> list[StandingAccommodation]:
    """The students of these classes (the caller checked they are the teacher's) with an
    accommodation for every test of the class, by class and username."""
    return assignment_store.standing_accommodations(class_ids)


def accommodate_in_class(
    teacher_id: int, class_id: int, username: str, accommodation: Accommodation | None
) -> None:
    """Give a student of the teacher's class a standing accommodation (None: take it away): it
    applies to every assignment of the class, now and later, on which the student has no
    accommodation of their own (``core.assignments.applying``). Tests under way keep their terms.

    ``AssignmentNotFound`` for a class not the teacher's or a student not in it; ``ValueError``
    with the problems of an accommodation that does not make sense (a standing one has no dates)."""
    if account_store.class_of_teacher(class_id, teacher_id) is None:
        raise AssignmentNotFound(class_id)
    student = account_store.account_by_username(username)
    if student is None:
        raise AssignmentNotFound(class_id)
    if accommodation is not None:
        found = standing_problems(accommodation)
        if found:
            raise ValueError("; ".join(found))
    if not assignment_store.set_standing_accommodation(class_id, student.id, accommodation):
        raise AssignmentNotFound(class_id)  # not in the class


def bank_reach(bank_slug: str, now: datetime) -> Reach:
    """Whom hiding the bank would take it from: its assignments to classes not archived, their
    students, the tests running under them (the page asks the teacher to confirm)."""
    bank_library.bank(bank_slug)
    return assignment_store.bank_reach(bank_slug, now)


def class_reach(teacher_id: int, class_id: int, now: datetime) -> Reach:
    """Whom archiving the teacher's class would take it from: its students, its assignments, the
    tests running under them (``AssignmentNotFound``: not the teacher's class)."""
    if account_store.class_of_teacher(class_id, teacher_id) is None:
        raise AssignmentNotFound(class_id)
    return assignment_store.class_reach(class_id, now)


def set_bank_flags(bank_slug: str, flags: BankFlags, now: datetime) -> None:
    """Publish or hide a bank, open it for practice to every student or not. ``ValueError`` when
    practice for everyone would give away the answers an assignment of it keeps back."""
    bank_library.bank(bank_slug)
    if flags.open_practice:
        bank = bank_library.bank(bank_slug)
        holding = [
            row
            for row in assignment_store.assignments_of_bank(bank_slug)
            if gives_away(_release(row.terms, bank, row.last_due_at), AT_ONCE, now)
        ]
        if holding:
            names = ", ".join(f"“{row.name}” ({row.class_name})" for row in holding)
            raise ValueError(
                f"practice for every student would show the answers that {names} keeps back: "
                "open it for practice once those answers are out, or change those assignments"
            )
    if not assignment_store.set_bank_flags(bank_slug, flags):
        raise BankNotFound(bank_slug)
