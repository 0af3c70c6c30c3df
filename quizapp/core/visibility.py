"""Which banks a student may see, and whether they may study them: one rule.

A teacher decides it with three things: whether the bank is published (a hidden bank is shown to
no student, its file stays), whether it is open practice for every student, and which of the
student's classes it is assigned to. A bank that is neither open practice nor assigned to any
class of the student's does not exist for them: not on a page, not in the API, not in
flashcards or learn mode. Before an assignment opens, the student sees when it opens, nothing
else; once it is open, they may study the bank (practice, flashcards, learn mode) unless the
teacher turned study off for that assignment. Teachers see every bank (the services decide
that by role before asking here).

A bank with nothing for students to take (every question in it a draft not yet reviewed,
``core.Bank.takeable``) is shown to no student either, whatever the teacher set: it is still
being written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Assigned:
    """One assignment of the bank to a class of the student's, as far as visibility needs it."""

    opens_at: datetime | None  # the student's own (an accommodation may move it)
    study: bool  # the teacher lets the class study the bank


@dataclass(frozen=True, slots=True)
class BankAccess:
    visible: bool  # the bank exists for the student: its page, its title, its assignments
    opened: bool  # and its contents: description, source text, tests whose window is open
    study: bool  # practice, flashcards and learn mode of it


NONE = BankAccess(visible=False, opened=False, study=False)
EVERYTHING = BankAccess(visible=True, opened=True, study=True)


def bank_access(
    published: bool,
    open_practice: bool,
    assigned: Sequence[Assigned],
    now: datetime,
    *,
    takeable: bool = True,
) -> BankAccess:
    """What a student may do with a bank at ``now``; ``takeable``: whether it has a question that
    is no draft (a retired bank, whose attempts still show, counts as takeable)."""
    if not published or not takeable:
        return NONE
    if open_practice:
        return EVERYTHING
    if not assigned:
        return NONE
    opened = [each for each in assigned if each.opens_at is None or now >= each.opens_at]
    return BankAccess(visible=True, opened=bool(opened), study=any(each.study for each in opened))
