"""One log line per request, with its time: plain text, or JSON for log collectors.

Set ``REQUEST_LOG = False`` to turn it off and ``LOG_FORMAT = "json"`` for one JSON object a
line. Paths are logged without their query strings (they may hold what people typed).
"""

from __future__ import annotations

import json
import logging
import sys
import time

from flask import Flask, Response, current_app, g, request

logger = logging.getLogger("quizapp.requests")


def init_app(app: Flask) -> None:
    if not app.config["REQUEST_LOG"]:
        return
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    app.before_request_funcs.setdefault(None, []).insert(0, _start_clock)  # before CSRF and the rest
    app.after_request(_log_request)


def _start_clock() -> None:
    g.request_started = time.perf_counter()


def _log_request(response: Response) -> Response:
    started = g.get("request_started")
    elapsed_ms = round((time.perf_counter() - started) * 1000, 1) if started is not None else None
    user = g.get("api_account")
    user_id = user.id if user is not None else _session_user_id()
    record = {
        "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "method": request.method,
        "path": request.path,
        "status": response.status_code,
        "ms": elapsed_ms,
        "user": user_id,
        "address": request.remote_addr,
    }
    if current_app.config["LOG_FORMAT"] == "json":
        logger.info(json.dumps(record))
    else:
        logger.info(
            "%s %s %s %s %sms user=%s %s",
            record["time"],
            record["method"],
            record["path"],
            record["status"],
            elapsed_ms,
            user_id,
            record["address"],
        )
    return response


def _session_user_id() -> int | None:
    """The logged-in user, if Flask-Login already loaded one (logging never loads it itself)."""
    loaded = g.get("_login_user")
    return loaded.id if loaded is not None and loaded.is_authenticated else None
