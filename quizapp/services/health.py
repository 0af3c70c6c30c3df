"""What /healthz reports of the database: whether it answers and has the newest schema."""

from __future__ import annotations

from typing import Any

from quizapp.db import database


def database_check() -> dict[str, Any]:
    """The database's part of a health check; "ok" only when it answers and its schema is up to
    date (an app server on an old schema would fail on the first query that needs a new column)."""
    status = database.schema_status()
    if status is None:
        return {"ok": False, "reachable": False}
    current, head = status
    return {"ok": current == head, "reachable": True, "schema_up_to_date": current == head}
