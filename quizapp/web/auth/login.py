"""Who is logged in: Flask-Login wiring and the role checks every view declares.

The session stores "user id:session version"; changing the password bumps the version, which
ends every other session of that user at its next request.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import Flask, abort, flash, redirect, request, url_for
from flask_login import UserMixin, current_user, login_required

from quizapp.core.accounts import Role
from quizapp.extensions import login_manager
from quizapp.services import accounts
from quizapp.services.accounts import Account

F = TypeVar("F", bound=Callable[..., Any])


class LoginUser(UserMixin):
    def __init__(self, account: Account):
        self.account = account
        self.id = account.id
        self.role = account.role
        self.display_name = account.display_name
        self.username = account.username

    def get_id(self) -> str:
        return f"{self.account.id}:{self.account.session_version}"

    @property
    def is_teacher(self) -> bool:
        return self.account.role is Role.TEACHER

    @property
    def is_student(self) -> bool:
        return self.account.role is Role.STUDENT


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.user_loader(_load_user)
    app.before_request(_choose_own_password_first)


PASSWORD_FREE_ENDPOINTS = frozenset({"auth.change_password", "auth.logout", "static"})


def _choose_own_password_first() -> Any:
    """Someone who logged in with a password made for them chooses their own before anything else."""
    if (
        not request.path.startswith("/api/")  # the API ignores the session cookie; it says 403 itself
        and current_user.is_authenticated
        and current_user.account.must_change_password
        and request.endpoint not in PASSWORD_FREE_ENDPOINTS
    ):
        flash("Welcome! First choose your own password: the one you were given stops working then.", "info")
        return redirect(url_for("auth.change_password"))
    return None


def _load_user(session_id: str) -> LoginUser | None:
    user_id, _, version = session_id.partition(":")
    if not user_id.isdigit() or not version.isdigit():
        return None
    account = accounts.get_account(int(user_id))
    if account is None or account.session_version != int(version):
        return None
    return LoginUser(account)


def role_required(role: Role) -> Callable[[F], F]:
    """Logged in with ``role``; anyone else gets 403 (anonymous users are sent to log in)."""

    def decorate(view: F) -> F:
        @wraps(view)
        @login_required
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if current_user.role is not role:
                abort(403)
            return view(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


teacher_required = role_required(Role.TEACHER)
student_required = role_required(Role.STUDENT)
