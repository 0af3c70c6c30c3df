"""``draft: true``: a drafted question not yet reviewed is validated as any other, and kept apart
from the questions students are served (``Bank.drafts``, never ``Bank.questions``)."""

from quizapp.core.visibility import NONE, bank_access
from tests.core.test_visibility import T0
from tests.core.yaml_banks import bank_from, load

BANK = """
title: T
source:
  title: S
  path: source.txt
questions:
  - id: reviewed
    type: true_false
    prompt: Kosovo sent a platoon.
    answer: true
  - id: drafted
    type: numeric
    prompt: How many days did the campaign last?
    answer: 78
    source: a 78-day campaign
    draft: true
  - id: also-reviewed
    type: true_false
    prompt: It ended in 1999.
    answer: true
    draft: false
"""


def test_a_draft_is_kept_apart_from_the_questions_students_are_served():
    bank = bank_from(BANK)
    assert [q.id for q in bank.questions] == ["reviewed", "also-reviewed"]
    assert [q.id for q in bank.drafts] == ["drafted"] and bank.drafts[0].draft
    assert bank.question("drafted") is None  # every lookup of a question to serve misses it
    assert bank.count_by_type() == {"true_false": 2}
    assert [q.id for q in bank.written_questions()] == ["reviewed", "drafted", "also-reviewed"]
    assert bank.takeable


def test_accepting_a_draft_changes_no_content_hash_and_a_bank_without_drafts_keeps_its_hash():
    drafted = bank_from(BANK)
    accepted = bank_from(BANK.replace("    draft: true\n", ""))
    assert accepted.drafts == () and accepted.question("drafted") is not None
    assert accepted.question("drafted").content_hash == drafted.drafts[0].content_hash
    assert drafted.content_hash != accepted.content_hash  # the bank changed: its drafts did
    plain = bank_from(BANK.replace("    draft: true\n", "").replace("    draft: false\n", ""))
    assert plain.content_hash == accepted.content_hash


def test_a_broken_draft_is_a_problem_with_its_line_as_any_question_is():
    broken = BANK.replace("source: a 78-day campaign", "source: a 79-day campaign")
    assert [str(p) for p in load(broken).problems] == [
        'bank.yaml:15: [drafted] source quote not found in source.txt: "a 79-day campaign"'
    ]
    unsure = BANK.replace("draft: true", "draft: maybe")
    assert [str(p) for p in load(unsure).problems] == [
        "bank.yaml:16: [drafted] 'draft' must be true or false, not 'maybe'"
    ]


def test_ids_are_unique_across_drafts_and_reviewed_questions():
    twice = BANK.replace("id: drafted", "id: reviewed")
    assert [str(p) for p in load(twice).problems] == [
        "bank.yaml:11: [reviewed] duplicate id 'reviewed' (first on line 7)"
    ]


def test_a_bank_of_drafts_only_loads_but_has_nothing_for_students():
    only_drafts = BANK.replace("    answer: true\n", "    answer: true\n    draft: true\n").replace(
        "    draft: false\n", ""
    )
    bank = bank_from(only_drafts)
    assert bank.questions == () and len(bank.drafts) == 3
    assert not bank.takeable
    assert bank_access(True, True, [], T0, takeable=bank.takeable) == NONE
