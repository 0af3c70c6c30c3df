"""``flask import`` and ``flask export-bank``."""

import io
import zipfile

from tests.core.interchange.samples import SAMPLES
from tests.core.interchange.test_quizlet import INTEROP


def test_import_prints_the_bank_and_reports_skipped_lines(app):
    source = SAMPLES / "moodle-export.gift"
    result = app.test_cli_runner().invoke(args=["import", str(source), "--format", "gift"])
    assert result.exit_code == 0, result.output
    assert "- id: mission-destination\n  type: single\n" in result.stdout
    assert f"{source}:50: skipped: an essay question (an empty {{}}) has no answer to check" in result.stderr
    assert f"{source}:43: changed: partial credit (50%) for 'NATO' is not kept" in result.stderr
    assert "imported 11 question(s) and 0 card(s); skipped 3" in result.stderr


def test_the_bank_files_lines_are_told_from_the_sources_when_it_is_printed(app, tmp_path):
    """No imported.yaml is written: the bank's lines are said to be those printed, the source's its own."""
    source = tmp_path / "capitals.gift"
    source.write_text(
        "::a::Capital of Kosovo? {=Pristina}\n\n::b::Pristina is the capital of which country? {=Kosovo}\n"
        "\n::c::An essay. {}\n",
        encoding="utf-8",
    )
    result = app.test_cli_runner().invoke(args=["import", str(source), "--format", "gift"])
    assert result.exit_code == 0, result.output
    assert f"{source}:5: skipped: an essay question" in result.stderr
    # the line of [a]'s prompt in the bank as printed (after its comments and settings)
    line = result.stdout.splitlines().index("  prompt: Capital of Kosovo?") + 1
    assert line == 13
    assert f'<bank file on standard output>:{line}: [a] warning: its prompt shows "Kosovo"' in result.stderr
    assert "imported.yaml" not in result.stderr


def test_import_saves_a_new_bank_file_that_is_served(app, questions_dir):
    target = questions_dir / "anki-kosovo.yaml"
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=["import", str(SAMPLES / "anki-notes.txt"), "--format", "anki-text", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert f"saved {target}" in result.stderr
    listed = runner.invoke(args=["check"])
    # 5 Basic notes, each one card: 3 with a back to type are questions, 2 flashcards only
    assert "ok anki-kosovo: 3 questions (short 3), 2 cards" in listed.output


def test_import_never_overwrites_a_bank(app, questions_dir):
    target = questions_dir / "kosovo-peacekeepers.yaml"
    before = target.read_bytes()
    result = app.test_cli_runner().invoke(
        args=["import", str(SAMPLES / "quizlet.txt"), "--format", "quizlet", "-o", str(target)]
    )
    assert result.exit_code == 1 and "exists already" in result.output
    assert target.read_bytes() == before


def test_import_of_nothing_fails_and_writes_nothing(app, questions_dir, tmp_path):
    empty = tmp_path / "notes.txt"
    empty.write_text("just words, no tabs\n", encoding="utf-8")
    target = questions_dir / "empty.yaml"
    result = app.test_cli_runner().invoke(
        args=["import", str(empty), "--format", "quizlet", "-o", str(target)]
    )
    assert result.exit_code == 1 and "nothing could be imported" in result.output
    assert f"{empty}:1: skipped: no separator" in result.output
    assert not target.exists()


def test_import_into_a_missing_folder_or_with_a_bad_name(app, tmp_path):
    runner = app.test_cli_runner()
    source = str(SAMPLES / "quizlet.txt")
    missing = runner.invoke(
        args=["import", source, "--format", "quizlet", "-o", str(tmp_path / "no" / "x.yaml")]
    )
    assert missing.exit_code == 2 and "there is no folder" in missing.output
    bad = runner.invoke(args=["import", source, "--format", "quizlet", "-o", str(tmp_path / "Bad Name.yaml")])
    assert bad.exit_code == 2 and "use lower-case letters" in bad.output


def test_export_bank_as_gift_and_as_an_anki_deck(app, tmp_path):
    runner = app.test_cli_runner()
    gift = runner.invoke(args=["export-bank", "kosovo-peacekeepers", "--format", "gift"])
    assert gift.exit_code == 0
    assert (
        "::mission-destination::[markdown]To which country has Kosovo sent its peacekeepers? {=Kuwait"
        in gift.stdout
    )
    assert "note: timeline: left out: GIFT has no ordering questions" in gift.stderr
    assert "// - timeline: left out: GIFT has no ordering questions" in gift.stdout  # in the file too
    deck = tmp_path / "kosovo.apkg"
    written = runner.invoke(args=["export-bank", "kosovo-peacekeepers", "--format", "apkg", "-o", str(deck)])
    assert (
        written.exit_code == 0
        and "collection.anki2" in zipfile.ZipFile(io.BytesIO(deck.read_bytes())).namelist()
    )
    assert runner.invoke(args=["export-bank", "kosovo-peacekeepers", "--format", "apkg"]).exit_code == 2
    unknown = runner.invoke(args=["export-bank", "nope", "--format", "gift"])
    assert unknown.exit_code == 2 and "no valid bank with id 'nope'" in unknown.output


def test_import_reads_quizlet_s_custom_separators(app):
    source = INTEROP / "quizlet-comma-semicolon.txt"
    result = app.test_cli_runner().invoke(
        args=[
            "import",
            str(source),
            "--format",
            "quizlet",
            "--term-separator",
            "comma",
            "--row-separator",
            ";",
        ]
    )
    assert result.exit_code == 0, result.output
    assert "  definition: |-\n    The capital of Kosovo\\\n    where the ceremony was held\n" in result.stdout
    assert (
        f"{source}:1: skipped: no separator (Comma) between term and definition, and no term before it"
        in (result.stderr)
    )
    assert (
        f"{source}:2: changed: no separator (Comma) between term and definition: read as more"
        in result.stderr
    )
    assert "imported 4 question(s) and 4 card(s); skipped 1" in result.stderr


def test_import_refuses_a_bad_separator_choice(app):
    runner = app.test_cli_runner()
    source = str(INTEROP / "quizlet-tab.txt")
    same = runner.invoke(
        args=["import", source, "--format", "quizlet", "--term-separator", ";", "--row-separator", ";"]
    )
    assert same.exit_code == 2 and "Invalid value for --row-separator" in same.output
    assert "must differ, and neither may contain the other" in same.output
    empty = runner.invoke(args=["import", source, "--format", "quizlet", "--term-separator", ""])
    assert empty.exit_code == 2 and "--term-separator: the custom separator between term and" in empty.output
    other = runner.invoke(args=["import", source, "--format", "gift", "--row-separator", ";"])
    assert other.exit_code == 2 and "are for --format quizlet" in other.output
