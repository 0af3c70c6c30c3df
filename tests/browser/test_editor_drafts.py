"""The bank editor in a browser (issue 17): leaving with unsaved changes asks first (a
``beforeunload`` guard, silent when nothing changed and on the editor's own buttons), and the text
typed is kept on the server after a pause, so a closed tab gives it back as a draft to restore."""

from __future__ import annotations

from tests.helpers.browser import click_through, log_in

EDITOR = "/banks/kosovo-peacekeepers.yaml/edit"
TYPED = "# typed, never saved\n"


def dialogs_of(page) -> list[str]:
    """The types of the dialogs the page opens; each is dismissed (the teacher stays)."""
    seen: list[str] = []

    def dismiss(dialog) -> None:
        seen.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return seen


def test_leaving_with_changes_asks_first_and_a_closed_tab_keeps_a_draft(
    new_page, live_server, people, auditor
):
    teacher = new_page()
    log_in(teacher, live_server, "tina")
    teacher.goto(live_server + EDITOR)
    dialogs = dialogs_of(teacher)
    click_through(teacher, teacher.get_by_role("link", name="Question banks"))  # nothing changed: no question
    assert dialogs == [] and teacher.url.endswith("/banks")

    teacher.goto(live_server + EDITOR)
    editor = teacher.get_by_label("Bank file (YAML)")
    editor.click()
    teacher.keyboard.press("Control+Home")
    with teacher.expect_response(lambda response: response.url.endswith("/draft")) as sent:
        teacher.keyboard.type(TYPED)  # then a pause: the script sends the text
    assert sent.value.status == 204 and sent.value.request.method == "POST"

    teacher.get_by_role("link", name="Question banks").click()
    teacher.wait_for_timeout(500)
    assert dialogs == ["beforeunload"] and teacher.url.endswith(EDITOR)  # asked, and stayed
    assert editor.input_value().startswith(TYPED)

    teacher.close(run_before_unload=False)  # the tab is closed anyway
    again = new_page()
    log_in(again, live_server, "tina")
    again.goto(live_server + EDITOR)
    offer = again.locator(".draft-offer")
    assert "You have an unsaved draft from" in offer.inner_text()
    assert not again.get_by_label("Bank file (YAML)").input_value().startswith(TYPED)
    auditor.look(again, "53-editor-draft-offer")
    click_through(again, again.get_by_role("link", name="Restore the draft"))
    restored = again.get_by_label("Bank file (YAML)")
    assert restored.input_value().startswith(TYPED)

    later = dialogs_of(again)
    click_through(
        again, again.get_by_role("button", name="Check without saving")
    )  # its own button: no question
    assert later == []
    again.get_by_role("link", name="Question banks").click()  # the checked text is not saved: asked
    again.wait_for_timeout(500)
    assert later == ["beforeunload"] and again.url.endswith(EDITOR)
    later.clear()
    restored = again.get_by_label("Bank file (YAML)")
    restored.click()
    again.keyboard.press("Control+Home")
    again.keyboard.type("# more\n")
    click_through(again, again.get_by_role("button", name="Save"))
    assert later == [] and "is saved" in again.locator(".flashes").inner_text()
    again.goto(live_server + EDITOR)
    assert again.locator(".draft-offer").count() == 0  # the save cleared the draft
    assert auditor.violations == []
