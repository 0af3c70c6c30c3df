"""Whose flashcards count (``services.study``): a bank the student may study whose cards' answers
the disclosure rule shows. One rule for the API's due cards and progress and the progress page
(it was written in each of them), and the one bank asked of it by the study pages and the API."""

from __future__ import annotations

from datetime import UTC, datetime

from quizapp.core.attempts import AttemptMode
from quizapp.core.disclosure import Withheld
from quizapp.db import account_store
from quizapp.services import assignments, attempts, bank_library, study
from quizapp.services.bank_library import BankNotFound
from tests.helpers.assignments import BANK, replace_assignments
from tests.helpers.banks import PROBE_BANK


def _counted(app, username: str) -> tuple[set[str], dict[str, Withheld | str | None]]:
    """The banks ``flashcard_banks`` counts, and what ``open_to_study`` says of each visible one
    (None: open; "not found": not the student's to study)."""
    now = datetime.now(UTC)
    with app.app_context():
        account = account_store.account_by_username(username)
        visible = assignments.visible_banks(account, now)
        counted = {bank.slug for bank in study.flashcard_banks(account, visible, now)}
        one: dict[str, Withheld | str | None] = {}
        for bank, _ in visible:
            try:
                _, shown = study.open_to_study(account, bank.slug, now)
            except BankNotFound:
                one[bank.slug] = "not found"
            else:
                one[bank.slug] = None if shown.answers else shown.withheld
        return counted, one


def test_cards_count_where_the_student_may_study_and_the_answers_are_shown(app, people, with_probe):
    counted, one = _counted(app, "sam")
    assert counted == {BANK}
    assert one == {BANK: None, PROBE_BANK: Withheld.BANK_SETTING}


def test_no_cards_where_study_is_off(app, people, with_probe):
    replace_assignments(app, people, study=False)
    counted, one = _counted(app, "sam")
    assert counted == set()
    assert one[BANK] == "not found"


def test_no_cards_while_a_test_of_the_bank_is_in_progress(app, people, with_probe):
    with app.app_context():
        bank = bank_library.bank(BANK)
        started = assignments.start_test(account_store.account_by_username("sam"), bank, datetime.now(UTC), 3)
        assert started.attempt.mode is AttemptMode.TEST
        assert attempts.open_attempt(people.student, BANK, datetime.now(UTC)) is not None
    counted, one = _counted(app, "sam")
    assert counted == set()
    assert one[BANK] is Withheld.TEST_IN_PROGRESS
    assert _counted(app, "sara")[0] == {BANK}  # her classmate's test is not hers


def test_a_teacher_counts_every_bank_with_flashcards_or_not(app, people, with_probe):
    counted, one = _counted(app, "tina")
    assert counted == {BANK, PROBE_BANK}
    assert set(one.values()) == {None}
