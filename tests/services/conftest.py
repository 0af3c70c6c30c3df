"""Fixtures of the services tests."""

from __future__ import annotations

import pytest

from quizapp.core.bank_loader import load_bank_file
from quizapp.services.bank_library import library
from quizapp.services.question_source import current_bank
from tests.helpers.api import ApiClient, token_for
from tests.helpers.banks import PROBE_BANK, QUESTIONS, assign_every_bank, probe_bank
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
