"""What every question type knows about itself: the one class a new type subclasses.

A type is a small object registered by name (``quizapp.core.question_types``). It owns its
answer fields in a bank file, its answer spec's stored form, what a student sees of it, the
shape and reading of a response (from the answer form's inputs and from JSON), the rule that
accepts a response given now, the scoring, and the words for answers and responses. Core,
services, pages and API ask the registry for the type instead of branching on its name.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping as AnyMapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar, Generic, Protocol, TypeVar, cast, overload

from quizapp.core.answer_fields import feedback_on
from quizapp.core.cloze import BLANK
from quizapp.core.field_reader import FieldReader
from quizapp.core.model import Choice, Feedback, Question
from quizapp.core.presentation import Option, StudentQuestion
from quizapp.core.responses import Check, Response, ResponseError
from quizapp.core.yaml_document import Mapping

Spec = TypeVar("Spec")

ARROW = " → "


def format_number(value: Decimal) -> str:
    """``5000`` rather than ``5.0E+3``; ``0.5`` stays ``0.5``."""
    return format(value.normalize(), "f")


def too_long(limit: int) -> str:
    """The message for a typed text longer than its field (the field's ``maxlength``)."""
    return f"Write at most {limit} characters"


def refuse_too_long(text: Response, limit: int, field: str, where: str = "") -> None:
    """Refuses (``ResponseError``) a typed text longer than its field, before anything else reads
    it: a request may hold 2 MB, and reading that as a number took a worker 23 seconds."""
    if isinstance(text, str) and len(text) > limit:
        raise ResponseError(f"{too_long(limit)}{where}", field)


def listed(lines: list[str]) -> str:
    """Lines as a Markdown list (a flashcard's options, a multi-line answer)."""
    return "\n".join(f"- {line}" for line in lines)


@dataclass(frozen=True, slots=True)
class ShownText:
    """One text a student reads of a question before answering, and where it stands on the page:
    ``prompt``, ``choice``, ``item``, ``left``, ``right`` or ``unit``. A ``decoy`` is shown to be turned
    down (a wrong choice, a matching distractor): it claims nothing."""

    field: str
    text: str
    decoy: bool = False


class FormData(Protocol):
    """The posted inputs of an answer form (Werkzeug's ``MultiDict`` is one)."""

    @overload
    def get(self, key: str, /) -> str | None: ...

    @overload
    def get(self, key: str, default: str, /) -> str: ...

    def getlist(self, key: str) -> list[str]: ...


class QuestionKind(ABC, Generic[Spec]):
    """One question type. Subclasses set the class attributes and implement the abstract methods;
    the defaults suit a type whose response is one value and whose answer reads as one line."""

    name: ClassVar[str]  # as written after ``type:`` in a bank file, and stored
    label: ClassVar[str]  # the name teachers and students see
    yaml_fields: ClassVar[tuple[str, ...]]  # the question's answer fields in a bank file
    response_shape: ClassVar[str]  # the JSON shape of a response, for API clients
    fields_template: ClassVar[str]  # the template whose ``inputs`` macro draws the answer fields
    # A script of the app's static folder that enhances those fields where JavaScript runs
    # (they work without it), loaded only on pages that show them; None for none
    fields_script: ClassVar[str | None] = None
    # The input whose one value, an option's id (``options``), is the whole answer: a live quiz's
    # phone shows each option as a button that sends it at one tap. None: several picks or typing
    one_tap_input: ClassVar[str | None] = None
    # The most characters a typed answer field takes (its maxlength; ``accept`` refuses more);
    # None for a type answered by choosing, not typing
    typed_length: ClassVar[int | None] = None
    reversible: ClassVar[bool] = False  # may a flashcard ask the answer -> prompt way round?
    # Is the answer (``answer_lines``) written in Markdown, as choices, items and pairs are? Else
    # it is plain text (a typed answer, a number, True/False), escaped where Markdown shows it.
    markdown_answer: ClassVar[bool] = False
    # Does the prompt hold numbered blanks ({{1}}, {{2}}, ...)? Then pages draw them as gaps
    # (``prompt_html`` in web/templating.py); otherwise the prompt is drawn as Markdown.
    blanks_in_prompt: ClassVar[bool] = False

    # A bank file and the stored question versions

    @abstractmethod
    def read_answer(self, read: FieldReader, mapping: Mapping, prompt: str) -> Spec | None:
        """The answer spec from a question's fields, or None after reporting its problems."""

    @abstractmethod
    def answer_to_dict(self, spec: Spec) -> dict[str, Any]:
        """The spec as plain JSON data (stored with every question version: keep it stable)."""

    @abstractmethod
    def answer_from_dict(self, data: dict[str, Any]) -> Spec: ...

    def answer_of(self, question: Question) -> Spec:
        """A question's answer spec as this type's: a question's ``answer`` is made by its own type
        (``read_answer``, ``answer_from_dict``), and only its type reads it."""
        return cast(Spec, question.answer)

    # What a student sees

    def present(self, question: Question, seed: int, shuffle_choices: bool) -> StudentQuestion:
        """The question without its key; any order shuffled from ``seed`` (a reload looks the same)."""
        return StudentQuestion(question.id, question.type, question.prompt, question.points)

    def options(self, shown: StudentQuestion) -> tuple[Option, ...]:
        """The values a student chooses from in the answer fields."""
        return shown.choices

    def shown_texts(self, question: Question) -> tuple[ShownText, ...]:
        """Every text a student reads of the question before answering: the prompt (a cloze
        prompt's blanks as gaps) and what ``present`` shows beside it (choices, items, the two
        sides of a matching). What another question's answer must not appear in
        (core/giveaways.py)."""
        shown = self.present(question, seed=0, shuffle_choices=False)
        prompt = BLANK.sub(" … ", shown.prompt) if self.blanks_in_prompt else shown.prompt
        texts = [ShownText("prompt", prompt)]
        for field, found in (
            ("choice", shown.choices),
            ("item", shown.items),
            ("left", shown.lefts),
            ("right", shown.rights),
        ):
            texts.extend(ShownText(field, option.text) for option in found)
        if shown.unit:  # a numeric answer's unit, beside its field ("___ soldiers")
            texts.append(ShownText("unit", shown.unit))
        return tuple(texts)

    def typed_hint(self, shown: StudentQuestion) -> str:
        """How to type the answer, shown beside a typed answer field; none by default."""
        return ""

    @abstractmethod
    def form_values(self, shown: StudentQuestion, response: Response) -> dict[str, Any]:
        """The answer fields' values (by input name) that show a saved ``response`` (or None)."""

    @abstractmethod
    def typed_values(self, shown: StudentQuestion, form: FormData) -> dict[str, Any]:
        """The answer fields' values as posted, by input name (shown again if refused)."""

    @abstractmethod
    def response_from_values(self, shown: StudentQuestion, values: AnyMapping[str, Any]) -> Response:
        """The response the answer fields express, or None for no answer; raises
        ``ResponseError`` when the fields cannot express one (e.g. two items in one position)."""

    # Responses: shape, acceptance, score

    def canonical(self, response: Response) -> Response:
        """A non-blank response as it is stored (e.g. a number as exact text)."""
        return response

    @abstractmethod
    def check(self, spec: Spec, response: Response) -> Check:
        """Score a non-blank response; raises ``ResponseError`` for a wrong shape.
        Stored responses are only ever scored with this."""

    def accept(self, spec: Spec, response: Response) -> Check:
        """Score a non-blank response being given now, refusing (``ResponseError``, with the
        message for the student) what the student should fix first. The one rule for the page
        and the API; ``check`` by default."""
        return self.check(spec, response)

    @abstractmethod
    def full_marks_response(self, spec: Spec) -> Response:
        """A response, in the JSON shape, that scores full marks."""

    # Words

    @abstractmethod
    def answer_text(self, spec: Spec) -> str:
        """The full-marks answer written for a human, e.g. "Kuwait" or "1999 → 2008"."""

    def answer_lines(self, spec: Spec) -> list[str]:
        """The full-marks answer as lines for a list."""
        return [self.answer_text(spec)]

    def response_text(self, spec: Spec, response: Response) -> str:
        """A non-blank response written for a human, in the words of the question."""
        return str(response)

    def response_lines(self, spec: Spec, response: Response) -> list[str]:
        """A non-blank response as lines, in the same form as ``answer_lines``."""
        return [self.response_text(spec, response)]

    def response_feedback(self, spec: Spec, response: Response) -> tuple[str, ...]:
        """What the teacher wrote for the response given (e.g. a picked choice's ``feedback``),
        shown with the correct answer once it is due; none by default."""
        return ()

    def verdict_feedback(self, spec: Spec, feedback: Feedback, response: Response) -> tuple[str, ...]:
        """The question's ``feedback`` on a right or a wrong answer (docs/question-format.md);
        none for a stored response of the wrong shape."""
        if not feedback:
            return ()
        try:
            correct = self.check(spec, response).correct
        except ResponseError:
            return ()
        return feedback_on(feedback, correct)

    def also_accepted(self, spec: Spec) -> tuple[str, ...]:
        """Other typed answers that score full marks (for answer keys)."""
        return ()

    def giveaway_texts(self, spec: Spec) -> tuple[tuple[str, ...], ...]:
        """What the student must come up with, which another question shown in the same test
        must not spell out (core/giveaways.py): one entry per part of the full-marks answer (a
        correct choice, a blank, the number with its unit), each its spellings, the one shown
        as the answer first. By default the answer text; none for a type whose answer is only an
        arrangement of texts already on screen (or, as true/false, no text at all)."""
        return ((self.answer_text(spec),),)

    def card_front(self, question: Question) -> str:
        """A flashcard's front: the prompt, with what to choose from when recall alone cannot
        answer it."""
        return question.prompt

    def card_typing(self, spec: Spec) -> bool:
        """Whether the question's flashcard offers to type the answer before flipping: only
        where the answer is one text to recall; not by default (lists, orders, pairs)."""
        return False

    def card_response(self, spec: Spec, typed: str) -> Response:
        """The response a text typed on the question's flashcard stands for (None: none of
        the question's), which the quiz's own rule then checks (``core.decks.typed_verdict``,
        which trims ``typed`` and never passes it blank). Asked only where ``card_typing`` says yes."""
        raise NotImplementedError(f"{self.name} cards take no typed answer")

    def answer_note(self, shown: StudentQuestion, values: AnyMapping[str, Any]) -> str:
        """A neutral note about an answer (from the answer fields' ``values``), e.g. that one
        match is chosen for two items; "" for none. Never a refusal, and never from the key: the
        answer is saved as sent, and the pages show the note beside it (and on the test's review)."""
        return ""

    # The teacher's report (core/statistics.py, services/reports.py)

    def tallied_choices(self, spec: Spec) -> tuple[Choice, ...]:
        """The choices whose picks the report counts, each saying whether it is correct; none
        by default (the report then shows the question's facility and discrimination only)."""
        return ()

    def picked(self, spec: Spec, response: Response) -> tuple[str, ...]:
        """The ids of the tallied choices a non-blank response picks."""
        return ()


class OneTypedInput(QuestionKind[Spec]):
    """A type answered by typing one value (short answer, numeric): one input, named
    ``input_name``, whose trimmed text is the response; left blank, there is none."""

    input_name: ClassVar[str]
    typed_length: ClassVar[int]

    def form_values(self, shown: StudentQuestion, response: Response) -> dict[str, Any]:
        return {self.input_name: response}

    def typed_values(self, shown: StudentQuestion, form: FormData) -> dict[str, Any]:
        return {self.input_name: form.get(self.input_name)}

    def response_from_values(self, shown: StudentQuestion, values: AnyMapping[str, Any]) -> Response:
        """The text as typed: ``canonical`` trims it, for the page and the API alike."""
        return values.get(self.input_name) or None

    def canonical(self, response: Response) -> Response:
        """Typed text without the spaces around it, from the page or the API alike (one rule:
        the API kept "  3000  " as sent, and refused 1,000 characters between two spaces)."""
        return response.strip() if isinstance(response, str) else response

    def accept(self, spec: Spec, response: Response) -> Check:
        """Text longer than the field is refused first, whatever the type: its own rule
        (``accept_typed``) then reads text of a bounded length only."""
        refuse_too_long(response, self.typed_length, self.input_name)
        return self.accept_typed(spec, response)

    def accept_typed(self, spec: Spec, response: Response) -> Check:
        """``accept`` for a response no longer than the field; ``check`` by default."""
        return self.check(spec, response)

    def card_typing(self, spec: Spec) -> bool:
        return True

    def card_response(self, spec: Spec, typed: str) -> Response:
        """The typed text, as on the quiz page (where ``canonical`` trims it)."""
        return typed
