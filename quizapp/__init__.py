"""quizapp: quizzes and flashcards from real reading material."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask
from werkzeug.routing import IntegerConverter

from .settings import PROJECT_ROOT


class DatabaseId(IntegerConverter):
    """Ids in URLs fit a database integer; a longer number is \"not found\", not an error."""

    def __init__(self, map, **kwargs):
        from .models import MAX_ROW_ID

        kwargs.setdefault("max", MAX_ROW_ID)
        super().__init__(map, **kwargs)


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: configuration, database, banks, web pages and commands."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
    )
    from . import (
        api,
        auth,
        auth_pages,
        bank_library,
        bank_transfer_pages,
        cli,
        database,
        editor_pages,
        error_pages,
        health,
        input_checks,
        login_limits,
        pages,
        progress_pages,
        quiz_pages,
        request_log,
        settings,
        study_pages,
        teacher_pages,
        templating,
        web_security,
    )
    from .extensions import csrf

    settings.configure(app, test_config)
    app.url_map.converters["int"] = DatabaseId
    database.init_app(app)
    csrf.init_app(app)
    input_checks.init_app(app)  # after the CSRF check: a forged request is refused as such
    auth.init_app(app)
    login_limits.init_app(app)
    bank_library.init_app(app)
    web_security.init_app(app)
    request_log.init_app(app)
    templating.init_app(app)
    error_pages.init_app(app)
    for module in (
        pages,
        auth_pages,
        quiz_pages,
        teacher_pages,
        study_pages,
        progress_pages,
        editor_pages,
        bank_transfer_pages,
        health,
    ):
        app.register_blueprint(module.blueprint)
    api.init_app(app)
    cli.init_app(app)
    return app
