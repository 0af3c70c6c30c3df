"""The question bank as typed, immutable values: what a YAML file means once it is valid."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple


class QuestionType(StrEnum):
    """The names of the built-in question types. What a type does is its ``QuestionKind``
    (``quizapp.core.question_types``); a question's ``type`` is the name of a registered one."""

    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "true_false"
    NUMERIC = "numeric"
    SHORT = "short"
    CLOZE = "cloze"
    ORDERING = "ordering"
    MATCHING = "matching"


class AnswerVisibility(StrEnum):
    """When a student may see correct answers and explanations (and which answers were right).

    A bank file sets one of ``BANK_ANSWER_VISIBILITIES``; ``after_due`` is an assignment's alone
    (a bank has no due time): a submitted test's answers once the last due time of the class has passed.
    The order, from the most shown to the least, is ``core.disclosure.stricter``'s.
    """

    IMMEDIATELY = "immediately"
    AFTER_SUBMIT = "after_submit"
    AFTER_DUE = "after_due"
    NEVER = "never"


# What a bank's ``show_answers`` may say (its file is refused with any other value).
BANK_ANSWER_VISIBILITIES = (
    AnswerVisibility.IMMEDIATELY,
    AnswerVisibility.AFTER_SUBMIT,
    AnswerVisibility.NEVER,
)


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    text: str
    correct: bool
    feedback: str = ""


@dataclass(frozen=True, slots=True)
class Item:
    """An entry of an ordering or matching question; ``id`` is derived from the text."""

    id: str
    text: str


@dataclass(frozen=True, slots=True)
class ChoiceAnswer:
    """``single`` and ``multiple``: the choices in the order the teacher wrote them."""

    choices: tuple[Choice, ...]

    @property
    def correct_choices(self) -> tuple[Choice, ...]:
        return tuple(choice for choice in self.choices if choice.correct)


@dataclass(frozen=True, slots=True)
class Feedback:
    """A question's words on an answer (``feedback:`` of a short, numeric or true/false
    question): ``right`` for an answer that earns full marks, ``wrong`` for any other. Shown, as
    a choice's feedback, with the correct answer once that is due."""

    right: str = ""
    wrong: str = ""

    def __bool__(self) -> bool:
        return bool(self.right or self.wrong)


NO_FEEDBACK = Feedback()


@dataclass(frozen=True, slots=True)
class TrueFalseAnswer:
    value: bool
    feedback: Feedback = NO_FEEDBACK


@dataclass(frozen=True, slots=True)
class NumericAnswer:
    """Either ``value`` with a tolerance (absolute, or relative as a fraction) or a range."""

    value: Decimal | None = None
    tolerance: Decimal = Decimal(0)
    relative: bool = False
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    unit: str = ""
    feedback: Feedback = NO_FEEDBACK


@dataclass(frozen=True, slots=True)
class TextAnswer:
    """Accepted spellings of a short answer or of one cloze blank, and the known wrong answers
    (``reject:``) that no typo allowance may turn right; the teacher's words on an answer
    matched to one of them (``entry_feedback``: (entry, feedback) of the entries that have some)
    and, of a short answer, on any other (``feedback``)."""

    accepted: tuple[str, ...]
    typos: bool = False
    rejected: tuple[str, ...] = ()
    entry_feedback: tuple[tuple[str, str], ...] = ()
    feedback: Feedback = NO_FEEDBACK


@dataclass(frozen=True, slots=True)
class ClozeAnswer:
    blanks: tuple[TextAnswer, ...]


@dataclass(frozen=True, slots=True)
class OrderingAnswer:
    items: tuple[Item, ...]  # in the correct order


@dataclass(frozen=True, slots=True)
class MatchingAnswer:
    pairs: tuple[tuple[Item, Item], ...]
    distractors: tuple[Item, ...] = ()

    @property
    def lefts(self) -> tuple[Item, ...]:
        return tuple(left for left, _ in self.pairs)

    @property
    def rights(self) -> tuple[Item, ...]:
        """Every option on the right, each once (several lefts may share one right)."""
        seen: dict[str, Item] = {}
        for _, right in self.pairs:
            seen.setdefault(right.id, right)
        for item in self.distractors:
            seen.setdefault(item.id, item)
        return tuple(seen.values())


class TextLine(NamedTuple):
    """Where one text of a question was written in its file: its field (``prompt``, ``choices``,
    ``items``, ``pairs``...), the text as read, and its line; for messages that point at a text.
    A named tuple rather than a dataclass: every load makes one for each text of every question,
    and a tuple is made three times as fast."""

    field: str
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    type: str  # a registered question type's name (a ``QuestionType`` for the built-in ones)
    prompt: str
    answer: object  # its type's answer spec (e.g. a ChoiceAnswer): only its type reads it
    explanation: str = ""
    source_quotes: tuple[str, ...] = ()  # verbatim from the bank's source text, as written
    tags: tuple[str, ...] = ()
    points: Decimal = Decimal(1)
    group: str = ""  # a test asks at most one question of a group (they give each other away)
    line: int = 0
    content_hash: str = ""
    # Questions (or the bank's ``title``, ``description``) allowed to show this one's answer
    # (docs/question-format.md, "Give-aways"); checked by core/giveaways.py
    allow_giveaway: tuple[str, ...] = ()
    # The line of each name in ``allow_giveaway``, in its order, for a warning that one is stale
    allow_giveaway_lines: tuple[int, ...] = field(default=(), compare=False)
    # Where its texts stand in its file (none when read back from storage): layout, not content,
    # so questions that differ only in it compare equal (as their content hashes are)
    text_lines: tuple[TextLine, ...] = field(default=(), compare=False)
    # ``draft: true`` in its file: drafted (core/drafting), not yet reviewed by a teacher. A bank
    # keeps its drafts apart (``Bank.drafts``), so no student ever sees one. Not content: a
    # draft accepted as it is keeps its content hash
    draft: bool = field(default=False, compare=False)


@dataclass(frozen=True, slots=True)
class Card:
    """A plain term/definition flashcard written in the bank."""

    id: str
    term: str
    definition: str
    tags: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True, slots=True)
class SourceInfo:
    title: str
    publisher: str = ""
    path: str = ""  # relative to the bank file
    url: str = ""


@dataclass(frozen=True, slots=True)
class QuizSettings:
    time_limit_minutes: int | None = None
    draw: int | None = None  # how many questions a test draws; None: all (one per group)
    shuffle_questions: bool = True
    shuffle_choices: bool = True
    pass_mark: int = 50  # percent
    flashcards: bool = True
    show_answers: AnswerVisibility = AnswerVisibility.AFTER_SUBMIT


@dataclass(frozen=True, slots=True)
class Bank:
    slug: str
    title: str
    questions: tuple[Question, ...]
    description: str = ""
    source: SourceInfo | None = None
    source_text: str = ""
    tags: tuple[str, ...] = ()
    settings: QuizSettings = QuizSettings()
    cards: tuple[Card, ...] = ()
    path: str = ""
    content_hash: str = ""
    title_line: int = 0  # where the title and description stand in the file (0: not from a file)
    description_line: int = 0
    # Where its other texts students read stand: the source's ``title`` and ``publisher``
    # (fields "source title", "source publisher") and each of its ``tags`` (field "tags")
    text_lines: tuple[TextLine, ...] = field(default=(), compare=False)
    # The questions written ``draft: true``, not yet reviewed: validated as every question is,
    # never served (``questions`` holds only the reviewed ones, and is all that pages, the API,
    # tests and flashcards read); the editor's preview shows them marked "Draft"
    drafts: tuple[Question, ...] = ()

    @property
    def takeable(self) -> bool:
        """Whether students have anything to take: a bank of drafts only has not, and is shown
        to no student (core/visibility.py's ``bank_access``)."""
        return bool(self.questions)

    def written_questions(self) -> tuple[Question, ...]:
        """The reviewed questions and the drafts, in the order of the file."""
        return tuple(sorted((*self.questions, *self.drafts), key=lambda question: question.line))

    def question(self, question_id: str) -> Question | None:
        for question in self.questions:
            if question.id == question_id:
                return question
        return None

    def count_by_type(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for question in self.questions:
            counts[question.type] = counts.get(question.type, 0) + 1
        return counts
