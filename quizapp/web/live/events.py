"""Server-Sent Events for live quizzes: each state is sent as rendered HTML for the page's
script to swap in (``quizapp/static/live.js``), with ``id:`` the session's seq.

A stream sends the current state at once (a client reconnecting with ``Last-Event-ID`` resumes
where the class is), then each newer one as the signal wakes it, and ends after
``LIVE_STREAM_SECONDS`` so that it holds a worker thread for a bounded time; the browser then
reconnects by itself (``retry:``). Between waits it holds no database connection.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator

from flask import Response, current_app, stream_with_context

from quizapp.services import live

RETRY_MS = 1000
BUSY_RETRY_MS = 10_000  # a viewer past LIVE_STREAMS_PER_VIEWER comes back after this

_places = threading.Lock()
_open: Counter[str] = Counter()  # this process's open streams per viewer


def _take_place(viewer: str) -> bool:
    """One more open stream for ``viewer``, if it holds fewer than LIVE_STREAMS_PER_VIEWER:
    each holds a worker thread, so one client opening many (tabs, a script) would starve the
    app's other pages; and, for a player, if the process holds fewer than
    LIVE_STREAMS_PER_PROCESS in all (many guests; the projector always gets its place).
    Counted per process, as threads are."""
    in_all = int(current_app.config["LIVE_STREAMS_PER_PROCESS"])
    with _places:
        if _open[viewer] >= int(current_app.config["LIVE_STREAMS_PER_VIEWER"]):
            return False
        if not viewer.startswith("host-") and _open.total() >= in_all:
            return False  # all players together: the app's other pages keep their threads
        _open[viewer] += 1
        return True


def _give_place(viewer: str) -> None:
    with _places:
        _open[viewer] -= 1
        if _open[viewer] <= 0:
            del _open[viewer]


def frame(seq: int, html: str) -> str:
    """One event: its id, and the HTML as ``data:`` lines (a line break cannot end a field)."""
    data = "".join(f"data: {line}\n" for line in html.splitlines() or [""])
    return f"id: {seq}\nevent: state\n{data}\n"


def stream(
    session_id: int,
    render: Callable[[bool], tuple[int, object, float | None, str]],
    viewer: str,
    poll: float | None = None,
) -> Response:
    """The event stream of one viewer. ``render(after_change)`` gives (seq, what changes the
    page, seconds until the open question's time is up or None, HTML); ``after_change`` is
    False for the first event (read afresh) and True after a wait (a change may have woken the
    whole class: ``services.live.SharedSnapshots``); ``viewer`` names who watches, for
    LIVE_STREAMS_PER_VIEWER (past it, the current state is sent and the stream ends, asking to
    come back after BUSY_RETRY_MS); ``poll``: re-render that often even without a signal (the
    host's counts of answers and players change without a new seq). A render refused
    (``LiveRefused``: a player who opened a test of the bank) ends the stream."""
    lifetime = float(current_app.config["LIVE_STREAM_SECONDS"])

    def events() -> Iterator[str]:
        try:
            seq, shown, time_up, html = render(False)
        except live.LiveRefused:
            live.release()
            return
        if not _take_place(viewer):
            yield f"retry: {BUSY_RETRY_MS}\n\n" + frame(seq, html)
            live.release()
            return
        try:
            yield from follow(seq, shown, time_up, html)
        except live.LiveRefused:
            pass
        finally:
            _give_place(viewer)
            live.release()

    def follow(seq: int, shown: object, time_up: float | None, html: str) -> Iterator[str]:
        end = time.monotonic() + lifetime
        yield f"retry: {RETRY_MS}\n\n" + frame(seq, html)
        while (left := end - time.monotonic()) > 0:
            waits = [left] + ([time_up + 0.05] if time_up is not None else []) + ([poll] if poll else [])
            live.release()
            live.wait_for_change(session_id, seq, max(min(waits), 0.0))
            new_seq, new_shown, time_up, html = render(True)
            if (new_seq, new_shown) != (seq, shown):
                seq, shown = new_seq, new_shown
                yield frame(seq, html)

    response = Response(stream_with_context(events()), mimetype="text/event-stream")
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Accel-Buffering"] = "no"  # nginx: pass each event on at once
    return response
