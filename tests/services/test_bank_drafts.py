"""The bank editor's drafts are bounded (issue 17's security review, F1): at most
``MAX_DRAFTS`` per teacher (one more file crowds out their oldest), none kept past
``DRAFT_LIFETIME``, and the list of them never loads their text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func

from quizapp.db.base import db
from quizapp.db.models import BankDraft
from quizapp.services import bank_drafts
from quizapp.services.bank_drafts import DRAFT_LIFETIME, MAX_DRAFTS
from tests.helpers.web import counted_queries

START = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)


def names(teacher_id: int, now: datetime) -> list[str]:
    return [draft.file_name for draft in bank_drafts.drafts_of(teacher_id, now)]


def stored(teacher_id: int) -> int:
    return db.session.scalar(
        db.select(func.count()).select_from(BankDraft).where(BankDraft.teacher_id == teacher_id)
    )


def test_a_draft_of_one_file_more_than_the_cap_replaces_the_teachers_oldest(app, people):
    with app.app_context():
        for number in range(MAX_DRAFTS):
            assert bank_drafts.keep(
                people.teacher, f"b{number:02}.yaml", "x", "", START + timedelta(minutes=number)
            )
        bank_drafts.keep(people.other_teacher, "otto.yaml", "x", "", START)
        later = START + timedelta(hours=1)
        assert bank_drafts.keep(people.teacher, "b05.yaml", "changed", "", later)  # a file kept already
        assert stored(people.teacher) == MAX_DRAFTS and "b00.yaml" in names(people.teacher, later)

        assert bank_drafts.keep(people.teacher, "new.yaml", "x", "", later + timedelta(minutes=1))
        kept = names(people.teacher, later)
        assert stored(people.teacher) == MAX_DRAFTS and "b00.yaml" not in kept  # the oldest went
        assert kept[:2] == ["new.yaml", "b05.yaml"] and "b01.yaml" in kept
        assert bank_drafts.offered(people.teacher, "b05.yaml", None, later).text == "changed"
        assert names(people.other_teacher, later) == ["otto.yaml"]  # another teacher's stay


def test_a_draft_past_its_lifetime_is_not_offered_and_deleted_when_the_drafts_are_next_touched(app, people):
    with app.app_context():
        bank_drafts.keep(people.teacher, "old.yaml", "old", "", START)
        bank_drafts.keep(people.other_teacher, "old.yaml", "old", "", START)
        last_day = START + DRAFT_LIFETIME
        assert bank_drafts.offered(people.teacher, "old.yaml", None, last_day).text == "old"
        assert names(people.teacher, last_day) == ["old.yaml"]

        past = last_day + timedelta(seconds=1)
        assert bank_drafts.offered(people.teacher, "old.yaml", None, past) is None
        assert stored(people.teacher) == 1  # only looked at so far
        assert names(people.teacher, past) == [] and stored(people.teacher) == 0  # the list deletes it

        bank_drafts.keep(people.other_teacher, "new.yaml", "new", "", past)  # so does keeping another
        assert stored(people.other_teacher) == 1 and names(people.other_teacher, past) == ["new.yaml"]


def test_the_list_of_drafts_reads_their_names_and_times_not_their_text(app, people):
    with app.app_context():
        bank_drafts.keep(people.teacher, "big.yaml", "y" * 1000, "v1", START)
        with counted_queries(app) as statements:
            (entry,) = bank_drafts.drafts_of(people.teacher, START)
        assert (entry.file_name, entry.saved_at) == ("big.yaml", START)
        assert not hasattr(entry, "text")
        assert statements and not any("bank_drafts.text" in statement for statement in statements)
