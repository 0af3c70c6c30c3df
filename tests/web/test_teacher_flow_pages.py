"""Issue 17, the teacher's way through the class pages: one-time password slips and their CSV,
undoing "Remove from class", one class of a name per teacher, roster problems by line."""

from __future__ import annotations

import csv
import io

from sqlalchemy import func

from quizapp.core.assignments import Accommodation
from quizapp.db import account_store, assignment_store
from quizapp.db.base import db
from quizapp.db.database import begin_write
from quizapp.db.models import Classroom, Enrollment, PasswordSlip, RemovedEnrollment, User
from quizapp.services import assignments
from tests.helpers.banks import assign_every_bank
from tests.helpers.quizzes import FrozenClock
from tests.helpers.web import csrf_token, login


def class_url(people) -> str:
    return f"/classes/{people.class_id}"


def add_student(client, people, username: str, name: str):
    token = csrf_token(client.get(class_url(people)).get_data(as_text=True))
    return client.post(
        f"{class_url(people)}/students",
        data={"add-username": username, "add-display_name": name, "add-password": "", "csrf_token": token},
    )


def shown_password(page: str, username: str) -> str:
    row = page.split(f"<code>{username}</code>")[1]
    return row.split('class="one-time-password">')[1].split("</code>")[0]


def rows_of(app, model) -> int:
    with app.app_context():
        return db.session.scalar(db.select(func.count()).select_from(model))


# --- one-time password slips ---------------------------------------------------------------


def test_new_passwords_can_be_printed_as_slips_and_downloaded_for_ten_minutes(
    teacher, app, people, monkeypatch
):
    clock = FrozenClock(monkeypatch)
    zoe = add_student(teacher, people, "zoe", "Zoe Z.").get_data(as_text=True)
    ava = add_student(teacher, people, "ava", '=HYPERLINK("http://evil";"Ava")').get_data(as_text=True)
    passwords = {"zoe": shown_password(zoe, "zoe"), "ava": shown_password(ava, "ava")}
    class_page = teacher.get(class_url(people)).get_data(as_text=True)  # later, from the class page
    assert "One-time passwords to hand out (2)" in class_page
    assert f'href="{class_url(people)}/passwords/slips"' in class_page

    slips = teacher.get(f"{class_url(people)}/passwords/slips")
    assert slips.status_code == 200 and slips.headers["Cache-Control"] == "no-store"
    page = slips.get_data(as_text=True)
    assert page.count('<li class="password-slip">') == 2
    zoe_slip = page.split('<p class="slip-name">Zoe Z.</p>')[1].split("</li>")[0]
    assert "<code>zoe</code>" in zoe_slip and passwords["zoe"] in zoe_slip
    assert "http://localhost/login" in zoe_slip and passwords["ava"] not in zoe_slip

    download = teacher.get(f"{class_url(people)}/passwords.csv")
    assert (
        download.headers["Content-Disposition"] == 'attachment; filename="one-time-passwords-history-9b.csv"'
    )
    assert download.headers["Cache-Control"] == "no-store"
    rows = list(csv.reader(io.StringIO(download.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0] == ["name", "username", "one_time_password", "address"]
    assert sorted(rows[1:]) == [
        ['\'=HYPERLINK("http://evil";"Ava")', "ava", passwords["ava"], "http://localhost/login"],
        ["Zoe Z.", "zoe", passwords["zoe"], "http://localhost/login"],
    ]  # a name that is a formula stays text in a spreadsheet

    clock.advance(minutes=9, seconds=59)
    assert teacher.get(f"{class_url(people)}/passwords/slips").status_code == 200
    clock.advance(seconds=1)
    gone = teacher.get(f"{class_url(people)}/passwords/slips")
    assert gone.status_code == 302 and gone.headers["Location"] == class_url(people)
    assert "No one-time passwords to hand out now" in teacher.get(class_url(people)).get_data(as_text=True)
    assert teacher.get(f"{class_url(people)}/passwords.csv").status_code == 302
    assert rows_of(app, PasswordSlip) == 0  # deleted, not only hidden


def test_a_slip_goes_once_its_password_is_used_and_a_reset_replaces_it(teacher, app, people):
    token = csrf_token(teacher.get(class_url(people)).get_data(as_text=True))
    first = teacher.post(
        f"{class_url(people)}/students/{people.classmate}/password", data={"csrf_token": token}
    )
    second = teacher.post(
        f"{class_url(people)}/students/{people.classmate}/password", data={"csrf_token": token}
    )
    old, new = (shown_password(page.get_data(as_text=True), "sara") for page in (first, second))
    slips = teacher.get(f"{class_url(people)}/passwords/slips").get_data(as_text=True)
    assert new in slips and old not in slips and slips.count('<li class="password-slip">') == 1
    login(app.test_client(), "sara", new)  # Sara uses it: the slip is no use any more
    assert teacher.get(f"{class_url(people)}/passwords/slips").status_code == 302


def test_a_roster_makes_slips_and_other_teachers_see_none(teacher, app, people):
    token = csrf_token(teacher.get(class_url(people)).get_data(as_text=True))
    teacher.post(
        f"{class_url(people)}/roster",
        data={"roster-roster": (io.BytesIO(b"ava,Ava A.\nben,Ben B.\n"), "class.csv"), "csrf_token": token},
        content_type="multipart/form-data",
    )
    rows = teacher.get(f"{class_url(people)}/passwords.csv").get_data(as_text=True).splitlines()[1:]
    assert [row.split(",")[:2] for row in rows] == [["Ava A.", "ava"], ["Ben B.", "ben"]]
    otto = app.test_client()
    login(otto, "otto")
    assert otto.get(f"{class_url(people)}/passwords/slips").status_code == 404
    assert otto.get(f"{class_url(people)}/passwords.csv").status_code == 404


def test_every_class_page_that_may_show_passwords_is_kept_from_caches(teacher, people):
    """After adding a student, a roster or a reset the class page prints one-time passwords."""
    added = add_student(teacher, people, "zoe", "Zoe Z.")
    token = csrf_token(teacher.get(class_url(people)).get_data(as_text=True))
    roster = teacher.post(
        f"{class_url(people)}/roster",
        data={"roster-roster": (io.BytesIO(b"ava,Ava A.\n"), "class.csv"), "csrf_token": token},
        content_type="multipart/form-data",
    )
    reset = teacher.post(
        f"{class_url(people)}/students/{people.classmate}/password", data={"csrf_token": token}
    )
    refused = add_student(teacher, people, "zoe", "Zoe again")  # the page again, with the form's error
    for response in (added, roster, reset, refused, teacher.get(class_url(people))):
        assert response.headers["Cache-Control"] == "no-store", response.request.path
        assert response.content_type == "text/html; charset=utf-8"
    assert "one-time-password" in added.get_data(as_text=True) and refused.status_code == 422


def test_a_used_password_leaves_no_slip_stored_and_another_teachers_reset_replaces_this_ones(
    teacher, app, people
):
    with app.app_context():
        account_store.enroll(people.other_class_id, people.classmate)  # Sara is in Otto's class too
        db.session.commit()
    token = csrf_token(teacher.get(class_url(people)).get_data(as_text=True))
    page = teacher.post(
        f"{class_url(people)}/students/{people.classmate}/password", data={"csrf_token": token}
    )
    tinas = shown_password(page.get_data(as_text=True), "sara")

    otto = app.test_client()
    login(otto, "otto")
    other_class = f"/classes/{people.other_class_id}"
    token = csrf_token(otto.get(other_class).get_data(as_text=True))
    page = otto.post(f"{other_class}/students/{people.classmate}/password", data={"csrf_token": token})
    ottos = shown_password(page.get_data(as_text=True), "sara")
    assert teacher.get(f"{class_url(people)}/passwords/slips").status_code == 302  # Tina's is dead
    assert tinas not in teacher.get(class_url(people)).get_data(as_text=True)

    login(app.test_client(), "sara", ottos)  # no teacher looks at a class page after this
    assert rows_of(app, PasswordSlip) == 0


# --- remove from class: confirmed first, undone for ten minutes --------------------------------


def test_removing_a_student_asks_first_and_can_be_undone_with_their_accommodations(
    teacher, app, people, monkeypatch
):
    clock = FrozenClock(monkeypatch)
    assign_every_bank(app)
    with app.app_context():
        assignment_id = assignment_store.assignments_of_classes([people.class_id])[0].id
        assignments.accommodate(people.teacher, assignment_id, "sara", Accommodation(extra_attempts=2))
        assignments.accommodate_in_class(
            people.teacher, people.class_id, "sara", Accommodation(extra_time_percent=50)
        )
        joined = db.session.scalar(
            db.select(Enrollment.joined_at).where(Enrollment.student_id == people.classmate)
        )
    remove = f"{class_url(people)}/students/{people.classmate}/remove"
    token = csrf_token(teacher.get(class_url(people)).get_data(as_text=True))
    asked = teacher.post(remove, data={"csrf_token": token})  # the class page's button, without JavaScript
    assert asked.status_code == 200 and "Remove Sara Classmate from History 9B?" in asked.get_data(
        as_text=True
    )
    assert "you can undo this from the class page" in asked.get_data(as_text=True)
    with app.app_context():
        assert len(account_store.students_of_class(people.class_id)) == 2  # nothing done yet

    removed = teacher.post(remove, data={"csrf_token": token, "confirmed": "y"})
    assert removed.headers["Location"] == f"{class_url(people)}#removed"
    page = teacher.get(class_url(people)).get_data(as_text=True)
    assert "For 10 minutes you can put them back" in page
    undo = f"{class_url(people)}/students/{people.classmate}/put-back"
    assert f'action="{undo}"' in page and "Removed from the class just now" in page
    with app.app_context():
        assert [s.username for s in account_store.students_of_class(people.class_id)] == ["sam"]
        assert assignment_store.accommodations_of([assignment_id]) == {}

    clock.advance(minutes=9)
    back = teacher.post(undo, data={"csrf_token": token})
    assert back.headers["Location"] == class_url(people)
    page = teacher.get(class_url(people)).get_data(as_text=True)
    assert "Sara Classmate is back in History 9B" in page and "Removed from the class just now" not in page
    with app.app_context():
        db.session.rollback()
        assert len(account_store.students_of_class(people.class_id)) == 2
        own = assignment_store.accommodations_of([assignment_id])
        assert own[(assignment_id, people.classmate)].extra_attempts == 2
        standing = assignments.standing_accommodations([people.class_id])
        assert [(s.student_id, s.accommodation.extra_time_percent) for s in standing] == [
            (people.classmate, 50)
        ]
        assert (
            db.session.scalar(
                db.select(Enrollment.joined_at).where(Enrollment.student_id == people.classmate)
            )
            == joined
        )
    assert rows_of(app, RemovedEnrollment) == 0
    assert teacher.post(undo, data={"csrf_token": token}).status_code == 302  # twice: nothing to undo
    with app.app_context():
        assert len(account_store.students_of_class(people.class_id)) == 2


def test_an_undo_after_ten_minutes_is_refused_and_the_removal_forgotten(teacher, app, people, monkeypatch):
    clock = FrozenClock(monkeypatch)
    token = csrf_token(teacher.get(class_url(people)).get_data(as_text=True))
    base = f"{class_url(people)}/students/{people.classmate}"
    teacher.post(f"{base}/remove", data={"csrf_token": token, "confirmed": "y"})
    otto = app.test_client()
    login(otto, "otto")
    otto_token = csrf_token(otto.get("/classes").get_data(as_text=True))
    assert otto.post(f"{base}/put-back", data={"csrf_token": otto_token}).status_code == 404  # not his class
    assert teacher.post(f"{base}/put-back", data={}).status_code == 400  # no CSRF token
    clock.advance(minutes=10)
    assert "Removed from the class just now" not in teacher.get(class_url(people)).get_data(as_text=True)
    assert rows_of(app, RemovedEnrollment) == 0
    teacher.post(f"{base}/put-back", data={"csrf_token": token})
    assert "Too late to undo" in teacher.get(class_url(people)).get_data(as_text=True)
    with app.app_context():
        assert [s.username for s in account_store.students_of_class(people.class_id)] == ["sam"]


# --- one class of a name per teacher -----------------------------------------------------------


def class_count(app, teacher_id: int) -> int:
    with app.app_context():
        return db.session.scalar(db.select(func.count()).where(Classroom.teacher_id == teacher_id))


def test_a_second_class_of_the_same_name_is_refused_inline_keeping_what_was_typed(teacher, app, people):
    token = csrf_token(teacher.get("/classes").get_data(as_text=True))
    assert teacher.post("/classes", data={"name": "Geography 10A", "csrf_token": token}).status_code == 302
    before = class_count(app, people.teacher)
    again = teacher.post("/classes", data={"name": "  geography   10a ", "csrf_token": token})
    page = again.get_data(as_text=True)
    assert again.status_code == 422 and class_count(app, people.teacher) == before
    field = page.split('name="name"')[0].rsplit("<div", 1)[1] + page.split('name="name"')[1].split(">")[0]
    assert "You have a class called “Geography 10A” already" in field  # at the field, not only on top
    assert 'value="  geography   10a "' in page
    otto = app.test_client()  # another teacher may have a Geography 10A of their own
    login(otto, "otto")
    otto_token = csrf_token(otto.get("/classes").get_data(as_text=True))
    assert otto.post("/classes", data={"name": "Geography 10A", "csrf_token": otto_token}).status_code == 302


def test_renaming_a_class_to_a_name_taken_is_refused_too_even_by_an_archived_class(teacher, app, people):
    with app.app_context():
        begin_write()
        db.session.add(Classroom(name="Old 9B", join_code="OLDCODE9", teacher_id=people.teacher))
        db.session.commit()
        old = db.session.scalar(db.select(Classroom).where(Classroom.name == "Old 9B"))
        account_store.archive_class(old.id, old.created_at)
    rename = f"{class_url(people)}/rename"
    token = csrf_token(teacher.get(rename).get_data(as_text=True))
    refused = teacher.post(rename, data={"rename-name": "OLD 9b", "csrf_token": token})
    assert refused.status_code == 422
    assert "You have a class called “Old 9B” (archived) already" in refused.get_data(as_text=True)
    kept = teacher.post(rename, data={"rename-name": "history 9b", "csrf_token": token})  # its own name
    assert kept.status_code == 302


def test_flask_class_create_refuses_the_same_name(app, people):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["class", "create", "HISTORY 9B", "--teacher", "tina"])
    assert result.exit_code == 2 and "You have a class called “History 9B” already" in result.output
    assert runner.invoke(args=["class", "create", "History 9B", "--teacher", "otto"]).exit_code == 0


# --- roster problems by line -------------------------------------------------------------------


def test_a_repeat_roster_upload_lists_skipped_lines_in_order(teacher, people):
    roster = "ava,Ava A.\nben,Ben B.\nbad name,X\noleg,Oleg\ncleo,Cleo C.\n"

    def upload():
        token = csrf_token(teacher.get(class_url(people)).get_data(as_text=True))
        return teacher.post(
            f"{class_url(people)}/roster",
            data={"roster-roster": (io.BytesIO(roster.encode()), "class.csv"), "csrf_token": token},
            content_type="multipart/form-data",
        ).get_data(as_text=True)

    upload()
    page = upload()  # ava, ben and cleo are in the class now: the import's problems mix with the reading's
    listed = page.split("Some lines of the roster were skipped:")[1].split("</ul>")[0]
    lines = [int(item.split("line ")[1].split(":")[0]) for item in listed.split("<li>")[1:]]
    assert lines == [1, 2, 3, 4, 5]


def test_expired_rows_are_deleted_even_when_only_the_other_kind_expired(app, people, monkeypatch):
    """The class page deletes expired slips and removals alike (one look for both)."""
    from quizapp.services import accounts, password_slips

    clock = FrozenClock(monkeypatch)
    with app.app_context():
        sara = account_store.get_account(people.classmate)
        password_slips.keep(people.class_id, [(sara, "a-b-c")], clock.now)
        accounts.remove_from_class(people.class_id, people.student, clock.now)
        clock.advance(minutes=11)
        assert password_slips.of_class(people.class_id, clock.now) == []
        assert db.session.scalar(db.select(func.count()).select_from(RemovedEnrollment)) == 0
        assert db.session.scalar(db.select(func.count()).select_from(User)) == 5
