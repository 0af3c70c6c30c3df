"""Banks in and out of quizapp (teachers only): import from other tools, GIFT and Anki exports, answer keys.

An import never saves by itself: the bank it makes opens in the editor, checked, with a report
of what was skipped, and is written only when the teacher saves it there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, Response, abort, current_app, render_template

from quizapp import core
from quizapp.services import bank_files, bank_library, clock
from quizapp.services.bank_exports import FORMATS, export_bank
from quizapp.services.bank_imports import ImportFailed, import_bank
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
    if form.validate_on_submit():
        name = f"{form.file_name.data}.yaml"
        if (Path(current_app.config["QUESTIONS_DIR"]) / name).exists():
            add_error(form.file_name, "A bank file with this name exists already.")
        else:
            upload = form.source.data
            if upload:
                data, source_name = upload.read(MAX_IMPORT_BYTES + 1), upload.filename or "upload"
            else:
                data = required_data(form.pasted.data).encode("utf-8")  # the form requires one of the two
                source_name = f"{form.file_name.data}.txt"
            try:
                file_format = form.file_format.data
                quizlet = form.quizlet_separators() if file_format == "quizlet" else None
                result = import_bank(data, file_format, source_name, quizlet)
            except ImportFailed as error:
                add_error(form.source, f"This file cannot be imported: {error}.")
            else:
                if not result.empty:
                    folder = Path(current_app.config["QUESTIONS_DIR"])
                    return editor_page(
                        name,
                        result.text,
                        "",
                        bank_files.check(folder, name, result.text, library().bank_slugs()),
                        message=f"Imported {result.questions} questions and {result.cards} cards from "
                        f"{source_name}. Check them, then save: nothing is saved yet.",
                        imported=result,
                    )
                add_error(
                    form.source,
                    "Nothing in this file could be imported. Is the format right?"
                    + "".join(f" Line {note.line}: {note.text}." for note in result.skipped[:5]),
                )
    return render_template("editor/import.html", form=form), 422 if form.errors else 200


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
