"""The bank editor's drafts: a teacher's last unsaved text of each bank file, kept on the server
so that a closed tab, a crash or a lost connection loses nothing.

The editor sends its text after a pause in typing (and a check or a refused save keeps it too);
opening the file again offers the draft back; a successful save of the file deletes it.

A teacher has at most ``MAX_DRAFTS`` (a draft of one more file crowds out their oldest: the
text being typed now is the one a crash would lose, and the editor's script cannot show a
refusal), and a draft older than ``DRAFT_LIFETIME`` is deleted the next time the teacher's
drafts are kept or listed (and no longer offered before that).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from quizapp.db import draft_store
from quizapp.db.draft_store import Draft, DraftEntry
from quizapp.services.bank_files import FILE_NAME

__all__ = [
    "DRAFT_LIFETIME",
    "MAX_DRAFTS",
    "MAX_DRAFT_BYTES",
    "Draft",
    "DraftEntry",
    "discard",
    "drafts_of",
    "keep",
    "offered",
    "same_text",
]

# As much as one request may carry (settings.MAX_CONTENT_LENGTH): a larger text is not kept.
MAX_DRAFT_BYTES = 2 * 1024 * 1024
# Drafts a teacher may have at once (at most 40 MB), and how long one is kept after its last change.
MAX_DRAFTS = 20
DRAFT_LIFETIME = timedelta(days=30)


def _kept_since(now: datetime) -> datetime:
    """The oldest a draft may be (its last change) and still be kept."""
    return now - DRAFT_LIFETIME


def keep(teacher_id: int, file_name: str, text: str, base_version: str, now: datetime) -> bool:
    """Keep ``text`` as the teacher's draft of ``file_name`` (started from the file's
    ``base_version``, "" for a new file); False, and nothing kept, for a text over
    ``MAX_DRAFT_BYTES`` or a name no bank file can have. A draft of one more file than
    ``MAX_DRAFTS`` replaces the teacher's oldest; drafts past ``DRAFT_LIFETIME`` are deleted."""
    if not FILE_NAME.fullmatch(file_name) or len(text.encode("utf-8", "surrogatepass")) > MAX_DRAFT_BYTES:
        return False
    draft_store.keep_draft(teacher_id, file_name, text, base_version[:64], now, _kept_since(now), MAX_DRAFTS)
    return True


def offered(teacher_id: int, file_name: str, current_text: str | None, now: datetime) -> Draft | None:
    """The draft to offer when the teacher opens ``file_name`` (now ``current_text``, None when
    it does not exist): none when there is none (or it is past ``DRAFT_LIFETIME``), or when it
    says what the file says already."""
    draft = draft_store.draft_of(teacher_id, file_name, _kept_since(now))
    if draft is None or same_text(draft.text, current_text):
        return None
    return draft


def same_text(text: str, current: str | None) -> bool:
    """Whether ``text`` (from the editor) says what the file says (``current``; None: there is
    no file). Browsers send CRLF line ends, and the file ends with a newline: neither is a change."""
    if current is None:
        return False
    return text.replace("\r\n", "\n").rstrip("\n") == current.replace("\r\n", "\n").rstrip("\n")


def discard(teacher_id: int, file_name: str) -> None:
    """Forget the teacher's draft of ``file_name`` (after a save, or when they say so)."""
    draft_store.discard_draft(teacher_id, file_name)


def drafts_of(teacher_id: int, now: datetime) -> list[DraftEntry]:
    """The teacher's drafts, newest first, by file and time only (the banks page lists those of
    files not saved yet); those past ``DRAFT_LIFETIME`` are deleted."""
    return draft_store.drafts_of(teacher_id, _kept_since(now))
