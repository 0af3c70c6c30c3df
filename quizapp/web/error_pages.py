"""Error pages in the site's own layout, each saying what happened and where to go next."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, current_app, jsonify, make_response, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound

from quizapp.api import errors as api_errors
from quizapp.api.errors import API_PREFIX
from quizapp.services import storage
from quizapp.services.bank_library import BankNotFound

MESSAGES = {
    400: ("Something in that request was not right", "Go back, reload the page and try again."),
    403: ("This page is not for your account", "You are logged in, but this page belongs to another role."),
    404: ("Page not found", "It may have moved, or it belongs to someone else."),
    405: ("This address is not meant to be opened directly", "Go back to the page you came from."),
    413: ("That was too large", "Send a smaller file or a shorter text."),
    429: ("Too many tries", "Wait a minute, then try again."),
    500: ("Something went wrong on our side", "Your saved answers are safe. Try again in a moment."),
    503: (
        "The server is busy",
        "Nothing from this request was saved; everything saved before is safe. Try again in a moment.",
    ),
}
RETRY_AFTER_SECONDS = 5
EXPIRED = (
    "This page has expired",
    "You probably logged in again in another tab. Reload the page and try again; "
    "everything you saved before is safe.",
)


def init_app(app: Flask) -> None:
    app.register_error_handler(CSRFError, _expired)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(BankNotFound, _bank_not_found)
    for unavailable in storage.UNAVAILABLE:
        app.register_error_handler(unavailable, _database_unavailable)


def _database_unavailable(error: Exception) -> Any:
    """The database is locked too long, out of space, or unreachable: 503, nothing half-saved.

    The session's transaction is rolled back, so no part of the request is stored, and no
    answer is acknowledged that was not; the next request starts afresh.
    """
    storage.abandon_transaction()
    current_app.logger.warning("database unavailable: %s", storage.unavailable_reason(error))
    if request.path.startswith(API_PREFIX):
        response = api_errors.error_response(
            503, "unavailable", "The database is busy: nothing was saved. Try again in a moment."
        )
    else:
        response = _render(503, *MESSAGES[503])
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _bank_not_found(error: BankNotFound) -> Any:
    """The bank lookup found no bank with that id: the page 404, or the API's quiz_not_found.

    Views look a bank up with ``bank_library.bank`` and need not check; this is the one place
    the site turns an unknown bank into "not found".
    """
    if request.path.startswith(API_PREFIX):
        return api_errors.quiz_not_found(error)
    return _http_error(NotFound())


def _wants_json() -> bool:
    return request.headers.get("X-Autosave") == "1"


def _render(status: int, title: str, detail: str) -> Response:
    if _wants_json():
        response = jsonify(saved=False, error=title, expired=title == EXPIRED[0])
    else:
        response = make_response(render_template("error.html", status=status, title=title, detail=detail))
    response.status_code = status
    return response


def _expired(error: CSRFError) -> Any:
    return _render(400, *EXPIRED)


def _http_error(error: HTTPException) -> Any:
    if request.path.startswith(API_PREFIX):
        return api_errors.handle_http_exception(error)
    status = error.code or 500
    if status < 400:
        return error
    title, detail = MESSAGES.get(status, (error.name, error.description or ""))
    if status == 413:
        megabytes = int(current_app.config["MAX_CONTENT_LENGTH"]) / (1024 * 1024)
        detail = f"A file or text may be {megabytes:g} MB at most: {detail[0].lower()}{detail[1:]}"
    if error.description and error.description != type(error).description:
        detail = error.description  # the view's own explanation: abort(400, description=...)
    response = _render(status, title, detail)
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response
