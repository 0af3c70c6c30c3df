"""Flashcards and learn mode through the web: the flow, the stored memory, and who may use it."""

from __future__ import annotations

import os
import re

from quizapp.db.base import db
from quizapp.db.database import begin_write
from quizapp.db.models import CardState, ReviewLog
from tests.helpers.quizzes import (
    answer,
    answer_correctly,
    attempt_questions,
    form_fields,
    start,
    submit,
    wrong_response,
)
from tests.helpers.web import DECK, csrf_token, login, seen_reviews, shown_key, study_one


def test_flashcard_flow_without_javascript(student, app):
    page = student.get(f"{DECK}/study").get_data(as_text=True)
    assert "To which country has Kosovo sent its peacekeepers?" in page  # the first card of the bank
    assert "Kuwait" not in page.split("<main")[1]  # the back waits for the flip
    key, flipped = study_one(student, rating="3")
    assert key == "q:mission-destination"
    assert "Kuwait" in flipped and "How well did you remember it?" in flipped
    assert re.search(
        r'<span class="rating-name">Good</span>\s*<span class="rating-when">in 10 min</span>', flipped
    )
    with app.app_context():
        state = db.session.scalar(db.select(CardState))
        log = db.session.scalar(db.select(ReviewLog))
    assert (state.card_key, state.reviews, log.rating, log.source) == (key, 1, 3, "flashcard")
    assert state.due.tzinfo is not None and state.fsrs_version
    assert shown_key(student.get(f"{DECK}/study").get_data(as_text=True)) == "q:mission-unit"


def test_flashcard_flow_with_fragments_for_javascript(student):
    page = student.get(f"{DECK}/study").get_data(as_text=True)
    token, key = csrf_token(page), shown_key(page)
    back = student.post(
        f"{DECK}/study/flip", data={"key": key, "csrf_token": token}, headers={"X-Fragment": "1"}
    )
    fragment = back.get_data(as_text=True)
    assert "<html" not in fragment and 'id="card-back"' in fragment
    following = student.post(
        f"{DECK}/study/review",
        data={"key": key, "rating": "4", "reviews": "0", "csrf_token": token},
        headers={"X-Fragment": "1"},
    )
    assert following.status_code == 200 and "<html" not in following.get_data(as_text=True)
    assert shown_key(following.get_data(as_text=True)) != key


def _flip_typed(student, typed: str, fragment: bool = False) -> tuple[str, str]:
    page = student.get(f"{DECK}/study").get_data(as_text=True)
    assert 'name="typed"' in page and "Your answer" in page  # the first card's answer is one text
    headers = {"X-Fragment": "1"} if fragment else {}
    data = {"key": shown_key(page), "typed": typed, "csrf_token": csrf_token(page)}
    flipped = student.post(f"{DECK}/study/flip", data=data, headers=headers)
    assert flipped.status_code == 200
    return shown_key(page), flipped.get_data(as_text=True)


def _suggested(page: str) -> list[str]:
    return re.findall(
        r'class="button rating rating-\d suggested"[^>]*>\s*<span class="rating-name">(\w+)', page
    )


def test_a_typed_answer_is_checked_before_the_back_without_javascript(student):
    key, right = _flip_typed(student, "  kuwiat ")  # a typo, forgiven as the quiz forgives it
    assert key == "q:mission-destination"
    assert "Right: you typed “kuwiat”." in right and "Kuwait" in right.split('id="card-back"')[1]
    assert _suggested(right) == ["Good"] and "Your typed answer suggests <strong>Good</strong>." in right
    ratings = re.findall(
        r'rating-name">(\w+)</span>(?:<span class="visually-hidden"> \(suggested\)</span>)?'
        r'\s*<span class="rating-when">([^<]+)<',
        right,
    )
    assert [name for name, _ in ratings] == ["Again", "Hard", "Good", "Easy"]
    assert dict(ratings)["Good"] == "in 10 min"  # the four ratings with their intervals, as without typing
    _, wrong = _flip_typed(student, "<b>Iraq</b>", fragment=True)
    assert "<html" not in wrong and "Not right: you typed “&lt;b&gt;Iraq&lt;/b&gt;”. The answer:" in wrong
    assert _suggested(wrong) == ["Again"]
    _, untyped = _flip_typed(student, "")
    assert "you typed" not in untyped and _suggested(untyped) == [] and "suggests" not in untyped


def test_a_number_typed_on_a_card_is_read_as_the_quiz_reads_it(student, app):
    from quizapp.core.decks import deck_cards
    from quizapp.services.question_source import current_bank

    with app.app_context():
        cards = deck_cards(current_bank("kosovo-peacekeepers"))
    page = student.get(f"{DECK}/study").get_data(as_text=True)
    key = next(card.key for card in cards if card.key == "q:platoon-seen")
    flipped = student.post(
        f"{DECK}/study/flip", data={"key": key, "typed": "thirty-two", "csrf_token": csrf_token(page)}
    ).get_data(as_text=True)
    assert "Right: you typed “thirty-two”." in flipped
    refused = student.post(
        f"{DECK}/study/flip", data={"key": key, "typed": "a platoon", "csrf_token": csrf_token(page)}
    ).get_data(as_text=True)
    assert "Not right: you typed “a platoon”. The answer:" in refused  # words: no format hint
    assert "digits" not in refused
    unreadable = student.post(
        f"{DECK}/study/flip", data={"key": key, "typed": "5 thousand", "csrf_token": csrf_token(page)}
    ).get_data(as_text=True)
    assert "Not right: you typed “5 thousand”. Write the answer in digits" in unreadable  # a try at a number


def test_cards_whose_answer_is_a_list_offer_no_typing(student):
    page = student.get(f"{DECK}/study").get_data(as_text=True)
    flipped = student.post(
        f"{DECK}/study/flip",
        data={"key": "q:sizes-order", "typed": "anything", "csrf_token": csrf_token(page)},
    ).get_data(as_text=True)
    assert "you typed" not in flipped and 'id="card-back"' in flipped


def test_again_brings_the_card_back_first(student, app, monkeypatch):
    from datetime import timedelta

    from quizapp.services import clock

    now = clock.now()
    monkeypatch.setattr(clock, "now", lambda: now)
    key, _ = study_one(student, rating="1")
    assert shown_key(student.get(f"{DECK}/study").get_data(as_text=True)) != key  # not due yet: new cards
    monkeypatch.setattr(clock, "now", lambda: now + timedelta(minutes=2))
    assert shown_key(student.get(f"{DECK}/study").get_data(as_text=True)) == key  # due again: first


def test_the_daily_limit_of_new_cards(student):
    page = student.get(DECK).get_data(as_text=True)
    student.post(f"{DECK}/settings", data={"new_cards_per_day": "2", "csrf_token": csrf_token(page)})
    study_one(student)
    study_one(student)
    done = student.get(f"{DECK}/study").get_data(as_text=True)
    assert "All done for now" in done and "new cards are used up" in done
    bad = student.post(f"{DECK}/settings", data={"new_cards_per_day": "-5", "csrf_token": csrf_token(page)})
    page = bad.get_data(as_text=True)
    assert bad.status_code == 422 and "Choose from 0 to 500." in page and 'value="-5"' in page


def test_tag_decks_and_reverse_cards(student):
    page = student.get(f"{DECK}/study?tag=quote&reverse=1").get_data(as_text=True)
    assert "topic quote" in page and "with reverse cards" in page
    key = shown_key(page)
    flipped = student.post(
        f"{DECK}/study/flip",
        data={"key": key, "tag": "quote", "reverse": "1", "csrf_token": csrf_token(page)},
    )
    assert flipped.status_code == 200
    assert student.get(f"{DECK}/study?tag=nope").status_code == 404


def test_the_teachers_setting_hides_the_deck(student, app, questions_dir, people):
    path = questions_dir / "kosovo-peacekeepers.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("flashcards: true", "flashcards: false"), encoding="utf-8"
    )
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert student.get(DECK).status_code == 404
    assert student.get(f"{DECK}/study").status_code == 404
    assert "Flashcards and learn mode" not in student.get("/quizzes/kosovo-peacekeepers").get_data(
        as_text=True
    )
    teacher = app.test_client()
    login(teacher, "tina")
    assert "Students cannot study this bank as flashcards" in teacher.get(DECK).get_data(as_text=True)


def test_a_student_rates_only_their_own_cards(student, app, people):
    key, _ = study_one(student)
    other = app.test_client()
    login(other, "sara")
    page = other.get(f"{DECK}/study").get_data(as_text=True)
    assert shown_key(page) == key  # Sara's deck is untouched by Sam's rating
    assert (
        other.post(
            f"{DECK}/study/review",
            data={"key": "q:no-such-card", "rating": "3", "reviews": "0", "csrf_token": csrf_token(page)},
        ).status_code
        == 404
    )
    assert (
        other.post(
            f"{DECK}/study/review",
            data={"key": key, "rating": "9", "reviews": "0", "csrf_token": csrf_token(page)},
        ).status_code
        == 400
    )
    with app.app_context():
        owners = db.session.scalars(db.select(CardState.user_id)).all()
    assert owners == [people.student]


def test_quiz_answers_feed_the_memory_model(student, app, people):
    attempt_id = start(student, "practice")
    question = attempt_questions(app, attempt_id)[0]
    answer(student, attempt_id, 1, form_fields(question, wrong_response(question)))
    test_id = start(student, "test")
    answer_correctly(student, app, test_id, 1)
    tested = attempt_questions(app, test_id)[0]
    submit(student, test_id)
    with app.app_context():
        logs = db.session.execute(
            db.select(ReviewLog.card_key, ReviewLog.rating, ReviewLog.source).order_by(ReviewLog.id)
        ).all()
    assert (f"q:{question.id}", 1, "quiz") in logs  # wrong: Again
    assert (f"q:{tested.id}", 3, "quiz") in logs  # right: Good
    assert len(logs) == 2


def test_learn_mode_repeats_a_missed_question_and_ends_with_a_summary(student, app):
    from quizapp.core.answer_key import full_marks_response
    from quizapp.db import study_store
    from quizapp.services.question_source import questions_for

    page = student.get(DECK).get_data(as_text=True)
    started = student.post("/learn/kosovo-peacekeepers", data={"csrf_token": csrf_token(page)})
    url = started.headers["Location"]
    session_id = int(url.rsplit("/", 1)[1])
    asked, first = [], None
    for _ in range(40):
        page = student.get(url).get_data(as_text=True)
        if "Session complete" in page:
            break
        with app.app_context():
            state = study_store.learn_session(session_id)
            question = next(
                q for q in questions_for(state.bank_slug, state.items) if q.id == state.session.current
            )
        asked.append(question.id)
        wrong = first is None  # the first question is answered wrong once
        first = first or question.id
        response = wrong_response(question) if wrong else full_marks_response(question)
        feedback = student.post(
            url, data=dict(form_fields(question, response), question=question.id, csrf_token=csrf_token(page))
        )
        if wrong:  # a reload of the feedback page re-sends the answer: it must not count again
            again = student.post(
                url,
                data=dict(form_fields(question, response), question=question.id, csrf_token=csrf_token(page)),
            )
            assert again.status_code == 302
        text = feedback.get_data(as_text=True)
        assert ("verdict-right" in text) != wrong and "Correct answer" in text
    summary = student.get(url).get_data(as_text=True)
    assert "Session complete" in summary
    assert asked.count(first) == 2 and len(asked) == 11  # ten questions, the missed one again
    assert asked.index(first, 1) == 4  # it came back three questions later
    assert re.search(r"<dt>Right after a retry</dt><dd>1</dd>", summary)
    with app.app_context():
        sources = set(db.session.scalars(db.select(ReviewLog.source)).all())
    assert sources == {"learn"}


def test_practice_the_weakest_questions(student, app):
    attempt_id = start(student, "practice")
    questions = attempt_questions(app, attempt_id)
    for number in (1, 2, 3):
        answer(
            student,
            attempt_id,
            number,
            form_fields(questions[number - 1], wrong_response(questions[number - 1])),
        )
    submit(student, attempt_id)
    page = student.get("/progress").get_data(as_text=True)
    assert "Practice these 3" in page
    started = student.post(
        "/quizzes/kosovo-peacekeepers/practice-weakest", data={"csrf_token": csrf_token(page)}
    )
    new_id = int(started.headers["Location"].rsplit("/", 1)[1])
    assert {q.id for q in attempt_questions(app, new_id)} == {q.id for q in questions[:3]}


def test_studied_keys_are_read_incrementally_and_heal_after_a_restore(student, app, people):
    from quizapp.db import study_store

    first, _ = study_one(student)
    with app.app_context():
        assert study_store.studied_keys(people.student, "kosovo-peacekeepers") == {first}
    second, _ = study_one(student)
    with app.app_context():
        assert study_store.studied_keys(people.student, "kosovo-peacekeepers") == {first, second}
        begin_write()
        db.session.execute(db.delete(CardState).where(CardState.card_key == second))  # as if restored
        db.session.commit()
        assert study_store.studied_keys(people.student, "kosovo-peacekeepers") == {first}


def test_a_rating_counts_once(student, app):
    page = student.get(f"{DECK}/study").get_data(as_text=True)
    key, token = shown_key(page), csrf_token(page)
    back = student.post(f"{DECK}/study/flip", data={"key": key, "csrf_token": token}).get_data(as_text=True)
    rating = {"key": key, "rating": "3", "reviews": seen_reviews(back), "csrf_token": token}
    for _ in range(3):  # a double key press, the back button, a second tab
        student.post(f"{DECK}/study/review", data=rating)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(ReviewLog)) == 1
        assert db.session.scalar(db.select(CardState.reviews)) == 1


def test_reverse_cards_once_studied_come_back_in_the_plain_deck(student, monkeypatch):
    from datetime import timedelta

    from quizapp.services import clock

    now = clock.now()
    monkeypatch.setattr(clock, "now", lambda: now)
    page = student.get(f"{DECK}/study?reverse=1&tag=quote").get_data(as_text=True)
    reverse_key = None
    for _ in range(10):  # study the topic's cards, reverse ones too, until a reverse card comes up
        key = shown_key(page)
        token = csrf_token(page)
        back = student.post(f"{DECK}/study/flip?tag=quote&reverse=1", data={"key": key, "csrf_token": token})
        student.post(
            f"{DECK}/study/review?tag=quote&reverse=1",
            data={
                "key": key,
                "rating": "1",
                "reviews": seen_reviews(back.get_data(as_text=True)),
                "csrf_token": token,
            },
        )
        if key.endswith(":reverse"):
            reverse_key = key
            break
        page = student.get(f"{DECK}/study?reverse=1&tag=quote").get_data(as_text=True)
    assert reverse_key is not None
    monkeypatch.setattr(clock, "now", lambda: now + timedelta(hours=1))
    plain = student.get(f"{DECK}/study").get_data(as_text=True)
    due = int(re.search(r"Due: <strong>(\d+)</strong>", plain).group(1))
    keys = set()
    for _ in range(due):
        key = shown_key(plain)
        keys.add(key)
        back = student.post(f"{DECK}/study/flip", data={"key": key, "csrf_token": csrf_token(plain)})
        student.post(
            f"{DECK}/study/review",
            data={
                "key": key,
                "rating": "3",
                "csrf_token": csrf_token(plain),
                "reviews": seen_reviews(back.get_data(as_text=True)),
            },
        )
        plain = student.get(f"{DECK}/study").get_data(as_text=True)
    assert reverse_key in keys  # reviewed in the plain deck, though no new reverse card is started there
