"""The database side of the bank editor's drafts: one unsaved text per teacher and bank file,
at most so many per teacher and none older than a limit (``services.bank_drafts`` sets both)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete

from quizapp.db.base import db
from quizapp.db.database import begin_write
from quizapp.db.models import BankDraft


@dataclass(frozen=True, slots=True)
class Draft:
    file_name: str
    text: str
    base_version: str  # the file's version the text started from; "" for a file not saved yet
    saved_at: datetime


@dataclass(frozen=True, slots=True)
class DraftEntry:
    """A draft as the banks page lists it: its file and time, not its text (up to 2 MB each)."""

    file_name: str
    saved_at: datetime


def _draft(row: BankDraft) -> Draft:
    return Draft(row.file_name, row.text, row.base_version, row.saved_at)


def keep_draft(
    teacher_id: int,
    file_name: str,
    text: str,
    base_version: str,
    now: datetime,
    kept_since: datetime,
    most: int,
) -> None:
    """Keep ``text`` as the teacher's draft of the file, replacing the one kept before. On the
    way the teacher's drafts saved before ``kept_since`` are deleted, and, for a new file, their
    oldest ones beyond ``most - 1``, so that with this one they have at most ``most``."""
    begin_write()
    _delete_old_drafts(teacher_id, kept_since)
    row = db.session.scalar(
        db.select(BankDraft).where(BankDraft.teacher_id == teacher_id, BankDraft.file_name == file_name)
    )
    if row is None:
        beyond = (
            db.select(BankDraft.id)
            .where(BankDraft.teacher_id == teacher_id)
            .order_by(BankDraft.saved_at.desc(), BankDraft.id.desc())
            .offset(max(most - 1, 0))
        )
        crowded_out = list(db.session.scalars(beyond))
        if crowded_out:
            db.session.execute(delete(BankDraft).where(BankDraft.id.in_(crowded_out)))
        row = BankDraft(teacher_id=teacher_id, file_name=file_name)
        db.session.add(row)
    row.text, row.base_version, row.saved_at = text, base_version, now
    db.session.commit()


def draft_of(teacher_id: int, file_name: str, kept_since: datetime) -> Draft | None:
    """The teacher's draft of the file, if saved at ``kept_since`` or later."""
    row = db.session.scalar(
        db.select(BankDraft).where(
            BankDraft.teacher_id == teacher_id,
            BankDraft.file_name == file_name,
            BankDraft.saved_at >= kept_since,
        )
    )
    return _draft(row) if row else None


def drafts_of(teacher_id: int, kept_since: datetime) -> list[DraftEntry]:
    """The teacher's drafts, newest first, without their text; those saved before
    ``kept_since`` are deleted (a read first: nothing to delete takes no write lock)."""
    old = db.select(BankDraft.id).where(BankDraft.teacher_id == teacher_id, BankDraft.saved_at < kept_since)
    if db.session.scalar(old.limit(1)) is not None:
        begin_write()
        _delete_old_drafts(teacher_id, kept_since)
        db.session.commit()
    rows = db.session.execute(
        db.select(BankDraft.file_name, BankDraft.saved_at)
        .where(BankDraft.teacher_id == teacher_id)
        .order_by(BankDraft.saved_at.desc())
    )
    return [DraftEntry(file_name, saved_at) for file_name, saved_at in rows]


def _delete_old_drafts(teacher_id: int, kept_since: datetime) -> None:
    db.session.execute(
        delete(BankDraft).where(BankDraft.teacher_id == teacher_id, BankDraft.saved_at < kept_since)
    )


def discard_draft(teacher_id: int, file_name: str) -> None:
    begin_write()
    db.session.execute(
        delete(BankDraft).where(BankDraft.teacher_id == teacher_id, BankDraft.file_name == file_name)
    )
    db.session.commit()
