"""One log line per request with its time, as text or JSON."""

from __future__ import annotations

import json


def test_each_request_is_one_line_with_status_and_time(client, lines):
    client.get("/login?next=/secret-typed-thing")
    client.get("/no-such-page")
    assert len(lines) == 2
    first = lines[0].split()
    assert first[1:4] == ["GET", "/login", "200"] and first[4].endswith("ms")
    assert "secret-typed-thing" not in lines[0]  # no query strings
    assert lines[1].split()[1:4] == ["GET", "/no-such-page", "404"]


def test_json_lines_for_log_collectors(app, people, lines):
    app.config["LOG_FORMAT"] = "json"
    client = app.test_client()
    token = client.post("/api/v1/auth/token", json={"username": "sam", "password": "correct-horse-battery"})
    client.get("/api/v1/quizzes", headers={"Authorization": f"Bearer {token.get_json()['token']}"})
    records = [json.loads(line) for line in lines]
    assert [(r["method"], r["path"], r["status"]) for r in records] == [
        ("POST", "/api/v1/auth/token", 200),
        ("GET", "/api/v1/quizzes", 200),
    ]
    assert records[1]["user"] == people.student and records[0]["user"] is None
    assert all(isinstance(r["ms"], float) and r["ms"] >= 0 for r in records)
