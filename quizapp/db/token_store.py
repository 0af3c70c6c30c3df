"""The database side of API tokens: issue, look up, revoke.

A token is 32 random bytes shown once to its owner; the table keeps only its SHA-256 (a slow
hash adds nothing for a random secret, and lookups stay one indexed query).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, delete

from quizapp.db import account_store
from quizapp.db.account_store import Account
from quizapp.db.base import db
from quizapp.db.database import begin_write, rows_changed
from quizapp.db.models import ApiToken, User


@dataclass(frozen=True, slots=True)
class IssuedToken:
    token: str
    expires_at: datetime


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def issue_token(account: Account, now: datetime, lifetime: timedelta) -> IssuedToken:
    """A new token for ``account``; the user's expired tokens are cleared on the way."""
    token = secrets.token_urlsafe(32)
    begin_write()
    db.session.execute(delete(ApiToken).where(ApiToken.user_id == account.id, ApiToken.expires_at <= now))
    row = ApiToken(
        user_id=account.id,
        token_hash=_digest(token),
        credentials_version=account.credentials_version,
        created_at=now,
        expires_at=now + lifetime,
    )
    db.session.add(row)
    db.session.commit()
    return IssuedToken(token, row.expires_at)


_TOKENS = ApiToken.__table__
# Built once: every API request looks its token up.
_ACCOUNT_BY_TOKEN = (
    account_store.ACCOUNT_COLUMNS.add_columns(_TOKENS.c.credentials_version.label("token_version"))
    .join(_TOKENS, _TOKENS.c.user_id == User.__table__.c.id)
    .where(_TOKENS.c.token_hash == bindparam("digest"), _TOKENS.c.expires_at > bindparam("now"))
)


def account_for_token(token: str, now: datetime) -> Account | None:
    """The account a live token belongs to, or None (unknown, expired, revoked or outdated)."""
    found = db.session.connection().execute(_ACCOUNT_BY_TOKEN, {"digest": _digest(token), "now": now}).first()
    if found is None:
        return None
    account = account_store.account_from_row(found)
    return account if account.credentials_version == found.token_version else None


def revoke_token(token: str) -> bool:
    """Delete the token; True if it existed."""
    begin_write()
    result = db.session.execute(delete(ApiToken).where(ApiToken.token_hash == _digest(token)))
    db.session.commit()
    return rows_changed(result) == 1
