"""The database side of banks: mirror the loaded files into rows, and read summaries back.

This module owns ``db.session`` for banks and questions; views and commands call it with and
get back core objects or plain summaries, never rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from enum import Enum

from sqlalchemy import func

from . import core
from .core.model import QuestionType
from .core.serialization import question_from_dict, question_to_dict
from .database import lock_for_bank_sync
from .extensions import db
from .models import Bank, Question, QuestionVersion


@dataclass(frozen=True, slots=True)
class BankSummary:
    slug: str
    title: str
    description: str
    source_title: str
    source_publisher: str
    card_count: int
    counts: dict[QuestionType, int]

    @property
    def question_count(self) -> int:
        return sum(self.counts.values())


@dataclass(slots=True)
class SyncResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)


def sync_banks(banks: Sequence[core.Bank]) -> SyncResult:
    """Make the rows match ``banks`` (the banks in service); banks not among them retire.

    Idempotent and serialized across processes, so every worker of every host may call it.
    """
    result = SyncResult()
    lock_for_bank_sync()
    rows = {row.slug: row for row in db.session.scalars(db.select(Bank))}
    for bank in banks:
        row = rows.get(bank.id)
        if row is not None and row.active and row.content_hash == bank.content_hash:
            result.unchanged.append(bank.id)
            continue
        if row is None:
            row = Bank(slug=bank.id)
            db.session.add(row)
            result.created.append(bank.id)
        else:
            result.updated.append(bank.id)
        _copy_bank(bank, row)
        _sync_questions(bank, row)
    served = {bank.id for bank in banks}
    for slug, row in rows.items():
        if slug not in served and row.active:
            row.active = False
            result.retired.append(slug)
    db.session.commit()
    return result


def serving_files() -> dict[str, str]:
    """The file each bank in service was last synced from, by bank id."""
    rows = db.session.execute(db.select(Bank.slug, Bank.file_path).where(Bank.active))
    return {slug: file_path for slug, file_path in rows}


def _copy_bank(bank: core.Bank, row: Bank) -> None:
    row.title = bank.title
    row.description = bank.description
    row.source_title = bank.source.title if bank.source else ""
    row.source_publisher = bank.source.publisher if bank.source else ""
    row.file_path = bank.path
    row.content_hash = bank.content_hash
    row.settings = {
        key: (value.value if isinstance(value, Enum) else value)
        for key, value in asdict(bank.settings).items()
    }
    row.card_count = len(bank.cards)
    row.active = True


def _sync_questions(bank: core.Bank, row: Bank) -> None:
    existing = {question.key: question for question in row.questions} if row.id else {}
    for position, question in enumerate(bank.questions):
        question_row = existing.pop(question.id, None)
        if question_row is None:
            question_row = Question(key=question.id)
            row.questions.append(question_row)
        question_row.type = question.type.value
        question_row.position = position
        question_row.content_hash = question.content_hash
        question_row.active = True
    for retired in existing.values():
        retired.active = False
    db.session.flush()
    ids = {question.key: question.id for question in row.questions}
    known = set(
        db.session.execute(
            db.select(QuestionVersion.question_id, QuestionVersion.content_hash).where(
                QuestionVersion.question_id.in_(ids.values())
            )
        )
    )
    for question in bank.questions:
        key = (ids[question.id], question.content_hash)
        if key not in known:
            db.session.add(
                QuestionVersion(
                    question_id=key[0], content_hash=key[1], definition=question_to_dict(question)
                )
            )


def list_banks() -> list[BankSummary]:
    """The banks in service with their question counts by type (two queries in all)."""
    banks = db.session.scalars(db.select(Bank).where(Bank.active).order_by(Bank.title)).all()
    counts: dict[int, dict[QuestionType, int]] = {bank.id: {} for bank in banks}
    rows = db.session.execute(
        db.select(Question.bank_id, Question.type, func.count())
        .join(Bank)
        .where(Bank.active, Question.active)
        .group_by(Question.bank_id, Question.type)
    )
    for bank_id, type_name, count in rows:
        counts[bank_id][QuestionType(type_name)] = count
    return [
        BankSummary(
            slug=bank.slug,
            title=bank.title,
            description=bank.description,
            source_title=bank.source_title,
            source_publisher=bank.source_publisher,
            card_count=bank.card_count,
            counts={t: counts[bank.id][t] for t in QuestionType if t in counts[bank.id]},
        )
        for bank in banks
    ]


def question_version(bank_slug: str, question_key: str, content_hash: str) -> core.Question | None:
    """A question exactly as it was in the version named by ``content_hash``."""
    definition = db.session.scalar(
        db.select(QuestionVersion.definition)
        .join(Question)
        .join(Bank)
        .where(
            Bank.slug == bank_slug,
            Question.key == question_key,
            QuestionVersion.content_hash == content_hash,
        )
    )
    return None if definition is None else question_from_dict(definition)
