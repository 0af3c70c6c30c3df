"""For each Moodle-shaped GIFT fixture (tests/fixtures/interop/, our own questions), what each
question must become: type, answers, tolerance, feedback, tags, id, and what is skipped or noted.
Expected values follow Moodle's own reader (question/format/gift/format.php, readquestion) and,
where one exists, the Moodle test named in the comment (question/format/gift/tests/giftformat_test.php).

Feedback on short, numeric and true/false answers is kept as the bank's ``feedback`` (Moodle's
feedback for "any other answer", ``=%0%*#...`` or ``~#...``, is ``wrong``). Choice and matching texts here carry no Markdown specials, so the [moodle]/[html]/[plain] text
handling being changed elsewhere should leave them as they are, except where marked."""

from pathlib import Path

import pytest

from quizapp.core.interchange.gift import read_gift
from quizapp.services.rendering import markdown_html
from tests.core.interchange.samples import bank_of

INTEROP = Path(__file__).parents[2] / "fixtures" / "interop"
KEYS = ("type", "accept", "reject", "answer", "answers", "tolerance", "min", "max", "choices")
KEYS += ("pairs", "distractors", "blanks", "tags", "explanation", "feedback")


def _table(name: str):
    imported = read_gift((INTEROP / name).read_text(encoding="utf-8"))
    bank_of(imported)  # the bank is valid as it comes
    questions = {q["id"]: {k: v for k, v in q.items() if k in KEYS} for q in imported.questions}
    return (
        questions,
        [(n.line, n.text) for n in imported.notes],
        [(n.line, n.text) for n in imported.skipped],
    )


READER_RULES = {
    # format.php: '=' among '~' answers is the one right choice (examples.txt, "Multiple Choice")
    "which-river-is-longest": {"type": "single", "choices": ["Drin", "Danube", "Morava"], "answer": "Danube"},
    # answers inside the sentence: Moodle puts "_____" where they were
    "pristina-lies-of-prizren": {"type": "single", "choices": ["north", "east", "south"], "answer": "east"},
    # only '=' answers, inside the sentence: a short answer with a gap (a cloze with one blank)
    "the-capital-of-kosovo-is": {
        "type": "cloze",
        "blanks": [["Pristina", "Prishtina"]],
    },
    "the-ibar-flows-north": {"type": "true_false", "answer": False},
    "kosovo-declared-independence-in-2008": {"type": "true_false", "answer": True},
    # "=a->b" with or without spaces around "->"
    "match-the-cities-and-rivers": {
        "type": "matching",
        "pairs": [
            {"left": "Mitrovica", "right": "Ibar"},
            {"left": "Peja", "right": "Lumbardhi"},
            {"left": "Prizren", "right": "Bistrica"},
        ],
    },
    "how-many-days-are-in-a": {"type": "numeric", "answer": "7"},  # tolerance 0
    "give-pi-to-two-places": {"type": "numeric", "answer": "3.14", "tolerance": "0.005"},
    # Moodle stores 3.5 with tolerance 0.5: the same numbers
    "name-a-number-from-3-to": {"type": "numeric", "min": "3", "max": "4"},
    "when-did-the-war-end": {"type": "numeric", "answer": "1999"},
    "what-is-6-times-7": {"type": "numeric", "answer": "42"},  # a comment line inside the block
    "mountains": {"type": "short", "accept": ["Accursed Mountains"]},  # a title, text over two lines
    # Moodle's true/false check is in capitals only: "{true}" is a short answer "true"
    "is-this-a-question": {"type": "short", "accept": ["true"]},
    # text before the first '~' is a wrong choice (format.php explodes on '~' after '=' -> '~=')
    "which-is-no-river": {"type": "single", "choices": ["Sitnica", "Drin", "Sharr"], "answer": "Sharr"},
    # text before the first '=' is a full-marks typed answer (format.php explodes on '=')
    "two-and-two-make": {"type": "cloze", "blanks": [["four", "4"]]},
    "weights": {
        "type": "single",
        "choices": [
            {"text": "Nobody", "feedback": "No one at all?"},
            {"text": "An envoy", "feedback": "Partly."},
            {"text": "Two envoys", "feedback": "Closer."},
            {"text": "The ministers", "feedback": "Yes."},
        ],
        "answer": "The ministers",
    },
    # only weighted '~' answers: several right (weights 33.33333 each, -50 each wrong)
    "multi": {
        "type": "multiple",
        "choices": ["Sharr", "Ibar", "Drin", "Morava", "Golesh"],
        "answers": ["Ibar", "Drin", "Morava"],
    },
    "signs": {"type": "single", "choices": ["= 2 + 2", "= 2 + 3", "= 2 + 4"], "answer": "= 2 + 3"},
    # "\\" is one backslash; feedback continues on the next line
    "backslash": {
        "type": "single",
        "choices": [
            {"text": "~", "feedback": "~ is one."},
            # a backslash is plain text: escaped for the bank's Markdown, shown as one "\\"
            {
                "text": "\\\\",
                "feedback": "Right: \\\\ only escapes, and this feedback goes on a second line.",
            },
        ],
        "answer": "\\\\",
    },
    "numeric-feedback": {"type": "numeric", "answer": "1999", "feedback": {"right": "Exactly."}},
    # "$CATEGORY: $course$/top/Rivers//Lakes": "//" is a "/" inside the name
    "lake": {"type": "true_false", "answer": True, "tags": ["Rivers/Lakes"]},
}
READER_RULES_NOTES = [
    (29, "the partial-credit answer '1999:1' (50%) is not kept"),
    (45, "partial credit (25%) for 'An envoy' is not kept: it counts as wrong"),
    (45, "partial credit (50%) for 'Two envoys' is not kept: it counts as wrong"),
    (
        69,
        "the partial-credit answer '1999:2' (50%) is not kept, nor its feedback ('Close: you get half the marks.')",
    ),
]
READER_RULES_SKIPPED = [
    (75, "an essay question (an empty {}) has no answer to check"),
    (77, "a description without a question (no {...})"),
    (79, "an answer block '{' is never closed"),  # Moodle: braceerror
]

EXPORTER_TESTS = {
    # test_import_match / test_export_match: [html] text, per-side markers, "= -> x" an extra answer
    "capitals": {
        "type": "matching",
        "pairs": [
            {"left": "Kosovo", "right": "Pristina"},
            {"left": "Albania", "right": "Tirana"},
            {"left": "North Macedonia", "right": "Skopje"},
            # [markdown]: kept as written, Markdown already
            {"left": "*Montenegro*", "right": "Podgorica"},
        ],
        "distractors": ["Belgrade"],
    },
    # test_import_multichoice / test_export_multichoice: fractions (1, 0, 0), feedback per choice
    "rivers": {
        "type": "single",
        "choices": [
            {"text": "Ibar", "feedback": "right, well done"},
            {"text": "Drin", "feedback": "no, it is the *Ibar*"},  # [html] <i>: italic
            {"text": "Morava\\_2", "feedback": "no, it is the Ibar"},  # [plain]: shown as written
        ],
        "answer": "Ibar",
    },
    # test_import_multichoice_multi: fractions (0.5, -1, 0.5, -1)
    "neighbours": {
        "type": "multiple",
        "choices": [
            {"text": "Albania", "feedback": "yes"},
            {"text": "Greece", "feedback": "no"},
            {"text": "Serbia", "feedback": "yes"},
            {"text": "Croatia", "feedback": "no"},
        ],
        "answers": ["Albania", "Serbia"],
    },
    # test_import_multichoice_multi_tricky / test_export_multichoice_multi_tricky: (1, -0.5, -0.5)
    "one-right": {
        "type": "multiple",
        "choices": [
            {"text": "Pristina", "feedback": "yes"},
            {"text": "Prizren", "feedback": "no"},
            {"text": "Peja", "feedback": "no"},
        ],
        "answers": ["Pristina"],
    },
    # test_import_numerical / test_export_numerical: answers (3, '*'), tolerance (2, '')
    "provinces": {"type": "numeric", "answer": "7", "feedback": {"wrong": "Count them again"}},
    # test_import_shortanswer / test_export_shortanswer: answers (Frog, Cat, '*'), fractions
    # (1, 0.5, 0): the '*' at 0 % is the feedback for any other answer, not a rejected answer
    "river-name": {
        "type": "short",
        "accept": [{"text": "Lumbardhi", "feedback": "Right!"}],
        "feedback": {"wrong": "Not that one"},
    },
    # test_import_shortanswer_with_general_feedback: "####[html]..." is the general feedback
    "river-with-feedback": {
        "type": "short",
        "accept": [{"text": "Bistrica", "feedback": "Yes"}],
        "feedback": {"wrong": "No"},
        "explanation": "The **Prizren Bistrica** rises in the Sharr mountains.",  # [html] <b>: bold
    },
    # test_export_truefalse / test_import_truefalse: "#wrong-answer feedback#right-answer feedback"
    "independence": {
        "type": "true_false",
        "answer": True,
        "feedback": {"right": "Right.", "wrong": "It did, in February."},
    },
    # test_export_question_with_tags_and_idnumber: "// [id:myid] [tag:tag1] [tag:tag2]"
    "kv-2008": {
        "type": "true_false",
        "answer": True,
        "feedback": {"right": "That is right.", "wrong": "That is wrong."},
        "explanation": "February 17, 2008.",
        "tags": ["history", "kosovo"],
    },
    # test_extract_idnumber_and_tags_from_comment, "everything mixed up": trimmed, over two lines
    "ibar-1": {"type": "true_false", "answer": True, "tags": ["rivers", "north"]},
    # "escape ] idnumber" / "escape ] tag"; comments keep their backslashes; no "<" in a tag.
    # The idnumber "a]b" becomes the id "a-b" (a bank id is a slug).
    "a-b": {"type": "true_false", "answer": False, "tags": ["c]d", "C:\\new"]},
    # test_export_backslash / test_import_backslash (prompt: test_backslashes_are_read_as_moodle_reads_them)
    "backslash": {"type": "true_false", "answer": False},
}
EXPORTER_TESTS_NOTES = [
    # test_import_multichoice_multi: Moodle keeps -100 % on each wrong choice; quizapp's rule
    # gives -1/2 each, so the weights are a loss, noted
    (
        22,
        "the weights (50%, -100%, 50%, -100%) are not kept: quizapp scores each right choice "
        "picked +1/2 and each wrong one -1/2 (docs/scoring.md)",
    ),
    (
        43,
        "partial credit (50%) for 'Bistrica' is not kept, nor its feedback ('Another name, half the marks'): "
        "a short answer has none, so it counts as wrong",
    ),
]
EXPORTER_TESTS_SKIPPED = [
    (76, "an essay question (an empty {}) has no answer to check"),  # test_import_essay
    (79, "a description without a question (no {...})"),
]


@pytest.mark.parametrize(
    ("name", "questions", "notes", "skipped"),
    [
        ("moodle-reader-rules.gift", READER_RULES, READER_RULES_NOTES, READER_RULES_SKIPPED),
        ("moodle-exporter-tests.gift", EXPORTER_TESTS, EXPORTER_TESTS_NOTES, EXPORTER_TESTS_SKIPPED),
    ],
)
def test_each_question_becomes_what_moodle_reads(name, questions, notes, skipped):
    found, found_notes, found_skipped = _table(name)
    assert found == questions
    assert found_notes == notes
    assert found_skipped == skipped


def test_backslashes_are_read_as_moodle_reads_them():
    """test_import_backslash: "A \\\\ B \\\\\\\\ C" in GIFT is "A \\ B \\\\ C"."""
    text = (INTEROP / "moodle-exporter-tests.gift").read_text(encoding="utf-8")
    prompts = {q["id"]: q["prompt"] for q in read_gift(text).questions}
    assert str(markdown_html(prompts["backslash"])) == "<p>Is A \\ B \\\\ C a path?</p>\n"


def test_prompts_keep_the_gap_where_the_answers_were():
    text = (INTEROP / "moodle-reader-rules.gift").read_text(encoding="utf-8")
    prompts = {q["id"]: q["prompt"] for q in read_gift(text).questions}
    assert prompts["pristina-lies-of-prizren"] == "Pristina lies _____ of Prizren."
    assert prompts["give-pi-to-two-places"] == "Give pi to two places. _____."  # "{#...}." glued
    assert prompts["two-and-two-make"] == "Two and two make {{1}}."
    assert prompts["mountains"] == "Which range lies on the border with Albania?"
