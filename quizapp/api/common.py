"""What every API blueprint shares: the blueprint factory, error documentation, value formats."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from flask_smorest import Blueprint

from .errors import ErrorSchema
from .token_auth import authenticate_request

ERROR_DESCRIPTIONS = {
    400: "Bad input: a body or parameter that does not match the schema, or a response of the wrong shape",
    401: "No token, or an unknown, expired or revoked one",
    403: "This account may not do this (e.g. a student at a teachers' endpoint)",
    404: "Not found, or not yours",
    409: "The state does not allow it (e.g. the attempt is submitted or past its deadline)",
    413: "The request body is too large",
    429: "Too many requests; the Retry-After header says when to try again",
}
RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}}


def api_blueprint(name: str, import_name: str, description: str) -> Blueprint:
    """A blueprint under /api/v1 whose views need a bearer token unless marked ``public``."""
    blueprint = Blueprint(name, import_name, url_prefix="/api/v1", description=description)
    blueprint.before_request(authenticate_request)
    return blueprint


def documented_errors(blueprint: Blueprint, *statuses: int) -> Callable[[Any], Any]:
    """Document the error responses a view can give, each with the common error body."""

    def decorate(view: Any) -> Any:
        for status in statuses:
            view = blueprint.alt_response(
                status,
                schema=ErrorSchema,
                description=ERROR_DESCRIPTIONS[status],
                headers=RETRY_AFTER if status == 429 else None,
            )(view)
        return view

    return decorate


def timestamp(value: datetime | None) -> str | None:
    """ISO 8601 with the UTC offset, as JSON carries times."""
    return value.isoformat() if value is not None else None
