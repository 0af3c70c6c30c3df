"""Security headers on every response and the write-transaction rule for unsafe methods."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, Response, current_app, request
from werkzeug.middleware.proxy_fix import ProxyFix

from .database import begin_write

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


HSTS = "max-age=31536000; includeSubDomains"


def init_app(app: Flask) -> None:
    hops = int(app.config["PROXY_HOPS"])
    if hops:  # the client's address and scheme, as the proxies saw them (rate limits, HTTPS)
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]
    app.before_request(_writes_begin_immediate)
    app.after_request(_security_headers)


def _writes_begin_immediate() -> None:
    """A request that may write holds the write lock from its first query (see database.py),
    unless its view takes the lock itself just before it writes (``takes_write_lock_late``)."""
    if request.method not in SAFE_METHODS:
        view = current_app.view_functions.get(request.endpoint or "")
        if not getattr(view, LATE_WRITE_LOCK, False):
            begin_write()


LATE_WRITE_LOCK = "takes_write_lock_late"
F = TypeVar("F", bound=Callable[..., Any])


def takes_write_lock_late(view: F) -> F:
    """Mark a view whose every write calls ``begin_write`` first (saving an answer): the request
    does not hold the write lock while it reads and checks, so answers saved at the same moment
    wait only for each other's one write, not for each other's whole request. Put it next to
    ``def``, under the other decorators (they copy the mark).
    """
    setattr(view, LATE_WRITE_LOCK, True)
    return view


def _security_headers(response: Response) -> Response:
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    if current_app.config["HTTPS"]:
        headers.setdefault("Strict-Transport-Security", HSTS)
    return response
