"""Tokens: trade a username and password for a bearer token; revoke it when done."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import current_app
from marshmallow import Schema, fields, validate

from quizapp.api.common import api_blueprint, documented_errors
from quizapp.api.errors import ApiError
from quizapp.api.token_auth import bearer_token, public
from quizapp.services import accounts, clock, tokens
from quizapp.web.login_limits import limit_logins

blueprint = api_blueprint("Tokens", __name__, "Log in for a bearer token; log out to revoke it.")


class CredentialsSchema(Schema):
    username = fields.String(required=True, validate=validate.Length(min=1, max=100))
    password = fields.String(required=True, validate=validate.Length(min=1, max=1000))


class TokenSchema(Schema):
    token = fields.String(required=True, metadata={"description": "Send as Authorization: Bearer <token>"})
    expires_at = fields.DateTime(required=True)
    user = fields.Nested(
        Schema.from_dict(
            {
                "id": fields.Integer(required=True),
                "username": fields.String(required=True),
                "name": fields.String(required=True),
                "role": fields.String(required=True, metadata={"enum": ["student", "teacher"]}),
            },
            name="TokenUserSchema",
        ),
        required=True,
    )


@blueprint.route("/auth/token", methods=["POST"])
@public
@limit_logins(device_cookies=False)  # no cookies: every API login is untrusted (docs/security.md)
@blueprint.arguments(CredentialsSchema, error_status_code=400)
@blueprint.response(200, TokenSchema)
@blueprint.doc(security=[], summary="Log in: a bearer token for a username and password")
@documented_errors(blueprint, 401, 403, 413, 429)
def create_token(credentials: dict[str, str]) -> dict[str, Any]:
    account = accounts.authenticate(credentials["username"], credentials["password"])
    if account is None:
        raise ApiError(401, "invalid_credentials", "Unknown username or wrong password.")
    if account.must_change_password:
        raise ApiError(
            403,
            "password_change_required",
            "This password was made for you: log in on the website and choose your own.",
        )
    lifetime = timedelta(seconds=int(current_app.config["API_TOKEN_LIFETIME_SECONDS"]))
    issued = tokens.issue_token(account, clock.now(), lifetime)
    return {
        "token": issued.token,
        "expires_at": issued.expires_at,
        "user": {
            "id": account.id,
            "username": account.username,
            "name": account.display_name,
            "role": account.role.value,
        },
    }


@blueprint.route("/auth/token", methods=["DELETE"])
@blueprint.response(204)
@blueprint.doc(summary="Log out: revoke the token sent with this request")
@documented_errors(blueprint, 401)
def revoke_token() -> None:
    tokens.revoke_token(bearer_token() or "")
