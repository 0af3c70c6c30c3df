"""The teacher's page of one assignment (/assignments/<id>): its terms, where each student stands
(with a frozen clock: submitted, late, in progress, not started, missed), the counted attempt by
the assignment's rule, accommodations, and who may see it."""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

import pytest

from quizapp.core.assignments import Counted
from quizapp.core.attempts import AttemptMode, draw_questions
from quizapp.core.local_time import shown, time_zone
from tests.helpers.assignments import (
    BANK,
    accommodate,
    add_students,
    percent_of,
    replace_assignments,
    take,
)
from tests.helpers.quizzes import FrozenClock
from tests.helpers.web import csrf_token, login

HOUR = timedelta(hours=1)


def page_of(client, assignment_id: int) -> str:
    response = client.get(f"/assignments/{assignment_id}")
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def text(html: str) -> str:
    """The page's text, tags dropped, blanks collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def row_of(html: str, name: str) -> str:
    """The table row of the student called ``name``, as text."""
    rows = [row for row in re.findall(r"<tr>(.*?)</tr>", html, re.S) if name in row]
    assert len(rows) == 1, (name, len(rows))
    return rows[0]


def counts(html: str) -> dict[str, int]:
    """The counts by status at the top of the page."""
    block = re.search(r'<dl class="scores status-counts">(.*?)</dl>', html, re.S).group(1)
    return {label: int(count) for label, count in re.findall(r"<dt>([^<]+)</dt><dd>(\d+)</dd>", block)}


def local(app, moment) -> str:
    return shown(moment, time_zone(app.config["TIMEZONE"]))


def test_statuses_as_the_clock_moves_on_late_missed_and_an_accommodated_due_time(
    app, people, teacher, monkeypatch
):
    frozen = FrozenClock(monkeypatch)
    t0 = frozen.now
    due = t0 + 2 * HOUR
    assignment_id = replace_assignments(
        app, people, due_at=due, accept_late=True, max_attempts=2, time_limit_minutes=0
    )
    add_students(app, people.class_id, "Nina", "Lara", "Mia")
    accommodate(app, people, assignment_id, "mia", due_at=t0 + 5 * HOUR, extra_attempts=1)
    sam = take(app, "sam", t0)  # on time
    take(app, "sara", t0, correct=1, submit=False)  # untimed: still open at every check below

    frozen.now = t0 + HOUR
    html = page_of(teacher, assignment_id)
    assert counts(html) == {
        "Submitted": 1,
        "Submitted late": 0,
        "In progress": 1,
        "Not started": 3,
        "Overdue: late work accepted": 0,
        "Missed": 0,
    }
    assert "1 of 5 students submitted." in text(html)
    assert "Submitted" in text(row_of(html, "Sam Student"))
    assert f'href="/attempts/{sam}/results"' in row_of(html, "Sam Student")
    assert "In progress" in text(row_of(html, "Sara Classmate"))
    assert "Not started" in text(row_of(html, "Nina Student"))

    frozen.now = t0 + 3 * HOUR  # past the class's due time; Mia's own is two hours on
    lara = take(app, "lara", frozen.now - 10 * timedelta(minutes=1))  # late work, accepted
    html = page_of(teacher, assignment_id)
    assert counts(html) == {
        "Submitted": 1,
        "Submitted late": 1,
        "In progress": 1,
        "Not started": 1,
        "Overdue: late work accepted": 1,  # late work is accepted: Nina may still start
        "Missed": 0,
    }
    assert "2 of 5 students submitted, 1 of them late." in text(html)
    lara_row = text(row_of(html, "Lara Student"))
    assert "Submitted late" in lara_row and "(late attempt)" in lara_row
    assert f'href="/attempts/{lara}/results"' in row_of(html, "Lara Student")
    assert "Overdue: late work accepted" in text(row_of(html, "Nina Student"))
    mia = text(row_of(html, "Mia Student"))
    assert "Not started" in mia and f"Yes: due {local(app, t0 + 5 * HOUR)}" in mia
    assert "0 of 3" in mia  # two attempts and her extra one
    sam_row = text(row_of(html, "Sam Student"))
    assert "(late attempt)" not in sam_row and sam_row.endswith("No")  # on time, not accommodated
    terms = text(re.search(r'<dl class="assignment-terms">(.*?)</dl>', html, re.S).group(1))
    assert f"Due {local(app, due)}" in terms
    assert "Attempts 2" in terms and "Counts The best attempt" in terms
    assert "Late work Accepted, marked late" in terms and "Time limit None" in terms

    frozen.now = t0 + 6 * HOUR  # past Mia's due time too
    assert counts(page_of(teacher, assignment_id))["Overdue: late work accepted"] == 2


def test_the_due_time_is_in_the_readers_own_zone(app, people, teacher, monkeypatch):
    frozen = FrozenClock(monkeypatch)
    due = frozen.now.replace(hour=12, minute=0) + 24 * HOUR
    assignment_id = replace_assignments(app, people, due_at=due)
    token = csrf_token(teacher.get("/account/password").get_data(as_text=True))
    assert page_of(teacher, assignment_id).count(local(app, due)) == 1  # the school's zone: UTC
    chosen = teacher.post("/account/time-zone", data={"time_zone": "America/Chicago", "csrf_token": token})
    assert chosen.status_code == 302
    in_chicago = shown(due, time_zone("America/Chicago"))
    assert in_chicago.endswith(("CST", "CDT")) and in_chicago != local(app, due)
    assert f"Due {in_chicago}" in text(page_of(teacher, assignment_id))


@pytest.mark.parametrize(("rule", "counted"), [("best", 1), ("last", 2), ("first", 0)])
def test_the_counted_attempt_follows_the_assignments_rule(app, people, teacher, monkeypatch, rule, counted):
    frozen = FrozenClock(monkeypatch)
    t0 = frozen.now - 3 * HOUR
    assignment_id = replace_assignments(app, people, max_attempts=3, counted=Counted(rule))
    taken = [
        take(app, "sam", t0, correct=1),  # some right
        take(app, "sam", t0 + HOUR, correct=None),  # all right: 100%
        take(app, "sam", t0 + 2 * HOUR, correct=0),  # none right: 0%
    ]
    percents = [percent_of(app, attempt_id, frozen.now) for attempt_id in taken]
    assert 0 == percents[2] < percents[0] < percents[1] == 100
    html = page_of(teacher, assignment_id)
    row = row_of(html, "Sam Student")
    links = re.findall(r'href="/attempts/(\d+)/results"', row)
    assert links == [str(taken[counted])]
    assert f"{percents[counted]:.1f}".rstrip("0").rstrip(".") + "%" in text(row)
    assert "3 of 3" in text(row)
    assert f"Average {percents[counted]:.1f}% over 1 student with a counted attempt" in text(html)
    assert "–" in text(row_of(html, "Sara Classmate"))  # nothing submitted: no score, no link


def test_the_status_and_the_counted_late_attempt_do_not_contradict_each_other(
    app, people, teacher, monkeypatch
):
    """An on-time 40% and a late 90%, the best counting: the student submitted on time (the
    status), and the score that counts is the late attempt's, which the score cell says."""
    frozen = FrozenClock(monkeypatch)
    t0 = frozen.now - 5 * HOUR
    assignment_id = replace_assignments(
        app, people, due_at=t0 + HOUR, accept_late=True, max_attempts=2, counted=Counted.BEST
    )
    with app.app_context():
        from quizapp.services import bank_library

        size = len(draw_questions(bank_library.bank(BANK), 0, AttemptMode.TEST))
    on_time = take(app, "sam", t0, correct=round(size * 0.4))
    late = take(app, "sam", t0 + 2 * HOUR, correct=round(size * 0.9))
    early_percent, late_percent = percent_of(app, on_time, frozen.now), percent_of(app, late, frozen.now)
    assert round(early_percent) == 40 and 85 <= late_percent <= 95  # 22 of 25 questions: 88%
    shown = f"{late_percent:.1f}".rstrip("0").rstrip(".") + "%"
    html = page_of(teacher, assignment_id)
    row = row_of(html, "Sam Student")
    assert "Submitted" in text(row) and "Submitted late" not in text(row)  # status: one rule
    assert re.findall(r'href="/attempts/(\d+)/results"', row) == [str(late)]  # the best counts
    seen = text(re.sub(r'<span class="visually-hidden">.*?</span>', "", row))  # what the eye reads
    assert f"Submitted {shown} (late attempt) 2 of 2" in seen
    assert '<th scope="col">Late</th>' not in html  # no column that could say otherwise
    assert "marked “late attempt” when that one started after the due time" in text(html)
    assert counts(html)["Submitted"] == 1 and counts(html)["Submitted late"] == 0


def test_the_page_links_the_class_results_item_analysis_and_exports(app, people, teacher):
    assignment_id = replace_assignments(app, people)
    html = page_of(teacher, assignment_id)
    assert f'href="/classes/{people.class_id}/quizzes/{BANK}"' in html
    assert f'href="/classes/{people.class_id}/quizzes/{BANK}/report"' in html
    for kind in ("attempts", "gradebook", "answers"):
        for fmt in ("csv", "xlsx", "json"):
            assert f'href="/assignments/{assignment_id}/exports/{kind}.{fmt}"' in html
    # accessible and CSP-clean: a caption, headers with their scope, no inline style or script
    assert (
        '<caption class="visually-hidden">Students of History 9B' in html
        and '<th scope="col">Counted score (best attempt)</th>' in html
    )
    assert '<th scope="row">' in html
    assert "style=" not in html and "<script>" not in html
    # and the class's results page of the quiz leads here
    results = teacher.get(f"/classes/{people.class_id}/quizzes/{BANK}").get_data(as_text=True)
    assert f'href="/assignments/{assignment_id}"' in results


def test_an_empty_class_and_no_submissions_say_so(app, people, client):
    login(client, "otto")
    with app.app_context():
        from quizapp.services import assignments

        [row] = assignments.of_classes([people.other_class_id], BANK)
    html = page_of(client, row.id)
    assert "No counted scores yet" in html
    assert counts(html)["Not started"] == 1  # Oleg


def test_only_the_classs_teacher_sees_it(app, people, client):
    assignment_id = replace_assignments(app, people)
    urls = [f"/assignments/{assignment_id}", f"/assignments/{assignment_id}/exports/gradebook.csv"]
    for url in urls:
        assert client.get(url).status_code == 302  # anonymous: to the login page
    login(client, "otto")
    for url in urls:
        assert client.get(url).status_code == 404  # another teacher's: not found
    assert client.get("/assignments/999999").status_code == 404
    student = client.application.test_client()
    login(student, "sam")
    for url in urls:
        assert student.get(url).status_code == 403
