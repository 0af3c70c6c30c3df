"""Limits on logging in, for the website's form and the API's token endpoint (docs/security.md).

Brute force is slowed without letting anyone lock someone else out (OWASP's authentication
cheat sheet, "device cookies"):

- A browser that has logged in to an account gets a signed *device cookie* for it. A login
  for that account presenting it is *trusted*: it is not subject to the account's lockout,
  the per-address limit or the slow-down below, only to a limit of failures for that device;
  past that limit the device counts as untrusted until the window ends.
- Any other login (a new browser, the API, which has no cookies) is *untrusted*:
  at most ``LOGIN_LIMIT_PER_ADDRESS`` attempts per address; failures are counted per account
  (``LOGIN_FAILURE_LIMIT_PER_ACCOUNT``, from any address: untrusted logins to the account wait
  for the window's end), and per account and address pair, where each failure after the first
  ``LOGIN_SLOWDOWN_AFTER_FAILURES`` doubles the wait before that pair may try again.

So a student who types wrong passwords for the teacher's account from the classroom's shared
address slows down himself and untrusted logins to that account, but the teacher logs in
from any browser she has used before. Counts are kept in the rate limits' store (the database
by default), shared by every worker and server.
"""

from __future__ import annotations

import math
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any, TypeVar

from flask import Flask, Response, current_app, g, request
from flask_limiter.util import get_remote_address
from itsdangerous import BadData, URLSafeTimedSerializer
from limits import RateLimitItem, parse_many
from limits.storage import MemoryStorage, Storage
from limits.strategies import FixedWindowRateLimiter
from werkzeug.exceptions import HTTPException, TooManyRequests

from quizapp.core.accounts import normalize_username
from quizapp.extensions import limiter

F = TypeVar("F", bound=Callable[..., Any])
FAILED = frozenset({401, 422})  # the API's wrong credentials; the form shown again with an error
DEVICE_COOKIE = "quizapp_device"
DEVICE_COOKIE_PATH = "/login"  # sent with logins only
DEVICE_SALT = "quizapp-login-device"
DEVICES_PER_BROWSER = 10  # accounts remembered by one browser (a shared classroom computer)
SLOWDOWN_WINDOW_SECONDS = 3600  # failures of a pair are forgotten an hour after the first
LOGGED_IN = "login_limits_logged_in"

_fallback = MemoryStorage()  # when the shared store fails: count here meanwhile (health says so)


def limit_logins(*, device_cookies: bool) -> Callable[[F], F]:
    """Apply the limits to a view that logs people in (POST only: showing a form is free).

    ``device_cookies``: the view is the website's form, which reads and sets device cookies
    (the view calls ``logged_in`` on success); the API has none, so its logins are untrusted.
    """

    def decorate(view: F) -> F:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if request.method != "POST":
                return view(*args, **kwargs)
            attempt = Attempt.of_request(device_cookies)
            wait = attempt.refusal()
            if wait is not None:
                return too_many(wait)
            try:
                response = current_app.make_response(view(*args, **kwargs))
            except HTTPException as error:
                attempt.finished(failed=error.code in FAILED)
                raise
            except Exception as error:  # the API's errors carry a status of their own
                attempt.finished(failed=getattr(error, "status", None) in FAILED)
                raise
            attempt.finished(failed=response.status_code in FAILED)
            username = g.pop(LOGGED_IN, None)
            if device_cookies and username:
                _remember_device(response, username, attempt.cookie_entries)
            return response

        return wrapper  # type: ignore[return-value]

    return decorate


def logged_in(username: str) -> None:
    """A website session began for this account (a login, the first teacher's set-up, a
    sign-up): the browser is given a device cookie for it."""
    g.setdefault(LOGGED_IN, normalize_username(username))


def init_app(app: Flask) -> None:
    app.after_request(_remember_device_of_new_session)


def _remember_device_of_new_session(response: Response) -> Response:
    """The device cookie for a session begun by a view that counts no login attempts (set-up,
    sign-up: the account was just made); ``limit_logins`` sets it for the login form itself."""
    username = g.pop(LOGGED_IN, None)
    if username:
        _remember_device(response, username, _read_device_cookie())
    return response


def too_many(seconds: float, what: str = "login attempts") -> Response:
    """429 in the usual shape (a page, or the API's JSON), with Retry-After."""
    wait = max(1, math.ceil(seconds))
    error = TooManyRequests(description=f"too many {what}; try again in {wait} s")
    response = current_app.make_response(current_app.handle_http_exception(error))
    response.headers["Retry-After"] = str(wait)
    return response


def _pin_key() -> tuple[str, ...]:
    return _key("live-pin", get_remote_address() or "")


def wrong_pin_wait() -> float | None:
    """Seconds before this address may type a live quiz's PIN again (None: it may now): wrong
    PINs are limited per address (``LIVE_WRONG_PIN_LIMIT_PER_ADDRESS``), so that guessing
    one of the million takes days, while a classroom behind one address has room for typos.

    The try is counted as a wrong PIN before the PIN is looked up, in one atomic step per
    limit, so that guesses sent at once cannot all pass a check made before any of them was
    counted; ``not_a_wrong_pin`` gives it back when the PIN was found."""
    return _reserve([("LIVE_WRONG_PIN_LIMIT_PER_ADDRESS", _pin_key())])


def not_a_wrong_pin() -> None:
    """The PIN counted by ``wrong_pin_wait`` was a session's: give its count back."""
    _unreserve([("LIVE_WRONG_PIN_LIMIT_PER_ADDRESS", _pin_key())])


def _guest_keys(pin: str) -> list[tuple[str, tuple[str, ...]]]:
    address = get_remote_address() or ""
    return [
        ("LIVE_GUEST_JOIN_LIMIT_PER_SESSION", _key("live-guest", address, pin)),
        ("LIVE_GUEST_JOIN_LIMIT_PER_ADDRESS", _key("live-guest", address)),
    ]


def guest_join_wait(pin: str) -> float | None:
    """Seconds before this address may join as a guest again (None: it may now). Each guest
    is a new viewer with its own event streams, so one person typing nickname after nickname
    could take a worker's threads: guests are limited per address into the session of this
    PIN (``LIVE_GUEST_JOIN_LIMIT_PER_SESSION``, room for a class behind one address) and into
    any (``LIVE_GUEST_JOIN_LIMIT_PER_ADDRESS``). Counted before joining, as wrong PINs are;
    ``not_a_guest_join`` gives it back when no one joined."""
    return _reserve(_guest_keys(pin))


def not_a_guest_join(pin: str) -> None:
    _unreserve(_guest_keys(pin))


def _reserve(limits: list[tuple[str, tuple[str, ...]]]) -> float | None:
    """Count one under every limit (setting, key), each in one atomic step; if one is over,
    give back what was counted and return the seconds to wait."""
    counted: list[tuple[RateLimitItem, tuple[str, ...]]] = []
    for setting, key in limits:
        for item in _limits(setting):
            counted.append((item, key))
            if not _hit(item, key):
                wait = max(1.0, _reset_in(item, key))
                for each, its_key in counted:  # a refused try counts for nothing
                    _give_back(each, its_key)
                return wait
    return None


def _unreserve(limits: list[tuple[str, tuple[str, ...]]]) -> None:
    for setting, key in limits:
        for item in _limits(setting):
            _give_back(item, key)


@dataclass
class Attempt:
    """One POST to a login view: who it claims to be, from where, and whether it is trusted."""

    username: str | None
    address: str
    device: str | None  # the trusted device cookie's nonce for this account, if any
    cookie_entries: list[list[str]] = field(default_factory=list)
    reserved: list[tuple[RateLimitItem, tuple[str, ...]]] = field(default_factory=list)

    @classmethod
    def of_request(cls, device_cookies: bool) -> Attempt:
        username = _username()
        entries = _read_device_cookie() if device_cookies else []
        nonce = next((n for user, n in entries if username and user == username), None)
        attempt = cls(username, get_remote_address(), None, entries)
        if nonce and not _over(_limits("LOGIN_FAILURE_LIMIT_PER_DEVICE"), _key("device", nonce)):
            attempt.device = nonce
        return attempt

    @property
    def account_key(self) -> tuple[str, ...]:
        return _key("account", self.username) if self.username else _key("no-account", self.address)

    @property
    def pair_key(self) -> tuple[str, ...]:
        return _key("pair", self.username or "", self.address)

    def refusal(self) -> float | None:
        """Seconds to wait, if this attempt may not try a password now; else None (and the
        account's failure count holds a place for it until it is finished)."""
        if self.device:
            return None  # a trusted device: only its own failure limit (see of_request)
        for item in _limits("LOGIN_LIMIT_PER_ADDRESS"):
            if not _hit(item, _key("address", self.address)):
                return _reset_in(item, _key("address", self.address))
        slowed = _store(lambda s: s.get(_joined(self.pair_key, "wait")))
        if slowed:
            return _store(lambda s: s.get_expiry(_joined(self.pair_key, "wait"))) - time.time()
        return self._reserve_account_failure()

    def _reserve_account_failure(self) -> float | None:
        """Count this attempt as a failure before the password is checked (one atomic step),
        so that concurrent guesses cannot all pass a check made before any of them counted."""
        for item in _limits("LOGIN_FAILURE_LIMIT_PER_ACCOUNT"):
            self.reserved.append((item, self.account_key))
            if not _hit(item, self.account_key):
                wait = _reset_in(item, self.account_key)
                self._release()
                return wait
        return None

    def _release(self) -> None:
        for item, key in self.reserved:
            _give_back(item, key)
        self.reserved.clear()

    def finished(self, failed: bool) -> None:
        """Keep the reserved failure if it failed (else give it back); count the device's
        failure, or slow the account and address pair down."""
        if not failed:
            self._release()
            return
        if self.device:
            for item in _limits("LOGIN_FAILURE_LIMIT_PER_DEVICE"):
                _hit(item, _key("device", self.device))
            return
        failures = _store(lambda s: s.incr(_joined(self.pair_key, "failures"), SLOWDOWN_WINDOW_SECONDS))
        wait = slowdown_seconds(failures)
        if wait:
            _store(lambda s: s.incr(_joined(self.pair_key, "wait"), wait))


def slowdown_seconds(failures: int) -> int:
    """The wait after the ``failures``-th failure of one account from one address: none for
    the first few, then 1, 2, 4, 8... seconds, up to the configured maximum."""
    free = int(current_app.config["LOGIN_SLOWDOWN_AFTER_FAILURES"])
    if failures <= free:
        return 0
    return min(2 ** min(failures - free - 1, 30), int(current_app.config["LOGIN_SLOWDOWN_MAX_SECONDS"]))


def _username() -> str | None:
    if request.is_json:
        try:
            body = request.get_json(silent=True)
        except (RecursionError, ValueError):  # the view says 400 for it
            body = None
        value = body.get("username") if isinstance(body, dict) else None
    else:
        value = request.form.get("username")
    return normalize_username(value)[:100] if isinstance(value, str) and value.strip() else None


def _limits(setting: str) -> list[RateLimitItem]:
    return parse_many(current_app.config[setting])


def _key(*parts: str) -> tuple[str, ...]:
    return (current_app.config.get("RATELIMIT_KEY_PREFIX") or "quizapp", "login", *parts)


def _joined(key: tuple[str, ...], what: str) -> str:
    return "/".join((*key, what))


def _over(items: list[RateLimitItem], key: tuple[str, ...]) -> bool:
    return not all(_room_left(item, key) for item in items)


def _hit(item: RateLimitItem, key: tuple[str, ...]) -> bool:
    """Count one more under ``item`` for ``key``: False if that is over the limit."""
    return bool(_store(lambda s: FixedWindowRateLimiter(s).hit(item, *key)))


def _room_left(item: RateLimitItem, key: tuple[str, ...]) -> bool:
    """Whether ``key`` may be counted once more under ``item``, without counting it."""
    return bool(_store(lambda s: FixedWindowRateLimiter(s).test(item, *key)))


def _give_back(item: RateLimitItem, key: tuple[str, ...]) -> None:
    _store(lambda s: s.incr(item.key_for(*key), item.get_expiry(), amount=-1))


def _reset_in(item: RateLimitItem, key: tuple[str, ...]) -> float:
    return _store(lambda s: FixedWindowRateLimiter(s).get_window_stats(item, *key).reset_time) - time.time()


def _store(action: Callable[[Storage], Any]) -> Any:
    """Run ``action`` on the shared store, or on this process's memory while it fails."""
    try:
        return action(limiter.storage)
    except Exception:  # any failure of the store's client means the same: count here meanwhile
        current_app.logger.warning("the rate limits' store failed; counting logins in memory")
        return action(_fallback)


def _serializer() -> URLSafeTimedSerializer:
    secret = current_app.secret_key
    if secret is None:  # settings.py always sets one; the cookie cannot be signed without it
        raise RuntimeError("SECRET_KEY is not set")
    return URLSafeTimedSerializer(secret, salt=DEVICE_SALT)


def _read_device_cookie() -> list[list[str]]:
    """The [username, nonce] pairs of the browser's device cookie, if its signature is good."""
    value = request.cookies.get(DEVICE_COOKIE)
    if not value:
        return []
    max_age = int(current_app.config["LOGIN_DEVICE_COOKIE_DAYS"]) * 86400
    try:
        entries = _serializer().loads(value, max_age=max_age)
    except BadData:
        return []
    if not isinstance(entries, list):
        return []
    return [entry for entry in entries if isinstance(entry, list) and len(entry) == 2]


def _remember_device(response: Response, username: str, entries: list[list[str]]) -> None:
    """A new device cookie: this account first, with a fresh nonce, then the others it held."""
    kept = [entry for entry in entries if entry[0] != username][: DEVICES_PER_BROWSER - 1]
    value = _serializer().dumps([[username, secrets.token_urlsafe(12)], *kept])
    response.set_cookie(
        DEVICE_COOKIE,
        value,
        max_age=int(current_app.config["LOGIN_DEVICE_COOKIE_DAYS"]) * 86400,
        path=DEVICE_COOKIE_PATH,
        secure=bool(current_app.config.get("SESSION_COOKIE_SECURE")),
        httponly=True,
        samesite="Lax",
    )
