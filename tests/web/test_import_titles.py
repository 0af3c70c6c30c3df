"""An imported bank's title (issue 17): the file's own (a GIFT category, an Anki deck), the one the
teacher types, else the teacher is asked, with a title made of the file's name offered."""

from __future__ import annotations

import html

from quizapp.services.bank_imports import import_bank
from tests.helpers.web import editor_form, upload

ANKI = b"#separator:tab\n#deck:Geography::Capitals of Europe\nCapital of Kosovo?\tPristina\n"


def field_value(page: str, name: str) -> str:
    return html.unescape(page.split(f'name="{name}"')[1].split('value="')[1].split('"')[0])


def test_an_anki_deck_names_its_bank(teacher):
    page = upload(teacher, "anki-text", "capitals", ANKI, source="notes_export-2024.txt").get_data(
        as_text=True
    )
    assert "\ntitle: Capitals of Europe\n" in editor_form(page)[0]


def test_a_title_typed_on_the_form_wins(teacher):
    page = upload(teacher, "anki-text", "capitals", ANKI, source="x.txt", title="  My   capitals ")
    assert "\ntitle: My capitals\n" in editor_form(page.get_data(as_text=True))[0]


def test_a_file_that_names_no_title_is_asked_for_one_offering_its_file_name(teacher, questions_dir):
    asked = upload(teacher, "quizlet", "words", b"Pristina\tthe capital\n", source="balkan_capitals-2.txt")
    page = asked.get_data(as_text=True)
    assert asked.status_code == 422
    assert "balkan_capitals-2.txt does not say what the bank is called: give it a title" in page
    assert field_value(page, "title") == "balkan capitals 2"  # offered, to take or change
    assert "Pristina\tthe capital" in html.unescape(page)  # the file is kept: no need to choose it again
    assert not (questions_dir / "words.yaml").exists()
    again = upload(teacher, "quizlet", "words", pasted="Pristina\tthe capital\n", title="Balkan capitals")
    assert "\ntitle: Balkan capitals\n" in editor_form(again.get_data(as_text=True))[0]


def test_pasted_text_that_names_no_title_is_asked_with_nothing_offered(teacher):
    asked = upload(teacher, "aiken", "kosovo", pasted="What?\nA. This\nB. That\nANSWER: A\n")
    page = asked.get_data(as_text=True)
    assert asked.status_code == 422
    assert "The pasted text does not say what the bank is called" in page
    assert field_value(page, "title") == "" and ".txt" not in page.split("</form>")[0].split("<form")[1]


def test_the_command_takes_the_file_s_title_else_its_name_else_the_title_given():
    gift = b"$CATEGORY: $course$/top/Default for Kosovo\n\n::q::Capital?{=Pristina}\n"
    assert "\ntitle: Kosovo\n" in import_bank(gift, "gift", "export.gift").text
    assert "\ntitle: balkan words\n" in import_bank(b"a\tb\n", "quizlet", "balkan-words.txt").text
    assert "\ntitle: Mine\n" in import_bank(gift, "gift", "export.gift", title="Mine").text
