"""The JSON API, version 1 (``/api/v1``): the website's services for apps, scripts and LMSs.

flask-smorest builds the OpenAPI 3.1 document from the marshmallow schemas kept beside each
route, so the description cannot drift from the code; ``docs/api.md`` and the in-app
reference page (``/api/v1/docs``) explain it for people.
"""

from __future__ import annotations

from flask import Flask
from flask_smorest import Api

from quizapp import DatabaseId
from quizapp.api.errors import ErrorSchema

BEARER = {"type": "http", "scheme": "bearer", "description": "A token from POST /api/v1/auth/token"}


class JsonApi(Api):
    """flask-smorest's Api with the API's error body in its OpenAPI document. One per app (its
    spec is the app's own).

    flask-smorest also registers a JSON handler for every ``HTTPException`` on the whole app (no
    setting turns it off: flask-smorest issue #640). ``create_app`` registers the site's error
    pages after the API, so theirs replaces it: HTML for pages, the API's shape under ``/api/``
    (web/error_pages.py, errors.py)."""

    ERROR_SCHEMA = ErrorSchema


def _id_parameter(converter: DatabaseId) -> dict:
    """An id in a URL, as the OpenAPI document describes it: the converter's own range."""
    return {"type": "integer", "minimum": 0, "maximum": converter.max}


def spec_of(app: Flask) -> dict:
    """The app's OpenAPI document."""
    return app.extensions["quizapp-api"].spec.to_dict()


def init_app(app: Flask) -> None:
    from quizapp.api import (
        assignment_routes,
        attempt_routes,
        docs_pages,
        export_routes,
        flashcard_routes,
        progress_routes,
        quiz_routes,
        token_routes,
    )
    from quizapp.api.common import one_of_properties
    from quizapp.api.errors import ApiError, handle_api_error
    from quizapp.extensions import csrf, limiter

    api = JsonApi(app, spec_kwargs={"security": [{"bearerAuth": []}]})
    app.extensions["quizapp-api"] = api
    api.register_converter(DatabaseId, _id_parameter)
    api.ma_plugin.converter.add_attribute_function(one_of_properties)
    api.spec.components.security_scheme("bearerAuth", BEARER)
    for module in (
        token_routes,
        quiz_routes,
        attempt_routes,
        progress_routes,
        flashcard_routes,
        export_routes,
        assignment_routes,
    ):
        csrf.exempt(module.blueprint)  # token-authenticated: no cookie, so no cross-site forgery
        api.register_blueprint(module.blueprint)
    app.register_error_handler(ApiError, handle_api_error)
    limiter.init_app(app)
    _check_limits_in_views_only(app)
    app.register_blueprint(docs_pages.blueprint)


APP_WIDE_LIMITS = ("RATELIMIT_DEFAULT", "RATELIMIT_APPLICATION", "RATELIMIT_META")


def _check_limits_in_views_only(app: Flask) -> None:
    """Every limit here is declared on its view (logins, answers) and checked by its decorator.
    Flask-Limiter also makes a pass before every request for app-wide limits; with none set it
    finds nothing, at a twentieth of a question page's time, so it is left out. A deployment
    that sets RATELIMIT_DEFAULT (or _APPLICATION, _META) keeps it. (The Limiter in
    extensions.py is made without limits, so the configuration is where they would come from.)

    Flask-Limiter has no public way to leave that pass out, so this names its private
    ``_check_request_limit``: pyproject.toml pins Flask-Limiter's version, and
    tests/api/test_library_internals.py fails if the name or its registration changes."""
    from quizapp.extensions import limiter

    if not any(app.config.get(name) for name in APP_WIDE_LIMITS):
        app.before_request_funcs[None].remove(limiter._check_request_limit)
