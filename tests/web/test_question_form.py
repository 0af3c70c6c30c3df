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
    assert data["id"] == "mission-unit" and "readonly" in re.search(
        r'<input[^>]*name="id"[^>]*>', page
    ).group(0)
    assert data["prompt"] == "What kind of unit did Kosovo send abroad?"
    texts = [data[f"choices-{n}-text"] for n in range(6)]
    assert texts[:4] == ["An army platoon", "An army battalion", "A police unit", "A medical team"] and texts[
        4:
    ] == ["", ""]
    assert data["choices-0-right"] == "y" and "choices-1-right" not in data
    assert "Preview: the question as students see it" in page
    assert "The article" in page and "Kosovo has sent an army platoon to Kuwait" in page
    assert 'src="/static/quote_picker.js"' in page


def test_a_change_rewrites_only_that_question(teacher, questions_dir):
    path = questions_dir / BANK
    before = path.read_text(encoding="utf-8")
    page = teacher.get(url("mission-destination")).get_data(as_text=True)
    data = form_data(page) | {
        "prompt": "To which country did Kosovo send its peacekeepers?",
        "action": "save",
    }
    data["choices-4-text"] = "Qatar"
    response = teacher.post(url("mission-destination"), data=data)
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    after = path.read_text(encoding="utf-8")
    assert other_lines(after, "mission-destination") == other_lines(before, "mission-destination")
    fields = question_fields(after, "mission-destination")
    assert fields["prompt"] == "To which country did Kosovo send its peacekeepers?"
    assert fields["choices"] == ["Kuwait", "Iraq", "Afghanistan", "Lebanon", "Qatar"]
    assert fields["answer"] == "Kuwait" and fields["group"] == "destination"
    assert (
        next(iter((questions_dir / ".history" / BANK).glob("*.yaml"))).read_text(encoding="utf-8") == before
    )
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


def test_a_bad_value_is_shown_beside_its_field_and_everything_typed_is_kept(teacher, questions_dir):
    path = questions_dir / BANK
    before = path.read_bytes()
    page = teacher.get(url("mission-destination")).get_data(as_text=True)
    data = form_data(page) | {"prompt": "A changed prompt", "action": "save"}
    data["source"] = "Kosovo has sent a navy to Kuwait"  # not in the article
    response = teacher.post(url("mission-destination"), data=data)
    assert response.status_code == 422
    shown = response.get_data(as_text=True)
    error = re.search(r'<p class="error" id="source-error">(.*?)</p>', shown, re.DOTALL)
    assert error and "source quote not found" in error.group(1)
    assert 'aria-invalid="true"' in re.search(r'<textarea[^>]*name="source"[^>]*>', shown).group(0)
    kept = form_data(shown)
    assert kept["prompt"] == "A changed prompt" and kept["source"] == "Kosovo has sent a navy to Kuwait"
    assert path.read_bytes() == before  # nothing written
    # a single-choice question with no right answer ticked: the check's "missing field" goes to the choices
    data = form_data(page)
    del data["choices-0-right"]
    shown = teacher.post(url("mission-destination"), data=data | {"action": "check"}).get_data(as_text=True)
    assert re.search(r'<p class="error" id="choices-error">[^<]*answer', shown)


def test_check_shows_the_preview_and_writes_nothing(teacher, questions_dir):
    before = (questions_dir / BANK).read_bytes()
    page = teacher.get(url("mission-destination")).get_data(as_text=True)
    response = teacher.post(
        url("mission-destination"), data=form_data(page) | {"prompt": "Where to, then?", "action": "check"}
    )
    shown = response.get_data(as_text=True)
    assert response.status_code == 200 and "No problems found" in shown
    preview = shown[shown.index("Preview: the question as students see it") :]
    assert "Where to, then?" in preview and "Correct answer: Kuwait" in preview
    assert (questions_dir / BANK).read_bytes() == before


def test_a_file_changed_since_the_form_was_opened_is_a_conflict(teacher, questions_dir):
    path = questions_dir / BANK
    page = teacher.get(url("mission-destination")).get_data(as_text=True)
    changed = path.read_text(encoding="utf-8").replace(
        "    answer: Kuwait\n", "    answer: Kuwait  # sure\n", 1
    )
    path.write_text(changed, encoding="utf-8")
    response = teacher.post(
        url("mission-destination"), data=form_data(page) | {"prompt": "Mine", "action": "save"}
    )
    assert response.status_code == 409
    shown = response.get_data(as_text=True)
    assert "Not saved: the file was changed by someone else" in shown and form_data(shown)["prompt"] == "Mine"
    assert path.read_text(encoding="utf-8") == changed


def test_adding_a_question(teacher, questions_dir):
    path = questions_dir / BANK
    before = path.read_text(encoding="utf-8")
    assert "True or false" in teacher.get(f"/banks/{BANK}/questions/new").get_data(as_text=True)
    new = f"/banks/{BANK}/questions/new/true_false"
    page = teacher.get(new).get_data(as_text=True)
    data = form_data(page) | {"prompt": "Kosovo sent a platoon.", "answer": "true", "action": "save"}
    response = teacher.post(new, data=data)
    assert response.status_code == 422 and "Give the question an id" in response.get_data(as_text=True)
    data |= {
        "id": "platoon-sent",
        "feedback_wrong": "It did.",
        "source": "Kosovo has sent an army platoon to Kuwait",
    }
    response = teacher.post(new, data=data)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before[: before.index("\ncards:")])
    assert question_fields(after, "platoon-sent") == {
        "id": "platoon-sent",
        "type": "true_false",
        "prompt": "Kosovo sent a platoon.",
        "answer": True,
        "feedback": {"wrong": "It did."},
        "source": "Kosovo has sent an army platoon to Kuwait",
    }
    assert teacher.get(f"/banks/{BANK}/questions/new/essay").status_code == 404


def test_fields_the_form_does_not_show_are_kept(teacher, questions_dir):
    path = questions_dir / BANK
    text = path.read_text(encoding="utf-8").replace(
        "  - id: mission-destination\n",
        "  - id: mission-destination\n    allow_giveaway: [mission-unit]\n",
        1,
    )
    path.write_text(text, encoding="utf-8")
    page = teacher.get(url("mission-destination")).get_data(as_text=True)
    assert (
        teacher.post(url("mission-destination"), data=form_data(page) | {"action": "save"}).status_code == 302
    )
    assert question_fields(path.read_text(encoding="utf-8"), "mission-destination")["allow_giveaway"] == [
        "mission-unit"
    ]


def test_only_teachers_may_edit_and_csrf_is_enforced(app, student, questions_dir):
    before = (questions_dir / BANK).read_bytes()
    token = csrf_token(student.get("/").get_data(as_text=True))
    for address in (
        url("mission-destination"),
        f"/banks/{BANK}/questions/new",
        f"/banks/{BANK}/questions/new/short",
    ):
        assert student.get(address).status_code == 403
        if not address.endswith("/new"):
            assert student.post(address, data={"prompt": "x", "csrf_token": token}).status_code == 403
    other = app.test_client()
    login(other, "tina")
    page = other.get(url("mission-destination")).get_data(as_text=True)
    data = form_data(page) | {"prompt": "Forged", "action": "save"}
    del data["csrf_token"]
    assert other.post(url("mission-destination"), data=data).status_code == 400
    assert (questions_dir / BANK).read_bytes() == before
    assert other.get(url("no-such-question")).status_code == 404
    assert other.get("/banks/no-such.yaml/questions/x/edit").status_code == 404
    assert other.get("/banks/..%2Fsecret.yaml/questions/x/edit").status_code == 404


def test_a_field_the_form_cannot_write_back_is_a_clear_problem_not_an_error(teacher, questions_dir):
    odd = (
        "title: Odd\nquestions:\n  - id: a\n    type: short\n    prompt: P\n    accept: [x]\n"
        '    "x-note": hello\n'
    )
    (questions_dir / "odd.yaml").write_text(odd, encoding="utf-8")
    page = teacher.get("/banks/odd.yaml/questions/a/edit").get_data(as_text=True)
    response = teacher.post(
        "/banks/odd.yaml/questions/a/edit", data={**form_data(page), "prompt": "P2", "action": "save"}
    )
    assert response.status_code == 422
    assert "rename or remove that field in the editor" in html.unescape(response.get_data(as_text=True))
    assert (questions_dir / "odd.yaml").read_text(encoding="utf-8") == odd
