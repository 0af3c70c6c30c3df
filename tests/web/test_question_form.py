"""Editing one question of a bank in a form: the rest of the file stays as it was."""

from __future__ import annotations

import html
import re

import pytest

from quizapp.core.question_edit import question_fields, question_lines
from tests.helpers.web import csrf_token, login

BANK = "kosovo-peacekeepers.yaml"
EDITOR = f"/banks/{BANK}/edit"


def url(question_id: str) -> str:
    return f"/banks/{BANK}/questions/{question_id}/edit"


def form_data(page: str) -> dict[str, str]:
    """What the browser sends for the page's question form as it stands (no button pressed)."""
    start = page.index('class="question-form"')
    form = page[start : page.index("</form>", start)]
    data: dict[str, str] = {}
    for tag in re.findall(r"<input[^>]*>", form):
        name = re.search(r'name="([^"]+)"', tag)
        if not name:
            continue
        value = re.search(r'value="([^"]*)"', tag)
        kind = re.search(r'type="([^"]+)"', tag)
        if kind and kind.group(1) in ("checkbox", "radio") and "checked" not in tag:
            continue
        data[name.group(1)] = html.unescape(value.group(1)) if value else ""
    for name, value in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.DOTALL):
        data[name] = html.unescape(value).removeprefix("\r\n").removeprefix("\n")
    return data


def other_lines(text: str, question_id: str) -> tuple[list[str], list[str]]:
    first, last = question_lines(text, question_id)
    lines = text.splitlines(keepends=True)
    return lines[: first - 1], lines[last:]


def test_the_preview_links_each_question_to_its_form(teacher):
    page = teacher.get(EDITOR).get_data(as_text=True)
    assert page.count("Edit this question") == 55
    assert f'href="{url("mission-destination")}"' in page
    assert f'href="/banks/{BANK}/questions/new"' in page


def test_the_form_shows_the_current_values(teacher):
    page = teacher.get(url("mission-unit")).get_data(as_text=True)
    data = form_data(page)
    assert data["id"] == "mission-unit" and 'readonly' in re.search(r'<input[^>]*name="id"[^>]*>', page).group(0)
    assert data["prompt"] == "What kind of unit did Kosovo send abroad?"
    texts = [data[f"choices-{n}-text"] for n in range(6)]
    assert texts[:4] == ["An army platoon", "An army battalion", "A police unit", "A medical team"] and texts[4:] == ["", ""]
    assert data["choices-0-right"] == "y" and "choices-1-right" not in data
    assert "Preview: the question as students see it" in page
    assert "The article" in page and "Kosovo has sent an army platoon to Kuwait" in page
    assert 'src="/static/quote_picker.js"' in page


def test_a_change_rewrites_only_that_question(teacher, questions_dir):
    path = questions_dir / BANK
    before = path.read_text(encoding="utf-8")
    page = teacher.get(url("mission-destination")).get_data(as_text=True)
    data = form_data(page) | {"prompt": "To which country did Kosovo send its peacekeepers?", "action": "save"}
    data["choices-4-text"] = "Qatar"
    response = teacher.post(url("mission-destination"), data=data)
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    after = path.read_text(encoding="utf-8")
    assert other_lines(after, "mission-destination") == other_lines(before, "mission-destination")
    fields = question_fields(after, "mission-destination")
    assert fields["prompt"] == "To which country did Kosovo send its peacekeepers?"
    assert fields["choices"] == ["Kuwait", "Iraq", "Afghanistan", "Lebanon", "Qatar"]
    assert fields["answer"] == "Kuwait" and fields["group"] == "destination"
    assert list((questions_dir / ".history" / BANK).glob("*.yaml"))[0].read_text(encoding="utf-8") == before
    saved = teacher.get(response.headers["Location"]).get_data(as_text=True)
    assert "The question mission-destination is saved" in saved


@pytest.mark.parametrize(
    "question_id",
    [
        "mission-destination",
        "mission-undisclosed",
        "mission-command-own",
        "platoon-seen",
        "mission-destination-short",
        "mission-cloze-command",
        "sizes-order",
        "ceremony-details",
    ],
)
def test_every_type_round_trips_through_its_form(teacher, questions_dir, question_id):
    path = questions_dir / BANK
    before = path.read_text(encoding="utf-8")
    page = teacher.get(url(question_id)).get_data(as_text=True)
    response = teacher.post(url(question_id), data=form_data(page) | {"action": "save"})
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    after = path.read_text(encoding="utf-8")
    assert other_lines(after, question_id) == other_lines(before, question_id)
    assert question_fields(after, question_id) == question_fields(before, question_id)
