"""The service and database layers take no request objects and make no HTTP answers: what a use
case needs comes in as arguments and what it gives back is data, so that pages, API and commands
can all call it; the front ends make responses (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent.parent / "quizapp"
REQUEST_OBJECTS = {"request", "session", "g"}
HTTP_OBJECTS = {
    "Response",
    "abort",
    "flash",
    "jsonify",
    "make_response",
    "redirect",
    "render_template",
    "send_file",
    "stream_with_context",
    "url_for",
}
FORBIDDEN = REQUEST_OBJECTS | HTTP_OBJECTS
WERKZEUG_ALLOWED = {"werkzeug.security"}  # password hashes, not HTTP
MODULES = sorted([*(PACKAGE / "services").rglob("*.py"), *(PACKAGE / "db").rglob("*.py")])


def _imported_modules(node: ast.AST) -> list[str]:
    if isinstance(node, ast.ImportFrom):
        return [node.module or ""]
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    return []


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_no_request_objects_nor_http_answers(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        where = f"{path.name}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.ImportFrom) and node.module in {"flask", "flask.globals", "flask.helpers"}:
            taken = {alias.name for alias in node.names} & FORBIDDEN
            assert not taken, f"{where} imports {taken} from flask"
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "flask":
            assert node.attr not in FORBIDDEN, f"{where} uses flask.{node.attr}"
        for module in _imported_modules(node):
            if module.split(".")[0] == "werkzeug":
                assert module in WERKZEUG_ALLOWED, (
                    f"{where} imports {module} (HTTP belongs to the front ends)"
                )


def test_the_layers_are_found():
    assert len(MODULES) > 20
