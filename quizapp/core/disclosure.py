"""What a viewer may see of a bank's answers, on every path that can show them: one rule.

Every page, API route and command that can show answer material asks ``disclose`` first:
a correct answer, an explanation or a question's source passage (``answers``), or only which
questions a student got right (``correctness``: feedback marks, retrying the missed questions,
practising the weakest ones, weakest questions on a dashboard). Study modes show answers by
their nature (a flashcard's back, learn mode's feedback), so they are paths here too.

The bank's ``show_answers``:
- ``immediately``: practice shows each answer once it is given; a test, after it is submitted.
- ``after_submit``: an attempt's answers once it is submitted; study modes if the bank allows.
- ``never``: a student sees scores only, never which answers were right, on any path.

An assignment may be stricter than its bank (``stricter``), and has one choice more:
- ``after_due``: a submitted test's answers, and which of them were right, once the student's
  due time has passed (their accommodation's, if it gives them one), so that those who submit
  early cannot pass the answers to classmates still to take it. Before it, the score only. The
  rule takes the time (``now``) and the due time (``AttemptMoment.due_at``) as they are.

And over all of it: while a student has a test of a bank in progress, nothing of that bank's
answers is shown to them anywhere (not an earlier attempt's review, not a flashcard). While a
student may not study a bank (an assignment's study is off), its study paths show nothing, and
nor does a practice round of theirs (its score stays theirs to see): study off is how a teacher
holds answers back, and an earlier round would give them away.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from quizapp.core.attempts import AttemptMode
from quizapp.core.model import AnswerVisibility, QuizSettings


class Path(StrEnum):
    """The ways a bank's answer material reaches a viewer."""

    ATTEMPT = "attempt"  # a question of an attempt (practice feedback) or its results
    SOURCE = "source"  # the source text with one question's passage marked
    FLASHCARDS = "flashcards"  # flashcard backs: the study pages and the API's due cards
    LEARN = "learn"  # learn mode: each answer right after it is given
    RETRY = "retry"  # practice again exactly the questions an attempt missed
    PRACTICE_WEAKEST = "practice-weakest"  # practice the questions a student misses most
    PROGRESS = "progress"  # a dashboard's weakest questions and accuracy by topic


class Withheld(StrEnum):
    """Why something is not shown, so a page can say it (or keep quiet about it)."""

    NOTHING = ""  # shown
    NOT_YET = "not_yet"  # due later: after the answer, or after submitting
    BANK_SETTING = "bank_setting"  # the bank never shows it to students
    UNTIL_DUE = "until_due"  # shown once the class's last due time has passed (``Disclosure.until``)
    TEST_IN_PROGRESS = "test_in_progress"  # the viewer has a test of this bank open
    STUDY_OFF = "study_off"  # the viewer may not study this bank now: practice rounds show nothing


@dataclass(frozen=True, slots=True)
class Disclosure:
    """What a viewer may see at a given moment, and if not everything, why not."""

    correctness: bool  # right or wrong, per question
    answers: bool  # the correct answer, the explanation and the source passage
    withheld: Withheld = Withheld.NOTHING
    until: datetime | None = None  # UNTIL_DUE: the due time from which it is shown


EVERYTHING = Disclosure(True, True)
CORRECTNESS_ONLY = Disclosure(True, False)


def _nothing(why: Withheld, until: datetime | None = None) -> Disclosure:
    return Disclosure(False, False, why, until)


@dataclass(frozen=True, slots=True)
class Viewer:
    """Who looks at a bank, whether they have a test of it in progress, and whether they may
    study it now (``core.visibility.BankAccess.study``; teachers always may)."""

    teacher: bool
    test_in_progress: bool = False
    studies: bool = True


@dataclass(frozen=True, slots=True)
class AttemptMoment:
    """Where an attempt stands, for the ATTEMPT and SOURCE paths."""

    mode: AttemptMode
    submitted: bool
    answered: bool  # the question in view has an answer
    owner: bool = True  # False: a teacher of the owner's class (who may see it is decided elsewhere)
    due_at: datetime | None = None  # the last due time of an after_due assignment's class, if any
    # After it, the grace in which answers sent at a deadline still count: the answers wait for it.
    grace: timedelta = timedelta(0)


def disclose(
    path: Path,
    settings: QuizSettings,
    viewer: Viewer,
    attempt: AttemptMoment | None = None,
    now: datetime | None = None,
) -> Disclosure:
    """What ``viewer`` may see of a bank's answers on ``path`` at ``now``.

    Teachers see everything, except inside an attempt of their own: there they see what a
    student would, to try a quiz as the class will. ``attempt`` is required for ATTEMPT, and
    for a student's SOURCE (a question's passage is shown once an attempt has its answer due).
    Settings that show answers ``after_due`` (an attempt's, under its assignment) need the
    attempt, with its due time, and ``now`` on every path: they tell of that attempt.
    """
    if path is Path.ATTEMPT and attempt is not None and not attempt.owner:
        return EVERYTHING
    if viewer.teacher and path is not Path.ATTEMPT:
        return EVERYTHING
    if path in (Path.ATTEMPT, Path.SOURCE) and attempt is None:
        raise ValueError(f"the {path} path needs the attempt's moment")
    if settings.show_answers is AnswerVisibility.NEVER:
        return _nothing(Withheld.BANK_SETTING)
    if viewer.test_in_progress:
        return _nothing(Withheld.TEST_IN_PROGRESS)
    if not viewer.studies and _studying(path, attempt):
        return _nothing(Withheld.STUDY_OFF)
    if settings.show_answers is AnswerVisibility.AFTER_DUE:
        if attempt is None or now is None:
            raise ValueError("answers after the due time need the attempt's moment and the time")
        if attempt.due_at is None:  # no due time to wait for (a due time is required): never
            return _nothing(Withheld.BANK_SETTING)
        if now < attempt.due_at + attempt.grace:
            return _nothing(Withheld.UNTIL_DUE if attempt.submitted else Withheld.NOT_YET, attempt.due_at)
    match path:
        case Path.ATTEMPT | Path.SOURCE:
            assert attempt is not None
            due = attempt.submitted or (
                settings.show_answers is AnswerVisibility.IMMEDIATELY
                and attempt.mode is AttemptMode.PRACTICE
                and attempt.answered
            )
            return EVERYTHING if due else _nothing(Withheld.NOT_YET)
        case Path.FLASHCARDS | Path.LEARN:
            return EVERYTHING if settings.flashcards else _nothing(Withheld.BANK_SETTING)
        case Path.RETRY | Path.PRACTICE_WEAKEST | Path.PROGRESS:
            return CORRECTNESS_ONLY
    raise ValueError(f"unknown path {path!r}")


def _studying(path: Path, attempt: AttemptMoment | None) -> bool:
    """Whether the path is one of studying the bank: the study paths, and a practice round's
    answers (its feedback, its results, its source passages). A test's and a live quiz's answers
    are not: a live quiz revealed them to the whole class as it went."""
    if path in (Path.ATTEMPT, Path.SOURCE):
        return attempt is not None and attempt.mode is AttemptMode.PRACTICE
    return path is not Path.PROGRESS


def held_until(visibility: AnswerVisibility, due_at: datetime | None) -> datetime | None:
    """When a submitted test's answers are shown, where they wait for a time: the student's due
    time under ``after_due`` (None: they do not wait for one; they show at the submit, or never)."""
    return due_at if visibility is AnswerVisibility.AFTER_DUE else None


def for_tests(visibility: AnswerVisibility) -> AnswerVisibility:
    """When a test's answers are shown under ``visibility``: a test shows none before it is
    submitted, so a bank's ``immediately`` is ``after_submit`` for its tests."""
    return AnswerVisibility.AFTER_SUBMIT if visibility is AnswerVisibility.IMMEDIATELY else visibility


def kept_when_deleted(
    assigned: AnswerVisibility | None, last_due_at: datetime | None, now: datetime
) -> AnswerVisibility | None:
    """The show answers an assignment's attempts keep when it is deleted (they are no longer
    under it, so no due time reaches them any more). ``after_due`` becomes ``after_submit`` if
    ``last_due_at`` (the latest due time of any of its students: the assignment's, or an
    accommodation's) has passed, so no one is left to take it; otherwise ``never``: the answers
    stay back for good rather than show to someone before their due time. Others stay as set."""
    if assigned is not AnswerVisibility.AFTER_DUE:
        return assigned
    if last_due_at is not None and now >= last_due_at:
        return AnswerVisibility.AFTER_SUBMIT
    return AnswerVisibility.NEVER


@dataclass(frozen=True, slots=True, order=True)
class Release:
    """When a class may first see a bank's answers through one assignment (or practice open to
    every student): at once (``rank`` 0: study, or a test's answers at the submit), from ``at``
    (1: after the due time), or never (2). Ordered: the earlier release first."""

    rank: int
    at: datetime | None = None

    def held_at(self, now: datetime) -> bool:
        """Whether answers are still held back at ``now``."""
        return self.rank == 2 or (self.rank == 1 and self.at is not None and now < self.at)


AT_ONCE = Release(0)


def release_of(shown: AnswerVisibility, study: bool, answers_due: datetime | None) -> Release:
    """When an assignment's class first sees the bank's answers: ``shown`` is its tests'
    visibility (``for_tests``), ``answers_due`` the time ``after_due`` waits for (the class's
    last due time and the grace after it)."""
    if study or shown in (AnswerVisibility.IMMEDIATELY, AnswerVisibility.AFTER_SUBMIT):
        return AT_ONCE
    if shown is AnswerVisibility.AFTER_DUE and answers_due is not None:
        return Release(1, answers_due)
    return Release(2)


def gives_away(one: Release, other: Release, now: datetime) -> bool:
    """Whether two ways into the same answers for the same students undo each other at ``now``:
    the later one still holds them back while the earlier one shows them sooner."""
    return one != other and max(one, other).held_at(now)


_STRICTNESS = (
    AnswerVisibility.IMMEDIATELY,
    AnswerVisibility.AFTER_SUBMIT,
    AnswerVisibility.AFTER_DUE,
    AnswerVisibility.NEVER,
)


def stricter(bank: AnswerVisibility, assigned: AnswerVisibility | None) -> AnswerVisibility:
    """The visibility an assigned test's answers follow: the assignment's where it is stricter
    than the bank's (a teacher may show less than the bank does, never more)."""
    if assigned is None:
        return bank
    return max(bank, assigned, key=_STRICTNESS.index)


def practice_correctness_at_once(settings: QuizSettings) -> bool:
    """Whether a student may know a practice answer is right or wrong as soon as it is given.
    Only then may it enter the flashcard memory at once: the memory feeds the dashboard's weakest
    questions, which would otherwise tell before the round is submitted."""
    moment = AttemptMoment(AttemptMode.PRACTICE, submitted=False, answered=True)
    return disclose(Path.ATTEMPT, settings, Viewer(teacher=False), moment).correctness
