"""Times on pages and in forms, in the reader's time zone: their own (account page, or their
browser's, taken at a login), else the school's (``QUIZAPP_TIMEZONE``). Every template shows a
time through the ``local_time`` filter and every form reads a typed time through
``typed_time``; the rules are ``core.local_time``."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from flask import Flask
from flask_login import current_user

from quizapp.core.local_time import TYPED_EXAMPLE, editable, read_typed, shown
from quizapp.services import accounts, clock


def school_zone() -> ZoneInfo:
    return accounts.zone_of(None)


def reader_zone() -> ZoneInfo:
    """The signed-in person's zone, else the school's (the rule: ``accounts.zone_of``)."""
    return accounts.zone_of(getattr(current_user, "account", None))


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
