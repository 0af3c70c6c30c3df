"""The file name an import makes of a bank's title when the teacher typed none."""

from __future__ import annotations

import pytest

from quizapp.services.bank_files import FILE_NAME, free_file_name


@pytest.mark.parametrize(
    ("title", "made"),
    [
        ("The Balkans, 2026", "the-balkans-2026"),
        ("Šta je bilo? Ćevapi", "sta-je-bilo-cevapi"),
        ("../../etc/passwd", "etc-passwd"),
        ("日本語", "imported-bank"),
        ("", "imported-bank"),
        ("a" * 200, "a" * 50),
    ],
)
def test_a_title_becomes_a_file_name_the_forms_accept(tmp_path, title, made):
    name = free_file_name(tmp_path, title, {})
    assert name == made and FILE_NAME.fullmatch(f"{name}.yaml")


def test_a_name_in_use_as_a_file_or_a_bank_id_gets_a_number(tmp_path):
    (tmp_path / "vocab.yaml").write_text("x")
    (tmp_path / "vocab-2.yml").write_text("x")
    assert free_file_name(tmp_path, "Vocab", {}) == "vocab-3"
    assert free_file_name(tmp_path, "Vocab", {"vocab-3": "other.yaml"}) == "vocab-4"
    assert free_file_name(tmp_path, "Words", {"x": "words.yaml"}) == "words-2"
    assert free_file_name(tmp_path, "Words", {}, {"words.yaml", "words-2.yaml"}) == "words-3"  # drafts
