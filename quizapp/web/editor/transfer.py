"""Banks in and out of quizapp (teachers only): import from other tools, GIFT and Anki exports, answer keys.

An import never saves by itself: the bank it makes opens in the editor, checked, with a report
of what was skipped, and is written only when the teacher saves it there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, Response, abort, current_app, render_template
from flask_login import current_user

from quizapp import core
from quizapp.core.interchange.common import SourceNote
from quizapp.services import bank_drafts, bank_files, bank_library, clock
from quizapp.services.bank_exports import FORMATS, export_bank
from quizapp.services.bank_imports import (
    FORMAT_LABELS,
    PASTED_TEXT,
    ImportFailed,
    ImportResult,
    import_bank,
    source_text,
    title_from_file_name,
)
from quizapp.services.bank_library import library
from quizapp.web.auth.login import teacher_required
from quizapp.web.downloads import attachment
from quizapp.web.editor.pages import editor_page
from quizapp.web.forms import ImportForm, add_error, required_data

blueprint = Blueprint("transfer", __name__, url_prefix="/banks")
MAX_IMPORT_BYTES = 2 * 1024 * 1024


@blueprint.route("/import", methods=["GET", "POST"])
@teacher_required
def import_bank_page() -> Any:
    form = ImportForm()
    skipped: tuple[SourceNote, ...] = ()  # when nothing could be imported: every item, with its line
    skipped_from = ""  # the file those lines are in
    show_separators = False
    uploaded: bytes | None = None  # an uploaded file read, to keep in the form if it comes back
    upload = form.source.data if form.is_submitted() else None
    if upload:
        uploaded, source_name = upload.read(MAX_IMPORT_BYTES + 1), upload.filename or "upload"
    if form.validate_on_submit():
        folder = Path(current_app.config["QUESTIONS_DIR"])
        typed_name = form.file_name.data or ""  # else made from the title (``free_file_name``)
        if uploaded is not None:
            data = uploaded
        else:
            data = required_data(form.pasted.data).encode("utf-8")  # the form requires one of the two
            source_name = _kept_name(form.pasted_from.data) or PASTED_TEXT
        # a made name passes over the teacher's unsaved drafts too (a typed one is theirs to reuse)
        drafted = {entry.file_name for entry in bank_drafts.drafts_of(current_user.id, clock.now())}
        if typed_name and (folder / f"{typed_name}.yaml").exists():
            add_error(form.file_name, "A bank file with this name exists already.")
        else:
            try:
                file_format = form.file_format.data
                quizlet = form.quizlet_separators() if file_format == "quizlet" else None
                typed_title = (form.title.data or "").strip()
                result = import_bank(data, file_format, source_name, quizlet, typed_title)
            except ImportFailed as error:
                add_error(form.source, f"This file cannot be imported: {error}.")
                uploaded = None  # the file itself is what to fix
            else:
                if not result.empty and not typed_title and not result.source_title:
                    _ask_for_title(form, source_name)
                elif not result.empty:
                    title = typed_title or result.source_title
                    made = typed_name or bank_files.free_file_name(
                        folder, title, library().bank_slugs(), drafted
                    )
                    name = f"{made}.yaml"
                    # kept as a draft at once: a tab closed before the first save loses nothing
                    bank_drafts.keep(current_user.id, name, result.text, "", clock.now())
                    return editor_page(
                        name,
                        result.text,
                        "",
                        bank_files.check(folder, name, result.text, library().bank_slugs()),
                        message=f"Imported {_imported_count(result)} from {source_name}. Check them, then "
                        "save: nothing is saved yet.",
                        imported=result,
                    )
                else:
                    form.form_errors.append(
                        _nothing_imported(result, source_name, FORMAT_LABELS[file_format])
                    )
                    skipped, skipped_from = result.skipped, source_name
                    show_separators = file_format == "quizlet"  # the likely cause: other separators
    if uploaded is not None:
        _keep_upload(form, uploaded, source_name)
    return render_template(
        "editor/import.html",
        form=form,
        skipped=skipped,
        skipped_from=skipped_from,
        skipped_from_pasted=skipped_from == PASTED_TEXT,
        show_separators=show_separators,
    ), 422 if form.errors else 200


def _ask_for_title(form: ImportForm, source_name: str) -> None:
    """The source names no title (a Quizlet or Aiken export, GIFT without categories): the form
    comes back asking for one, offering a title made of the file's name if there is one."""
    form.title.data = title_from_file_name(source_name)
    add_error(
        form.title,
        f"{source_name[:1].upper()}{source_name[1:]} does not say what the bank is called: give it a "
        "title (you can change it in the editor too)."
        if source_name == PASTED_TEXT
        else f"{source_name} does not say what the bank is called: give it a title (it is filled in "
        "from the file's name; you can change it in the editor too).",
    )


def _keep_upload(form: ImportForm, data: bytes, source_name: str) -> None:
    """A bad form keeps what was given: a browser forgets a chosen file, so the text of one that
    was read goes into the text box, and the page says so beside it."""
    text = source_text(data)
    if text is None:
        return
    form.pasted.data = text
    form.pasted_from.data = source_name
    form.pasted.description = (
        f"The text of {source_name}, as uploaded: no need to choose the file again (or choose another)."
    )


def _kept_name(name: str | None) -> str:
    """The name of the uploaded file whose text the form kept, so the report and the bank name
    it again (not NAME.txt): a file name only, on one line, as a browser sends one."""
    return " ".join(Path(name or "").name.split())[:255]


def _imported_count(result: ImportResult) -> str:
    """What an import made, e.g. 11 questions, 1 question and 4 cards, 4 cards."""
    made = [
        f"{count} {what}{'' if count == 1 else 's'}"
        for count, what in ((result.questions, "question"), (result.cards, "card"))
        if count
    ]
    return " and ".join(made)


def _nothing_imported(result: ImportResult, source_name: str, label: str) -> str:
    """Why an import made nothing, in one line: the first item skipped (all are listed below it)."""
    said = f"Nothing in {source_name} could be imported as {label}"
    if not result.skipped:
        return f"{said}: it has no question or term in this format. Is the format right?"
    first = result.skipped[0]
    why = first.text.rstrip(".")
    end = "" if why.endswith(("?", "!")) else "."
    if len(result.skipped) == 1:
        return f"{said}. Line {first.line}: {why}{end}"
    return f"{said} ({len(result.skipped)} items skipped, listed below). First, line {first.line}: {why}{end}"


@blueprint.get("/<bank_slug>/export.<file_format>")
@teacher_required
def export(bank_slug: str, file_format: str) -> Response:
    if file_format not in FORMATS:
        abort(404)
    exported = export_bank(bank_library.bank(bank_slug), file_format, clock.now())
    return attachment(exported.data, exported.content_type, exported.file_name)


@blueprint.get("/<bank_slug>/answer-key")
@teacher_required
def answer_key(bank_slug: str) -> Any:
    bank = bank_library.bank(bank_slug)
    response = Response(render_template("editor/answer_key.html", bank=bank, entries=core.answer_key(bank)))
    response.headers["Cache-Control"] = "no-store"
    return response
