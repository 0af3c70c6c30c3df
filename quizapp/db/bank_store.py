"""The database side of banks: mirror the loaded files into rows, and read summaries back.

This module owns ``db.session`` for banks and questions; views and commands call it with and
get back core objects or plain summaries, never rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any

from sqlalchemy import bindparam, func

from quizapp import core
from quizapp.core.question_types import question_types
from quizapp.core.serialization import question_from_dict, question_to_dict
from quizapp.db.base import db
from quizapp.db.database import lock_for_bank_sync
from quizapp.db.models import Bank, Question, QuestionVersion, utcnow


@dataclass(frozen=True, slots=True)
class BankSummary:
    slug: str
    title: str
    description: str
    source_title: str
    source_publisher: str
    card_count: int
    counts: dict[str, int]  # by question type name, in the registry's order
    published: bool = True  # shown to students at all (a teacher may hide it)
    open_practice: bool = False  # every student may study it

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
    What can be worked out from a read (which banks changed, their questions' rows and new
    versions as JSON) is, before the write lock; under it, the rows are read again and written
    in a few bulk statements, so even a large bank holds the lock briefly.
    """
    result = SyncResult()
    seen = {row.slug: (row.active, row.content_hash) for row in db.session.execute(_BANK_STATES)}
    served = {bank.slug for bank in banks}
    changed = [bank for bank in banks if seen.get(bank.slug) != (True, bank.content_hash)]
    if not changed and not any(active and slug not in served for slug, (active, _) in seen.items()):
        result.unchanged.extend(bank.slug for bank in banks)
        return result  # the usual case (every worker checks now and then): no lock taken
    definitions = {bank.slug: _new_definitions(bank) for bank in changed}
    lock_for_bank_sync()
    rows = {row.slug: row for row in db.session.scalars(db.select(Bank))}
    for bank in banks:
        row = rows.get(bank.slug)
        if row is not None and row.active and row.content_hash == bank.content_hash:
            result.unchanged.append(bank.slug)
            continue
        if row is None:
            row = Bank(slug=bank.slug)
            db.session.add(row)
            result.created.append(bank.slug)
        else:
            result.updated.append(bank.slug)
        _copy_bank(bank, row)
        db.session.flush()
        _sync_questions(bank, row.id, definitions.get(bank.slug, {}))
    for slug, row in rows.items():
        if slug not in served and row.active:
            row.active = False
            result.retired.append(slug)
    db.session.commit()
    return result


def serving_files() -> dict[str, str]:
    """The file each bank in service was last synced from, by bank slug."""
    rows = db.session.execute(db.select(Bank.slug, Bank.file_path).where(Bank.active))
    return {slug: file_path for slug, file_path in rows}


_BANK_STATES = db.select(Bank.slug, Bank.active, Bank.content_hash)
_QUESTIONS = Question.__table__
_VERSIONS = QuestionVersion.__table__


def _known_versions(bank_id: int | None = None, slug: str | None = None) -> set[tuple[str, str]]:
    """(question key, content hash) of every stored version of the bank's questions."""
    query = db.select(Question.key, QuestionVersion.content_hash).join(
        QuestionVersion, QuestionVersion.question_id == Question.id
    )
    if bank_id is not None:
        query = query.where(Question.bank_id == bank_id)
    else:
        query = query.join(Bank, Bank.id == Question.bank_id).where(Bank.slug == slug)
    return {(key, content_hash) for key, content_hash in db.session.execute(query)}


def _new_definitions(bank: core.Bank) -> dict[tuple[str, str], dict[str, Any]]:
    """The JSON of the bank's question versions that the database does not have yet."""
    known = _known_versions(slug=bank.slug)
    new = [q for q in bank.questions if (q.id, q.content_hash) not in known]
    return {(q.id, q.content_hash): question_to_dict(q) for q in new}


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


def _sync_questions(
    bank: core.Bank, bank_id: int, definitions: dict[tuple[str, str], dict[str, Any]]
) -> None:
    """The bank's question rows and versions, in bulk: new rows inserted, changed ones updated,
    missing ones retired (never deleted: attempts point at them), new versions added."""
    existing = {
        row.key: row
        for row in db.session.execute(
            db.select(_QUESTIONS.c.id, _QUESTIONS.c.key, _QUESTIONS.c.type, _QUESTIONS.c.position)
            .add_columns(_QUESTIONS.c.content_hash, _QUESTIONS.c.active)
            .where(_QUESTIONS.c.bank_id == bank_id)
        )
    }
    inserts, updates = [], []
    for position, question in enumerate(bank.questions):
        wanted = (str(question.type), position, question.content_hash, True)
        row = existing.pop(question.id, None)
        if row is None:
            inserts.append({"bank_id": bank_id, "key": question.id, "type": wanted[0], "position": position})
            inserts[-1].update(content_hash=question.content_hash, active=True)
        elif (row.type, row.position, row.content_hash, row.active) != wanted:
            updates.append({"row_id": row.id, "type": wanted[0], "position": position})
            updates[-1].update(content_hash=question.content_hash, active=True)
    if inserts:
        db.session.execute(_QUESTIONS.insert(), inserts)
    if updates:
        db.session.execute(
            _QUESTIONS.update()
            .where(_QUESTIONS.c.id == bindparam("row_id"))
            .values(
                type=bindparam("type"),
                position=bindparam("position"),
                content_hash=bindparam("content_hash"),
                active=bindparam("active"),
            ),
            updates,
        )
    retired = [row.id for row in existing.values() if row.active]
    if retired:
        db.session.execute(_QUESTIONS.update().where(_QUESTIONS.c.id.in_(retired)).values(active=False))
    known = _known_versions(bank_id=bank_id)
    ids_of_bank = db.select(_QUESTIONS.c.key, _QUESTIONS.c.id).where(_QUESTIONS.c.bank_id == bank_id)
    ids = {key: question_id for key, question_id in db.session.execute(ids_of_bank)}
    now = utcnow()
    versions = [
        {
            "question_id": ids[q.id],
            "content_hash": q.content_hash,
            "definition": definitions.get((q.id, q.content_hash)) or question_to_dict(q),
            "created_at": now,
        }
        for q in bank.questions
        if (q.id, q.content_hash) not in known
    ]
    if versions:
        db.session.execute(_VERSIONS.insert(), versions)


def list_banks() -> list[BankSummary]:
    """The banks in service with their question counts by type (two queries in all)."""
    banks = db.session.scalars(db.select(Bank).where(Bank.active).order_by(Bank.title)).all()
    counts: dict[int, dict[str, int]] = {bank.id: {} for bank in banks}
    rows = db.session.execute(
        db.select(Question.bank_id, Question.type, func.count())
        .join(Bank)
        .where(Bank.active, Question.active)
        .group_by(Question.bank_id, Question.type)
    )
    for bank_id, type_name, count in rows:
        counts[bank_id][type_name] = count
    names = [kind.name for kind in question_types()]
    return [
        BankSummary(
            slug=bank.slug,
            title=bank.title,
            description=bank.description,
            source_title=bank.source_title,
            source_publisher=bank.source_publisher,
            card_count=bank.card_count,
            counts={name: counts[bank.id][name] for name in names if name in counts[bank.id]},
            published=bank.published,
            open_practice=bank.open_practice,
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
