"""Who may see and change an attempt: one rule for pages and API.

The owner works on an attempt; a teacher of the owner's class may see it once submitted. To
anyone else it does not exist (not found, not forbidden: ids are not a way to probe).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from quizapp.db import account_store
from quizapp.db.account_store import Account
from quizapp.services import attempts
from quizapp.services.attempts import AttemptState


@dataclass(frozen=True, slots=True)
class Viewed:
    attempt: AttemptState
    owner: bool


def own_attempt(attempt_id: int, user_id: int, now: datetime, responses: bool = True) -> AttemptState | None:
    """The attempt if ``user_id`` took it (an overdue one is closed on the way)."""
    attempt = attempts.get(attempt_id, now, responses)
    return attempt if attempt is not None and attempt.user_id == user_id else None


def viewable_attempt(attempt_id: int, viewer: Account, now: datetime) -> Viewed | None:
    """The attempt for its owner, or, once submitted, for a teacher of the owner's class."""
    attempt = attempts.get(attempt_id, now)
    if attempt is None:
        return None
    if attempt.user_id == viewer.id:
        return Viewed(attempt, owner=True)
    if attempt.submitted and viewer.is_teacher and account_store.teacher_teaches(viewer.id, attempt.user_id):
        return Viewed(attempt, owner=False)
    return None
