"""API tokens: issued for a login, checked on every API request, revoked at logout.

The token rules (a random secret shown once, kept only as a digest, outdated by a password
change) are ``token_store``'s; the API reaches them through here.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from quizapp.db import token_store
from quizapp.db.account_store import Account
from quizapp.db.token_store import IssuedToken

__all__ = ["IssuedToken", "account_for_token", "issue_token", "revoke_token"]


def issue_token(account: Account, now: datetime, lifetime: timedelta) -> IssuedToken:
    """A new token for ``account``, valid for ``lifetime``; the user's expired ones are cleared."""
    return token_store.issue_token(account, now, lifetime)


def account_for_token(token: str, now: datetime) -> Account | None:
    """The account a live token belongs to, or None (unknown, expired, revoked, or issued
    before the password last changed): the API's whole authentication."""
    return token_store.account_for_token(token, now)


def revoke_token(token: str) -> bool:
    """End the token (the API's logout); True if it was live."""
    return token_store.revoke_token(token)
