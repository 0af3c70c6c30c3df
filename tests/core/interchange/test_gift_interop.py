"""GIFT files in the shapes Moodle reads and writes (tests/fixtures/interop/, our own questions
using every construct of Moodle's question/format/gift examples, fixtures and exporter): what each
question becomes, and every loss listed with its line."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.common.utils import escapeHtml

from quizapp.core.cloze import MARKDOWN
from quizapp.core.interchange.gift import read_gift, write_gift
from quizapp.core.markdown_text import markdown_escape
from quizapp.services.rendering import markdown_html
from tests.core.interchange.samples import bank_of
from tests.core.yaml_banks import bank_from

INTEROP = Path(__file__).parents[2] / "fixtures" / "interop"


def _read(name: str):
    return read_gift((INTEROP / name).read_text(encoding="utf-8"))


def _summary(question) -> dict:
    """Type, answers, tolerance and feedback of a question as the bank file has it."""
    keep = ("type", "accept", "reject", "answer", "tolerance", "min", "max", "choices", "pairs", "feedback")
    return {key: value for key, value in question.items() if key in keep}


EXAMPLES = {
    "kv-capital": {"type": "short", "accept": [{"text": "Pristina", "feedback": "Right!"}]},
    "frogs": {"type": "short", "accept": ["Frog"]},
    "toads": {
        "type": "short",
        "accept": ["Frog", "Toad"],
        "reject": [{"text": "Lizard", "feedback": "No."}, "Snake"],
    },
    "ratio": {"type": "numeric", "answer": "3", "tolerance": "2", "feedback": {"wrong": "Completely wrong"}},
    "weighted-numeric": {
        "type": "numeric",
        "answer": "1999",
        "feedback": {"right": "Exactly.", "wrong": "Far off."},
    },
    "path": {"type": "true_false", "answer": True},
    "plain": {
        "type": "single",
        "choices": [{"text": "1999\\. blue", "feedback": "**no**"}, {"text": "**red**", "feedback": "yes"}],
        "answer": "**red**",
    },
    "pairs": {
        "type": "matching",
        "pairs": [{"left": "Kosovo", "right": "Pristina"}, {"left": "*Serbia*", "right": "Belgrade"}],
    },
    "html": {"type": "single", "choices": ["Kosovo", "Serbia"], "answer": "Kosovo"},
    "hash": {"type": "short", "accept": ["yes"]},
}

EXPORTER_SHAPE = {
    "short-with-weights": {"type": "short", "accept": [{"text": "Ibar", "feedback": "Yes."}, "Ibër"]},
    "numeric-with-wrong-feedback": {
        "type": "numeric",
        "answer": "32",
        "feedback": {"right": "Right.", "wrong": "Count again."},
    },
    "single-choice": {
        "type": "single",
        "choices": [{"text": "Pristina", "feedback": "Yes."}, "Peja"],
        "answer": "Pristina",
    },
    "true-or-false": {"type": "true_false", "answer": True, "feedback": {"right": "Yes.", "wrong": "No."}},
}


@pytest.mark.parametrize(
    ("name", "expected"), [("moodle-examples.gift", EXAMPLES), ("moodle-exporter-shape.gift", EXPORTER_SHAPE)]
)
def test_each_fixture_question_becomes_what_moodle_means(name, expected):
    imported = _read(name)
    assert imported.skipped == []
    assert {q["id"]: _summary(q) for q in imported.questions} == expected
    bank_of(imported)  # and the bank is valid as it comes


def test_examples_keep_text_tags_and_explanations_as_moodle_reads_them():
    questions = {q["id"]: q for q in _read("moodle-examples.gift").questions}
    assert questions["kv-capital"]["tags"] == ["geography"]  # "// [tag:geography] [id:kv-capital]"
    # [moodle] (no marker) is plain text with line breaks: escaped, "\n" a hard break
    assert questions["path"]["prompt"] == "Where is the file C:\\\\new kept? Line one\\\nline two."
    assert questions["plain"]["prompt"] == "Is \\_\\_init\\_\\_ a \\*name\\*?"  # [plain]: shown as written
    assert questions["plain"]["explanation"] == "general [link](<https://example.org>) feedback"
    assert questions["html"]["prompt"] == "Which flag is this?"
    assert questions["hash"]["prompt"] == "Escapes # = ~ { } : stay text."
    shape = {q["id"]: q for q in _read("moodle-exporter-shape.gift").questions}
    assert {tuple(q["tags"]) for q in shape.values()} == {("Balkans",)}
    assert shape["short-with-weights"]["prompt"] == "Which river flows through Mitrovica?"


def test_every_loss_is_listed_with_its_line():
    assert [(n.line, n.text) for n in _read("moodle-examples.gift").notes] == [
        (
            7,
            "partial credit (50%) for 'Cat' is not kept, nor its feedback ('Cats are not amphibians.'): "
            "a short answer has none, so it counts as wrong",
        ),
        (9, "the negative weight (-50%) of 'Snake' is not kept: it is rejected"),
        (13, "the partial-credit answer '1999:2' (50%) is not kept, nor its feedback ('Close.')"),
        (31, "the question text: an image in its HTML is not kept (only the text is)"),
    ]
    assert [(n.line, n.text) for n in _read("moodle-exporter-shape.gift").notes] == [
        (
            6,
            "partial credit (50%) for 'Sitnica' is not kept, nor its feedback ('A tributary.'): "
            "a short answer has none, so it counts as wrong",
        ),
    ]


def test_a_short_answer_without_full_marks_is_skipped_and_says_why():
    imported = read_gift("::q::Which? {=%50%Cat}")
    assert imported.questions == [] and [n.text for n in imported.skipped] == [
        "a short answer without a 100% answer"
    ]


def test_a_backslash_round_trips_as_moodle_reads_it():
    text, _ = write_gift(bank_of(_read("moodle-examples.gift")))
    # Moodle's "\\" is one backslash; the bank's Markdown escapes it ("\\\\"), and GIFT each of those;
    # the line break, a hard break in the bank, is two blanks before "\\n" (PHP Markdown's hard break)
    assert "::path::[markdown]Where is the file C\\:\\\\\\\\new kept? Line one  \\nline two." in text
    again = {q["id"]: q for q in read_gift(text).questions}
    assert (
        str(markdown_html(again["path"]["prompt"]))
        == "<p>Where is the file C:\\new kept? Line one<br>\nline two.</p>\n"
    )


def test_the_fixtures_survive_gift_to_bank_to_gift_to_bank():
    for name in ("moodle-examples.gift", "moodle-exporter-shape.gift"):
        first = bank_of(_read(name))
        text, _ = write_gift(first)
        again = bank_of(read_gift(text))
        assert [(q.id, q.type, q.prompt, q.answer, q.explanation, q.tags) for q in again.questions] == [
            (q.id, q.type, q.prompt, q.answer, q.explanation, q.tags) for q in first.questions
        ]


_PLAIN_TEXT = (
    st.lists(
        st.one_of(
            st.characters(min_codepoint=32, max_codepoint=0x7E),
            st.sampled_from(["__", "1999.", "# ", "- ", "\\", "&amp;", "<b>", "*a*", "[x](y)"]),
        ),
        min_size=1,
        max_size=20,
    )
    .map(lambda parts: " ".join("".join(parts).split()))
    .filter(bool)
)


@settings(max_examples=300, deadline=None)
@given(_PLAIN_TEXT)
def test_plain_text_shows_as_written_in_markdown(text):
    """A [plain] field is escaped: its Markdown shows every character as typed."""
    assert MARKDOWN.render(markdown_escape(text)) == f"<p>{escapeHtml(text)}</p>\n"


def test_term_cards_left_out_of_gift_are_listed():
    bank = bank_from("""
        title: T
        questions:
          - {id: t, type: true_false, prompt: P, answer: true}
        cards:
          - {term: Pristina, definition: the capital}
    """)
    assert write_gift(bank)[1] == ["1 term card(s) not exported: GIFT has no flashcards"]
