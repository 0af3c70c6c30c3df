"""``flask draft``: a bank of drafts and its article's text, accepted by ``flask check``; bad
input refused with a message and nothing written."""

from pathlib import Path

from quizapp.core.drafting import Draft
from quizapp.services import article_drafting
from tests.helpers.banks import QUESTIONS

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
KOSOVO = QUESTIONS / "sources" / "kosovo-peacekeepers.txt"


def files_in(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def test_drafting_the_kosovo_article_writes_a_bank_that_check_accepts(app, questions_dir, tmp_path):
    article = tmp_path / "kosovo.txt"  # a copy: the bank's own source file must not be read as the article
    article.write_bytes(KOSOVO.read_bytes())
    runner = app.test_cli_runner()
    result = runner.invoke(args=["draft", str(article), "--id", "kosovo-drafted"])
    assert result.exit_code == 0, result.output
    bank = questions_dir / "kosovo-drafted.yaml"
    source = questions_dir / "sources" / "kosovo-drafted.txt"
    assert f"saved {bank} (bank id 'kosovo-drafted') and its article {source}" in result.output
    assert "drafted " in result.output and " question(s): " in result.output
    text = bank.read_text(encoding="utf-8")
    assert text.startswith("# Drafted by quizapp from kosovo.txt on ")
    assert "id: kosovo-drafted\ntitle: Kosovar Peacekeepers Sent On First Mission Abroad\n" in text
    assert "  publisher: RFE/RL (Radio Free Europe/Radio Liberty), with reporting by AP\n" in text
    assert "  path: sources/kosovo-drafted.txt\n" in text
    drafted = text.count("\n- id: ")
    assert drafted >= 1 and text.count("\n  draft: true\n") == drafted
    assert source.read_text(encoding="utf-8").startswith(
        "Kosovar Peacekeepers Sent On First Mission Abroad\n\n"
    )
    checked = runner.invoke(args=["check", "--strict", str(bank)])
    assert checked.exit_code == 0, checked.output
    assert "ok kosovo-drafted: 0 questions, 0 cards" in checked.output
    assert f"{drafted} draft question(s) not yet reviewed: students do not see them" in checked.output


def test_a_saved_web_page_is_drafted_with_its_title_and_byline(app, questions_dir):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["draft", str(ARTICLES / "flood-report.html")])
    assert result.exit_code == 0, result.output
    name = "river-flood-forces-thousands-from-homes"
    bank = questions_dir / f"{name}.yaml"
    text = bank.read_text(encoding="utf-8")
    assert "title: River Flood Forces Thousands From Homes\n" in text
    assert "  publisher: Valley Courier, by Maria Lindqvist\n" in text
    source = (questions_dir / "sources" / f"{name}.txt").read_text(encoding="utf-8")
    assert "Oster River" in source and "Privacy" not in source and "<" not in source
    assert runner.invoke(args=["check", str(bank)]).exit_code == 0


def test_taken_ids_file_names_and_titles(app, questions_dir, tmp_path):
    runner = app.test_cli_runner()
    taken = runner.invoke(args=["draft", str(KOSOVO), "--id", "kosovo-peacekeepers"])
    assert taken.exit_code == 2
    assert "bank id 'kosovo-peacekeepers' is already used by kosovo-peacekeepers.yaml" in taken.output
    output = tmp_path / "mine.yaml"
    named = runner.invoke(args=["draft", str(KOSOVO), "--title", "Kosovo abroad", "-o", str(output)])
    assert named.exit_code == 0, named.output
    assert "id: kosovo-abroad\ntitle: Kosovo abroad\n" in output.read_text(encoding="utf-8")
    assert (tmp_path / "sources" / "mine.txt").is_file()
    again = runner.invoke(args=["draft", str(KOSOVO), "-o", str(output)])
    assert again.exit_code == 1 and "exists already" in again.output
    assert files_in(tmp_path) >= {"mine.yaml", "sources/mine.txt"}
    assert not (tmp_path / "sources" / "mine-2.txt").exists()


def test_bad_input_is_refused_and_nothing_is_written(app, questions_dir, tmp_path):
    before = files_in(questions_dir)
    runner = app.test_cli_runner()
    menus = runner.invoke(args=["draft", str(ARTICLES / "menus-only.html")])
    assert menus.exit_code == 1 and "holds no article text" in menus.output
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\0\0" + bytes(range(256)))
    assert "is not a text file" in runner.invoke(args=["draft", str(binary)]).output
    french = tmp_path / "article.txt"
    french.write_text(
        "Le gouvernement a annoncé lundi l'envoi de mille soldats supplémentaires dans la région. "
        "Selon le ministre de la Défense, la mission durera plusieurs mois et coûtera environ deux "
        "cents millions d'euros, une somme que l'opposition juge excessive pour le budget.\n",
        encoding="utf-8",
    )
    assert "the drafter reads English articles only" in runner.invoke(args=["draft", str(french)]).output
    huge = tmp_path / "huge.md"
    huge.write_bytes(b"word " * (1024 * 1024))
    assert "an article may be at most 2 MB" in runner.invoke(args=["draft", str(huge)]).output
    assert files_in(questions_dir) == before


def test_an_article_with_nothing_to_draft_writes_nothing_and_says_why(app, questions_dir, monkeypatch):
    """The drafter's notes are printed; with no draft at all no bank is written (a bank needs a question)."""
    before = files_in(questions_dir)
    said = "No sentence of the article states a number, a name or a date."
    monkeypatch.setattr(article_drafting, "draft_questions", lambda article: Draft((), (said,)))
    result = app.test_cli_runner().invoke(args=["draft", str(KOSOVO)])
    assert result.exit_code == 1, result.output
    assert f"note: {said}\n" in result.output
    assert "nothing could be drafted from this article (nothing was written)" in result.output
    assert files_in(questions_dir) == before
