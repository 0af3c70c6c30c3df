"""Configuration: defaults, then ``instance/config.py``, then ``QUIZAPP_*`` environment variables.

Anything left unset that must exist (database, secret key, questions folder) is derived from
the instance folder, so a fresh checkout runs with no set-up.
"""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Config, Flask

from quizapp.core.local_time import time_zone

PACKAGE = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE.parent
SECRET_KEY_FILE = "secret_key"


def beside_package(name: str) -> Path:
    """``templates`` or ``questions``: the checkout's own folder at the top of the repository, or,
    in an installed wheel, the copy it carries inside the package (``quizapp/_templates``: setup.py)."""
    if (PROJECT_ROOT / "pyproject.toml").is_file() and (PROJECT_ROOT / name).is_dir():
        return PROJECT_ROOT / name
    return PACKAGE / f"_{name}"


class Defaults:
    SECRET_KEY: str | None = None
    SQLALCHEMY_DATABASE_URI: str | None = None  # default: SQLite file in the instance folder
    QUESTIONS_DIR: str | None = None  # default: the checkout's questions/ (an installed wheel: its sample)
    DATABASE_LOCK_TIMEOUT_MS = 10_000  # then 503 with Retry-After, nothing saved
    SQLITE_SYNCHRONOUS = "FULL"  # an acknowledged answer survives a power cut, not only a crash
    BANK_RESCAN_SECONDS = 1.0  # how often a request may look for changed question files
    # Migrate the schema when the app starts: "sqlite" (the embedded default: no set-up step),
    # True (any engine), or False (PostgreSQL deploys run `flask --app quizapp db upgrade`)
    UPGRADE_SCHEMA_ON_START: bool | str = "sqlite"
    TIMEZONE = "UTC"  # the school's IANA zone: times are shown and typed in it (unless a user chose one)
    ANSWER_GRACE_SECONDS = 10  # answers arriving this late after a deadline still count
    PASSWORD_HASH_METHOD = "scrypt"
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    # Werkzeug's own cap on a text field is 500 kB; a pasted import or a bank in the editor may
    # be as large as the whole request
    MAX_FORM_MEMORY_SIZE = MAX_CONTENT_LENGTH
    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session: tests can be long
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    HTTPS = False  # served over HTTPS (behind the proxy): Secure cookies and HSTS
    PROXY_HOPS = 0  # reverse proxies in front: trust that many X-Forwarded-For/-Proto/-Host hops
    # Logging in, on the website and the API together (login_limits.py, docs/security.md).
    # Logins from a browser that has logged in to the account before (its device cookie) are
    # trusted: only LOGIN_FAILURE_LIMIT_PER_DEVICE applies to them; the others are untrusted.
    LOGIN_LIMIT_PER_ADDRESS = "30 per minute"  # untrusted attempts
    LOGIN_FAILURE_LIMIT_PER_ACCOUNT = "10 per minute; 100 per hour"  # untrusted failures
    LOGIN_FAILURE_LIMIT_PER_DEVICE = "10 per hour"  # then the device is untrusted for the hour
    LOGIN_SLOWDOWN_AFTER_FAILURES = 3  # per account and address; then waits of 1, 2, 4... s
    LOGIN_SLOWDOWN_MAX_SECONDS = 300
    LOGIN_DEVICE_COOKIE_DAYS = 180
    # Live quizzes (docs/live.md): how event streams learn of a change ("database": this
    # process's signal plus a read of the session every LIVE_POLL_SECONDS, for several workers
    # or servers; "memory": this process alone; "redis://HOST:6379/0": Redis pub/sub on
    # LIVE_SIGNALS_CHANNEL, one channel per database, for several servers without the poll's
    # delay, and the poll while Redis is down), how long one stream lasts before the browser
    # reconnects, the grace for answers after a question's time, and wrong PINs per address
    LIVE_SIGNALS = "database"
    LIVE_SIGNALS_CHANNEL = "quizapp:live"
    LIVE_POLL_SECONDS = 1.0
    LIVE_STREAM_SECONDS = 45
    LIVE_STREAMS_PER_VIEWER = 3  # open event streams of one player (or host) per process
    LIVE_STREAMS_PER_PROCESS = 100  # all open event streams of a process: below QUIZAPP_THREADS - 10
    LIVE_ANSWER_GRACE_SECONDS = 1
    LIVE_WRONG_PIN_LIMIT_PER_ADDRESS = "10 per minute; 60 per hour"
    # guests joining (each a new viewer) per address: into one session, and into any
    LIVE_GUEST_JOIN_LIMIT_PER_SESSION = "40 per hour"
    LIVE_GUEST_JOIN_LIMIT_PER_ADDRESS = "120 per hour"
    LIVE_SESSION_HOURS = 6  # a session still going that long after it opened ends by itself
    REQUEST_LOG = True  # one line per request, with its time (request_log.py)
    LOG_FORMAT = "text"  # or "json"
    # The JSON API (docs/api.md)
    API_TITLE = "quizapp API"
    API_VERSION = "v1"
    OPENAPI_VERSION = "3.1.0"
    OPENAPI_URL_PREFIX = "/api/v1"
    OPENAPI_JSON_PATH = "openapi.json"
    API_MAX_BODY_BYTES = 64 * 1024
    API_TOKEN_LIFETIME_SECONDS = 7 * 24 * 3600
    API_ANSWER_LIMIT_PER_USER = "120 per minute"
    API_ANSWER_LIMIT_PER_ADDRESS = "3000 per minute"  # a whole school may share one address
    # Where rate limits are counted: "database://" (the app's database; on SQLite a file beside
    # it), "redis://HOST:6379", or "memory://" (this process alone: one worker, e.g. tests)
    RATELIMIT_STORAGE_URI = "database://"
    RATELIMIT_HEADERS_ENABLED = True  # Retry-After on 429
    # the shared store down (e.g. Redis): count in memory meanwhile rather than refuse logins
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    RATELIMIT_SWALLOW_ERRORS = True


def read_settings(config: Config, instance_file: bool = True) -> None:
    """The layers: defaults, then ``instance/config.py`` (unless a test's), then QUIZAPP_*."""
    config.from_object(Defaults)
    if instance_file:
        config.from_pyfile("config.py", silent=True)
    config.from_prefixed_env("QUIZAPP")


def configure(app: Flask, test_config: Mapping[str, Any] | None) -> None:
    read_settings(app.config, instance_file=test_config is None)
    if test_config is not None:
        app.config.from_mapping(test_config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config["SQLALCHEMY_DATABASE_URI"]:
        database = Path(app.instance_path) / "quizapp.sqlite"
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{database}"
    configure_limits_store(app.config)
    time_zone(str(app.config["TIMEZONE"]))  # a misspelt school zone stops the start, saying so
    if not app.config["QUESTIONS_DIR"]:
        app.config["QUESTIONS_DIR"] = str(beside_package("questions"))
    if app.config["HTTPS"]:
        app.config["SESSION_COOKIE_SECURE"] = True
        app.config["PREFERRED_URL_SCHEME"] = "https"
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = instance_secret_key(Path(app.instance_path))


def configure_limits_store(config: dict[str, Any]) -> None:
    """Point the ``database://`` limits store at the app's database (see limits_store.py)."""
    from quizapp.db.limits_store import SCHEME, store_uri  # registers the scheme with `limits`

    if config["RATELIMIT_STORAGE_URI"] == f"{SCHEME}://":
        config["RATELIMIT_STORAGE_URI"] = store_uri(config["SQLALCHEMY_DATABASE_URI"]) or MEMORY_STORE


MEMORY_STORE = "memory://"


def limits_counted_per_process(config: Mapping[str, Any]) -> bool:
    """Whether each process counts rate limits alone (several workers would multiply them)."""
    return str(config["RATELIMIT_STORAGE_URI"]).startswith(MEMORY_STORE)


def deployed_config() -> Config:
    """The settings an app started from this checkout reads (for gunicorn.conf.py's checks),
    without making the app."""
    instance = Path(Flask("quizapp", instance_relative_config=True).instance_path)
    config = Config(str(instance))
    read_settings(config)
    return config


def instance_secret_key(instance: Path) -> str:
    """The key in ``instance/secret_key``, created (readable by the owner only) on first run.

    The key is written to a temporary file and linked into place, so two workers starting at
    once both end up with the same complete key.
    """
    path = instance / SECRET_KEY_FILE
    if not path.exists():
        descriptor, temporary = tempfile.mkstemp(dir=instance, prefix=".secret-")
        try:
            with os.fdopen(descriptor, "w", encoding="ascii") as handle:
                handle.write(secrets.token_hex(32) + "\n")
            os.link(temporary, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(temporary)
    key = path.read_text(encoding="ascii").strip()
    if not key:
        raise RuntimeError(f"{path} is empty; delete it to have a new key made")
    return key
