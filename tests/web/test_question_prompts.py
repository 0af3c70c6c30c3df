"""A question's prompt is drawn as its type says (``blanks_in_prompt``), in one place: the
``prompt_html`` filter that the feedback, results, learn and answer-key pages call. No template
branches on a type's name (docs/architecture.md, "Adding a question type")."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

from flask import render_template_string

from quizapp.core.question_types import question_types

TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"
PROMPT = "The capital of *Kosovo* is {{1}}."
GAP = '<span class="gap">(1)&nbsp;____</span>'


def drawn(app, type_name: str) -> str:
    with app.app_context():
        return render_template_string(
            "{{ q | prompt_html }}", q=SimpleNamespace(type=type_name, prompt=PROMPT)
        )


def test_a_cloze_prompt_shows_gaps_where_other_prompts_show_markdown(app):
    cloze, short = drawn(app, "cloze"), drawn(app, "short")
    assert GAP in cloze and "{{1}}" not in cloze and "<em>Kosovo</em>" in cloze
    assert "{{1}}" in short and "gap" not in short and "<em>Kosovo</em>" in short
    for kind in question_types():
        assert drawn(app, kind.name) == (cloze if kind.blanks_in_prompt else short), kind.name
    assert [kind.name for kind in question_types() if kind.blanks_in_prompt] == ["cloze"]


def test_a_new_type_says_how_its_prompt_is_drawn_with_no_template_changed(app, toy_type, monkeypatch):
    assert "{{1}}" in drawn(app, toy_type.name)  # Markdown, the default
    monkeypatch.setattr(toy_type, "blanks_in_prompt", True)
    assert GAP in drawn(app, toy_type.name)


def test_no_template_branches_on_a_question_type():
    names = "|".join(kind.name for kind in question_types())
    branching = re.compile(
        rf"\.type\s*(==|!=|\bin\b|\bis\b)|(==|!=|\bin\b)\s*['\"]({names})['\"]|['\"]({names})['\"]\s*(==|!=)"
    )
    templates = sorted(TEMPLATES.rglob("*.html"))
    assert len(templates) > 30
    for path in templates:
        found = branching.search(path.read_text(encoding="utf-8"))
        assert found is None, f"{path.relative_to(TEMPLATES)} branches on a type: {found.group(0)!r}"
