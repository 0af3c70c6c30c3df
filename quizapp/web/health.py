"""GET /healthz: whether this app server can serve, for load balancers and monitoring.

"ok" (200): the database answers, its schema is the newest, and the banks are loaded and valid.
"degraded" (200): a question file has problems, but every bank serves (a valid version of it,
or the others); or the rate limits' shared store is down, and limits count in memory meanwhile.
``checks.rate_limits.store`` names where limits are counted ("database", "redis", or "memory":
this process alone, fine for one worker; gunicorn.conf.py refuses it with several).
"fail" (503): no database, an outdated schema, or no bank at all. Nothing in the answer is
secret: no addresses, names or versions of software.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, current_app, jsonify

from quizapp.extensions import limiter
from quizapp.services.bank_library import library
from quizapp.services.health import database_check
from quizapp.settings import limits_counted_per_process

blueprint = Blueprint("health", __name__)


def _rate_limits() -> dict[str, Any]:
    """The rate limits' store (the database, or Redis): when it is down, limits are counted in
    this process's memory meanwhile, so the server still serves, degraded."""
    try:
        reachable = bool(limiter.storage.check())
    except Exception:  # any failure of the store's client means the same: not reachable
        reachable = False
    store = urlsplit(current_app.config["RATELIMIT_STORAGE_URI"]).scheme.split("+")[0]
    shared = not limits_counted_per_process(current_app.config)
    return {"ok": True, "store": store, "shared": shared, "shared_store_reachable": reachable}


def _banks() -> dict[str, Any]:
    catalog = library().catalog
    return {"ok": bool(catalog.banks), "loaded": len(catalog.banks), "problems": len(catalog.problems)}


@blueprint.get("/healthz")
def healthz() -> Any:
    checks = {"database": database_check(), "banks": _banks(), "rate_limits": _rate_limits()}
    if not all(check["ok"] for check in checks.values()):
        status, code = "fail", 503
    elif checks["banks"]["problems"] or not checks["rate_limits"]["shared_store_reachable"]:
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    response = jsonify(status=status, checks=checks)
    response.status_code = code
    response.headers["Cache-Control"] = "no-store"
    return response
