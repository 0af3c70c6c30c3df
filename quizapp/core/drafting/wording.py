"""Wording shared by the question builders: a sentence with gaps, Markdown made literal,
questions asked of a sentence, ids, the article's words quoted in an explanation."""

from __future__ import annotations

import re

from quizapp.core.drafting.mentions import Mention, MentionKind

GAP = "___"
_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|])")
_AUX = re.compile(r"\b(is|are|was|were|will|would|has|have|had|could|can|should|may|might)\b")

ASKED = {
    MentionKind.PERSON: ("Who", "Which person"),
    MentionKind.ORG: ("Which organisation", "Which organisation"),
    MentionKind.PLACE: ("Which place", "Which place"),
    MentionKind.YEAR: ("In which year", "Which year"),
    MentionKind.DATE: ("On which date", "Which date"),
    MentionKind.PERCENT: ("What share", "Which percentage"),
    MentionKind.NUMBER: ("How many", "Which number"),
}


def literal(text: str) -> str:
    """``text`` with Markdown's characters escaped, so a prompt shows it as written."""
    return _MARKDOWN.sub(r"\\\1", text)


def gapped(text: str, spans: list[tuple[int, int]], gap: str = GAP) -> str:
    """``text`` with each span replaced by ``gap`` (spans in order, not overlapping)."""
    out: list[str] = []
    position = 0
    for start, end in spans:
        out.append(text[position:start])
        out.append(gap)
        position = end
    out.append(text[position:])
    return "".join(out)


def says(quote: str) -> str:
    return f"The article says: “{quote}”"


def slug(text: str, words: int = 4) -> str:
    found = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(found[:words]) or "item"


def number_span(mention: Mention) -> tuple[int, int]:
    """The span of a number mention's digits (not its unit: "78" of "78-day")."""
    if mention.number_text and mention.text.startswith(mention.number_text):
        return mention.start, mention.start + len(mention.number_text)
    if mention.text.startswith(("$", "€", "£", "¥")):
        return mention.start + 1, mention.end
    return mention.start, mention.end


def subject_question(sentence: str, mention: Mention) -> str | None:
    """ "Which place declared independence from Serbia in 2008?" when the mention is the
    sentence's subject (it starts the sentence and a lowercase verb follows it)."""
    head = sentence[: mention.start].strip("“\"' ")
    if head.lower() not in {"", "the"} or mention.possessive:
        return None
    rest = sentence[mention.end :].strip()
    if not re.match(r"[a-z]", rest) or not rest.endswith("."):
        return None
    asked = ASKED[mention.kind][0] if mention.kind is MentionKind.PERSON else ASKED[mention.kind][1]
    return f"{asked} {rest[:-1]}?"


def how_many_question(sentence: str, mention: Mention) -> str | None:
    """ "How many troops is Kosovo's military expected to have?": the auxiliary before the number
    moved before its subject; None when the sentence has no such shape."""
    if (
        not mention.unit
        or mention.kind is not MentionKind.NUMBER
        or mention.text != f"{mention.number_text} {mention.unit}"
    ):
        return None
    before = sentence[: mention.start]
    clause_start = max(before.rfind(", ") + 2 if ", " in before else 0, 0)
    clause = before[clause_start:]
    aux = None
    for found in _AUX.finditer(clause):
        aux = found
        break
    if aux is None:
        return None
    subject = clause[: aux.start()].strip()
    between = clause[aux.end() :].strip()
    if not subject or len(subject.split()) > 10 or re.search(r"[\d“”\"]", subject + between):
        return None
    if between.split()[-1:] and between.split()[-1].lower() in {
        "a",
        "an",
        "the",
        "about",
        "some",
        "nearly",
        "almost",
    }:
        return None
    first = subject.split()[0]
    if first.lower() in {"the", "a", "an", "its", "their", "his", "her", "this", "these"}:
        subject = first.lower() + subject[len(first) :]
    tail = sentence[mention.end :].strip().rstrip(".")
    tail_words = tail.split()
    if tail and (tail.startswith((",", "and ", "but ")) or len(tail_words) > 8 or re.search(r"\d", tail)):
        tail = ""
    unit = mention.unit
    question = f"How many {unit} {aux.group(1)} {subject} {between}".strip()
    return f"{question} {tail}".strip() + "?"
