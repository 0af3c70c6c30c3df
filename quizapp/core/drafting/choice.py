"""Single-choice questions (who, what, where, when): a name, year, date or percentage of a
sentence asked, with three wrong answers of the same kind from the article (distractors.py)."""

from __future__ import annotations

from quizapp.core.drafting.build import question
from quizapp.core.drafting.distractors import same_kind
from quizapp.core.drafting.drafted import DraftedQuestion, DraftKind
from quizapp.core.drafting.mentions import Mention, MentionKind
from quizapp.core.drafting.reading import Reading
from quizapp.core.drafting.wording import ASKED, GAP, gapped, literal, says, slug, subject_question

MIN_WORDS = 5
_ASKED_KINDS = frozenset(
    {
        MentionKind.PERSON,
        MentionKind.PLACE,
        MentionKind.ORG,
        MentionKind.YEAR,
        MentionKind.DATE,
        MentionKind.PERCENT,
    }
)


def choice_questions(reading: Reading) -> list[DraftedQuestion]:
    drafted: list[DraftedQuestion] = []
    for sentence, mentions in zip(reading.sentences, reading.mentions, strict=True):
        if len(sentence.text.split()) < MIN_WORDS:
            continue
        for mention in mentions:
            if mention.kind not in _ASKED_KINDS or sum(1 for m in mentions if m.key == mention.key) > 1:
                continue
            wrong = same_kind(reading, mention, sentence.index)
            if len(wrong) < 3:
                continue
            drafted.append(_choice(reading, sentence.index, mention, wrong))
    return drafted


def _choice(reading: Reading, index: int, mention: Mention, wrong: list[Mention]) -> DraftedQuestion:
    sentence = reading.sentences[index]
    context = reading.context(sentence)
    asked = subject_question(sentence.text, mention) if context is None else None
    confidence = 0.8
    if asked is not None:
        prompt = f"According to the article: {literal(asked)}"
    else:
        lead = f"{literal(context.text)} " if context else ""
        what = ASKED[mention.kind][1]
        shown = f"{lead}{gapped(sentence.text, [(mention.start, mention.end)], GAP)}"
        quoted = shown if shown.startswith(("“", '"')) else f"“{shown}”"
        prompt = f"{what} completes the article's sentence? {quoted}"
        confidence = 0.6
    if mention.kind is MentionKind.PLACE and any(m.kind is MentionKind.NAME for m in reading.mentions[index]):
        confidence -= 0.1
    right = mention.display
    choices = [right, *(m.display for m in wrong)]
    if mention.kind in {MentionKind.YEAR, MentionKind.PERCENT}:
        choices.sort(key=lambda text: float("".join(c for c in text if c.isdigit() or c == ".") or 0))
    source = reading.source(sentence, with_context=True)
    return question(
        DraftKind.CHOICE,
        f"choice-{slug(right, 3)}",
        prompt,
        {"choices": choices, "answer": right},
        says(sentence.text),
        [(sentence, source), *reading.introduced(right, sentence)],
        (right,),
        confidence,
    )
