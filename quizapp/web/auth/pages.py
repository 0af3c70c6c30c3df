"""First-run set-up, log in and out, student sign-up with a join code, password change."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import available_timezones

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.wrappers import Response as WerkzeugResponse

from quizapp.services import accounts, clock
from quizapp.services.accounts import Account, SetupClosed, UnknownJoinCode, UsernameTaken
from quizapp.web.auth.login import LoginUser
from quizapp.web.forms import (
    SCHOOL_ZONE,
    BrowserZoneForm,
    ChangePasswordForm,
    ChooseOwnPasswordForm,
    JoinClassForm,
    LoginForm,
    SetupForm,
    SignupForm,
    TimeZoneForm,
    add_error,
    required_data,
)
from quizapp.web.login_limits import limit_logins, logged_in

blueprint = Blueprint("auth", __name__)
LOGIN_FAILED = "Wrong username or password."
ONE_TIME_PASSWORD_EXPIRED = (
    "This one-time password is more than a week old and no longer works: ask your teacher for a new one."
)
MAX_NEXT_LENGTH = 2000


def _start_session(account: Account, form: BrowserZoneForm | None = None) -> None:
    """A new session at login: nothing carried over from before, not even the CSRF secret.
    ``form``: the one logged in with, whose browser's zone the account takes if it has none."""
    if form is not None:
        accounts.take_browser_zone(account, form.browser_zone.data)
    session.clear()
    g.pop("csrf_token", None)  # Flask-WTF caches the session's token here for the request
    login_user(LoginUser(account))
    logged_in(account.username)  # this browser is trusted with this account from now on


USERNAME_TAKEN = "That username is taken; choose another."
UNKNOWN_JOIN_CODE = "No class has this join code. Check it with your teacher."


@blueprint.route("/setup", methods=["GET", "POST"])
def setup() -> Any:
    """Create the first teacher account; gone once a teacher exists."""
    if accounts.teacher_exists():
        abort(404)
    form = SetupForm()
    if form.validate_on_submit():
        try:
            account = accounts.create_first_teacher(
                required_data(form.username.data),
                required_data(form.display_name.data),
                required_data(form.password.data),
            )
        except SetupClosed:
            abort(404)
        except UsernameTaken:
            add_error(form.username, USERNAME_TAKEN)
        else:
            _start_session(account, form)
            flash("Welcome! Create a class next, and give its join code to your students.", "success")
            return redirect(url_for("teacher.classes"))
    return render_template("auth/setup.html", form=form), 422 if form.errors else 200


def safe_next(target: str | None) -> str | None:
    """``target`` if it is a path on this site, else None: never redirect a login elsewhere.

    Browsers drop tabs and newlines from a Location and read ``\\`` as ``/``, so
    ``/\\t/evil.example`` becomes ``//evil.example``, another host; and a header cannot hold a
    newline (a 500). The ``next`` that Flask-Login makes is a percent-encoded URL, so only
    printable ASCII without blanks or backslashes is accepted, and it must be a path, not
    ``//host`` or ``scheme:``.
    """
    if not target or len(target) > MAX_NEXT_LENGTH:
        return None
    if any(not "!" <= character <= "~" for character in target) or "\\" in target:
        return None
    parts = urlsplit(target)
    if not target.startswith("/") or target.startswith("//") or parts.scheme or parts.netloc:
        return None
    return target


@blueprint.route("/login", methods=["GET", "POST"])
@limit_logins(device_cookies=True)
def login() -> Any:
    if current_user.is_authenticated:
        return redirect(url_for("pages.index"))
    form = LoginForm()
    if form.validate_on_submit():
        # a one-time password works until the user has chosen their own (a week at most): the
        # session chooses it before anything else (login.py); a login with it ends the others
        try:
            account = accounts.log_in_on_website(
                required_data(form.username.data), required_data(form.password.data), clock.now()
            )
        except accounts.OneTimePasswordExpired:
            account = None
            form.form_errors.append(ONE_TIME_PASSWORD_EXPIRED)
        if account is not None:
            target = safe_next(request.args.get("next")) or url_for("pages.index")
            _start_session(account, form)
            return redirect(target)
        if not form.form_errors:
            form.form_errors.append(LOGIN_FAILED)
    status = 422 if form.errors or form.form_errors else 200
    return render_template("auth/login.html", form=form), status


@blueprint.post("/logout")
def logout() -> WerkzeugResponse:
    """End this session and every other website session of the user (a copied cookie too)."""
    if current_user.is_authenticated:
        accounts.end_sessions(current_user.id)
    logout_user()
    session.clear()
    g.pop("csrf_token", None)
    flash("You are logged out.", "info")
    return redirect(url_for("auth.login"))


@blueprint.route("/signup", methods=["GET", "POST"])
def signup() -> Any:
    """Students create their own account with their class's join code."""
    if current_user.is_authenticated:
        if current_user.is_student:
            return redirect(url_for("auth.join_class", code=request.args.get("code", "")))
        return redirect(url_for("pages.index"))
    form = SignupForm(join_code=request.args.get("code", ""))
    if form.validate_on_submit():
        try:
            account, classroom = accounts.sign_up_student(
                required_data(form.join_code.data),
                required_data(form.username.data),
                required_data(form.display_name.data),
                required_data(form.password.data),
            )
        except UnknownJoinCode:
            add_error(form.join_code, UNKNOWN_JOIN_CODE)
        except UsernameTaken:
            add_error(form.username, USERNAME_TAKEN)
        else:
            _start_session(account, form)
            flash(f"Welcome to {classroom.name}!", "success")
            return redirect(url_for("pages.index"))
    return render_template("auth/signup.html", form=form), 422 if form.errors else 200


@blueprint.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password() -> Any:
    if current_user.account.must_change_password:
        return _choose_own_password()
    form = ChangePasswordForm()
    if form.validate_on_submit():
        account = accounts.change_password(
            current_user.id,
            required_data(form.current.data),
            required_data(form.password.data),
        )
        if account is None:
            add_error(form.current, "That is not your current password.")
        else:
            _start_session(account)  # this session stays; every other one ends
            flash("Your password is changed.", "success")
            return redirect(url_for("pages.index"))
    status = 422 if form.errors else 200
    return render_template("auth/password.html", form=form, zone_form=time_zone_form()), status


def _choose_own_password() -> Any:
    """The first page after logging in with a one-time password (it works until this is saved)."""
    form = ChooseOwnPasswordForm()
    if form.validate_on_submit():
        account = accounts.choose_own_password(current_user.id, required_data(form.password.data))
        if account is None:
            add_error(form.password, "Choose a password different from the one-time one.")
        else:
            _start_session(account, form)  # this session stays; every other one ends
            flash("Your password is saved: log in with it from now on.", "success")
            return redirect(url_for("pages.index"))
    return render_template("auth/password.html", form=form, first=True), 422 if form.errors else 200


# Zones named for a place ("Europe/Belgrade") and UTC; not the database's legacy aliases
# ("US/Eastern", "W-SU"), "Etc/GMT+5" (which is UTC-5), "Factory" or "localtime".
PLACE_ZONE = re.compile(
    r"(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/\w|UTC\Z"
)


def time_zone_form(formdata: Any = None) -> TimeZoneForm:
    """The account page's time-zone choice: the school's zone, then every zone there is."""
    school = str(current_app.config["TIMEZONE"])
    own = current_user.account.time_zone
    form = TimeZoneForm(formdata=formdata, time_zone=own or SCHOOL_ZONE)
    offered = [name for name in sorted(available_timezones()) if PLACE_ZONE.match(name)]
    if own and own not in offered:  # a browser's zone may be named otherwise ("Etc/GMT-3")
        offered.insert(0, own)
    form.time_zone.choices = [(SCHOOL_ZONE, f"The school's: {school}")] + [(name, name) for name in offered]
    return form


@blueprint.post("/account/time-zone")
@login_required
def choose_time_zone() -> Any:
    form = time_zone_form(request.form)
    if form.validate_on_submit():
        chosen = form.time_zone.data or None
        accounts.set_time_zone(current_user.id, chosen)
        flash(f"Times are shown in {chosen or 'the school’s time zone'} now.", "success")
        return redirect(url_for("auth.change_password"))
    password_form = ChangePasswordForm(formdata=None)
    return render_template("auth/password.html", form=password_form, zone_form=form), 422


@blueprint.route("/join", methods=["GET", "POST"])
@login_required
def join_class() -> Any:
    """A student who has an account joins another class with its join code."""
    if not current_user.is_student:
        abort(403)
    form = JoinClassForm(join_code=request.args.get("code", ""))
    if form.validate_on_submit():
        try:
            classroom = accounts.join_class(current_user.id, required_data(form.join_code.data))
        except UnknownJoinCode:
            add_error(form.join_code, UNKNOWN_JOIN_CODE)
        else:
            accounts.take_browser_zone(current_user.account, form.browser_zone.data)
            flash(f"You are in {classroom.name}.", "success")
            return redirect(url_for("pages.index"))
    return render_template("auth/join.html", form=form), 422 if form.errors else 200
