"""Files handed to the browser to save: the HTTP side of the exports (score exports for the class
pages and the API, bank exports for the editor). The services make the bytes; this module
alone says how they go out as a download, so the pages and the API answer alike."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from flask import Response, abort, request, stream_with_context

from quizapp.core.instants import parse_instant
from quizapp.services.score_exports import Export


def attachment(body: bytes | Iterable[bytes], content_type: str, file_name: str) -> Response:
    """A file download that no cache keeps (exports hold scores and answers)."""
    response = Response(body, content_type=content_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{file_name}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def streamed(export: Export) -> Response:
    """A score export, streamed as it is made: its rows are read from the database while the
    response is sent, so the request's context stays open until the last chunk."""
    return attachment(stream_with_context(export.chunks), export.content_type, export.filename)


def since_argument() -> datetime | None:
    """A score export page's ``?since=``, read as the API and the command read it (400 with
    what is expected if it is not a time)."""
    if not request.args.get("since"):
        return None
    try:
        return parse_instant(request.args["since"])
    except ValueError as error:
        abort(400, description=f"The export's “since”: {error}.")
