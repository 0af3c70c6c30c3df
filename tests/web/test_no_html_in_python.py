"""No HTML is built in Python strings: markup lives in templates (the cloze blanks, the test's
question buttons, a highlighted passage), where autoescaping applies and a designer finds it."""

from __future__ import annotations

import re
from pathlib import Path

import quizapp

# Markup("<...") or Markup(f"...<...") or Markup('...<...'): a literal that is HTML, trusted as is
HTML_LITERAL = re.compile(r"""Markup\(\s*f?(["']).*<""")


def test_no_module_marks_a_literal_string_of_html_as_safe():
    package = Path(quizapp.__file__).parent
    found = [
        f"{path.relative_to(package)}:{number}: {line.strip()}"
        for path in sorted(package.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if HTML_LITERAL.search(line)
    ]
    assert found == []


def test_the_check_sees_what_it_looks_for():
    assert HTML_LITERAL.search("""    return Markup(f'<span class="gap">({n})</span>')""")
    assert HTML_LITERAL.search("""    return Markup("{}<mark>{}</mark>{}").format(a, b, c)""")
    assert not HTML_LITERAL.search("""    return Markup(gap(number))""")
