"""The JSON API, version 1 (``/api/v1``): the website's services for apps, scripts and LMSs.

flask-smorest builds the OpenAPI 3.1 document from the marshmallow schemas kept beside each
route, so the description cannot drift from the code; ``docs/api.md`` and the in-app
reference page (``/api/v1/docs``) explain it for people.
"""

from __future__ import annotations

from flask import Flask

BEARER = {"type": "http", "scheme": "bearer", "description": "A token from POST /api/v1/auth/token"}


def init_app(app: Flask) -> None:
    from .. import DatabaseId
    from ..extensions import api, csrf, limiter
    from ..models import MAX_ROW_ID
    from . import (
        attempt_routes,
        docs_pages,
        export_routes,
        flashcard_routes,
        progress_routes,
        quiz_routes,
        token_routes,
    )
    from .errors import ApiError, handle_api_error

    api.init_app(app, spec_kwargs={"security": [{"bearerAuth": []}]})
    api.register_converter(DatabaseId, lambda _: {"type": "integer", "minimum": 0, "maximum": MAX_ROW_ID})
    api.spec.components.security_scheme("bearerAuth", BEARER)
    for module in (
        token_routes,
        quiz_routes,
        attempt_routes,
        progress_routes,
        flashcard_routes,
        export_routes,
    ):
        csrf.exempt(module.blueprint)  # token-authenticated: no cookie, so no cross-site forgery
        api.register_blueprint(module.blueprint)
    app.register_error_handler(ApiError, handle_api_error)
    limiter.init_app(app)
    app.register_blueprint(docs_pages.blueprint)
