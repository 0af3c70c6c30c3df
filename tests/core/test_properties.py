"""Property-based: whatever the bytes, the loader returns a bank or problems, never raises."""

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.core import ResponseError, check, load_bank_bytes
from quizapp.core.answer_key import full_marks_response
from tests.core.yaml_banks import bank_from, read_source


def assert_bank_or_problems(data: bytes) -> None:
    result = load_bank_bytes(data, "f.yaml", "f", read_source)
    assert (result.bank is None) == bool(result.problems)
    for problem in result.problems:
        assert problem.line >= 1 and problem.message


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes(data):
    assert_bank_or_problems(data)


yaml_words = st.sampled_from(
    [
        "title",
        "questions",
        "id",
        "type",
        "prompt",
        "choices",
        "answer",
        "answers",
        "accept",
        "reject",
        "blanks",
        "items",
        "pairs",
        "left",
        "right",
        "min",
        "max",
        "tolerance",
        "settings",
        "draw",
        "source",
        "path",
        "single",
        "multiple",
        "true_false",
        "numeric",
        "short",
        "cloze",
        "ordering",
        "matching",
        "cards",
        "term",
        "definition",
        "points",
        "typos",
        "true",
        "no",
        "010",
        "0x1F",
        "-1",
        "5%",
        "{{1}}",
        "~",
        "''",
        "*",
        "&a",
        "!!str",
        "[",
        "]",
        "{",
        "}",
        ":",
        "-",
        "- ",
        "\n",
        "  ",
        "    ",
        "#",
    ]
)


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(yaml_words, st.text(string.printable, max_size=5)), max_size=60))
def test_any_yaml_like_text(parts):
    assert_bank_or_problems(" ".join(parts).encode("utf-8"))


def json_values():
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20))
    return st.recursive(
        scalars,
        lambda children: st.one_of(
            st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
        ),
        max_leaves=10,
    )


def _valid_bank_text(question):
    import json

    return "title: T\nquestions:\n  - " + json.dumps(question) + "\n"


@st.composite
def bank_documents(draw):
    """Structurally plausible banks whose fields hold arbitrary JSON values."""
    question = {
        "id": draw(st.one_of(st.just("q"), json_values())),
        "type": draw(
            st.sampled_from(
                ["single", "multiple", "true_false", "numeric", "short", "cloze", "ordering", "matching", "x"]
            )
        ),
        "prompt": draw(st.one_of(st.just("P {{1}}"), json_values())),
    }
    for field in draw(
        st.lists(
            st.sampled_from(
                [
                    "choices",
                    "answer",
                    "answers",
                    "accept",
                    "blanks",
                    "items",
                    "pairs",
                    "tolerance",
                    "min",
                    "max",
                    "typos",
                    "distractors",
                    "points",
                    "source",
                    "tags",
                ]
            ),
            max_size=4,
        )
    ):
        question[field] = draw(json_values())
    return _valid_bank_text(question)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(bank_documents())
def test_generated_banks(text):
    assert_bank_or_problems(text.encode("utf-8"))


QUESTIONS = bank_from("""
    title: T
    questions:
      - {id: s, type: single, prompt: P, choices: [a, b], answer: a}
      - {id: m, type: multiple, prompt: P, choices: [a, b, c], answers: [a, b]}
      - {id: t, type: true_false, prompt: P, answer: true}
      - {id: n, type: numeric, prompt: P, answer: 5000, tolerance: 1%}
      - {id: sh, type: short, prompt: P, accept: [Kuwait, "*Iowa*"], reject: [Kuvait, "*Ohio*"], typos: true}
      - {id: sn, type: short, prompt: P, accept: ["2008"]}
      - {id: c, type: cloze, prompt: "{{1}} {{2}}", blanks: [[a], {accept: ["9"], reject: [nineteen]}]}
      - {id: o, type: ordering, prompt: P, items: [a, b, c]}
      - {id: ma, type: matching, prompt: P, pairs: [{left: a, right: x}, {left: b, right: y}]}
""").questions


@settings(max_examples=300)
@given(st.sampled_from(QUESTIONS), json_values())
def test_checkers_score_or_refuse_any_response(question, response):
    try:
        result = check(question, response)
    except ResponseError as error:
        assert str(error).startswith(("expected", "unknown"))
    else:
        assert 0 <= result.fraction <= 1


def test_full_marks_for_every_type():
    for question in QUESTIONS:
        assert check(question, full_marks_response(question)).correct
