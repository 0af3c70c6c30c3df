"""Several app servers and workers keep no state of their own: with the database (the default)
or Redis as the rate limits' store, they count one client together; with memory://, which is
only for one process, each counts alone, and gunicorn refuses to start several workers so."""

from __future__ import annotations

import os
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from quizapp.core.accounts import Role
from quizapp.db import account_store
from tests.helpers.live_servers import Gunicorn, server_env

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


def test_two_servers_share_one_count_in_the_database_by_default(app, questions_dir):
    assert logins(app, questions_dir, "database://") == [200, 200, 200, 429]


def test_login_limits_hold_across_four_workers_with_the_default_store(app, questions_dir):
    """60 wrong passwords for one account (each from another address, through a proxy) and 120
    logins from one address, 8 at a time, over 4 workers: exactly the limits get through."""
    with app.app_context():
        for username in ("ana", "bo"):
            account_store.create_user(username, username, "a-long-password", Role.STUDENT)
        account_store.commit()
    env = server_env(
        app.config["SQLALCHEMY_DATABASE_URI"],
        questions_dir,
        QUIZAPP_PROXY_HOPS="1",
        QUIZAPP_LOGIN_LIMIT_PER_ADDRESS="30 per minute",
        QUIZAPP_LOGIN_FAILURE_LIMIT_PER_ACCOUNT="10 per minute; 100 per hour",
    )
    server = Gunicorn(env, workers=4).start()

    def login(username: str, password: str, address: str) -> int:
        return requests.post(
            f"{server.url}/api/v1/auth/token",
            json={"username": username, "password": password},
            headers={"X-Forwarded-For": address},
            timeout=30,
        ).status_code

    try:
        with ThreadPoolExecutor(8) as pool:
            guesses = list(
                pool.map(lambda n: login("ana", f"guess-{n}", f"10.9.{n // 200}.{n % 200}"), range(60))
            )
            one_address = list(pool.map(lambda n: login("bo", "a-long-password", "198.51.100.1"), range(120)))
    finally:
        server.stop()
    assert (guesses.count(401), guesses.count(429)) == (10, 50)
    assert (one_address.count(200), one_address.count(429)) == (30, 90)


def test_gunicorn_refuses_several_workers_that_would_each_count_limits_in_memory(app, questions_dir):
    env = server_env(
        app.config["SQLALCHEMY_DATABASE_URI"], questions_dir, QUIZAPP_RATELIMIT_STORAGE_URI="memory://"
    )
    with pytest.raises(AssertionError, match="memory:// with 4 workers"):
        Gunicorn(env, workers=4).start()
