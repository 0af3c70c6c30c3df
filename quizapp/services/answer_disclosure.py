"""The disclosure rule (core/disclosure.py) asked with the facts of the moment.

Pages and the API ask here before they show answer material; this module only gathers what
the rule needs (is a test of the bank in progress, whose attempt is it) and asks the rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from quizapp import core
from quizapp.core import disclosure as rule
from quizapp.core.attempts import AttemptMode, AttemptStatus
from quizapp.core.disclosure import AttemptMoment, Disclosure, Path, Viewer, held_until, stricter
from quizapp.db.account_store import Account
from quizapp.services import assignments
from quizapp.services import attempts as attempt_service
from quizapp.services.attempt_access import Viewed
from quizapp.services.attempts import AttemptState

# A bank whose file is gone or broken (its attempts' questions are still in the database):
# its settings are unknown, so a student is shown what a `never` bank shows, nothing more.
NOT_IN_SERVICE = core.QuizSettings(show_answers=core.AnswerVisibility.NEVER, flashcards=False)


def test_in_progress(user_id: int, bank_slug: str, now: datetime) -> bool:
    """Whether the user has a test of this bank open (an overdue one is closed on the way)."""
    attempt = attempt_service.open_attempt(user_id, bank_slug, now)
    return attempt is not None and attempt.mode is AttemptMode.TEST


def tests_in_progress(attempts: Iterable[AttemptState]) -> frozenset[str]:
    """The banks of which these attempts (one user's) have a test open."""
    return frozenset(
        a.bank_slug for a in attempts if a.status is AttemptStatus.IN_PROGRESS and a.mode is AttemptMode.TEST
    )


def for_bank(
    path: Path,
    account: Account,
    bank: core.Bank,
    now: datetime,
    open_tests: frozenset[str] | None = None,
    of_attempt: AttemptState | None = None,
    studies: bool = True,
) -> Disclosure:
    """What ``account`` may see of ``bank``'s answers on a path that is not one attempt's.

    ``open_tests`` (from ``tests_in_progress``) saves a query where the attempts are at hand.
    ``of_attempt``: the path tells of that attempt's answers (retrying what it missed), so its
    settings count (``settings_of``: its assignment's, where stricter). ``studies``: whether the
    account may study the bank now (``Viewed.studies``; the study pages ask it before they come here).
    """
    if account.is_teacher:
        testing = False
    elif open_tests is not None:
        testing = bank.slug in open_tests
    else:
        testing = test_in_progress(account.id, bank.slug, now)
    viewer = Viewer(account.is_teacher, testing, studies)
    if of_attempt is None:
        return rule.disclose(path, bank.settings, viewer)
    return rule.disclose(path, settings_of(of_attempt, bank), viewer, moment_of(of_attempt, True), now)


def for_attempt(viewed: Viewed, bank: core.Bank | None, question_answered: bool, now: datetime) -> Disclosure:
    """What the viewer of an attempt may see of one of its questions (or of its results).

    An attempt in progress is its owner's only open attempt of the bank (start_attempt keeps it
    so), so whether a test is open needs no query then: it is this attempt, if it is a test.
    """
    attempt = viewed.attempt
    settings = settings_of(attempt, bank)
    moment = moment_of(attempt, question_answered, viewed.owner)
    if not viewed.owner:
        return rule.disclose(Path.ATTEMPT, settings, Viewer(teacher=True), moment, now)
    if attempt.status is AttemptStatus.IN_PROGRESS:
        test_open = attempt.mode is AttemptMode.TEST
    else:
        test_open = test_in_progress(attempt.user_id, attempt.bank_slug, now)
    viewer = Viewer(teacher=False, test_in_progress=test_open, studies=viewed.studies)
    return rule.disclose(Path.ATTEMPT, settings, viewer, moment, now)


def once_submitted(viewed: Viewed, bank: core.Bank | None, now: datetime) -> Disclosure:
    """What the rule will show the attempt's owner of its answers once it is submitted, as it
    stands at ``now``: a saved answer's page says when its right answer will be shown (at the
    finish; after the due time, ``Disclosure.until``; or never). An open attempt is its
    owner's only one of the bank, so no other test is open then."""
    moment = replace(moment_of(viewed.attempt, True), submitted=True)
    viewer = Viewer(teacher=False, studies=viewed.studies)
    return rule.disclose(Path.ATTEMPT, settings_of(viewed.attempt, bank), viewer, moment, now)


def moment_of(attempt: AttemptState, question_answered: bool, owner: bool = True) -> AttemptMoment:
    """Where the attempt stands, for the rule: with the last due time of its assignment's class
    (read with the attempt), which ``after_due`` answers wait for, and the grace after it in
    which answers sent at a deadline still count."""
    return AttemptMoment(
        attempt.mode,
        attempt.submitted,
        question_answered,
        owner,
        attempt.answers_due_at,
        attempt_service.grace(),
    )


def held_back(attempt: AttemptState, now: datetime) -> bool:
    """Whether the attempt's assignment keeps from its student, at ``now``, which of its answers
    were right (never; or after the due time, before it), whatever its bank shows: a dashboard
    leaves such a test out of its accuracy. The bank's own setting is the caller's to ask."""
    if attempt.assigned_show_answers is None:
        return False
    settings = core.QuizSettings(show_answers=attempt.assigned_show_answers)
    shown = rule.disclose(Path.PROGRESS, settings, Viewer(teacher=False), moment_of(attempt, True), now)
    return not shown.correctness


def settings_of(attempt: AttemptState, bank: core.Bank | None) -> core.QuizSettings:
    """The settings an attempt's answers follow: its bank's, made stricter by its assignment."""
    if bank is None:
        return NOT_IN_SERVICE
    return replace(
        bank.settings, show_answers=stricter(bank.settings.show_answers, attempt.assigned_show_answers)
    )


def answers_held_until(attempt: AttemptState, bank: core.Bank | None) -> datetime | None:
    """When the attempt's answers show once it is submitted, if they wait for the student's due
    time (``after_due``); None if they show at the submit, or never."""
    return held_until(settings_of(attempt, bank).show_answers, attempt.answers_due_at)


def source_passage_shown(account: Account, bank: core.Bank, question_id: str, now: datetime) -> bool:
    """Whether the source page may mark where a question's answer is: once an attempt of the
    viewer's has that answer due (teachers: always)."""
    if account.is_teacher:
        return rule.disclose(Path.SOURCE, bank.settings, Viewer(teacher=True)).answers
    attempts = attempt_service.attempts_of(account.id, now, bank.slug)
    studies = assignments.access(account, bank.slug, now).study  # else practice rounds mark nothing
    viewer = Viewer(teacher=False, test_in_progress=bank.slug in tests_in_progress(attempts), studies=studies)
    return any(
        rule.disclose(Path.SOURCE, settings_of(a, bank), viewer, moment_of(a, True), now).answers
        for a in attempts
        if question_id in a.responses
    )
