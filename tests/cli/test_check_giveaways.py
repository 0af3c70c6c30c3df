"""``flask check`` and the give-away warnings: their lines, ``--strict`` and the summary."""

from __future__ import annotations

from tests.helpers.banks import GIVEAWAY_BANK as BANK


def check(app, *args: str):
    return app.test_cli_runner().invoke(args=["check", *args])


def test_each_warning_is_printed_with_its_file_line_and_both_questions(app, tmp_path):
    path = tmp_path / "paris.yaml"
    path.write_text(BANK)
    result = check(app, str(path))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f'{path}:1: warning: the bank\'s title shows "Paris", the answer of [capital] (line 3); '
        "reword the title, or silence with allow_giveaway: [title] on [capital]",
        f'{path}:9: [seine] warning: its prompt shows "Paris", the answer of [capital] (line 3); '
        "put them in one group, reword, or silence with allow_giveaway: [seine] on [capital]",
        f"ok paris: 2 questions (true_false 1, short 1), 0 cards  [{path}]",
        "1 valid bank(s), 0 file(s) with problems, 2 warning(s)",
    ]


def test_strict_fails_on_warnings_and_says_so_last_and_passes_without_them(app, tmp_path):
    path = tmp_path / "paris.yaml"
    path.write_text(BANK)
    failed = check(app, "--strict", str(path))
    assert failed.exit_code == 1
    assert failed.output.splitlines()[-2:] == [
        "1 valid bank(s), 0 file(s) with problems, 2 warning(s)",
        "strict: 2 warning(s) count as problems",
    ]
    assert "strict:" not in check(app, str(path)).output
    path.write_text(
        BANK.replace("    accept: [Paris]\n", "    accept: [Paris]\n    allow_giveaway: [title, seine]\n")
    )
    result = check(app, "--strict", str(path))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "1 valid bank(s), 0 file(s) with problems, 0 warning(s)"


def test_problems_fail_with_or_without_strict_and_keep_their_format(app, tmp_path):
    path = tmp_path / "paris.yaml"
    path.write_text(
        BANK.replace("    accept: [Paris]\n", "    accept: [Paris]\n    allow_giveaway: [seinne]\n")
    )
    for args in ([str(path)], ["--strict", str(path)]):
        result = check(app, *args)
        assert result.exit_code == 1
        assert result.output.splitlines() == [
            f"{path}:7: [capital] allow_giveaway names 'seinne', which is no question of this bank "
            "(nor 'title', 'description', 'source' or 'tags'); did you mean 'seine'?",
            "0 valid bank(s), 1 file(s) with problems, 0 warning(s)",
        ]


def test_warnings_of_a_valid_bank_beside_a_broken_file(app, tmp_path):
    (tmp_path / "paris.yaml").write_text(BANK)
    (tmp_path / "bad.yaml").write_text("title: T\nquestions: nope\n")
    for args in ([str(tmp_path)], ["--strict", str(tmp_path)]):
        result = check(app, *args)
        assert result.exit_code == 1
        assert f"{tmp_path / 'paris.yaml'}:9: [seine] warning: its prompt shows" in result.output
        # the problems fail it whatever the warnings: no "strict:" line
        assert result.output.splitlines()[-1] == "1 valid bank(s), 1 file(s) with problems, 2 warning(s)"


def test_an_allow_giveaway_name_that_silences_nothing_is_a_warning_strict_refuses(app, tmp_path):
    path = tmp_path / "paris.yaml"
    path.write_text(
        BANK.replace(
            "    accept: [Paris]\n", "    accept: [Paris]\n    allow_giveaway: [title, seine, description]\n"
        )
    )
    result = check(app, "--strict", str(path))
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"{path}:7: [capital] warning: allow_giveaway: 'description' silences nothing; remove it"
    )
    assert result.output.splitlines()[-1] == "strict: 1 warning(s) count as problems"


def test_the_shipped_banks_pass_check_strict(app):
    """Fails until the article bank is fixed (issue 15: give-aways): CI runs this command."""
    result = check(app, "--strict")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].endswith(", 0 file(s) with problems, 0 warning(s)")


def test_check_notes_a_banks_drafts_and_strict_still_passes(app, questions_dir):
    """Drafts are a note under the bank's line, not a warning: ``--strict`` passes on them."""
    path = questions_dir / "kosovo-peacekeepers.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("  - id: mission-unit\n", "  - id: mission-unit\n    draft: true\n", 1), "utf-8"
    )
    result = app.test_cli_runner().invoke(args=["check", "--strict", str(path)])
    assert result.exit_code == 0, result.output
    assert "ok kosovo-peacekeepers: 54 questions" in result.output
    assert f"note: {path}: 1 draft question(s) not yet reviewed: students do not see them\n" in result.output
    assert "0 warning(s)" in result.output
