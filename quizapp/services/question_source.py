"""Questions by content hash: from the banks in memory, else from the stored versions.

An attempt names each of its questions by (id, content hash). Serving them from memory keeps
the question pages fast; a version that is no longer in the files is read once from the
database and kept.
"""

from __future__ import annotations

from collections.abc import Sequence

from quizapp import core
from quizapp.db import bank_store
from quizapp.services.bank_library import find_bank

_OLD_VERSIONS: dict[str, core.Question] = {}
_OLD_VERSIONS_LIMIT = 10_000


def current_bank(bank_slug: str) -> core.Bank | None:
    """The bank an attempt's questions come from, or None once it has retired (``find_bank``)."""
    return find_bank(bank_slug)


def questions_for(bank_slug: str, items: Sequence[Sequence[str]]) -> list[core.Question]:
    """The exact question versions ``items`` ([[id, content hash], ...]) name, in order."""
    bank = current_bank(bank_slug)
    current = {q.content_hash: q for q in bank.questions} if bank else {}
    questions = []
    for key, content_hash in items:
        question = current.get(content_hash) or _OLD_VERSIONS.get(content_hash)
        if question is None:
            question = bank_store.question_version(bank_slug, key, content_hash)
            if question is None:
                raise LookupError(f"question {key} version {content_hash[:12]} of {bank_slug} is missing")
            if len(_OLD_VERSIONS) >= _OLD_VERSIONS_LIMIT:
                _OLD_VERSIONS.clear()
            _OLD_VERSIONS[content_hash] = question
        questions.append(question)
    return questions
