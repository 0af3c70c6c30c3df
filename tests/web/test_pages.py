import os

from quizapp.db.base import db
from quizapp.db.models import Bank
from tests.helpers.banks import assign_every_bank, open_for_practice
from tests.helpers.web import login


def test_index_lists_the_open_practice_banks_with_counts_by_type(app, client, people, questions_dir):
    (questions_dir / "aa-small.yaml").write_text(
        "title: A small bank\nquestions:\n  - {id: q, type: true_false, prompt: P, answer: true}\n"
    )
    open_for_practice(app, "kosovo-peacekeepers")
    response = client.get("/")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "<h1>Quizzes</h1>" in page
    assert "Kosovar Peacekeepers Sent On First Mission Abroad" in page
    assert "RFE/RL (Radio Free Europe/Radio Liberty), with reporting by AP" in page
    assert "<strong>55</strong> questions" in page
    assert '<span class="type-name">Single choice</span> <span class="type-count">14</span>' in page
    assert '<span class="type-name">Matching</span> <span class="type-count">2</span>' in page
    assert "A small bank" not in page  # assigned to no class, open to nobody: visitors do not see it


def test_pages_send_security_headers(client, people):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_pages_hold_no_inline_script_or_style(client, people):
    page = client.get("/").get_data(as_text=True)
    assert "<script" not in page and "<style" not in page and " style=" not in page


def test_edited_file_shows_up_without_a_restart(app, client, questions_dir, people):
    path = questions_dir / "kosovo-peacekeepers.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('title: "Kosovar Peacekeepers', 'title: "Edited: Kosovar Peacekeepers', 1),
        encoding="utf-8",
    )
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    login(client, "sam")
    assert "Edited: Kosovar Peacekeepers" in client.get("/").get_data(as_text=True)
    with app.app_context():
        titles = db.session.scalars(db.select(Bank.title)).all()
    assert titles == ["Edited: Kosovar Peacekeepers Sent On First Mission Abroad"]


def test_broken_file_keeps_the_page_and_other_banks_up(app, client, questions_dir, people):
    (questions_dir / "zz-broken.yaml").write_text("title: [oops\n")
    (questions_dir / "aa-small.yaml").write_text(
        "title: A small bank\nquestions:\n  - {id: q, type: true_false, prompt: P, answer: true}\n"
    )
    assign_every_bank(app)
    login(client, "sam")
    page = client.get("/").get_data(as_text=True)
    assert "A small bank" in page and "Kosovar Peacekeepers" in page


def test_unknown_page_is_404(client):
    assert client.get("/nope").status_code == 404
