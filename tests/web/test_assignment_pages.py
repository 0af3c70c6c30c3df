"""The teacher's assignment pages: assigning a quiz to a class, changing and deleting an
assignment, students' accommodations, renaming and archiving a class, who sees each bank."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

import pytest
from wtforms.fields.core import UnboundField

from quizapp.core.assignments import Accommodation, Counted
from quizapp.core.model import AnswerVisibility
from quizapp.db import account_store, assignment_store
from quizapp.db.base import db
from quizapp.db.models import Assignment, Attempt
from quizapp.services import assignments
from quizapp.services.assignments import AssignmentTerms
from quizapp.web.teacher.assignment_forms import (
    ACCOMMODATION_PLACES,
    TERM_PLACES,
    AccommodationForm,
    AssignmentForm,
    StandingAccommodationForm,
)
from tests.helpers.assignments import clear_tinas_class
from tests.helpers.quizzes import start
from tests.helpers.web import csrf_token, field_error, login, typed_value

BANK = "kosovo-peacekeepers"
TITLE = "Peacekeepers in Kosovo"


def only_assignment(app, class_id: int) -> int:
    """The one assignment of the class (the people fixture assigns every bank to every class)."""
    with app.app_context():
        [row] = assignments.of_classes([class_id])
        return row.id


def stored(app, assignment_id: int):
    with app.app_context():
        return assignment_store.assignment(assignment_id)


def count_assignments(app) -> int:
    with app.app_context():
        return len(db.session.scalars(db.select(Assignment.id)).all())


def post_form(client, url: str, **fields):
    token = csrf_token(client.get(url).get_data(as_text=True))
    return client.post(url, data={"csrf_token": token, **fields})


NEW = {
    "quiz": BANK,
    "opens_at": "2026-12-01 08:00",
    "due_at": "2026-12-08 23:59",
    "time_limit": "25",
    "max_attempts": "2",
    "counted": "last",
    "show_answers": "after_due",  # study and late work unticked, ends at the close: as held answers need
    "ends_at_close": "y",
}


# --- the class page ------------------------------------------------------------------------


def test_the_class_page_lists_the_class_assignments_with_their_terms(teacher, app, people, bank_title):
    assignment_id = only_assignment(app, people.class_id)
    with app.app_context():
        terms = AssignmentTerms(
            due_at=datetime(2026, 12, 1, 22, 59, tzinfo=UTC),
            max_attempts=3,
            time_limit_minutes=0,
            study=False,
        )
        assignment_store.update_assignment(assignment_id, terms)
    app.config["TIMEZONE"] = "Europe/Belgrade"
    page = teacher.get(f"/classes/{people.class_id}").get_data(as_text=True)
    section = page.split('id="assignments"')[1].split("Results by quiz")[0]
    assert bank_title in section
    assert "2026-12-01 23:59 CET" in section  # due, in the reader's zone
    assert '<td data-label="Attempts">3</td>' in section and '<td data-label="Study">Off</td>' in section
    assert '<td data-label="Late work">No</td>' in section
    assert f'href="/assignments/{assignment_id}/edit"' in section
    assert f'href="/assignments/{assignment_id}/delete"' in section
    assert f'href="/assignments/{assignment_id}/accommodations"' in section
    assert f'href="/classes/{people.class_id}/assignments/new"' in section


def test_the_quiz_time_limit_shows_when_the_assignment_sets_none(teacher, app, people):
    page = teacher.get(f"/classes/{people.class_id}").get_data(as_text=True)
    with app.app_context():
        bank = assignments.bank_library.bank(BANK)
    minutes = bank.settings.time_limit_minutes
    expected = f"{minutes} min" if minutes else "None"
    assert f'{expected} <span class="muted">(the quiz’s)</span>' in page


# --- assigning a quiz ----------------------------------------------------------------------


def test_the_assign_form_names_the_zone_and_preselects_the_quiz(teacher, people):
    page = teacher.get(f"/classes/{people.class_id}/assignments/new?quiz={BANK}").get_data(as_text=True)
    assert re.search(rf'<option selected value="{BANK}">', page)
    assert "A date and a time, in your time zone (UTC): for example 2026-12-01 23:59." in page
    assert 'name="csrf_token"' in page
    for label in ("Opens", "Due", "Time limit in minutes", "Attempts allowed", "Unlimited attempts"):
        assert f">{label}</label>" in page
    assert "<legend>Which attempt counts</legend>" in page


def test_a_teacher_assigns_a_quiz_in_their_zone(teacher, app, people):
    app.config["TIMEZONE"] = "America/Chicago"
    clear_tinas_class(app, people)  # its assignment lets the class study: it would give answers away
    before = count_assignments(app)
    response = post_form(teacher, f"/classes/{people.class_id}/assignments/new", **NEW)
    assert response.status_code == 302, response.get_data(as_text=True)
    assert re.search(r"/assignments/\d+$", response.headers["Location"])  # its page: the message on top
    assert count_assignments(app) == before + 1
    with app.app_context():
        row = max(assignments.of_classes([people.class_id]), key=lambda r: r.id)
    assert row.bank_slug == BANK
    assert row.terms == AssignmentTerms(
        opens_at=datetime(2026, 12, 1, 14, 0, tzinfo=UTC),  # 08:00 CST
        due_at=datetime(2026, 12, 9, 5, 59, tzinfo=UTC),
        time_limit_minutes=25,
        max_attempts=2,
        counted=Counted.LAST,
        accept_late=False,
        ends_at_close=True,
        show_answers=AnswerVisibility.AFTER_DUE,
        study=False,
    )
    page = teacher.get(response.headers["Location"]).get_data(as_text=True)
    assert "is assigned to History 9B" in page and "2026-12-08 23:59 CST" in page


def test_answers_after_the_due_time_are_offered_kept_on_edit_and_explained_before_a_deletion(
    teacher, app, people
):
    page = teacher.get(f"/classes/{people.class_id}/assignments/new").get_data(as_text=True)
    assert 'value="after_due"' in page and "After the due time: until the class’s last due time" in page
    assert "after the due time and never need study off" in page  # the hint, before any refusal
    # the fixture's assignment of the quiz lets the class study it: that would give the answers away
    refused = post_form(teacher, f"/classes/{people.class_id}/assignments/new", **NEW)
    summary = html.unescape(
        refused.get_data(as_text=True).split('class="error-summary"')[1].split("</div>")[0]
    )
    assert (
        refused.status_code == 422
        and "another assignment of this quiz in this class, shows its answers" in summary
    )
    clear_tinas_class(app, people)
    assert post_form(teacher, f"/classes/{people.class_id}/assignments/new", **NEW).status_code == 302
    with app.app_context():
        row = max(assignments.of_classes([people.class_id]), key=lambda r: r.id)
    edit = teacher.get(f"/assignments/{row.id}/edit").get_data(as_text=True)
    assert re.search(r'<input[^>]*\bchecked\b[^>]*value="after_due"', edit)
    delete = teacher.get(f"/assignments/{row.id}/delete").get_data(as_text=True)
    assert "if not, they are never shown" in delete


def test_unlimited_attempts_the_quiz_time_limit_and_no_study(teacher, app, people):
    fields = NEW | {"time_limit": "", "max_attempts": "", "unlimited": "y", "show_answers": ""}
    response = post_form(teacher, f"/classes/{people.class_id}/assignments/new", **fields)
    assert response.status_code == 302
    with app.app_context():
        row = max(assignments.of_classes([people.class_id]), key=lambda r: r.id)
    assert row.terms.max_attempts is None and row.terms.time_limit_minutes is None
    assert row.terms.show_answers is None and row.terms.study is False


@pytest.mark.parametrize(
    ("fields", "field_id", "message"),
    [
        (
            {"opens_at": "2026-12-08 10:00", "due_at": "2026-12-01 10:00"},
            "due_at",
            "The due time must come after the opening time.",
        ),
        ({"max_attempts": "0"}, "max_attempts", "Attempts allowed: from 1 to 100, or unlimited."),
        ({"max_attempts": ""}, "max_attempts", "Give the number of attempts allowed, or tick “Unlimited”."),
        ({"max_attempts": "two"}, "max_attempts", "Give the attempts as a whole number"),
        ({"time_limit": "²"}, "time_limit", "Give the minutes as a whole number"),
        ({"time_limit": "-5"}, "time_limit", "Time limit: from 1 to 1440 minutes"),
        ({"time_limit": "9" * 40}, "time_limit", "That number is far too large."),
        ({"due_at": "next friday"}, "due_at", "Not a date and time such as 2026-12-01 23:59."),
        ({"opens_at": "0001-01-01 00:30"}, "opens_at", "0001-01-01 00:30 is out of range"),
        (
            {"due_at": "", "ends_at_close": "y"},
            "ends_at_close",
            "can only end at the close if there is a due",
        ),
        ({"show_answers": "immediately"}, "show_answers", "Not a valid choice"),
        ({"due_at": ""}, "show_answers", "Answers after the due time needs a due time."),
        ({"accept_late": "y"}, "show_answers", "Answers after the due time cannot go with late work"),
        (
            {"study": "y"},
            "study",
            "Practice, flashcards and learn mode show this quiz's answers: turn study off for this "
            "assignment to keep them back until the due time.",
        ),
        (
            {"show_answers": "never", "study": "y"},
            "study",
            "turn study off for this assignment to keep them back.",
        ),
        ({"quiz": ""}, "quiz", "Choose a quiz."),
        ({"quiz": "no-such-quiz"}, "quiz", "Not a valid choice"),
    ],
)
def test_bad_input_comes_back_with_a_message_under_its_field(teacher, app, people, fields, field_id, message):
    app.config["TIMEZONE"] = "Europe/Belgrade"
    before = count_assignments(app)
    typed = NEW | fields
    response = post_form(teacher, f"/classes/{people.class_id}/assignments/new", **typed)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in field_error(page, field_id)
    assert "Please fix the marked fields below." in page
    for name in ("opens_at", "due_at", "time_limit", "max_attempts"):  # what was typed stays
        assert typed_value(page, name) == typed[name]
    assert count_assignments(app) == before  # nothing stored


def test_the_hour_the_clocks_skip_is_refused_under_its_field(teacher, app, people):
    app.config["TIMEZONE"] = "Europe/Belgrade"
    fields = NEW | {"opens_at": "2026-03-01 08:00", "due_at": "2026-03-29 02:30"}
    response = post_form(teacher, f"/classes/{people.class_id}/assignments/new", **fields)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "2026-03-29 02:30 does not exist in Europe/Belgrade" in field_error(page, "due_at")
    assert typed_value(page, "due_at") == "2026-03-29 02:30"


def fields_of(form_class) -> set[str]:
    return {
        name
        for klass in form_class.__mro__
        for name, value in vars(klass).items()
        if isinstance(value, UnboundField)
    }


def test_every_problem_the_service_names_lands_under_a_field():
    """The words of services.assignments.problems and core's accommodation_problems find their
    field (a new problem would otherwise show only at the top of the form)."""
    day = datetime(2026, 12, 1, tzinfo=UTC)
    bad_terms = [
        AssignmentTerms(opens_at=day, due_at=day),
        AssignmentTerms(max_attempts=0),
        AssignmentTerms(time_limit_minutes=-1),
        AssignmentTerms(ends_at_close=True),
        AssignmentTerms(show_answers=AnswerVisibility.IMMEDIATELY),
    ]
    names = fields_of(AssignmentForm)
    for terms in bad_terms:
        [problem] = assignments.problems(terms)
        place = next((field for words, field in TERM_PLACES if words in problem), None)
        assert place in names, problem
    from quizapp.core.assignments import accommodation_problems, standing_problems

    bad = [
        Accommodation(extra_time_percent=-1),
        Accommodation(extra_time_minutes=10**6),
        Accommodation(extra_attempts=1000),
        Accommodation(opens_at=day, due_at=day),
    ]
    names = fields_of(AccommodationForm)
    for accommodation in bad:
        [problem] = accommodation_problems(accommodation)
        place = next((field for words, field in ACCOMMODATION_PLACES if words in problem), None)
        assert place in names, problem
    names = fields_of(StandingAccommodationForm)  # its numbers' problems, the same words
    for accommodation in bad[:3]:
        [problem] = standing_problems(accommodation)
        place = next((field for words, field in ACCOMMODATION_PLACES if words in problem), None)
        assert place in names, problem


def test_a_title_names_the_assignment_wherever_the_teacher_and_the_student_see_it(teacher, app, people):
    """A retake of the quiz the class has already: the title tells the two apart on the class
    page, the assignment page, the forms and the student's pages; markup in it stays text."""
    title = '<b>Retake</b> & "=1+1"'
    fields = NEW | {"title": f"  {title}  ", "opens_at": "", "due_at": "2099-12-08 23:59", "show_answers": ""}
    response = post_form(teacher, f"/classes/{people.class_id}/assignments/new", **fields)
    assert response.status_code == 302
    escaped = html.escape(title, quote=False)
    flashed = teacher.get(response.headers["Location"]).get_data(as_text=True)
    assert f"“{escaped}” is assigned to History 9B." in flashed.replace("&#34;", '"')
    assert "<b>Retake</b>" not in flashed  # autoescaped everywhere
    with app.app_context():
        [row] = [r for r in assignments.of_classes([people.class_id]) if r.title]
        [plain] = [r for r in assignments.of_classes([people.class_id]) if not r.title]
    assert row.title == title  # stored without the blanks around it
    class_page = teacher.get(f"/classes/{people.class_id}").get_data(as_text=True)
    section = class_page.split('id="assignments"')[1].split("Results by quiz")[0]
    assert section.count(f"Quiz: {plain.bank_title}") == 1  # under the titled one alone
    assert f">{plain.bank_title}<span" in section
    for url in (f"/assignments/{row.id}", f"/assignments/{row.id}/edit", f"/assignments/{row.id}/delete",
                f"/assignments/{row.id}/accommodations"):  # fmt: skip
        page = teacher.get(url).get_data(as_text=True)
        assert "<b>Retake</b>" not in page and "&lt;b&gt;Retake&lt;/b&gt;" in page, url
    edit = teacher.get(f"/assignments/{row.id}/edit").get_data(as_text=True)
    assert typed_value(edit, "title") == title
    results = teacher.get(f"/classes/{people.class_id}/quizzes/{BANK}").get_data(as_text=True)
    assert f'<a href="/assignments/{row.id}">&lt;b&gt;Retake&lt;/b&gt; &amp;' in results
    sam = client_for(app, "sam")
    home = sam.get("/").get_data(as_text=True)
    assert "<b>Retake</b>" not in home and "&lt;b&gt;Retake&lt;/b&gt;" in home
    assert f"{plain.bank_title} · History 9B" in home  # the quiz under the titled card
    quiz = sam.get(f"/quizzes/{BANK}").get_data(as_text=True)
    assert "<h2>&lt;b&gt;Retake&lt;/b&gt;" in quiz and "<h2>Test</h2>" in quiz  # titled, and the other
    assert "(&lt;b&gt;Retake&lt;/b&gt; &amp;" in quiz  # the start buttons say which they start


def test_a_bad_title_comes_back_under_its_field_as_typed(teacher, app, people):
    before = count_assignments(app)
    for typed, message in (("R" * 121, "A title may be at most 120 characters long."),
                           ("Re\x1btake", "A title may not contain control or formatting")):  # fmt: skip
        response = post_form(
            teacher, f"/classes/{people.class_id}/assignments/new", **(NEW | {"title": typed})
        )
        page = response.get_data(as_text=True)
        assert response.status_code == 422 and message in field_error(page, "title")
        assert typed_value(page, "title") == typed
    assert count_assignments(app) == before
    form = teacher.get(f"/classes/{people.class_id}/assignments/new").get_data(as_text=True)
    assert 'maxlength="120"' in form and "Empty: the quiz’s title." in form


def test_saving_a_due_time_already_past_saves_and_says_what_students_can_do(teacher, app, people):
    fields = NEW | {"opens_at": "2020-01-01 08:00", "due_at": "2020-01-08 23:59"}
    assert "accept_late" not in fields  # late work off: students cannot start it
    response = post_form(teacher, f"/classes/{people.class_id}/assignments/new", **fields)
    assert response.status_code == 302  # saved
    page = teacher.get(response.headers["Location"]).get_data(as_text=True)
    assert (
        '<p class="flash flash-warning">The due time is already past: students cannot start it '
        "(move the due time, or accept late work).</p>"
    ) in page
    with app.app_context():
        [row] = [
            r
            for r in assignments.of_classes([people.class_id])
            if r.terms.due_at and r.terms.due_at.year == 2020
        ]
    late = {"accept_late": "y", "show_answers": ""}  # late work accepted (answers as the bank says)
    edit = NEW | {"opens_at": "2020-01-01 08:00", "due_at": "2020-01-08 23:59"} | late
    del edit["quiz"]
    response = post_form(teacher, f"/assignments/{row.id}/edit", **edit)
    page = teacher.get(response.headers["Location"]).get_data(as_text=True)
    assert "The due time is already past: students can only start it late." in page
    edit["due_at"] = "2099-01-08 23:59"
    response = post_form(teacher, f"/assignments/{row.id}/edit", **edit)
    assert "already past" not in teacher.get(response.headers["Location"]).get_data(as_text=True)


def test_a_due_date_without_a_time_is_refused_with_what_to_type(teacher, app, people):
    before = count_assignments(app)
    response = post_form(
        teacher, f"/classes/{people.class_id}/assignments/new", **(NEW | {"due_at": "2026-12-08"})
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert field_error(page, "due_at") == (
        "Give a time as well as the date: 2026-12-08 08:00, or 2026-12-08 23:59 for the end of the day."
    )
    assert typed_value(page, "due_at") == "2026-12-08"  # kept as typed
    assert "A date and a time, in your time zone" in page  # the hint says so before anyone types
    assert count_assignments(app) == before


# --- changing an assignment ----------------------------------------------------------------


def test_the_edit_form_is_prefilled_and_saves(teacher, app, people):
    assignment_id = only_assignment(app, people.class_id)
    with app.app_context():
        terms = AssignmentTerms(due_at=datetime(2026, 12, 1, 22, 59, tzinfo=UTC), max_attempts=None)
        assignment_store.update_assignment(assignment_id, terms)
    app.config["TIMEZONE"] = "Europe/Belgrade"
    url = f"/assignments/{assignment_id}/edit"
    page = teacher.get(url).get_data(as_text=True)
    assert typed_value(page, "due_at") == "2026-12-01 23:59"
    assert re.search(r'<input checked id="unlimited"', page)
    assert 'name="quiz"' not in page  # the quiz of an assignment stays
    fields = NEW | {"due_at": "2026-12-02 23:59", "max_attempts": "4"}
    del fields["quiz"]
    response = post_form(teacher, url, **fields)
    assert response.status_code == 302
    row = stored(app, assignment_id)
    assert row.terms.due_at == datetime(2026, 12, 2, 22, 59, tzinfo=UTC) and row.terms.max_attempts == 4
    flashed = teacher.get(response.headers["Location"]).get_data(as_text=True)
    assert "Saved the assignment" in flashed and "running ones keep their deadline" not in flashed


def test_a_change_while_students_take_the_test_says_it_applies_to_new_attempts(teacher, app, people):
    assignment_id = only_assignment(app, people.class_id)
    sam = app.test_client()
    login(sam, "sam")
    start(sam, "test")
    fields = NEW | {"due_at": "2099-12-02 23:59", "opens_at": ""}
    del fields["quiz"]
    response = post_form(teacher, f"/assignments/{assignment_id}/edit", **fields)
    page = teacher.get(response.headers["Location"]).get_data(as_text=True)
    assert "the change applies to new attempts; running ones keep their deadline" in page


def test_bad_input_on_the_edit_form_changes_nothing(teacher, app, people):
    assignment_id = only_assignment(app, people.class_id)
    before = stored(app, assignment_id)
    fields = NEW | {"opens_at": "2026-12-08 10:00", "due_at": "2026-12-01 10:00"}
    response = post_form(teacher, f"/assignments/{assignment_id}/edit", **fields)
    assert response.status_code == 422
    assert typed_value(response.get_data(as_text=True), "opens_at") == "2026-12-08 10:00"
    assert stored(app, assignment_id) == before


# --- deleting an assignment ----------------------------------------------------------------


def test_deleting_asks_first_and_keeps_the_attempts(teacher, app, people, bank_title):
    assignment_id = only_assignment(app, people.class_id)
    sam = app.test_client()
    login(sam, "sam")
    attempt_id = start(sam, "test")
    url = f"/assignments/{assignment_id}/delete"
    page = teacher.get(url).get_data(as_text=True)
    assert f"Delete the assignment “{bank_title}”?" in page
    assert "1 attempt was started under it." in page and "It is kept" in page
    response = teacher.post(url, data={"csrf_token": csrf_token(page)})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/classes/{people.class_id}")
    assert stored(app, assignment_id) is None
    with app.app_context():
        kept = db.session.get(Attempt, attempt_id)
        assert kept is not None and kept.assignment_id is None
    shown = teacher.get(response.headers["Location"]).get_data(as_text=True)
    assert "is deleted. Its 1 attempt is kept" in shown
    assert "No quiz is assigned to History 9B yet" in shown


def test_deleting_an_assignment_without_attempts_says_so(teacher, app, people):
    page = teacher.get(f"/assignments/{only_assignment(app, people.class_id)}/delete").get_data(as_text=True)
    assert "No attempt was started under it." in page


# --- accommodations ------------------------------------------------------------------------


def accommodation_url(app, people, student_id: int | None = None) -> tuple[int, str]:
    assignment_id = only_assignment(app, people.class_id)
    return assignment_id, f"/assignments/{assignment_id}/accommodations/{student_id or people.student}"


def test_a_teacher_gives_a_student_extra_time_and_the_class_page_marks_them(teacher, app, people, bank_title):
    app.config["TIMEZONE"] = "Europe/Belgrade"
    assignment_id, url = accommodation_url(app, people)
    page_url = f"/assignments/{assignment_id}/accommodations"
    page = teacher.get(page_url).get_data(as_text=True)
    assert "Sam Student" in page and "Sara Classmate" in page and "Oleg" not in page
    prefix = f"s{people.student}-"
    response = teacher.post(
        url,
        data={
            "csrf_token": csrf_token(page),
            f"{prefix}extra_time_percent": "50",
            f"{prefix}extra_time_minutes": "",
            f"{prefix}extra_attempts": "1",
            f"{prefix}due_at": "2026-12-10 12:00",
            f"{prefix}save": "Save",
        },
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"{page_url}#student-{people.student}")
    with app.app_context():
        given = assignments.accommodations_of([assignment_id])
    assert given == {
        (assignment_id, people.student): Accommodation(
            extra_time_percent=50, extra_attempts=1, due_at=datetime(2026, 12, 10, 11, 0, tzinfo=UTC)
        )
    }
    page = teacher.get(page_url).get_data(as_text=True)
    assert "+50% time, 1 extra attempt, due 2026-12-10 12:00 CET" in page
    assert typed_value(page, f"{prefix}extra_time_percent") == "50"
    class_page = teacher.get(f"/classes/{people.class_id}").get_data(as_text=True)
    sam_row = class_page.split("<code>sam</code>")[1].split("</tr>")[0]
    assert 'Accommodation<span class="visually-hidden">: extra time, attempts or dates' in sam_row
    assert bank_title in sam_row
    sara_row = class_page.split("<code>sara</code>")[1].split("</tr>")[0]
    assert "Accommodation" not in sara_row


def test_the_accommodations_summary_shows_only_what_differs_and_the_student_their_own_time(
    teacher, app, people
):
    app.config["TIMEZONE"] = "Europe/Belgrade"
    assignment_id = only_assignment(app, people.class_id)
    with app.app_context():
        due = datetime(2099, 12, 1, 22, 59, tzinfo=UTC)
        assignment_store.update_assignment(assignment_id, AssignmentTerms(due_at=due, time_limit_minutes=30))
        assignments.accommodate(people.teacher, assignment_id, "sam", Accommodation(extra_time_percent=50))
    page = teacher.get(f"/assignments/{assignment_id}/accommodations").get_data(as_text=True)
    assert "Everyone’s terms on this test: time limit 30 min; 1 attempt; due 2099-12-01 23:59 CET." in page
    rows = {
        name: " ".join(re.sub(r"<[^>]+>", " ", row).split())
        for row in re.findall(r"<tr>(.*?)</tr>", page, re.S)
        for name in ("Sam Student", "Sara Classmate")
        if name in row
    }
    assert "time limit 45 min" in rows["Sam Student"] and "due" not in rows["Sam Student"].split("45 min")[1]
    assert "As everyone’s" in rows["Sara Classmate"] and "2099" not in rows["Sara Classmate"]
    sam_home = client_for(app, "sam").get("/").get_data(as_text=True)
    assert "Time limit: <strong>45 min</strong> (includes your extra time)." in sam_home
    sara_home = client_for(app, "sara").get("/").get_data(as_text=True)
    assert "Time limit: <strong>30 min</strong>." in sara_home and "extra time" not in sara_home


def test_bad_accommodation_input_comes_back_with_messages_and_nothing_changes(teacher, app, people):
    assignment_id, url = accommodation_url(app, people)
    prefix = f"s{people.student}-"
    page = teacher.get(f"/assignments/{assignment_id}/accommodations").get_data(as_text=True)
    typed = {
        f"{prefix}extra_time_percent": "1000",
        f"{prefix}extra_time_minutes": "lots",
        f"{prefix}extra_attempts": "2",
        f"{prefix}opens_at": "2026-12-10 12:00",
        f"{prefix}due_at": "2026-12-09 12:00",
    }
    response = teacher.post(url, data={"csrf_token": csrf_token(page), **typed, f"{prefix}save": "Save"})
    shown = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Give a whole number of minutes" in field_error(shown, f"{prefix}extra_time_minutes")
    # the numbers that could be read are judged once every field can be read
    response = teacher.post(
        url,
        data={
            "csrf_token": csrf_token(page),
            **typed,
            f"{prefix}extra_time_minutes": "",
            f"{prefix}save": "Save",
        },
    )
    shown = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Extra time: from 0 to 400 percent." in field_error(shown, f"{prefix}extra_time_percent")
    assert "The due time must come after the opening time." in field_error(shown, f"{prefix}due_at")
    assert typed_value(shown, f"{prefix}extra_time_percent") == "1000"
    assert typed_value(shown, f"{prefix}opens_at") == "2026-12-10 12:00"
    assert (
        typed_value(shown, f"s{people.classmate}-extra_time_percent") == ""
    )  # the others' forms as they are
    with app.app_context():
        assert assignments.accommodations_of([assignment_id]) == {}


def test_remove_and_an_empty_form_take_an_accommodation_away(teacher, app, people):
    assignment_id, url = accommodation_url(app, people)
    prefix = f"s{people.student}-"
    page = f"/assignments/{assignment_id}/accommodations"
    for action in ({f"{prefix}remove": "Remove"}, {f"{prefix}save": "Save"}):
        with app.app_context():
            assignments.accommodate(people.teacher, assignment_id, "sam", Accommodation(extra_attempts=2))
        shown = teacher.get(page).get_data(as_text=True)
        assert "2 extra attempts" in shown
        fields = {f"{prefix}extra_attempts": "" if f"{prefix}save" in action else "2", **action}
        response = teacher.post(url, data={"csrf_token": csrf_token(shown), **fields})
        assert response.status_code == 302
        assert "Sam Student has no accommodation" in teacher.get(page).get_data(as_text=True)
        with app.app_context():
            assert assignments.accommodations_of([assignment_id]) == {}


def test_a_student_of_another_class_has_no_accommodation_form(teacher, app, people):
    _, url = accommodation_url(app, people, people.other_student)
    token = csrf_token(teacher.get(f"/classes/{people.class_id}").get_data(as_text=True))
    response = teacher.post(url, data={"csrf_token": token, f"s{people.other_student}-extra_attempts": "1"})
    assert response.status_code == 404


def test_a_reload_after_a_refused_accommodation_lands_on_the_page(teacher, app, people):
    assignment_id, url = accommodation_url(app, people)
    response = teacher.get(url)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(
        f"/assignments/{assignment_id}/accommodations#student-{people.student}"
    )


# --- who may ------------------------------------------------------------------------------


def test_another_teachers_class_and_assignments_are_not_found(client, app, people):
    login(client, "otto")
    assignment_id = only_assignment(app, people.class_id)
    token = csrf_token(client.get("/classes").get_data(as_text=True))
    for url in (
        f"/classes/{people.class_id}/assignments/new",
        f"/assignments/{assignment_id}/edit",
        f"/assignments/{assignment_id}/delete",
        f"/classes/{people.class_id}/rename",
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url, data={"csrf_token": token, **NEW}).status_code == 404, url
    assert client.get(f"/assignments/{assignment_id}/accommodations").status_code == 404
    for url in (
        f"/assignments/{assignment_id}/accommodations/{people.student}",
        f"/classes/{people.class_id}/archive",
    ):
        assert client.post(url, data={"csrf_token": token, "archive": "y"}).status_code == 404, url
    assert stored(app, assignment_id) is not None
    with app.app_context():
        assert not account_store.class_of_teacher(people.class_id, people.teacher).archived


def test_students_may_not_use_the_pages(student, app, people):
    assignment_id = only_assignment(app, people.class_id)
    token = csrf_token(student.get("/account/password").get_data(as_text=True))
    for url in (
        f"/classes/{people.class_id}/assignments/new",
        f"/assignments/{assignment_id}/edit",
        f"/assignments/{assignment_id}/delete",
        f"/assignments/{assignment_id}/accommodations/{people.student}",
        f"/classes/{people.class_id}/rename",
        f"/classes/{people.class_id}/archive",
        f"/banks/{BANK}/visibility",
    ):
        assert student.get(url).status_code == 403, url
        assert student.post(url, data={"csrf_token": token}).status_code == 403, url
    assert student.get(f"/assignments/{assignment_id}/accommodations").status_code == 403
    assert stored(app, assignment_id) is not None


def test_an_unknown_assignment_or_bank_is_not_found(teacher):
    assert teacher.get("/assignments/999999/edit").status_code == 404
    assert teacher.get("/banks/no-such-bank/visibility").status_code == 404


# --- classes: rename, archive --------------------------------------------------------------


def test_a_teacher_renames_a_class(teacher, app, people):
    page = f"/classes/{people.class_id}"
    response = post_form(teacher, f"{page}/rename", **{"rename-name": "  History 9B, spring  "})
    assert response.status_code == 302 and response.headers["Location"].endswith(page)
    shown = teacher.get(page).get_data(as_text=True)
    assert "<h1>History 9B, spring" in shown and "is now called History 9B, spring." in shown


def test_a_bad_class_name_comes_back_as_typed(teacher, app, people):
    response = post_form(teacher, f"/classes/{people.class_id}/rename", **{"rename-name": "A\x1b[2J"})
    shown = response.get_data(as_text=True)
    assert response.status_code == 422 and "control or formatting" in shown
    assert typed_value(shown, "rename-name") == "A\x1b[2J"
    response = post_form(teacher, f"/classes/{people.class_id}/rename", **{"rename-name": " "})
    assert response.status_code == 422 and "Name the class." in response.get_data(as_text=True)
    with app.app_context():
        assert account_store.class_of_teacher(people.class_id, people.teacher).name == "History 9B"


def test_an_archived_class_is_hidden_from_its_students_and_listed_apart(teacher, app, people, bank_title):
    sam = app.test_client()
    login(sam, "sam")
    home = sam.get("/").get_data(as_text=True)
    assert "History 9B" in home and bank_title in home
    url = f"/classes/{people.class_id}/archive"
    class_page = teacher.get(f"/classes/{people.class_id}").get_data(as_text=True)
    assert f'<a class="button secondary" href="{url}">Archive the class…</a>' in class_page
    token = csrf_token(class_page)
    response = teacher.post(url, data={"csrf_token": token, "archive": "y", "confirmed": "y"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/classes#archived")
    classes = teacher.get("/classes").get_data(as_text=True)
    assert "History 9B is archived: its students no longer see it" in classes
    active, archived = classes.split("<h1>Your classes</h1>")[1].split('id="archived"')
    assert ">History 9B</a>" not in active and ">History 9B</a>" in archived
    assert "Archived" in teacher.get(f"/classes/{people.class_id}").get_data(as_text=True)
    home = sam.get("/").get_data(as_text=True)
    assert "History 9B" not in home and bank_title not in home and "Nothing is assigned to you" in home
    assert sam.get(f"/quizzes/{BANK}").status_code == 404  # assigned to no class of theirs now
    with app.app_context():
        assert account_store.classes_of_student(people.student) == []
    teacher_home = teacher.get("/").get_data(as_text=True)
    assert "1 archived class" in teacher_home
    response = teacher.post(url, data={"csrf_token": token})  # bring it back
    assert response.status_code == 302
    assert "is back" in teacher.get(response.headers["Location"]).get_data(as_text=True)
    assert "History 9B" in sam.get("/").get_data(as_text=True)
    assert sam.get(f"/quizzes/{BANK}").status_code == 200


def test_archiving_asks_first_and_says_whom_it_takes_the_class_from(teacher, app, people):
    sam = app.test_client()
    login(sam, "sam")
    start(sam, "test")  # under way: it goes on to its deadline
    url = f"/classes/{people.class_id}/archive"
    page = teacher.get(url)
    shown = page.get_data(as_text=True)
    assert page.status_code == 200 and "<h1>Archive History 9B?</h1>" in shown
    with app.app_context():
        count = len(assignments.of_classes([people.class_id]))
    words = " ".join(html.unescape(re.sub(r"<[^>]+>", "", shown)).split())
    assert f"Its 2 students will no longer see the class or its {count} assignment" in words
    assert "1 test is under way now. It goes on to its deadline." in words
    assert 'name="confirmed" value="y"' in shown and "Keep it" in shown
    unconfirmed = teacher.post(url, data={"csrf_token": csrf_token(shown), "archive": "y"})
    assert unconfirmed.status_code == 200 and "<h1>Archive History 9B?</h1>" in unconfirmed.get_data(
        as_text=True
    )
    with app.app_context():
        assert not account_store.class_of_teacher(people.class_id, people.teacher).archived  # asked, not done
    done = teacher.post(url, data={"csrf_token": csrf_token(shown), "archive": "y", "confirmed": "y"})
    assert done.status_code == 302
    with app.app_context():
        assert account_store.class_of_teacher(people.class_id, people.teacher).archived
    assert teacher.get(url).status_code == 302  # archived: nothing to confirm, back to the class
    assert client_for(app, "otto").get(url).status_code == 404  # another teacher's class


def client_for(app, username: str):
    client = app.test_client()
    login(client, username)
    return client


# --- banks: who sees them ------------------------------------------------------------------


def set_visibility(teacher, published: str, open_practice: str):
    token = csrf_token(teacher.get("/").get_data(as_text=True))
    return teacher.post(
        f"/banks/{BANK}/visibility",
        data={"csrf_token": token, "published": published, "open_practice": open_practice},
    )


def test_hiding_a_bank_hides_it_from_its_students(teacher, app, people, bank_title):
    sam = app.test_client()
    login(sam, "sam")
    assert bank_title in sam.get("/").get_data(as_text=True)
    home = teacher.get("/").get_data(as_text=True)
    assert "Students of the classes it is assigned to see it." in home
    asked = set_visibility(teacher, "no", "no")  # assigned to a class: the teacher confirms first
    shown = asked.get_data(as_text=True)
    assert asked.status_code == 200 and f"<h1>Hide {bank_title}?</h1>" in shown
    assert bank_title in sam.get("/").get_data(as_text=True)  # not hidden yet
    response = teacher.post(
        f"/banks/{BANK}/visibility",
        data={"csrf_token": csrf_token(shown), "published": "no", "open_practice": "no", "confirmed": "y"},
    )
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/#bank-{BANK}")
    home = teacher.get("/").get_data(as_text=True)
    assert "is hidden." in home and "No student sees it, assigned or not." in home
    assert bank_title not in sam.get("/").get_data(as_text=True)
    assert sam.get(f"/quizzes/{BANK}").status_code == 404
    set_visibility(teacher, "yes", "no")
    assert bank_title in sam.get("/").get_data(as_text=True)


def test_hiding_a_bank_its_classes_use_says_how_many_students_lose_it(teacher, app, people, bank_title):
    sam = app.test_client()
    login(sam, "sam")
    start(sam, "test")
    shown = set_visibility(teacher, "no", "yes").get_data(as_text=True)
    words = " ".join(html.unescape(re.sub(r"<[^>]+>", "", shown)).split())
    # the fixture assigns it to Tina's class (Sam, Sara) and Otto's (Oleg)
    assert "It is assigned to 2 classes (2 assignments) with 3 students in all." in words
    assert "1 test is under way now. It goes on to its deadline." in words
    assert 'name="open_practice" value="yes"' in shown  # what was chosen goes with the confirmation
    assert "Keep it shown" in shown and 'name="confirmed" value="y"' in shown
    with app.app_context():
        assert assignment_store.bank_flags()[BANK].published


def test_hiding_a_bank_nobody_is_assigned_needs_no_confirmation(teacher, app, people):
    with app.app_context():
        for row in assignment_store.assignments_of_classes([people.class_id, people.other_class_id], BANK):
            assignment_store.delete_assignment(row.id, datetime.now(UTC))
    response = set_visibility(teacher, "no", "no")
    assert response.status_code == 302
    with app.app_context():
        assert not assignment_store.bank_flags()[BANK].published
    assert set_visibility(teacher, "yes", "no").status_code == 302  # showing it again: no question


def test_open_practice_lets_every_student_practise_an_unassigned_bank(teacher, app, people, bank_title):
    assignment_id = only_assignment(app, people.class_id)
    page = teacher.get(f"/assignments/{assignment_id}/delete").get_data(as_text=True)
    teacher.post(f"/assignments/{assignment_id}/delete", data={"csrf_token": csrf_token(page)})
    sam = app.test_client()
    login(sam, "sam")
    assert bank_title not in sam.get("/").get_data(as_text=True)
    set_visibility(teacher, "yes", "yes")
    assert "Every student may see and practise it." in teacher.get("/").get_data(as_text=True)
    practice = sam.get("/").get_data(as_text=True).split("<h2>Practice</h2>")[1]
    assert bank_title in practice
    assert start(sam, "practice")


def test_the_visibility_form_refuses_a_missing_choice_on_its_own_page(teacher, app):
    token = csrf_token(teacher.get("/").get_data(as_text=True))
    response = teacher.post(f"/banks/{BANK}/visibility", data={"csrf_token": token, "published": "no"})
    shown = response.get_data(as_text=True)
    assert response.status_code == 422 and "Choose who may practise it." in shown
    assert re.search(r'<input checked id="published-kosovo-peacekeepers-1"', shown)  # as posted
    with app.app_context():
        assert assignment_store.bank_flags()[BANK].published
    page = teacher.get(f"/banks/{BANK}/visibility").get_data(as_text=True)
    assert re.search(r'<input checked id="published-kosovo-peacekeepers-0"', page)


def test_opening_practice_to_everyone_is_refused_while_a_test_keeps_the_answers_back(teacher, app, people):
    clear_tinas_class(app, people)
    with app.app_context():
        terms = AssignmentTerms(
            show_answers=AnswerVisibility.NEVER,
            study=False,
            title="Final",
            due_at=datetime(2099, 1, 1, tzinfo=UTC),
        )
        assignments.create(people.teacher, people.class_id, BANK, terms)
    response = set_visibility(teacher, "yes", "yes")
    shown = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 422
    assert "Practice for every student would show the answers that “Final” (History 9B) keeps back" in shown
    with app.app_context():
        assert not assignment_store.bank_flags()[BANK].open_practice


def test_a_titled_test_is_named_on_its_pages_and_its_terms_say_when_answers_show(
    client, teacher, app, people
):
    from tests.helpers.assignments import replace_assignments
    from tests.helpers.quizzes import submit

    due = datetime(2099, 1, 1, 12, tzinfo=UTC)
    assignment_id = replace_assignments(
        app,
        people,
        title="Retake",
        show_answers=AnswerVisibility.AFTER_DUE,
        due_at=due,
        ends_at_close=True,
        study=False,
    )
    client = app.test_client()
    login(client, "sam")
    home = client.get("/").get_data(as_text=True)
    assert (
        'Open the test<span class="visually-hidden">: Retake</span>' in home
        and "1 of 1 attempt left." in home
    )
    attempt_id = start(client, "test")
    for url in (f"/attempts/{attempt_id}/questions/1", f"/attempts/{attempt_id}/review"):
        page = client.get(url).get_data(as_text=True)
        assert "· Retake</p>" in page and "<title>" in page and "Retake" in page.split("</title>")[0], url
    submit(client, attempt_id)
    assert "· Retake</p>" in client.get(f"/attempts/{attempt_id}/results").get_data(as_text=True)
    terms = html.unescape(teacher.get(f"/assignments/{assignment_id}").get_data(as_text=True))
    assert "<dt>Answers</dt><dd>After the class’s last due time, 2099-01-01" in terms
    assert "<dt>Study</dt><dd>Off: the test only</dd>" in terms
    assert "Overdue" not in terms  # no late work: nobody can be overdue, only missed
