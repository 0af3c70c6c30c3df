"""The use case of ``flask draft`` and the page "New bank from an article": one function."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from quizapp.cli import draft_commands
from quizapp.core.bank_loader import load_folder
from quizapp.core.drafting import Draft, DraftKind
from quizapp.services import article_drafting
from quizapp.services.article_drafting import PASTED, DraftingFailed, draft_bank
from quizapp.services.article_files import read_article_file
from quizapp.web.editor import review_pages
from tests.helpers.banks import QUESTIONS

KOSOVO = QUESTIONS / "sources" / "kosovo-peacekeepers.txt"
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def files_in(folder):
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}


def test_drafting_writes_the_article_and_a_bank_of_drafts(tmp_path):
    article = read_article_file(KOSOVO)
    drafted = draft_bank(article, tmp_path, drafted_from="kosovo.txt", now=NOW, bank_slugs={})
    assert drafted.file_name == f"{drafted.bank_slug}.yaml"
    assert drafted.source == tmp_path / "sources" / f"{drafted.bank_slug}.txt"
    assert drafted.source.read_text(encoding="utf-8") == article.text
    assert files_in(tmp_path) == {drafted.file_name, f"sources/{drafted.bank_slug}.txt"}
    loaded = load_folder(tmp_path)
    assert not loaded.problems
    (bank,) = loaded.banks
    assert bank.questions == () and len(bank.drafts) == drafted.questions > 10
    assert sum(drafted.counts.values()) == drafted.questions and DraftKind.CLOZE in drafted.counts
    assert "cloze " in drafted.described_counts()


def test_a_taken_id_a_taken_file_and_nothing_drafted_write_nothing(tmp_path, monkeypatch):
    article = read_article_file(KOSOVO)
    (tmp_path / "mine.yaml").write_text("x", encoding="utf-8")
    taken = {"kosovo": "kosovo.yaml"}
    with pytest.raises(DraftingFailed, match=r"bank id 'kosovo' is already used by kosovo\.yaml") as failed:
        draft_bank(article, tmp_path, drafted_from=PASTED, now=NOW, bank_slugs=taken, bank_slug="kosovo")
    assert failed.value.about == "id"
    with pytest.raises(DraftingFailed, match="exists already"):
        draft_bank(article, tmp_path, drafted_from=PASTED, now=NOW, bank_slugs={}, file_name="mine.yaml")
    monkeypatch.setattr(article_drafting, "draft_questions", lambda article: Draft((), ("No names.",)))
    with pytest.raises(DraftingFailed) as nothing:
        draft_bank(article, tmp_path, drafted_from=PASTED, now=NOW, bank_slugs={})
    assert nothing.value.about == "article" and nothing.value.notes == ("No names.",)
    assert files_in(tmp_path) == {"mine.yaml"}


def test_the_command_and_the_page_call_the_same_use_case():
    assert draft_commands.draft_bank is draft_bank
    assert review_pages.draft_bank is draft_bank


def test_a_bank_made_meanwhile_under_the_same_name_is_never_replaced(tmp_path, monkeypatch):
    """Two teachers drafting articles of one title at once: the other request writes its bank
    and its article between this one's choice of names and its save. This one takes the next
    names, and the other's files stay as they were written."""
    article = read_article_file(KOSOVO)
    other: dict[str, object] = {}
    real_text = article_drafting.drafted_bank_text

    def other_request_first(*args, **kwargs):
        if not other:  # the other teacher's request, done just now under the same names
            other["bank"] = None
            other["bank"] = draft_bank(
                article, tmp_path, drafted_from="a.txt", now=NOW, bank_slugs={}, title="Race"
            )
        return real_text(*args, **kwargs)

    monkeypatch.setattr(article_drafting, "drafted_bank_text", other_request_first)
    mine = draft_bank(article, tmp_path, drafted_from="b.txt", now=NOW, bank_slugs={}, title="Race")
    theirs = other["bank"]
    assert theirs.file_name == "race.yaml" and mine.file_name == "race-2.yaml"
    assert theirs.source != mine.source  # each bank its own article file, each as written
    assert (
        theirs.source.read_text(encoding="utf-8") == mine.source.read_text(encoding="utf-8") == article.text
    )
    assert "b.txt" not in (tmp_path / "race.yaml").read_text(encoding="utf-8")  # not replaced
    loaded = load_folder(tmp_path)
    assert not loaded.problems and {bank.slug for bank in loaded.banks} == {"race", "race-2"}


def test_the_article_is_never_written_through_a_link_planted_under_its_name(tmp_path):
    outside = tmp_path / "outside.txt"
    folder = tmp_path / "questions"
    (folder / "sources").mkdir(parents=True)
    (folder / "sources" / "planted.txt").symlink_to(outside)  # dangling: exists() says no
    article = read_article_file(KOSOVO)
    drafted = draft_bank(article, folder, drafted_from="k.txt", now=NOW, bank_slugs={}, title="Planted")
    assert not outside.exists()
    assert drafted.source == folder / "sources" / "planted-2.txt"
    assert not load_folder(folder).problems
