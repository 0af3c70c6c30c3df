"""Which passwords people may choose: long enough, and not one of the commonest.

One rule for every place a password is chosen (first-teacher set-up, sign-up, a password
change, the password chosen after a one-time one, a teacher's password for a new student,
``flask user create``). The common passwords are the 30,000 of zxcvbn's "passwords" list
(MIT licence; drawn from leaked-password corpora and kept with the zxcvbn package), compared
without regard to case or blanks: "Password1" and " password1 " are as weak as "password1".
"""

from __future__ import annotations

from functools import cache

from quizapp.core.accounts import MIN_PASSWORD_LENGTH

MAX_PASSWORD_LENGTH = 200
TOO_SHORT = f"Use at least {MIN_PASSWORD_LENGTH} characters."
TOO_LONG = f"Use at most {MAX_PASSWORD_LENGTH} characters."
TOO_COMMON = (
    "This password is one of the most common ones, which attackers try first. "
    "Choose another: a few unrelated words make a strong one."
)


@cache
def _common_passwords() -> frozenset[str]:
    """Loaded at the first password chosen, not at start-up (the lists take half a second)."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


def password_problem(password: str) -> str | None:
    """What is wrong with ``password`` as a new password, or None if it may be used."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return TOO_SHORT
    if len(password) > MAX_PASSWORD_LENGTH:
        return TOO_LONG
    if "".join(password.split()).lower() in _common_passwords():  # "  Pass word " is "password"
        return TOO_COMMON
    return None
