"""A teacher imports a Quizlet set in the browser, checks it in the editor, saves it; prints an answer key."""

from __future__ import annotations

from tests.core.interchange.samples import SAMPLES
from tests.helpers.banks import assign_every_bank
from tests.helpers.browser import ARTIFACTS, PHONE, click_through, log_in


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
    title = teacher.get_by_label("Title of the new bank")  # a Quizlet export names no title: asked
    assert "does not say what the bank is called" in teacher.locator("#title-error").inner_text()
    assert title.input_value() == "quizlet"  # offered from the file's name
    title.fill("Kosovo terms")
    click_through(teacher, teacher.get_by_role("button", name="Import and check"))  # the file was kept
    report = teacher.locator(".import-report").inner_text()
    assert "quizlet.txt line 3: no separator" in report
    assert "quizlet.txt line 4: a line needs both a term and a definition" in report
    assert teacher.locator(".preview").count() == 3
    auditor.look(teacher, "61-import-in-editor")
    assert not (questions_dir / "kosovo-terms.yaml").exists()
    assert "\ntitle: Kosovo terms\n" in teacher.get_by_label("Bank file (YAML)").input_value()
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


def test_quizlet_s_separators_fold_away_and_open_by_keyboard_or_by_choosing_quizlet(
    new_page, live_server, people, auditor, questions_dir
):
    teacher = new_page()
    log_in(teacher, live_server, "tina")
    teacher.goto(live_server + "/banks/import")
    summary = teacher.locator("details.quizlet-separators > summary")
    term = teacher.get_by_label("Quizlet: between term and definition")
    assert not term.is_visible()  # folded for GIFT, the format the page starts with
    assert "Quizlet text only" in summary.inner_text()
    auditor.look(teacher, "64-import-separators-folded")
    # by keyboard: Tab to the summary, Enter opens it, and its fields are reachable and labelled
    teacher.get_by_label("Or paste its text here").focus()
    teacher.keyboard.press("Tab")
    assert teacher.evaluate("document.activeElement.tagName") == "SUMMARY"
    teacher.keyboard.press("Enter")
    assert term.is_visible()
    teacher.keyboard.press("Tab")
    assert teacher.evaluate("document.activeElement.id") == "quizlet_term"
    teacher.keyboard.press("Shift+Tab")
    teacher.keyboard.press("Enter")
    assert not term.is_visible()
    # the page's script unfolds them when Quizlet is chosen
    teacher.get_by_label("Format").select_option("quizlet")
    assert term.is_visible() and summary.is_visible()
    teacher.set_viewport_size(PHONE)
    assert teacher.evaluate("document.documentElement.scrollWidth") <= 390
    auditor.look(teacher, "65-import-separators-open")
    assert auditor.violations == []


def test_without_javascript_the_separators_open_by_hand_and_come_back_open_with_an_error(
    new_page, live_server, people, questions_dir
):
    teacher = new_page(java_script_enabled=False)
    teacher.set_viewport_size(PHONE)
    log_in(teacher, live_server, "tina")
    teacher.goto(live_server + "/banks/import")
    teacher.get_by_label("Format").select_option("quizlet")
    term = teacher.get_by_label("Quizlet: between term and definition")
    assert not term.is_visible()  # no script: the teacher opens them
    teacher.locator("details.quizlet-separators > summary").click()
    term.select_option("custom")
    teacher.get_by_label("Or paste its text here").fill("Pristina :: the capital\n")
    teacher.get_by_label("File name for the new bank").fill("capitals")
    teacher.get_by_label("Title of the new bank").fill("Capitals")
    click_through(teacher, teacher.get_by_role("button", name="Import and check"))
    assert term.is_visible()  # back unfolded, at the field to fix, with what was chosen
    custom = teacher.get_by_label("Custom separator between term and definition")
    assert "is empty" in teacher.locator("#quizlet_term_custom-error").inner_text()
    assert custom.get_attribute("aria-invalid") == "true" and term.input_value() == "custom"
    custom.fill(" :: ")
    click_through(teacher, teacher.get_by_role("button", name="Import and check"))
    assert "Imported 1 question and 1 card" in teacher.locator(".flash").inner_text()
