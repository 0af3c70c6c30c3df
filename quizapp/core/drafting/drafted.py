"""What the drafter returns: drafted questions of the bank format, and the draft they make."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class DraftKind(StrEnum):
    """What a draft asks, by how it was drafted (a quote attribution is a single-choice question
    in the bank, but drafted from reported speech)."""

    NUMERIC = "numeric"
    CLOZE = "cloze"
    CHOICE = "choice"
    TRUE_FALSE = "true_false"
    ATTRIBUTION = "attribution"
    ORDERING = "ordering"
    MATCHING = "matching"
    SHORT = "short"  # a typed answer: a phrase of the sentence (phrases.py)


@dataclass(frozen=True, slots=True)
class DraftedQuestion:
    """One drafted question. ``fields`` are its fields in the bank format, in the order a bank
    file writes them (id, type, prompt, its type's fields, explanation, source, tags): a bank
    whose ``source.path`` is the article's text accepts them as they are. ``answers`` are its
    full-marks answer texts (the correct choice, the number with its unit, each blank's answer;
    for true/false the true statement; for ordering the items in order; for matching each pair
    as "left → right"). ``paragraphs`` are the 0-based indexes of the paragraphs its quotes
    stand in; ``confidence`` runs from 0 (a guess) to 1 (the sentence says it plainly), on one
    scale for every kind:

    - 0.8–0.9: a real question built cleanly from the sentence's own clause ("How many homes
      were flooded in X?", "Which organisation called …?"), or a cloze of classified names and
      numbers;
    - 0.7–0.75: a stated true/false, a role from a title or apposition, a swapped true/false;
    - 0.6: the sentence shown with its answer left out ("What number is missing? …"), an
      ordering of events, a cloze over a name the drafter could not classify;
    - about 0.1 less when the answer stands inside a quotation, or the speaker of a quote is
      "he"/"she" of an earlier sentence (0.55)."""

    kind: DraftKind
    fields: dict[str, Any] = field(hash=False)
    answers: tuple[str, ...]
    paragraphs: tuple[int, ...]
    confidence: float

    @property
    def id(self) -> str:
        return str(self.fields["id"])


@dataclass(frozen=True, slots=True)
class Draft:
    """The drafted questions, in the article's order, and notes on what could not be drafted."""

    questions: tuple[DraftedQuestion, ...]
    notes: tuple[str, ...] = ()

    def count_by_kind(self) -> dict[DraftKind, int]:
        counts: dict[DraftKind, int] = {}
        for question in self.questions:
            counts[question.kind] = counts.get(question.kind, 0) + 1
        return counts
