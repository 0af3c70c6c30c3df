"""Quizlet's text export in each shape its export dialog writes (tests/fixtures/interop/quizlet-*.txt)."""

from pathlib import Path

import pytest

from quizapp.core.answer_key import answer_text, full_marks_response
from quizapp.core.checkers import check
from quizapp.core.interchange.quizlet import (
    BadSeparator,
    QuizletSeparators,
    quizlet_separators,
    read_quizlet,
)
from quizapp.core.model import QuestionType
from tests.core.interchange.samples import bank_of

INTEROP = Path(__file__).parents[2] / "fixtures" / "interop"


def fixture(name: str) -> str:
    return (INTEROP / name).read_text(encoding="utf-8")


# Each fixture, what each row becomes (accepted answer, card term and definition as Markdown),
# and the report: (line, start of the note) for skipped and for changed rows.
TABLE = [
    (
        "quizlet-tab.txt",
        QuizletSeparators("\t", "\n"),
        [
            ("platoon", "platoon", "A small army unit"),
            ("__init__", "\\_\\_init\\_\\_", "Python's constructor method"),
            ("constructor", "constructor", "Python's \\_\\_init\\_\\_ method"),
            ("\\*args", "\\*args", "extra positional arguments"),  # a literal "*", written \*
            ("1999.", "1999\\.", "the year NATO's campaign began"),
            ("# of troops", "\\# of troops", "3,400 in the KSF"),
            (
                "KFOR",
                "KFOR",
                "NATO's Kosovo Force\\\n\\# of troops: 4,500\\\n1999\\. the year it came\\\n\\- led by NATO",
            ),
            ("AT&amp;T", "AT\\&amp;T", "<b>not bold</b> and \\[a\\](link)"),
        ],
        [(11, "a line needs both a term and a definition")],
        [
            (
                8,
                "no separator (Tab) between term and definition: read as more of the definition of 'KFOR' (line 7)",
            ),
            (
                9,
                "no separator (Tab) between term and definition: read as more of the definition of 'KFOR' (line 7)",
            ),
            (
                10,
                "no separator (Tab) between term and definition: read as more of the definition of 'KFOR' (line 7)",
            ),
        ],
    ),
    (
        "quizlet-comma-semicolon.txt",
        QuizletSeparators(",", ";"),
        [
            ("Pristina", "Pristina", "The capital of Kosovo\\\nwhere the ceremony was held"),
            ("Kuwait", "Kuwait", "Where the platoon went, in 2023"),
            ("1. list?", "1\\. list?", "No: a term"),
            ("gift", "gift", "a present; also Moodle's format"),
        ],
        [(1, "no separator (Comma) between term and definition, and no term before it")],
        [
            (
                2,
                "no separator (Comma) between term and definition: read as more of the definition of 'gift' (line 2)",
            )
        ],
    ),
    (
        "quizlet-custom.txt",
        QuizletSeparators(" :: ", "$$"),
        [
            ("ordered list", "ordered list", "1\\. first\\\n2\\. second"),
            ("mass noun", "mass noun", "troops, not troopers"),
            ("snake_case", "snake\\_case", "words\\_joined\\_by\\_underscores"),
            ("C:\\new", "C:\\\\new", "a Windows path, backslash kept"),
        ],
        [(2, "a line needs both a term and a definition")],
        [],
    ),
]


@pytest.mark.parametrize(
    ("name", "separators", "rows", "skipped", "changed"), TABLE, ids=[t[0] for t in TABLE]
)
def test_each_row_of_each_export_shape_becomes_a_card_and_a_question(
    name, separators, rows, skipped, changed
):
    imported = read_quizlet(fixture(name), separators)
    bank = bank_of(imported)  # valid as it comes: no wildcard term, no empty answer
    assert [
        (q.answer.accepted[0], c.term, c.definition) for q, c in zip(bank.questions, bank.cards, strict=True)
    ] == rows
    assert len(bank.questions) == len(bank.cards) == len(rows)
    for question, card in zip(bank.questions, bank.cards, strict=True):
        assert question.type is QuestionType.SHORT and question.answer.typos
        assert question.prompt == f"Which term is meant: {card.definition}"
    assert [(note.line, note.text) for note in imported.skipped] == skipped
    assert [
        (note.line, note.text[: len(text)]) for note, (_, text) in zip(imported.notes, changed, strict=True)
    ] == changed
    assert len(imported.notes) == len(changed)


def test_a_term_starting_with_a_star_is_accepted_as_typed_not_as_a_pattern():
    question = bank_of(read_quizlet("*args\textra positional arguments\n")).questions[0]
    assert question.answer.accepted == ("\\*args",)
    assert answer_text(question) == full_marks_response(question) == "*args"  # shown as written
    assert check(question, "*args").correct
    assert check(question, "* args").correct  # "*" is a word of its own, as punctuation is
    assert not check(question, "args").correct  # the "*" is part of the term
    assert check(question, "*argz").correct  # typos are forgiven (5 characters)
    assert not check(question, "kwargs args").correct  # a pattern "*args" would accept it


def test_a_term_with_nothing_to_type_makes_a_card_only():
    imported = read_quizlet("***\ta footnote marker\nKFOR\tNATO's Kosovo Force\n")
    bank = bank_of(imported)
    assert [c.term for c in bank.cards] == ["\\*\\*\\*", "KFOR"]
    assert [q.answer.accepted for q in bank.questions] == [("KFOR",)]
    assert [note.text for note in imported.notes] == [
        "the term '***' has no letters or digits to type: a card, no question"
    ]


def test_new_line_rows_keep_a_definition_s_blank_lines_and_windows_line_ends():
    imported = read_quizlet("war\tfirst part\r\n\r\nsecond part\r\npeace\tafter\r\n")
    assert [c["definition"] for c in imported.cards] == ["first part\n\nsecond part", "after"]
    assert [note.line for note in imported.notes] == [3]


def test_a_last_row_separator_and_line_breaks_around_rows_are_no_rows():
    imported = read_quizlet("a\tone;\nb\ttwo;\n", QuizletSeparators("\t", ";"))
    assert [(c["term"], c["definition"]) for c in imported.cards] == [("a", "one"), ("b", "two")]
    assert imported.skipped == [] and imported.notes == []


def test_text_with_no_term_separator_anywhere_says_so_in_one_line():
    imported = read_quizlet("one,two\nthree,four\nfive,six\n")
    assert [(note.line, note.text) for note in imported.skipped] == [
        (
            1,
            "no separator (Tab) between term and definition in any row: was the set exported with other separators?",
        )
    ]


@pytest.mark.parametrize(
    ("term", "row", "expected"),
    [
        ("tab", "newline", QuizletSeparators("\t", "\n")),
        ("Comma", "SEMICOLON", QuizletSeparators(",", ";")),
        (" - ", "$$", QuizletSeparators(" - ", "$$")),
    ],
)
def test_the_dialog_s_choices_by_name_or_as_custom_text(term, row, expected):
    assert quizlet_separators(term, row) == expected


@pytest.mark.parametrize(
    ("term", "row", "which", "message"),
    [
        ("", "newline", "term", "the custom separator between term and definition is empty"),
        ("tab", "", "row", "the custom separator between rows is empty"),
        ("a\nb", "newline", "term", "the custom separator between term and definition must be on one line"),
        ("tab", "x" * 21, "row", "the custom separator between rows may have at most 20 characters"),
        (
            ";",
            "semicolon",
            "row",
            "the separator between term and definition (Semicolon) and the one between",
        ),
        ("::", ":", "row", "the separator between term and definition ('::') and the one between rows (':')"),
    ],
)
def test_a_bad_separator_choice_is_refused_with_what_to_fix(term, row, which, message):
    with pytest.raises(BadSeparator) as raised:
        quizlet_separators(term, row)
    assert str(raised.value).startswith(message) and raised.value.which == which
