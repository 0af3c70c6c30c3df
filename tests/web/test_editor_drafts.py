"""The bank editor keeps each teacher's unsaved text on the server (issue 17): sent after a pause
in typing, kept by a check or a refused save without JavaScript, offered back on opening the
file, cleared by a save."""

from __future__ import annotations

from sqlalchemy import func

from quizapp.db.base import db
from quizapp.db.models import BankDraft
from quizapp.services.bank_drafts import DRAFT_LIFETIME, MAX_DRAFT_BYTES, MAX_DRAFTS
from tests.helpers.quizzes import FrozenClock
from tests.helpers.web import csrf_token, editor_form, login, upload

URL = "/banks/kosovo-peacekeepers.yaml/edit"
DRAFT = "/banks/kosovo-peacekeepers.yaml/draft"


def drafts(app) -> int:
    with app.app_context():
        return db.session.scalar(db.select(func.count()).select_from(BankDraft))


def test_a_draft_sent_while_typing_is_offered_back_restored_and_discarded(teacher, app, questions_dir):
    text, version, token = editor_form(teacher.get(URL).get_data(as_text=True))
    edited = text.replace("title:", "# a change not saved\ntitle:", 1)
    kept = teacher.post(DRAFT, data={"text": edited, "version": version, "csrf_token": token})
    assert kept.status_code == 204
    assert (questions_dir / "kosovo-peacekeepers.yaml").read_text(encoding="utf-8") == text  # the file is not

    page = teacher.get(URL).get_data(as_text=True)  # the tab was closed; the teacher comes back
    assert "You have an unsaved draft from" in page
    assert 'href="/banks/kosovo-peacekeepers.yaml/edit?draft=restore"' in page
    assert editor_form(page)[0] == text  # the file, until the teacher chooses the draft

    restored = teacher.get(f"{URL}?draft=restore").get_data(as_text=True)
    assert "Your unsaved draft from" in restored
    assert editor_form(restored)[:2] == (edited, version)  # a save starts from the file it began with
    assert "has been saved since this draft began" not in restored

    otto = app.test_client()  # drafts are each teacher's own
    login(otto, "otto")
    assert "unsaved draft" not in otto.get(URL).get_data(as_text=True)

    discarded = teacher.post("/banks/kosovo-peacekeepers.yaml/draft/discard", data={"csrf_token": token})
    assert discarded.headers["Location"] == URL
    assert "unsaved draft" not in teacher.get(URL).get_data(as_text=True) and drafts(app) == 0


def test_a_save_clears_the_draft_and_a_check_or_a_refused_save_keeps_it(teacher, app):
    text, version, token = editor_form(teacher.get(URL).get_data(as_text=True))
    broken = text.replace("    answer: Kuwait\n", "    answer: Kuwayt\n", 1)
    for action in ("check", "save"):  # without JavaScript: the posted text is the draft
        teacher.post(URL, data={"text": broken, "version": version, "action": action, "csrf_token": token})
        assert "You have an unsaved draft from" in teacher.get(URL).get_data(as_text=True)
        teacher.post("/banks/kosovo-peacekeepers.yaml/draft/discard", data={"csrf_token": token})
    fixed = text.replace("title:", "# saved\ntitle:", 1)
    teacher.post(DRAFT, data={"text": fixed, "version": version, "csrf_token": token})
    saved = teacher.post(URL, data={"text": fixed, "version": version, "action": "save", "csrf_token": token})
    assert saved.status_code == 302 and drafts(app) == 0
    assert "unsaved draft" not in teacher.get(URL).get_data(as_text=True)


def test_a_draft_of_the_file_as_it_is_is_not_offered_and_an_outdated_one_is_said_so(teacher, questions_dir):
    text, version, token = editor_form(teacher.get(URL).get_data(as_text=True))
    teacher.post(DRAFT, data={"text": text.replace("\n", "\r\n"), "version": version, "csrf_token": token})
    assert "unsaved draft" not in teacher.get(URL).get_data(as_text=True)  # CRLF is no change
    teacher.post(DRAFT, data={"text": text + "# mine\n", "version": version, "csrf_token": token})
    (questions_dir / "kosovo-peacekeepers.yaml").write_text(text + "# theirs\n", encoding="utf-8")
    restored = teacher.get(f"{URL}?draft=restore").get_data(as_text=True)
    assert "has been saved since this draft began" in restored
    assert editor_form(restored)[1] == version  # so a save is a conflict, not a silent overwrite


def test_a_draft_needs_the_csrf_token_a_bank_file_name_and_a_size_within_the_cap(teacher, app):
    _, version, token = editor_form(teacher.get(URL).get_data(as_text=True))
    assert teacher.post(DRAFT, data={"text": "x", "version": version}).status_code == 400
    assert (
        teacher.post("/banks/..%2Fx.yaml/draft", data={"text": "x", "csrf_token": token}).status_code == 404
    )
    assert teacher.post("/banks/Not a bank/draft", data={"text": "x", "csrf_token": token}).status_code == 404
    too_big = "é" * (MAX_DRAFT_BYTES // 2 + 1)  # within a request's limit in characters, not in bytes
    response = teacher.post(DRAFT, data={"text": too_big, "csrf_token": token})
    assert response.status_code == 413 and drafts(app) == 0


def test_students_cannot_keep_drafts(student, app):
    token = csrf_token(student.get("/account/password").get_data(as_text=True))
    assert student.post(DRAFT, data={"text": "x", "csrf_token": token}).status_code == 403
    assert drafts(app) == 0


def test_an_import_is_kept_as_a_draft_until_saved_and_the_bank_list_leads_back_to_it(teacher, app):
    page = upload(teacher, "quizlet", "vocab", pasted="platoon\ta small army unit\n", title="Vocab")
    imported = editor_form(page.get_data(as_text=True))[0]
    listing = teacher.get("/banks").get_data(as_text=True)  # the tab was closed before the first save
    assert "Banks not saved yet" in listing and 'href="/banks/vocab.yaml/edit"' in listing
    reopened = teacher.get("/banks/vocab.yaml/edit").get_data(as_text=True)
    assert editor_form(reopened)[:2] == (imported, "")
    assert "the file is not saved yet" in reopened
    assert teacher.get("/banks/never-made.yaml/edit").status_code == 404  # no file and no draft


def test_a_teachers_drafts_are_capped_the_oldest_giving_way_and_forgotten_after_thirty_days(
    teacher, app, monkeypatch
):
    clock = FrozenClock(monkeypatch)
    _, _, token = editor_form(teacher.get(URL).get_data(as_text=True))
    for number in range(MAX_DRAFTS + 1):  # files that do not exist: a draft of a new bank
        kept = teacher.post(f"/banks/new{number:02}.yaml/draft", data={"text": "x", "csrf_token": token})
        assert kept.status_code == 204  # the text being typed is never the one refused
        clock.advance(seconds=1)
    listing = teacher.get("/banks").get_data(as_text=True)
    assert drafts(app) == MAX_DRAFTS
    assert 'href="/banks/new00.yaml/edit"' not in listing and 'href="/banks/new01.yaml/edit"' in listing
    assert teacher.get("/banks/new00.yaml/edit").status_code == 404  # no file and no draft any more

    clock.advance(days=DRAFT_LIFETIME.days, seconds=-MAX_DRAFTS)  # new01 was kept 30 days ago
    assert teacher.get("/banks/new01.yaml/edit").status_code == 200
    clock.advance(seconds=1)
    assert teacher.get("/banks/new01.yaml/edit").status_code == 404  # not offered once past
    assert 'href="/banks/new01.yaml/edit"' not in teacher.get("/banks").get_data(as_text=True)
    assert drafts(app) == MAX_DRAFTS - 1  # and deleted by the list
