"""The yardsticks of benchmarks/http_load.py, under the same gunicorn as the app:

- ``/``: a bare Flask app that says hello (every ratio is to this);
- ``/row/<id>``: a bare Flask + Flask-SQLAlchemy page that reads one row and renders a small
  template: what a page costs with no session, no login and no layout (issue 7 puts it at
  about 0.49 x hello), so the app's figures can be read against it.

The row lives in an SQLite file (HELLO_DATABASE, or a temporary folder); benchmarks/http_load.py
makes it before the workers start, so they do not race to create it.
"""

import os
import tempfile
from pathlib import Path

from flask import Flask, render_template
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import Mapped, mapped_column

database = os.environ.get("HELLO_DATABASE") or str(Path(tempfile.mkdtemp(prefix="hello-")) / "hello.sqlite")
app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{database}"
db = SQLAlchemy(app)

PAGE = app.jinja_env.from_string(
    "<!doctype html><title>{{ row.title }}</title><h1>{{ row.title }}</h1><p>{{ row.body }}</p>"
)


class Note(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    body: Mapped[str]


with app.app_context():
    db.create_all()
    if db.session.get(Note, 1) is None:
        db.session.add(Note(id=1, title="A note", body="One row, read and shown."))
        db.session.commit()


@app.get("/")
def hello() -> str:
    return "Hello"


@app.get("/row/<int:row_id>")
def row(row_id: int) -> str:
    return render_template(PAGE, row=db.get_or_404(Note, row_id))
