"""API errors: one JSON shape, ``{"error": {"code", "message", "details"}}``, for every failure.

Views raise ``ApiError``; Flask's own HTTP errors under ``/api/`` (an unknown address, a wrong
method, a body too large, a rate limit, a request the schema refused) get the same shape.
"""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify
from marshmallow import Schema, fields
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from quizapp.services.bank_library import BankNotFound

API_PREFIX = "/api/"

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "bad_request",
    429: "too_many_requests",
    500: "server_error",
}
MESSAGES = {
    400: "The request is not valid.",
    401: "Send a valid token: Authorization: Bearer <token> (POST /api/v1/auth/token gives one).",
    403: "Your account may not do this.",
    404: "Not found, or not yours.",
    405: "This address does not take that method.",
    409: "The resource's state does not allow this.",
    413: "The request body is too large.",
    415: "Send the body as JSON, with Content-Type: application/json.",
    429: "Too many requests: wait and try again (see Retry-After).",
    500: "Something went wrong on our side; nothing you sent was half-saved.",
}


class ApiError(Exception):
    """A failure a client can act on, with a stable machine-readable ``code``."""

    def __init__(self, status: int, code: str, message: str, details: Any = None):
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details


class ErrorBodySchema(Schema):
    code = fields.String(required=True, metadata={"description": "Stable machine-readable code"})
    message = fields.String(required=True, metadata={"description": "What went wrong, for people"})
    details = fields.Raw(
        allow_none=True, metadata={"description": "More about it, e.g. which fields were not valid"}
    )


class ErrorSchema(Schema):
    error = fields.Nested(ErrorBodySchema, required=True)


def error_response(status: int, code: str, message: str, details: Any = None) -> Response:
    response = jsonify(error={"code": code, "message": message, "details": details})
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="quizapp"'
    return response


def handle_api_error(error: ApiError) -> Response:
    return error_response(error.status, error.code, error.message, error.details)


def quiz_not_found(error: BankNotFound) -> Response:
    """An unknown quiz id in any route: the API's one answer to the bank lookup's failure."""
    return error_response(404, "quiz_not_found", f"There is no quiz {error.bank_slug[:80]!r}.")


def handle_http_exception(error: HTTPException) -> Response:
    """Flask's HTTP errors in the API's shape (also used for 500s from unexpected exceptions)."""
    status = error.code or 500
    data = getattr(error, "data", None) or {}
    details = data.get("messages")  # what webargs found wrong with the request
    if details is not None:
        message = "The request does not match the API's schema: see details."
        details = _without_location_noise(details)
    else:
        message = MESSAGES.get(status) or error.description or error.name
        if status == 429 and error.description:
            message = f"Too many requests ({error.description}): wait and try again (see Retry-After)."
    response = error_response(status, CODES.get(status, "error"), message, details)
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        response.headers["Allow"] = ", ".join(error.valid_methods)
    for name, value in (data.get("headers") or {}).items():
        response.headers[name] = value
    return response


def _without_location_noise(messages: Any) -> Any:
    """webargs nests errors by location ("json", "query"); one location is enough to say."""
    if isinstance(messages, dict) and len(messages) == 1:
        [(location, inner)] = messages.items()
        return {"location": location, "fields": inner}
    return messages
