"""The validator: every planted problem is reported, with its line, and nothing else."""

from decimal import Decimal

import pytest

from quizapp.core import load_bank_bytes
from quizapp.core.checkers import check
from quizapp.core.model import AnswerVisibility, NumericAnswer, QuestionType
from tests.core.yaml_banks import bank_from, load

HEADER = "title: T\nsource:\n  title: S\n  path: source.txt\nquestions:\n"


def problems_of(text: str) -> list[str]:
    return [str(problem) for problem in load(text).problems]


def one_problem(question_yaml: str) -> str:
    """The single problem of a bank holding one question (written at line 6)."""
    problems = problems_of(HEADER + question_yaml)
    assert len(problems) == 1, problems
    return problems[0]


def test_a_valid_bank_with_every_field():
    bank = bank_from("""
        id: my-bank
        title: My bank
        description: About things.
        source:
          title: The article
          publisher: RFE/RL
          path: source.txt
        tags: [news]
        settings:
          time_limit_minutes: 20
          draw: 1
          shuffle_questions: false
          shuffle_choices: false
          pass_mark: 70
          flashcards: false
          show_answers: never
        questions:
          - id: q1
            type: short
            prompt: Where?
            accept: Kuwait
            explanation: Because.
            source: sent an army platoon to Kuwait
            tags: [mission]
            points: 2.5
        cards:
          - term: KSF
            definition: Kosovo Security Force
    """)
    assert bank.slug == "my-bank" and bank.source.publisher == "RFE/RL"
    assert bank.settings.time_limit_minutes == 20 and bank.settings.draw == 1
    assert not bank.settings.shuffle_questions and not bank.settings.flashcards
    assert bank.settings.pass_mark == 70 and bank.settings.show_answers is AnswerVisibility.NEVER
    question = bank.questions[0]
    assert question.points == Decimal("2.5") and question.tags == ("mission",)
    assert question.line == 19 and len(question.content_hash) == 64
    assert bank.cards[0].term == "KSF" and bank.cards[0].id.startswith("card-")
    assert bank.source_text.startswith("Kosovo has sent")


def test_defaults():
    bank = bank_from("title: T\nquestions:\n  - {id: q, type: true_false, prompt: P, answer: false}\n")
    assert bank.slug == "bank"  # the file name
    assert bank.settings.show_answers is AnswerVisibility.AFTER_SUBMIT
    assert bank.settings.draw is None and bank.settings.pass_mark == 50
    assert bank.questions[0].points == 1


@pytest.mark.parametrize(
    ("settings", "flashcards"),
    [
        ("", True),
        ("show_answers: immediately", True),
        ("show_answers: after_submit", True),
        ("show_answers: never", False),
        ("show_answers: never\n  flashcards: false", False),
        ("show_answers: immediately\n  flashcards: false", False),
        ("show_answers: after_submit\n  flashcards: true", True),
    ],
)
def test_flashcards_default_to_off_only_when_answers_are_never_shown(settings, flashcards):
    bank = bank_from(
        f"title: T\nsettings:\n  {settings or 'pass_mark: 50'}\n"
        "questions:\n  - {id: q, type: true_false, prompt: P, answer: false}\n"
    )
    assert bank.settings.flashcards is flashcards


def test_flashcards_true_with_answers_never_shown_is_an_error():
    problems = problems_of("""
        title: T
        settings:
          show_answers: never
          flashcards: true
        questions:
          - {id: q, type: true_false, prompt: P, answer: false}
    """)
    assert problems == [
        "bank.yaml:5: 'flashcards: true' cannot go with 'show_answers: never': flashcards show the "
        "answers on their backs, and a bank that never shows answers cannot be studied as flashcards"
    ]


def test_text_fields_keep_yaml_lookalikes_as_text():
    bank = bank_from("""
        title: no
        questions:
          - id: "010"
            type: single
            prompt: 0x1F
            choices: [yes, no, on, off, 010, 1e3]
            answer: no
    """)
    question = bank.questions[0]
    assert bank.title == "no" and question.id == "010" and question.prompt == "0x1F"
    assert [c.text for c in question.answer.choices] == ["yes", "no", "on", "off", "010", "1e3"]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "  - id: q\n    type: singel\n    prompt: P\n",
            "bank.yaml:7: [q] unknown type 'singel'; did you mean 'single'?",
        ),
        (
            "  - id: q\n    type: single\n    prompt: P\n    choices: [a, b]\n    answer: c\n",
            "bank.yaml:10: [q] answer 'c' is not among the choices",
        ),
        (
            "  - id: q\n    type: single\n    prompt: P\n    choices: [Kuwait, b]\n    answer: Kuwiat\n",
            "bank.yaml:10: [q] answer 'Kuwiat' is not among the choices; did you mean 'Kuwait'?",
        ),
        (
            "  - id: q\n    type: single\n    prompt: P\n    choices: []\n    answer: a\n",
            "bank.yaml:9: [q] give at least 2 choices",
        ),
        (
            "  - id: q\n    type: numeric\n    prompt: P\n    answer: 5\n    tolerance: -1\n",
            "bank.yaml:10: [q] 'tolerance' cannot be negative",
        ),
        (
            "  - id: q\n    type: numeric\n    prompt: P\n    min: 5\n    max: 1\n",
            "bank.yaml:9: [q] 'min' (5) is larger than 'max' (1)",
        ),
        (
            "  - id: q\n    type: numeric\n    prompt: P\n    answer: 0x1F\n",
            "bank.yaml:9: [q] 'answer' must be a number written in decimals, not '0x1F'",
        ),
        (
            "  - id: q\n    type: true_false\n    prompt: P\n    answer: yes\n",
            "bank.yaml:9: [q] 'answer' must be true or false, not 'yes'",
        ),
        (
            "  - id: q\n    type: short\n    prompt: P\n    accept: ['*']\n",
            "bank.yaml:9: [q] accepted answer '*' has no letters or digits to match",
        ),
        (
            "  - id: q\n    type: short\n    prompt: P\n    accept: [Paris, 'the *']\n",
            "bank.yaml:9: [q] accepted answer 'the *' would accept any answer: a leading 'the', 'a' "
            "or 'an' is dropped from answers, so give the pattern another word",
        ),
        (
            "  - id: q\n    type: short\n    prompt: P\n    accept: ['Iowa*']\n",
            "bank.yaml:9: [q] the first accepted answer 'Iowa*' is shown to students as the correct "
            "answer; write it without '*' (a literal '*' is written '\\*')",
        ),
        (
            "  - id: q\n    type: short\n    prompt: P\n    accept: [a]\n    source: sent a battalion\n",
            'bank.yaml:10: [q] source quote not found in source.txt: "sent a battalion"',
        ),
        (
            "  - id: q\n    type: cloze\n    prompt: '{{1}} and {{3}}'\n    blanks: [a, b]\n",
            "bank.yaml:9: [q] the prompt must contain each of {{1}} to {{2}} once for 2 blanks; "
            "it has [1, 3]",
        ),
        (  # no blank (int() of 5,000 digits failed the check and the editor with a 500)
            "  - id: q\n    type: cloze\n    prompt: '{{1}} and {{" + "9" * 20 + "}}'\n    blanks: [a]\n",
            "bank.yaml:8: [q] {{99999999…}} is no blank: blanks are numbered {{1}}, {{2}}… "
            "with at most 4 digits",
        ),
        (
            "  - id: q\n    type: ordering\n    prompt: P\n    items: [a, a, b]\n",
            "bank.yaml:9: [q] 'a' is listed twice (first on line 9)",
        ),
        (
            "  - id: q\n    type: matching\n    prompt: P\n    pairs:\n      - {left: a, right: b}\n",
            "bank.yaml:10: [q] give at least 2 pairs",
        ),
        (
            "  - id: 'q 1'\n    type: true_false\n    prompt: P\n    answer: true\n",
            "bank.yaml:6: [q 1] an id may only use letters, digits, '-', '_' and '.'",
        ),
        (
            "  - id: q\n    type: true_false\n    prompt: P\n    answer: true\n    points: 0\n",
            "bank.yaml:10: [q] 'points' must be more than 0 and at most 1000",
        ),
        (
            "  - id: q\n    type: true_false\n    prompt: [P]\n    answer: true\n",
            "bank.yaml:8: [q] 'prompt' must be text, not a list or a set of fields",
        ),
        (
            "  - type: true_false\n    prompt: P\n    answer: true\n",
            "bank.yaml:6: [question on line 6] missing field 'id'",
        ),
        (
            "  - id: q\n    type: multiple\n    prompt: P\n    choices: [a, b]\n",
            "bank.yaml:6: [q] missing field 'answers' (the list of correct choices)",
        ),
        (
            "  - id: q\n    type: numeric\n    prompt: P\n    answer: 1\n    min: 0\n",
            "bank.yaml:6: [q] give either 'answer' (with an optional 'tolerance') or 'min'/'max'",
        ),
        (
            "  - just text\n",
            "bank.yaml:6: a question must be a set of 'field: value' lines",
        ),
    ],
)
def test_each_problem_is_reported_with_file_line_and_question(question, expected):
    assert one_problem(question) == expected


def test_misspelled_field_is_reported_with_a_suggestion():
    problems = problems_of(
        HEADER + "  - id: q\n    type: single\n    promt: P\n    choices: [a, b]\n    answer: a\n"
    )
    assert problems == [
        "bank.yaml:6: [q] missing field 'prompt'",
        "bank.yaml:8: [q] unknown field 'promt' in a single question; did you mean 'prompt'?",
    ]


def test_field_of_another_type_is_unknown():
    problems = problems_of(
        HEADER + "  - id: q\n    type: true_false\n    prompt: P\n    answer: true\n    choices: [a, b]\n"
    )
    assert problems == [
        "bank.yaml:10: [q] unknown field 'choices' in a true_false question (allowed: id, type, prompt, "
        "explanation, source, tags, points, group, allow_giveaway, draft, answer, feedback)"
    ]


def test_duplicate_ids_and_all_problems_of_a_file():
    problems = problems_of("""
        title: T
        settings:
          flashcards: no
          show_answers: later
          draw: 5
        questions:
          - {id: a, type: true_false, prompt: P, answer: true}
          - {id: a, type: true_false, prompt: P, answer: false}
          - {id: b, type: short, prompt: P}
    """)
    assert problems == [
        "bank.yaml:4: 'flashcards' must be true or false, not 'no'",
        "bank.yaml:5: 'show_answers' must be one of immediately, after_submit, never, not 'later'",
        "bank.yaml:6: 'draw' must be a whole number from 1 to 3",
        "bank.yaml:9: [a] duplicate id 'a' (first on line 8)",
        "bank.yaml:10: [b] missing field 'accept' (the accepted answers)",
    ]


@pytest.mark.parametrize("written", ["after_due", "after due", "After-Due"])
def test_a_bank_may_not_show_answers_after_the_due_time_it_has_not(written):
    problems = problems_of(f"""
        title: T
        settings:
          show_answers: {written}
        questions:
          - {{id: a, type: true_false, prompt: P, answer: true}}
    """)
    assert problems == [
        f"bank.yaml:4: 'show_answers' must be one of immediately, after_submit, never, not '{written}' "
        "(answers after the due time are an assignment's choice: a bank has no due time)"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (b"", "bank.yaml:1: the file holds no bank: start with 'title:' and 'questions:'"),
        (b"just a sentence", "bank.yaml:1: the file holds no bank: start with 'title:' and 'questions:'"),
        (b"- a\n- b\n", "bank.yaml:1: a bank file must be a set of 'field: value' lines"),
        (b"title: T\nquestions: []\n", "bank.yaml:2: the bank has no questions"),
        (b"title: T\n", "bank.yaml:1: missing field 'questions'"),
        (
            b"title: T\nquestions:\n  - id: q\n\x00\n",
            "bank.yaml:4: the file contains a NUL byte (is it a text file?)",
        ),
        (
            b"title: T\n\xff\xfe\n",
            "bank.yaml:2: the file is not valid UTF-8 (byte 9); save it with the UTF-8 encoding",
        ),
        (
            b"title: T\nqestions: []\n",
            "bank.yaml:2: unknown field 'qestions' in the bank; did you mean 'questions'?",
        ),
    ],
)
def test_file_level_problems(text, expected):
    from quizapp.core import load_bank_bytes
    from tests.core.yaml_banks import read_source

    problems = [str(p) for p in load_bank_bytes(text, "bank.yaml", "bank", read_source).problems]
    assert expected in problems


def test_source_file_problems():
    problems = problems_of(
        "title: T\nsource:\n  title: S\n  path: missing.txt\nquestions:\n"
        "  - {id: q, type: true_false, prompt: P, answer: true, source: x}\n"
    )
    assert problems == [  # reported once, not again for every quote that cannot be checked
        "bank.yaml:4: source text 'missing.txt': no such file"
    ]
    no_path = problems_of(
        "title: T\nquestions:\n  - {id: q, type: true_false, prompt: P, answer: true, source: x}\n"
    )
    assert no_path == [
        "bank.yaml:3: [q] the question quotes a source, but the bank has no source 'path' to check it"
    ]


def test_quotes_match_after_normalizing_whitespace_and_typographic_quotes(tmp_path):
    from quizapp.core import load_bank_file

    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text("He said: “It’s   extremely\nimportant” – twice.")
    (tmp_path / "b.yaml").write_text(
        "title: T\nsource: {title: S, path: sources/a.txt}\nquestions:\n"
        "  - {id: q, type: true_false, prompt: P, answer: true,\n"
        '     source: "\\"It\'s extremely important\\" - twice"}\n'
    )
    result = load_bank_file(tmp_path / "b.yaml")
    assert result.problems == ()


def test_source_takes_one_quote_or_a_list_of_quotes():
    one = bank_from(
        HEADER + "  - {id: q, type: true_false, prompt: P, answer: true, source: sent an army platoon}\n"
    )
    several = bank_from(
        HEADER + "  - id: q\n    type: true_false\n    prompt: P\n    answer: true\n"
        "    source:\n      - an army platoon to Kuwait\n      - ended in 1999\n"
    )
    flow = bank_from(
        HEADER
        + "  - {id: q, type: true_false, prompt: P, answer: true, source: [ended in 1999, Kosovo has]}\n"
    )
    assert one.questions[0].source_quotes == ("sent an army platoon",)
    assert several.questions[0].source_quotes == ("an army platoon to Kuwait", "ended in 1999")
    assert flow.questions[0].source_quotes == ("ended in 1999", "Kosovo has")  # as written, not sorted
    no_source = bank_from(HEADER + "  - {id: q, type: true_false, prompt: P, answer: true}\n")
    assert no_source.questions[0].source_quotes == ()


LISTED = (
    HEADER + "  - id: q\n    type: true_false\n    prompt: P\n    answer: true\n    source:\n"
)  # quotes from line 11


def test_each_listed_quote_is_checked_and_a_missing_one_reported_at_its_own_line():
    problems = problems_of(
        LISTED
        + "      - sent an army platoon\n      - sent a battalion of 500 soldiers to the capital to guard it "
        "for the elections\n      - ended in 1999\n      - a 79-day campaign\n"
    )
    assert problems == [
        'bank.yaml:12: [q] source quote not found in source.txt: "sent a battalion of 500 soldiers to the capital to '
        'guard it…"',
        'bank.yaml:14: [q] source quote not found in source.txt: "a 79-day campaign"',
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "    source: []\n",
            "bank.yaml:10: [q] 'source' is an empty list: give one or more quotes, or leave 'source' out",
        ),
        (
            "    source:\n      - ended in 1999\n      - [Kosovo has]\n",
            "bank.yaml:12: [q] each quote in 'source' must be text, not a list or a set of fields",
        ),
        (
            "    source:\n      - ended in 1999\n      - {quote: Kosovo has}\n",
            "bank.yaml:12: [q] each quote in 'source' must be text, not a list or a set of fields",
        ),
        (
            "    source:\n      - ended in 1999\n      -\n",
            "bank.yaml:12: [q] an empty quote in 'source': a '- ' with no quote after it",
        ),
        (
            "    source:\n      - ended in 1999\n      - ended   in 1999\n",
            "bank.yaml:12: [q] the same quote twice in 'source' (first on line 11)",
        ),
        (
            "    source: {quote: ended in 1999}\n",
            "bank.yaml:10: [q] 'source' must be a quote or a list of quotes, not a set of fields",
        ),
    ],
    ids=["empty-list", "list-item", "mapping-item", "empty-item", "repeated", "mapping"],
)
def test_a_wrong_source_list_is_a_problem(source, expected):
    assert (
        one_problem("  - id: q\n    type: true_false\n    prompt: P\n    answer: true\n" + source) == expected
    )


def test_a_source_list_without_a_source_path_is_reported_once():
    problems = problems_of(
        "title: T\nquestions:\n  - id: q\n    type: true_false\n    prompt: P\n    answer: true\n"
        "    source:\n      - x\n      - y\n"
    )
    assert problems == [
        "bank.yaml:7: [q] the question quotes a source, but the bank has no source 'path' to check it"
    ]


def test_source_path_must_stay_in_the_questions_folder(tmp_path):
    from quizapp.core import load_bank_file

    (tmp_path / "secret.txt").write_text("secret")
    folder = tmp_path / "questions"
    folder.mkdir()
    (folder / "b.yaml").write_text(
        "title: T\nsource: {title: S, path: ../secret.txt}\nquestions:\n"
        "  - {id: q, type: true_false, prompt: P, answer: true}\n"
    )
    problems = [str(p) for p in load_bank_file(folder / "b.yaml", "b.yaml").problems]
    assert problems == [
        "b.yaml:2: source text '../secret.txt': the path must stay inside the questions folder"
    ]


def test_numeric_forms():
    bank = bank_from("""
        title: T
        questions:
          - {id: a, type: numeric, prompt: P, answer: "5,000", tolerance: 5%, unit: troops}
          - {id: b, type: numeric, prompt: P, min: 1990, max: 2000}
    """)
    a, b = (q.answer for q in bank.questions)
    assert a == NumericAnswer(value=Decimal(5000), tolerance=Decimal("0.05"), relative=True, unit="troops")
    assert b.minimum == 1990 and b.maximum == 2000 and b.value is None


def test_choice_ids_follow_the_text_not_the_position():
    first = bank_from(
        "title: T\nquestions:\n  - {id: q, type: single, prompt: P, choices: [a, b], answer: a}\n"
    )
    second = bank_from(
        "title: T\nquestions:\n  - {id: q, type: single, prompt: P, choices: [b, a], answer: a}\n"
    )
    ids = {c.text: c.id for c in first.questions[0].answer.choices}
    assert ids == {c.text: c.id for c in second.questions[0].answer.choices}
    assert first.questions[0].content_hash != second.questions[0].content_hash


def test_choice_feedback_and_matching_shared_rights():
    bank = bank_from("""
        title: T
        questions:
          - id: q
            type: single
            prompt: P
            choices:
              - text: a
                feedback: Yes!
              - b
            answer: a
          - id: m
            type: matching
            prompt: P
            pairs:
              - {left: Russia, right: No}
              - {left: China, right: No}
            distractors: [Yes, No]
    """)
    assert bank.questions[0].answer.choices[0].feedback == "Yes!"
    matching = bank.questions[1].answer
    assert [r.text for r in matching.rights] == ["No", "Yes"]
    assert bank.count_by_type() == {QuestionType.SINGLE: 1, QuestionType.MATCHING: 1}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "title: T\nquestions:\n  -\n  - {id: q, type: true_false, prompt: P, answer: true}\n",
            "bank.yaml:3: an empty question: a '- ' with nothing after it",
        ),
        (
            "title: T\nquestions:\n  - {id: q, type: numeric, prompt: P, answer: }\n",
            "bank.yaml:3: [q] 'answer' is empty: write the number",
        ),
        (
            "title: T\nquestions:\n  - id: q\n    type: true_false\n    prompt: P\n    \u00a0answer: true\n",
            "bank.yaml:6: [q] unknown field '\\xa0answer' (it contains invisible or unusual characters) in a true_false question; did you mean 'answer'?",
        ),
        (
            "title: " + "x" * 301 + "\nquestions:\n  - {id: q, type: true_false, prompt: P, answer: true}\n",
            "bank.yaml:1: the title is longer than 300 characters",
        ),
        (
            "title: T\nquestions:\n  - {id: q, type: true_false, prompt: P, answer: true}\ncards:\n  - {id: 'a b', term: t, definition: d}\n",
            "bank.yaml:5: a card id may only use letters, digits, '-', '_' and '.'",
        ),
    ],
)
def test_more_problems_found_by_a_first_time_user(text, expected):
    assert expected in problems_of(text)


def test_quoted_true_is_a_boolean():
    bank = bank_from('title: T\nquestions:\n  - {id: q, type: true_false, prompt: P, answer: "true"}\n')
    assert bank.questions[0].answer.value is True


def test_problems_are_capped(tmp_path):
    text = "title: T\nsettings:\n" + "".join(f"  k{n}: 1\n" for n in range(500)) + "questions: []\n"
    problems = problems_of(text)
    assert len(problems) == 201 and problems[-1].endswith("more problems")


def test_draw_counts_one_question_per_group():
    problems = problems_of("""
        title: T
        settings: {draw: 3}
        questions:
          - {id: a1, type: true_false, prompt: P, answer: true, group: a}
          - {id: a2, type: true_false, prompt: P, answer: true, group: a}
          - {id: b, type: true_false, prompt: P, answer: true}
    """)
    assert problems == ["bank.yaml:3: 'draw' must be a whole number from 1 to 2"]


@pytest.mark.parametrize(
    ("prompt", "where"),
    [
        ('"[link](http://example.com \\"{{1}}\\")"', "a link's address or title"),
        ('"[link](http://example.com/{{1}})"', "a link's address or title"),
        ('"<http://example.com/{{1}}>"', "a link's address or title"),
        ('"`{{1}}` code"', "code"),
        ('"![{{1}}](http://example.com/a.png)"', "an image"),
    ],
)
def test_a_blank_outside_the_text_of_a_cloze_prompt_is_a_problem(prompt, where):
    problem = one_problem(f"  - {{id: c, type: cloze, prompt: {prompt}, blanks: [[x]]}}\n")
    assert problem == (
        f"bank.yaml:6: [c] blank {{{{1}}}} is inside {where}, where it cannot be filled in: "
        "blanks count only in the prompt's text"
    )


# --- reject: the known wrong answers of a short answer or a blank (issue 15) -------------------


def test_reject_is_read_for_short_answers_and_blanks():
    bank = bank_from("""
        title: T
        questions:
          - id: s
            type: short
            prompt: P
            accept: [armed forces]
            reject: [unarmed forces, "*unarmed*"]
            typos: true
          - id: one
            type: short
            prompt: P
            accept: [Balkans]
            reject: Baltics
          - id: c
            type: cloze
            prompt: "{{1}} and {{2}}"
            blanks:
              - accept: [exporting]
                reject: [importing]
                typos: true
              - [Iowa]
    """)
    short, one, cloze = bank.questions
    assert short.answer.rejected == ("unarmed forces", "*unarmed*")
    assert one.answer.rejected == ("Baltics",)
    assert cloze.answer.blanks[0].rejected == ("importing",)
    assert cloze.answer.blanks[1].rejected == ()


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "  - id: q\n    type: short\n    prompt: P\n    accept: [Iowa]\n    reject:\n      - Ohio\n      - IOWA.\n",
            "bank.yaml:12: [q] 'IOWA.' is both rejected and accepted (as 'Iowa'): remove it from one of the lists",
        ),
        (
            "  - id: q\n    type: short\n    prompt: P\n    accept: ['9']\n    reject: [nine]\n",
            "bank.yaml:10: [q] 'nine' is both rejected and accepted (as '9'): remove it from one of the lists",
        ),
        (
            "  - id: q\n    type: short\n    prompt: P\n    accept: ['*armed forces']\n    reject: [the armed forces]\n",
            "bank.yaml:9: [q] the first accepted answer '*armed forces' is shown to students as the correct "
            "answer; write it without '*' (a literal '*' is written '\\*')",
        ),
        (
            "  - id: q\n    type: short\n    prompt: P\n    accept: [armed forces]\n    reject: ['*forces']\n",
            "bank.yaml:10: [q] rejected pattern '*forces' matches the accepted answer 'armed forces': "
            "narrow it or remove it",
        ),
        (
            "  - id: q\n    type: short\n    prompt: P\n    accept: [a]\n    reject: ['...']\n",
            "bank.yaml:10: [q] rejected answer '...' has no letters or digits to match",
        ),
        (
            "  - id: q\n    type: short\n    prompt: P\n    accept: [a]\n    reject: [[b]]\n",
            "bank.yaml:10: [q] 'reject' must be text, not a list or a set of fields",
        ),
        (
            "  - id: q\n    type: cloze\n    prompt: '{{1}}'\n    blanks:\n      - accept: [Serbia]\n"
            "        reject: [Serbia]\n",
            "bank.yaml:11: [q] 'Serbia' is both rejected and accepted (as 'Serbia'): remove it from one of the lists",
        ),
        (
            "  - id: q\n    type: cloze\n    prompt: '{{1}}'\n    blanks:\n      - accept: [Serbia]\n"
            "        rejects: [Siberia]\n",
            "bank.yaml:11: [q] unknown field 'rejects' in a blank; did you mean 'reject'?",
        ),
    ],
)
def test_reject_problems_are_reported_with_their_line(question, expected):
    assert one_problem(question) == expected


def test_a_quote_across_a_paragraph_break_is_refused_with_what_to_do_instead():
    """Such a quote was in the text but could never be highlighted: feedback showed no passage."""
    article = "Kosovo has sent an army platoon to Kuwait.\n\nA ceremony was held on March 9."
    bank = HEADER + "  - id: q\n    type: true_false\n    prompt: P\n    answer: true\n    source: %s\n"

    def problems(quote: str) -> list[str]:
        result = load_bank_bytes((bank % quote).encode(), "bank.yaml", "bank", lambda path: article)
        return [str(problem) for problem in result.problems]

    assert problems("to Kuwait. A ceremony was held") == [
        'bank.yaml:10: [q] source quote runs across a paragraph break in source.txt: "to Kuwait. A ceremony '
        "was held\"; quote each paragraph's part on its own (source: [first, second])"
    ]
    assert problems("[to Kuwait., A ceremony was held]") == []
    assert problems("to Kuwait. A parade") == [
        'bank.yaml:10: [q] source quote not found in source.txt: "to Kuwait. A parade"'
    ]


def test_a_quote_is_whole_words_of_the_text_however_its_letters_are_composed():
    """ "a" was found inside "Kosovar" and highlighted there; a decomposed "Priština" (as some
    editors write it) was "not found" though it looks the same."""
    article = "Kosovar Peacekeepers\n\nA ceremony was held in the capital, Pri\u0161tina."
    bank = HEADER + "  - id: q\n    type: true_false\n    prompt: P\n    answer: true\n    source: %s\n"

    def problems(quote: str) -> list[str]:
        result = load_bank_bytes((bank % quote).encode(), "bank.yaml", "bank", lambda path: article)
        return [str(problem) for problem in result.problems]

    assert problems("capital, Pris\u030ctina") == []  # s + combining caron
    assert problems("osovar") == ['bank.yaml:10: [q] source quote not found in source.txt: "osovar"']
    assert problems("'.'") == ['bank.yaml:10: [q] a source quote needs words of the text, not only "."']
    assert problems("held in the capital") == []


# --- A literal "*": written \* in accept and reject (issue 16) -------------------------------------


def test_a_literal_star_is_no_pattern_and_may_come_first():
    bank = bank_from(r"""
        title: T
        questions:
          - id: s
            type: short
            prompt: P
            accept: ['\*args', '\*args *']
            reject: [args]
          - id: c
            type: cloze
            prompt: "{{1}}"
            blanks: [['\*\*kwargs']]
    """)
    short, cloze = bank.questions
    assert short.answer.accepted == ("\\*args", "\\*args *")
    assert short.answer.rejected == ("args",)  # no problem: "args" is not "*args"
    assert cloze.answer.blanks[0].accepted == ("\\*\\*kwargs",)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "  - id: q\n    type: short\n    prompt: P\n    accept: ['\\*']\n",
            "bank.yaml:9: [q] accepted answer '\\*' has no letters or digits to match",
        ),
        (
            "  - id: q\n    type: short\n    prompt: P\n    accept: ['\\*args']\n    reject: ['\\*ARGS.']\n",
            "bank.yaml:10: [q] '\\*ARGS.' is both rejected and accepted (as '\\*args'): remove it from one of the lists",
        ),
        (
            "  - id: q\n    type: short\n    prompt: P\n    accept: ['\\*args']\n    reject: ['\\*args *']\n",
            "bank.yaml:10: [q] rejected pattern '\\*args *' matches the accepted answer '\\*args': narrow it or remove it",
        ),
        (
            "  - id: q\n    type: short\n    prompt: P\n    accept: ['\\*args *']\n",
            "bank.yaml:9: [q] the first accepted answer '\\*args *' is shown to students as the correct "
            "answer; write it without '*' (a literal '*' is written '\\*')",
        ),
    ],
)
def test_literal_star_problems_are_reported(question, expected):
    assert one_problem(question) == expected


@pytest.mark.parametrize(
    ("accept", "reject", "wrong", "right"),
    [
        ("__init__", "init", "init", "__init__"),
        ("args", "'\\*args'", "*args", "args"),  # symbols count in the question as it has one
        ("'C++'", "C", "C", "c ++"),
        ("'C#'", "'C++'", "C++", "C#"),
    ],
)
def test_a_rejected_answer_that_differs_only_in_symbols_is_no_problem(accept, reject, wrong, right):
    bank = bank_from(
        HEADER
        + f"  - id: q\n    type: short\n    prompt: P\n    accept: [{accept}]\n    reject: [{reject}]\n"
    )
    (question,) = bank.questions
    assert check(question, wrong).fraction == 0
    assert check(question, right).fraction == 1
