"""GET /healthz: ok, degraded by a broken question file, failing without its database or schema."""

from __future__ import annotations

from sqlalchemy import text

from quizapp import create_app
from quizapp.db.base import db
from quizapp.db.database import begin_write


def test_healthy(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {
        "status": "ok",
        "checks": {
            "database": {"ok": True, "reachable": True, "schema_up_to_date": True},
            "banks": {"ok": True, "loaded": 1, "problems": 0},
            "rate_limits": {"ok": True, "store": "database", "shared": True, "shared_store_reachable": True},
        },
    }
    assert response.headers["Cache-Control"] == "no-store"


def test_it_says_when_limits_are_counted_by_this_process_alone(app):
    from tests.helpers.web import app_with

    body = app_with(app, RATELIMIT_STORAGE_URI="memory://").test_client().get("/healthz").get_json()
    assert body["checks"]["rate_limits"] == {
        "ok": True,
        "store": "memory",
        "shared": False,
        "shared_store_reachable": True,
    }


def test_a_broken_question_file_degrades_but_serves(client, questions_dir):
    (questions_dir / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "degraded" and body["checks"]["banks"] == {
        "ok": True,
        "loaded": 1,
        "problems": 1,
    }


def test_an_outdated_schema_fails(app, client):
    with app.app_context():
        begin_write()
        db.session.execute(text("DELETE FROM alembic_version"))
        db.session.commit()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["checks"]["database"] == {
        "ok": False,
        "reachable": True,
        "schema_up_to_date": False,
    }


def test_an_unreachable_database_fails_and_says_nothing_secret(tmp_path, questions_dir):
    url = f"sqlite:///{tmp_path / 'missing' / 'folder' / 'db.sqlite'}"
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "a-secret-value",
            "SQLALCHEMY_DATABASE_URI": url,
            "QUESTIONS_DIR": str(questions_dir),
            "UPGRADE_SCHEMA_ON_START": False,
        }
    )
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    body = response.get_data(as_text=True)
    assert '"reachable":false' in body.replace(" ", "")
    assert "missing" not in body and "a-secret-value" not in body and "sqlite" not in body


def test_with_the_rate_limit_store_down_logins_work_and_health_says_degraded(app, people):
    config = {key: app.config[key] for key in ("SECRET_KEY", "QUESTIONS_DIR", "SQLALCHEMY_DATABASE_URI")}
    down = create_app(
        config
        | {
            "TESTING": True,
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
            "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:1/0",
        }
    )
    client = down.test_client()
    token = client.post("/api/v1/auth/token", json={"username": "sam", "password": "correct-horse-battery"})
    assert token.status_code == 200  # counted in memory meanwhile
    health = client.get("/healthz")
    assert health.status_code == 200
    body = health.get_json()
    assert body["status"] == "degraded" and body["checks"]["rate_limits"]["shared_store_reachable"] is False
