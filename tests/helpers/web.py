"""Helpers for the web pages: logging in through the real form, CSRF tokens, and page-level shortcuts
shared by several test modules."""

from __future__ import annotations

import csv
import html
import io
import re
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import event

from quizapp import create_app
from quizapp.db.base import db

PASSWORD = "correct-horse-battery"


def login(client, username: str, password: str = PASSWORD):
    """Log ``client`` in through the real form (with its CSRF token)."""
    page = client.get("/login")
    token = csrf_token(page.get_data(as_text=True))
    response = client.post("/login", data={"username": username, "password": password, "csrf_token": token})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return response


def csrf_token(html: str) -> str:
    import re

    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def app_with(app, **config):
    base = {key: app.config[key] for key in ("SECRET_KEY", "QUESTIONS_DIR", "SQLALCHEMY_DATABASE_URI")}
    return create_app(base | {"TESTING": True, "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000"} | config)


def editor_form(page: str) -> tuple[str, str, str]:
    text = re.search(r'<textarea id="text"[^>]*>(.*?)</textarea>', page, re.DOTALL).group(1)
    import html

    version = re.search(r'name="version" value="([^"]*)"', page).group(1)
    return html.unescape(text), version, csrf_token(page)


def upload(
    teacher,
    file_format: str,
    file_name: str,
    content: bytes | None = None,
    pasted: str = "",
    source="x.txt",
    **fields: str,
):
    token = csrf_token(teacher.get("/banks/import").get_data(as_text=True))
    data = {
        "csrf_token": token,
        "file_format": file_format,
        "file_name": file_name,
        "pasted": pasted,
        **fields,
    }
    if content is not None:
        data["source"] = (io.BytesIO(content), source)
    return teacher.post("/banks/import", data=data, content_type="multipart/form-data")


def study_one(client, rating: str = "3", fragment: bool = False) -> tuple[str, str]:
    """Flip and rate the next card; returns (its key, the page after the flip)."""
    page = client.get(f"{DECK}/study").get_data(as_text=True)
    key, token = shown_key(page), csrf_token(page)
    headers = {"X-Fragment": "1"} if fragment else {}
    flipped = client.post(f"{DECK}/study/flip", data={"key": key, "csrf_token": token}, headers=headers)
    assert flipped.status_code == 200
    client.post(
        f"{DECK}/study/review",
        data={
            "key": key,
            "rating": rating,
            "reviews": seen_reviews(flipped.get_data(as_text=True)),
            "csrf_token": token,
        },
        headers=headers,
    )
    return key, flipped.get_data(as_text=True)


@contextmanager
def counted_queries(app):
    statements: list[str] = []
    with app.app_context():
        engine = db.engine

    def count(conn, cursor, statement, *args):
        if (
            not statement.lstrip()
            .upper()
            .startswith(("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA", "SAVEPOINT", "RELEASE"))
        ):
            statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def read_csv(response) -> list[dict[str, str]]:
    text = response.get_data(as_text=False).decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads UTF-8 only with the byte-order mark
    return list(csv.DictReader(io.StringIO(text[1:])))


def column_widths(sheet) -> dict[str, float]:
    """Each column's set width by letter (openpyxl's sheet), reading a width that XlsxWriter
    wrote once for a run of columns (``<col min="10" max="11">``) as every one of them has it
    (``column_dimensions`` gives it to the first column alone); a column without one is left out."""
    from openpyxl.utils import get_column_letter

    widths = {}
    for dimension in sheet.column_dimensions.values():
        if dimension.customWidth and dimension.min and dimension.max:
            for column in range(dimension.min, dimension.max + 1):
                widths[get_column_letter(column)] = dimension.width
    return widths


DECK = "/decks/kosovo-peacekeepers"


def shown_key(html: str) -> str:
    return re.search(r'name="key" value="([^"]+)"', html).group(1)


def seen_reviews(html: str) -> str:
    return re.search(r'name="reviews" value="(\d+)"', html).group(1)


@dataclass(frozen=True)
class People:
    """Two teachers with a class each; students in both. Ids, usernames and join codes."""

    teacher: int
    other_teacher: int
    student: int
    classmate: int
    other_student: int
    class_id: int
    other_class_id: int
    join_code: str


def field_error(page: str, field_id: str) -> str:
    """The error shown under a form field (what a screen reader reads with it)."""
    match = re.search(rf'<p class="error" id="{re.escape(field_id)}-error">(.*?)</p>', page, re.S)
    assert match, f"no error under {field_id}"
    return html.unescape(match.group(1))


def typed_value(page: str, field_id: str) -> str:
    """What a text field holds as the page was sent back (kept after a refusal)."""
    match = re.search(rf'<input[^>]*id="{re.escape(field_id)}"[^>]*value="([^"]*)"', page)
    assert match, f"no value in {field_id}"
    return html.unescape(match.group(1))
