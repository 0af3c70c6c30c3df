"""Requests carrying text no database can keep are refused before any view runs.

The rule is quizapp/core/storable_text.py; the API's JSON bodies are checked by its parser
(quizapp/api/common.py), and roster files by quizapp/core/roster.py.
"""

from __future__ import annotations

from itertools import chain

from flask import Flask, abort, request

from quizapp.api.errors import API_PREFIX, ApiError
from quizapp.core.storable_text import unstorable_text


def init_app(app: Flask) -> None:
    app.before_request(refuse_unstorable_text)


def refuse_unstorable_text() -> None:
    """400 for a NUL (or a lone surrogate) in the URL's parts, the query string or (on pages) a
    form field. Werkzeug decodes those as UTF-8 with errors replaced or kept as %-escapes, so no
    surrogate arrives this way today; the rule is the same as for JSON bodies all the same."""
    api = request.path.startswith(API_PREFIX)
    texts = chain(request.args.items(multi=True), (request.view_args or {}).items())
    if not api:  # pages: the form was read for its CSRF token already; the API sends JSON
        texts = chain(texts, request.form.items(multi=True))
    problem = unstorable_text(list(texts))
    if problem:
        if api:
            raise ApiError(400, "bad_request", problem)
        abort(400, description=problem)
