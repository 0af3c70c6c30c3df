"""Teachers: classes, students one by one and from a roster, results of their own classes only."""

import io

from quizapp.db import account_store
from quizapp.db.base import db
from quizapp.db.models import Classroom
from tests.helpers.quizzes import answer_correctly, start, submit
from tests.helpers.web import csrf_token, login


def test_teacher_creates_a_class_and_gets_a_join_code(client, app, people):
    login(client, "tina")
    page = client.get("/classes").get_data(as_text=True)
    assert "History 9B" in page and "Civics 10A" not in page  # only their own classes
    response = client.post("/classes", data={"name": "Geography 8C", "csrf_token": csrf_token(page)})
    with app.app_context():
        created = db.session.scalar(db.select(Classroom).where(Classroom.name == "Geography 8C"))
    assert response.headers["Location"].endswith(f"/classes/{created.id}")
    detail = client.get(f"/classes/{created.id}").get_data(as_text=True)
    assert created.join_code in detail and len(created.join_code) == 8


def test_empty_class_name_is_refused(client, people):
    login(client, "tina")
    token = csrf_token(client.get("/classes").get_data(as_text=True))
    response = client.post("/classes", data={"name": "  ", "csrf_token": token})
    assert response.status_code == 422 and "Name the class." in response.get_data(as_text=True)


def test_a_name_of_nothing_visible_or_with_an_escape_is_refused_on_the_forms(client, people):
    """The forms follow core.accounts.name_problem, as rosters and commands do."""
    login(client, "tina")
    token = csrf_token(client.get("/classes").get_data(as_text=True))
    for name, message in (("\u3164", "at least one visible"), ("A\x1b[2J", "control or formatting")):
        response = client.post("/classes", data={"name": name, "csrf_token": token})
        assert response.status_code == 422 and message in response.get_data(as_text=True)
        response = client.post(
            f"/classes/{people.class_id}/students",
            data={"add-username": "zoe", "add-display_name": name, "csrf_token": token},
        )
        assert response.status_code == 422 and message in response.get_data(as_text=True)


def test_teacher_adds_a_student_with_a_one_time_password(client, app, people):
    login(client, "tina")
    url = f"/classes/{people.class_id}"
    token = csrf_token(client.get(url).get_data(as_text=True))
    response = client.post(
        f"{url}/students",
        data={"add-username": "zoe", "add-display_name": "Zoe Z.", "add-password": "", "csrf_token": token},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "hand out these passwords now" in page
    password = page.split(
        '<td data-label="Username"><code>zoe</code></td><td data-label="One-time password"><code class="one-time-password">'
    )[1].split("</code>")[0]
    other = app.test_client()
    login(other, "zoe", password)
    # a password made by someone else works once: the student chooses their own first
    assert other.get("/").headers["Location"] == "/account/password"
    token = csrf_token(other.get("/account/password").get_data(as_text=True))
    same = other.post(
        "/account/password", data={"password": password, "confirm": password, "csrf_token": token}
    )
    assert "Choose a password different from the one-time one." in same.get_data(as_text=True)
    other.post(
        "/account/password",
        data={
            "password": "zoes-own-secret",
            "confirm": "zoes-own-secret",
            "csrf_token": token,
        },
    )
    assert "History 9B" in other.get("/").get_data(as_text=True)


def test_teacher_resets_a_password_and_removes_a_student(client, app, people):
    student = app.test_client()
    login(student, "sara")
    login(client, "tina")
    url = f"/classes/{people.class_id}"
    token = csrf_token(client.get(url).get_data(as_text=True))
    page = client.post(f"{url}/students/{people.classmate}/password", data={"csrf_token": token})
    password = page.get_data(as_text=True).split('class="one-time-password">')[1].split("</code>")[0]
    assert (
        student.get("/quizzes/kosovo-peacekeepers").headers["Location"].startswith("/login")
    )  # her session ended
    login(student, "sara", password)
    assert student.get("/").headers["Location"] == "/account/password"
    asked = client.post(f"{url}/students/{people.classmate}/remove", data={"csrf_token": token})
    assert asked.status_code == 200 and "Remove Sara Classmate from History 9B?" in asked.get_data(
        as_text=True
    )
    with app.app_context():  # nothing removed before the confirmation
        assert len(account_store.students_of_class(people.class_id)) == 2
    removed = client.post(
        f"{url}/students/{people.classmate}/remove", data={"csrf_token": token, "confirmed": "y"}
    )
    assert removed.status_code == 302, removed.get_data(as_text=True)[-1500:]
    assert "was removed from History 9B" in client.get(removed.headers["Location"]).get_data(as_text=True)
    with app.app_context():
        assert [s.username for s in account_store.students_of_class(people.class_id)] == ["sam"]
    other_teacher = app.test_client()
    login(other_teacher, "otto")
    token = csrf_token(other_teacher.get("/classes").get_data(as_text=True))
    assert (
        other_teacher.post(
            f"{url}/students/{people.student}/password", data={"csrf_token": token}
        ).status_code
        == 404
    )


def test_adding_a_taken_username_keeps_the_form(client, people):
    login(client, "tina")
    url = f"/classes/{people.class_id}"
    token = csrf_token(client.get(url).get_data(as_text=True))
    response = client.post(
        f"{url}/students", data={"add-username": "oleg", "add-display_name": "Oleg Two", "csrf_token": token}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "That username is taken." in page and 'value="Oleg Two"' in page


def test_roster_upload(client, app, people):
    login(client, "tina")
    url = f"/classes/{people.class_id}"
    token = csrf_token(client.get(url).get_data(as_text=True))
    roster = (
        "username;name\nava;Ava A.\nben;Ben B.\nbad name;X\noleg;Oleg Elsewhere\nava;Again\ntina;Teacher\n"
    )
    response = client.post(
        f"{url}/roster",
        data={
            "roster-roster": (io.BytesIO(roster.encode("utf-8-sig")), "class.csv"),
            "csrf_token": token,
        },
        content_type="multipart/form-data",
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<code>ava</code>" in page and "<code>ben</code>" in page
    # oleg is another teacher's student: a roster cannot take him over
    assert "line 5: the username &#39;oleg&#39; is taken by another account; skipped" in page
    assert "line 4: username &#39;bad name&#39; is not valid" in page
    assert "line 6: username &#39;ava&#39; is listed twice (first on line 2)" in page
    assert "line 7: the username &#39;tina&#39; is taken by another account; skipped" in page
    with app.app_context():
        names = [s.username for s in account_store.students_of_class(people.class_id)]
    assert sorted(names) == ["ava", "ben", "sam", "sara"]


def test_roster_must_be_a_csv_file(client, people):
    login(client, "tina")
    url = f"/classes/{people.class_id}"
    token = csrf_token(client.get(url).get_data(as_text=True))
    response = client.post(
        f"{url}/roster",
        data={"roster-roster": (io.BytesIO(b"\x89PNG"), "photo.png"), "csrf_token": token},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422 and "Upload a .csv file." in response.get_data(as_text=True)


def test_class_results_table_and_review(client, app, people):
    student = app.test_client()
    login(student, "sam")
    attempt_id = start(student, "test")
    answer_correctly(student, app, attempt_id, 1)
    submit(student, attempt_id)
    login(client, "tina")
    page = client.get(f"/classes/{people.class_id}/quizzes/kosovo-peacekeepers").get_data(as_text=True)
    assert "Sam Student" in page and "Sara Classmate" in page and "Oleg" not in page
    assert "4%" in page  # 1 of 25
    assert f'href="/attempts/{attempt_id}/results"' in page
    review = client.get(f"/attempts/{attempt_id}/results?show=all").get_data(as_text=True)
    assert "Sam Student (sam)" in review and "Correct answer" in review
    other = app.test_client()
    login(other, "otto")
    assert other.get(f"/attempts/{attempt_id}/results").status_code == 404
    assert other.get(f"/classes/{people.class_id}/quizzes/kosovo-peacekeepers").status_code == 404


def test_student_page_of_a_class(client, people):
    login(client, "tina")
    page = client.get(f"/classes/{people.class_id}/students/{people.student}")
    assert page.status_code == 200 and "Sam Student" in page.get_data(as_text=True)
    assert client.get(f"/classes/{people.class_id}/students/{people.other_student}").status_code == 404


def test_quiz_report_page(client, app, people):
    from tests.helpers.quizzes import answer, form_fields, wrong_response

    student = app.test_client()
    login(student, "sam")
    attempt_id = start(student, "test")
    answer_correctly(student, app, attempt_id, 1)
    from tests.helpers.quizzes import attempt_questions

    second = attempt_questions(app, attempt_id)[1]
    answer(student, attempt_id, 2, form_fields(second, wrong_response(second)))
    submit(student, attempt_id)
    login(client, "tina")
    page = client.get(f"/classes/{people.class_id}/quizzes/kosovo-peacekeepers/report").get_data(as_text=True)
    assert "From 1 submitted test" in page and "mean score 4.0%" in page
    assert page.count("<tr>") >= 25  # a row per question asked, plus the distribution table
    assert "100.0%" in page and "0.0%" in page  # facility of the right and the wrong question
    assert 'class="heat heat-' in page and "missed" in page
    sorted_page = client.get(f"/classes/{people.class_id}/quizzes/kosovo-peacekeepers?sort=best").get_data(
        as_text=True
    )
    assert sorted_page.index("Sam Student") < sorted_page.index("Sara Classmate")
    assert 'aria-sort="descending"' in sorted_page


def test_the_export_section_links_the_zone_it_uses_and_names_no_repository_file(client, app, people):
    """The export links say where Excel's time zone is set, with a link the app serves, rather
    than pointing at a file of the source code (docs/exports.md) a teacher cannot open."""
    from quizapp.services import assignments

    with app.app_context():
        [row] = assignments.of_classes([people.class_id], "kosovo-peacekeepers")
    login(client, "tina")
    pages = (
        f"/classes/{people.class_id}",
        f"/classes/{people.class_id}/quizzes/kosovo-peacekeepers",
        f"/assignments/{row.id}",
    )
    for path in pages:
        page = client.get(path).get_data(as_text=True)
        section = page[page.index('aria-labelledby="exports-heading"') :]
        section = section[: section.index("</section>")]
        assert "docs/" not in section and ".md" not in section, path
        assert 'href="/account/password#zone-heading"' in section and "time zone" in section, path
        assert client.get("/account/password").get_data(as_text=True).count('id="zone-heading"') == 1
