"""Requests carrying text no database can keep are refused before any view runs.

The rule is quizapp/core/storable_text.py; the API's JSON bodies are checked by its parser
(quizapp/api/common.py), and roster files by quizapp/core/roster.py.
"""

from __future__ import annotations

from itertools import chain

from flask import Flask, abort, request

from quizapp.api.errors import API_PREFIX, ApiError
from quizapp.core.storable_text import NUL_REFUSED, holds_nul


def init_app(app: Flask) -> None:
    app.before_request(refuse_unstorable_text)


def refuse_unstorable_text() -> None:
    """400 for a NUL in the URL's parts, the query string or (on pages) a form field."""
    api = request.path.startswith(API_PREFIX)
    texts = chain(request.args.items(multi=True), (request.view_args or {}).items())
    if not api:  # pages: the form was read for its CSRF token already; the API sends JSON
        texts = chain(texts, request.form.items(multi=True))
    if any(holds_nul(name) or holds_nul(value) for name, value in texts):
        if api:
            raise ApiError(400, "bad_request", NUL_REFUSED)
        abort(400, description=NUL_REFUSED)
