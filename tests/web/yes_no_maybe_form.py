"""The toy ninth type's question form, as a new type's form looks (docs/architecture.md, "Adding a
question type"): its answer field, and how it maps to and from the file's ``answer``. A built-in
type's form is registered beside the others in ``quizapp/web/editor/question_forms.py`` with
``@form_of(name)``; tests register this one with ``register_form`` and unregister it after."""

from __future__ import annotations

from typing import Any, ClassVar

from wtforms import RadioField

# types-WTForms describes WTForms 3.2, which had no SelectChoice (new in 3.3, the version installed)
from wtforms.fields import SelectChoice  # type: ignore[attr-defined]
from wtforms.validators import Optional

from quizapp.web.editor.question_forms import QuestionForm
from tests.web.yes_no_maybe import WORDS


class YesNoMaybeForm(QuestionForm):
    file_fields: ClassVar[dict[str, str]] = {
        "answer": "answer"
    }  # the file's field, and the form field showing its problems
    answer = RadioField(
        "The answer is",
        choices=[SelectChoice(word, word.capitalize()) for word in WORDS],
        validators=[Optional()],
    )

    @classmethod
    def answer_data(cls, fields: dict[str, Any]) -> dict[str, Any]:
        return {"answer": str(fields.get("answer") or "").lower() or None}

    def answer_fields(self) -> dict[str, Any]:
        return {"answer": self.answer.data} if self.answer.data in WORDS else {}
