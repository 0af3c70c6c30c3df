"""Wrong answers of the same kind from the same article, never one the article makes true too:
not one of the source sentence (a list, "Belgrade and its allies Russia and China"), not one
that another sentence says in the same words ("... declared independence from X"), not a name
sharing a word with the answer ("Kosovo" beside "Kosovo Security Force")."""

from __future__ import annotations

from quizapp.core.drafting.mentions import Mention, MentionKind
from quizapp.core.drafting.reading import Reading

FRAME_OVERLAP = 0.5  # share of the question's words another sentence must repeat to make it true


def same_kind(reading: Reading, answer: Mention, sentence: int, limit: int = 3) -> list[Mention]:
    """Up to ``limit`` mentions of other things of ``answer``'s kind (numbers: of its unit)."""
    frame = _frame(reading, sentence, answer)
    chosen: list[Mention] = []
    for key, mention in reading.names.items():
        if len(chosen) == limit:
            break
        if not _same_kind(mention, answer) or key == answer.key:
            continue
        if _overlaps(mention.display, answer.display) or any(
            _overlaps(mention.display, c.display) for c in chosen
        ):
            continue
        if sentence in reading.occurrences[key] or _made_true(reading, key, frame, sentence):
            continue
        chosen.append(mention)
    return chosen


def _same_kind(mention: Mention, answer: Mention) -> bool:
    if mention.kind is not answer.kind:
        return False
    if answer.kind is MentionKind.NUMBER:
        return mention.unit == answer.unit and mention.value != answer.value
    if answer.kind is MentionKind.DATE:
        return (mention.order[2] > 0) == (answer.order[2] > 0)
    return True


def _frame(reading: Reading, sentence: int, answer: Mention) -> frozenset[str]:
    answer_words = frozenset(answer.text.lower().split()) | frozenset(answer.display.lower().split())
    return reading.words[sentence] - answer_words


def _made_true(reading: Reading, key: str, frame: frozenset[str], source: int) -> bool:
    """Whether a sentence mentioning ``key`` repeats most of the question's words."""
    if not frame:
        return True
    for index in reading.occurrences.get(key, ()):
        if index == source:
            return True
        shared = len(frame & reading.words[index])
        if shared >= FRAME_OVERLAP * len(frame) or (len(frame) <= 4 and shared >= 2):
            return True
    return False


def made_true(reading: Reading, key: str, sentence: int, answer: Mention) -> bool:
    return _made_true(reading, key, _frame(reading, sentence, answer), sentence)


def _overlaps(one: str, other: str) -> bool:
    words = {w.lower().strip(".,’'") for w in one.split()} - {"of", "the", "and"}
    others = {w.lower().strip(".,’'") for w in other.split()} - {"of", "the", "and"}
    return bool(words & others) or one.lower() in other.lower() or other.lower() in one.lower()
