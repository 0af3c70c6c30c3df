"""Plain HTTP clients of a live quiz on real servers (system tests and benchmarks/live.py):
a host who logs in and clicks, and guest players who join by PIN, hold the event stream
(``/live/<id>/events``, reconnecting with ``Last-Event-ID`` to the next server when theirs
goes) and post answers. Forms are the pages' own, with their CSRF token."""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time
from dataclasses import dataclass, field

import requests

SHORT_QUESTIONS = ("mission-request", "mission-command", "capital-short", "ksf-name", "nato-who")
BANK = "kosovo-peacekeepers"


def csrf(page: str) -> str:
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    assert match, "no CSRF token on the page"
    return match.group(1)


class Host:
    """A teacher on one server: logs in, opens a session of short questions, clicks."""

    def __init__(self, url: str, username: str, password: str):
        self.url = url
        self.http = requests.Session()
        token = csrf(self.http.get(f"{url}/login", timeout=30).text)
        done = self.http.post(
            f"{url}/login",
            data={"username": username, "password": password, "csrf_token": token},
            allow_redirects=False,
            timeout=30,
        )
        assert done.status_code == 302, done.text[:300]
        self.token = ""
        self.live_id = 0
        self.pin = ""

    def open(self, questions: tuple[str, ...], seconds: int = 120) -> Host:
        page = f"{self.url}/live/new/{BANK}"
        self.token = csrf(self.http.get(page, timeout=30).text)
        data = {
            "csrf_token": self.token,
            "pick": "chosen",
            "question": list(questions),
            "seconds": str(seconds),
            "allow_guests": "1",
        }
        created = self.http.post(page, data=data, allow_redirects=False, timeout=30)
        assert created.status_code == 302, created.text[:300]
        self.live_id = int(created.headers["Location"].rstrip("/").rsplit("/", 1)[1])
        self.pin = re.sub(r"\D", "", re.search(r'class="live-pin"[^>]*>([^<]+)<', self.page()).group(1))
        return self

    def page(self) -> str:
        return self.http.get(f"{self.url}/live/host/{self.live_id}", timeout=30).text

    def act(self, action: str) -> tuple[int, float]:
        """The click: its status and when it was made (time.time(), compared with receipts)."""
        clicked = time.time()
        done = self.http.post(
            f"{self.url}/live/host/{self.live_id}/{action}",
            data={"csrf_token": self.token},
            allow_redirects=False,
            timeout=30,
        )
        return done.status_code, clicked


@dataclass
class Player:
    """A guest with a nickname. ``servers``: where to (re)connect, their own first."""

    servers: list[str]
    pin: str
    nickname: str
    received: dict[int, float] = field(default_factory=dict)  # seq -> when it arrived (first time)
    last_html: str = ""
    statuses: list[int] = field(default_factory=list)  # of every request but the stream's data
    reconnects: int = 0

    def __post_init__(self) -> None:
        self.http = requests.Session()
        self.stop = threading.Event()
        self.live_id = 0
        self.token = ""
        self._thread: threading.Thread | None = None
        self._response: requests.Response | None = None
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return self.servers[0]

    def join(self) -> Player:
        self.token = csrf(self.http.get(f"{self.url}/live", timeout=30).text)
        joined = self.http.post(
            f"{self.url}/live",
            data={"csrf_token": self.token, "pin": self.pin, "nickname": self.nickname},
            allow_redirects=False,
            timeout=30,
        )
        self.statuses.append(joined.status_code)
        assert joined.status_code == 302, joined.text[:300]
        self.live_id = int(joined.headers["Location"].rstrip("/").rsplit("/", 1)[1])
        return self

    def listen(self) -> Player:
        self._thread = threading.Thread(target=self._follow, daemon=True)
        self._thread.start()
        return self

    def _follow(self) -> None:
        last = -1
        while not self.stop.is_set():
            headers = {"Accept": "text/event-stream"} | ({"Last-Event-ID": str(last)} if last >= 0 else {})
            try:
                with self.http.get(
                    f"{self.url}/live/{self.live_id}/events", headers=headers, stream=True, timeout=(2, 60)
                ) as response:
                    self._response = response
                    self.statuses.append(response.status_code)
                    if response.status_code != 200:
                        raise requests.ConnectionError(f"status {response.status_code}")
                    seq, data = -1, []
                    for line in response.iter_lines(chunk_size=None, decode_unicode=True):
                        if self.stop.is_set():
                            return
                        if line.startswith("id: "):
                            seq = int(line[4:])
                        elif line.startswith("data: "):
                            data.append(line[6:])
                        elif line == "" and seq >= 0:
                            with self.lock:
                                self.received.setdefault(seq, time.time())
                                self.last_html = "\n".join(data)
                            last, seq, data = seq, -1, []
            except (requests.RequestException, ValueError, AttributeError):
                if self.stop.is_set():
                    return
                self.servers.append(self.servers.pop(0))  # this server is gone: the next one
                self.reconnects += 1
                self.stop.wait(0.2)
                continue
            self.stop.wait(0.05)  # the stream's time ran out: reconnect (the browser waits retry:)

    def has(self, seq: int) -> bool:
        with self.lock:
            return seq in self.received

    def answer(self, index: int, text: str) -> int:
        """Post an answer where the player is now; the status (302: acknowledged, stored or a
        repeat; 0: no answer from the server)."""
        try:
            done = self.http.post(
                f"{self.url}/live/{self.live_id}/answer",
                data={"csrf_token": self.token, "question": str(index), "text": text},
                allow_redirects=False,
                timeout=30,
            )
        except requests.RequestException:
            return 0
        self.statuses.append(done.status_code)
        return done.status_code

    def close(self) -> None:
        self.stop.set()
        response = self._response
        if response is not None:
            with contextlib.suppress(AttributeError, OSError):
                response.raw.connection.sock.shutdown(socket.SHUT_RDWR)  # unblock the reader at once
        if self._thread is not None:
            self._thread.join(timeout=5)


def wait_until(predicate, timeout: float, step: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()
