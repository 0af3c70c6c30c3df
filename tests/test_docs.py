"""The examples in docs/question-format.md are valid banks: teachers copy them."""

import re
from pathlib import Path

from quizapp.core import load_bank_bytes
from quizapp.core.bank_loader import folder_source_reader

ROOT = Path(__file__).resolve().parent.parent
FORMAT_DOC = (ROOT / "docs" / "question-format.md").read_text()
BLOCKS = re.findall(r"```yaml\n(.*?)```", FORMAT_DOC, re.DOTALL)
HEADER = "title: T\nsource:\n  title: S\n  path: sources/kosovo-peacekeepers.txt\nquestions:\n"
# A bank with a mistake, followed by what `flask check` prints for it
EXAMPLE_WITH_PROBLEMS = re.compile(
    r"```yaml\n(title:(?:(?!```).)*)```\n\n`flask --app quizapp check [^`]+` prints:\n\n```\n((?:[^`\n]+\n)+)```",
    re.DOTALL,
)
WRONG_EXAMPLES = EXAMPLE_WITH_PROBLEMS.findall(FORMAT_DOC)


def load(text: str, file: str = "doc.yaml"):
    return load_bank_bytes(text.encode(), file, "doc", folder_source_reader(ROOT / "questions"))


def test_every_question_example_is_valid():
    examples = [block for block in BLOCKS if block.startswith("  - id:")]
    assert len(examples) >= 9  # one or more for each of the eight types
    questions = []
    for example in examples:
        result = load(HEADER + example)
        assert result.problems == (), (example, [str(p) for p in result.problems])
        questions.append(result.bank.written_questions()[0])  # the Drafts example too
    assert len({question.type for question in questions}) == 8
    assert any(len(question.source_quotes) > 1 for question in questions)  # a list of quotes


def test_complete_examples_are_valid():
    wrong = {example for example, _ in WRONG_EXAMPLES}
    complete = [block for block in BLOCKS if block.startswith("title:") and block not in wrong]
    assert complete
    for example in complete:
        result = load(example)
        assert result.problems == (), [str(p) for p in result.problems]


def test_a_wrong_example_gives_the_problems_documented_with_it():
    assert WRONG_EXAMPLES  # a quote not in the source text, in a list of quotes
    for example, printed in WRONG_EXAMPLES:
        file = printed.split(":", 1)[0]
        result = load(example, file)
        assert [str(problem) for problem in result.problems] == printed.splitlines()


def test_cards_example_is_valid():
    [cards] = [block for block in BLOCKS if block.startswith("cards:")]
    result = load(HEADER + "  - {id: q, type: true_false, prompt: P, answer: true}\n" + cards)
    assert result.problems == () and result.bank.cards[0].id == "ksf"


# An example followed by a table of typed answers: each row's verdict is what the app gives
EXAMPLE_WITH_VERDICTS = re.compile(
    r"```yaml\n(  - id:(?:(?!```).)*)```\n\n\| typed \| scores \|\n\|---\|---\|\n((?:\|[^\n]*\|\n)+)",
    re.DOTALL,
)
ROW = re.compile(r"\| `([^`]*)` \| (right|wrong|refused)\b.*\|")


def test_the_typed_answers_of_the_format_examples_score_as_documented():
    from quizapp.core.checkers import ResponseError, accept_new_response
    from quizapp.core.model import QuestionType

    text = (ROOT / "docs" / "question-format.md").read_text()
    examples = EXAMPLE_WITH_VERDICTS.findall(text)
    assert len(examples) >= 2  # reject: on a short answer and on a blank
    for example, table in examples:
        result = load(HEADER + example)
        assert result.problems == (), [str(p) for p in result.problems]
        question = result.bank.questions[0]
        rows = ROW.findall(table)
        assert rows and len(rows) == len(table.strip().splitlines()), table
        for typed, documented in rows:
            response = [typed] if question.type is QuestionType.CLOZE else typed
            try:
                _, outcome = accept_new_response(question, response)
                verdict = "right" if outcome.correct else "wrong"
            except ResponseError:
                verdict = "refused"
            assert verdict == documented, (question.id, typed)


def test_the_allow_giveaway_example_silences_the_give_away_it_says():
    [example] = [block for block in BLOCKS if block.startswith("  - id:") and "allow_giveaway:" in block]
    silenced = load(HEADER + example)
    assert silenced.problems == () and silenced.warnings == ()
    without = "\n".join(line for line in example.splitlines() if "allow_giveaway:" not in line)
    unsilenced = load_bank_bytes(
        f"title: History\nquestions:\n{without}\n".encode(),
        "questions/history.yaml",
        "history",
        folder_source_reader(ROOT / "questions"),
    )
    text = (ROOT / "docs" / "question-format.md").read_text()
    documented = re.findall(r"^questions/history\.yaml:\d+: \[war-to-independence\] warning: .*$", text, re.M)
    assert len(documented) == 2  # the give-away, and a name that silences nothing
    assert [str(warning) for warning in unsilenced.warnings] == documented[:1]
    stale = load_bank_bytes(
        f"title: History\nquestions:\n{example}".replace(
            "[independence-year]", "[independence-year, description]"
        ).encode(),
        "questions/history.yaml",
        "history",
        folder_source_reader(ROOT / "questions"),
    )
    assert [str(warning) for warning in stale.warnings] == documented[1:]
