"""Who may see and change an attempt: one rule for pages and API.

The owner works on an attempt; a teacher of the owner's class may see it once submitted. To
anyone else it does not exist (not found, not forbidden: ids are not a way to probe).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from quizapp.db import account_store
from quizapp.db.account_store import Account
from quizapp.services import assignments, attempts
from quizapp.services.attempts import AttemptState


@dataclass(frozen=True, slots=True)
class Viewed:
    attempt: AttemptState
    owner: bool
    studies: bool = True  # the owner may study its bank now (else a practice round shows its score only)


def own_attempt(
    attempt_id: int, owner: Account, now: datetime, responses: bool = True
) -> AttemptState | None:
    """The attempt if ``owner`` took it and may still open it (``assignments.may_open_attempt``:
    not a practice round of a bank they may no longer study); an overdue one is closed on the way."""
    attempt = attempts.get(attempt_id, now, responses)
    if attempt is None or attempt.user_id != owner.id:
        return None
    return attempt if assignments.may_open_attempt(owner, attempt, now) else None


def viewable_attempt(attempt_id: int, viewer: Account, now: datetime) -> Viewed | None:
    """The attempt for its owner (``assignments.may_view_attempt``), or, once submitted, for a
    teacher of the owner's class."""
    attempt = attempts.get(attempt_id, now)
    if attempt is None:
        return None
    if attempt.user_id == viewer.id:
        allowed = assignments.attempt_access(viewer, attempt, now)
        if not assignments.may_view_attempt(allowed, attempt):
            return None
        return Viewed(attempt, owner=True, studies=allowed.study)
    if attempt.submitted and viewer.is_teacher and account_store.teacher_teaches(viewer.id, attempt.user_id):
        return Viewed(attempt, owner=False)
    return None
