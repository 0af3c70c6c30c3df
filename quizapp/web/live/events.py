"""Server-Sent Events for live quizzes: each state is sent as rendered HTML for the page's
script to swap in (``quizapp/static/live.js``), with ``id:`` the session's seq.

A stream sends the current state at once (a client reconnecting with ``Last-Event-ID`` resumes
where the class is), then each newer one as the signal wakes it, and ends after
``LIVE_STREAM_SECONDS`` so that it holds a worker thread for a bounded time; the browser then
reconnects by itself (``retry:``). Between waits it holds no database connection.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from flask import Response, current_app, stream_with_context

from quizapp.services import live

RETRY_MS = 1000


def frame(seq: int, html: str) -> str:
    """One event: its id, and the HTML as ``data:`` lines (a line break cannot end a field)."""
    data = "".join(f"data: {line}\n" for line in html.splitlines() or [""])
    return f"id: {seq}\nevent: state\n{data}\n"


def stream(
    session_id: int,
    render: Callable[[], tuple[int, object, float | None, str]],
    poll: float | None = None,
) -> Response:
    """The event stream of one viewer. ``render`` gives (seq, what changes the page, seconds
    until the open question's time is up or None, HTML); ``poll``: re-render that often even
    without a signal (the host's counts of answers and players change without a new seq)."""
    lifetime = float(current_app.config["LIVE_STREAM_SECONDS"])

    def events() -> Iterator[str]:
        end = time.monotonic() + lifetime
        seq, shown, time_up, html = render()
        yield f"retry: {RETRY_MS}\n\n" + frame(seq, html)
        while (left := end - time.monotonic()) > 0:
            waits = [left] + ([time_up + 0.05] if time_up is not None else []) + ([poll] if poll else [])
            live.release()
            live.wait_for_change(session_id, seq, max(min(waits), 0.0))
            new_seq, new_shown, time_up, html = render()
            if (new_seq, new_shown) != (seq, shown):
                seq, shown = new_seq, new_shown
                yield frame(seq, html)
        live.release()

    response = Response(stream_with_context(events()), mimetype="text/event-stream")
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Accel-Buffering"] = "no"  # nginx: pass each event on at once
    return response
