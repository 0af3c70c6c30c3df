"""Wording shared by the question builders: a sentence with gaps, Markdown made literal,
questions asked of a sentence, ids, the article's words quoted in an explanation."""

from __future__ import annotations

import re

from quizapp.core.drafting.mentions import Mention, MentionKind

GAP = "(blank)"  # needs no Markdown escape; reads as "blank" on a screen reader and in the form
_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|])")

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
    """``text`` with each span replaced by ``gap`` (spans in order, not overlapping), the text
    made literal for Markdown (the gap is written as it is: it needs no escape)."""
    out: list[str] = []
    position = 0
    for start, end in spans:
        out.append(literal(text[position:start]))
        out.append(gap)
        position = end
    out.append(literal(text[position:]))
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


AUXILIARIES = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "has",
        "have",
        "had",
        "could",
        "can",
        "should",
        "may",
        "might",
    ]
)
_IRREGULAR = {
    "won": "win",
    "built": "build",
    "sent": "send",
    "rose": "rise",
    "fell": "fall",
    "lost": "lose",
    "took": "take",
    "gave": "give",
    "made": "make",
    "held": "hold",
    "got": "get",
    "saw": "see",
    "paid": "pay",
    "left": "leave",
    "led": "lead",
    "spent": "spend",
    "sold": "sell",
    "bought": "buy",
    "brought": "bring",
    "kept": "keep",
    "began": "begin",
    "drew": "draw",
    "grew": "grow",
    "found": "find",
    "ran": "run",
    "became": "become",
    "came": "come",
    "went": "go",
    "struck": "strike",
    "hit": "hit",
    "cut": "cut",
    "put": "put",
    "set": "set",
    "met": "meet",
    "wrote": "write",
    "chose": "choose",
    "froze": "freeze",
    "raised": "raise",
}
_E_ENDINGS = (
    *("ated", "ived", "ced", "ized", "ised", "uded", "ured", "ged"),
    *("osed", "ased", "uted", "ored", "ared", "ired"),
)
_SUBJECT_WORD = re.compile(r"[A-Za-z][\w'’\-]*")
_MODIFIERS = re.compile(
    r"\s+(?:about|some|nearly|almost|around|roughly|more\s+than|less\s+than|at\s+least|up\s+to|over)\s*$"
)


def base_form(verb: str) -> str | None:
    """The base form of a past-tense verb ("declared" → "declare", "won" → "win"), or None
    when ``verb`` is no past tense the rules know."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if not verb.endswith("ed") or len(verb) < 5:
        return None
    if verb.endswith("ied"):
        return verb[:-3] + "y"
    stem = verb[:-2]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        return stem[:-1]
    if verb.endswith(_E_ENDINGS):
        return verb[:-1]
    return stem


def split_clause(clause: str) -> tuple[str, str, str] | None:
    """A short clause as (subject, auxiliary or "", the rest from its verb on): "Kosovo declared
    independence" → ("Kosovo", "", "declared independence"); "The trial would begin" → ("The
    trial", "would", "begin"). None when no verb is found plainly after a short subject."""
    words = clause.split()
    for index in range(1, min(len(words), 8)):
        word = words[index]
        previous = words[index - 1].lower()
        if not _SUBJECT_WORD.fullmatch(word):
            return None
        if not word.islower():
            continue  # a name's word in the subject: "The Red Cross"
        if previous in {"the", "a", "an", "its", "their", "his", "her"} or previous.endswith("ly"):
            continue
        if word in AUXILIARIES or base_form(word) is not None:
            subject = " ".join(words[:index])
            if re.search(r"[,\d“”\"()]|\b(?:said|says|which|who|that)\b", subject):
                return None
            if word in AUXILIARIES:
                return subject, word, " ".join(words[index + 1 :])
            return subject, "", " ".join(words[index:])
    return None


def lowered_subject(subject: str, names: frozenset[str]) -> str:
    """A sentence's subject as it stands inside a question: "The plant" → "the plant"; a name
    (``names``: the first words of the sentence's names) keeps its capital."""
    words = subject.split()
    determiner = words[0].lower() in {"the", "a", "an", "its", "their", "his", "her", "this", "these"}
    common = len(words) > 1 and words[1][:1].islower()  # "Rescue teams", not "Norland"
    if re.sub(r"['’]s?$", "", words[0]) in names or not (determiner or common):
        return subject
    return subject[:1].lower() + subject[1:]


_FRAME = re.compile(
    r"^(?P<speaker>(?:The\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,4})\s+said\s+(?:that\s+)?"
)
_PRONOUNS = frozenset(["it", "they", "he", "she"])


def unframed(before: str) -> str:
    """ "The Red Cross said it opened" → "The Red Cross opened": a reporting frame dropped, its
    speaker standing for the pronoun after it."""
    found = _FRAME.match(before)
    if not found:
        return before
    rest = before[found.end() :]
    first, _, tail = rest.partition(" ")
    if first in _PRONOUNS:
        return f"{found['speaker']} {tail}"
    return rest[:1].upper() + rest[1:]


def inverted(wh: str, subject: str, aux: str, rest: str) -> str | None:
    """ "In what year did the plant open", "How many homes had rescuers reached": ``wh`` and the
    clause asked with do-support or its auxiliary moved; None when the verb has no known base."""
    if aux:
        return f"{wh} {aux} {subject} {rest}".strip()
    verb, _, tail = rest.partition(" ")
    base = base_form(verb)
    if base is None:
        return None
    return f"{wh} did {subject} {base} {tail}".strip()


def short_tail(after: str) -> str:
    """What follows an asked number, up to the clause's end: "" when it is long or numbered."""
    tail = re.split(r",|;|\s+and\s+|\s+but\s+", after, maxsplit=1)[0].strip().rstrip(".")
    if len(tail.split()) > 8 or re.search(r"[\d“”\"]", tail):
        return ""
    return tail


def number_question(sentence: str, mention: Mention, names: frozenset[str]) -> str | None:
    """ "How many people had rescue teams pulled from roofs?" or "How many homes were flooded in
    the town?": a real question of a number with its noun, or None when the sentence has no
    plain shape around it (a short subject at its start, a verb, the number)."""
    if mention.kind is not MentionKind.NUMBER or not mention.unit or mention.number_text not in mention.text:
        return None
    counted = mention.text[mention.text.index(mention.number_text) + len(mention.number_text) :].strip()
    if not counted or not re.fullmatch(r"[a-z][a-z\s\-]*", counted):
        return None
    if re.search(r"\b(?:a|an|the)\s+$", sentence[: mention.start]):
        return None  # "a 45 million pound grant": the number describes another noun
    before = _MODIFIERS.sub("", sentence[: mention.start]).strip()
    after = sentence[mention.end :]
    if not before.strip("“\"' ") or re.fullmatch(
        r"(?:About|Some|Nearly|Almost|Around|More than|Over)", before
    ):
        # the number is the subject: "About 4,200 homes were flooded in Dravik."
        found = re.match(r"\s+(is|are|was|were|has|have|had|will)\s+((?:been\s+)?[a-z]+)\b", after)
        if not found or base_form(found.group(2).split()[-1]) is None:
            return None
        tail = short_tail(after[found.end() :])
        return f"How many {counted} {found.group(1)} {found.group(2)} {tail}".strip() + "?"
    parts = split_clause(unframed(before))
    if parts is None:
        return None
    subject, aux, rest = parts
    if len(rest.split()) > 3:
        return None
    asked = inverted(f"How many {counted}", lowered_subject(subject, names), aux, rest)
    if asked is None:
        return None
    return f"{asked} {short_tail(after)}".strip() + "?"


def year_question(sentence: str, clause: str, names: frozenset[str]) -> str | None:
    """ "In what year did Kosovo declare independence from Serbia?" from the event a sentence
    dates (ordering.event_clause), or None."""
    parts = split_clause(clause)
    if parts is None:
        return None
    subject, aux, rest = parts
    asked = inverted("In what year", lowered_subject(subject, names), aux, rest)
    return f"{asked}?" if asked else None
