"""quizapp: quizzes and flashcards from real reading material."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask
from werkzeug.routing import IntegerConverter

from quizapp.settings import beside_package


class DatabaseId(IntegerConverter):
    """Ids in URLs fit a database integer; a longer number is \"not found\", not an error."""

    def __init__(self, map, **kwargs):
        from quizapp.services.storage import MAX_ROW_ID

        kwargs.setdefault("max", MAX_ROW_ID)
        super().__init__(map, **kwargs)


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: configuration, database, banks, web pages and commands."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(beside_package("templates")),
    )
    from quizapp import api, cli, settings
    from quizapp.extensions import csrf
    from quizapp.services import bank_library, live_signals, storage
    from quizapp.web import (
        error_pages,
        health,
        input_checks,
        local_times,
        login_limits,
        request_log,
        templating,
    )
    from quizapp.web import (
        home as pages,
    )
    from quizapp.web import (
        security as web_security,
    )
    from quizapp.web.auth import login as auth
    from quizapp.web.auth import pages as auth_pages
    from quizapp.web.editor import pages as editor_pages
    from quizapp.web.editor import question_pages, review_pages
    from quizapp.web.editor import transfer as bank_transfer_pages
    from quizapp.web.live import pages as live_pages
    from quizapp.web.progress import pages as progress_pages
    from quizapp.web.quiz import pages as quiz_pages
    from quizapp.web.study import pages as study_pages
    from quizapp.web.teacher import assignment_results
    from quizapp.web.teacher import assignments as assignment_pages
    from quizapp.web.teacher import pages as teacher_pages

    settings.configure(app, test_config)
    app.url_map.converters["int"] = DatabaseId
    storage.init_app(app)
    csrf.init_app(app)
    input_checks.init_app(app)  # after the CSRF check: a forged request is refused as such
    auth.init_app(app)
    login_limits.init_app(app)
    bank_library.init_app(app)
    live_signals.init_app(app)
    web_security.init_app(app)
    request_log.init_app(app)
    templating.init_app(app)
    local_times.init_app(app)
    for module in (
        pages,
        auth_pages,
        quiz_pages,
        teacher_pages,
        assignment_pages,
        assignment_results,
        study_pages,
        progress_pages,
        editor_pages,
        question_pages,
        review_pages,
        bank_transfer_pages,
        live_pages,
        health,
    ):
        app.register_blueprint(module.blueprint)
    api.init_app(app)
    # after the API: flask-smorest handles every HTTPException app-wide; the site's handler,
    # registered last, replaces it (HTML pages, the API's error shape under /api/)
    error_pages.init_app(app)
    cli.init_app(app)
    return app
