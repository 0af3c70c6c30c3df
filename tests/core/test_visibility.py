"""core/visibility.py: which banks a student may see and study, over random assignments and
clock times (Hypothesis), and the cases a teacher names."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from quizapp.core.visibility import NONE, Assigned, bank_access

T0 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
moments = st.integers(min_value=-100, max_value=100).map(lambda h: T0 + h * HOUR)
assigned = st.lists(st.builds(Assigned, opens_at=st.none() | moments, study=st.booleans()), max_size=3)


@given(st.booleans(), st.booleans(), assigned, moments)
def test_what_a_student_may_do_with_a_bank(published, open_practice, assignments, now):
    access = bank_access(published, open_practice, assignments, now)
    opened = [a for a in assignments if a.opens_at is None or now >= a.opens_at]
    assert access.visible is (published and (open_practice or bool(assignments)))
    assert access.opened is (published and (open_practice or bool(opened)))
    assert access.study is (published and (open_practice or any(a.study for a in opened)))
    assert access.visible or not (access.opened or access.study)  # nothing of a bank they cannot see


def test_the_cases_a_teacher_names():
    later = Assigned(opens_at=T0 + HOUR, study=True)
    assert bank_access(True, False, [], T0) == NONE  # assigned to no class of theirs: not there
    assert bank_access(False, True, [later], T0) == NONE  # hidden: not even open practice shows it
    before = bank_access(True, False, [later], T0)
    assert before.visible and not before.opened and not before.study  # only when it opens
    assert bank_access(True, False, [later], T0 + HOUR).study
    no_study = bank_access(True, False, [Assigned(opens_at=None, study=False)], T0)
    assert no_study.opened and not no_study.study  # the test, but no practice or flashcards
    assert bank_access(True, True, [], T0).study  # open practice for everyone
