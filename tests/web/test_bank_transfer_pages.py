"""Teachers import banks in the browser (checked in the editor before saving), download exports, print keys."""

from __future__ import annotations

import html
import io
import re
import sqlite3
import tempfile
import zipfile
from pathlib import Path

from tests.core.interchange.samples import SAMPLES
from tests.core.interchange.test_quizlet import INTEROP
from tests.helpers.banks import assign_every_bank
from tests.helpers.web import csrf_token, editor_form, login, upload


def test_an_upload_opens_in_the_editor_checked_and_is_saved_only_there(teacher, questions_dir, app):
    response = upload(
        teacher, "gift", "moodle-kosovo", (SAMPLES / "moodle-export.gift").read_bytes(), source="kosovo.gift"
    )
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Imported 11 questions from kosovo.gift" in page and "nothing is saved yet" in page
    assert "kosovo.gift line 50: an essay question (an empty {}) has no answer to check" in page
    assert "kosovo.gift line 43: partial credit (50%) for &#39;NATO&#39; is not kept" in page
    assert 'action="/banks/moodle-kosovo.yaml/edit"' in page
    assert page.count('class="card preview"') == 11  # checked and previewed as students will see it
    assert not (questions_dir / "moodle-kosovo.yaml").exists()
    text, version, token = editor_form(page)
    assert version == ""
    assert "\ntitle: Kosovo peacekeepers\n" in text  # its GIFT category, not the file name
    edited = text.replace("title: Kosovo peacekeepers", "title: Kosovo from Moodle")
    saved = teacher.post(
        "/banks/moodle-kosovo.yaml/edit",
        data={"text": edited, "version": version, "action": "save", "csrf_token": token},
    )
    assert saved.status_code == 302
    assert (questions_dir / "moodle-kosovo.yaml").read_text(encoding="utf-8") == edited
    assign_every_bank(app)
    student = app.test_client()
    login(student, "sam")
    assert "Kosovo from Moodle" in student.get("/").get_data(as_text=True)


def test_saving_an_import_over_an_existing_file_is_refused_and_keeps_the_text(teacher, questions_dir):
    page = upload(teacher, "quizlet", "vocab", pasted="platoon\ta small army unit\n", title="Vocab").get_data(
        as_text=True
    )
    text, version, token = editor_form(page)
    (questions_dir / "vocab.yaml").write_text("title: made meanwhile\nquestions: []\n", encoding="utf-8")
    response = teacher.post(
        "/banks/vocab.yaml/edit",
        data={"text": text, "version": version, "action": "save", "csrf_token": token},
    )
    assert response.status_code == 409 and "exists already" in response.get_data(as_text=True)
    assert "a small army unit" in editor_form(response.get_data(as_text=True))[0]
    assert (questions_dir / "vocab.yaml").read_text(encoding="utf-8").startswith("title: made meanwhile")


def test_pasted_text_imports_too_and_is_called_the_pasted_text(teacher):
    """Pasted text is no file: the report does not name one (it said "aiken-kosovo.txt")."""
    page = upload(
        teacher, "aiken", "aiken-kosovo", pasted=(SAMPLES / "aiken.txt").read_text(), title="Kosovo"
    )
    page = page.get_data(as_text=True)
    assert "Imported 3 questions from the pasted text." in page
    assert "by line of the pasted text:" in page
    assert "<li>Line 14: ANSWER: E is not one of the options" in page
    assert ".txt" not in page.split('id="text"')[0]  # the editor's text names it too, as a comment
    assert "# Imported from the pasted text (Aiken)." in html.unescape(page)


def test_an_anki_tags_column_that_is_no_number_is_reported_not_a_500(teacher):
    for value in ("\u00b2", "9" * 5000):
        page = upload(teacher, "anki-text", "anki-tags", pasted=f"#tags column:{value}\na\tb\tc\n", title="T")
        assert page.status_code == 200
        assert "is no column number (1, 2…): ignored" in page.get_data(as_text=True)


def test_a_bad_upload_says_what_to_fix_and_keeps_what_was_typed(teacher, questions_dir):
    nothing = upload(teacher, "gift", "my-bank")
    page = nothing.get_data(as_text=True)
    assert nothing.status_code == 422 and "Choose a file, or paste its text below." in page
    assert 'value="my-bank"' in page and '<option selected value="gift">' in page
    not_utf8 = upload(teacher, "quizlet", "my-bank", "Pri\u0161tina\tcapital\n".encode("cp1250"))
    assert not_utf8.status_code == 422
    assert "line 1: the file is not valid UTF-8" in not_utf8.get_data(as_text=True)
    useless = upload(teacher, "quizlet", "my-bank", b"no separators at all\n")
    assert useless.status_code == 422
    assert "Nothing in x.txt could be imported as Quizlet (text export)" in useless.get_data(as_text=True)
    taken = upload(teacher, "quizlet", "kosovo-peacekeepers", b"a\tb\n")
    assert taken.status_code == 422 and "exists already" in taken.get_data(as_text=True)
    bad_name = upload(teacher, "quizlet", "My Bank", b"a\tb\n")
    assert bad_name.status_code == 422 and "no spaces" in bad_name.get_data(as_text=True)
    assert sorted(p.name for p in questions_dir.glob("*.yaml")) == ["kosovo-peacekeepers.yaml"]


def _pasted(page: str) -> str:
    found = re.search(r'<textarea[^>]*name="pasted"[^>]*>(.*?)</textarea>', page, re.S)
    assert found
    return html.unescape(found.group(1)).lstrip("\r\n")  # WTForms starts a textarea with a line break


def test_a_bad_form_keeps_an_uploaded_files_text_in_the_text_box(teacher, questions_dir):
    """A browser forgets the chosen file when the form comes back: its text is kept instead."""
    source = (SAMPLES / "moodle-export.gift").read_bytes()
    kept = "The text of kosovo.gift, as uploaded: no need to choose the file again"
    taken = upload(teacher, "gift", "kosovo-peacekeepers", source, source="kosovo.gift")
    page = taken.get_data(as_text=True)
    assert taken.status_code == 422 and "exists already" in page
    assert _pasted(page) == source.decode("utf-8") and kept in page
    bad_name = upload(teacher, "gift", "My Bank", source, source="kosovo.gift").get_data(as_text=True)
    assert _pasted(bad_name) == source.decode("utf-8") and kept in bad_name
    nothing = upload(teacher, "quizlet", "my-bank", b"no separators at all\n", source="words.txt")
    assert _pasted(nothing.get_data(as_text=True)) == "no separators at all\n"
    # the file itself refused: nothing to keep
    not_utf8 = upload(teacher, "quizlet", "my-bank", "Pri\u0161tina\tcapital\n".encode("cp1250"))
    assert _pasted(not_utf8.get_data(as_text=True)) == "" and "as uploaded" not in not_utf8.get_data(
        as_text=True
    )
    # sent again with the kept text and a free name: it imports, named for the file it came from
    kept_from = re.search(r'name="pasted_from"[^>]*value="([^"]*)"', page)
    assert kept_from and kept_from.group(1) == "kosovo.gift"
    again = upload(teacher, "gift", "moodle-kosovo", pasted=_pasted(page), pasted_from=kept_from.group(1))
    assert again.status_code == 200
    assert re.search(r"Imported \d+ questions from kosovo\.gift\.", again.get_data(as_text=True))
    # a name sent back is a file name on one line, whatever a client puts there
    forged = upload(teacher, "gift", "moodle-kosovo", pasted=_pasted(page), pasted_from="../x/\nevil.gift")
    assert re.search(r"Imported \d+ questions from evil\.gift\.", forged.get_data(as_text=True))
    assert sorted(p.name for p in questions_dir.glob("*.yaml")) == ["kosovo-peacekeepers.yaml"]


def test_the_bank_list_links_the_exports(teacher):
    page = teacher.get("/banks").get_data(as_text=True)
    for link in (
        "/banks/import",
        "/banks/kosovo-peacekeepers/answer-key",
        "/banks/kosovo-peacekeepers/export.gift",
        "/banks/kosovo-peacekeepers/export.apkg",
    ):
        assert f'href="{link}"' in page


def test_downloads_of_gift_and_the_anki_deck(teacher):
    gift = teacher.get("/banks/kosovo-peacekeepers/export.gift")
    assert gift.status_code == 200 and gift.mimetype == "text/plain"
    assert gift.headers["Content-Disposition"] == 'attachment; filename="kosovo-peacekeepers.gift"'
    assert gift.headers["Cache-Control"] == "no-store"
    text = gift.get_data(as_text=True)
    assert "::mission-destination::" in text
    # what GIFT cannot hold is said in the downloaded file, at its top
    assert text.startswith("// Not kept in this GIFT file (")
    assert "\n// - timeline: left out: GIFT has no ordering questions\n" in text.partition("\n\n")[0]
    deck = teacher.get("/banks/kosovo-peacekeepers/export.apkg")
    assert deck.status_code == 200 and deck.data[:2] == b"PK"
    assert teacher.get("/banks/kosovo-peacekeepers/export.docx").status_code == 404
    assert teacher.get("/banks/nope/export.gift").status_code == 404


def test_the_printable_answer_key(teacher):
    response = teacher.get("/banks/kosovo-peacekeepers/answer-key")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert "Answer key: Kosovar Peacekeepers Sent On First Mission Abroad" in page
    assert page.count('class="answer-key-item"') == 55
    first = re.search(r'<li class="answer-key-item">(.*?)</li>\s*<li', page, re.DOTALL).group(1)
    assert (
        "To which country has Kosovo sent its peacekeepers?" in first and "<strong>Kuwait</strong>" in first
    )
    assert "<dt>Also accepted</dt><dd>State of Kuwait</dd>" in page
    assert '<span class="gap">(1)&nbsp;____</span>' in page  # cloze prompts show numbered gaps
    assert "<q>Kosovo has sent an army platoon to Kuwait</q>" in page
    assert teacher.get("/banks/nope/answer-key").status_code == 404


def test_a_file_too_large_to_import_is_refused_with_a_clear_message(teacher, questions_dir):
    response = upload(teacher, "quizlet", "huge", b"term\tdefinition\n" * 120_000)
    assert response.status_code == 422
    assert (
        "This file cannot be imported: it has 120,000 lines; an import may have at most 25,000 lines "
        "and make at most 5,000 questions and cards: split it into smaller files."
        in response.get_data(as_text=True)
    )
    assert not (questions_dir / "huge.yaml").exists()


def test_pasted_text_as_large_as_an_upload_may_be_imported(teacher):
    """Werkzeug caps a text field at 500 kB by default; a paste may be as large as a file."""
    terms = "".join(
        f"term {n}\t{n} is defined here at some length, " + "in a good few more words " * 8 + "\n"
        for n in range(2_400)
    )
    assert len(terms.encode()) > 500_000
    response = upload(teacher, "quizlet", "pasted-list", pasted=terms, title="Terms")
    assert response.status_code == 200, response.get_data(as_text=True)[:300]


def test_a_request_past_the_size_limit_says_the_limit(teacher):
    response = upload(teacher, "quizlet", "too-big", b"x" * (3 * 1024 * 1024))
    assert response.status_code == 413
    assert "A file or text may be 2 MB at most" in response.get_data(as_text=True)


def upload_quizlet(teacher, file_name: str, fixture: str, **separators: str):
    """The import form as a teacher fills it for a Quizlet export, with the dialog's separators."""
    token = csrf_token(teacher.get("/banks/import").get_data(as_text=True))
    data = {
        "csrf_token": token,
        "file_format": "quizlet",
        "file_name": file_name,
        "pasted": "",
        "title": "Terms",
    }
    data |= separators
    data["source"] = (io.BytesIO((INTEROP / fixture).read_bytes()), fixture)
    return teacher.post("/banks/import", data=data, content_type="multipart/form-data")


def test_the_import_page_offers_quizlet_s_separators_and_reads_custom_ones(teacher):
    form = teacher.get("/banks/import").get_data(as_text=True)
    assert '<option selected value="tab">Tab</option>' in form
    assert '<option value="semicolon">Semicolon</option>' in form
    response = upload_quizlet(
        teacher,
        "python-terms",
        "quizlet-custom.txt",
        quizlet_term="custom",
        quizlet_term_custom=" :: ",
        quizlet_row="custom",
        quizlet_row_custom="$$",
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Imported 4 questions and 4 cards" in page
    assert "quizlet-custom.txt line 2: a line needs both a term and a definition" in page
    assert "Which term is meant: words_joined_by_underscores" in page  # the escape shows nothing


def test_a_bad_separator_choice_is_marked_on_its_field(teacher):
    empty = upload_quizlet(teacher, "x", "quizlet-tab.txt", quizlet_term="custom", quizlet_term_custom="")
    assert empty.status_code == 422
    assert "The custom separator between term and definition is empty" in empty.get_data(
        as_text=True
    ) or "the custom separator between term and definition is empty" in empty.get_data(as_text=True)
    same = upload_quizlet(
        teacher, "x", "quizlet-tab.txt", quizlet_term="comma", quizlet_row="custom", quizlet_row_custom=","
    )
    assert same.status_code == 422
    assert "must differ, and neither may contain the other" in same.get_data(as_text=True)


def test_plain_quizlet_text_shows_as_written_in_the_preview_and_in_the_anki_deck(teacher, questions_dir):
    page = upload_quizlet(teacher, "quizlet-set", "quizlet-tab.txt").get_data(as_text=True)
    assert "Which term is meant: Python's __init__ method</legend>" in page
    assert "<strong>init</strong>" not in page and "<em>args" not in page
    kfor = (
        "Which term is meant: NATO's Kosovo Force<br>\n# of troops: 4,500<br>\n1999. the year it came<br>\n"
        "- led by NATO</legend>"
    )
    assert kfor in page  # the multi-line definition whole: no heading, no list
    assert "&lt;b&gt;not bold&lt;/b&gt; and [a](link)</legend>" in page
    assert (
        "quizlet-tab.txt line 8: no separator (Tab) between term and definition: read as more of the definition of"
        in page
    )
    text, version, token = editor_form(page)
    saved = teacher.post(
        "/banks/quizlet-set.yaml/edit",
        data={"text": text, "version": version, "action": "save", "csrf_token": token},
    )
    assert saved.status_code == 302
    deck = teacher.get("/banks/quizlet-set/export.apkg")
    notes = [[shown_text(field) for field in fields.split("\x1f")] for fields in apkg_fields(deck.data)]
    term_cards = [(front, back) for front, back, _ in notes if not front.startswith("Which term")]
    assert ("__init__", "Python's constructor method") in term_cards
    assert ("*args", "extra positional arguments") in term_cards
    assert ("1999.", "the year NATO's campaign began") in term_cards
    assert ("# of troops", "3,400 in the KSF") in term_cards
    assert (
        "KFOR",
        "NATO's Kosovo Force\n# of troops: 4,500\n1999. the year it came\n- led by NATO",
    ) in term_cards


def shown_text(field: str) -> str:
    """An Anki field's text as shown: tags dropped, entities read, <br> a line break."""
    return html.unescape(re.sub(r"<[^>]+>", "", field.replace("<br />\n", "\n"))).strip()


def apkg_fields(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive, tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.anki2"
        path.write_bytes(archive.read("collection.anki2"))
        connection = sqlite3.connect(path)
        try:
            return [row[0] for row in connection.execute("SELECT flds FROM notes ORDER BY id")]
        finally:
            connection.close()


def _separators_disclosure(page: str) -> str:
    """The import form's Quizlet separators: the <details> element, from its tag to its end."""
    found = re.search(r'<details class="quizlet-separators"[^>]*>.*?</details>', page, re.S)
    assert found, "the import page has no Quizlet separators disclosure"
    return found.group(0)


def test_quizlet_s_separators_are_folded_away_until_wanted(teacher):
    disclosure = _separators_disclosure(teacher.get("/banks/import").get_data(as_text=True))
    assert disclosure.startswith('<details class="quizlet-separators">')  # closed: no "open"
    summary = re.search(r"<summary>(.*?)</summary>", disclosure, re.S)
    assert summary and "Quizlet separators" in summary.group(1) and "Quizlet text only" in summary.group(1)
    for name in ("quizlet_term", "quizlet_term_custom", "quizlet_row", "quizlet_row_custom"):
        assert f'name="{name}"' in disclosure
    # another format's mistake leaves them folded; the other fields' errors show as before
    gift = upload(teacher, "gift", "My Bank", b"::Q::Capital of Kosovo?{=Pristina}\n").get_data(as_text=True)
    assert "no spaces" in gift
    assert _separators_disclosure(gift).startswith('<details class="quizlet-separators">')


def test_a_separator_error_comes_back_unfolded_on_its_field_with_what_was_typed(teacher):
    page = upload_quizlet(
        teacher, "x", "quizlet-tab.txt", quizlet_term="comma", quizlet_row="custom", quizlet_row_custom=","
    ).get_data(as_text=True)
    disclosure = _separators_disclosure(page)
    assert disclosure.startswith('<details class="quizlet-separators" open>')
    error = re.search(r'<p class="error" id="quizlet_row_custom-error">([^<]*)</p>', disclosure)
    assert error and "must differ, and neither may contain the other" in error.group(1)
    assert 'aria-describedby="quizlet_row_custom-error"' in disclosure and 'aria-invalid="true"' in disclosure
    assert "quizlet_term_custom-error" not in disclosure  # only the field to fix is marked
    assert '<option selected value="comma">Comma</option>' in disclosure
    assert '<option selected value="custom">Custom</option>' in disclosure
    assert 'name="quizlet_row_custom" size="10" type="text" value=","' in disclosure
    empty_term = upload_quizlet(
        teacher, "x", "quizlet-tab.txt", quizlet_term="custom", quizlet_term_custom=""
    ).get_data(as_text=True)
    term_error = re.search(r'<p class="error" id="quizlet_term_custom-error">([^<]*)</p>', empty_term)
    assert term_error and "between term and definition is empty" in term_error.group(1)
    assert _separators_disclosure(empty_term).startswith('<details class="quizlet-separators" open>')


def test_a_custom_separator_choice_stays_unfolded_when_another_field_is_wrong(teacher):
    page = upload_quizlet(
        teacher, "Bad Name", "quizlet-custom.txt", quizlet_term="custom", quizlet_term_custom=" :: "
    ).get_data(as_text=True)
    assert "no spaces" in page
    disclosure = _separators_disclosure(page)
    assert disclosure.startswith('<details class="quizlet-separators" open>')
    assert 'value=" :: "' in disclosure


def test_both_quizlet_separators_are_made_by_one_rule(app):
    from quizapp.web.forms import ImportForm

    with app.test_request_context():
        form = ImportForm(meta={"csrf": False})
        assert [form.quizlet_term.label.text, form.quizlet_term_custom.label.text] == [
            "Quizlet: between term and definition",
            "Custom separator between term and definition",
        ]
        assert [form.quizlet_row.label.text, form.quizlet_row_custom.label.text] == [
            "Quizlet: between rows",
            "Custom separator between rows",
        ]
        assert [value for value, *_ in form.quizlet_term.iter_choices()] == ["tab", "comma", "custom"]
        assert [value for value, *_ in form.quizlet_row.iter_choices()] == ["newline", "semicolon", "custom"]
        assert (form.quizlet_term.data, form.quizlet_row.data) == ("tab", "newline")


def _error_summary(page: str) -> list[str]:
    """The lines of the page's error summary, as text."""
    found = re.search(r'<div class="error-summary" role="alert">(.*?)</div>', page, re.S)
    assert found, "the page has no error summary"
    return [html.unescape(line) for line in re.findall(r"<p>(.*?)</p>", found.group(1), re.S)]


def test_an_import_that_makes_nothing_says_why_in_one_line(teacher, questions_dir):
    quizlet = upload(teacher, "quizlet", "my-bank", b"no separators at all\n", source="words.txt")
    page = quizlet.get_data(as_text=True)
    assert quizlet.status_code == 422
    assert _error_summary(page) == [
        "Nothing in words.txt could be imported as Quizlet (text export). Line 1: no separator (Tab) between "
        "term and definition in any row: was the set exported with other separators?"
    ]
    assert "skipped-heading" not in page  # one item: the line says it all
    assert _separators_disclosure(page).startswith('<details class="quizlet-separators" open>')
    notes = b"// only comments here\n::Intro::Read the article first.\n\nA line of prose.\n"
    gift = upload(teacher, "gift", "my-bank", notes, source="notes.gift").get_data(as_text=True)
    (summary,) = _error_summary(gift)
    assert summary.startswith(
        "Nothing in notes.gift could be imported as Moodle GIFT (2 items skipped, listed below)."
    )
    assert "First, line 2: " in summary and "\n" not in summary
    listed = re.search(r'<section class="import-report".*?</section>', gift, re.S)
    assert listed and listed.group(0).count("<li>notes.gift line ") == 2
    assert "<li>notes.gift line 2: " in listed.group(0) and "<li>notes.gift line 4: " in listed.group(0)
    assert _separators_disclosure(gift).startswith('<details class="quizlet-separators">')  # not Quizlet
    empty = upload(teacher, "aiken", "my-bank", b"\n\n", source="empty.txt").get_data(as_text=True)
    assert _error_summary(empty) == [
        "Nothing in empty.txt could be imported as Aiken: it has no question or term in this format. "
        "Is the format right?"
    ]
    assert sorted(p.name for p in questions_dir.glob("*.yaml")) == ["kosovo-peacekeepers.yaml"]


def test_the_import_message_counts_what_was_made(teacher):
    words = upload(teacher, "quizlet", "words", b"Pristina\tthe capital\n", source="words.txt", title="Words")
    assert "Imported 1 question and 1 card from words.txt." in words.get_data(as_text=True)


def test_pasted_gift_with_a_category_needs_no_file_name_one_is_made_from_its_title(teacher, questions_dir):
    """The reviewer's case: GIFT pasted, no file name typed; before, "Choose a file name." A name
    taken by a file (or a bank id) gets "-2"."""
    form = teacher.get("/banks/import").get_data(as_text=True)
    assert (
        "File name for the new bank (optional)" in form and "Only the file, or its text, is required" in form
    )
    gift = (SAMPLES / "moodle-export.gift").read_text(encoding="utf-8")
    (questions_dir / "kosovo-peacekeepers-2.yaml").write_text(
        "title: taken\nquestions: []\n", encoding="utf-8"
    )
    page = upload(teacher, "gift", "", pasted=gift).get_data(as_text=True)
    assert "Imported 11 questions from the pasted text" in page
    # "kosovo-peacekeepers" is the sample bank's id and file, "-2" a file: the next one is free
    assert 'action="/banks/kosovo-peacekeepers-3.yaml/edit"' in page
    typed = upload(teacher, "gift", "my-kosovo", pasted=gift).get_data(as_text=True)
    assert 'action="/banks/my-kosovo.yaml/edit"' in typed


def test_a_second_import_of_the_same_title_does_not_replace_the_first_ones_draft(teacher):
    """Both imports are kept as unsaved drafts: the second gets a name of its own (before, it
    took the first one's and replaced its draft unseen). A typed name is the teacher's choice:
    importing again under it replaces their own draft, as a corrected import should."""
    gift = (SAMPLES / "moodle-export.gift").read_text(encoding="utf-8")
    first = upload(teacher, "gift", "", pasted=gift).get_data(as_text=True)
    second = upload(teacher, "gift", "", pasted=gift).get_data(as_text=True)
    assert 'action="/banks/kosovo-peacekeepers-2.yaml/edit"' in first
    assert 'action="/banks/kosovo-peacekeepers-3.yaml/edit"' in second
    again = upload(teacher, "gift", "kosovo-peacekeepers-2", pasted=gift)
    assert again.status_code == 200 and 'action="/banks/kosovo-peacekeepers-2.yaml/edit"' in again.get_data(
        as_text=True
    )
