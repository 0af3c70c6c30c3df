"""The HTML pages. Thin: each view asks a store or the core and renders a template."""

from __future__ import annotations

from flask import Blueprint, render_template

from . import bank_store

blueprint = Blueprint("pages", __name__)


@blueprint.get("/")
def index() -> str:
    return render_template("index.html", banks=bank_store.list_banks())
