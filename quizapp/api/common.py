"""What every API blueprint shares: the blueprint factory, error documentation, value formats."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any

from flask import Request, Response
from flask_smorest import Blueprint, abort
from marshmallow import Schema, ValidationError, fields, missing
from webargs.flaskparser import FlaskParser
from werkzeug.exceptions import RequestEntityTooLarge

from quizapp.api.errors import ErrorSchema
from quizapp.api.token_auth import authenticate_request
from quizapp.core.instants import EXAMPLE, parse_instant
from quizapp.core.responses import WrittenInteger, WrittenNumber
from quizapp.core.storable_text import unstorable_text

ERROR_DESCRIPTIONS = {
    400: "Bad input: a body or parameter that does not match the schema, or a response of the wrong shape",
    401: "No token, or an unknown, expired or revoked one",
    403: "This account may not do this (e.g. a student at a teachers' endpoint)",
    404: "Not found, or not yours",
    409: "The state does not allow it (e.g. the attempt is submitted or past its deadline)",
    413: "The request body is too large",
    429: "Too many requests; the Retry-After header says when to try again",
}
RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}}


MAX_NESTING = 32  # no body of this API nests deeper than 4; the rest is an attack on recursion
MAX_NUMBER_TOKEN = 1000  # characters in one JSON number
MAX_EXPONENT_DIGITS = 4  # 1e9999 at most: an integer field converts 1e1000000 for a minute
NUMBER_REFUSED = (
    f"A number in the JSON body is too long to read: write it in at most {MAX_NUMBER_TOKEN} "
    f"characters, with an exponent of at most {MAX_EXPONENT_DIGITS} digits."
)


class UnreadableNumber(ValueError):
    """A JSON number whose conversion would cost more than any answer is worth."""


def _checked_token(token: str) -> str:
    _mantissa, _e, exponent = token.lower().partition("e")
    if len(token) > MAX_NUMBER_TOKEN or len(exponent.lstrip("+-")) > MAX_EXPONENT_DIGITS:
        raise UnreadableNumber(NUMBER_REFUSED)
    return token


def _fraction(token: str) -> WrittenNumber:
    return WrittenNumber(_checked_token(token))


def _integer(token: str) -> WrittenInteger:
    return WrittenInteger(_checked_token(token))


def read_json(data: bytes) -> Any:
    """A JSON body with its numbers as written: a fraction is read as a ``Decimal``, not a float,
    so ``5000.0000000000001`` reaches the numeric rules as the page's text does instead of
    rounded to 5000, and every number keeps the text it was written as (core/responses.py:
    ``WrittenNumber``, ``WrittenInteger``; docs/api.md: numbers are kept as written). A number
    too long, or with an exponent too large, to convert cheaply is refused here
    (``UnreadableNumber``), before any field converts it: an integer field made
    ``int(Decimal("1e1000000"))`` of ``1e1000000``, which took a worker for 45 seconds."""
    return json.loads(data.decode("utf-8"), parse_float=_fraction, parse_int=_integer)


def nesting(value: Any) -> int:
    """How deep lists and objects nest in ``value`` (a loop: the value may nest deeper than the
    recursion limit, which is what this measures)."""
    deepest, pending = 0, [(value, 0)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict | list):
            depth += 1
            deepest = max(deepest, depth)
            pending.extend((child, depth) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


class JsonBodyParser(FlaskParser):
    """webargs' parser, with any body that is not JSON refused as 400 (or 413), never a 500:
    nesting too deep to parse (or deeper than ``MAX_NESTING``) and numbers too long to convert
    (``read_json``) are bad input too, and so is text no database can keep
    (core/storable_text.py). ``load_json`` is webargs' public hook for reading the body; an empty
    JSON body is refused too (webargs' own would read it as absent)."""

    DEFAULT_VALIDATION_STATUS = 400

    def load_json(self, req: Request, schema: Schema) -> Any:
        if not req.is_json:
            return missing
        data = req.get_data(cache=True)
        limit = req.max_content_length
        if req.content_length is None and limit is not None and len(data) >= limit:
            raise RequestEntityTooLarge()  # an unannounced (chunked) body, cut off at the limit
        try:
            body = read_json(data)
        except UnreadableNumber as error:
            abort(400, exc=error, messages={"json": [NUMBER_REFUSED]})
        except (RecursionError, ValueError) as error:  # JSON and UTF-8 decoding errors are ValueErrors
            abort(400, exc=error, messages={"json": ["Invalid JSON body."]})
        if nesting(body) > MAX_NESTING:
            abort(400, messages={"json": [f"The JSON body nests deeper than {MAX_NESTING} levels."]})
        problem = unstorable_text(body)
        if problem:
            abort(400, messages={"json": [problem]})
        return body


class ApiBlueprint(Blueprint):
    ARGUMENTS_PARSER = JsonBodyParser()


def api_blueprint(name: str, import_name: str, description: str) -> Blueprint:
    """A blueprint under /api/v1 whose views need a bearer token unless marked ``public``."""
    blueprint = ApiBlueprint(name, import_name, url_prefix="/api/v1", description=description)
    blueprint.before_request(authenticate_request)
    blueprint.after_request(_not_cached)
    return blueprint


def _not_cached(response: Response) -> Response:
    """Tokens and answers are personal: no cache, shared or private, keeps them."""
    response.headers["Cache-Control"] = "no-store"
    return response


def documented_errors(blueprint: Blueprint, *statuses: int) -> Callable[[Any], Any]:
    """Document the error responses a view can give, each with the common error body."""

    def decorate(view: Any) -> Any:
        for status in statuses:
            view = blueprint.alt_response(
                status,
                schema=ErrorSchema,
                description=ERROR_DESCRIPTIONS[status],
                headers=RETRY_AFTER if status == 429 else None,
            )(view)
        return view

    return decorate


class Instant(fields.DateTime):
    """A date-time parameter read as the web pages read it (quizapp/core/instants.py): one parser."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> datetime:
        if not isinstance(value, str):
            raise ValidationError("Not a string.")
        try:
            return parse_instant(value)
        except ValueError as error:
            raise ValidationError(str(error)) from None


OFFSET_REQUIRED = (
    f"Give the time with its offset from UTC, such as {EXAMPLE} or 2026-03-01T03:00:00Z: "
    "without one it could be any of 24 hours, and the API does not guess."
)


class AwareInstant(Instant):
    """A date-time that must name its offset from UTC (a time a teacher sets: when a test opens
    or is due). One without an offset, or a date alone, is refused; the rest is ``Instant``."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> datetime:
        if isinstance(value, str):
            try:
                naive = datetime.fromisoformat(value.strip()).tzinfo is None
            except ValueError:
                naive = False  # Instant words what is wrong with it
            if naive:
                raise ValidationError(OFFSET_REQUIRED)
        return super()._deserialize(value, attr, data, **kwargs)


class OneOfSchemas(fields.Raw):
    """A value already dumped by one of ``schemas`` (a list whose items differ by who asks);
    the OpenAPI document says ``oneOf`` them (``one_of_properties``)."""

    def __init__(self, *schemas: type[Schema], **kwargs: Any):
        super().__init__(**kwargs)
        self.schemas = schemas


def one_of_properties(self: Any, field: fields.Field, **kwargs: Any) -> dict[str, Any]:
    """apispec's property for a ``OneOfSchemas`` field (an attribute function of its converter)."""
    if not isinstance(field, OneOfSchemas):
        return {}
    return {"oneOf": [self.resolve_nested_schema(schema) for schema in field.schemas]}


def timestamp(value: datetime | None) -> str | None:
    """ISO 8601 with the UTC offset, as JSON carries times."""
    return value.isoformat() if value is not None else None


class WholeNumber(fields.Integer):
    """An integer as JSON Schema has it: 3 or 3.0 (both are integers to the OpenAPI document, so
    clients and fuzzers may send either), never 3.5, "3", true, NaN or Infinity. Marshmallow's
    strict field refuses 3.0; its lenient one cuts 3.5 to 3 and reads "3"."""

    def _validated(self, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            raise self.make_error("invalid", input=value)
        if isinstance(value, float | Decimal) and not (math.isfinite(value) and value == int(value)):
            raise self.make_error("invalid", input=value)
        return super()._validated(value)
