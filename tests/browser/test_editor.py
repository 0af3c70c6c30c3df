"""A teacher edits a question in the browser, fixes a mistake the check finds, and a student sees it."""

from __future__ import annotations

from tests.helpers.browser import click_through, log_in


def test_teacher_edits_a_question_and_a_student_sees_it(new_page, live_server, people, auditor):
    teacher = new_page()
    log_in(teacher, live_server, "tina")
    teacher.goto(live_server + "/banks")
    auditor.look(teacher, "50-banks")
    click_through(teacher, teacher.get_by_role("link", name="Edit kosovo-peacekeepers.yaml"))
    editor = teacher.get_by_label("Bank file (YAML)")
    text = editor.input_value()
    editor.fill(
        text.replace(
            "To which country has Kosovo sent its peacekeepers?",
            "Which country are Kosovo's peacekeepers going to?",
        ).replace("    answer: Kuwait\n", "    answer: Kuwiat\n", 1)
    )
    click_through(teacher, teacher.get_by_role("button", name="Check without saving"))
    problem = teacher.locator(".goto-line").first
    assert "Kuwiat" in teacher.locator(".error-summary").inner_text()
    auditor.look(teacher, "51-editor-problem")
    problem.click()  # jumps to the line in the editor
    selected = teacher.evaluate(
        "(() => { const t = document.getElementById('text'); "
        "return t.value.substring(t.selectionStart, t.selectionEnd); })()"
    )
    assert selected.strip() == "answer: Kuwiat"
    teacher.keyboard.type("    answer: Kuwait")
    click_through(teacher, teacher.get_by_role("button", name="Save"))
    assert "is saved" in teacher.locator(".flashes").inner_text()
    auditor.look(teacher, "52-editor-saved")

    student = new_page()
    log_in(student, live_server, "sam")
    student.goto(live_server + "/decks/kosovo-peacekeepers/study")
    assert "Which country are Kosovo's peacekeepers going to?" in student.locator("#card-front").inner_text()
    assert auditor.violations == []
