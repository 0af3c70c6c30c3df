import dataclasses
import html
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from quizapp.core.interchange import Imported, bank_yaml
from quizapp.core.interchange.gift import read_gift, write_gift
from quizapp.core.model import ChoiceAnswer, QuestionType
from quizapp.services.rendering import markdown_html
from tests.core.interchange.samples import bank_of, by_id, sample
from tests.core.yaml_banks import bank_from, load

MOODLE = sample("moodle-export.gift")


def test_a_moodle_export_imports_every_question_with_an_answer():
    imported = read_gift(MOODLE)
    bank = bank_of(imported)
    questions = by_id(bank)
    assert list(questions) == [
        "mission-destination",
        "first-mission",
        "capital",
        "troops",
        "reservists",
        "war-end",
        "recognition",
        "pairs",
        "command",
        "weighted-single",
        "escapes",
    ]
    assert {q.tags for q in bank.questions} == {("Kosovo peacekeepers",)}  # the category's last name


def test_html_text_becomes_plain_and_feedback_is_kept_per_choice():
    question = by_id(bank_of(read_gift(MOODLE)))["mission-destination"]
    assert question.type is QuestionType.SINGLE
    assert question.prompt == "To which country has Kosovo sent an army platoon?"
    assert [(c.text, c.correct, c.feedback) for c in question.answer.choices] == [
        ("Kuwait", True, "Right: the article opens with it."),
        ("Iraq", False, "No."),
        ("Lebanon", False, ""),
    ]


def test_each_gift_type_maps_to_its_bank_type():
    questions = by_id(bank_of(read_gift(MOODLE)))
    assert questions["first-mission"].answer.value is True
    capital = questions["capital"]
    assert capital.type is QuestionType.SHORT and capital.answer.accepted == ("Pristina", "Prishtina")
    assert capital.explanation == "The ceremony was at the military barracks in the capital, Pristina."
    assert questions["troops"].answer.value == Decimal(5000) and questions["troops"].answer.tolerance == 0
    reservists = questions["reservists"].answer
    assert (reservists.value, reservists.tolerance) == (Decimal(3000), Decimal(500))
    war_end = questions["war-end"].answer
    assert (war_end.minimum, war_end.maximum) == (Decimal(1995), Decimal(2000))
    recognition = questions["recognition"]
    assert recognition.type is QuestionType.MULTIPLE
    assert [c.text for c in recognition.answer.correct_choices] == ["Belgrade", "Moscow", "Beijing"]
    pairs = questions["pairs"].answer
    assert [(left.text, right.text) for left, right in pairs.pairs] == [
        ("Days of the NATO air campaign", "78"),
        ("Soldiers seen at the ceremony", "32"),
        ("Year of independence", "2008"),
    ]
    assert [item.text for item in pairs.distractors] == ["22"]
    command = questions["command"]
    assert command.type is QuestionType.CLOZE
    assert (
        command.prompt
        == "The platoon will be under the command of the National Guard of {{1}} during its mission."
    )
    assert command.answer.blanks[0].accepted == ("Iowa", "Iowa's National Guard")


def test_escaped_characters_are_text_not_syntax():
    escapes = by_id(bank_of(read_gift(MOODLE)))["escapes"]
    assert escapes.prompt == "Is 2 = 2 in {braces}? Answer with a colon: yes or no."
    assert [c.text for c in escapes.answer.correct_choices] == ["yes: it is"]


def test_what_cannot_be_imported_is_reported_by_line_and_the_rest_imports():
    imported = read_gift(MOODLE)
    assert [(note.line, note.text) for note in imported.skipped] == [
        (50, "an essay question (an empty {}) has no answer to check"),
        (52, "a description without a question (no {...})"),
        (56, "an answer block '{' is never closed"),
    ]
    assert [(note.line, note.text) for note in imported.notes] == [
        (20, "the partial-credit answer '3000:1000' (50%) is not kept, nor its feedback ('Close.')"),
        (43, "partial credit (50%) for 'NATO' is not kept: it counts as wrong"),
    ]
    single = by_id(bank_of(imported))["weighted-single"]
    assert single.type is QuestionType.SINGLE
    assert [c.text for c in single.answer.correct_choices] == ["U.S. Central Command"]


def test_broken_input_never_raises_and_names_lines():
    imported = read_gift(
        "::A:: Fine? {T}\n\n"
        "::B:: No right answer {~a ~b}\n\n"
        "::C:: One answer is no choice {~a}\n\n"
        "::D:: Not a number {#many}\n\n"
        "::E:: Matching without arrows {=a -> 1 =b}\n\n"
        "::F:: Numeric without full marks {#=%50%3:1}\n"
    )
    assert [q["id"] for q in imported.questions] == ["a"]
    assert [(note.line, note.text.split(":")[0]) for note in imported.skipped] == [
        (3, "a choice question without a right answer"),
        (5, "a choice question needs at least two answers"),
        (7, "'many' is not a number, a number"),
        (9, "a matching question needs '=left -> right' entries"),
        (11, "a numeric question without a 100% answer"),
    ]


def test_nothing_but_noise_imports_nothing():
    imported = read_gift("// only a comment\n\n\ufeffjust some words\n")
    assert imported.questions == [] and [note.line for note in imported.skipped] == [3]


def _without_lines(bank):
    return [dataclasses.replace(question, line=0) for question in bank.questions]


def test_round_trip_gift_to_bank_to_gift_keeps_every_question():
    first = bank_of(read_gift(MOODLE))
    text, notes = write_gift(first)
    assert notes == []
    again = bank_of(read_gift(text))
    assert _without_lines(again) == _without_lines(first)  # answers, feedback, tags: all of it
    assert write_gift(again)[0] == text


def test_round_trip_of_a_multiline_markdown_prompt_and_special_characters():
    first = bank_from("""
        title: T
        questions:
          - id: q
            type: multiple
            prompt: |
              Which of these **do not** recognize Kosovo?

              - think of {Belgrade}'s allies
            choices:
              - {text: "Russia", feedback: "Right # 1"}
              - China
              - "Most Western nations: no"
            answers: [Russia, China]
            explanation: "Not by Belgrade ~ and its allies = Russia and China."
            tags: [recognition]
    """)
    text, notes = write_gift(first)
    assert notes == []
    assert "$CATEGORY: $course$/top/T/recognition" in text
    assert _without_lines(bank_of(read_gift(text))) == _without_lines(first)


def test_export_reports_what_gift_cannot_hold():
    bank = bank_from("""
        title: T
        questions:
          - {id: o, type: ordering, prompt: P, items: [a, b]}
          - {id: c, type: cloze, prompt: "{{1}} and {{2}}", blanks: [[x], [y]]}
          - {id: n, type: numeric, prompt: P, answer: 5000, unit: troops, points: 2, tags: [a, b]}
          - {id: s, type: short, prompt: P, accept: [Iowa], typos: true}
    """)
    text, notes = write_gift(bank)
    assert notes == [
        "o: left out: GIFT has no ordering questions",
        "c: left out: GIFT has no questions with several blanks",
        "n: only the first tag becomes its category (not b)",
        "n: its points (2) are not kept: set the mark in Moodle",
        "n: its unit (troops) is not kept",
        "s: forgiving typos is not kept: Moodle accepts only the answers listed",
    ]
    assert "::n::[markdown]P {#5000:0}" in text and "::s::[markdown]P {=Iowa}" in text and "::o::" not in text


def test_source_quotes_one_or_several_are_not_kept_and_the_export_says_so():
    bank = bank_from("""
        title: T
        source: {title: S, path: source.txt}
        questions:
          - {id: t, type: true_false, prompt: P, answer: true, source: [ended in 1999, to Kuwait]}
    """)
    text, notes = write_gift(bank)
    assert notes == ["every question: GIFT has no place for source quotes, groups and allow_giveaway"]
    assert "::t::[markdown]P {T}" in text and "1999" not in text


def test_export_says_gift_drops_allow_giveaway():
    bank = bank_from("""
        title: T
        questions:
          - {id: a, type: short, prompt: P, accept: [Iowa], allow_giveaway: [b]}
          - {id: b, type: true_false, prompt: Iowa is a state., answer: true}
    """)
    _, notes = write_gift(bank)
    assert notes == ["every question: GIFT has no place for source quotes, groups and allow_giveaway"]


def test_rejected_answers_are_written_at_0_percent_and_read_back():
    bank = bank_from("""
        title: T
        questions:
          - {id: s, type: short, prompt: P, accept: [armed forces], reject: [unarmed forces, "*unarmed*"]}
          - id: c
            type: cloze
            prompt: "we are {{1}} them"
            blanks: [{accept: [exporting], reject: [importing]}]
    """)
    text, notes = write_gift(bank)
    assert notes == []
    assert "::s::[markdown]P {=armed forces =%0%unarmed forces =%0%*unarmed*}" in text
    assert "{=exporting =%0%importing}" in text
    again = by_id(bank_of(read_gift(text)))
    assert again["s"].answer == bank.questions[0].answer
    assert again["c"].answer == bank.questions[1].answer


def test_a_moodle_short_answer_with_a_0_percent_answer_has_it_rejected():
    imported = read_gift("::q::Which region? {=Balkans =%100%Balkan =%0%Baltics#No: that is further north}")
    assert imported.questions[0]["accept"] == ["Balkans", "Balkan"]
    assert imported.questions[0]["reject"] == [{"text": "Baltics", "feedback": "No: that is further north"}]
    partial = read_gift("::q::Which region? {=Balkans =%50%Europe}")  # only '=': still typed
    assert (partial.questions[0]["type"], partial.questions[0]["accept"]) == ("short", ["Balkans"])
    assert [note.text for note in partial.notes] == [
        "partial credit (50%) for 'Europe' is not kept: a short answer has none, so it counts as wrong"
    ]


def test_relative_tolerance_is_written_as_the_absolute_one_moodle_knows():
    bank = bank_from("""
        title: T
        questions:
          - {id: n, type: numeric, prompt: P, answer: 5000, tolerance: 2%}
          - {id: r, type: numeric, prompt: P, min: 1990}
    """)
    text, _ = write_gift(bank)
    assert "{#5000:100}" in text and "{#1990..1000000000000}" in text


def test_the_article_bank_exports_every_question_gift_can_hold():
    from pathlib import Path

    from quizapp.core.bank_loader import load_bank_file

    article = load_bank_file(Path(__file__).parents[3] / "questions" / "kosovo-peacekeepers.yaml").bank
    text, notes = write_gift(article)
    again = by_id(bank_of(read_gift(text)))
    left_out = {note.split(":")[0] for note in notes if "left out" in note}
    assert left_out == {
        q.id
        for q in article.questions
        if q.type is QuestionType.ORDERING or (q.type is QuestionType.CLOZE and len(q.answer.blanks) > 1)
    }
    assert set(again) == {q.id for q in article.questions} - left_out
    for question in article.questions:
        if question.id in again:
            copy = again[question.id]
            assert (copy.type, copy.prompt, copy.explanation) == (
                question.type,
                question.prompt,
                question.explanation,
            )
            if isinstance(question.answer, ChoiceAnswer):
                assert copy.answer == question.answer


def test_an_explanation_ending_in_a_backslash_keeps_its_question():
    bank = bank_from("""
        title: T
        questions:
          - {id: q, type: short, prompt: 'Path?', accept: ['C:\\'], explanation: 'It is C:\\'}
    """)
    assert bank.questions[0].explanation == "It is C:\\"  # one backslash
    text, _ = write_gift(bank)
    assert "::q::[markdown]Path? {=C\\:\\\\ ####It is C\\:\\\\}" in text  # was "C\\:\\}": never closed
    again = read_gift(text)
    assert again.skipped == [] and _without_lines(bank_of(again)) == _without_lines(bank)


# --- any text in every field survives GIFT and back (Hypothesis) ------------------------------


def _gift_text(text: str) -> str:
    """What GIFT keeps of a text: each line's blanks collapsed (a GIFT question is one line)."""
    return "\n".join(" ".join(line.split()) for line in text.strip().splitlines())


_CHARACTERS = st.one_of(
    st.characters(blacklist_categories=("Cc", "Cs", "Co", "Zl", "Zp")),
    st.sampled_from(list("\\~=#{}:[]%->/ \n")),
    st.sampled_from(["\\", "\\\\", "\\n", "\\:", "->", "[html]", "[markdown]", "%50%", "####", "//", "::"]),
    # hard line breaks as the bank writes them ("\\" and a line break), and backslashes before one
    st.sampled_from(["a\\\nb", "a\\\\\nb", "a\\\\\\\nb", "a \\\nb", "\\\n\\\n"]),
    # Markdown and HTML-like text, and line starts Markdown reads as blocks
    st.sampled_from(
        ["*", "**", "__", "_", "`", "<b>", "</b>", "&amp;", "\n1999. ", "\n# of troops", "\n- ", "\n> "]
    ),
)
_TEXT = st.lists(_CHARACTERS, min_size=1, max_size=12).map("".join).map(_gift_text).filter(bool)
_ONE_LINE = _TEXT.map(lambda text: " ".join(text.split()))


def _with_feedback(text: str):
    """An entry of accept: or reject:, as text or with its feedback."""
    return st.one_of(st.just(text), _TEXT.map(lambda feedback: {"text": text, "feedback": feedback}))


@st.composite
def _right_and_wrong(draw) -> dict:
    """A question's feedback: right, wrong, both or none."""
    feedback = {key: draw(_TEXT) for key in ("right", "wrong") if draw(st.booleans())}
    return {"feedback": feedback} if feedback else {}


@st.composite
def _questions(draw):
    kind = draw(
        st.sampled_from(["single", "multiple", "short", "true_false", "numeric", "matching", "cloze"])
    )
    question = {"type": kind, "prompt": draw(_TEXT)}
    if draw(st.booleans()):
        question["explanation"] = draw(_TEXT)
    if kind in ("single", "multiple"):
        texts = draw(st.lists(_ONE_LINE, min_size=2, max_size=4, unique_by=str.casefold))
        feedback = [draw(st.one_of(st.just(""), _TEXT)) for _ in texts]
        question["choices"] = [
            {"text": t, "feedback": f} if f else t for t, f in zip(texts, feedback, strict=True)
        ]
        if kind == "single":
            question["answer"] = texts[0]
        else:
            question["answers"] = texts[: draw(st.integers(1, len(texts) - 1))]
    elif kind == "short":
        accepted = draw(st.lists(_ONE_LINE, min_size=1, max_size=3, unique_by=str.casefold))
        question["accept"] = [draw(_with_feedback(text)) for text in accepted]
        if draw(st.booleans()):
            rejected = draw(st.lists(_ONE_LINE, min_size=1, max_size=2, unique_by=str.casefold))
            question["reject"] = [draw(_with_feedback(text)) for text in rejected]
    elif kind == "true_false":
        question["answer"] = draw(st.booleans())
        question.update(draw(_right_and_wrong()))
    elif kind == "numeric":
        question["answer"] = str(draw(st.integers(-10_000, 10_000)))
        question["tolerance"] = str(draw(st.integers(0, 5)))
        question.update(draw(_right_and_wrong()))
    elif kind == "matching":
        lefts = draw(st.lists(_ONE_LINE, min_size=2, max_size=3, unique_by=str.casefold))
        rights = draw(st.lists(_ONE_LINE, min_size=len(lefts), max_size=len(lefts), unique_by=str.casefold))
        question["pairs"] = [
            {"left": left, "right": right} for left, right in zip(lefts, rights, strict=True)
        ]
    else:
        before, after = draw(_ONE_LINE), draw(_ONE_LINE)
        assume("{{" not in before + after and "}}" not in before + after)
        question["prompt"] = f"{before} {{{{1}}}} {after}"
        accepted = draw(st.lists(_ONE_LINE, min_size=1, max_size=2, unique_by=str.casefold))
        if draw(st.booleans()):
            rejected = draw(st.lists(_ONE_LINE, min_size=1, max_size=2, unique_by=str.casefold))
            question["blanks"] = [{"accept": accepted, "reject": rejected}]
        else:
            question["blanks"] = [accepted]
    return question


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
@given(st.lists(_questions(), min_size=1, max_size=3))
def test_any_text_in_every_field_survives_export_and_import(questions):
    imported = Imported(title="T")
    for number, question in enumerate(questions, start=1):
        imported.add_question(question, f"q{number}")
    loaded = load(bank_yaml(imported, "a test"))
    assume(not loaded.problems)  # the bank itself must be valid (e.g. distinct choices)
    text, notes = write_gift(loaded.bank)
    assert notes == []
    again = read_gift(text)
    assert again.skipped == [] and again.notes == []
    assert _without_lines(bank_of(again)) == _without_lines(loaded.bank)


def test_a_hard_line_break_is_written_as_two_blanks_before_gifts_line_break():
    """PHP Markdown (Moodle's) has no backslash breaks: "\\" and a line break would show a "\\"."""
    bank = bank_from(r"""
        title: T
        questions:
          - id: q
            type: single
            prompt: "Line one\\\nline two; C:\\\\\nnot a break"
            choices: [a, b]
            answer: a
            explanation: "Kept\\\nas a break"
    """)
    assert bank.questions[0].prompt == "Line one\\\nline two; C:\\\\\nnot a break"
    text, _ = write_gift(bank)
    assert "::q::[markdown]Line one  \\nline two; C\\:\\\\\\\\\\nnot a break {" in text
    assert "####Kept  \\nas a break}" in text
    # the field as Moodle's Markdown gets it: a hard break in CommonMark (and PHP Markdown) too
    field = "Line one  \nline two"
    assert str(markdown_html(field)) == "<p>Line one<br>\nline two</p>\n"
    assert _without_lines(bank_of(read_gift(text))) == _without_lines(bank)


@pytest.mark.parametrize(
    ("gift", "prompt"),
    [
        ("[markdown]a  \\nb", "a\\\nb"),  # two blanks: a hard break
        ("[markdown]a   \t \\nb", "a\\\nb"),  # or more
        ("[markdown]a \\nb", "a\nb"),  # one blank: a soft break, as in Markdown
        ("[markdown]a  \\n\\nb", "a\n\nb"),  # at a paragraph's end: no break there
        ("[markdown]a\\\\  \\nb", "a\\\\\\\nb"),  # a literal backslash, then the break
        ("[plain]a  \\nb", "a\\\nb"),  # plain text: every line break a hard break already
    ],
)
def test_two_blanks_before_a_line_break_are_a_hard_break_in_markdown(gift, prompt):
    imported = read_gift(f"::q::{gift}{{=yes ~no}}")
    assert imported.questions[0]["prompt"] == prompt
    bank = bank_of(imported)
    again = bank_of(read_gift(write_gift(bank)[0]))  # GIFT -> bank -> GIFT -> bank
    assert _without_lines(again) == _without_lines(bank)


_MARKDOWN_GIFT = st.lists(
    st.one_of(
        st.characters(min_codepoint=32, max_codepoint=0x7E).filter(lambda char: char not in "{}~=#:"),
        st.sampled_from(["  \\n", "   \\n", " \\n", "\\n", "\\n\\n", "\\\\", "\\\\  \\n", "a", "b"]),
    ),
    min_size=1,
    max_size=15,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_MARKDOWN_GIFT)
def test_markdown_gift_with_hard_breaks_is_stable_from_its_first_import(prompt):
    """GIFT -> bank -> GIFT -> bank: the first bank made is the one every later trip gives."""
    assume(prompt.strip() and not prompt.lstrip().startswith(("[", "%", "::", "//")))
    first = read_gift(f"::q::[markdown]{prompt} {{=yes ~no}}")
    assume(first.questions and first.questions[0]["prompt"])
    bank = bank_of(first)
    again = bank_of(read_gift(write_gift(bank)[0]))
    assert _without_lines(again) == _without_lines(bank)


def test_a_blank_keeps_the_punctuation_beside_it_through_export_and_import():
    """A cloze whose blank ends a sentence came back as "the U.S. {{1}} ." (a space was added)."""
    bank = bank_from("""
        title: T
        questions:
          - {id: c, type: cloze, prompt: "It was the U.S. {{1}}. It asked.", blanks: [[Central Command]]}
          - {id: d, type: cloze, prompt: "{{1}}, said Osmani", blanks: [[Exporting]]}
    """)
    text, _ = write_gift(bank)
    assert "U.S. {=Central Command}. It asked." in text and "{=Exporting}, said Osmani" in text
    again = by_id(bank_of(read_gift(text)))
    assert again["c"].prompt == "It was the U.S. {{1}}. It asked."
    assert again["d"].prompt == "{{1}}, said Osmani"
    assert read_gift("::q::Kosovo sent a {=platoon} to Kuwait.").questions[0]["prompt"] == (
        "Kosovo sent a {{1}} to Kuwait."
    )


def test_multiple_answer_weights_are_noted_only_where_quizapp_scores_otherwise():
    """quizapp scores +1/R per right pick and -1/W per wrong one: weights that say the same
    (Moodle's 33.33333 % included) lose nothing; others are a loss, noted by line."""
    same = read_gift("Which? {~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-50%d ~%-50%e}")
    assert same.questions[0]["answers"] == ["a", "b", "c"]
    assert same.notes == []
    other = read_gift("\n\nWhich? {~%75%a ~%25%b ~%0%c}")
    assert other.questions[0]["answers"] == ["a", "b"]
    assert [str(note) for note in other.notes] == [
        "line 3: the weights (75%, 25%, 0%) are not kept: quizapp scores each right choice "
        "picked +1/2 and each wrong one -1/1 (docs/scoring.md)"
    ]


def test_a_short_answers_feedback_is_kept_on_each_accepted_and_rejected_answer():
    imported = read_gift("::q::Name an amphibian. {=%100%Frog#Good! =Toad =%0%Cat#Cats meow =%-50%Dog#Woof}")
    [question] = imported.questions
    assert question["accept"] == [{"text": "Frog", "feedback": "Good!"}, "Toad"]
    assert question["reject"] == [
        {"text": "Cat", "feedback": "Cats meow"},
        {"text": "Dog", "feedback": "Woof"},
    ]
    assert [note.text for note in imported.notes] == [
        "the negative weight (-50%) of 'Dog' is not kept: it is rejected"
    ]
    spec = bank_of(imported).questions[0].answer
    assert spec.entry_feedback == (("Frog", "Good!"), ("Cat", "Cats meow"), ("Dog", "Woof"))
    text, notes = write_gift(bank_of(imported))
    assert "{=Frog#Good! =Toad =%0%Cat#Cats meow =%0%Dog#Woof}" in text and notes == []


def test_numeric_feedback_becomes_the_questions_feedback_on_right_and_wrong_answers():
    imported = read_gift("::q::Give the ratio within 2. {#3:2#Great ~#Completely wrong}")
    [question] = imported.questions
    assert question["feedback"] == {"right": "Great", "wrong": "Completely wrong"}
    assert imported.notes == []
    only_wrong = read_gift("::q::Give the ratio. {#3:2~#Completely wrong}")
    assert only_wrong.questions[0]["feedback"] == {"wrong": "Completely wrong"} and only_wrong.notes == []
    bank = bank_of(imported)
    text, notes = write_gift(bank)
    assert "{#=%100%3:2#Great ~#Completely wrong}" in text and notes == []
    assert _without_lines(bank_of(read_gift(text))) == _without_lines(bank)
    partial = read_gift("::q::Year? {#=%100%1999:0#Exactly. =%50%1999:2#Close. ~#Far off.}")
    assert partial.questions[0]["feedback"] == {"right": "Exactly.", "wrong": "Far off."}
    assert [note.text for note in partial.notes] == [
        "the partial-credit answer '1999:2' (50%) is not kept, nor its feedback ('Close.')"
    ]


@pytest.mark.parametrize(
    ("gift", "answer", "feedback"),
    [
        ("{T#Wrong, it is true.#Right.}", True, {"right": "Right.", "wrong": "Wrong, it is true."}),
        ("{FALSE#No, false.#Yes, false.}", False, {"right": "Yes, false.", "wrong": "No, false."}),
        ("{T#Only on a wrong answer}", True, {"wrong": "Only on a wrong answer"}),
        ("{F##Only on a right answer}", False, {"right": "Only on a right answer"}),
    ],
)
def test_true_false_feedback_is_wrong_first_then_right_as_in_moodle(gift, answer, feedback):
    imported = read_gift(f"::q::The platoon went to Kuwait. {gift}")
    [question] = imported.questions
    assert (question["answer"], question["feedback"], imported.notes) == (answer, feedback, [])
    bank = bank_of(imported)
    text, notes = write_gift(bank)
    assert gift.replace("FALSE", "F") in text and notes == []
    assert _without_lines(bank_of(read_gift(text))) == _without_lines(bank)


def test_a_short_answers_wrong_feedback_is_moodles_any_other_answer_and_right_is_noted():
    """Moodle's exporter writes the feedback for any other answer as "=%0%*#..."; the reader
    takes it back as ``feedback: {wrong: ...}``, not as a rejected "*" (which would reject all)."""
    bank = bank_from("""
        title: T
        questions:
          - {id: q, type: short, prompt: P, accept: [a], feedback: {wrong: No.}}
          - {id: r, type: short, prompt: P, accept: [a], feedback: {right: Yes.}}
    """)
    text, notes = write_gift(bank)
    assert "{=a =%0%*#No.}" in text
    assert _without_lines(bank_of(read_gift(text)))[0] == _without_lines(bank)[0]
    assert notes == [
        "r: its feedback on a right answer is not kept: a GIFT short answer has feedback only on "
        "each answer listed (and on any other answer)"
    ]


# --- GIFT as Moodle writes it (plain text, no marker) → bank → GIFT → bank: the same bank ---------


def _gift_escaped(text: str) -> str:
    """Plain text as a GIFT field: Moodle's escapes, each line break "\\n"."""
    escaped = "".join("\\" + char if char in "\\~=#{}:" else char for char in text)
    return "\\n".join(escaped.split("\n"))


_PLAIN_GIFT = (
    st.lists(
        st.one_of(
            st.characters(min_codepoint=32, max_codepoint=0x7E),
            st.sampled_from(
                ["__init__", "1999. ", "# of troops", "C:\\new", "\n", "*a*", "<b>x</b>", "{", "}"]
            ),
        ),
        min_size=1,
        max_size=15,
    )
    .map("".join)
    .map(_gift_text)
    .filter(lambda text: text.strip() and not text.lstrip().startswith("["))
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PLAIN_GIFT, _PLAIN_GIFT, _PLAIN_GIFT)
def test_plain_gift_text_round_trips_and_shows_as_written(prompt, choice, explanation):
    assume("->" not in choice and not choice.startswith("%"))
    source = (
        f"::q::{_gift_escaped(prompt)}{{={_gift_escaped(choice)} ~other ####{_gift_escaped(explanation)}}}"
    )
    first = read_gift(source)
    assert first.skipped == [] and first.notes == []
    question = first.questions[0]
    shown = str(markdown_html(question["prompt"]))
    # every line as written, line breaks as <br>: nothing read as Markdown
    paragraphs = (
        "<br>\n".join(html.escape(line, quote=False) for line in part.split("\n"))
        for part in _paragraphs(prompt)
    )
    assert shown == "".join(f"<p>{paragraph}</p>\n" for paragraph in paragraphs)
    bank = bank_of(first)
    again = bank_of(read_gift(write_gift(bank)[0]))
    assert _without_lines(again) == _without_lines(bank)


def _paragraphs(text: str) -> list[str]:
    """Lines of plain text as Markdown shows them once escaped: an empty line parts paragraphs."""
    lines = [line.strip() for line in text.split("\n")]
    parts, current = [], []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            parts.append(current)
            current = []
    if current:
        parts.append(current)
    return ["\n".join(part) for part in parts]


@pytest.mark.parametrize(
    ("comment", "question_id", "tags"),
    [
        (r"// [id:kv\]1] [tag:a\]b]", "kv-1", ["a]b"]),  # "\]" is a "]", as in Moodle
        (r"// [id:C:\new] [tag:C:\new]", "c-new", ["C:\\new"]),  # other backslashes are themselves
        ("// [id:a[b] [tag:x[y] [tag:ok]", "q", ["ok"]),  # no "[" inside (unlike Moodle: see gift.py)
        ("// [tag:" + "t" * 256 + "] [tag:" + "t" * 255 + "]", "q", ["t" * 255]),  # at most 255 long
    ],
)
def test_comment_ids_and_tags_are_read_in_one_pass(comment, question_id, tags):
    [question] = read_gift(f"{comment}\n::Q::Which? {{=a ~b}}\n").questions
    assert (question["id"], question.get("tags", [])) == (question_id, tags)


def test_ids_of_many_questions_with_one_title_are_numbered_in_order():
    imported = read_gift(
        "\n\n".join(["::Q::Which? {=a ~b}"] * 5 + ["::Q-2::Which? {=a ~b}", "::Q::Which? {=a ~b}"])
    )
    assert [question["id"] for question in imported.questions] == [
        "q",
        "q-2",
        "q-3",
        "q-4",
        "q-5",
        "q-2-2",
        "q-6",
    ]


def test_a_missing_word_whose_text_holds_a_blank_of_its_own_is_a_short_answer_with_a_gap():
    """A cloze prompt cannot show a literal "{{2}}" (the bank check reads it as a blank): such a
    missing-word question becomes a short answer with the gap, as Moodle shows it, noted."""
    imported = read_gift(r"Use \{\{2\}\} or {=x} here.")
    [question] = imported.questions
    assert (question["type"], question["prompt"], question["accept"]) == (
        "short",
        "Use {{2}} or _____ here.",
        ["x"],
    )
    assert [note.text for note in imported.notes] == [
        "its text holds a '{{n}}' or puts the answer inside a link, so it is a short answer with a gap "
        "(_____), not a blank to fill in"
    ]
    bank_of(imported)  # a valid bank
    plain = read_gift("Kosovo declared independence in {=2008} after a long wait.")
    assert plain.questions[0]["type"] == "cloze" and plain.notes == []


@pytest.mark.parametrize("line_break", ["\n", "\r", "\u2028", "\x85", "\x0c"])
def test_a_title_or_tag_with_a_line_break_stays_on_its_comment_or_category_line(line_break):
    """A title or tag holding a line break must not end its line in the export: what follows
    would be read as a question of its own (here and in Moodle)."""
    injected = f"T{line_break}{line_break}::evil::Inj {{=yes}}{line_break}{line_break}"
    bank = dataclasses.replace(
        bank_from("""
            title: T
            questions:
              - {id: q, type: true_false, prompt: P, answer: true, tags: [x]}
        """),
        title=injected,
    )
    bank = dataclasses.replace(bank, questions=(dataclasses.replace(bank.questions[0], tags=(injected,)),))
    text, _ = write_gift(bank)
    assert [question["id"] for question in read_gift(text).questions] == ["q"]
