"""Limits on logging in, shared by the website's form and the API's token endpoint.

Every attempt counts per address; failed ones count per account too, from any address, so a
password cannot be guessed from many machines (OWASP ASVS: at most 100 failures per account
an hour). Successful logins never lock anyone out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import Response, current_app, request
from flask_limiter.util import get_remote_address

from .core.accounts import normalize_username
from .extensions import limiter

F = TypeVar("F", bound=Callable[..., Any])
FAILED = frozenset({401, 422})  # the API's wrong credentials; the form shown again with an error


def _username() -> str | None:
    if request.is_json:
        try:
            body = request.get_json(silent=True)
        except (RecursionError, ValueError):  # the view says 400 for it
            body = None
        value = body.get("username") if isinstance(body, dict) else None
    else:
        value = request.form.get("username")
    return value if isinstance(value, str) and value.strip() else None


def _account_key() -> str:
    username = _username()
    return (
        "login:" + normalize_username(username)[:100] if username else "login-address:" + get_remote_address()
    )


def _failed(response: Response) -> bool:
    return response.status_code in FAILED


def limit_logins(view: F) -> F:
    """Apply both limits to a view that logs people in (POST only for the form's page)."""
    per_address = limiter.shared_limit(
        lambda: current_app.config["LOGIN_LIMIT_PER_ADDRESS"],
        scope="logins-per-address",
        key_func=get_remote_address,
        exempt_when=lambda: request.method != "POST",
    )
    per_account = limiter.shared_limit(
        lambda: current_app.config["LOGIN_FAILURE_LIMIT_PER_ACCOUNT"],
        scope="login-failures-per-account",
        key_func=_account_key,
        deduct_when=_failed,
        exempt_when=lambda: request.method != "POST",
    )
    return per_account(per_address(view))  # type: ignore[return-value]
