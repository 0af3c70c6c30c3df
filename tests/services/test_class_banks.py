"""The banks a class uses (``assignments.banks_of_classes``): its gradebook and its progress show
those, not every bank imported for the school. Download names carry the class's name."""

from __future__ import annotations

import csv
import io
import json

from openpyxl import load_workbook

from quizapp.core.file_names import class_file_name_part
from quizapp.services import assignments
from tests.helpers.banks import PROBE_BANK, open_for_practice, probe_bank
from tests.helpers.quizzes import start
from tests.helpers.web import login

ARTICLE = "kosovo-peacekeepers"  # assigned to every class by the fixture
UNUSED_TITLE = "Never Assigned Quiz"
UNUSED_TOPIC = "unused-topic"


def _add_unused_bank(app, questions_dir) -> None:
    """A bank imported for the school, assigned to no class, its one tag found nowhere else."""
    text = probe_bank("after_submit").replace("title: Disclosure probe", f"title: {UNUSED_TITLE}")
    text = text.replace("    type: short\n", f"    type: short\n    tags: [{UNUSED_TOPIC}]\n", 1)
    (questions_dir / f"{PROBE_BANK}.yaml").write_text(text, encoding="utf-8")
    open_for_practice(app)  # reloads the library and stores the bank, flags unchanged


def _gradebook_headers(client, class_id: int) -> dict[str, list[str]]:
    base = f"/classes/{class_id}/exports/gradebook"
    sheet = load_workbook(io.BytesIO(client.get(f"{base}.xlsx").data)).active
    return {
        "xlsx": [cell.value for cell in sheet[1]],
        "csv": next(csv.reader(io.StringIO(client.get(f"{base}.csv").text))),
        "json": json.loads(client.get(f"{base}.json").data)["columns"],
    }


def test_a_bank_the_class_never_used_is_in_neither_its_gradebook_nor_its_progress(
    app, client, people, questions_dir
):
    _add_unused_bank(app, questions_dir)
    with app.app_context():
        assert [bank.slug for bank in assignments.banks_of_classes([people.class_id])] == [ARTICLE]
    login(client, "tina")
    headers = _gradebook_headers(client, people.class_id)
    assert len(headers["xlsx"]) == len(headers["csv"]) == len(headers["json"]) == 4  # people, the article
    assert headers["json"][3] == ARTICLE and UNUSED_TITLE not in headers["xlsx"] + headers["csv"]
    progress = client.get(f"/classes/{people.class_id}/progress").get_data(as_text=True)
    assert "<td>mission</td>" in progress  # the article's topic
    assert f"<td>{UNUSED_TOPIC}</td>" not in progress


def test_a_bank_open_to_everyone_counts_once_a_student_of_the_class_used_it(
    app, client, people, questions_dir
):
    _add_unused_bank(app, questions_dir)
    open_for_practice(app, PROBE_BANK)
    login(client, "tina")
    assert PROBE_BANK not in _gradebook_headers(client, people.class_id)["json"]  # open, but unused
    student = app.test_client()
    login(student, "sam")
    start(student, "practice", PROBE_BANK)
    assert PROBE_BANK in _gradebook_headers(client, people.class_id)["json"]
    progress = client.get(f"/classes/{people.class_id}/progress").get_data(as_text=True)
    assert f"<td>{UNUSED_TOPIC}</td>" in progress
    otto = app.test_client()
    login(otto, "otto")  # Oleg, in Otto's class, used neither
    assert PROBE_BANK not in _gradebook_headers(otto, people.other_class_id)["json"]


def test_every_download_is_named_after_its_class(app, client, people, results):
    login(client, "tina")
    for kind in ("attempts", "gradebook", "answers", "assignment_gradebook"):
        for fmt in ("csv", "xlsx", "json"):
            disposition = client.get(f"/classes/{people.class_id}/exports/{kind}.{fmt}").headers[
                "Content-Disposition"
            ]
            assert disposition.startswith(f'attachment; filename="quizapp-{kind}-history-9b-'), disposition
            assert disposition.endswith(f'.{fmt}"')
    everything = client.get("/classes/exports/gradebook.xlsx").headers["Content-Disposition"]
    assert 'filename="quizapp-gradebook-history-9b-' in everything  # Tina has the one class


def test_a_class_name_in_a_file_name():
    assert class_file_name_part([(3, "History 9B")]) == "history-9b"
    assert class_file_name_part([(3, "Ιστορία Β΄")]) == "class3"  # nothing ASCII: its id
    assert class_file_name_part([(3, "History 9B"), (4, "Civics 10A")]) == "all-classes"
