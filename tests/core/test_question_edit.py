"""Editing one question of a bank file's text: the rest of the file stays as it was."""

from __future__ import annotations

import dataclasses
import textwrap
from pathlib import Path

import pytest

from quizapp.core.bank_loader import folder_source_reader, load_bank_bytes
from quizapp.core.question_edit import (
    QuestionEditError,
    append_question,
    question_fields,
    question_ids,
    question_lines,
    remove_field,
    remove_question,
    replace_question,
)

QUESTIONS = Path(__file__).resolve().parents[2] / "questions"
ARTICLE_BANK = (QUESTIONS / "kosovo-peacekeepers.yaml").read_text(encoding="utf-8")
BEFORE_15 = (Path(__file__).parent / "fixtures" / "kosovo-peacekeepers-before-issue-15.yaml").read_text(
    encoding="utf-8"
)


def _bank(text: str):
    result = load_bank_bytes(text.encode("utf-8"), "bank.yaml", "bank", folder_source_reader(QUESTIONS))
    assert result.problems == (), [str(problem) for problem in result.problems[:5]]
    return result.bank


def _content(bank):
    """The bank as students get it, without where each text stands in the file."""
    return (
        [dataclasses.replace(question, line=0) for question in bank.questions],
        [dataclasses.replace(card, line=0) for card in bank.cards],
        dataclasses.replace(bank, questions=(), cards=(), content_hash=""),
    )


def _other_lines(text: str, question_id: str) -> tuple[list[str], list[str]]:
    first, last = question_lines(text, question_id)
    lines = text.splitlines(keepends=True)
    return lines[: first - 1], lines[last:]


@pytest.mark.parametrize("text", [ARTICLE_BANK, BEFORE_15], ids=["article-bank", "before-issue-15"])
def test_rewriting_each_question_with_its_own_fields_keeps_the_bank_and_every_other_line(text):
    """Every type, flow lists, `>-` texts, choice feedback, the last question (cards follow)."""
    original = _content(_bank(text))
    ids = question_ids(text)
    assert len(ids) == len(original[0])
    for question_id in ids:
        rewritten = replace_question(text, question_id, question_fields(text, question_id))
        assert _content(_bank(rewritten)) == original, question_id
        before, after = _other_lines(text, question_id)
        new_before, new_after = _other_lines(rewritten, question_id)
        assert (new_before, new_after) == (before, after), question_id


def test_the_block_ends_at_its_content_not_at_the_comments_before_the_next_question():
    text = textwrap.dedent(
        """\
        title: T
        questions:
          - id: a
            type: short
            prompt: >-
              Which alliance
              bombed?
            accept: [NATO]   # the short name

          # the next one is about the war
          - id: b
            type: true_false
            prompt: It ended in 1999.
            answer: true
        cards:
          - term: NATO
            definition: An alliance.
        """
    )
    assert question_lines(text, "a") == (3, 8)
    assert question_lines(text, "b") == (11, 14)
    fields = question_fields(text, "a")
    assert fields == {"id": "a", "type": "short", "prompt": "Which alliance bombed?", "accept": ["NATO"]}
    changed = replace_question(text, "a", fields | {"accept": ["NATO", "North Atlantic Treaty Organization"]})
    assert changed == text.replace(
        "    prompt: >-\n      Which alliance\n      bombed?\n    accept: [NATO]   # the short name\n",
        "    prompt: Which alliance bombed?\n    accept:\n    - NATO\n    - North Atlantic Treaty Organization\n",
    )
    assert _bank_questions(changed)["a"].answer.accepted[1] == "North Atlantic Treaty Organization"
    assert remove_question(text, "a").startswith(
        "title: T\nquestions:\n\n  # the next one is about the war\n"
    )
    last = replace_question(text, "b", question_fields(text, "b") | {"answer": False})
    assert last.endswith("    answer: false\ncards:\n  - term: NATO\n    definition: An alliance.\n")


def _bank_questions(text):
    result = load_bank_bytes(text.encode(), "b.yaml", "b", folder_source_reader(QUESTIONS))
    assert result.problems == (), [str(problem) for problem in result.problems]
    return {question.id: question for question in result.bank.questions}


def test_numbers_and_words_written_as_text_stay_text():
    text = textwrap.dedent(
        """\
        title: T
        questions:
          - id: n
            type: short
            prompt: How many?
            accept: ["5,000", "010", 'no', "true"]
            typos: true
          - id: m
            type: numeric
            prompt: How far below?
            answer: -3
            tolerance: 2%
        """
    )
    fields = question_fields(text, "n")
    assert fields["accept"] == ["5,000", "010", "no", "true"] and fields["typos"] is True
    assert question_fields(text, "m")["answer"] == "-3"
    for question_id in ("n", "m"):
        rewritten = replace_question(text, question_id, question_fields(text, question_id))
        assert _bank_questions(rewritten) == _bank_questions(text) or all(
            dataclasses.replace(a, line=0) == dataclasses.replace(b, line=0)
            for a, b in zip(_bank_questions(rewritten).values(), _bank_questions(text).values(), strict=True)
        )


def test_crlf_line_endings_are_kept():
    text = "title: T\r\nquestions:\r\n  # first\r\n  - id: a\r\n    type: true_false\r\n    prompt: P.\r\n    answer: true\r\n  - id: b\r\n    type: true_false\r\n    prompt: Q.\r\n    answer: false\r\n"
    changed = replace_question(text, "a", question_fields(text, "a") | {"prompt": "New."})
    assert changed == text.replace("P.", "New.")
    assert "\n" not in changed.replace("\r\n", "")
    added = append_question(text, {"id": "c", "type": "true_false", "prompt": "R.", "answer": True})
    assert added == text + "  - id: c\r\n    type: true_false\r\n    prompt: R.\r\n    answer: true\r\n"


def test_a_list_at_the_indent_of_its_key_and_an_item_opened_on_its_own_line():
    text = "title: T\nquestions:\n-\n  id: a\n  type: true_false\n  prompt: P.\n  answer: true\n- id: b\n  type: true_false\n  prompt: Q.\n  answer: true\n"
    changed = replace_question(text, "a", question_fields(text, "a") | {"answer": False})
    assert (
        changed
        == "title: T\nquestions:\n- id: a\n  type: true_false\n  prompt: P.\n  answer: false\n"
        + text[text.index("- id: b") :]
    )


def test_flow_items_and_removing_one_field():
    text = textwrap.dedent(
        """\
        title: T
        questions:
          - draft: true
            id: a
            type: single
            prompt: Which?
            choices: [x, y]   # two
            answer: x
          - id: b
            type: single
            prompt: Which?
            draft: true
            choices:
              - x
              - text: y
                feedback: "No: x."
            answer: x
          - {id: c, type: true_false, prompt: P., answer: true, draft: true}
        """
    )
    assert remove_field(text, "a", "draft") == text.replace("  - draft: true\n    id: a", "  - id: a")
    assert remove_field(text, "b", "draft") == text.replace(
        "    prompt: Which?\n    draft: true\n", "    prompt: Which?\n"
    )
    assert remove_field(text, "b", "answer").count("answer: x") == 1
    assert remove_field(text, "a", "nothing") == text
    assert remove_field(text, "c", "draft").endswith(
        "  - id: c\n    type: true_false\n    prompt: P.\n    answer: true\n"
    )
    assert question_fields(text, "b")["choices"] == ["x", {"text": "y", "feedback": "No: x."}]
    assert remove_question(text, "c") == text[: text.index("  - {id: c")]


def test_a_file_without_a_newline_at_its_end_and_appending():
    text = "title: T\nquestions:\n  - id: a\n    type: true_false\n    prompt: P.\n    answer: true"
    added = append_question(text, {"id": "b", "type": "true_false", "prompt": "Q.", "answer": False})
    assert added == text + "\n  - id: b\n    type: true_false\n    prompt: Q.\n    answer: false\n"
    assert replace_question(
        text, "a", {"id": "a", "type": "true_false", "prompt": "P.", "answer": False}
    ).endswith("answer: false\n")
    with_cards = "title: T\ncards:\n  - term: a\n    definition: b\n"
    assert append_question(with_cards, {"id": "q"}) == with_cards + "questions:\n  - id: q\n"


def test_errors():
    with pytest.raises(QuestionEditError, match="no question with the id 'x'"):
        replace_question(ARTICLE_BANK, "x", {"id": "x"})
    with pytest.raises(QuestionEditError, match="not readable YAML"):
        question_fields("a: [\n", "x")
    with pytest.raises(QuestionEditError, match="in brackets"):
        append_question("title: T\nquestions: []\n", {"id": "x"})
    with pytest.raises(QuestionEditError, match="no question"):
        remove_question("- a\n- b\n", "a")


def test_removing_a_field_of_each_question_at_once_is_removing_it_from_each_in_turn():
    from quizapp.core.question_edit import question_ids, remove_field, remove_field_of_each

    text = (
        "title: T\nquestions:\n"
        "  - id: a\n    draft: true\n    type: short\n    prompt: A\n    accept: [x]\n"
        "  # a comment kept\n"
        "  - {id: b, draft: true, type: short, prompt: B, accept: [y]}\n"
        "  - draft: true\n    id: c\n    type: short\n    prompt: C\n    accept: [z]\n"
        "  - id: d\n    type: short\n    prompt: D\n    accept: [w]\n"
    )
    one_by_one = text
    for question_id in ("a", "b", "c", "d"):
        one_by_one = remove_field(one_by_one, question_id, "draft")
    assert remove_field_of_each(text, question_ids(text), "draft") == one_by_one
    assert "draft" not in one_by_one and "# a comment kept" in one_by_one
    assert remove_field_of_each(text, ["c"], "draft") == remove_field(text, "c", "draft")
