"""API fixtures: a client that logs in for a token and sends it with every call."""

from __future__ import annotations

import pytest

from tests.helpers.api import ApiClient, token_for


@pytest.fixture
def as_user(app, people):
    """``as_user("sam")``: an API client logged in as that user (each with its own test client)."""

    def make(username: str) -> ApiClient:
        client = app.test_client()
        return ApiClient(client, token_for(client, username))

    return make
