"""The database side of the bank editor's drafts: one unsaved text per teacher and bank file."""

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


def _draft(row: BankDraft) -> Draft:
    return Draft(row.file_name, row.text, row.base_version, row.saved_at)


def keep_draft(teacher_id: int, file_name: str, text: str, base_version: str, now: datetime) -> None:
    """Keep ``text`` as the teacher's draft of the file, replacing the one kept before."""
    begin_write()
    row = db.session.scalar(
        db.select(BankDraft).where(BankDraft.teacher_id == teacher_id, BankDraft.file_name == file_name)
    )
    if row is None:
        row = BankDraft(teacher_id=teacher_id, file_name=file_name)
        db.session.add(row)
    row.text, row.base_version, row.saved_at = text, base_version, now
    db.session.commit()


def draft_of(teacher_id: int, file_name: str) -> Draft | None:
    row = db.session.scalar(
        db.select(BankDraft).where(BankDraft.teacher_id == teacher_id, BankDraft.file_name == file_name)
    )
    return _draft(row) if row else None


def drafts_of(teacher_id: int) -> list[Draft]:
    """The teacher's drafts, newest first."""
    rows = db.session.scalars(
        db.select(BankDraft).where(BankDraft.teacher_id == teacher_id).order_by(BankDraft.saved_at.desc())
    )
    return [_draft(row) for row in rows]


def discard_draft(teacher_id: int, file_name: str) -> None:
    begin_write()
    db.session.execute(
        delete(BankDraft).where(BankDraft.teacher_id == teacher_id, BankDraft.file_name == file_name)
    )
    db.session.commit()
