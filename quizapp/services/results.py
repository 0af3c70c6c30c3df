"""What results pages show: per-question reviews and per-quiz summaries, from core scores; and
what a student sees on the way: how far through a round they are, each saved answer before a
test's submit, and after a round what it came to beside their last one, and what to study next."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction
from typing import Any

from quizapp import core
from quizapp.core.answer_key import (
    answer_lines,
    answer_text,
    response_feedback,
    response_lines,
    response_text,
)
from quizapp.core.attempts import AttemptMode, AttemptStatus, is_test_score
from quizapp.core.checkers import Check
from quizapp.core.learn import LearnSession
from quizapp.core.passages import Passage, find_passages
from quizapp.core.question_types import present, question_type
from quizapp.core.scoring import points_earned, stored_check
from quizapp.services import answer_disclosure
from quizapp.services.attempt_access import Viewed
from quizapp.services.attempts import AttemptState, attempts_of, questions_of, score_of


@dataclass(frozen=True, slots=True)
class QuestionReview:
    question: core.Question
    response_text: str
    check: Check | None  # None: not answered
    answer_text: str
    passages: tuple[Passage, ...]  # the paragraphs the question quotes, its quotes marked
    answer_lines: tuple[str, ...] = ()
    response_lines: tuple[str, ...] = ()
    response_feedback: tuple[str, ...] = ()  # the teacher's words on the response (core answer_key)

    @property
    def points(self) -> Fraction:
        return points_earned(self.check, self.question) if self.check else Fraction(0)

    @property
    def missed(self) -> bool:
        """Not fully right (wrong, partly right or not answered): what a retry asks again."""
        return self.check is None or not self.check.correct


def attempt_review(question: core.Question, response: Any, bank: core.Bank | None) -> QuestionReview:
    result = stored_check(question, response) if response is not None else None  # None: not answered
    passages = find_passages(bank.source_text, question.source_quotes) if bank and bank.source_text else ()
    return QuestionReview(
        question,
        response_text(question, response),
        result,
        answer_text(question),
        passages,
        tuple(answer_lines(question)),
        tuple(response_lines(question, response)),
        response_feedback(question, response),
    )


@dataclass(frozen=True, slots=True)
class QuizSummary:
    """One student's record at one quiz: the student's quiz page, the API's progress and the
    teacher's class results read it alike. Tests make the scores; practice rounds and live
    quizzes (docs/live.md: not tests) are counted beside them."""

    bank: core.Bank
    open_attempt: AttemptState | None
    test_attempts: tuple[AttemptState, ...]  # submitted tests, newest first
    test_percents: tuple[Fraction, ...]  # theirs, in that order
    practices: int  # submitted practice rounds
    live: int  # live quizzes taken (attempts of mode live)

    @property
    def tests(self) -> int:
        return len(self.test_attempts)

    @property
    def best_percent(self) -> Fraction | None:
        return max(self.test_percents) if self.test_percents else None

    @property
    def last_percent(self) -> Fraction | None:
        return self.test_percents[0] if self.test_percents else None

    @property
    def last_attempt(self) -> AttemptState | None:
        return self.test_attempts[0] if self.test_attempts else None


def quiz_summary(bank: core.Bank, attempts: Sequence[AttemptState]) -> QuizSummary:
    """A student's record at ``bank`` from their attempts (newest first; others' banks ignored)."""
    mine = [a for a in attempts if a.bank_slug == bank.slug]
    submitted = [a for a in mine if a.submitted]
    tests = tuple(a for a in submitted if is_test_score(a.mode, a.submitted))
    return QuizSummary(
        bank=bank,
        open_attempt=next((a for a in mine if a.status is AttemptStatus.IN_PROGRESS), None),
        test_attempts=tests,
        test_percents=tuple(score_of(a).percent for a in tests),
        practices=sum(1 for a in submitted if a.mode is AttemptMode.PRACTICE),
        live=sum(1 for a in submitted if a.mode is AttemptMode.LIVE),
    )


def quiz_summaries(banks: Sequence[core.Bank], attempts: Sequence[AttemptState]) -> list[QuizSummary]:
    """Per bank: the open attempt, and best and last test score (``attempts`` newest first)."""
    return [quiz_summary(bank, attempts) for bank in banks]


# --- On the way through a round -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a student is through a practice round, a test or a learn session (the bar above
    each question)."""

    answered: int
    total: int
    right: int | None  # None where which answers are right is not shown yet (a test): no hint of it


def attempt_progress(attempt: AttemptState, correctness_shown: bool) -> Progress:
    """Answered of asked; right so far only where the disclosure rule shows the student which of
    their answers were right (``correctness_shown``: practice with feedback at once)."""
    questions = questions_of(attempt)
    answered = [question for question in questions if question.id in attempt.responses]
    right = None
    if correctness_shown:
        right = sum(1 for q in answered if stored_check(q, attempt.responses[q.id]).correct)
    return Progress(len(answered), len(questions), right)


def learn_progress(session: LearnSession, total: int) -> Progress:
    """A learn session: questions asked at least once, and those answered right (learned)."""
    return Progress(len(session.tries), total, len(session.learned))


@dataclass(frozen=True, slots=True)
class SavedAnswer:
    """One line of a test's review page before the submit: the question and the student's own
    answer in the words of the question ("" if none), nothing of the key."""

    number: int
    question: core.Question
    text: str
    note: str = ""  # the type's neutral note on it (one match chosen for two items), as at the answer

    @property
    def answered(self) -> bool:
        return bool(self.text)


def saved_answers(attempt: AttemptState) -> list[SavedAnswer]:
    return [
        SavedAnswer(
            number, question, response_text(question, response), _note(question, response, attempt.seed)
        )
        for number, question in enumerate(questions_of(attempt), 1)
        for response in (attempt.responses.get(question.id),)
    ]


def _note(question: core.Question, response: Any, seed: int) -> str:
    """What the answer fields say beside this saved answer (``answer_note``), for the page that
    lists it: a student without JavaScript sees it there after saving."""
    if response is None:
        return ""
    kind = question_type(question.type)
    shown = present(question, seed)
    return kind.answer_note(shown, kind.form_values(shown, response))


# --- After a round: the reward ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tally:
    """How many questions were right, partly right, wrong and not answered."""

    right: int
    partly: int
    wrong: int
    unanswered: int

    @property
    def missed(self) -> int:
        return self.partly + self.wrong + self.unanswered


def tally(reviews: Sequence[QuestionReview]) -> Tally:
    checks = [review.check for review in reviews]
    return Tally(
        right=sum(1 for check in checks if check is not None and check.correct),
        partly=sum(1 for check in checks if check is not None and not check.correct and check.fraction > 0),
        wrong=sum(1 for check in checks if check is not None and check.fraction <= 0),
        unanswered=sum(1 for check in checks if check is None),
    )


@dataclass(frozen=True, slots=True)
class Comparison:
    """This attempt beside the student's last one like it (same quiz, same mode, as many
    questions), so that "better than last time" compares like with like."""

    earlier: AttemptState
    percent_then: Fraction
    percent_now: Fraction
    fixed: tuple[core.Question, ...]  # missed then, right now (only where both show which were right)

    @property
    def change(self) -> Fraction:
        """Percentage points gained (negative: lost)."""
        return self.percent_now - self.percent_then


@dataclass(frozen=True, slots=True)
class Topic:
    tag: str
    missed: int


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a finished round came to, for its results page: the tally (None where which answers
    were right is not shown), the comparison with the last round like it, and the topics of the
    missed questions, most missed first (what to study next)."""

    tally: Tally | None
    comparison: Comparison | None
    topics: tuple[Topic, ...]
    missed: tuple[core.Question, ...]


def outcome(
    viewed: Viewed,
    bank: core.Bank | None,
    reviews: Sequence[QuestionReview],
    correctness_shown: bool,
    now: datetime,
) -> Outcome:
    """The round's outcome as its viewer may see it. Only the owner is compared with an earlier
    round (a teacher sees the attempt alone); which questions were missed, and so what to study,
    only where ``correctness_shown``; a question fixed since the earlier round only where that
    round shows which were right too. The scores themselves are always the student's to see."""
    attempt = viewed.attempt
    missed = tuple(review.question for review in reviews if review.missed) if correctness_shown else ()
    comparison = None
    earlier = _last_like(attempt, now) if viewed.owner else None
    if earlier is not None:
        fixed: tuple[core.Question, ...] = ()
        # both rounds are submitted rounds of one bank: the student studies it for both or neither
        earlier_shown = answer_disclosure.for_attempt(
            Viewed(earlier, owner=True, studies=viewed.studies), bank, True, now
        )
        if correctness_shown and earlier_shown.correctness:
            then = {result.question_id: result.check.correct for result in score_of(earlier).results}
            fixed = tuple(r.question for r in reviews if not r.missed and then.get(r.question.id) is False)
        percent_now = score_of(attempt).percent
        comparison = Comparison(earlier, score_of(earlier).percent, percent_now, fixed)
    counts = Counter(tag for question in missed for tag in question.tags)
    topics = tuple(Topic(tag, count) for tag, count in counts.most_common())
    return Outcome(tally(reviews) if correctness_shown else None, comparison, topics, missed)


def _last_like(attempt: AttemptState, now: datetime) -> AttemptState | None:
    """The student's newest submitted attempt before this one at the same quiz, in the same
    mode, of as many questions (a retry of three missed questions is no round to compare with)."""
    return next(
        (
            other
            for other in attempts_of(attempt.user_id, now, attempt.bank_slug)  # newest first
            if other.id < attempt.id
            and other.submitted
            and other.mode is attempt.mode
            and len(other.items) == len(attempt.items)
        ),
        None,
    )
