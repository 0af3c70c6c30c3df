"""Editing question files in the browser: check, preview, save atomically, history, conflicts."""

from __future__ import annotations

import os
from datetime import UTC, datetime

import pytest

from quizapp.core import bank_loader
from quizapp.services import bank_files
from quizapp.services.bank_files import Outcome
from tests.helpers.banks import GIVEAWAY_BANK
from tests.helpers.web import csrf_token, editor_form, login

URL = "/banks/kosovo-peacekeepers.yaml/edit"


def test_the_bank_list_and_the_editor(teacher, questions_dir):
    listing = teacher.get("/banks").get_data(as_text=True)
    assert "kosovo-peacekeepers.yaml" in listing and "valid" in listing
    page = teacher.get(URL).get_data(as_text=True)
    text, version, _ = editor_form(page)
    assert text == (questions_dir / "kosovo-peacekeepers.yaml").read_text(encoding="utf-8")
    assert len(version) == 64
    assert "Preview: the questions as students see them" in page
    assert page.count('class="card preview"') == 55


def test_check_without_saving_lists_problems_with_lines(teacher, questions_dir):
    text, version, token = editor_form(teacher.get(URL).get_data(as_text=True))
    broken = text.replace("    answer: Kuwait\n", "    answer: Kuwayt\n", 1)
    response = teacher.post(
        URL, data={"text": broken, "version": version, "action": "check", "csrf_token": token}
    )
    page = response.get_data(as_text=True)
    line = broken.splitlines().index("    answer: Kuwayt") + 1
    assert response.status_code == 422
    assert (
        f'data-line="{line}">Bank file line {line}</a> [mission-destination]: answer &#39;Kuwayt&#39; is not among'
        in page
    )
    assert "Kuwayt" in editor_form(page)[0]  # the typed text is kept
    assert (questions_dir / "kosovo-peacekeepers.yaml").read_text(encoding="utf-8") == text  # nothing written


def test_a_blank_numbered_with_thousands_of_digits_is_a_problem_not_a_500(teacher):
    text, version, token = editor_form(teacher.get(URL).get_data(as_text=True))
    blank = "{{" + "9" * 5000 + "}}"
    broken = text.replace("It was the U.S. {{1}}", f"It was the U.S. {{{{1}}}} {blank}", 1)
    assert broken != text
    data = {"text": broken, "version": version, "action": "check", "csrf_token": token}
    response = teacher.post(URL, data=data)
    assert response.status_code == 422
    assert "{{99999999…}} is no blank" in response.get_data(as_text=True)


def test_save_writes_keeps_history_and_students_see_it(teacher, app, questions_dir):
    text, version, token = editor_form(teacher.get(URL).get_data(as_text=True))
    edited = text.replace(
        "To which country has Kosovo sent its peacekeepers?",
        "To which country did Kosovo send its peacekeepers?",
    )
    response = teacher.post(
        URL, data={"text": edited, "version": version, "action": "save", "csrf_token": token}
    )
    assert response.status_code == 302
    assert (questions_dir / "kosovo-peacekeepers.yaml").read_text(encoding="utf-8") == edited
    kept = list((questions_dir / ".history" / "kosovo-peacekeepers.yaml").glob("*.yaml"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == text
    saved = teacher.get(URL).get_data(as_text=True)
    assert "kosovo-peacekeepers.yaml is saved: students see the new version in the 2 classes it is" in saved
    student = app.test_client()
    login(student, "sam")
    deck = student.get("/decks/kosovo-peacekeepers/study").get_data(as_text=True)
    assert "To which country did Kosovo send its peacekeepers?" in deck


def test_an_invalid_save_writes_nothing(teacher, questions_dir):
    original = (questions_dir / "kosovo-peacekeepers.yaml").read_bytes()
    text, version, token = editor_form(teacher.get(URL).get_data(as_text=True))
    response = teacher.post(
        URL,
        data={"text": text + "  - id: broken\n", "version": version, "action": "save", "csrf_token": token},
    )
    assert response.status_code == 422 and "Nothing was written." in response.get_data(as_text=True)
    assert (questions_dir / "kosovo-peacekeepers.yaml").read_bytes() == original
    assert not (questions_dir / ".history").exists()


def test_a_file_changed_on_disk_is_a_conflict_and_the_text_is_kept(teacher, questions_dir):
    text, version, token = editor_form(teacher.get(URL).get_data(as_text=True))
    path = questions_dir / "kosovo-peacekeepers.yaml"
    path.write_text(text.replace("Kuwait", "Kuwait", 1) + "# edited elsewhere\n", encoding="utf-8")
    mine = text.replace("its peacekeepers?", "its peacekeepers, according to the article?", 1)
    response = teacher.post(
        URL, data={"text": mine, "version": version, "action": "save", "csrf_token": token}
    )
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "changed by someone else" in page and "according to the article?" in editor_form(page)[0]
    assert path.read_text(encoding="utf-8").endswith("# edited elsewhere\n")


def test_a_crash_while_writing_leaves_the_old_file(questions_dir, monkeypatch):
    path = questions_dir / "kosovo-peacekeepers.yaml"
    original = path.read_bytes()
    current = bank_files.read(questions_dir, path.name)

    def crash(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        bank_files.save(
            questions_dir, path.name, current.text + "# more\n", current.version, datetime.now(UTC), {}
        )
    assert path.read_bytes() == original
    assert [p.name for p in questions_dir.iterdir() if p.name.endswith(".tmp")] == []


def test_new_bank_from_a_template(teacher, questions_dir):
    page = teacher.get("/banks/new").get_data(as_text=True)
    bad = teacher.post(
        "/banks/new", data={"title": "X", "file_name": "Has Spaces", "csrf_token": csrf_token(page)}
    )
    assert bad.status_code == 422 and "no spaces" in bad.get_data(as_text=True)
    line_break = teacher.post(  # "$" in the pattern would let it through, to a 500
        "/banks/new", data={"title": "X", "file_name": "abc\n", "csrf_token": csrf_token(page)}
    )
    assert line_break.status_code == 422 and "no spaces" in line_break.get_data(as_text=True)
    made = teacher.post(
        "/banks/new", data={"title": 'The "Balkans"', "file_name": "balkans", "csrf_token": csrf_token(page)}
    )
    assert made.headers["Location"].endswith("/banks/balkans.yaml/edit")
    assert "title: \"The 'Balkans'\"" in (questions_dir / "balkans.yaml").read_text(encoding="utf-8")
    again = teacher.post(
        "/banks/new", data={"title": "Y", "file_name": "balkans", "csrf_token": csrf_token(page)}
    )
    assert "exists already" in again.get_data(as_text=True)


def test_file_names_cannot_leave_the_folder(teacher, questions_dir):
    for name in ("..%2Fsecret.yaml", "sources", "nope.yaml", "UPPER.yaml"):
        assert teacher.get(f"/banks/{name}/edit").status_code == 404
    with pytest.raises(bank_files.BadFileName):
        bank_files.checked_path(questions_dir, "../x.yaml")
    assert (
        bank_files.save(
            questions_dir, "kosovo-peacekeepers.yaml", "title: x", None, datetime.now(UTC), {}
        ).outcome
        is Outcome.EXISTS
    )


def test_give_aways_are_warnings_that_do_not_stop_a_check_or_a_save(teacher, questions_dir):
    (questions_dir / "paris.yaml").write_text(GIVEAWAY_BANK, encoding="utf-8")
    url = "/banks/paris.yaml/edit"
    text, version, token = editor_form(teacher.get(url).get_data(as_text=True))
    checked = teacher.post(
        url, data={"text": text, "version": version, "action": "check", "csrf_token": token}
    )
    page = checked.get_data(as_text=True)
    assert checked.status_code == 200
    assert "No problems found. The warnings below do not stop a save." in page
    assert "2 warnings: the bank can be saved and serves as it is" in page
    assert (
        '<a href="#text" class="goto-line" data-line="9">Bank file line 9</a> [seine]: its prompt shows '
        "&#34;Paris&#34;, the answer of [capital] (line 3)" in page
    )
    edited = text.replace("Paris lies on the Seine.", "Paris lies on the Seine, in France.")
    saved = teacher.post(
        url, data={"text": edited, "version": version, "action": "save", "csrf_token": token}
    )
    assert saved.status_code == 302
    assert (questions_dir / "paris.yaml").read_text(encoding="utf-8") == edited
    after = teacher.get(saved.headers["Location"]).get_data(as_text=True)
    assert "paris.yaml is saved" in after and "2 warnings: the bank can be saved" in after


def test_opening_the_editor_does_not_look_for_give_aways(teacher, questions_dir, monkeypatch):
    """The give-away lint takes half a second at 1,000 questions: it runs when the teacher
    checks or saves (or imports), not each time a bank opens."""
    calls = []
    lint = bank_loader.giveaway_warnings

    def counted(*args, **kwargs):
        calls.append(1)
        return lint(*args, **kwargs)

    monkeypatch.setattr(bank_loader, "giveaway_warnings", counted)
    (questions_dir / "paris.yaml").write_text(GIVEAWAY_BANK, encoding="utf-8")
    url = "/banks/paris.yaml/edit"
    opened = teacher.get(url).get_data(as_text=True)
    assert calls == []
    assert "warning-summary" not in opened and "are looked for when you check or save" in opened
    assert opened.count('class="card preview"') == 2  # the preview is still there
    text, version, token = editor_form(opened)
    checked = teacher.post(
        url, data={"text": text, "version": version, "action": "check", "csrf_token": token}
    ).get_data(as_text=True)
    assert calls == [1] and "2 warnings: the bank can be saved" in checked
    saved = teacher.post(url, data={"text": text, "version": version, "action": "save", "csrf_token": token})
    assert saved.status_code == 302 and calls == [1]  # saving checks problems, not give-aways
    after = teacher.get(saved.headers["Location"]).get_data(as_text=True)
    assert calls == [1, 1] and "2 warnings: the bank can be saved" in after
    teacher.get(url)
    assert calls == [1, 1]


def test_a_bank_without_give_aways_shows_no_warnings(teacher, questions_dir):
    quiet = GIVEAWAY_BANK.replace("Paris lies on the Seine.", "The Seine flows into the sea.")
    (questions_dir / "quiet.yaml").write_text(quiet.replace("Paris in spring", "Spring"), encoding="utf-8")
    text, version, token = editor_form(teacher.get("/banks/quiet.yaml/edit").get_data(as_text=True))
    page = teacher.post(
        "/banks/quiet.yaml/edit",
        data={"text": text, "version": version, "action": "check", "csrf_token": token},
    ).get_data(as_text=True)
    assert "No problems found." in page and "warning-summary" not in page


def test_saving_a_new_bank_mentions_no_previous_version(teacher, questions_dir):
    """Only a file that had a version keeps one in its history: a new one says nothing of it."""
    token = csrf_token(teacher.get("/banks").get_data(as_text=True))
    text = "title: Fresh\nquestions:\n  - {id: q, type: true_false, prompt: Fresh?, answer: true}\n"
    created = teacher.post(
        "/banks/fresh.yaml/edit", data={"text": text, "version": "", "action": "save", "csrf_token": token}
    )
    assert created.status_code == 302
    first = teacher.get(created.headers["Location"]).get_data(as_text=True)
    assert "fresh.yaml is saved" in first and "previous one" not in first
    # assigned nowhere: no "students see the new version"
    assert "it is not assigned to any class yet: to give it to one, use" in first
    assert "students see the new version" not in first
    _, version, token = editor_form(first)
    again = teacher.post(
        "/banks/fresh.yaml/edit",
        data={
            "text": text.replace("Fresh?", "Fresh again?"),
            "version": version,
            "action": "save",
            "csrf_token": token,
        },
    )
    assert "The previous one is kept in its history." in teacher.get(again.headers["Location"]).get_data(
        as_text=True
    )
