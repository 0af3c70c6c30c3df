"""Teachers edit question files in the browser: check without saving, preview, save safely."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from quizapp import core
from quizapp.core.bank_loader import bank_files as files_in
from quizapp.core.question_types import present
from quizapp.services import assignments, bank_drafts, bank_files, clock
from quizapp.services.bank_drafts import Draft
from quizapp.services.bank_files import BadFileName, Outcome
from quizapp.services.bank_imports import ImportResult
from quizapp.services.bank_library import banks_by_file, library, served_by_file
from quizapp.web.auth.login import teacher_required
from quizapp.web.forms import ActionForm, NewBankForm, add_error, required_data
from quizapp.web.quiz.answer_forms import answer_inputs

blueprint = Blueprint("editor", __name__, url_prefix="/banks")


def _folder() -> Path:
    return Path(current_app.config["QUESTIONS_DIR"])


def saved_file(name: str) -> bank_files.BankFile:
    """The bank file ``name`` as saved (404 for a name outside the folder, or no such file)."""
    try:
        exists = bank_files.checked_path(_folder(), name).is_file()
    except BadFileName:
        exists = False
    if not exists:
        abort(404)
    return bank_files.read(_folder(), name)


def _problems_by_file() -> dict[str, list[core.Problem]]:
    found: dict[str, list[core.Problem]] = {}
    for problem in library().catalog.problems:
        found.setdefault(Path(problem.file).name, []).append(problem)
    return found


@blueprint.get("")
@teacher_required
def banks() -> str:
    folder = _folder()
    problems = _problems_by_file()
    served = banks_by_file()
    rows = (
        [
            {"name": path.name, "bank": served.get(path.name), "problems": problems.get(path.name, [])}
            for path in files_in(folder)
        ]
        if folder.is_dir()
        else []
    )
    on_disk = {row["name"] for row in rows}
    unsaved = [
        draft
        for draft in bank_drafts.drafts_of(current_user.id, clock.now())
        if draft.file_name not in on_disk
    ]
    return render_template("editor/banks.html", rows=rows, unsaved=unsaved)


def preview_items(result: core.LoadResult) -> list[Any]:
    """Each question as students see it (the same form, disabled), when the text is valid; the
    drafts too, in their place in the file, marked as drafts (students never see those)."""
    if result.bank is None:
        return []
    shown = []
    for question in result.bank.written_questions():
        student_question = present(question, seed=0, shuffle_choices=False)
        shown.append(
            {
                "question": student_question,
                "inputs": answer_inputs(student_question),
                "answer": core.answer_text(question),
                "draft": question.draft,
            }
        )
    return shown


def editor_page(
    name: str,
    text: str,
    version: str,
    result: core.LoadResult | None = None,
    status: int = 200,
    message: str = "",
    imported: ImportResult | None = None,
    lint: bool = True,
    draft: Draft | None = None,
    restored: bool = False,
    draft_outdated: bool = False,
) -> Any:
    """The editor with ``text`` as file ``name``; an empty ``version`` means a file not saved yet.

    The give-away warnings of ``result`` are worked out only when ``lint`` (a check, a save, an
    import): at 1,000 questions they take half a second, too long for every opening of a bank.
    ``draft``: the teacher's unsaved draft of the file, offered back (or, ``restored``, shown;
    ``draft_outdated``: the file was saved since the draft began, so its save is a conflict).
    """
    lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    path = _folder() / name
    on_disk = bank_files.read(_folder(), name).text if path.is_file() else None
    return render_template(
        "editor/edit.html",
        name=name,
        text=text,
        version=version,
        result=result,
        warnings=result.warnings if result and lint else (),
        linted=lint,
        preview=preview_items(result) if result else [],
        lines=max(lines, 1),
        message=message,
        imported=imported,
        form=ActionForm(),
        history=bank_files.history(_folder(), name) if version else [],
        draft=draft,
        restored=restored,
        draft_outdated=draft_outdated,
        unsaved=not bank_drafts.same_text(text, on_disk),  # the script asks before leaving it
    ), status


def who_sees_it(name: str) -> str:
    """Who sees a bank just saved: the classes it is assigned to (not archived), or no one yet
    (a new bank), with the way to assign it."""
    bank = served_by_file(name)
    slug = bank.slug if bank else None
    classes = assignments.bank_reach(slug, clock.now()).classes if slug else 0
    if not classes:
        return (
            "it is not assigned to any class yet: to give it to one, use “Assign a quiz” on the class’s page."
        )
    where = "the class" if classes == 1 else f"the {classes} classes"
    return f"students see the new version in {where} it is assigned to."


def _check_message(result: core.LoadResult) -> str:
    """What "Check without saving" says above the list (problems speak for themselves)."""
    if result.problems:
        return ""
    if result.warnings:
        return "No problems found. The warnings below do not stop a save."
    return "No problems found."


@blueprint.route("/<name>/edit", methods=["GET", "POST"])
@teacher_required
def edit(name: str) -> Any:
    folder = _folder()
    try:
        path = bank_files.checked_path(folder, name)
    except BadFileName:
        abort(404)
    if request.method == "GET":
        return _open(folder, name, path.exists())
    if not ActionForm().validate_on_submit():
        abort(400)
    text = request.form.get("text", "")
    version = request.form.get("version", "")
    if request.form.get("action") != "save":
        bank_drafts.keep(current_user.id, name, text, version, clock.now())  # kept without JavaScript too
        result = bank_files.check(folder, name, text, library().bank_slugs())
        message = _check_message(result)
        return editor_page(name, text, version, result, 200 if not result.problems else 422, message)
    saved = bank_files.save(folder, name, text, version or None, clock.now(), library().bank_slugs())
    if saved.outcome is not Outcome.SAVED:  # the text is shown again below; the draft keeps it too
        bank_drafts.keep(current_user.id, name, text, version, clock.now())
    if saved.outcome is Outcome.SAVED:
        bank_drafts.discard(current_user.id, name)
        library().reload()
        library().sync_to_database()
        kept = " The previous one is kept in its history." if version else ""  # a new file had none
        flash(f"{name} is saved: {who_sees_it(name)}{kept}", "success")
        return redirect(url_for("editor.edit", name=name, checked=1))
    if saved.outcome is Outcome.EXISTS:
        return editor_page(
            name,
            text,
            version,
            None,
            409,
            f"Not saved: a bank file named {name} exists already. Your text is still below: copy it "
            "into a new bank with another name, or into that file's editor.",
        )
    if saved.outcome is Outcome.CONFLICT:
        return editor_page(
            name,
            text,
            version,
            None,
            409,
            "Not saved: the file was changed by someone else (or in another editor) since you opened "
            "it. Your text is still below: copy your changes, then reload the page to see the "
            "current file.",
        )
    return editor_page(
        name,
        text,
        version,
        core.LoadResult(None, saved.problems),
        422,
        "Not saved: fix the problems listed below first. Nothing was written.",
    )


def _open(folder: Path, name: str, exists: bool) -> Any:
    """The editor as the teacher opens it: the file, with their unsaved draft offered back
    (``?draft=restore``: the draft itself). A file not saved yet (an import, a new bank) opens
    only from its draft."""
    current = bank_files.read(folder, name) if exists else None
    draft = bank_drafts.offered(current_user.id, name, current.text if current else None, clock.now())
    if current is None and draft is None:
        abort(404)
    if draft is not None and (current is None or request.args.get("draft") == "restore"):
        return editor_page(
            name,
            draft.text,
            draft.base_version,
            bank_files.check(folder, name, draft.text, library().bank_slugs()),
            lint=False,
            draft=draft,
            restored=True,
            draft_outdated=draft.base_version != (current.version if current else ""),
        )
    assert current is not None
    return editor_page(
        name,
        current.text,
        current.version,
        bank_files.check(folder, name, current.text, library().bank_slugs()),
        lint=request.args.get("checked") == "1",  # after a save: its warnings
        draft=draft,
    )


@blueprint.post("/<name>/draft")
@teacher_required
def keep_draft(name: str) -> Any:
    """The editor's script sends its text here after a pause in typing: kept as the draft."""
    if not ActionForm().validate_on_submit():
        abort(400)
    if not bank_drafts.keep(
        current_user.id, name, request.form.get("text", ""), request.form.get("version", ""), clock.now()
    ):
        abort(413 if bank_files.FILE_NAME.fullmatch(name) else 404)
    return "", 204


@blueprint.post("/<name>/draft/discard")
@teacher_required
def discard_draft(name: str) -> Any:
    if not ActionForm().validate_on_submit():
        abort(400)
    bank_drafts.discard(current_user.id, name)
    flash("The draft is discarded.", "success")
    if (_folder() / name).exists() and bank_files.FILE_NAME.fullmatch(name):
        return redirect(url_for("editor.edit", name=name))
    return redirect(url_for("editor.banks"))


@blueprint.route("/new", methods=["GET", "POST"])
@teacher_required
def new() -> Any:
    form = NewBankForm()
    if form.validate_on_submit():
        file_name = required_data(form.file_name.data)
        name = f"{file_name}.yaml"
        bank_slugs = library().bank_slugs()
        holder = bank_slugs.get(file_name)  # a new bank's id is its file's name
        text = bank_files.new_text(required_data(form.title.data))
        saved = bank_files.save(_folder(), name, text, None, clock.now(), bank_slugs)
        if saved.outcome is Outcome.EXISTS:
            add_error(form.file_name, "A bank file with this name exists already.")
        elif holder not in (None, name):
            add_error(
                form.file_name,
                f"The bank in {holder} has the id '{file_name}' already: choose another name.",
            )
        elif saved.outcome is Outcome.SAVED:
            library().reload()
            library().sync_to_database()
            flash("The new bank is created from a template. Edit it, check it, and save.", "success")
            return redirect(url_for("editor.edit", name=name))
        else:
            add_error(form.title, "This title cannot be used in a bank file.")
    return render_template("editor/new.html", form=form), 422 if form.errors else 200
