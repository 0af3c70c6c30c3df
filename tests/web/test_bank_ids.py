"""No file can take over another bank's id: not by a save, an import, nor a file dropped in by hand."""

from __future__ import annotations

import os
from pathlib import Path

from quizapp.services.bank_library import BankLibrary
from tests.helpers.web import csrf_token, editor_form, login, upload

BANK = "kosovo-peacekeepers"
TAKER = f"id: {BANK}\ntitle: Taken over\nquestions:\n  - {{id: q, type: true_false, prompt: Taken?, answer: true}}\n"


def later(path: Path) -> None:
    """Move the file's modification time on, so that the app sees it as changed."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))


def served_title(app) -> str:
    student = app.test_client()
    login(student, "sam")
    return student.get(f"/quizzes/{BANK}").get_data(as_text=True)


def test_saving_a_new_file_with_the_id_of_a_bank_in_service_is_refused(client, people, app, questions_dir):
    login(client, "tina")
    token = csrf_token(client.get("/banks").get_data(as_text=True))
    for action in ("check", "save"):
        response = client.post(
            "/banks/dup.yaml/edit", data={"text": TAKER, "version": "", "action": action, "csrf_token": token}
        )
        page = response.get_data(as_text=True)
        assert response.status_code == 422
        assert (
            f"bank id &#39;{BANK}&#39; (from its &#39;id:&#39; line) is already used by {BANK}.yaml: "
            "give this bank an id of its own" in page
        )
        assert "Taken?" in editor_form(page)[0]  # the teacher's text is kept
    assert not (questions_dir / "dup.yaml").exists()
    assert "Taken over" not in served_title(app)


def test_saving_an_existing_file_with_another_banks_id_is_refused(client, people, app, questions_dir):
    (questions_dir / "other.yaml").write_text(TAKER.replace(f"id: {BANK}", "id: other"), encoding="utf-8")
    login(client, "tina")
    text, version, token = editor_form(client.get("/banks/other.yaml/edit").get_data(as_text=True))
    response = client.post(
        "/banks/other.yaml/edit",
        data={
            "text": text.replace("id: other", f"id: {BANK}"),
            "version": version,
            "action": "save",
            "csrf_token": token,
        },
    )
    assert response.status_code == 422 and "is already used by" in response.get_data(as_text=True)
    assert (questions_dir / "other.yaml").read_text(encoding="utf-8") == text
    ok = client.post(
        "/banks/other.yaml/edit",
        data={
            "text": text.replace("Taken?", "Still mine?"),
            "version": version,
            "action": "save",
            "csrf_token": token,
        },
    )
    assert ok.status_code == 302  # a file keeps saving under its own id


def test_a_new_bank_named_after_a_taken_id_is_refused(client, people, questions_dir):
    (questions_dir / "a-first.yaml").write_text(TAKER.replace(f"id: {BANK}", "id: later"), encoding="utf-8")
    login(client, "tina")
    page = client.get("/banks/new").get_data(as_text=True)
    response = client.post(
        "/banks/new", data={"title": "New", "file_name": "later", "csrf_token": csrf_token(page)}
    )
    assert response.status_code == 422
    assert "The bank in a-first.yaml has the id &#39;later&#39; already" in response.get_data(as_text=True)
    assert not (questions_dir / "later.yaml").exists()


def test_an_import_that_would_take_an_id_says_so_and_cannot_be_saved(client, people, questions_dir):
    login(client, "tina")
    (questions_dir / "a-first.yaml").write_text(TAKER.replace(f"id: {BANK}", "id: vocab"), encoding="utf-8")
    page = upload(client, "quizlet", "vocab", pasted="platoon\ta small army unit\n", title="Vocab").get_data(
        as_text=True
    )
    assert "bank id &#39;vocab&#39; (from its file name) is already used by a-first.yaml" in page
    text, version, token = editor_form(page)
    saved = client.post(
        "/banks/vocab.yaml/edit",
        data={"text": text, "version": version, "action": "save", "csrf_token": token},
    )
    assert saved.status_code == 422 and not (questions_dir / "vocab.yaml").exists()


def test_the_import_command_refuses_a_taken_id(app, questions_dir, tmp_path):
    source = tmp_path / "quizlet.txt"
    source.write_text("platoon\ta small army unit\n", encoding="utf-8")
    (questions_dir / "a-first.yaml").write_text(TAKER.replace(f"id: {BANK}", "id: vocab"), encoding="utf-8")
    target = questions_dir / "vocab.yaml"
    result = app.test_cli_runner().invoke(
        args=["import", str(source), "--format", "quizlet", "-o", str(target)]
    )
    assert result.exit_code == 1
    # the bank file's line, said to be of a file not written
    assert (
        f"problem: {target} (not written):1: bank id 'vocab' (from its file name) is already used by a-first.yaml"
        in result.output
    )
    assert not target.exists()


def test_check_names_both_files_and_blames_the_one_not_in_service(app, people, questions_dir):
    served_title(app)  # the bank is in service (and so recorded in the database)
    (questions_dir / "dup.yaml").write_text(TAKER, encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["check", str(questions_dir)])
    assert result.exit_code == 1
    assert (
        f"{questions_dir}/dup.yaml:1: bank id '{BANK}' is already used by {questions_dir}/{BANK}.yaml, "
        "which keeps it: this file is not in service until it has an id of its own\n" in result.output
    )
    assert f"ok {BANK}: 55 questions" in result.output


def test_a_file_dropped_in_by_hand_does_not_replace_the_bank_in_service(app, people, questions_dir):
    served = served_title(app)
    assert "Taken over" not in served and "Kosov" in served
    (questions_dir / "dup.yaml").write_text(TAKER, encoding="utf-8")  # sorts before the bank's file
    later(questions_dir / "dup.yaml")
    assert "Taken over" not in served_title(app)
    with app.app_context():  # a worker started now (no memory of who served the id) agrees
        fresh = BankLibrary(questions_dir, rescan_seconds=0)
        fresh.reload()
        assert fresh.catalog.get(BANK).path.endswith(f"{BANK}.yaml")
        assert [str(p) for p in fresh.catalog.problems] == [
            f"questions/dup.yaml:1: bank id '{BANK}' is already used by questions/{BANK}.yaml, which keeps "
            "it: this file is not in service until it has an id of its own"
        ]
    login(teacher := app.test_client(), "tina")
    assert "1 problem: not in use" in teacher.get("/banks").get_data(as_text=True)
    editor = teacher.get("/banks/dup.yaml/edit").get_data(as_text=True)
    assert f"is already used by {BANK}.yaml: give this bank an id of its own" in editor
