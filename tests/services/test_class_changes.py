"""services/accounts.py renames and archives a teacher's own class only; services/assignments.py
reads the accommodations and the attempts a deletion keeps, for the teacher's pages."""

from __future__ import annotations

from datetime import UTC, datetime

from quizapp.core.assignments import Accommodation
from quizapp.core.attempts import AttemptMode
from quizapp.services import accounts, assignments, attempts, clock

T0 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def test_a_teacher_renames_only_their_own_class(app, people):
    with app.app_context():
        assert accounts.rename_class(people.other_teacher, people.class_id, "Taken over") is None
        renamed = accounts.rename_class(people.teacher, people.class_id, "  History 9B, spring ")
        assert renamed is not None and renamed.name == "History 9B, spring"
        assert accounts.class_of_teacher(people.class_id, people.teacher).name == "History 9B, spring"


def test_an_archived_class_and_its_assignments_are_hidden_from_its_students_until_it_is_back(app, people):
    with app.app_context():
        assert accounts.archive_class(people.other_teacher, people.class_id, T0) is None
        assert [c.id for c in accounts.classes_of_student(people.student)] == [people.class_id]
        assert assignments.student_assignments(people.student, T0)
        archived = accounts.archive_class(people.teacher, people.class_id, T0)
        assert archived is not None and archived.archived
        assert accounts.classes_of_student(people.student) == []
        assert assignments.student_assignments(people.student, T0) == []
        sam = accounts.get_account(people.student)
        assert not assignments.access(sam, "kosovo-peacekeepers", T0).visible
        assert [c.archived for c in accounts.classes_of_teacher(people.teacher)] == [True]  # still theirs
        back = accounts.archive_class(people.teacher, people.class_id, None)
        assert back is not None and not back.archived
        assert assignments.access(sam, "kosovo-peacekeepers", T0).visible


def test_the_teachers_reads_of_accommodations_and_kept_attempts(app, people, bank):
    with app.app_context():
        [row] = assignments.of_classes([people.class_id])
        assert assignments.accommodations_of([row.id]) == {}
        assignments.accommodate(people.teacher, row.id, "sam", Accommodation(extra_attempts=1))
        assert assignments.accommodations_of([row.id]) == {
            (row.id, people.student): Accommodation(extra_attempts=1)
        }
        assert assignments.attempts_under(row.id) == 0
        sam = accounts.get_account(people.student)
        assignments.start_test(sam, bank, clock.now(), seed=1)
        attempts.start(people.classmate, bank, AttemptMode.PRACTICE, clock.now(), seed=2)  # not under it
        assert assignments.attempts_under(row.id) == 1
        assert assignments.delete(people.teacher, row.id, clock.now()) == 1
        assert assignments.accommodations_of([row.id]) == {}


def test_a_removal_undone_after_the_student_joined_again_gives_back_what_it_took(app, people):
    """Sam left and joined again with the code (on the class's terms); the teacher's undo gives him
    back his standing accommodation, and his enrollment stays one."""
    with app.app_context():
        assignments.accommodate_in_class(
            people.teacher, people.class_id, "sam", Accommodation(extra_time_minutes=15)
        )
        accounts.remove_from_class(people.class_id, people.student, T0)
        accounts.join_class(people.student, people.join_code)
        assert assignments.standing_accommodations([people.class_id]) == []
        assert accounts.put_back(people.class_id, people.student, T0 + accounts.UNDO_REMOVAL / 2)
        [standing] = assignments.standing_accommodations([people.class_id])
        assert (standing.student_id, standing.accommodation.extra_time_minutes) == (people.student, 15)
        assert [s.username for s in accounts.students_of_class(people.class_id)] == ["sam", "sara"]
        assert not accounts.put_back(people.class_id, people.student, T0)  # once


def test_a_removal_is_undone_only_within_its_minutes_and_only_in_its_class(app, people):
    with app.app_context():
        accounts.remove_from_class(people.class_id, people.student, T0)
        assert not accounts.put_back(people.other_class_id, people.student, T0)
        assert [r.username for r in accounts.recent_removals(people.class_id, T0)] == ["sam"]
        assert accounts.recent_removals(people.class_id, T0 + accounts.UNDO_REMOVAL) == []
        assert not accounts.put_back(people.class_id, people.student, T0 + accounts.UNDO_REMOVAL)
        assert [s.username for s in accounts.students_of_class(people.class_id)] == ["sara"]
