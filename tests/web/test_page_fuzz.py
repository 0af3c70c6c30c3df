"""Arbitrary text in every form field and query parameter of every page route: never a 5xx.

The API has its own fuzz (tests/api/test_openapi_fuzz.py); this one walks ``app.url_map`` for
every route outside /api, as a visitor, a student and a teacher of a seeded class (attempts in
practice and test mode, open and submitted, a learn session, rated flashcards). It first reads
the pages as a browser would: every form it finds (and the form a flipped flashcard shows) gives
the fields of the route it posts to, with the values the page offered, and every link gives query
parameter names. Then, for each route, Hypothesis sends real ids and junk ids in the URL, and in
each field a value the page offered, arbitrary text, one of a few strings known to trip parsers
("²" passes ``str.isdigit`` and fails ``int``; control characters; 100 kB and 3 MB strings), a
list of values, or nothing; plus extra fields and query parameters. The CSRF token is always a
valid one, so every request reaches its view.

QUIZAPP_PAGE_FUZZ_EXAMPLES sets the random examples per route and role (default 12: under two minutes
in all on SQLite), after the sweep of SWEEP values through every field the pages offer.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import HTTPException
from werkzeug.routing import Rule

from quizapp.db.models import MAX_ROW_ID
from tests.helpers.quizzes import answer_correctly, start, submit
from tests.helpers.web import PASSWORD, csrf_token, login

BANK = "kosovo-peacekeepers"
EXAMPLES = int(os.environ.get("QUIZAPP_PAGE_FUZZ_EXAMPLES", "12"))
PAGES = Path(__file__).resolve().parents[2] / "quizapp" / "web"  # the page views' package
# Requests after which a role's state is gone (the session, the open test, a student): last.
ENDS_STATE = ("auth.logout", "quiz.submit", "teacher.remove_student", "assignments.delete")
SWEEP = [  # sent in every field and query parameter a page offers, every run
    "",
    "²",  # str.isdigit() is True, int() fails
    "٣",  # Arabic-Indic three: int() reads it
    "𝟗",
    "-1",
    "9" * 40,
    "9" * 5000,  # int() refuses more than 4,300 digits
    "abc\n",  # "$" in a pattern matches before a final line break; "\Z" does not
    "1e309",
    "NaN",
    "\x00",
    "\r\n",
    "/\n/x",  # a path with a line break: no header may carry it
    "/\t/evil.example",
    "x" * 100_000,
]
TRICKY = [  # and, with arbitrary text, drawn at random
    *SWEEP,
    " ",
    "0",
    "2",
    "½",
    "-inf",
    "\u202e",
    "\ufeff",
    "true",
    "next",
    "previous",
    "review",
    "save",
    "check",
    "{{1}}",
    "=1+1",
    "<b>x</b>",
    "../../etc/passwd",
    "//evil.example/x",
]
# What a person would type where the page offers nothing: the sweep logs in for real (then the
# login's ``next`` is followed), and the random draws sometimes do
TYPED = {"username": ["sam"], "password": [PASSWORD]}
HUGE = "x" * 3_000_000  # over MAX_CONTENT_LENGTH: 413


# --- what the pages show: forms and links -----------------------------------------------------


@dataclass
class Form:
    action: str
    method: str
    values: dict[str, list[str]] = field(default_factory=dict)  # every value the page offers a name
    files: set[str] = field(default_factory=set)


class PageReader(HTMLParser):
    """The forms (fields and the values offered) and link targets of a page."""

    def __init__(self, url: str):
        super().__init__()
        self.url = url
        self.forms: list[Form] = []
        self.links: list[str] = []
        self._form: Form | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "form":
            self._form = Form(a.get("action") or self.url, (a.get("method") or "get").lower())
            self.forms.append(self._form)
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif self._form is None or not a.get("name"):
            return
        elif tag == "input" and a.get("type") == "file":
            self._form.files.add(a["name"])
        elif tag in ("input", "button"):
            self._offer(a["name"], a.get("value", "on" if a.get("type") in ("checkbox", "radio") else ""))
        elif tag == "textarea":
            self._offer(a["name"], "")
        elif tag == "select":
            self._select = a["name"]
            self._offer(a["name"], "")
        elif tag == "option" and self._select:
            self._offer(self._select, a.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None

    def _offer(self, name: str, value: str) -> None:
        offered = self._form.values.setdefault(name, [])
        if value not in offered:
            offered.append(value)


# --- the seeded world and the values of URL parameters ----------------------------------------


@dataclass
class World:
    app: Any
    ids: dict[str, list[Any]]  # URL parameter name -> the values to try, real ones first


def seed(app, people) -> World:
    """Sam: a learn session, rated flashcards, a practice attempt, a submitted test and an open one
    (opened last: while a test is open, its bank's study modes may be closed). Sara: a submitted
    test. Oleg (another teacher's class): an open test, for ids that are not yours."""
    sam = app.test_client()
    login(sam, "sam")
    page = sam.get(f"/quizzes/{BANK}").get_data(as_text=True)
    learn = sam.post(f"/learn/{BANK}", data={"csrf_token": csrf_token(page)})
    session_id = int(re.search(r"/learn/sessions/(\d+)", learn.headers["Location"]).group(1))
    flip = _only_form(sam, f"/decks/{BANK}/study", f"/decks/{BANK}/study/flip")
    flipped = sam.post(flip.action, data=_defaults(flip)).get_data(as_text=True)
    rating = next(f for f in _read(flipped, flip.action).forms if f.action.endswith("/study/review"))
    assert sam.post(rating.action, data=_defaults(rating)).status_code in (200, 302)
    practice = start(sam, "practice")
    answer_correctly(sam, app, practice, 1)
    submitted = start(sam, "test")
    answer_correctly(sam, app, submitted, 1)
    submit(sam, submitted)
    open_test = start(sam, "test")
    answer_correctly(sam, app, open_test, 2)
    sara = app.test_client()
    login(sara, "sara")
    saras = start(sara, "test")
    submit(sara, saras)
    oleg = app.test_client()
    login(oleg, "oleg")
    olegs = start(oleg, "test")
    missing = 999_999
    with app.app_context():
        from quizapp.services import assignments

        tinas = [row.id for row in assignments.of_classes([people.class_id])]
        ottos = [row.id for row in assignments.of_classes([people.other_class_id])]
        live_id, player_id = _live_quiz(people)
    return World(
        app,
        {
            "attempt_id": [open_test, practice, submitted, saras, olegs, missing, 0, MAX_ROW_ID + 1],
            "number": [1, 2, 3, 20, 0, 10**6],
            "session_id": [session_id, missing],
            "class_id": [people.class_id, people.other_class_id, missing],
            "student_id": [people.student, people.classmate, people.other_student, people.teacher, missing],
            "bank_slug": [BANK, "nope"],
            "name": [f"{BANK}.yaml", "nope.yaml", BANK, ".yaml"],
            "file_format": ["gift", "apkg", "yaml"],
            "question_id": ["mission-destination", "ceremony-details", "nope", "-"],
            "type_name": ["single", "cloze", "matching", "nope"],
            "kind": ["attempts", "gradebook", "answers", "assignment_gradebook", "nope"],
            "fmt": ["csv", "xlsx", "json", "pdf"],
            "filename": ["style.css", "quiz.js", "../quizapp/__init__.py", "nope"],
            "assignment_id": [*tinas, *ottos, missing, 0, MAX_ROW_ID + 1],
            "live_id": [live_id, missing],
            "player_id": [player_id, missing],
            "action": ["start", "next", "reveal", "pause", "resume", "skip", "end", "nope"],
        },
    )


def _live_quiz(people) -> tuple[int, int]:
    """A live quiz Tina hosts, its first question open, with Sam in it (added straight to the
    table: his open test would refuse the join) and guests allowed: its id and Sam's player id."""
    import random

    from quizapp.db import account_store, live_store
    from quizapp.services import clock, live

    tina = account_store.get_account(people.teacher)
    hosted = live.create(tina, BANK, clock.now(), 1, random.Random(3), allow_guests=True)
    sam = live_store.add_player(hosted.id, people.student, "Sam", None, clock.now())
    assert sam is not None
    live.act(tina, hosted.id, "start", clock.now())
    return hosted.id, sam.id


def _read(html: str, url: str) -> PageReader:
    reader = PageReader(url)
    reader.feed(html)
    return reader


def _only_form(client, page: str, action: str) -> Form:
    return next(f for f in _read(client.get(page).get_data(as_text=True), page).forms if f.action == action)


def _defaults(form: Form) -> dict[str, str]:
    return {name: values[0] for name, values in form.values.items()}


# --- the routes and a browser's view of them --------------------------------------------------


@dataclass(frozen=True)
class Target:
    rule: Rule
    method: str

    @property
    def name(self) -> str:
        return f"{self.method} {self.rule.rule}"


def page_targets(app) -> list[Target]:
    """Every (rule, method) outside the API, in the map's order, those that end a state last."""
    targets = [
        Target(rule, method)
        for rule in app.url_map.iter_rules()
        if not rule.rule.startswith("/api/")
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"})
    ]
    return sorted(targets, key=lambda t: t.rule.endpoint in ENDS_STATE)


def url_of(target: Target, values: dict[str, Any]) -> str:
    built = target.rule.build(values, append_unknown=False)
    assert built is not None, (target.name, values)
    return built[1]


def source_parameter_names() -> set[str]:
    """Names the views read from the query string or form, found in their source."""
    pattern = re.compile(
        r"""(?:request\.(?:args|form|values)|values)(?:\.get(?:list)?\(|\[)\s*["']([\w-]+)["']"""
    )
    return {
        name for path in PAGES.rglob("*.py") for name in pattern.findall(path.read_text(encoding="utf-8"))
    }


class Browser:
    """A client logged in as ``username`` (None: a visitor) that logs in again when logged out."""

    def __init__(self, app, username: str | None):
        self.app, self.username = app, username
        self.client = app.test_client()
        if username:
            login(self.client, username)
        self._token: str | None = None

    def token(self) -> str:
        """The session's CSRF token (the same for every form of the session)."""
        if self._token is None:
            page = self.client.get("/account/password" if self.username else "/login")
            self._token = csrf_token(page.get_data(as_text=True))
        return self._token

    def sent(self, target: Target, response) -> None:
        """After a login, logout, sign-up or password change, start again as who this browser is."""
        posted_to_auth = target.method == "POST" and target.rule.endpoint.startswith("auth.")
        if posted_to_auth or "/login" in response.headers.get("Location", ""):
            self.client = self.app.test_client()
            if self.username:
                login(self.client, self.username)
            self._token = None


@dataclass
class Knowledge:
    """What reading the pages taught: each POST endpoint's fields, each endpoint's query names."""

    forms: dict[str, Form] = field(default_factory=dict)
    query_names: dict[str, set[str]] = field(default_factory=dict)


def read_the_pages(browser: Browser, world: World, targets: list[Target]) -> Knowledge:
    """GET every page with each real id, and read its forms and links (and a flipped card's)."""
    knowledge = Knowledge()
    adapter = world.app.url_map.bind("localhost")
    pages = [t for t in targets if t.method == "GET" and t.rule.endpoint != "static"]
    for target in pages:
        for values in _real_values(target, world):
            url = url_of(target, values)
            response = browser.client.get(url)
            html = response.get_data(as_text=True)  # read (and so closed), downloads too
            if response.status_code == 200 and response.mimetype == "text/html":
                _learn(knowledge, adapter, _read(html, url))
            elif "Location" in response.headers:  # e.g. /login?next=...: a link the browser follows
                _learn(knowledge, adapter, _read(f'<a href="{escape(response.headers["Location"])}">', url))
    flip = knowledge.forms.get("study.flip")
    if flip is not None:
        data = _defaults(flip) | {"csrf_token": browser.token()}
        flipped = browser.client.post(flip.action, data=data)
        _learn(knowledge, adapter, _read(flipped.get_data(as_text=True), flip.action))
    return knowledge


def _real_values(target: Target, world: World) -> list[dict[str, Any]]:
    """The URL values to read a page with: the first real one of each, then each attempt."""
    first = {name: world.ids[name][0] for name in target.rule.arguments}
    if "attempt_id" not in first:
        return [first]
    return [first | {"attempt_id": attempt} for attempt in world.ids["attempt_id"][:3]]


def _learn(knowledge: Knowledge, adapter, page: PageReader) -> None:
    for form in page.forms:
        path = urlsplit(form.action).path
        try:
            endpoint, _ = adapter.match(path, method=form.method.upper())
        except HTTPException:
            continue
        names = set(form.values) | {name for name, _ in parse_qsl(urlsplit(form.action).query)}
        if form.method == "get":
            knowledge.query_names.setdefault(endpoint, set()).update(names)
            continue
        known = knowledge.forms.setdefault(endpoint, Form(form.action, "post"))
        for name, values in form.values.items():
            offered = known.values.setdefault(name, [])
            offered.extend(v for v in values if v not in offered)
        known.files |= form.files
    for link in page.links:
        parts = urlsplit(link)
        if parts.netloc or not parts.query:
            continue
        try:
            endpoint, _ = adapter.match(parts.path, method="GET")
        except HTTPException:
            continue
        knowledge.query_names.setdefault(endpoint, set()).update(n for n, _ in parse_qsl(parts.query))


# --- what Hypothesis sends --------------------------------------------------------------------

texts = st.text(max_size=40)
one_value = st.one_of(st.sampled_from(TRICKY), texts)


def field_value(offered: list[str]) -> st.SearchStrategy[Any]:
    """A value the page offered, junk, several values, or the field left out (None)."""
    single = st.one_of(st.sampled_from(offered), one_value) if offered else one_value
    return st.one_of(single, single, st.lists(single, min_size=2, max_size=3), st.none())


files = st.one_of(
    st.binary(max_size=300),
    st.sampled_from(
        [b"", b"\xff\xfe\x00bad", b"id: x\ntitle: T\nquestions:\n  - id: q\n    type: numeric\n"]
    ),
).map(lambda data: (io.BytesIO(data), "upload.txt"))


def url_value(name: str, world: World) -> st.SearchStrategy[Any]:
    assert name in world.ids, f"no ids for the URL parameter {name!r}: add them to seed()"
    real = st.sampled_from(world.ids[name])
    if isinstance(world.ids[name][0], int):
        return real
    return st.one_of(real, real, real, texts.filter(lambda text: text and "/" not in text))


def query(names: set[str]) -> st.SearchStrategy[MultiDict]:
    keys = st.one_of(st.sampled_from(sorted(names)), texts) if names else texts
    return st.lists(st.tuples(keys, one_value), max_size=4).map(MultiDict)


def stays_on_this_site(location: str) -> bool:
    """A redirect a browser follows to this site only: browsers drop tabs and line breaks from a
    URL (and leading spaces and controls), and read a backslash as a slash."""
    cleaned = re.sub(r"[\t\r\n]", "", location).lstrip("".join(map(chr, range(33)))).replace("\\", "/")
    return urlsplit(cleaned).netloc in ("", "localhost")


# --- the test ---------------------------------------------------------------------------------


UNLIMITED = {  # thousands of logins from one address, some of them wrong
    "LOGIN_LIMIT_PER_ADDRESS": "1000000 per minute",
    "LOGIN_FAILURE_LIMIT_PER_ACCOUNT": "1000000 per minute",
    "LOGIN_SLOWDOWN_AFTER_FAILURES": 1_000_000,
}


@pytest.mark.parametrize("username", [None, "sam", "tina"], ids=["visitor", "student", "teacher"])
def test_no_page_answers_arbitrary_input_with_a_server_error(app, people, username):
    app.config.update(UNLIMITED)
    world = seed(app, people)
    fuzz_every_route(world, Browser(app, username))


def test_before_the_first_teacher_no_page_answers_arbitrary_input_with_a_server_error(app):
    """An empty database: the set-up page's form is there to fuzz, and no id is anyone's."""
    app.config.update(UNLIMITED)
    ids = {
        name: [1, 999_999]
        for name in (
            "attempt_id",
            "number",
            "session_id",
            "class_id",
            "student_id",
            "assignment_id",
            "live_id",
            "player_id",
        )
    }
    names = {
        name: [BANK, "nope"]
        for name in ("bank_slug", "name", "file_format", "kind", "fmt", "question_id", "type_name")
    }
    world = World(app, ids | names | {"filename": ["style.css", "nope"], "action": ["start", "nope"]})
    fuzz_every_route(world, Browser(app, None))


def fuzz_every_route(world: World, browser: Browser) -> None:
    targets = page_targets(world.app)
    knowledge = read_the_pages(browser, world, targets)
    everywhere = source_parameter_names()
    failures: list[str] = []
    for target in targets:
        try:
            fuzz(target, browser, world, knowledge, everywhere)()
        except Exception as error:  # each route's smallest failing examples: every route's
            found = error.exceptions if isinstance(error, ExceptionGroup) else [error]
            failures += [f"{target.name}: {type(one).__name__}: {str(one)[:1000]}" for one in found]
    assert not failures, "\n\n".join(failures)


def fuzz(
    target: Target, browser: Browser, world: World, knowledge: Knowledge, everywhere: set[str]
) -> Callable:
    """The route's property test: random requests, after one per (field, tricky value) pair."""
    endpoint = target.rule.endpoint
    form = knowledge.forms.get(endpoint, Form("", "post"))
    offered = {
        name: [*TYPED.get(name, []), *values]
        for name, values in form.values.items()
        if not name.endswith("csrf_token")
    }
    queried = knowledge.query_names.get(endpoint, set())
    names = everywhere | queried | set(offered)
    url_values = st.fixed_dictionaries({name: url_value(name, world) for name in target.rule.arguments})
    fields = st.fixed_dictionaries(
        {name: field_value(values) for name, values in offered.items()}
        | {name: st.one_of(files, st.none()) for name in form.files}
    )
    extra = st.dictionaries(st.one_of(st.sampled_from(sorted(names)), texts), field_value([]), max_size=3)
    headers = st.sampled_from([{}, {"X-Autosave": "1"}, {"X-Fragment": "1"}])
    huge = st.sampled_from([False] * 30 + [True])

    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(url_values, query(names), fields, extra, headers, huge)
    def run(values, query_string, fields, extra, headers, huge):
        url = url_of(target, values)
        if target.method == "GET":
            response = browser.client.get(url, query_string=query_string, headers=headers)
        else:
            data = MultiDict()
            for name, value in (fields | extra).items():
                for one in value if isinstance(value, list) else [value]:
                    if one is not None:
                        data.add(name, one)
            if huge:
                data.add("text", HUGE)
            token = browser.token()
            for name in [n for n in data if n.endswith("csrf_token")] + ["csrf_token"]:
                data[name] = token  # (a prefixed form's too): a valid token, so the view runs
            response = browser.client.post(url, query_string=query_string, data=data, headers=headers)
        response.get_data()  # a streamed download fails while it is read
        response.close()
        browser.sent(target, response)
        sent = f"{target.method} {url}?{query_string}"
        assert response.status_code < 500, f"{sent} -> {response.status_code}"
        location = response.headers.get("Location")
        assert location is None or stays_on_this_site(location), f"{sent} -> {location!r}"

    # every tricky value in every field the page offered (the others as offered), and in every
    # query parameter a link or a GET form used: explicit examples, run first, every time
    real = {name: world.ids[name][0] for name in target.rule.arguments}
    defaults = {name: values[0] if values else "" for name, values in offered.items()}
    for tricky in SWEEP:
        for name in offered:
            run = example(real, MultiDict(), defaults | {name: tricky}, {}, {}, False)(run)
        for name in queried:
            run = example(real, MultiDict({name: tricky}), defaults, {}, {}, False)(run)
    return run
