"""The suite's own layout, as the README states it: test folders mirror the package, shared helpers
live in tests/helpers, fixtures only in conftest.py files (so a test module never hides a fixture
that another module's test of the same name would silently use instead)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).parent
PACKAGE = TESTS.parent / "quizapp"
LAYERS = ("core", "db", "services", "web", "api", "cli")


def _fixtures_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for decorator in node.decorator_list:
                target = decorator.func if isinstance(decorator, ast.Call) else decorator
                if ast.unparse(target) in {"pytest.fixture", "fixture"}:
                    found.append(f"{path.relative_to(TESTS)}:{node.lineno} {node.name}")
    return found


def test_fixtures_are_defined_in_conftest_files_only():
    modules = [path for path in sorted(TESTS.rglob("*.py")) if path.name != "conftest.py"]
    misplaced = [found for path in modules for found in _fixtures_in(path)]
    assert misplaced == [], "move these fixtures to their folder's conftest.py"


def test_each_layer_of_the_package_has_its_test_folder():
    for layer in LAYERS:
        assert (PACKAGE / layer).is_dir()
        assert (TESTS / layer).is_dir(), f"tests/{layer} mirrors quizapp/{layer}"
