import json
import re
import shutil

from quizapp.db.base import db
from quizapp.db.models import Bank


def test_check_passes_on_the_landed_banks(app):
    result = app.test_cli_runner().invoke(args=["check"])
    assert result.exit_code == 0, result.output  # warnings alone do not fail it (see --strict)
    assert "ok kosovo-peacekeepers: 55 questions (single 14," in result.output
    assert re.fullmatch(
        r"1 valid bank\(s\), 0 file\(s\) with problems, \d+ warning\(s\)", result.output.splitlines()[-1]
    )


def plant(lines: list[str], question_id: str, old: str, new: str) -> int:
    """Replace the line ``old`` of question ``question_id``; returns its 1-based line number."""
    start = lines.index(f"  - id: {question_id}")
    index = next(i for i in range(start, len(lines)) if lines[i] == old)
    lines[index] = new
    return index + 1


def test_check_reports_every_planted_problem_in_a_broken_copy(app, questions_dir, tmp_path):
    lines = (questions_dir / "kosovo-peacekeepers.yaml").read_text(encoding="utf-8").splitlines()
    type_line = plant(lines, "young-country", "    type: single", "    type: singel")
    answer_line = plant(lines, "mission-destination", "    answer: Kuwait", "    answer: Kuwayt")
    tolerance_line = plant(lines, "platoon-seen", "    unit: soldiers", "    tolerance: -2")
    field_line = plant(
        lines,
        "ceremony-date",
        "    explanation: The ceremony was held on March 9.",
        "    explanaton: The ceremony was held on March 9.",
    )
    quote_line = plant(
        lines,
        "independence-year",
        "    source: Kosovo declared independence from Serbia in 2008.",
        "    source: Kosovo declared independence from Russia in 2008.",
    )
    first_line = lines.index("  - id: mission-destination") + 1
    duplicate_line = plant(lines, "mission-unit", "  - id: mission-unit", "  - id: mission-destination")
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copytree(questions_dir / "sources", copy / "sources")
    broken = copy / "broken.yaml"
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = app.test_cli_runner().invoke(args=["check", str(broken)])
    assert result.exit_code == 1
    reported = result.output.splitlines()
    assert reported[:-1] == [
        f"{broken}:{answer_line}: [mission-destination] answer 'Kuwayt' is not among the choices; "
        "did you mean 'Kuwait'?",
        f"{broken}:{duplicate_line}: [mission-destination] duplicate id 'mission-destination' "
        f"(first on line {first_line})",
        f"{broken}:{type_line}: [young-country] unknown type 'singel'; did you mean 'single'?",
        f"{broken}:{tolerance_line}: [platoon-seen] 'tolerance' cannot be negative",
        f"{broken}:{field_line}: [ceremony-date] unknown field 'explanaton' in a single question; "
        "did you mean 'explanation'?",
        f"{broken}:{quote_line}: [independence-year] source quote not found in "
        'sources/kosovo-peacekeepers.txt: "Kosovo declared independence from Russia in 2008."',
    ]
    assert reported[-1] == "0 valid bank(s), 1 file(s) with problems, 0 warning(s)"


def test_check_reports_negative_tolerance(app, tmp_path):
    (tmp_path / "t.yaml").write_text(
        "title: T\nquestions:\n  - id: n\n    type: numeric\n    prompt: P\n    answer: 32\n"
        "    tolerance: -2\n"
    )
    result = app.test_cli_runner().invoke(args=["check", str(tmp_path / "t.yaml")])
    assert f"{tmp_path / 't.yaml'}:7: [n] 'tolerance' cannot be negative" in result.output


def test_check_exit_codes(app, tmp_path):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["check", str(tmp_path / "missing.yaml")]).exit_code == 2
    assert runner.invoke(args=["check", str(tmp_path)]).exit_code == 2  # no bank files there
    assert runner.invoke(args=["check", "--bogus"]).exit_code == 2


def test_check_a_valid_file_and_a_broken_one_together(app, questions_dir, tmp_path):
    (tmp_path / "bad.yaml").write_text("title: T\nquestions: nope\n")
    result = app.test_cli_runner().invoke(
        args=["check", str(questions_dir / "kosovo-peacekeepers.yaml"), str(tmp_path / "bad.yaml")]
    )
    assert result.exit_code == 1
    assert "ok kosovo-peacekeepers" in result.output
    assert f"{tmp_path / 'bad.yaml'}:2: 'questions' must be a list" in result.output


def test_answer_key_text(app):
    result = app.test_cli_runner().invoke(args=["answer-key", "kosovo-peacekeepers"])
    assert result.exit_code == 0
    assert (
        "1. [single] mission-destination\n   To which country has Kosovo sent its peacekeepers?\n   Answer: Kuwait"
        in result.output
    )
    assert "Answer: 5000 troops" in result.output
    assert "Answer: Iowa\n" in result.output
    assert "Answer: Kuwait\n   Also accepted: State of Kuwait\n" in result.output
    assert "\n   In the text: “Kosovo has sent an army platoon to Kuwait”\n" in result.output


def test_answer_key_json(app):
    result = app.test_cli_runner().invoke(args=["answer-key", "kosovo-peacekeepers", "--format", "json"])
    data = json.loads(result.output)
    assert data["bank"] == "kosovo-peacekeepers" and data["title"].startswith("Kosovar")
    first = data["questions"][0]
    assert first == {
        "id": "mission-destination",
        "type": "single",
        "prompt": "To which country has Kosovo sent its peacekeepers?",
        "answer_text": "Kuwait",
        "answer_lines": ["Kuwait"],
        "also_accepted": [],
        "explanation": "The article opens by saying Kosovo has sent an army platoon to Kuwait.",
        "source_quotes": ["Kosovo has sent an army platoon to Kuwait"],
        "points": "1",
    }
    short = next(q for q in data["questions"] if q["id"] == "mission-destination-short")
    assert short["answer_text"] == "Kuwait" and short["also_accepted"] == ["State of Kuwait"]
    timeline = next(q for q in data["questions"] if q["id"] == "timeline")
    assert timeline["answer_text"].count(" → ") == 3


def test_answer_key_unknown_bank(app):
    result = app.test_cli_runner().invoke(args=["answer-key", "nope"])
    assert result.exit_code == 2 and "no valid bank with id 'nope'" in result.output


def test_sync_banks_command(app):
    result = app.test_cli_runner().invoke(args=["sync-banks"])
    assert result.exit_code == 0 and "1 bank(s) in service" in result.output
    with app.app_context():
        assert db.session.scalar(db.select(Bank.slug)) == "kosovo-peacekeepers"


def test_check_prints_control_characters_of_a_bank_as_escapes(app, tmp_path):
    """A type written as "\\e]0;pwned\\a" retitled the teacher's terminal when check echoed it."""
    (tmp_path / "t.yaml").write_text(
        'title: T\nquestions:\n  - id: n\n    type: "x\\e]0;pwned\\a"\n    prompt: P\n    answer: 32\n'
    )
    result = app.test_cli_runner().invoke(args=["check", str(tmp_path / "t.yaml")])
    assert "unknown type 'x\\x1b]0;pwned\\x07'" in result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
