"""Bearer-token authentication for the API, checked before every view that is not ``public``.

API calls carry no cookie session, so CSRF does not apply to them; a token in a header is
something another site's page cannot make a browser send.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import current_app, g, request

from quizapp.api.errors import ApiError
from quizapp.services import clock, tokens
from quizapp.services.accounts import Account

F = TypeVar("F", bound=Callable[..., Any])


def public(view: F) -> F:
    """Mark a view as open without a token (token creation, the API's own description)."""
    view.api_public = True  # type: ignore[attr-defined]
    return view


def bearer_token() -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


def authenticate_request() -> None:
    """Limit the body size, then find the token's account (401 without one)."""
    request.max_content_length = current_app.config["API_MAX_BODY_BYTES"]
    if request.method in ("POST", "PUT", "PATCH") and _has_body() and not request.is_json:
        raise ApiError(
            415, "unsupported_media_type", "Send the body as JSON, with Content-Type: application/json."
        )
    view = current_app.view_functions.get(request.endpoint or "")
    if view is None or getattr(view, "api_public", False) or request.method == "OPTIONS":
        return
    token = bearer_token()
    if token is None:
        raise ApiError(
            401, "unauthorized", "Send Authorization: Bearer <token>; POST /api/v1/auth/token gives one."
        )
    account = tokens.account_for_token(token, clock.now())
    if account is None:
        raise ApiError(401, "invalid_token", "The token is unknown, expired or revoked: ask for a new one.")
    g.api_account = account


def _has_body() -> bool:
    return bool(request.content_length) or "chunked" in request.headers.get("Transfer-Encoding", "").lower()


def current_account() -> Account:
    return g.api_account


def require_teacher() -> Account:
    account = current_account()
    if not account.is_teacher:
        raise ApiError(403, "teachers_only", "Only teachers may do this.")
    return account
