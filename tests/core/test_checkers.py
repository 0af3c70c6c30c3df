from decimal import Decimal
from fractions import Fraction

import pytest

from quizapp.core import QuestionType, ResponseError, check
from quizapp.core.answer_key import full_marks_response
from quizapp.core.question_types import question_type, question_types
from tests.core.yaml_banks import question_from

SINGLE = question_from("""
    id: q
    type: single
    prompt: Where?
    choices: [Kuwait, Iraq, Qatar]
    answer: Kuwait
""")
MULTIPLE = question_from("""
    id: q
    type: multiple
    prompt: Which?
    choices: [A, B, C, D, E]
    answers: [A, B]
""")
TRUE_FALSE = question_from("""
    id: q
    type: true_false
    prompt: First mission?
    answer: true
""")
CLOZE = question_from("""
    id: q
    type: cloze
    prompt: Independence from {{1}} in {{2}}.
    blanks:
      - accept: [Serbia]
        typos: true
      - ["2008"]
""")
ORDERING = question_from("""
    id: q
    type: ordering
    prompt: Order
    items: [a, b, c, d]
""")
MATCHING = question_from("""
    id: q
    type: matching
    prompt: Match
    pairs:
      - {left: Russia, right: Does not recognize}
      - {left: China, right: Does not recognize}
      - {left: Most Western nations, right: Recognize}
    distractors: [Supports the military]
""")


def ids(question, *texts):
    by_text = {c.text: c.id for c in question.answer.choices}
    return [by_text[t] for t in texts]


def test_every_built_in_question_type_is_registered():
    assert [kind.name for kind in question_types()][: len(QuestionType)] == list(QuestionType)


def test_single_choice():
    assert check(SINGLE, ids(SINGLE, "Kuwait")[0]).correct
    wrong = check(SINGLE, ids(SINGLE, "Iraq")[0])
    assert wrong.fraction == 0 and not wrong.correct


@pytest.mark.parametrize("bad", [["x"], 3, True, {"a": 1}])
def test_single_wrong_shape(bad):
    with pytest.raises(ResponseError, match="choice id"):
        check(SINGLE, bad)


def test_single_unknown_choice():
    with pytest.raises(ResponseError, match="unknown choice"):
        check(SINGLE, "nope")


@pytest.mark.parametrize(
    ("picked", "fraction"),
    [
        (["A", "B"], Fraction(1)),
        (["A"], Fraction(1, 2)),
        (["A", "C"], Fraction(1, 2) - Fraction(1, 3)),
        (["A", "B", "C"], Fraction(2, 3)),
        (["C", "D", "E"], Fraction(0)),  # never below zero
        (["A", "B", "C", "D", "E"], Fraction(0)),  # picking everything earns nothing
        (["A", "A", "B"], Fraction(1)),  # duplicates count once
    ],
)
def test_multiple_partial_credit(picked, fraction):
    assert check(MULTIPLE, ids(MULTIPLE, *picked)).fraction == fraction


def test_multiple_parts_say_which_choices_were_right():
    result = check(MULTIPLE, ids(MULTIPLE, "A", "C"))
    assert result.parts == (True, False, False, True, True)


def test_multiple_wrong_shape_and_unknown_ids():
    with pytest.raises(ResponseError, match="list of choice ids"):
        check(MULTIPLE, "A")
    with pytest.raises(ResponseError, match="unknown choice"):
        check(MULTIPLE, ["zzz"])


def test_true_false():
    assert check(TRUE_FALSE, True).correct
    assert not check(TRUE_FALSE, False).correct
    assert check(TRUE_FALSE, "true").correct  # form posts send text
    with pytest.raises(ResponseError, match="true or false"):
        check(TRUE_FALSE, 1)
    with pytest.raises(ResponseError):
        check(TRUE_FALSE, "yes")


@pytest.mark.parametrize("unanswered", [None, "", [], {}])
def test_no_response_is_unanswered_and_earns_nothing(unanswered):
    for question in (SINGLE, MULTIPLE, TRUE_FALSE, CLOZE, ORDERING, MATCHING):
        result = check(question, unanswered)
        assert result.fraction == 0 and not result.answered


@pytest.mark.parametrize("response", ["5000", "5,000", "5 000", "5000.0", 5000, 5000.0, Decimal(5000)])
def test_numeric_exact_in_every_spelling(response):
    question = question_from("id: q\ntype: numeric\nprompt: How many?\nanswer: 5000")
    assert check(question, response).correct


@pytest.mark.parametrize("response", ["312", "312 million", "312 million dollars"])
def test_numeric_unit_with_its_scale_may_be_written_by_the_scale_alone(response):
    question = question_from(
        "id: q\ntype: numeric\nprompt: How many million dollars?\nanswer: 312\nunit: million dollars"
    )
    assert check(question, response).correct


def test_numeric_unit_with_its_scale_still_refuses_other_words():
    question = question_from(
        "id: q\ntype: numeric\nprompt: How many million dollars?\nanswer: 312\nunit: million dollars"
    )
    assert not check(question, "312 dollars").correct


@pytest.mark.parametrize(
    ("spec", "response", "ok"),
    [
        ("answer: 5000\ntolerance: 100", "5100", True),
        ("answer: 5000\ntolerance: 100", "5100.01", False),
        ("answer: 5000\ntolerance: 100", 4900, True),
        ("answer: 5000\ntolerance: 2%", "5100", True),
        ("answer: 5000\ntolerance: 2%", "5101", False),
        ("answer: -40\ntolerance: 10%", "-44", True),
        ("min: 1990\nmax: 2000", "1999", True),
        ("min: 1990\nmax: 2000", "2000", True),
        ("min: 1990\nmax: 2000", "2001", False),
        ("min: 10", "1e6", True),
        ("max: 10", "-5", True),
        ("answer: 0.3", 0.1 + 0.2, False),  # floats are taken at their exact decimal text
        ("answer: 0.3\ntolerance: 0.0001", 0.1 + 0.2, True),
        ("answer: 5000", "five thousand", True),  # number words count (docs/scoring.md)
        ("answer: 5000", "four thousand", False),
        ("answer: 5000\nunit: troops", "Five thousand troops", True),
        ("answer: 5000", "5000 troops", False),
        ("answer: 5000\nunit: troops", "5,000 troops", True),
        ("answer: 5000", "5.000", True),  # the European way of grouping thousands
        ("answer: 5", "5.000", True),  # and the English way of writing 5
        ("answer: 1.5", "1.500", True),
        ("answer: 1500", "1.50", False),
        ("answer: 5000\nunit: troops", "5000 Troops", True),
        ("answer: 5000", float("nan"), False),
        ("answer: 5000", float("inf"), False),
        ("answer: 5000", "9" * 5000, False),
    ],
)
def test_numeric_tolerance_and_ranges(spec, response, ok):
    question = question_from(f"id: q\ntype: numeric\nprompt: How many?\n{spec}")
    assert check(question, response).correct is ok


@pytest.mark.parametrize("bad", [True, ["5000"], {"v": 1}])
def test_numeric_wrong_shape(bad):
    question = question_from("id: q\ntype: numeric\nprompt: How many?\nanswer: 5000")
    with pytest.raises(ResponseError, match="number"):
        check(question, bad)


def test_short_answer_matching():
    question = question_from("""
        id: q
        type: short
        prompt: Who?
        accept: [Vjosa Osmani, Osmani]
        typos: true
    """)
    for response in ["vjosa osmani", "OSMANI", "Vjosa  Osmani.", "Vjosa Osmnai", "Osmany"]:
        assert check(question, response).correct, response
    for response in ["Osman Vjosa", "Thaci", "", "   ", "x" * 100_000]:
        assert not check(question, response).correct, response
    with pytest.raises(ResponseError, match="string"):
        check(question, ["Osmani"])


def test_short_answer_without_typo_tolerance_is_exact_after_folding():
    question = question_from("id: q\ntype: short\nprompt: Where?\naccept: Kuwait")
    assert check(question, "KUWAIT!").correct
    assert not check(question, "Kuwiat").correct


def test_cloze_scores_each_blank():
    assert check(CLOZE, ["Serbia", "2008"]).fraction == 1
    half = check(CLOZE, ["Serbai", "2009"])  # typo allowed on blank 1 only
    assert half.fraction == Fraction(1, 2) and half.parts == (True, False)
    assert check(CLOZE, ["", "2008"]).parts == (False, True)
    assert check(CLOZE, [None, "2008"]).fraction == Fraction(1, 2)


@pytest.mark.parametrize("bad", [["Serbia"], ["a", "b", "c"], "Serbia 2008", [1, 2]])
def test_cloze_wrong_shape(bad):
    with pytest.raises(ResponseError, match="2 strings"):
        check(CLOZE, bad)


def item_ids(question, *texts):
    by_text = {item.text: item.id for item in question.answer.items}
    return [by_text[t] for t in texts]


@pytest.mark.parametrize(
    ("order", "fraction"),
    [
        ("abcd", Fraction(1)),
        ("dcba", Fraction(0)),
        ("bacd", Fraction(5, 6)),  # one of six pairs swapped
        ("abdc", Fraction(5, 6)),
        ("dabc", Fraction(3, 6)),  # d before a, b, c: three pairs wrong
    ],
)
def test_ordering_counts_correctly_ordered_pairs(order, fraction):
    assert check(ORDERING, item_ids(ORDERING, *order)).fraction == fraction


@pytest.mark.parametrize("bad", [["x"], "abcd", [1, 2, 3, 4]])
def test_ordering_wrong_shape(bad):
    with pytest.raises(ResponseError):
        check(ORDERING, bad)


def test_ordering_needs_each_item_once():
    a, b, c, _ = item_ids(ORDERING, *"abcd")
    with pytest.raises(ResponseError, match="exactly once"):
        check(ORDERING, [a, b, c])
    with pytest.raises(ResponseError, match="exactly once"):
        check(ORDERING, [a, a, b, c])


def test_matching_scores_each_pair():
    spec = MATCHING.answer
    lefts = {left.text: left.id for left in spec.lefts}
    rights = {right.text: right.id for right in spec.rights}
    assert len(spec.rights) == 3  # the shared right and the distractor appear once each
    full = {
        lefts["Russia"]: rights["Does not recognize"],
        lefts["China"]: rights["Does not recognize"],
        lefts["Most Western nations"]: rights["Recognize"],
    }
    assert check(MATCHING, full).correct
    partial = dict(full, **{lefts["China"]: rights["Supports the military"]})
    assert check(MATCHING, partial).fraction == Fraction(2, 3)
    missing = {lefts["Russia"]: rights["Does not recognize"]}
    assert check(MATCHING, missing).fraction == Fraction(1, 3)


def test_matching_wrong_shape_and_unknown_ids():
    with pytest.raises(ResponseError, match="object"):
        check(MATCHING, ["a"])
    with pytest.raises(ResponseError, match="left item"):
        check(MATCHING, {"nope": "x"})
    left = MATCHING.answer.lefts[0].id
    with pytest.raises(ResponseError, match="right item"):
        check(MATCHING, {left: "nope"})


@pytest.mark.parametrize("question", [SINGLE, MULTIPLE, TRUE_FALSE, CLOZE, ORDERING, MATCHING])
def test_full_marks_response_scores_full_marks(question):
    assert check(question, full_marks_response(question)).correct


@pytest.mark.parametrize(
    "unreadable", ["fiver", "5 thousand", "five million", "about", "troops", float("nan"), float("inf")]
)
def test_a_new_numeric_answer_must_hold_a_number(unreadable):
    from quizapp.core.checkers import check_new_response

    question = question_from("id: q\ntype: numeric\nprompt: How many?\nanswer: 5000\nunit: troops")
    with pytest.raises(
        ResponseError,
        match=r"Write the answer in digits, for example 250 or 1,250, with or without 'troops' after it",
    ):
        check_new_response(question, unreadable)
    assert check(question, unreadable).fraction == 0  # a stored one is scored, as wrong


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            "5,000 soldiers",
            "Write the answer as a number alone (or the number and 'troops'), without 'soldiers'",
        ),
        ("twenty-two men", "Write the answer as a number alone (or the number and 'troops'), without 'men'"),
        (
            "5 thousand",
            "Write the answer in digits, for example 250 or 1,250, with or without 'troops' after it",
        ),
    ],
)
def test_a_refused_number_says_which_words_to_leave_out(typed, message):
    """A student who wrote "5,000 soldiers" wrote the number right: "write it in digits" misled."""
    from quizapp.core.checkers import check_new_response

    question = question_from("id: q\ntype: numeric\nprompt: How many?\nanswer: 5000\nunit: troops")
    with pytest.raises(ResponseError) as refused:
        check_new_response(question, typed)
    assert str(refused.value) == message


@pytest.mark.parametrize("typed", ["1 troop", "5000-troop", "5,000 troop"])
def test_the_unit_may_be_singular_or_joined_with_a_hyphen(typed):
    from quizapp.core.checkers import check_new_response

    question = question_from("id: q\ntype: numeric\nprompt: How many?\nanswer: 5000\nunit: troops")
    assert check_new_response(question, typed).correct is (typed != "1 troop")


@pytest.mark.parametrize(
    "readable", ["5,000 troops", "5000", 5000, 4999.5, "five thousand", "nine troops", "", None]
)
def test_new_numeric_answers_with_a_number_are_checked_as_usual(readable):
    from quizapp.core.checkers import check_new_response

    question = question_from("id: q\ntype: numeric\nprompt: How many?\nanswer: 5000\nunit: troops")
    assert check_new_response(question, readable) == check(question, readable)


@pytest.mark.parametrize(
    ("response", "blank"),
    [
        (None, True),
        ("", True),
        ("  \n", True),
        ([], True),
        ({}, True),
        (["", None], True),
        ({"l": None}, True),
        ("a", False),
        (["", "a"], False),
        ({"l": "r"}, False),
        (0, False),
        (False, False),
    ],
)
def test_blank_responses(response, blank):
    from quizapp.core.checkers import is_blank

    assert is_blank(response) is blank


def test_canonical_responses_keep_numbers_exactly_and_truth_as_booleans():
    from quizapp.core.checkers import canonical_response

    numeric = question_from("id: q\ntype: numeric\nprompt: How many?\nanswer: 5000")
    assert canonical_response(numeric, 99999999999999999999) == "99999999999999999999"
    assert canonical_response(numeric, 1e20) == "100000000000000000000"
    assert canonical_response(numeric, 0.1) == "0.1"
    assert canonical_response(numeric, "5,000") == "5,000"
    assert canonical_response(numeric, "  ") is None
    assert canonical_response(TRUE_FALSE, "TRUE") is True and canonical_response(TRUE_FALSE, "no") == "no"
    assert canonical_response(SINGLE, "c1") == "c1"


def test_a_json_number_is_kept_as_it_was_written():
    """The API reads JSON numbers as WrittenNumber and WrittenInteger: the numeric rules then read
    the text sent, as they read the text typed on the page (rebuilt from the value, 1e0001 was
    "10" and passed, and -0 was "0")."""
    from quizapp.core.checkers import accept_new_response, canonical_response
    from quizapp.core.responses import WrittenInteger, WrittenNumber

    numeric = question_from("id: q\ntype: numeric\nprompt: How many?\nanswer: 5000")
    for token in ("1e0001", "50.00e+002", "1e40", "5." + "0" * 60 + "1e3"):
        assert canonical_response(numeric, WrittenNumber(token)) == token
    assert canonical_response(numeric, WrittenInteger("-0")) == "-0"
    assert canonical_response(numeric, Decimal("5E+3")) == "5000"  # a Decimal from elsewhere
    with pytest.raises(ResponseError):
        accept_new_response(numeric, WrittenNumber("5e0003"))  # the page allows 3 exponent digits
    assert accept_new_response(numeric, WrittenNumber("50.00e+002"))[1].fraction == 1


def test_cloze_numbers_follow_the_numeric_rules_in_the_article_bank():
    """docs/scoring.md: "5.000" is right for 5,000 in numeric questions, so in cloze blanks too."""
    from pathlib import Path

    from quizapp.core.bank_loader import load_bank_file

    bank = load_bank_file(Path(__file__).parents[2] / "questions" / "kosovo-peacekeepers.yaml").bank
    cloze = bank.question("military-cloze-size")
    assert check(cloze, ["5.000", "3.000"]).fraction == 1
    assert check(cloze, ["5 000", "3,000 "]).fraction == 1
    assert check(cloze, ["5.00", "30.00"]).fraction == 0


# --- Number answers of short questions and cloze blanks, and a blank's distractors (issue 15) ---


def test_a_short_answer_that_is_a_number_is_read_as_numeric_reads_it():
    from quizapp.core.checkers import check_new_response

    question = question_from("id: q\ntype: short\nprompt: When?\naccept: ['2008']")
    assert check_new_response(question, "two thousand and eight").correct
    assert check_new_response(question, "2,008").correct
    assert not check_new_response(question, "2009").correct
    with pytest.raises(ResponseError, match=r"^Write the answer in digits, for example 250 or 1,250$"):
        check_new_response(question, "in 2008")
    assert check(question, "in 2008").fraction == 0  # a stored one is scored, as wrong
    text = question_from("id: q\ntype: short\nprompt: When?\naccept: ['2008', the year 2008]")
    assert check_new_response(text, "the year 2008").correct  # not every answer a number: text is read


def test_a_cloze_blank_that_is_a_number_refuses_words_naming_the_blank():
    from quizapp.core.checkers import check_new_response

    question = question_from(
        "id: q\ntype: cloze\nprompt: '{{1}} troops in {{2}}'\nblanks: [['5,000'], [Kosovo]]"
    )
    assert check_new_response(question, ["five thousand", "Kosovo"]).correct
    with pytest.raises(
        ResponseError, match=r"^Write blank 1 as a number alone, without 'troops'$"
    ) as refused:
        check_new_response(question, ["5,000 troops", "Kosovo"])
    assert refused.value.field == "blank_1"
    assert check(question, ["5,000 troops", "Kosovo"]).parts == (False, True)


def test_a_slip_never_makes_another_blanks_answer_right():
    question = question_from(
        "id: q\ntype: cloze\nprompt: 'not just {{1}}, also {{2}}'\ntypos: true\nblanks: [[importing], [exporting]]"
    )
    assert check(question, ["importng", "exportng"]).parts == (True, True)  # slips
    # "emporting" is one slip from "exporting" and one from "importing", blank 1's answer
    assert check(question, ["importing", "emporting"]).parts == (True, False)
    alone = question_from("id: q\ntype: cloze\nprompt: 'also {{1}}'\ntypos: true\nblanks: [[exporting]]")
    assert check(alone, ["emporting"]).correct


# --- Text longer than its field is refused before it is read (a request may hold 2 MB) ---

TYPED = {
    "numeric": question_from("id: q\ntype: numeric\nprompt: How many?\nanswer: 32\nunit: soldiers"),
    "short": question_from("id: q\ntype: short\nprompt: Where?\naccept: [Kuwait]"),
}


@pytest.mark.parametrize(("name", "limit", "char"), [("numeric", 100, "3"), ("short", 1000, "x")])
def test_a_typed_answer_longer_than_its_field_is_refused_with_the_length_message(name, limit, char):
    """ "32 " 70,000 times took a worker 23 seconds as a numeric answer: the words after the
    number were looked for in every prefix of the text before its length was refused."""
    from quizapp.core.checkers import accept_new_response

    question = TYPED[name]
    with pytest.raises(ResponseError, match=rf"^Write at most {limit} characters$") as refused:
        accept_new_response(question, "32 " * 70_000)
    assert refused.value.field == question_type(question.type).input_name
    assert accept_new_response(question, char * limit)[0] == char * limit  # as long as the field: read


def test_a_cloze_blank_longer_than_its_field_is_refused_with_the_length_message():
    from quizapp.core.checkers import accept_new_response

    question = question_from(
        "id: q\ntype: cloze\nprompt: '{{1}} troops in {{2}}'\nblanks: [['5,000'], [Kosovo]]"
    )
    with pytest.raises(ResponseError, match=r"^Write at most 200 characters in blank 1$") as refused:
        accept_new_response(question, ["32 " * 70_000, "Kosovo"])
    assert refused.value.field == "blank_1"
    with pytest.raises(ResponseError, match=r"^Write at most 200 characters in blank 2$"):
        accept_new_response(question, ["5,000", "x" * 201])
    with pytest.raises(ResponseError, match=r"^expected a list of 2 strings"):  # the wrong shape
        accept_new_response(question, ["5,000", "Kosovo", "x" * 201])
