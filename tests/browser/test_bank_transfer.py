"""A teacher imports a Quizlet set in the browser, checks it in the editor, saves it; prints an answer key."""

from __future__ import annotations

from tests.core.interchange.samples import SAMPLES
from tests.helpers.banks import assign_every_bank
from tests.helpers.browser import ARTIFACTS, click_through, log_in


def test_teacher_imports_a_set_checks_it_and_saves_it(
    new_page, live_server, people, auditor, questions_dir, app
):
    teacher = new_page()
    log_in(teacher, live_server, "tina")
    teacher.goto(live_server + "/banks")
    click_through(teacher, teacher.get_by_role("link", name="Import from Moodle, Quizlet or Anki"))
    teacher.get_by_label("Format").select_option("quizlet")
    teacher.get_by_label("File to import").set_input_files(str(SAMPLES / "quizlet.txt"))
    teacher.get_by_label("File name for the new bank").fill("kosovo-terms")
    auditor.look(teacher, "60-import-form")
    click_through(teacher, teacher.get_by_role("button", name="Import and check"))
    report = teacher.locator(".import-report").inner_text()
    assert "Line 3: no separator" in report and "Line 4: a line needs both a term and a definition" in report
    assert teacher.locator(".preview").count() == 3
    auditor.look(teacher, "61-import-in-editor")
    assert not (questions_dir / "kosovo-terms.yaml").exists()
    editor = teacher.get_by_label("Bank file (YAML)")
    editor.fill(editor.input_value().replace("title: quizlet", "title: Kosovo terms"))
    click_through(teacher, teacher.get_by_role("button", name="Save"))
    assert "is saved" in teacher.locator(".flashes").inner_text()
    assert "title: Kosovo terms" in (questions_dir / "kosovo-terms.yaml").read_text(encoding="utf-8")

    assign_every_bank(app)
    student = new_page()
    log_in(student, live_server, "sam")
    assert student.get_by_text("Kosovo terms").count() >= 1
    assert auditor.violations == []


def test_the_answer_key_prints_without_the_menus(new_page, live_server, people, auditor):
    teacher = new_page()
    log_in(teacher, live_server, "tina")
    teacher.goto(live_server + "/banks/kosovo-peacekeepers/answer-key")
    auditor.look(teacher, "62-answer-key")
    assert teacher.locator(".site-header").is_visible()
    teacher.emulate_media(media="print")
    assert not teacher.locator(".site-header").is_visible()
    assert not teacher.get_by_text("Print it with your browser's Print command").is_visible()
    assert teacher.locator(".answer-key-item").first.is_visible()
    teacher.screenshot(path=str(ARTIFACTS / "63-answer-key-print.png"), full_page=False)
    pdf = teacher.pdf(format="A4")
    assert pdf[:4] == b"%PDF" and len(pdf) > 10_000
    assert auditor.violations == []
