"""True/false questions: a sentence the article states (true), or the same sentence with one
name or number swapped for another of the same kind from the article (false; the explanation
quotes the real sentence). Every other eligible sentence is made false, where a swap exists."""

from __future__ import annotations

import re

from quizapp.core.drafting.build import question
from quizapp.core.drafting.distractors import same_kind
from quizapp.core.drafting.drafted import DraftedQuestion, DraftKind
from quizapp.core.drafting.mentions import Mention, MentionKind
from quizapp.core.drafting.reading import Reading
from quizapp.core.drafting.wording import literal, says, slug

_NEGATION = re.compile(r"(?i)\b(?:no|not|never|nor|neither|without|none)\b|n['’]t\b")
MIN_WORDS = 6
MAX_WORDS = 40
_SWAPPABLE = frozenset(
    {
        MentionKind.PERSON,
        MentionKind.PLACE,
        MentionKind.ORG,
        MentionKind.YEAR,
        MentionKind.NUMBER,
        MentionKind.PERCENT,
        MentionKind.DATE,
    }
)


def true_false_questions(reading: Reading) -> list[DraftedQuestion]:
    drafted: list[DraftedQuestion] = []
    for sentence, mentions in zip(reading.sentences, reading.mentions, strict=True):
        words = len(sentence.text.split())
        if not mentions or reading.quoted[sentence.index] or not MIN_WORDS <= words <= MAX_WORDS:
            continue
        if reading.context(sentence) is not None or not sentence.text.endswith("."):
            continue
        swap = _swap(reading, sentence.index, mentions) if len(drafted) % 2 == 0 else None
        if swap is None:
            prompt = literal(sentence.text)
            drafted.append(
                question(
                    DraftKind.TRUE_FALSE,
                    f"true-{slug(sentence.text, 4)}",
                    prompt,
                    {"answer": True},
                    says(sentence.text),
                    [(sentence, sentence.text)],
                    (sentence.text,),
                    0.7,
                )
            )
            continue
        real, other = swap
        changed = sentence.text[: real.start] + _as_written(real, other) + sentence.text[real.end :]
        explanation = f"{says(sentence.text)} It says {real.display}, not {other.display}."
        drafted.append(
            question(
                DraftKind.TRUE_FALSE,
                f"false-{slug(sentence.text, 4)}",
                literal(changed),
                {"answer": False},
                explanation,
                [(sentence, sentence.text)],
                (sentence.text,),
                0.75,
            )
        )
    return drafted


def _swap(reading: Reading, index: int, mentions: tuple[Mention, ...]) -> tuple[Mention, Mention] | None:
    for mention in mentions:
        if mention.kind not in _SWAPPABLE or sum(1 for m in mentions if m.key == mention.key) > 1:
            continue
        if reading.in_quote(index, mention.start, mention.end):
            continue
        if _NEGATION.search(reading.sentences[index].text[: mention.start]):
            continue  # "No details were given on X", "not by X": with Y for X, as true as before
        others = [o for o in same_kind(reading, mention, index, limit=5) if not _related(reading, mention, o)]
        if others:
            return mention, others[0]
    return None


def _words_of(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower())) - {"of", "the", "and", "for"}


def _related(reading: Reading, real: Mention, other: Mention) -> bool:
    """Whether a name swapped in could still make the sentence true: it shares a word with the
    real one, or it contains, or stands in, another name of the article ("Benin" and "Benin
    City", "Edo" and "Edo State")."""
    if not real.is_name:
        return False
    if _words_of(real.display) & _words_of(other.display):
        return True
    swapped = _words_of(other.display)
    for key, mention in reading.names.items():
        if key == other.key or not mention.is_name:
            continue
        words = _words_of(mention.display)
        if words and (words <= swapped or swapped <= words):
            return True
    return False


def _as_written(real: Mention, other: Mention) -> str:
    """``other`` written as ``real`` is in its sentence: "3,400-troop" for "5,000-troop"."""
    if real.kind in {MentionKind.NUMBER, MentionKind.PERCENT} and real.number_text and other.number_text:
        return real.text.replace(real.number_text, other.number_text, 1)
    return other.display
