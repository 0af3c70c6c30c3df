"""A literal "*" (``\\*`` in the bank) goes to GIFT as Moodle's short answer writes one (``\\*``,
its backslash escaped for GIFT) and comes back the same; a wildcard stays a wildcard (issue 16)."""

from __future__ import annotations

from quizapp.core.checkers import check
from quizapp.core.interchange.gift import read_gift, write_gift
from quizapp.core.question_types.short import entry_feedback
from tests.core.interchange.samples import bank_of
from tests.core.yaml_banks import bank_from


def test_a_literal_star_and_a_wildcard_survive_a_gift_round_trip():
    bank = bank_from(r"""
        title: T
        questions:
          - {id: s, type: short, prompt: Which parameter?, accept: ['\*args', 'args *'], reject: ['\*\*kwargs']}
    """)
    text, notes = write_gift(bank)
    assert "{=\\\\*args =args * =%0%\\\\*\\\\*kwargs}" in text and not notes
    [question] = read_gift(text).questions
    assert question["accept"] == ["\\*args", "args *"]
    assert question["reject"] == ["\\*\\*kwargs"]


def test_a_moodle_answer_that_needs_its_symbols_imports_with_the_answer_without_them_rejected():
    imported = read_gift(
        "::q::Which method initializes an object? {=%100%__init__ =%0%init#Almost: it needs the underscores}"
    )
    question = bank_of(imported).questions[0]  # valid as it comes: "init" is not "__init__"
    assert question.answer.accepted == ("__init__",) and question.answer.rejected == ("init",)
    assert check(question, "__init__").fraction == 1
    assert check(question, "init").fraction == 0
    assert entry_feedback(question.answer, "init") == "Almost: it needs the underscores"
