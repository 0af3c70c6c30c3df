"""Feedback on typed and true/false answers (docs/question-format.md): an ``accept:`` or
``reject:`` entry's own feedback for the answer it is taken for, else the question's
``feedback: {right, wrong}``; read with problems by line, stored only when written."""

from __future__ import annotations

import pytest

from quizapp.core.answer_key import response_feedback
from quizapp.core.question_types import question_type
from quizapp.core.serialization import question_from_dict, question_to_dict
from tests.core.yaml_banks import load, question_from

SHORT = """
id: q
type: short
prompt: Name an amphibian.
typos: true
accept:
  - {text: Frog, feedback: Good!}
  - Toad
  - {text: salamander, feedback: A tailed one.}
reject:
  - {text: Cat, feedback: Cats meow.}
  - Dog
feedback:
  right: Right, an amphibian.
  wrong: Amphibians live on land and in water.
"""


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        ("frog", ("Good!",)),  # the entry it matches, however written
        ("the Frog.", ("Good!",)),
        ("salamandr", ("A tailed one.",)),  # a typo: the entry it is scored as
        ("Toad", ("Right, an amphibian.",)),  # an entry without feedback: the question's right
        ("cat", ("Cats meow.",)),  # a rejected entry's own
        ("Dog", ("Amphibians live on land and in water.",)),  # rejected, no feedback: wrong
        ("Lizard", ("Amphibians live on land and in water.",)),  # no entry at all: wrong
        ("", ()),  # no answer: nothing
    ],
)
def test_a_short_answer_gets_the_feedback_of_the_entry_it_is_scored_as(response, expected):
    question = question_from(SHORT)
    assert response_feedback(question, response) == expected


def test_the_entry_is_the_first_the_answer_matches_as_it_is_scored():
    question = question_from("""
        id: q
        type: short
        prompt: Who?
        accept:
          - {text: armed forces, feedback: As the article says.}
          - {text: '* forces', feedback: Any forces will do.}
        reject:
          - {text: '* police', feedback: Not the police.}
    """)
    assert response_feedback(question, "the armed forces") == ("As the article says.",)
    assert response_feedback(question, "peace forces") == ("Any forces will do.",)
    assert response_feedback(question, "border police") == ("Not the police.",)
    assert not question_type("short").check(question.answer, "border police").correct


def test_without_typos_a_near_miss_is_no_entry():
    question = question_from(SHORT.replace("typos: true", "typos: false"))
    assert response_feedback(question, "salamandr") == ("Amphibians live on land and in water.",)


@pytest.mark.parametrize(
    ("question", "right", "wrong"),
    [
        (
            "{id: q, type: numeric, prompt: P, answer: 32, tolerance: 1, unit: soldiers,"
            " feedback: {right: Counted well., wrong: Count again.}}",
            "31 soldiers",
            "40",
        ),
        ("{id: q, type: numeric, prompt: P, min: 1, max: 5, feedback: {wrong: Between 1 and 5.}}", "3", "9"),
        (
            "{id: q, type: true_false, prompt: P, answer: false, feedback: {right: Yes., wrong: No.}}",
            False,
            True,
        ),
        ("{id: q, type: true_false, prompt: P, answer: true, feedback: {right: Yes.}}", "true", "false"),
    ],
)
def test_numeric_and_true_false_feedback_follows_full_marks(question, right, wrong):
    question = question_from(question)
    feedback = question.answer.feedback
    assert response_feedback(question, right) == ((feedback.right,) if feedback.right else ())
    assert response_feedback(question, wrong) == ((feedback.wrong,) if feedback.wrong else ())
    assert response_feedback(question, None) == ()


def test_a_stored_response_of_the_wrong_shape_gets_no_feedback():
    numeric = question_from("{id: q, type: numeric, prompt: P, answer: 3, feedback: {wrong: No.}}")
    assert response_feedback(numeric, ["3"]) == ()
    truth = question_from("{id: q, type: true_false, prompt: P, answer: true, feedback: {wrong: No.}}")
    assert response_feedback(truth, "maybe") == ()


def test_a_cloze_blanks_entries_take_feedback_too():
    question = question_from("""
        id: c
        type: cloze
        prompt: "{{1}} is in {{2}}."
        blanks:
          - accept: [{text: Pristina, feedback: The capital.}]
            reject: [{text: Belgrade, feedback: That is Serbia's.}]
          - [{text: Kosovo, feedback: Yes.}, Kosova]
    """)
    assert response_feedback(question, ["Pristina", "Kosovo"]) == ("(1) The capital.", "(2) Yes.")
    assert response_feedback(question, ["Belgrade", "Kosova"]) == ("(1) That is Serbia's.",)
    assert response_feedback(question, ["", "Serbia"]) == ()
    single = question_from("""
        id: c
        type: cloze
        prompt: "A {{1}} jumps."
        blanks: [[{text: frog, feedback: Ribbit.}]]
    """)
    assert response_feedback(single, ["Frog"]) == ("Ribbit.",)


def test_plain_entries_and_no_feedback_keep_the_stored_form_and_hash():
    """Stored before feedback existed: the same dict, so the same content hash and no new version."""
    plain = question_from("{id: q, type: short, prompt: P, accept: [Frog], reject: [Cat]}")
    assert question_type("short").answer_to_dict(plain.answer) == {
        "accepted": ["Frog"],
        "typos": False,
        "reject": ["Cat"],
    }
    numeric = question_from("{id: q, type: numeric, prompt: P, answer: 3}")
    assert "feedback" not in question_type("numeric").answer_to_dict(numeric.answer)
    truth = question_from("{id: q, type: true_false, prompt: P, answer: true}")
    assert question_type("true_false").answer_to_dict(truth.answer) == {"value": True}
    as_mapping = question_from("{id: q, type: short, prompt: P, accept: [{text: Frog}], reject: [Cat]}")
    assert as_mapping.content_hash == plain.content_hash  # an entry as text: or as a text: alike
    with_feedback = question_from(
        "{id: q, type: short, prompt: P, accept: [{text: Frog, feedback: Good!}], reject: [Cat]}"
    )
    assert with_feedback.content_hash != plain.content_hash


def test_feedback_is_stored_and_read_back():
    for text in (
        SHORT,
        "{id: q, type: numeric, prompt: P, answer: 3, feedback: {right: A, wrong: B}}",
        "{id: q, type: true_false, prompt: P, answer: true, feedback: {wrong: B}}",
        "{id: c, type: cloze, prompt: '{{1}}', blanks: [{accept: [{text: a, feedback: F}], reject: [b]}]}",
    ):
        question = question_from(text)
        restored = question_from_dict(question_to_dict(question))
        assert restored.answer == question.answer
        assert restored.content_hash == question.content_hash


def problems(question_yaml: str) -> list[str]:
    """The problems of a bank holding one question (its first line is line 3)."""
    return [str(problem) for problem in load("title: T\nquestions:\n" + question_yaml).problems]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "  - id: q\n    type: numeric\n    prompt: P\n    answer: 3\n    feedback:\n      rigth: Yes\n",
            ["bank.yaml:8: [q] unknown field 'rigth' in 'feedback'; did you mean 'right'?"],
        ),
        (
            "  - id: q\n    type: true_false\n    prompt: P\n    answer: true\n    feedback:\n      wrong: [a, b]\n",
            ["bank.yaml:8: [q] 'feedback: wrong' must be text, not a list or a set of fields"],
        ),
        (
            "  - id: q\n    type: short\n    prompt: P\n    accept: [a]\n    feedback: Well done\n",
            ["bank.yaml:7: [q] 'feedback' must be a set of fields: 'right:' and/or 'wrong:', each a text"],
        ),
        (
            "  - id: q\n    type: short\n    prompt: P\n    accept:\n      - {text: a, feedbak: Yes}\n",
            ["bank.yaml:7: [q] unknown field 'feedbak' in an entry of 'accept'; did you mean 'feedback'?"],
        ),
        (
            "  - id: q\n    type: short\n    prompt: P\n    accept: [a]\n    reject:\n      - {feedback: No}\n",
            ["bank.yaml:8: [q] missing field 'text'"],
        ),
        (
            "  - id: q\n    type: short\n    prompt: P\n    accept: [a]\n    reject:\n"
            "      - {text: b, feedback: [x]}\n",
            ["bank.yaml:8: [q] 'feedback' must be text, not a list or a set of fields"],
        ),
        (
            "  - id: q\n    type: single\n    prompt: P\n    choices: [a, b]\n    answer: a\n"
            "    feedback: {wrong: No}\n",
            [
                "bank.yaml:8: [q] a single question has no 'feedback' field (only true_false, "
                "numeric, short questions have one): write the feedback on each choice "
                "('- text: ...' with 'feedback: ...')"
            ],
        ),
        (
            "  - id: q\n    type: cloze\n    prompt: '{{1}}'\n    blanks: [[a]]\n    feedback: {right: Yes}\n",
            [
                "bank.yaml:7: [q] a cloze question has no 'feedback' field (only true_false, "
                "numeric, short questions have one): write it on an entry of a blank's 'accept' or "
                "'reject' ('text: ...' with 'feedback: ...')"
            ],
        ),
    ],
)
def test_feedback_problems_are_reported_with_their_line(question, expected):
    assert problems(question) == expected
