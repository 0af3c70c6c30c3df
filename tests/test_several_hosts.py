"""Several app servers keep no state of their own: with Redis as the rate limits' store, two
servers count one client together (with the default in-memory store, each counts alone)."""

from __future__ import annotations

import os
import uuid

import requests

from quizapp import account_store
from quizapp.core.accounts import Role

from .live_servers import Gunicorn, server_env

REDIS = os.environ.get("QUIZAPP_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def logins(app, questions_dir, storage: str) -> list[int]:
    with app.app_context():
        if account_store.account_by_username("ana") is None:
            account_store.create_user("ana", "Ana", "a-long-password", Role.STUDENT)
            account_store.commit()
    env = server_env(
        app.config["SQLALCHEMY_DATABASE_URI"],
        questions_dir,
        QUIZAPP_RATELIMIT_STORAGE_URI=storage,
        QUIZAPP_RATELIMIT_KEY_PREFIX=uuid.uuid4().hex,  # a fresh count for this test
        QUIZAPP_LOGIN_LIMIT_PER_ADDRESS="3 per minute",
    )
    servers = [Gunicorn(env, workers=1).start(), Gunicorn(env, workers=1).start()]
    try:
        return [
            requests.post(
                f"{servers[n % 2].url}/api/v1/auth/token",
                json={"username": "ana", "password": "a-long-password"},
                timeout=30,
            ).status_code
            for n in range(4)
        ]
    finally:
        for server in servers:
            server.stop()


def test_two_servers_share_one_count_in_redis(app, questions_dir):
    assert logins(app, questions_dir, REDIS) == [200, 200, 200, 429]


def test_in_memory_each_server_counts_alone(app, questions_dir):
    assert logins(app, questions_dir, "memory://") == [200, 200, 200, 200]
