"""One-time password slips in a browser (issue 17): the class page leads to them after a roster
upload; printed, only the slips are left, each a dashed card kept whole; a phone shows them
without scrolling sideways."""

from __future__ import annotations

from tests.helpers.browser import PHONE, click_through, log_in


def test_slips_print_as_cut_out_cards(new_page, live_server, people, auditor, tmp_path):
    roster = tmp_path / "class.csv"
    roster.write_text("ava,Ava Andersson\nben,Ben Bakker\n", encoding="utf-8")
    teacher = new_page()
    log_in(teacher, live_server, "tina")
    teacher.goto(f"{live_server}/classes/{people.class_id}")
    teacher.get_by_label("Roster file (CSV)").set_input_files(str(roster))
    click_through(teacher, teacher.get_by_role("button", name="Upload roster"))
    click_through(teacher, teacher.get_by_role("link", name="Print slips"))
    slips = teacher.locator(".password-slip")
    assert slips.count() == 2 and "Ava Andersson" in slips.first.inner_text()
    auditor.look(teacher, "70-password-slips")
    teacher.emulate_media(media="print")
    assert not teacher.locator(".site-header").is_visible()
    assert not teacher.get_by_role("heading", name="One-time passwords for History 9B").is_visible()
    assert teacher.evaluate(
        "[...document.querySelectorAll('.password-slip')].every(s => "
        "getComputedStyle(s).borderTopStyle === 'dashed' && getComputedStyle(s).breakInside === 'avoid')"
    )
    pdf = teacher.pdf(format="A4")
    assert pdf[:4] == b"%PDF"
    teacher.emulate_media(media="screen")
    teacher.set_viewport_size(PHONE)
    assert teacher.evaluate("document.documentElement.scrollWidth") <= 390
    assert auditor.violations == []
