"""An assignment's results for its teacher: every student's status and counted attempt, the
counts by status, and how the counted scores spread.

The teacher's assignment page and the score exports (the per-assignment gradebook, the gradebook
by assignment) read the grades here; who stands where is ``services.assignments.class_views``
and which attempt counts is ``services.assignments.counted_attempt``, so they cannot disagree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime

from quizapp.core.assignments import Status, Window
from quizapp.db.account_store import Account
from quizapp.services import assignments, bank_library
from quizapp.services.assignments import AssignmentRow, Counted, StudentAssignment
from quizapp.services.reports import Distribution, score_distribution

__all__ = ["AssignmentReport", "Grade", "grades", "report"]


@dataclass(frozen=True, slots=True)
class Grade:
    """One student's standing on an assignment and the attempt that counts for their grade."""

    student: Account
    view: StudentAssignment  # their window (with an accommodation), attempts and status
    counted: Counted | None  # None: nothing submitted (or nothing since the time asked)

    @property
    def missed(self) -> bool:
        """Their due time passed with nothing submitted."""
        return self.view.status is Status.MISSED

    @property
    def counted_late(self) -> bool | None:
        """Whether the counted attempt started after the due time (None: no counted attempt)."""
        return self.counted.attempt.late if self.counted is not None else None


def grades(row: AssignmentRow, now: datetime, since: datetime | None = None) -> list[Grade]:
    """Every student of the assignment's class, by name, with the attempt that counts.

    With ``since``, the attempt counts among those started at or after it (the exports' filter);
    the status is the student's whatever ``since`` says.
    """
    found = []
    for student, view in assignments.class_views(row, now):
        among = view
        if since is not None:
            among = replace(view, attempts=tuple(a for a in view.attempts if a.started_at >= since))
        found.append(Grade(student, view, assignments.counted_attempt(among)))
    return found


@dataclass(frozen=True, slots=True)
class AssignmentReport:
    assignment: AssignmentRow
    window: Window  # the assignment's, for a student without an accommodation
    grades: tuple[Grade, ...]
    counts: dict[Status, int]  # students by status, every status present
    spread: Distribution  # of the counted scores

    @property
    def submitted(self) -> int:
        """Students with a submitted attempt (on time or late)."""
        return self.counts[Status.SUBMITTED] + self.counts[Status.LATE]

    @property
    def submitted_late(self) -> int:
        """Students whose every submitted attempt started after the due time."""
        return self.counts[Status.LATE]

    @property
    def scored(self) -> int:
        """Students with a counted score."""
        return sum(1 for grade in self.grades if grade.counted is not None)


def report(row: AssignmentRow, now: datetime) -> AssignmentReport:
    """The assignment's results now (the teacher's page)."""
    found = grades(row, now)
    counts = Counter(grade.view.status for grade in found)
    percents = [float(grade.counted.score.percent) for grade in found if grade.counted is not None]
    return AssignmentReport(
        assignment=row,
        window=assignments.window_of(row.terms, bank_library.find_bank(row.bank_slug)),
        grades=tuple(found),
        counts={status: counts[status] for status in Status},
        spread=score_distribution(percents),
    )
