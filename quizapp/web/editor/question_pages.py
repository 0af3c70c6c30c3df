"""Edit one question of a bank file in a form ("Edit this question" in the editor's preview).

The form's fields become the question's YAML (``core.question_edit``), written in place of the
question; the rest of the file stays as it was. The new text is checked as the editor checks it
(``bank_files.check``: problems with lines, shown beside the fields they are about, everything
typed kept) and saved by the editor's save (``bank_files.save``: the previous version into the
history; a conflict when the file changed since the form was opened).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for

from quizapp import core
from quizapp.core.passages import paragraphs
from quizapp.core.question_edit import (
    QuestionEditError,
    UnwritableField,
    append_question,
    field_lines,
    question_fields,
    question_lines,
    replace_question,
)
from quizapp.services import bank_files, clock
from quizapp.services.bank_files import BadFileName, Outcome
from quizapp.services.bank_library import library, served_by_file
from quizapp.web.auth.login import teacher_required
from quizapp.web.editor.pages import preview_items
from quizapp.web.editor.question_forms import (
    QuestionForm,
    add_empty_rows,
    fields_from_form,
    form_field_of,
    form_for,
    initial_data,
    offered_types,
    type_label,
)

blueprint = Blueprint("questions", __name__, url_prefix="/banks")


def _questions_dir() -> Path:
    return Path(current_app.config["QUESTIONS_DIR"])


def _file(name: str) -> bank_files.BankFile:
    """The bank file ``name`` as it is on disk (404 for a bad name or no such file)."""
    folder = _questions_dir()
    try:
        path = bank_files.checked_path(folder, name)
    except BadFileName:
        abort(404)
    if not path.is_file():
        abort(404)
    return bank_files.read(folder, name)


@blueprint.route("/<name>/questions/<question_id>/edit", methods=["GET", "POST"])
@teacher_required
def edit(name: str, question_id: str) -> Any:
    current = _file(name)
    try:
        original = question_fields(current.text, question_id)
    except QuestionEditError:
        abort(404)
    return _form_page(name, current, question_id, original)


@blueprint.get("/<name>/questions/new")
@teacher_required
def choose_type(name: str) -> Any:
    _file(name)
    return render_template("editor/question_types.html", name=name, types=offered_types())


@blueprint.route("/<name>/questions/new/<type_name>", methods=["GET", "POST"])
@teacher_required
def new(name: str, type_name: str) -> Any:
    current = _file(name)
    if form_for(type_name) is None:
        abort(404)
    return _form_page(name, current, None, {"type": type_name})


def _form_page(
    name: str, current: bank_files.BankFile, question_id: str | None, original: dict[str, Any]
) -> Any:
    type_name = str(original.get("type") or "")
    form_class = form_for(type_name)
    if form_class is None:  # a type with no form registered: edited in the file
        flash(f"Questions of the type '{type_name}' are edited in the file's text.", "info")
        return redirect(url_for("editor.edit", name=name))
    if request.method == "GET":
        form = form_class(data=initial_data(form_class, original) | {"version": current.version})
        add_empty_rows(form)
        result = bank_files.check(_questions_dir(), name, current.text, library().bank_slugs())
        return _render(name, form, type_name, question_id, result, current.text, question_id)
    form = form_class()
    if not form.validate_on_submit():
        if form.csrf_token.errors:
            abort(400)
        return _render(name, form, type_name, question_id, None, current.text, None, status=422)
    new_id = question_id if question_id is not None else (form.id.data or "").strip()
    if not new_id:
        form.id.errors = [*form.id.errors, "Give the question an id, e.g. capital-of-kosovo."]
        return _render(name, form, type_name, question_id, None, current.text, None, status=422)
    fields = fields_from_form(type_name, form, original, new_id)
    version = form.version.data or ""
    try:
        if question_id is None:
            text = append_question(current.text, fields)
        else:
            text = replace_question(current.text, question_id, fields)
    except UnwritableField as error:  # a field written by hand that the form cannot write back
        unwritable = core.Problem(
            name, 1, f"{error}: rename or remove that field in the editor, then use the form", question_id
        )
        return _render(
            name, form, type_name, question_id, core.LoadResult(None, (unwritable,)), current.text, None, 422
        )
    except QuestionEditError:  # the question is gone from the file since the form was opened
        return _render(
            name, form, type_name, question_id, None, current.text, None, status=409, conflict=True
        )
    if version != current.version:
        return _render(name, form, type_name, question_id, None, text, new_id, status=409, conflict=True)
    if request.form.get("action") != "save":
        result = bank_files.check(_questions_dir(), name, text, library().bank_slugs())
        return _render(
            name, form, type_name, question_id, result, text, new_id, status=422 if result.problems else 200
        )
    saved = bank_files.save(_questions_dir(), name, text, version, clock.now(), library().bank_slugs())
    if saved.outcome is Outcome.SAVED:
        library().reload()
        library().sync_to_database()
        flash(
            f"The question {new_id} is saved in {name}. "
            "The previous version of the file is kept in its history.",
            "success",
        )
        if _back_to_review(name):  # opened from the review page: back to its card there
            return redirect(url_for("review.review", name=name, _anchor=f"question-{new_id}"))
        return redirect(url_for("editor.edit", name=name, checked=1, _anchor=f"question-{new_id}"))
    if saved.outcome is Outcome.CONFLICT:
        return _render(name, form, type_name, question_id, None, text, new_id, status=409, conflict=True)
    result = core.LoadResult(None, saved.problems)
    return _render(name, form, type_name, question_id, result, text, new_id, status=422)


def _render(
    name: str,
    form: QuestionForm,
    type_name: str,
    question_id: str | None,
    result: core.LoadResult | None,
    text: str,
    shown_id: str | None,
    status: int = 200,
    conflict: bool = False,
) -> Any:
    """The form, with the check's problems beside the fields they are about (the others above it),
    the question as students see it when the text is valid, and the article to quote from."""
    notes: dict[str, list[str]] = {}
    for field_name, errors in form.errors.items():
        if field_name != "csrf_token":
            notes.setdefault(field_name, []).extend(_flat(errors))
    others: list[core.Problem] = []
    problems = result.problems if result else ()
    lines = _field_lines(text, shown_id)
    for problem in problems:
        field_name = _field_of(problem, type_name, shown_id, lines)
        if field_name is None:
            others.append(problem)
        else:
            notes.setdefault(field_name, []).append(problem.message)
    preview = [item for item in preview_items(result) if item["question"].id == shown_id] if result else []
    warnings = [w for w in (result.warnings if result and result.bank else ()) if w.question_id == shown_id]
    bank = served_by_file(name)
    article = paragraphs(bank.source_text) if bank and bank.source_text else []
    page = render_template(
        "editor/question.html",
        name=name,
        form=form,
        type_name=type_name,
        type_label=type_label(type_name),
        question_id=question_id,
        notes=notes,
        others=others,
        warnings=warnings,
        preview=preview,
        checked=result is not None and not problems and request.method == "POST",
        conflict=conflict,
        article=article,
        action_url=request.full_path if _back_to_review(name) else request.path,
    )
    return page, status


def _back_to_review(name: str) -> bool:
    """Whether the form was opened from the file's review page (``?back=`` its address, nothing
    else: a form never sends a teacher elsewhere)."""
    return request.args.get("back") == url_for("review.review", name=name)


def _flat(errors: Any) -> list[str]:
    """WTForms' errors of a field: a list of messages, or for a list of rows, a list of dicts."""
    if isinstance(errors, dict):
        return [message for value in errors.values() for message in _flat(value)]
    if isinstance(errors, list | tuple):
        return [message for value in errors for message in _flat(value)]
    return [str(errors)]


def _field_lines(text: str, question_id: str | None) -> dict[str, tuple[int, int]]:
    if question_id is None:
        return {}
    try:
        return field_lines(text, question_id) | {"": question_lines(text, question_id)}
    except QuestionEditError:
        return {}


# Fields a problem's message may name ("'choices'") when its line is not the field's own
_NAMED_FIELDS = frozenset(("answer", "answers", "accept", "blanks", "items", "pairs", "choices", "prompt"))


def _field_of(
    problem: core.Problem, type_name: str, question_id: str | None, lines: dict[str, tuple[int, int]]
) -> str | None:
    """The form field a problem of the checked text is about: the field written at its line, else
    the field its message names; None for a problem elsewhere in the file."""
    first, last = lines.get("", (0, -1))
    if not lines or not (problem.question_id == question_id or first <= problem.line <= last):
        return None
    for key, (start, end) in lines.items():
        if key and start <= problem.line <= end and start != first:
            return form_field_of(type_name, key)
    for key in lines.keys() | _NAMED_FIELDS:
        if key and f"'{key}'" in problem.message and form_field_of(type_name, key):
            return form_field_of(type_name, key)
    for key, (start, end) in lines.items():
        if key and start <= problem.line <= end:
            return form_field_of(type_name, key)
    return None
