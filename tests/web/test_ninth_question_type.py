"""Adding a question type takes one module and a registration (docs/architecture.md): a toy
ninth type, registered here only, is loaded from a bank, shown on the quiz page, answered on the
page and through the API, scored, counted in the class report and score exports, and its bank
exported (GIFT leaves it out with a note; the Anki deck has it), with no other module knowing of
it."""

from __future__ import annotations

import html
import io
import re
import sqlite3
import zipfile
from contextlib import closing

import pytest

from quizapp.core.question_edit import question_fields
from quizapp.core.question_types import question_type
from tests.helpers.api import ApiClient, token_for
from tests.helpers.banks import open_for_practice
from tests.helpers.quizzes import answer, start, submit
from tests.helpers.web import csrf_token, login, read_csv

BANK = "toy"
BANK_YAML = """\
title: A toy bank
settings:
  shuffle_questions: false
  show_answers: immediately
questions:
  - id: weather
    type: yes_no_maybe
    prompt: Will it rain in Pristina tomorrow?
    answer: maybe
  - id: capital
    type: single
    prompt: What is the capital of Kosovo?
    choices: [Pristina, Prizren]
    answer: Pristina
"""


# the toy type registered before the app reads its one bank
pytestmark = [pytest.mark.usefixtures("toy_type"), pytest.mark.only_bank(BANK, BANK_YAML)]


def test_a_registered_type_is_shown_answered_on_the_page_and_scored(app, client, people, toy_type):
    open_for_practice(app, BANK)
    listing = client.get("/").get_data(as_text=True)
    assert "Yes, no or maybe" in listing  # the bank's questions by type, with the type's label
    login(client, "sam")
    attempt_id = start(client, "test", BANK)
    page = client.get(f"/attempts/{attempt_id}/questions/1").get_data(as_text=True)
    assert "Will it rain in Pristina tomorrow?" in page
    assert re.findall(r'name="choice" type="radio" value="(\w+)"', page) == ["yes", "no", "maybe"]

    refused = answer(client, attempt_id, 1, {"choice": "perhaps"}, go="next")
    assert refused.status_code == 422 and "expected yes, no or maybe." in refused.get_data(as_text=True)
    assert answer(client, attempt_id, 1, {"choice": "maybe"}, go="next").status_code == 302
    submit(client, attempt_id)
    results = client.get(f"/attempts/{attempt_id}/results").get_data(as_text=True)
    assert "1 of 2 points" in results and "Maybe" in results


def test_a_registered_type_is_answered_and_scored_through_the_api(client, people, toy_type):
    api = ApiClient(client, token_for(client, "sam"))
    attempt = api.post(f"/quizzes/{BANK}/attempts", json={"mode": "practice"}).get_json()
    shown = attempt["questions"][0]
    assert shown["type"] == "yes_no_maybe" and [c["id"] for c in shown["choices"]] == ["yes", "no", "maybe"]
    url = f"/attempts/{attempt['id']}/answers/weather"
    refused = api.put(url, json={"response": "perhaps"})
    assert refused.status_code == 400
    assert refused.get_json()["error"]["details"] == {"expected": toy_type.response_shape}
    verdict = api.put(url, json={"response": "yes"}).get_json()
    assert verdict["correct"] is False and verdict["correct_answer"] == "Maybe"
    assert verdict["correct_response"] == "maybe"
    assert question_type("yes_no_maybe") is toy_type


def test_a_registered_type_is_counted_in_the_class_report_and_its_score_exports(app, client, people):
    login(client, "sam")
    attempt_id = start(client, "test", BANK)
    assert answer(client, attempt_id, 1, {"choice": "maybe"}, go="next").status_code == 302
    submit(client, attempt_id)
    teacher = app.test_client()
    login(teacher, "tina")
    report = teacher.get(f"/classes/{people.class_id}/quizzes/{BANK}/report")
    assert report.status_code == 200
    page = report.get_data(as_text=True)
    assert "Will it rain in Pristina tomorrow?" in page
    counts = dict(re.findall(r"<li>(Yes|No|Maybe): (\d+)", page))  # the type's tallied choices
    assert counts == {"Yes": "0", "No": "0", "Maybe": "1"}
    rows = read_csv(teacher.get(f"/classes/{people.class_id}/exports/answers.csv"))
    weather = [row for row in rows if row["question_id"] == "weather"]
    assert [(row["question_type"], row["correct"], row["points"]) for row in weather] == [
        ("yes_no_maybe", "true", "1")
    ]


def test_a_bank_with_a_registered_type_is_exported(app, client, people, tmp_path):
    """GIFT has no such question: it is left out with a note saying so, the rest is written.
    The Anki deck is made through the type's words, as for any type."""
    login(client, "tina")
    gift = client.get(f"/banks/{BANK}/export.gift")
    assert gift.status_code == 200
    text = gift.get_data(as_text=True)
    assert "What is the capital of Kosovo?" in text and "Pristina tomorrow" not in text
    result = app.test_cli_runner().invoke(args=["export-bank", BANK, "--format", "gift"])
    assert result.exit_code == 0
    assert "note: weather: left out: GIFT has no yes_no_maybe questions" in result.stderr
    deck = client.get(f"/banks/{BANK}/export.apkg")
    assert deck.status_code == 200
    with zipfile.ZipFile(io.BytesIO(deck.data)) as package:
        package.extract("collection.anki2", tmp_path)
    with closing(sqlite3.connect(tmp_path / "collection.anki2")) as collection:
        fields = [row[0] for row in collection.execute("SELECT flds FROM notes")]
    assert any("Pristina tomorrow" in note and "Maybe" in note for note in fields)


def test_the_answer_key_names_a_registered_type_by_its_label(client, people):
    """The teacher's answer key says what kind of question each is in the type's own words."""
    login(client, "tina")
    key = client.get(f"/banks/{BANK}/answer-key")
    assert key.status_code == 200
    page = html.unescape(key.get_data(as_text=True))
    assert "Yes, no or maybe · 1 point · <code>weather</code>" in page
    assert "Single choice · 1 point · <code>capital</code>" in page


def test_a_type_with_no_form_is_edited_in_the_files_text(client, people):
    """The question form knows no type it was not given a form for: "New question" does not offer
    it, and its questions open the bank's text editor, saying why."""
    login(client, "tina")
    choices = client.get(f"/banks/{BANK}.yaml/questions/new").get_data(as_text=True)
    assert "Single choice" in choices and "Yes, no or maybe" not in choices
    assert client.get(f"/banks/{BANK}.yaml/questions/new/yes_no_maybe").status_code == 404
    opened = client.get(f"/banks/{BANK}.yaml/questions/weather/edit")
    assert opened.status_code == 302 and opened.location.endswith(f"/banks/{BANK}.yaml/edit")
    editor = html.unescape(client.get(opened.location).get_data(as_text=True))
    assert "Questions of the type 'yes_no_maybe' are edited in the file's text." in editor


def test_a_registered_form_edits_and_adds_the_types_questions(client, people, questions_dir, toy_form):
    """A form registered for the type's name (``register_form``) is offered under the type's label,
    shows a question's answer, and writes what the teacher ticks into the file."""
    login(client, "tina")
    path = questions_dir / f"{BANK}.yaml"
    choices = client.get(f"/banks/{BANK}.yaml/questions/new").get_data(as_text=True)
    assert f'href="/banks/{BANK}.yaml/questions/new/yes_no_maybe">Yes, no or maybe</a>' in choices
    edit = f"/banks/{BANK}.yaml/questions/weather/edit"
    page = client.get(edit).get_data(as_text=True)
    assert "Yes, no or maybe. Saving writes this question" in page
    assert re.search(r'<input checked[^>]*value="maybe"|<input[^>]*value="maybe"[^>]*checked', page)
    form = {
        "csrf_token": csrf_token(page),
        "version": re.search(r'name="version"[^>]*value="([^"]*)"', page).group(1),
        "prompt": "Will it rain in Pristina tomorrow?",
        "answer": "no",
        "action": "save",
    }
    assert client.post(edit, data=form).status_code == 302
    assert question_fields(path.read_text(encoding="utf-8"), "weather")["answer"] == "no"
    new = f"/banks/{BANK}.yaml/questions/new/yes_no_maybe"
    page = client.get(new).get_data(as_text=True)
    form |= {"csrf_token": csrf_token(page), "id": "snow", "prompt": "Will it snow?", "answer": "yes"}
    form["version"] = re.search(r'name="version"[^>]*value="([^"]*)"', page).group(1)
    assert client.post(new, data=form).status_code == 302
    assert question_fields(path.read_text(encoding="utf-8"), "snow") == {
        "id": "snow",
        "type": "yes_no_maybe",
        "prompt": "Will it snow?",
        "answer": "yes",
    }
