"""One drafted question's fields in the bank format's order, from what a builder decided."""

from __future__ import annotations

from typing import Any

from quizapp.core.drafting.drafted import DraftedQuestion, DraftKind
from quizapp.core.drafting.sentences import Sentence

BANK_TYPE = {
    DraftKind.NUMERIC: "numeric",
    DraftKind.CLOZE: "cloze",
    DraftKind.CHOICE: "single",
    DraftKind.ATTRIBUTION: "single",
    DraftKind.TRUE_FALSE: "true_false",
    DraftKind.ORDERING: "ordering",
    DraftKind.MATCHING: "matching",
    DraftKind.SHORT: "short",
}


def question(
    kind: DraftKind,
    ident: str,
    prompt: str,
    answer_fields: dict[str, Any],
    explanation: str,
    sources: list[tuple[Sentence, str]],
    answers: tuple[str, ...],
    confidence: float,
) -> DraftedQuestion:
    """``sources`` are (sentence, quote) pairs: each quote verbatim from its sentence's paragraph."""
    quotes = list(dict.fromkeys(quote for _, quote in sources))
    paragraphs = tuple(sorted({sentence.paragraph for sentence, _ in sources}))
    fields: dict[str, Any] = {"id": ident, "type": BANK_TYPE[kind], "prompt": prompt}
    fields.update(answer_fields)
    fields["explanation"] = explanation
    fields["source"] = quotes[0] if len(quotes) == 1 else quotes
    fields["tags"] = []  # the paragraphs' topics, given once all drafts are made (drafts.py)
    return DraftedQuestion(kind, fields, answers, paragraphs, round(confidence, 2))
