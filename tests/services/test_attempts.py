"""services/attempts.py: the open-test rule, starting, and the feed of quiz answers into flashcards."""

from __future__ import annotations

import dataclasses

import pytest

from quizapp import core
from quizapp.core.attempts import AttemptMode
from quizapp.core.model import AnswerVisibility
from quizapp.db import study_store
from quizapp.services import attempts, clock

BANK = "kosovo-peacekeepers"


@pytest.mark.parametrize(
    ("open_mode", "asked", "blocks"),
    [
        (None, AttemptMode.PRACTICE, False),
        (None, AttemptMode.TEST, False),
        (AttemptMode.TEST, AttemptMode.PRACTICE, True),
        (AttemptMode.TEST, AttemptMode.TEST, False),  # the test is resumed
        (AttemptMode.PRACTICE, AttemptMode.TEST, False),  # the practice round is ended
        (AttemptMode.PRACTICE, AttemptMode.PRACTICE, False),  # the practice round is resumed
    ],
)
def test_only_an_open_test_blocks_and_only_practice(app, people, bank, open_mode, asked, blocks):
    with app.app_context():
        existing = None
        if open_mode is not None:
            existing = attempts.start(people.student, bank, open_mode, clock.now(), seed=1).attempt
        assert attempts.open_test_blocks(existing, asked) is blocks
        started = attempts.start(people.student, bank, asked, clock.now(), seed=2)
        assert started.blocked is blocks
        if blocks:  # the open test comes back, unchanged
            assert started.resumed and started.attempt.id == existing.id
            assert started.attempt.mode is AttemptMode.TEST
        elif open_mode is asked:
            assert started.resumed and started.attempt.id == existing.id
        else:
            assert not started.resumed and started.attempt.mode is asked
        assert attempts.open_attempt(people.student, BANK, clock.now()).id == started.attempt.id


def test_a_practice_answer_feeds_flashcards_at_once_a_test_only_when_submitted(app, people, bank):
    with app.app_context():
        practice = attempts.start(people.student, bank, AttemptMode.PRACTICE, clock.now(), seed=1).attempt
        first = practice.question_ids[0]
        assert attempts.save_answer(practice, first, "not a choice id", clock.now())
        memory = study_store.question_memory(people.student, BANK, clock.now())
        assert set(memory) == {first}
        attempts.submit(practice.id, clock.now())

        test = attempts.start(people.student, bank, AttemptMode.TEST, clock.now(), seed=2).attempt
        others = [key for key in test.question_ids if key != first][:2]
        for key in others:
            attempts.save_answer(test, key, ["a", "wrong", "shape"], clock.now())  # scored as wrong
        assert set(study_store.question_memory(people.student, BANK, clock.now())) == {first}
        assert attempts.submit(test.id, clock.now()) and not attempts.submit(test.id, clock.now())
        assert set(study_store.question_memory(people.student, BANK, clock.now())) == {first, *others}


@pytest.mark.parametrize(
    ("started", "then"), [("immediately", "after_submit"), ("after_submit", "immediately")]
)
def test_each_practice_answer_feeds_the_memory_once_even_if_the_bank_changes_mid_round(
    app, people, bank, started, then
):
    # When a round's answers feed the memory is decided as it starts: a bank edited mid-round
    # fed an answer twice (immediately -> after_submit) or never (the reverse). Attack review.
    def showing(visibility: str) -> core.Bank:
        return dataclasses.replace(
            bank, settings=dataclasses.replace(bank.settings, show_answers=AnswerVisibility(visibility))
        )

    with app.app_context():
        practice = attempts.start(people.student, showing(started), AttemptMode.PRACTICE, clock.now(), seed=1)
        first = practice.attempt.question_ids[0]
        assert attempts.save_answer(practice.attempt, first, "not a choice id", clock.now())
        reviews = study_store.memory_of(people.student, BANK, [f"q:{first}"])
        assert len(reviews) == (1 if started == "immediately" else 0)  # the dashboard may tell only then
        resumed = attempts.start(people.student, showing(then), AttemptMode.PRACTICE, clock.now(), seed=2)
        assert resumed.resumed and resumed.attempt.feeds_memory_at_once is (started == "immediately")
        assert attempts.submit(practice.attempt.id, clock.now())
        memory = study_store.memory_of(people.student, BANK, [f"q:{first}"])
        assert memory[f"q:{first}"].reviews == 1


@pytest.mark.parametrize("blank", [None, "", "   ", [None], {}])
def test_practice_refuses_a_blank_answer_a_test_clears_the_one_given(app, people, bank, blank):
    """The one rule behind the page's "Answer the question first" and the API's answer_required."""
    with app.app_context():
        practice = attempts.start(people.student, bank, AttemptMode.PRACTICE, clock.now(), seed=1).attempt
        with pytest.raises(attempts.AnswerRequired):
            attempts.save_answer(practice, practice.question_ids[0], blank, clock.now())
        assert attempts.get(practice.id, clock.now()).responses == {}
        attempts.submit(practice.id, clock.now())

        test = attempts.start(people.student, bank, AttemptMode.TEST, clock.now(), seed=2).attempt
        first = test.question_ids[0]
        assert attempts.save_answer(test, first, "an answer", clock.now())
        assert attempts.save_answer(test, first, blank, clock.now())
        assert first not in attempts.get(test.id, clock.now()).responses
