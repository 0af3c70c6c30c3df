"""Fixtures of the web tests."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest

from quizapp import create_app
from quizapp.core import learn
from quizapp.core.accounts import Role
from quizapp.core.assignments import Accommodation
from quizapp.core.attempts import AttemptMode
from quizapp.core.question_types import question_types, register, unregister
from quizapp.db import account_store, assignment_store, live_store, study_store
from quizapp.db.base import db
from quizapp.services import assignments, attempts, clock
from quizapp.services.bank_library import library
from quizapp.services.question_source import current_bank
from quizapp.web.editor.question_forms import register_form, unregister_form
from quizapp.web.request_log import logger
from tests.helpers.live import LIVE_BANK, LIVE_CHOICE, LIVE_SHORT, post_form
from tests.helpers.web import PASSWORD, login
from tests.web.yes_no_maybe import YesNoMaybe
from tests.web.yes_no_maybe_form import YesNoMaybeForm


@pytest.fixture
def no_csrf(app):
    """The app without CSRF checks, for posting forms straight to a view."""
    app.config["WTF_CSRF_ENABLED"] = False
    return app


@pytest.fixture
def student(client, people):
    """The test client, logged in as Sam (a student)."""
    login(client, "sam")
    return client


@pytest.fixture
def teacher(client, people):
    """The test client, logged in as Tina (a teacher)."""
    login(client, "tina")
    return client


@pytest.fixture
def impatient(app, people):
    """The same database, with writes that give up on a lock after 300 ms."""
    config = {key: app.config[key] for key in ("SECRET_KEY", "QUESTIONS_DIR", "SQLALCHEMY_DATABASE_URI")}
    quick = create_app(
        config
        | {"TESTING": True, "DATABASE_LOCK_TIMEOUT_MS": 300, "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000"}
    )
    yield quick
    with quick.app_context():
        db.engine.dispose()


@pytest.fixture
def toy_type():
    """The ninth type, registered for the test only."""
    kind = register(YesNoMaybe())
    yield kind
    unregister(kind.name)
    assert kind.name not in {registered.name for registered in question_types()}


@pytest.fixture
def toy_form(toy_type):
    """The ninth type's question form, registered for the test only."""
    register_form(toy_type.name, YesNoMaybeForm)
    yield YesNoMaybeForm
    unregister_form(toy_type.name)


@pytest.fixture
def setting(app, people):
    """An open test and a submitted practice of the student, the assignment of the bank to their
    class, and URL values for every rule.

    The bank is assigned to the student's class only (Oleg, in Civics 10A, is "a student of
    another class"), and Ella, in the student's class, has her own opening time a month away
    ("a student before the window opens")."""
    with app.app_context():
        library().reload()
        library().sync_to_database()
        for row in assignment_store.assignments_of_classes([people.other_class_id]):
            assignment_store.delete_assignment(row.id, datetime.now(UTC))
        ella = account_store.create_user("ella", "Ella Early", PASSWORD, Role.STUDENT)
        account_store.enroll(people.class_id, ella.id)
        account_store.commit()
        [assigned] = assignment_store.assignments_of_classes([people.class_id], "kosovo-peacekeepers")
        later = Accommodation(opens_at=clock.now() + timedelta(days=30))
        assignment_store.set_accommodation(assigned.id, ella.id, later)
        bank = current_bank("kosovo-peacekeepers")
        practice = attempts.start(people.student, bank, AttemptMode.PRACTICE, clock.now(), seed=3).attempt
        attempts.submit(practice.id, clock.now())
        test = attempts.start(people.student, bank, AttemptMode.TEST, clock.now(), seed=4).attempt
        learn_id = study_store.start_learn_session(
            people.student,
            bank.slug,
            [(q.id, q.content_hash) for q in bank.questions[:3]],
            seed=5,
            session=learn.start([q.id for q in bank.questions[:3]]),
            now=clock.now(),
        )
    return {
        "open": test.id,
        "open_question": test.question_ids[0],
        "submitted": practice.id,
        "learn": learn_id,
        "assignment": assigned.id,
        "people": people,
    }


@pytest.fixture
def lines():
    """The request log's messages, as the requests of the test write them."""
    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            records.append(record.getMessage())

    handler = Collect()
    logger.addHandler(handler)
    yield records
    logger.removeHandler(handler)


@pytest.fixture
def bank_title(app, people) -> str:
    with app.app_context():
        return assignments.of_classes([people.class_id])[0].bank_title


@pytest.fixture
def with_assignments(app, setting):
    """The setting, with the teacher's class's assignment of the bank and spare ones to delete, on
    the page and through the API (they open in two months, so it opens nothing early for the student before the window)."""
    from datetime import timedelta

    from quizapp.services import assignments, clock
    from quizapp.services.assignments import AssignmentTerms

    people = setting["people"]
    with app.app_context():
        [assigned] = assignments.of_classes([people.class_id])
        later = AssignmentTerms(opens_at=clock.now() + timedelta(days=60))
        spare = assignments.create(people.teacher, people.class_id, "kosovo-peacekeepers", later)
        api_spare = assignments.create(people.teacher, people.class_id, "kosovo-peacekeepers", later)
        live_session = _live_session(people)
    return setting | {
        "assignment": assigned.id,
        "spare_assignment": spare,
        "api_spare_assignment": api_spare,
        "live": live_session,
    }


def _live_session(people) -> int:
    """A live quiz the teacher hosts, in its lobby, with the student in it (written straight to
    the table: the student has a test of the bank open here, which would refuse the join)."""
    import random

    from quizapp.db import account_store, live_store
    from quizapp.services import clock, live

    host = account_store.get_account(people.teacher)
    created = live.create(host, "kosovo-peacekeepers", clock.now(), 1, random.Random(5))
    live_store.add_player(created.id, people.student, "Sam", None, clock.now())
    return created.id


@pytest.fixture
def live_quiz(app, people):
    """Tina hosts a live quiz of a short and a choice question; Sam joined."""

    def make(allow_guests: bool = False):
        host = app.test_client()
        login(host, "tina")
        data = {"pick": "chosen", "question": [LIVE_SHORT, LIVE_CHOICE], "seconds": "30"}
        if allow_guests:
            data["allow_guests"] = "1"
        created = post_form(host, f"/live/new/{LIVE_BANK}", f"/live/new/{LIVE_BANK}", **data)
        assert created.status_code == 302, created.get_data(as_text=True)
        live_id = int(created.headers["Location"].rsplit("/", 1)[1])
        with app.app_context():
            pin = live_store.read_session(live_id).pin
        sam = app.test_client()
        login(sam, "sam")
        joined = post_form(sam, "/live", pin=pin)
        assert joined.headers["Location"].endswith(f"/live/{live_id}")
        return {"id": live_id, "pin": pin, "host": host, "sam": sam}

    return make
