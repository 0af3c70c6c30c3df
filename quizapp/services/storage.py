"""The database as the pages, API and CLI see it: its wiring into the app, the range of its
row ids, and what its failures look like; they never import SQLAlchemy or the db package.
"""

from __future__ import annotations

from flask import Flask

from quizapp.db import database
from quizapp.db.models import MAX_ROW_ID

__all__ = ["MAX_ROW_ID", "UNAVAILABLE", "abandon_transaction", "init_app", "unavailable_reason"]

# The exceptions that mean the database cannot serve now (locked too long, out of space,
# unreachable): the error pages answer them with 503, nothing half-saved.
UNAVAILABLE = database.UNAVAILABLE


def init_app(app: Flask) -> None:
    """Connect the app to its database (engine settings, the write-lock rule, migrations):
    the app factory's one call into the database."""
    database.init_app(app)


def abandon_transaction() -> None:
    """Roll back what the request began after a failure, so none of it is stored and the next
    statement starts afresh."""
    database.rollback()


def unavailable_reason(error: Exception) -> str:
    """One line saying why the database failed, for the log (never shown to users)."""
    return database.unavailable_reason(error)
