"""Students take quizzes: practice, tests, deadlines, results, and the integrity rules."""

from __future__ import annotations

import threading
from datetime import timedelta

from quizapp.core.answer_key import full_marks_response
from quizapp.core.attempts import AttemptMode
from quizapp.db.base import db
from quizapp.db.models import Answer, Attempt
from quizapp.services import attempts, clock
from tests.helpers.quizzes import (
    FrozenClock,
    answer,
    answer_correctly,
    attempt_questions,
    form_fields,
    start,
    submit,
    wrong_response,
)
from tests.helpers.web import csrf_token


def test_student_home_lists_quizzes_with_scores(student):
    page = student.get("/").get_data(as_text=True)
    assert "Hello, Sam Student" in page and "History 9B" in page
    assigned, practice = page.split("<h2>Practice</h2>")
    assert "Kosovar Peacekeepers Sent On First Mission Abroad" in assigned
    assert "Not started" in assigned and "No due date" in assigned
    assert "Kosovar Peacekeepers Sent On First Mission Abroad" in practice and "55 questions" in practice


def test_practice_gives_feedback_after_each_answer(student, app):
    attempt_id = start(student, "practice")
    questions = attempt_questions(app, attempt_id)
    first = questions[0]
    response = answer(student, attempt_id, 1, form_fields(first, full_marks_response(first)))
    assert response.status_code == 302 and response.headers["Location"].endswith("/questions/1")
    page = student.get(f"/attempts/{attempt_id}/questions/1").get_data(as_text=True)
    assert "✓</span> Correct" in page
    assert "Correct answer" in page and first.explanation.split()[0] in page
    assert "<mark>" in page  # the quoted sentence, highlighted in its paragraph
    assert "Next question" in page
    # the first answer stands: a second post changes nothing
    answer(student, attempt_id, 1, form_fields(first, wrong_response(first)))
    assert "✓</span> Correct" in student.get(f"/attempts/{attempt_id}/questions/1").get_data(as_text=True)


def test_practice_wrong_answer_shows_the_right_one(student, app):
    attempt_id = start(student, "practice")
    question = attempt_questions(app, attempt_id)[0]
    answer(student, attempt_id, 1, form_fields(question, wrong_response(question)))
    page = student.get(f"/attempts/{attempt_id}/questions/1").get_data(as_text=True)
    assert "✗</span> Incorrect" in page
    from markupsafe import escape

    from quizapp.core.answer_key import answer_lines

    for line in answer_lines(question):  # one line, or a list (choices, blanks, items, pairs)
        assert str(escape(line)) in page


def test_practice_to_the_end_and_retry_missed(student, app):
    attempt_id = start(student, "practice")
    questions = attempt_questions(app, attempt_id)
    for number, question in enumerate(questions, start=1):
        fields = form_fields(
            question, wrong_response(question) if number <= 3 else full_marks_response(question)
        )
        assert answer(student, attempt_id, number, fields).status_code == 302
    last = student.get(f"/attempts/{attempt_id}/questions/{len(questions)}").get_data(as_text=True)
    assert "Finish and see results" in last
    assert submit(student, attempt_id).status_code == 302
    results = student.get(f"/attempts/{attempt_id}/results").get_data(as_text=True)
    assert "Retry the 3 missed questions" in results
    retry = student.post(f"/attempts/{attempt_id}/retry", data={"csrf_token": csrf_token(results)})
    new_id = int(retry.headers["Location"].rsplit("/", 1)[1])
    assert {q.id for q in attempt_questions(app, new_id)} == {q.id for q in questions[:3]}
    # again, with that round still open: it comes back, and the page says why
    again = student.post(f"/attempts/{attempt_id}/retry", data={"csrf_token": csrf_token(results)})
    assert again.headers["Location"].endswith(f"/attempts/{new_id}")
    assert "You have a round of this quiz in progress" in student.get(
        again.headers["Location"], follow_redirects=True
    ).get_data(as_text=True)


def test_every_question_type_can_be_answered_through_its_form(student, app):
    attempt_id = start(student, "test")
    questions = attempt_questions(app, attempt_id)
    for number in range(1, len(questions) + 1):
        assert answer_correctly(student, app, attempt_id, number).status_code == 302
    submit(student, attempt_id)
    results = student.get(f"/attempts/{attempt_id}/results").get_data(as_text=True)
    assert "<strong>100%</strong>" in results
    assert "25 of 25 points" in results


def test_test_mode_saves_moves_and_replaces_answers(student, app):
    attempt_id = start(student, "test")
    questions = attempt_questions(app, attempt_id)
    q2 = questions[1]
    assert (
        answer(student, attempt_id, 2, form_fields(q2, wrong_response(q2)), go="5")
        .headers["Location"]
        .endswith("/questions/5")
    )
    assert (
        answer(student, attempt_id, 2, form_fields(q2, full_marks_response(q2)), go="previous")
        .headers["Location"]
        .endswith("/questions/1")
    )
    with app.app_context():
        rows = db.session.scalars(db.select(Answer).where(Answer.attempt_id == attempt_id)).all()
        assert [(r.question_key, r.response) for r in rows] == [(q2.id, full_marks_response(q2))]
    page = student.get(f"/attempts/{attempt_id}/questions/1").get_data(as_text=True)
    assert 'aria-label="Question 2, answered"' in page
    assert "Correct" not in page  # no feedback during a test
    review = student.get(f"/attempts/{attempt_id}/review").get_data(as_text=True)
    assert "You answered <strong>1</strong> of 25 questions." in review
    last = answer(student, attempt_id, len(questions), {}, go="next")
    assert last.headers["Location"].endswith("/review")
    # a number too long for int() (4,301 digits or more) goes on to the next question, not a 500
    huge = answer(student, attempt_id, 2, form_fields(q2, full_marks_response(q2)), go="9" * 5000)
    assert huge.status_code == 302 and huge.headers["Location"].endswith("/questions/3")


def test_clearing_an_answer_in_a_test_removes_it(student, app):
    attempt_id = start(student, "test")
    questions = attempt_questions(app, attempt_id)
    number, question = next((n, q) for n, q in enumerate(questions, 1) if q.type.value == "short")
    answer(student, attempt_id, number, form_fields(question, full_marks_response(question)))
    answer(student, attempt_id, number, {"text": "  "})
    with app.app_context():
        count = db.session.scalar(
            db.select(db.func.count()).select_from(Answer).where(Answer.attempt_id == attempt_id)
        )
    assert count == 0


def test_a_bad_number_is_refused_and_kept(student, app):
    attempt_id = start(student, "test")
    questions = attempt_questions(app, attempt_id)
    number = next(n for n, q in enumerate(questions, 1) if q.type.value == "numeric")
    response = answer(student, attempt_id, number, {"number": "5 thousand"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Write the answer in digits" in page and 'value="5 thousand"' in page
    assert 'aria-invalid="true"' in page
    assert page.count("Write the answer in digits") == 1  # the error replaces the hint
    assert 'id="number-hint"' not in page
    fresh = student.get(f"/attempts/{attempt_id}/questions/{number}").get_data(as_text=True)
    assert fresh.count("Write the answer in digits") == 1 and 'id="number-hint"' in fresh


def _limit_attempts(app, max_attempts: int) -> None:
    from quizapp.db.database import begin_write
    from quizapp.db.models import Assignment

    with app.app_context():
        begin_write()
        for row in db.session.scalars(db.select(Assignment)):
            row.max_attempts = max_attempts
        db.session.commit()


def test_test_results_offer_a_retake_while_the_assignment_allows_one(student, app):
    _limit_attempts(app, 2)
    first = start(student, "test")
    submit(student, first)
    page = student.get(f"/attempts/{first}/results").get_data(as_text=True)
    assert "Take it again (1 attempt left)</button>" in page
    assert 'name="mode" value="test"' in page and 'name="assignment" value="' in page
    second = start(student, "test")  # what the button posts, as the quiz page's does
    assert second != first
    submit(student, second)
    for attempt_id in (first, second):  # none left: no offer, on either results page
        later = student.get(f"/attempts/{attempt_id}/results").get_data(as_text=True)
        assert "Take it again" not in later and "Back to the quiz" in later


def test_unlimited_tests_offer_a_retake_and_practice_does_not(student, app):
    attempt_id = start(student, "test")
    submit(student, attempt_id)
    page = student.get(f"/attempts/{attempt_id}/results").get_data(as_text=True)
    assert "Take it again</button>" in page
    practice = start(student, "practice")
    submit(student, practice)
    assert "Take it again" not in student.get(f"/attempts/{practice}/results").get_data(as_text=True)


def test_ordering_positions_must_differ(student, app):
    attempt_id = start(student, "practice")  # every question: a test draws one of each group
    questions = attempt_questions(app, attempt_id)
    number, question = next((n, q) for n, q in enumerate(questions, 1) if q.type.value == "ordering")
    fields = {f"position_{item.id}": "1" for item in question.answer.items}
    response = answer(student, attempt_id, number, fields)
    assert response.status_code == 422
    assert "Give each item a different position" in response.get_data(as_text=True)


def test_double_submit_grades_once(student, app):
    attempt_id = start(student, "test")
    answer_correctly(student, app, attempt_id, 1)
    first = submit(student, attempt_id)
    with app.app_context():
        submitted_at = db.session.get(Attempt, attempt_id).submitted_at
    second = submit(student, attempt_id)
    assert first.headers["Location"] == second.headers["Location"]
    with app.app_context():
        assert db.session.get(Attempt, attempt_id).submitted_at == submitted_at
    # answering after submit is refused and leads to the results
    token = csrf_token(student.get("/account/password").get_data(as_text=True))
    late = student.post(f"/attempts/{attempt_id}/questions/2", data={"choice": "x", "csrf_token": token})
    assert late.headers["Location"].endswith(f"/attempts/{attempt_id}/results")
    assert student.get(f"/attempts/{attempt_id}/questions/2").headers["Location"].endswith("/results")


def test_submit_from_ten_threads_grades_once(app, people):
    with app.app_context():
        from quizapp.services.bank_library import library
        from quizapp.services.question_source import current_bank

        library().reload()
        library().sync_to_database()
        bank = current_bank("kosovo-peacekeepers")
        attempt = attempts.start(people.student, bank, AttemptMode.TEST, clock.now(), seed=1).attempt
    outcomes: list[bool] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(10)

    def submit_once() -> None:
        try:
            with app.app_context():
                barrier.wait()
                outcomes.append(attempts.submit(attempt.id, clock.now()))
        except BaseException as error:  # collected for the assertion
            errors.append(error)

    threads = [threading.Thread(target=submit_once) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(outcomes) == [False] * 9 + [True]


def test_one_open_attempt_per_student_and_quiz(student, app):
    first = start(student, "test")
    assert start(student, "test") == first
    assert start(student, "practice") == first  # finish the open one first
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Attempt)) == 1


def test_reload_shows_the_same_order(student, app):
    attempt_id = start(student, "test")

    def question_area() -> str:
        page = student.get(f"/attempts/{attempt_id}/questions/3").get_data(as_text=True)
        return page[page.index('<fieldset class="question"') : page.index("</fieldset>")]

    assert question_area() == question_area()  # same question, same order of choices
    orders = {tuple(q.id for q in attempt_questions(app, attempt_id))}
    for _ in range(3):
        submit(student, attempt_id)
        attempt_id = start(student, "test")
        orders.add(tuple(q.id for q in attempt_questions(app, attempt_id)))
    assert len(orders) > 1  # each attempt draws its own order


def test_deadline_closes_the_test_with_what_was_saved(student, app, monkeypatch):
    frozen = FrozenClock(monkeypatch)
    started = frozen.now
    attempt_id = start(student, "test")
    page = student.get(f"/attempts/{attempt_id}/questions/1").get_data(as_text=True)
    deadline = started + timedelta(minutes=30)
    assert (
        f'closes at <strong><time datetime="{deadline.isoformat()}">{deadline:%Y-%m-%d %H:%M} UTC</time>'
        in page
    )
    assert "(about 30 minutes left)" in page  # readable without JavaScript and whatever the time zone
    assert f'data-deadline="{deadline.isoformat()}"' in page
    answer_correctly(student, app, attempt_id, 1)
    frozen.advance(minutes=30, seconds=5)  # late, but within the grace period
    assert answer_correctly(student, app, attempt_id, 2).headers["Location"].endswith("/questions/3")
    frozen.advance(seconds=10)  # past deadline + grace
    question = attempt_questions(app, attempt_id)[2]
    token = csrf_token(student.get("/account/password").get_data(as_text=True))
    late = student.post(
        f"/attempts/{attempt_id}/questions/3",
        data=dict(form_fields(question, full_marks_response(question)), csrf_token=token),
    )
    assert late.headers["Location"].endswith(f"/attempts/{attempt_id}/results")
    results = student.get(f"/attempts/{attempt_id}/results").get_data(as_text=True)
    assert "2 of 25 points" in results and "closed automatically at the time limit" in results
    with app.app_context():
        row = db.session.get(Attempt, attempt_id)
        assert row.status == "submitted" and row.closed_by == "deadline" and row.submitted_at == deadline


def test_an_overdue_attempt_is_closed_when_next_touched(student, app, monkeypatch):
    frozen = FrozenClock(monkeypatch)
    attempt_id = start(student, "test")
    answer_correctly(student, app, attempt_id, 1)
    frozen.advance(hours=3)
    home = student.get("/").get_data(as_text=True)
    assert (
        "Continue the test" not in home
        and "Submitted" in home
        and '<strong>4%</strong><span class="visually-hidden">: the results of' in home
    )
    with app.app_context():
        assert db.session.get(Attempt, attempt_id).closed_by == "deadline"


def test_practice_is_never_timed(student, app, monkeypatch):
    frozen = FrozenClock(monkeypatch)
    attempt_id = start(student, "practice")
    frozen.advance(days=2)
    assert answer_correctly(student, app, attempt_id, 1).status_code == 302
    assert "✓</span> Correct" in student.get(f"/attempts/{attempt_id}/questions/1").get_data(as_text=True)


def test_a_client_cannot_extend_its_time(student, app, monkeypatch):
    frozen = FrozenClock(monkeypatch)
    attempt_id = start(student, "test")
    frozen.advance(minutes=45)
    page = student.get(f"/attempts/{attempt_id}/questions/1")
    token_page = student.get("/quizzes/kosovo-peacekeepers").get_data(as_text=True)
    student.post(
        "/quizzes/kosovo-peacekeepers/attempts", data={"mode": "test", "csrf_token": csrf_token(token_page)}
    )
    assert page.headers["Location"].endswith("/results")
    with app.app_context():
        rows = db.session.scalars(db.select(Attempt).order_by(Attempt.id)).all()
        assert rows[0].closed_by == "deadline"
        assert rows[1].deadline == frozen.now + timedelta(minutes=30)  # a new attempt, its own time


def test_score_uses_the_question_version_the_attempt_started_with(student, app, questions_dir):
    attempt_id = start(student, "practice")
    questions = attempt_questions(app, attempt_id)
    number, question = next((n, q) for n, q in enumerate(questions, 1) if q.id == "mission-destination")
    answer(student, attempt_id, number, form_fields(question, full_marks_response(question)))
    path = questions_dir / "kosovo-peacekeepers.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    answer: Kuwait\n", "    answer: Iraq\n", 1), encoding="utf-8")
    import os

    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    student.get("/")  # the edited file is loaded
    submit(student, attempt_id)
    results = student.get(f"/attempts/{attempt_id}/results").get_data(as_text=True)
    assert "1 of 55 points" in results
    new_id = start(student, "practice")
    new_question = next(q for q in attempt_questions(app, new_id) if q.id == "mission-destination")
    assert new_question.content_hash != question.content_hash


def test_never_shown_answers_show_only_the_score(student, app, questions_dir):
    path = questions_dir / "kosovo-peacekeepers.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "flashcards: true\n  show_answers: immediately", "show_answers: never"
        ),
        encoding="utf-8",
    )
    import os

    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    attempt_id = start(student, "practice")
    question = attempt_questions(app, attempt_id)[0]
    answer(student, attempt_id, 1, form_fields(question, full_marks_response(question)))
    page = student.get(f"/attempts/{attempt_id}/questions/1").get_data(as_text=True)
    assert "Correct" not in page and "Your answer is saved" in page
    submit(student, attempt_id)
    results = student.get(f"/attempts/{attempt_id}/results").get_data(as_text=True)
    assert "1 of 55 points" in results and "chosen not to show the correct answers" in results
    assert question.explanation not in results


def test_source_page_shows_the_article(student):
    page = student.get("/quizzes/kosovo-peacekeepers/source").get_data(as_text=True)
    assert '<h1 id="p1">Kosovar Peacekeepers Sent On First Mission Abroad</h1>' in page
    assert "With reporting by AP" in page and "<mark>" not in page
    # highlighting a question's quote waits until its answer is due
    assert "<mark>" not in student.get("/quizzes/kosovo-peacekeepers/source?q=mission-command").get_data(
        as_text=True
    )


def test_autosave_answers_json(student, app):
    attempt_id = start(student, "test")
    question = attempt_questions(app, attempt_id)[0]
    url = f"/attempts/{attempt_id}/questions/1"
    token = csrf_token(student.get(url).get_data(as_text=True))
    response = student.post(
        url,
        data=dict(form_fields(question, full_marks_response(question)), csrf_token=token),
        headers={"X-Autosave": "1"},
    )
    assert response.status_code == 200 and response.get_json() == {"saved": True}
    submit(student, attempt_id)
    closed = student.post(url, data={"csrf_token": token}, headers={"X-Autosave": "1"})
    assert closed.status_code == 409 and closed.get_json()["closed"] is True


def test_answer_without_csrf_token_is_refused(student, app):
    attempt_id = start(student, "test")
    response = student.post(f"/attempts/{attempt_id}/questions/1", data={"choice": "x"})
    assert response.status_code == 400


def test_starting_a_test_ends_an_open_practice_round(student, app):
    practice_id = start(student, "practice")
    answer_correctly(student, app, practice_id, 1)
    quiz_page = student.get("/quizzes/kosovo-peacekeepers").get_data(as_text=True)
    assert "You have an unfinished practice round" in quiz_page and "Start the test" in quiz_page
    test_id = start(student, "test")
    assert test_id != practice_id
    with app.app_context():
        practice = db.session.get(Attempt, practice_id)
        assert practice.status == "submitted" and practice.closed_by == "student"
    assert start(student, "practice") == test_id  # an open test comes first (the API: 409)
    page = student.get(f"/attempts/{test_id}", follow_redirects=True).get_data(as_text=True)
    assert "You have an unfinished test of this quiz: finish it first." in page


def test_practice_can_be_skipped_and_finished_early(student, app):
    attempt_id = start(student, "practice")
    page = student.get(f"/attempts/{attempt_id}/questions/1").get_data(as_text=True)
    assert f'href="/attempts/{attempt_id}/questions/2">Skip this question</a>' in page
    assert "Finish this practice round now" in page
    empty = answer(student, attempt_id, 1, {})
    assert empty.status_code == 422 and "Answer the question first, or skip it." in empty.get_data(
        as_text=True
    )
    answer_correctly(student, app, attempt_id, 2)
    submit(student, attempt_id)
    results = student.get(f"/attempts/{attempt_id}/results").get_data(as_text=True)
    assert "1 of 55 points" in results and "Retry the 54 missed questions" in results
    assert student.get(f"/attempts/{attempt_id}/review").status_code == 302
