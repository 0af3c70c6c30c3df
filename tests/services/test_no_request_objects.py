"""The service and database layers take no request objects: what a use case needs comes in as
arguments, so that pages, API and commands can all call it (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent.parent / "quizapp"
REQUEST_OBJECTS = {"request", "session", "g"}
MODULES = sorted([*(PACKAGE / "services").rglob("*.py"), *(PACKAGE / "db").rglob("*.py")])


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_no_request_objects(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in {"flask", "flask.globals"}:
            taken = {alias.name for alias in node.names} & REQUEST_OBJECTS
            assert not taken, f"{path.name}:{node.lineno} imports {taken} from flask"
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "flask":
            assert node.attr not in REQUEST_OBJECTS, f"{path.name}:{node.lineno} uses flask.{node.attr}"


def test_the_layers_are_found():
    assert len(MODULES) > 20
