"""Whether an attempt still takes answers is said twice, on purpose: in Python
(``core.attempts.accepts_answers``, for readers and for the attempt pages) and in the SQL of
``attempt_store.store_answer`` (checked in the same statement as the write, so that a submit or
the deadline cannot slip in between). This test holds the two to one rule, on both engines."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from quizapp.core.attempts import AttemptMode, AttemptStatus, accepts_answers
from quizapp.db import attempt_store
from quizapp.db.attempt_store import AttemptClosed
from quizapp.db.base import db
from quizapp.db.database import begin_write
from quizapp.db.models import Attempt
from quizapp.services import attempts
from quizapp.services.bank_library import library
from quizapp.services.question_source import current_bank

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
GRACE = timedelta(seconds=30)
DEADLINES = [
    None,
    NOW + timedelta(minutes=5),
    NOW + GRACE,
    NOW,
    NOW - GRACE,
    NOW - GRACE - timedelta(seconds=1),
]


@pytest.mark.parametrize("status", list(AttemptStatus))
@pytest.mark.parametrize("deadline", DEADLINES, ids=lambda d: "none" if d is None else str(d - NOW))
def test_the_sql_and_python_rules_agree(app, people, status, deadline):
    with app.app_context():
        library().reload()  # loaded and synced as on the app's first request
        library().sync_to_database()
        bank = current_bank("kosovo-peacekeepers")
        assert bank is not None
        attempt = attempts.start(people.student, bank, AttemptMode.TEST, NOW - timedelta(hours=1), 7).attempt
        begin_write()
        db.session.execute(
            update(Attempt).where(Attempt.id == attempt.id).values(status=status.value, deadline=deadline)
        )
        db.session.commit()
        key = attempt.question_ids[0]
        try:
            attempt_store.store_answer(attempt.id, key, "an answer", NOW, NOW - GRACE, first_stands=False)
            stored = True
        except AttemptClosed:
            stored = False
        assert stored is accepts_answers(status, deadline, NOW, GRACE)
