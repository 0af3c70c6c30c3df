"""Times on pages and in forms, in the reader's time zone: their own (account page), else the
school's (``QUIZAPP_TIMEZONE``). Every template shows a time through the ``local_time`` filter
and every form reads a typed time through ``typed_time``; the rules are ``core.local_time``."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask import Flask, current_app
from flask_login import current_user

from quizapp.core.local_time import TYPED_EXAMPLE, editable, read_typed, shown, time_zone
from quizapp.services import clock


def school_zone() -> ZoneInfo:
    return time_zone(str(current_app.config["TIMEZONE"]))


def reader_zone() -> ZoneInfo:
    """The signed-in person's zone, else the school's."""
    return zone_of(getattr(current_user, "account", None))


def zone_of(account: Any) -> ZoneInfo:
    """An account's own zone, else the school's (the API asks it for the token's account):
    whose days "today", a streak and the daily limit of new cards count."""
    chosen = getattr(account, "time_zone", None)
    if chosen:
        try:
            return time_zone(chosen)
        except ValueError:  # a zone the system no longer knows: the school's will do
            pass
    return school_zone()


def local_time(moment: datetime | None) -> str:
    """``moment`` as the reader reads it: "2026-12-01 23:59 CET"; a dash for none."""
    return shown(moment, reader_zone()) if moment is not None else "–"


def typed_time(text: str) -> datetime:
    """A time the reader typed, in their zone, as UTC; ValueError saying what to fix."""
    return read_typed(text, reader_zone())


def form_value(moment: datetime | None) -> str:
    """``moment`` as a form field shows it for editing, in the reader's zone ("2026-12-01 23:59")."""
    return editable(moment, reader_zone()) if moment is not None else ""


def now_shown() -> str:
    """The time now as the reader reads it (the account page shows it beside their zone)."""
    return local_time(clock.now())


def init_app(app: Flask) -> None:
    app.add_template_filter(local_time, "local_time")
    app.add_template_filter(form_value, "form_time")
    app.add_template_global(now_shown, "now_shown")
    app.jinja_env.globals["typed_time_example"] = TYPED_EXAMPLE
