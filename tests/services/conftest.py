"""Fixtures of the services tests."""

from __future__ import annotations

import random
import re
from dataclasses import replace

import pytest

from quizapp.core.answer_key import full_marks_response
from quizapp.core.assignments import Counted
from quizapp.core.bank_loader import load_bank_file
from quizapp.core.model import QuestionType
from quizapp.core.question_types import question_type
from quizapp.db import account_store
from quizapp.db.base import db
from quizapp.db.database import begin_write
from quizapp.db.models import User
from quizapp.services import accounts, assignments, bank_library, live
from quizapp.services.bank_library import library
from quizapp.services.question_source import current_bank
from tests.helpers.api import ApiClient, token_for
from tests.helpers.api import answer as answer_by_api
from tests.helpers.api import start as start_by_api
from tests.helpers.assignments import (
    BANK,
    EVIL,
    HOUR,
    Graded,
    accommodate,
    add_assignment,
    add_students,
    replace_assignments,
    take,
)
from tests.helpers.banks import DRAFTS_ONLY_BANK, PROBE_BANK, QUESTIONS, assign_every_bank, probe_bank
from tests.helpers.live import LIVE_BANK, LIVE_T0
from tests.helpers.quizzes import FrozenClock, attempt_questions
from tests.helpers.web import login


@pytest.fixture(scope="module")
def article():
    return load_bank_file(QUESTIONS / "kosovo-peacekeepers.yaml").bank


@pytest.fixture
def bank(app):
    """The article's bank, loaded and synced to the database as the app does on its first request."""
    with app.app_context():
        library().reload()
        library().sync_to_database()
        return current_bank("kosovo-peacekeepers")


@pytest.fixture
def probe(app, questions_dir, people):
    def make(visibility: str):
        (questions_dir / f"{PROBE_BANK}.yaml").write_text(probe_bank(visibility), encoding="utf-8")
        assign_every_bank(app)
        client = app.test_client()
        login(client, "sam")
        return client, ApiClient(app.test_client(), token_for(app.test_client(), "sam"))

    return make


@pytest.fixture
def graded(app, people, monkeypatch) -> Graded:
    """Five hours after t0: Sam took the first assignment on time and late, Sara on time (and the
    second assignment), Nina missed it, Mia's own due time is still ahead."""
    frozen = FrozenClock(monkeypatch)
    t0 = frozen.now - 5 * HOUR
    due, mia_due = t0 + 2 * HOUR, t0 + 10 * HOUR
    first = replace_assignments(
        app, people, due_at=due, accept_late=True, max_attempts=2, counted=Counted.BEST
    )
    second = add_assignment(app, people, max_attempts=None)
    add_students(app, people.class_id, "Nina", "Mia")
    accommodate(app, people, first, "mia", due_at=mia_due)
    with app.app_context():
        begin_write()
        db.session.get(User, people.classmate).display_name = EVIL
        db.session.commit()
    graded = Graded(
        first=first,
        second=second,
        due=due,
        mia_due=mia_due,
        sam_early=take(app, "sam", t0, correct=1, assignment_id=first),
        sam_late=take(app, "sam", t0 + 3 * HOUR, assignment_id=first),
        sara_first=take(app, "sara", t0, assignment_id=first),
        sara_second=take(app, "sara", t0 + HOUR, correct=2, assignment_id=second),
        t0=t0,
        bank_title=bank_title(app),
    )
    with app.app_context():  # late work closes again after Sam's late attempt: Nina has missed it
        row = assignments.assignment(first)
        assignments.update(people.teacher, first, replace(row.terms, accept_late=False))
    return graded


def bank_title(app) -> str:
    with app.app_context():
        return bank_library.bank(BANK).title


@pytest.fixture
def tina(client, people):
    login(client, "tina")
    return client


def _chosen_response(question):
    """A response the test knows the words of: not always the first choice, nor the file's order."""
    spec = question.answer
    match question.type:
        case QuestionType.SINGLE:
            return spec.choices[-1].id
        case QuestionType.MULTIPLE:
            return [choice.id for choice in spec.choices][::-1][:2]  # the student's order: last first
        case QuestionType.TRUE_FALSE:
            return True
        case QuestionType.ORDERING:
            return [item.id for item in spec.items][::-1]
        case QuestionType.MATCHING:
            rights = [right.id for right in spec.rights]
            return {left.id: rights[(n + 1) % len(rights)] for n, left in enumerate(spec.lefts)}
        case QuestionType.NUMERIC:
            return "1,250"
        case _:  # short, cloze: typed as the key has it
            return full_marks_response(question)


@pytest.fixture
def chosen(app, people):
    """Sam answers every question of a test through the API; the questions by id and the responses."""
    app.config["API_ANSWER_LIMIT_PER_USER"] = app.config["API_ANSWER_LIMIT_PER_ADDRESS"] = "10000/minute"
    api = ApiClient(app.test_client(), token_for(app.test_client(), "sam"))
    attempt = start_by_api(api, "test")
    questions = {q.id: q for q in attempt_questions(app, attempt["id"])}
    responses = {key: _chosen_response(question) for key, question in questions.items()}
    for key, response in responses.items():
        saved = answer_by_api(api, attempt, key, response)
        assert saved.status_code == 200, (key, saved.get_json())
    assert api.post(f"/attempts/{attempt['id']}/submit").status_code == 200
    with app.app_context():
        accounts.set_time_zone(people.teacher, "Europe/Berlin")
    return questions, responses


@pytest.fixture
def with_probe(app, people, questions_dir):
    """The article (flashcards on) and a probe bank that keeps its answers (no flashcards)."""
    (questions_dir / f"{PROBE_BANK}.yaml").write_text(probe_bank("never"), encoding="utf-8")
    assign_every_bank(app)


@pytest.fixture
def banks_with_drafts(app, people, questions_dir):
    """The article, the probe bank, and a bank of drafts only, all assigned to every class."""
    (questions_dir / f"{PROBE_BANK}.yaml").write_text(probe_bank("after_submit"), encoding="utf-8")
    questions, cards = probe_bank("after_submit").split("\ncards:")
    drafts = re.sub(r"(\n  - id: \w+\n)", r"\1    draft: true\n", questions) + "\ncards:" + cards
    (questions_dir / f"{DRAFTS_ONLY_BANK}.yaml").write_text(
        drafts.replace(PROBE_BANK, DRAFTS_ONLY_BANK, 1), encoding="utf-8"
    )
    assign_every_bank(app)


@pytest.fixture
def hosted(app, people, bank):
    """Tina hosts a live quiz of three choice questions; Sam and Sara joined."""
    choice_ids = [q.id for q in bank.questions if question_type(q.type).tallied_choices(q.answer)][:3]
    with app.app_context():
        tina = account_store.get_account(people.teacher)
        created = live.create(
            tina, LIVE_BANK, LIVE_T0, 42, random.Random(1), question_ids=choice_ids, seconds_per_question=20
        )
        sam = account_store.get_account(people.student)
        sara = account_store.get_account(people.classmate)
        _, sam_player = live.join_student(sam, created.pin, LIVE_T0)
        _, sara_player = live.join_student(sara, created.pin, LIVE_T0)
    return {"id": created.id, "pin": created.pin, "tina": tina, "sam": sam_player, "sara": sara_player}
