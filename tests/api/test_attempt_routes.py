"""Attempts through the API: start, answer (every response shape), submit, read back, who may."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from quizapp import core
from quizapp.api.common import read_json
from quizapp.core.answer_key import full_marks_response
from quizapp.core.checkers import canonical_response, is_blank
from quizapp.core.question_types import present, question_type
from quizapp.core.storable_text import SURROGATE_REFUSED, unstorable_text
from quizapp.db.database import begin_write
from tests.helpers.api import QUIZ, answer, bank_questions, error_of, start
from tests.helpers.quizzes import FrozenClock, edit_bank, wrong_response

# --- starting -------------------------------------------------------------------------------


def test_a_new_attempt_lists_its_questions_as_students_see_them(as_user, app):
    attempt = start(as_user("sam"), "test")
    assert attempt["mode"] == "test" and attempt["status"] == "in_progress"
    assert attempt["deadline"] is not None and attempt["answers"] == {}
    assert "results" not in attempt and "score" not in attempt
    questions = bank_questions(app)
    for number, shown in enumerate(attempt["questions"], 1):
        question = questions[shown["id"]]
        assert shown["number"] == number and shown["type"] == question.type.value
        spec = question.answer
        match question.type:
            case core.QuestionType.SINGLE | core.QuestionType.MULTIPLE:
                assert {c["id"] for c in shown["choices"]} == {c.id for c in spec.choices}
                assert set(shown["choices"][0]) == {"id", "text"}
            case core.QuestionType.ORDERING:
                assert {i["id"] for i in shown["items"]} == {i.id for i in spec.items}
            case core.QuestionType.MATCHING:
                assert [o["id"] for o in shown["left"]] == [left.id for left, _ in spec.pairs]
                assert {o["id"] for o in shown["right"]} == {o.id for o in spec.rights}
            case core.QuestionType.CLOZE:
                assert shown["blanks"] == len(spec.blanks)


def test_nothing_in_an_open_attempt_gives_an_answer_away(as_user, app):
    attempt = start(as_user("sam"), "test")
    text = json.dumps(attempt)
    for key in ("correct", "explanation", "correct_answer", "source", "sources", "feedback", "accepted"):
        assert f'"{key}"' not in text
    questions = bank_questions(app)
    for shown in attempt["questions"]:
        question = questions[shown["id"]]
        if question.explanation:
            assert question.explanation not in text
        for quote in question.source_quotes:
            if not any(quote in shown_text(q) for q in questions.values()):  # a choice may say it
                assert quote not in text, (question.id, quote)


def shown_text(question) -> str:
    """What any attempt shows of a question before it is answered: its prompt and options."""
    seen = present(question, 0, shuffle_choices=False)
    options = (*seen.choices, *seen.items, *seen.lefts, *seen.rights)
    return "\n".join([seen.prompt, *(option.text for option in options)])


def test_starting_again_resumes_the_open_attempt(as_user):
    sam = as_user("sam")
    first = start(sam, "practice")
    again = sam.post(f"/quizzes/{QUIZ}/attempts", json={"mode": "practice"})
    assert again.status_code == 200 and again.get_json()["id"] == first["id"]


def test_a_test_ends_an_open_practice_but_not_the_other_way_round(as_user):
    sam = as_user("sam")
    practice = start(sam, "practice")
    test = start(sam, "test")
    assert sam.get(f"/attempts/{practice['id']}").get_json()["status"] == "submitted"
    refused = sam.post(f"/quizzes/{QUIZ}/attempts", json={"mode": "practice"})
    assert refused.status_code == 409
    error = error_of(refused)
    assert error["code"] == "open_test" and error["details"] == {"attempt_id": test["id"]}


@pytest.mark.parametrize("body", [{}, {"mode": "exam"}, {"mode": "test", "extra": 1}, {"mode": None}])
def test_a_bad_start_body_is_400(as_user, body):
    response = as_user("sam").post(f"/quizzes/{QUIZ}/attempts", json=body)
    assert response.status_code == 400
    assert error_of(response)["code"] == "bad_request"


def test_an_unknown_quiz_is_404(as_user):
    assert as_user("sam").post("/quizzes/nope/attempts", json={"mode": "test"}).status_code == 404


# --- answering ------------------------------------------------------------------------------


def test_practice_answers_get_feedback_at_once(as_user, app):
    sam = as_user("sam")
    attempt = start(sam, "practice")
    questions = bank_questions(app)
    right_id, wrong_id = attempt["questions"][0]["id"], attempt["questions"][1]["id"]
    right = answer(sam, attempt, right_id, full_marks_response(questions[right_id])).get_json()
    assert right["saved"] and right["correct"] and right["points"] == right["max_points"] == 1
    assert right["correct_response"] == full_marks_response(questions[right_id])
    assert right["explanation"] == questions[right_id].explanation
    assert right["source"]["quote"] and right["source"]["url"].endswith(f"#p{right['source']['paragraph']}")
    wrong = answer(sam, attempt, wrong_id, wrong_response(questions[wrong_id])).get_json()
    assert wrong["correct"] is False and wrong["points"] == 0
    body = sam.get(f"/attempts/{attempt['id']}").get_json()
    assert [f["question_id"] for f in body["feedback"]] == [right_id, wrong_id]


def test_feedback_gives_every_quoted_passage_in_the_articles_order(as_user, app, questions_dir):
    from tests.helpers.banks import (
        PARAGRAPH_OF_IOWA,
        PARAGRAPH_OF_KUWAIT,
        QUOTES_BANK,
        assign_every_bank,
        copy_banks_with_quotes,
    )

    copy_banks_with_quotes(questions_dir)
    assign_every_bank(app)
    sam = as_user("sam")
    attempt = sam.post(f"/quizzes/{QUOTES_BANK}/attempts", json={"mode": "practice"}).get_json()
    feedback = answer(sam, attempt, "platoon-command", False).get_json()
    sources = [(s["paragraph"], s["quote"], s["url"].rsplit("#", 1)[1]) for s in feedback["sources"]]
    assert sources == [
        (PARAGRAPH_OF_KUWAIT, "Kosovo has sent an army platoon to Kuwait", f"p{PARAGRAPH_OF_KUWAIT}"),
        (PARAGRAPH_OF_IOWA, "under the command of the National Guard of Iowa", f"p{PARAGRAPH_OF_IOWA}"),
    ]
    assert feedback["source"] == feedback["sources"][0]  # as before lists, for the clients of then
    same_paragraph = answer(sam, attempt, "war-to-independence", True).get_json()["sources"]
    assert [s["quote"] for s in same_paragraph] == [
        "Kosovo declared independence from Serbia in 2008.",
        "that ended in 1999",
    ]


def test_in_practice_the_first_answer_stands(as_user, app):
    sam = as_user("sam")
    attempt = start(sam, "practice")
    question_id = attempt["questions"][0]["id"]
    question = bank_questions(app)[question_id]
    first = wrong_response(question)
    assert answer(sam, attempt, question_id, first).status_code == 200
    assert answer(sam, attempt, question_id, first).status_code == 200  # a retried request is fine
    changed = answer(sam, attempt, question_id, full_marks_response(question))
    assert changed.status_code == 409
    error = error_of(changed)
    assert error["code"] == "already_answered" and error["details"] == {"response": first}


def test_practice_needs_an_answer(as_user):
    sam = as_user("sam")
    attempt = start(sam, "practice")
    response = answer(sam, attempt, attempt["questions"][0]["id"], None)
    assert response.status_code == 400 and error_of(response)["code"] == "answer_required"


def test_practice_feedback_follows_the_banks_setting(as_user, app, questions_dir):
    edit_bank(questions_dir / f"{QUIZ}.yaml", "show_answers: immediately", "show_answers: after_submit")
    sam = as_user("sam")
    attempt = start(sam, "practice")
    question_id = attempt["questions"][0]["id"]
    saved = answer(
        sam, attempt, question_id, full_marks_response(bank_questions(app)[question_id])
    ).get_json()
    assert saved == {
        "saved": True,
        "question_id": question_id,
        "answered": True,
        "max_points": 1,
        "response": saved["response"],
    }
    assert "feedback" not in sam.get(f"/attempts/{attempt['id']}").get_json()


def test_test_answers_are_saved_without_feedback_and_can_change(as_user, app):
    sam = as_user("sam")
    attempt = start(sam, "test")
    question_id = attempt["questions"][0]["id"]
    question = bank_questions(app)[question_id]
    assert answer(sam, attempt, question_id, wrong_response(question)).get_json() == {
        "saved": True,
        "question_id": question_id,
    }
    answer(sam, attempt, question_id, full_marks_response(question))
    assert sam.get(f"/attempts/{attempt['id']}").get_json()["answers"] == {
        question_id: full_marks_response(question)
    }
    answer(sam, attempt, question_id, None)  # cleared
    assert sam.get(f"/attempts/{attempt['id']}").get_json()["answers"] == {}


BAD_SHAPES = {
    core.QuestionType.SINGLE: [["c1"], 3, {"id": "c1"}, "not-a-choice"],
    core.QuestionType.MULTIPLE: ["c1", [1, 2], {"a": "b"}, ["not-a-choice"]],
    core.QuestionType.TRUE_FALSE: ["maybe", 1.5, ["true"]],
    core.QuestionType.NUMERIC: ["a dozen", [5], {"n": 5}, True],
    core.QuestionType.SHORT: [5, ["a"], {"a": 1}],
    core.QuestionType.CLOZE: ["word", [1], {"1": "a"}],
    core.QuestionType.ORDERING: ["i1", [1, 2], {"a": "b"}],
    core.QuestionType.MATCHING: ["l1", ["a"], {"l1": 5}],
}


def test_each_type_takes_its_shape_and_refuses_others_saying_what_it_expects(as_user, app):
    sam = as_user("sam")
    attempt = start(sam, "practice")  # practice asks every question: every type
    questions = bank_questions(app)
    seen = set()
    for shown in attempt["questions"]:
        question = questions[shown["id"]]
        if question.type in seen:
            continue
        seen.add(question.type)
        for bad in BAD_SHAPES[question.type]:
            response = answer(sam, attempt, question.id, bad)
            assert response.status_code == 400, (question.type, bad)
            error = error_of(response)
            assert error["code"] == "invalid_response"
            assert error["details"] == {"expected": question_type(question.type).response_shape}
            assert question.type in error["message"]
        assert answer(sam, attempt, question.id, full_marks_response(question)).status_code == 200
    assert seen == set(core.QuestionType)


def test_numbers_may_be_sent_as_numbers_or_text(as_user, app):
    sam = as_user("sam")
    attempt = start(sam, "practice")
    questions = bank_questions(app)
    numeric = [s["id"] for s in attempt["questions"] if s["type"] == "numeric"]
    expected = full_marks_response(questions[numeric[0]])
    as_number = float(expected.replace(",", ""))
    assert answer(sam, attempt, numeric[0], as_number).get_json()["correct"] is True
    as_text = full_marks_response(questions[numeric[1]])
    assert answer(sam, attempt, numeric[1], as_text).get_json()["correct"] is True


@pytest.mark.parametrize("body", [{}, {"answer": "x"}, {"response": "x", "extra": True}, [], "x"])
def test_a_body_without_exactly_a_response_is_400(as_user, body):
    sam = as_user("sam")
    attempt = start(sam, "test")
    response = sam.put(f"/attempts/{attempt['id']}/answers/{attempt['questions'][0]['id']}", json=body)
    assert response.status_code == 400
    assert error_of(response)["code"] == "bad_request"


def test_a_question_not_in_the_attempt_is_404(as_user):
    sam = as_user("sam")
    attempt = start(sam, "test")
    response = answer(sam, attempt, "no-such-question", "x")
    assert response.status_code == 404 and error_of(response)["code"] == "question_not_found"


def test_a_body_over_the_limit_is_413(as_user, app):
    sam = as_user("sam")
    attempt = start(sam, "test")
    huge = "x" * (app.config["API_MAX_BODY_BYTES"] + 1)
    response = answer(sam, attempt, attempt["questions"][0]["id"], huge)
    assert response.status_code == 413
    assert error_of(response)["code"] == "too_large"


def test_answers_are_rate_limited_per_user(as_user, app):
    app.config["API_ANSWER_LIMIT_PER_USER"] = "3 per minute"
    sam, sara = as_user("sam"), as_user("sara")
    attempt = start(sam, "test")
    question_id = attempt["questions"][0]["id"]
    for _ in range(3):
        assert answer(sam, attempt, question_id, None).status_code == 200
    limited = answer(sam, attempt, question_id, None)
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) > 0
    assert error_of(limited)["code"] == "too_many_requests"
    other = start(sara, "test")  # the same address, another student: not limited
    assert answer(sara, other, other["questions"][0]["id"], None).status_code == 200


def test_answers_are_rate_limited_per_address(as_user, app):
    app.config["API_ANSWER_LIMIT_PER_ADDRESS"] = "2 per minute"
    sam, sara = as_user("sam"), as_user("sara")
    mine, theirs = start(sam, "test"), start(sara, "test")
    assert answer(sam, mine, mine["questions"][0]["id"], None).status_code == 200
    assert answer(sara, theirs, theirs["questions"][0]["id"], None).status_code == 200
    assert answer(sara, theirs, theirs["questions"][0]["id"], None).status_code == 429


# --- submitting -----------------------------------------------------------------------------


def test_a_full_marks_test_scores_100_and_a_repeat_submit_changes_nothing(as_user, app):
    sam = as_user("sam")
    attempt = start(sam, "test")
    questions = bank_questions(app)
    for shown in attempt["questions"]:
        assert (
            answer(sam, attempt, shown["id"], full_marks_response(questions[shown["id"]])).status_code == 200
        )
    first = sam.post(f"/attempts/{attempt['id']}/submit")
    assert first.status_code == 200
    body = first.get_json()
    assert body["status"] == "submitted" and body["closed_by"] == "student"
    assert body["percent"] == 100 and body["score"] == body["max_score"] == len(attempt["questions"])
    assert body["passed"] is True
    assert all(r["correct"] and r["points"] == r["max_points"] for r in body["results"])
    assert all("correct_answer" in r and "explanation" in r for r in body["results"])
    again = sam.post(f"/attempts/{attempt['id']}/submit")
    assert again.status_code == 200 and again.get_json() == body
    assert sam.get(f"/attempts/{attempt['id']}").get_json() == body


def test_answers_after_submit_are_refused(as_user, app):
    sam = as_user("sam")
    attempt = start(sam, "test")
    sam.post(f"/attempts/{attempt['id']}/submit")
    question_id = attempt["questions"][0]["id"]
    response = answer(sam, attempt, question_id, full_marks_response(bank_questions(app)[question_id]))
    assert response.status_code == 409
    assert error_of(response)["code"] == "attempt_closed"


def test_the_deadline_closes_the_test_with_what_was_saved(as_user, app, monkeypatch):
    frozen = FrozenClock(monkeypatch)
    sam = as_user("sam")
    attempt = start(sam, "test")
    questions = bank_questions(app)
    first, second = attempt["questions"][0]["id"], attempt["questions"][1]["id"]
    answer(sam, attempt, first, full_marks_response(questions[first]))
    frozen.advance(minutes=30, seconds=5)  # late, but within the grace period
    assert answer(sam, attempt, second, full_marks_response(questions[second])).status_code == 200
    frozen.advance(seconds=10)
    late = answer(sam, attempt, attempt["questions"][2]["id"], "x")
    assert late.status_code == 409 and error_of(late)["code"] == "attempt_closed"
    body = sam.get(f"/attempts/{attempt['id']}").get_json()
    assert body["status"] == "submitted" and body["closed_by"] == "deadline"
    assert body["score"] == 2 and body["submitted_at"] == attempt["deadline"]


def test_never_shown_answers_stay_hidden_after_submit(as_user, app, questions_dir):
    edit_bank(
        questions_dir / f"{QUIZ}.yaml", "flashcards: true\n  show_answers: immediately", "show_answers: never"
    )
    sam = as_user("sam")
    attempt = start(sam, "test")
    body = sam.post(f"/attempts/{attempt['id']}/submit").get_json()
    assert "percent" in body  # the score, and nothing per question, as on the results page
    assert "results" not in body and body["answers"] == {} and body["withheld"] == "bank_setting"
    tina = as_user("tina")  # the teacher sees everything
    assert all("correct" in r for r in tina.get(f"/attempts/{attempt['id']}").get_json()["results"])


def test_an_earlier_attempt_shows_no_answers_while_a_test_of_its_quiz_is_open(as_user, app):
    # Its answers, right ones included, would be an answer key to the test (new-user review).
    sam = as_user("sam")
    earlier = start(sam, "test")
    questions = bank_questions(app)
    for shown in earlier["questions"]:
        answer(sam, earlier, shown["id"], full_marks_response(questions[shown["id"]]))
    assert sam.post(f"/attempts/{earlier['id']}/submit").get_json()["percent"] == 100
    start(sam, "test")
    body = sam.get(f"/attempts/{earlier['id']}").get_json()
    assert body["percent"] == 100 and body["answers"] == {} and "results" not in body
    assert body["withheld"] == "test_in_progress"


# --- who may --------------------------------------------------------------------------------


def test_only_the_owner_works_on_an_attempt(as_user, app):
    sam, sara, tina, otto = as_user("sam"), as_user("sara"), as_user("tina"), as_user("otto")
    attempt = start(sam, "test")
    path = f"/attempts/{attempt['id']}"
    question_id = attempt["questions"][0]["id"]
    for other in (sara, tina, otto):
        assert error_of(other.get(path))["code"] == "attempt_not_found"
        assert other.put(f"{path}/answers/{question_id}", json={"response": None}).status_code == 404
        assert other.post(f"{path}/submit").status_code == 404
    sam.post(f"{path}/submit")
    assert tina.get(path).status_code == 200  # the class's teacher, once submitted
    for other in (sara, otto):
        assert other.get(path).status_code == 404
        assert other.post(f"{path}/submit").status_code == 404
    assert tina.post(f"{path}/submit").status_code == 404  # seeing is not submitting


def test_ids_too_large_for_the_database_are_404(as_user):
    sam = as_user("sam")
    for too_large in (2**31, 2**63 - 1, 2**63, 10**30):
        response = sam.get(f"/attempts/{too_large}")
        assert response.status_code == 404 and error_of(response)["code"] == "not_found"
    assert error_of(sam.get(f"/attempts/{2**31 - 1}"))["code"] == "attempt_not_found"  # asked, not there


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10,
)


def test_any_json_answer_is_saved_or_refused_with_a_reason_never_an_error(as_user, app):
    """Every question type, fed arbitrary JSON: 200 (saved) or 400 (why not), and what was
    acknowledged is what is stored."""
    sam = as_user("sam")
    attempt = start(sam, "test")
    by_type = {}
    for shown in attempt["questions"]:  # one question of each type the test drew (25 of 55)
        by_type.setdefault(shown["type"], shown["id"])
    questions = bank_questions(app)
    targets = list(by_type.values())
    assert len(targets) >= 4

    numeric = targets.index(by_type["numeric"]) if "numeric" in by_type else 0

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(index=st.integers(0, len(targets) - 1), value=JSON_VALUES)
    @example(index=numeric, value=1e20)  # sent as 1e+20
    def fuzz(index, value):
        question_id = targets[index]
        response = answer(sam, attempt, question_id, value)
        assert response.status_code in (200, 400), response.get_json()
        stored = sam.get(f"/attempts/{attempt['id']}").get_json()["answers"].get(question_id)
        if response.status_code == 400:  # a NUL character anywhere: no database keeps it
            unstorable = unstorable_text(value) is not None
            assert error_of(response)["code"] == ("bad_request" if unstorable else "invalid_response")
        else:  # blanks clear the answer; numbers are kept exactly, as the JSON text sent
            sent = read_json(json.dumps(value).encode())  # 1e20 is sent as 1e+20, and kept so
            assert stored == canonical_response(questions[question_id], sent)
            if is_blank(value):
                assert stored is None

    fuzz()


# --- what a first review found -------------------------------------------------------------


def question_of_type(attempt: dict[str, Any], kind: str) -> str:
    return next(shown["id"] for shown in attempt["questions"] if shown["type"] == kind)


@pytest.mark.parametrize(
    ("kind", "response"),
    [("short", '"\\ud800"'), ("cloze", '["\\udfff"]'), ("numeric", '"5000 \\ud800"')],
)
def test_an_answer_with_a_lone_surrogate_is_refused_and_nothing_is_kept(as_user, kind, response):
    """Stored, it could not be written as UTF-8: the question and results pages then failed
    with a 500 for the student and the teacher (core/storable_text.py)."""
    sam = as_user("sam")
    attempt = start(sam, "practice")  # every question of the bank
    question_id = question_of_type(attempt, kind)
    blanks = next(s.get("blanks", 1) for s in attempt["questions"] if s["id"] == question_id)
    body = response if kind != "cloze" else response[:-1] + ', ""' * (blanks - 1) + "]"
    path = f"/attempts/{attempt['id']}/answers/{question_id}"
    refused = sam.put(path, data='{"response": ' + body + "}", content_type="application/json")
    assert refused.status_code == 400 and error_of(refused)["details"]["fields"] == [SURROGATE_REFUSED]
    assert question_id not in sam.get(f"/attempts/{attempt['id']}").get_json()["answers"]


def test_numbers_are_kept_exactly_and_exports_read_them(as_user, app, people):
    sam = as_user("sam")
    attempt = start(sam, "practice")
    numeric = [s["id"] for s in attempt["questions"] if s["type"] == "numeric"]
    first = answer(sam, attempt, numeric[0], 99999999999999999999)
    assert first.status_code == 200 and first.get_json()["response"] == "99999999999999999999"
    assert answer(sam, attempt, numeric[1], 1999.0).get_json()["response"] == "1999.0"
    sam.post(f"/attempts/{attempt['id']}/submit")
    tina = as_user("tina")
    for fmt in ("csv", "json", "xlsx"):
        export = tina.get(f"/exports/scores?kind=answers&format={fmt}")
        assert export.status_code == 200, fmt
        if fmt != "xlsx":
            assert "99999999999999999999" in export.get_data(as_text=True)


def test_an_answer_stored_as_a_bare_number_still_exports(as_user, app, people):
    """Rows written before numbers were kept as text: SQLite may hand them back as numbers."""
    from quizapp.db.base import db
    from quizapp.db.models import Answer

    sam = as_user("sam")
    attempt = start(sam, "practice")
    question_id = question_of_type(attempt, "numeric")
    answer(sam, attempt, question_id, "1999")
    with app.app_context():
        begin_write()
        db.session.execute(db.update(Answer).values(response=1999))
        db.session.commit()
    sam.post(f"/attempts/{attempt['id']}/submit")
    export = as_user("tina").get("/exports/scores?kind=answers&format=json")
    assert export.status_code == 200
    [row] = [r for r in export.get_json()["rows"] if r["question_id"] == question_id]
    assert row["response"] in (1999, "1999")


@pytest.mark.parametrize(
    ("kind", "blank"),
    [("cloze", ["", ""]), ("cloze", [None, None]), ("short", "   "), ("matching", None), ("multiple", [])],
)
def test_blank_answers_are_no_answers(as_user, kind, blank):
    sam = as_user("sam")
    practice = start(sam, "practice")
    question_id = question_of_type(practice, kind)
    if kind == "matching":
        left = next(s for s in practice["questions"] if s["id"] == question_id)["left"][0]["id"]
        blank = {left: None}
    refused = answer(sam, practice, question_id, blank)
    assert refused.status_code == 400 and error_of(refused)["code"] == "answer_required"
    assert sam.get(f"/attempts/{practice['id']}").get_json()["answers"] == {}


def test_true_or_false_may_come_as_text_and_is_kept_as_a_boolean(as_user, app):
    sam = as_user("sam")
    attempt = start(sam, "practice")
    question_id = question_of_type(attempt, "true_false")
    assert answer(sam, attempt, question_id, " False ").get_json()["response"] is False


@pytest.mark.parametrize(
    "body",
    [
        '{"response": ' + "[" * 3000 + "]" * 3000 + "}",
        '{"response": ' + "[" * 900 + "]" * 900 + "}",
        '{"response": ' + '{"a": ' * 900 + "1" + "}" * 900 + "}",
        '{"response": ' + "9" * 4400 + "}",
        '{"response": ' + "9" * 1001 + "}",
        '{"response": 1.' + "5" * 1000 + "}",
        '{"response": 1e1000000}',
        '{"rating": "good", "reviews": 1e1000000}',
        '{"response": "x"',
        b'{"response": "\xff"}',
    ],
    ids=[
        "nested-too-deep",
        "nested-900-lists",
        "nested-900-objects",
        "integer-too-long",
        "number-of-1001-characters",
        "fraction-of-1002-characters",
        "exponent-of-7-digits",
        "a-review-count-of-1e1000000",
        "cut-off",
        "not-utf-8",
    ],
)
def test_bodies_that_cannot_be_read_are_400_not_500(as_user, body):
    sam = as_user("sam")
    attempt = start(sam, "test")
    path = f"/attempts/{attempt['id']}/answers/{attempt['questions'][0]['id']}"
    response = sam.put(path, data=body, content_type="application/json")
    assert response.status_code == 400 and error_of(response)["code"] == "bad_request"
    token = sam.client.post("/api/v1/auth/token", data=body, content_type="application/json")
    assert token.status_code == 400


def test_a_body_that_is_not_json_is_415(as_user):
    sam = as_user("sam")
    response = sam.post(
        f"/quizzes/{QUIZ}/attempts", data="mode=test", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 415 and error_of(response)["code"] == "unsupported_media_type"


def test_an_unannounced_body_over_the_limit_is_413(as_user, app):
    import io

    sam = as_user("sam")
    attempt = start(sam, "test")
    body = ('{"response": "' + "x" * app.config["API_MAX_BODY_BYTES"] + '"}').encode()
    response = sam.put(
        f"/attempts/{attempt['id']}/answers/{attempt['questions'][0]['id']}",
        input_stream=io.BytesIO(body),
        headers={"Transfer-Encoding": "chunked", "Content-Type": "application/json"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert response.status_code == 413 and error_of(response)["code"] == "too_large"


def test_answers_and_submits_share_one_limit(as_user, app):
    app.config["API_ANSWER_LIMIT_PER_USER"] = "2 per minute"
    sam = as_user("sam")
    attempt = start(sam, "test")
    answer(sam, attempt, attempt["questions"][0]["id"], None)
    answer(sam, attempt, attempt["questions"][0]["id"], None)
    assert sam.post(f"/attempts/{attempt['id']}/submit").status_code == 429


def test_api_responses_are_not_cached_and_options_needs_no_token(as_user, client, people):
    assert as_user("sam").get("/quizzes").headers["Cache-Control"] == "no-store"
    assert (
        client.post("/api/v1/auth/token", json={"username": "sam", "password": "x"}).headers["Cache-Control"]
        == "no-store"
    )
    options = client.open("/api/v1/quizzes", method="OPTIONS")
    assert options.status_code == 200 and "GET" in options.headers["Allow"]
