"""Phrase questions: what a sentence states in a phrase rather than a name or a number, found by
the phrase's plain shape in the sentence:

- the object a subject sent, moved or gave somewhere ("X has sent an army platoon to Y" → "What
  has X sent to Y?");
- where an event was held or took place ("A ceremony was held on May 2 at the town hall in the
  capital, Vesta, ..." → "Where was the ceremony held?");
- a name something is known by or was changed to ("known as RX-19", "renamed the Grand Hall",
  "changed to armed forces"), as a cloze;
- the sides of a war or clash ("a war between A and B" → "Who fought the war?");
- the aims of a campaign, plan or effort ("a campaign to do X and do Y" → "What was the
  campaign meant to do?", either aim accepted);
- the items of a list after "in the presence of", "attended by", "including" or "such as", a
  cloze an item with the one item blanked (the items would fit each other's blanks);
- the contrasting word of a quotation ("not just importing ..., also exporting ...");
- a person named in an apposition after "Its leader," or another role, asked by the
  organisation the sentence before names ("Who is the leader of the Green Party?").

Each answer is a span of the sentence, so the quote supports it word for word."""

from __future__ import annotations

import re

from quizapp.core.drafting.build import question
from quizapp.core.drafting.distractors import same_kind
from quizapp.core.drafting.drafted import DraftedQuestion, DraftKind
from quizapp.core.drafting.lexicon import FUNCTION_WORDS, MONTHS
from quizapp.core.drafting.mentions import MentionKind
from quizapp.core.drafting.reading import Reading
from quizapp.core.drafting.sentences import Sentence
from quizapp.core.drafting.wording import base_form, literal, says, slug

CONFIDENCE_QUESTION = 0.8  # a real question over a phrase the sentence's shape marks out
CONFIDENCE_CLOZE = 0.7  # the sentence with its phrase left out
CONFIDENCE_QUOTE = 0.6  # a word of a quotation left out

_NAME = r"[A-Z][\w'’\-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'’\-]*){0,4}"
_LOWER_WORD = r"[a-z][a-z\-]*"
_DETERMINER = r"(?:a|an|the|its|their|his|her|two|three|four|five|several|some)"

# "Kosovo has sent an army platoon to Kuwait", "The agency sent a team to Lima"
_OBJECT = re.compile(
    rf"^(?P<subject>{_NAME}|The\s+{_LOWER_WORD}(?:\s+{_LOWER_WORD})?)\s+"
    r"(?:(?P<aux>has|have|had)\s+)?(?P<verb>sent|deployed|moved|shipped|flown|flew|dispatched|donated|"
    r"delivered|gave|given|handed|lent|loaned|sold|exported|transferred|brought|taken|took)\s+"
    rf"(?P<object>{_DETERMINER}\s+(?:{_LOWER_WORD}\s+){{0,3}}{_LOWER_WORD})\s+"
    rf"(?P<prep>to|into)\s+(?P<place>{_NAME})\b"
)
_PAST_PARTICIPLE = dict(
    [
        *(("flown", "fly"), ("given", "give"), ("taken", "take")),
        *(("flew", "fly"), ("gave", "give"), ("took", "take")),
    ]
)

# "A ceremony was held on March 9 at the town hall in Vesta, in the presence of ..."
_HELD = re.compile(
    rf"\b(?P<subject>(?:[Aa]n?|[Tt]he)\s+(?:{_LOWER_WORD}\s+){{0,2}}{_LOWER_WORD})\s+"
    r"(?P<verb>was\s+held|were\s+held|will\s+be\s+held|took\s+place|will\s+take\s+place|is\s+located|was\s+located)"
    r"(?P<when>\s+(?:on|in)\s+[A-Z][a-z]+(?:\s+\d{1,2})?(?:,?\s+\d{4})?|\s+on\s+\d{1,2}\s+[A-Z][a-z]+)?"
    r"\s+(?P<where>(?:at|in|on|outside|inside|near)\s+(?:the\s+)?[^.;:]+)"
)
_WHERE_QUESTION = {
    "was held": "Where was {} held?",
    "were held": "Where were {} held?",
    "will be held": "Where will {} be held?",
    "took place": "Where did {} take place?",
    "will take place": "Where will {} take place?",
    "is located": "Where is {}?",
    "was located": "Where was {}?",
}

# "known as RX-19", "renamed the Grand Hall", "changed to armed forces"
_NAMED = re.compile(
    r"\b(?:known\s+as|renamed(?:\s+as)?|changed\s+to|(?:is|was|are|were|be|been)\s+called|,\s+called)\s+"
    r"(?P<name>(?:the\s+)?[A-Z0-9][\w\-]*(?:\s+[A-Z0-9][\w\-]*){0,3}|[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,2})"
)

# "a bloody war between separatist rebels and government forces that ended ..."
_BETWEEN = re.compile(
    r"\b(?P<thing>(?:[a-z\-]+\s+){0,2}(?:war|conflict|fighting|clashes|battle|civil\s+war|fight))\s+"
    r"between\s+(?P<one>[\w\-’']+(?:\s+[\w\-’']+){0,4}?)\s+and\s+(?P<other>[\w\-’']+(?:\s+[\w\-’']+){0,4}?)"
    r"(?=\s+(?:that|which|who|in|on|at|after|since|over|from|until|for|ended|began)\b|[,.;])"
)

# "a 78-day air campaign to drive the troops out and allow aid to move in"
_AIM_NOUNS = (
    "campaign|plan|effort|efforts|bid|attempt|operation|mission|drive|push|programme|program|"
    "scheme|initiative|strategy|project|offensive|reform|reforms|law|bill|measure|measures|deal|fund"
)
_AIM = re.compile(
    rf"\b(?P<thing>(?:a|an|the|its|their)\s+(?:[\w\-]+\s+){{0,4}}?(?:{_AIM_NOUNS}))\s+to\s+"
    r"(?P<aims>[a-z][^,.;:“”\"]+)"
)

# "in the presence of top leaders and foreign diplomats", "attended by ...", "including ..."
_LIST = re.compile(
    r"\b(?:in\s+the\s+presence\s+of|attended\s+by|joined\s+by|including|such\s+as)\s+"
    r"(?P<items>[^.;:“”\"()]+?)(?=[.;:]|,\s+(?:who|which|where|when|while|as|and\s+the|but)\b|$)"
)

# "not just importing ..., we're also exporting ..."
_CONTRAST = re.compile(
    r"\bnot\s+(?:just|only|merely|simply)\s+(?P<first>[a-z]+)\b[^.;“”\"]{0,80}?"
    r"\b(?:but\s+)?(?:(?:we|they|we’re|they’re|we're|they're|it’s|it's)\s+)?(?:are\s+)?also\s+(?P<second>[a-z]+)\b"
)

# "The 3,400-troop Security Force was turned into a regular army two years ago"
_BECAME = re.compile(
    rf"^(?P<subject>The\s+(?:[^,;“”\"]|(?<=\d),(?=\d)){{3,60}}?)\s+(?P<be>was|were)\s+(?P<verb>turned|transformed|converted|made)\s+into\s+"
    rf"(?P<what>(?:a|an|the)\s+(?:{_LOWER_WORD}\s+){{0,3}}?{_LOWER_WORD})"
    r"(?P<when>\s+(?:\w+\s+years?\s+ago|last\s+year|in\s+\d{4}))?"
    r"(?=[,.;]|\s+(?:although|but|and|after|when|while|as|because)\b)"
)

# "“It’s extremely important because ...”": how the speaker describes it
_DESCRIBED = re.compile(
    r"^[“\"](?:It’s|It's|It\s+is|This\s+is)\s+(?P<how>(?:[a-z]+ly\s+)?[a-z]+)\s+because\b"
)

# "Its leader, Jonas Pekkala, said ..."
_ITS_ROLE = re.compile(
    r"^(?:Its|Their)\s+(?P<role>(?:[a-z\-]+\s+){0,2}(?:leader|head|chief|chairman|chairwoman|chair|"
    r"president|director|founder|spokesman|spokeswoman|spokesperson|secretary|captain|coach|"
    r"commander|owner|editor|manager))\s*,\s+(?P<person>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){1,3})\s*,"
)

_STOP_WORDS = FUNCTION_WORDS | frozenset(MONTHS)


def phrase_questions(reading: Reading) -> list[DraftedQuestion]:
    drafted: list[DraftedQuestion] = []
    for sentence in reading.sentences:
        text = sentence.text
        drafted += _its_role(reading, sentence, text)
        drafted += _named(reading, sentence)
        drafted += _list(reading, sentence)
        drafted += _contrast(reading, sentence)
        if reading.context(sentence) is not None:
            continue  # starts with a pronoun: a question would not say what it asks about
        drafted += _object(reading, sentence)
        drafted += _held(reading, sentence)
        drafted += _between(reading, sentence)
        drafted += _aims(reading, sentence)
        drafted += _became(reading, sentence)
        drafted += _described(reading, sentence)
    return drafted


def _unquoted(reading: Reading, sentence: Sentence, start: int, end: int) -> bool:
    return not reading.in_quote(sentence.index, start, end) and not any(
        a < end and start < b for a, b in reading.quoted[sentence.index]
    )


def _no_determiner(phrase: str) -> str:
    return re.sub(r"^(?:a|an|the)\s+", "", phrase)


def _short(
    reading: Reading,
    sentence: Sentence,
    ident: str,
    prompt: str,
    accepted: list[str],
    answers: tuple[str, ...],
    confidence: float = CONFIDENCE_QUESTION,
) -> DraftedQuestion:
    return question(
        DraftKind.SHORT,
        ident,
        literal(prompt),
        {"accept": list(dict.fromkeys(accepted))},
        says(sentence.text),
        [(sentence, sentence.text)],
        answers,
        confidence,
    )


def _cloze(
    reading: Reading,
    sentence: Sentence,
    ident: str,
    spans: list[tuple[int, int]],
    accepted: list[list[str]],
    confidence: float = CONFIDENCE_CLOZE,
) -> DraftedQuestion:
    text = sentence.text
    parts: list[str] = []
    position = 0
    for number, (start, end) in enumerate(spans, 1):
        parts.append(literal(text[position:start]))
        parts.append(f"{{{{{number}}}}}")
        position = end
    parts.append(literal(text[position:]))
    blanks = [list(dict.fromkeys(a)) for a in accepted]
    context = reading.context(sentence)
    lead = f"{literal(context.text)} " if context is not None else ""
    return question(
        DraftKind.CLOZE,
        ident,
        lead + "".join(parts),
        {"blanks": blanks},
        says(text),
        [(sentence, reading.source(sentence, with_context=True))],
        tuple(blank[0] for blank in blanks),
        confidence,
    )


def _object(reading: Reading, sentence: Sentence) -> list[DraftedQuestion]:
    found = _OBJECT.match(sentence.text)
    if not found or not _unquoted(reading, sentence, found.start(), found.end()):
        return []
    subject, aux, verb = found["subject"], found["aux"], found["verb"]
    thing = found["object"]
    if any(word in _STOP_WORDS for word in thing.split()[1:]):
        return []
    if subject.startswith("The "):
        subject = "the " + subject[4:]
    if aux:
        asked = f"What {aux} {subject} {verb} {found['prep']} {found['place']}?"
    else:
        base = _PAST_PARTICIPLE.get(verb) or base_form(verb)
        if base is None:
            return []
        asked = f"What did {subject} {base} {found['prep']} {found['place']}?"
    return [
        _short(
            reading,
            sentence,
            f"short-{slug(thing, 4)}",
            f"According to the article: {asked}",
            [thing, _no_determiner(thing)],
            (thing,),
        )
    ]


def _clause_end(text: str, start: int) -> int:
    """Where a phrase from ``start`` ends: at a sentence stop, or at a comma that a lowercase
    word follows (", in the presence of"); a comma before a name ("the capital, Vesta") goes on."""
    index = start
    while index < len(text):
        char = text[index]
        if char in '.;:“”"(' and not (char == "." and index + 1 < len(text) and text[index + 1].isalnum()):
            return index
        if char == ",":
            after = text[index + 1 :].lstrip()
            if not after[:1].isupper():
                return index
            name_end = re.match(r"[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*", after)
            rest = after[name_end.end() :] if name_end else after
            if rest[:1] not in {",", ".", ""}:
                return index  # ", Mayor Lee said": not an apposition
        index += 1
    return index


def _held(reading: Reading, sentence: Sentence) -> list[DraftedQuestion]:
    text = sentence.text
    found = _HELD.search(text)
    if not found or not _unquoted(reading, sentence, found.start(), found.end()):
        return []
    start = found.start("where")
    end = _clause_end(text, start)
    where = text[start:end].strip()
    words = where.split()
    if not 2 <= len(words) <= 12 or re.search(r"\d", where) or words[-1].lower() in _STOP_WORDS:
        return []
    content = [w.strip(",").lower() for w in words[1:] if w.lower() not in {"the", "a", "an"}]
    if not content or content[0] in _STOP_WORDS | {"order", "time", "response", "line", "front"}:
        return []  # "in which", "in order to", "on time": no place
    subject = found["subject"]
    subject = subject[:1].lower() + subject[1:]
    subject = re.sub(r"^(?:a|an)\s+", "the ", subject)
    asked = _WHERE_QUESTION[re.sub(r"\s+", " ", found["verb"])].format(subject)
    accepted = [where, _no_determiner(re.sub(r"^\w+\s+", "", where))]
    return [
        _short(
            reading,
            sentence,
            f"short-where-{slug(subject, 3)}",
            f"According to the article: {asked}",
            accepted,
            (where,),
        )
    ]


def _named(reading: Reading, sentence: Sentence) -> list[DraftedQuestion]:
    text = sentence.text
    drafted: list[DraftedQuestion] = []
    for found in _NAMED.finditer(text):
        name = found["name"]
        words = name.split()
        while words and words[-1].lower() in _STOP_WORDS:
            words.pop()  # "changed to armed forces as planned": "as" ends it
        if _no_determiner(name)[:1].islower():
            cut = next((i for i, w in enumerate(words) if w in _STOP_WORDS), len(words))
            words = words[:cut]
        if not words or (len(words) == 1 and words[0].lower() in _STOP_WORDS):
            continue
        name = " ".join(words)
        start = found.start("name")
        end = start + len(name)
        if not _unquoted(reading, sentence, start, end) or not re.search(r"[A-Za-z]", name):
            continue
        accepted = [name, _no_determiner(name)]
        drafted.append(_cloze(reading, sentence, f"cloze-named-{slug(name, 3)}", [(start, end)], [accepted]))
    return drafted


def _between(reading: Reading, sentence: Sentence) -> list[DraftedQuestion]:
    text = sentence.text
    found = _BETWEEN.search(text)
    if not found or re.search(r"\d", found["one"] + found["other"]):
        return []
    if not _unquoted(reading, sentence, found.start(), found.end()):
        return []
    one, other = found["one"], found["other"]
    if one.split()[-1].lower() in _STOP_WORDS or other.split()[-1].lower() in _STOP_WORDS:
        return []
    thing = re.sub(r"^(?:a|an|the)\s+", "", found["thing"])
    sides = f"{one} and {other}"
    return [
        _short(
            reading,
            sentence,
            f"short-sides-{slug(thing, 2)}",
            f"According to the article, who fought the {thing}?",
            [sides, f"{other} and {one}", f"{_no_determiner(one)} and {_no_determiner(other)}"],
            (sides,),
        )
    ]


def _aims(reading: Reading, sentence: Sentence) -> list[DraftedQuestion]:
    text = sentence.text
    found = _AIM.search(text)
    if not found or not _unquoted(reading, sentence, found.start(), found.end()):
        return []
    aims_text = found["aims"].strip()
    first_word = aims_text.split()[0]
    plural_or_past = first_word.endswith(("ed", "ing", "s")) and not first_word.endswith("ss")
    if first_word in _STOP_WORDS or plural_or_past:
        return []  # "to the region", "to reported ...": no verb's base form after "to"
    pieces = re.split(r"\s+and\s+(?=[a-z]+\s)", aims_text, maxsplit=1)
    aims = [pieces[0]]
    if len(pieces) == 2:
        second = pieces[1]
        second_first = second.split()[0]
        if second_first in _STOP_WORDS or second_first.endswith(("ed", "ing")):
            aims = [aims_text]  # "to drive troops out and the ...": not two aims
        else:
            aims.append(second)
    aims = [re.sub(r"^to\s+", "", aim).strip() for aim in aims]
    if any(not 2 <= len(aim.split()) <= 10 for aim in aims):
        return []
    thing = re.sub(r"^(?:a|an)\s+", "the ", found["thing"])
    thing = thing[:1].lower() + thing[1:]
    is_past = bool(re.search(r"\b(?:was|were|had|began|[a-z]+ed)\b", text[: found.start()]))
    asked = f"What {'was' if is_past else 'is'} {thing} meant to do?"
    if len(aims) == 2:
        asked += " (Give one of its two aims.)"
    accepted = [f"to {aim}" for aim in aims] + aims
    return [
        _short(
            reading,
            sentence,
            f"short-aim-{slug(thing, 3)}",
            f"According to the article: {asked}",
            accepted,
            tuple(f"to {aim}" for aim in aims),
            CONFIDENCE_QUESTION - 0.1,
        )
    ]


def _list(reading: Reading, sentence: Sentence) -> list[DraftedQuestion]:
    text = sentence.text
    found = _LIST.search(text)
    if not found or not _unquoted(reading, sentence, found.start(), found.end()):
        return []
    items_text = found["items"]
    pieces = re.split(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+", items_text)
    if not 2 <= len(pieces) <= 5:
        return []
    spans: list[tuple[int, int]] = []
    position = found.start("items")
    for piece in pieces:
        words = piece.split()
        if not 1 <= len(words) <= 4 or words[-1].lower() in _STOP_WORDS:
            return []
        if words[0].lower() in _STOP_WORDS - {"the"}:
            return []
        if re.search(r"\d", piece):
            return []
        start = text.index(piece, position)
        spans.append((start, start + len(piece)))
        position = start + len(piece)
    names = [m for m in reading.mentions[sentence.index] if m.is_name]
    named = [any(m.start <= a and b <= m.end for m in names) for a, b in spans]
    if all(named):
        return []  # a list of names: the cloze of names asks them
    # One item blanked a draft: the items of a list would fit each other's blanks.
    return [
        _cloze(
            reading,
            sentence,
            f"cloze-list-{slug(text[a:b], 3)}",
            [(a, b)],
            [[text[a:b], _no_determiner(text[a:b])]],
        )
        for a, b in spans
    ]


def _contrast(reading: Reading, sentence: Sentence) -> list[DraftedQuestion]:
    text = sentence.text
    found = _CONTRAST.search(text)
    if not found:
        return []
    first, second = found["first"], found["second"]
    if first == second or second in _STOP_WORDS:
        return []
    if not reading.in_quote(sentence.index, found.start(), found.end()):
        return []
    if first.endswith("ing") != second.endswith("ing"):
        return []
    start = found.start("second")
    return [
        _cloze(
            reading,
            sentence,
            f"cloze-quote-{second}",
            [(start, start + len(second))],
            [[second]],
            CONFIDENCE_QUOTE,
        )
    ]


def before_and(reading: Reading, before: Sentence, sentence: Sentence) -> str:
    """The verbatim quote of two sentences of one paragraph, ``before`` then ``sentence``."""
    return reading.article.paragraphs[sentence.paragraph][before.start : sentence.end]


def _its_role(reading: Reading, sentence: Sentence, text: str) -> list[DraftedQuestion]:
    found = _ITS_ROLE.match(text)
    if not found or sentence.index == 0:
        return []
    before = reading.sentences[sentence.index - 1]
    if before.paragraph != sentence.paragraph:
        return []
    orgs = [m for m in reading.mentions[before.index] if m.kind is MentionKind.ORG]
    if not orgs or not re.fullmatch(r"(?:[Tt]he\s+)?(?:[a-z\-]+\s+){0,3}", before.text[: orgs[0].start]):
        return []  # the organisation must be the subject of the sentence before
    org = orgs[0]
    people = [m for m in reading.mentions[sentence.index] if m.kind is MentionKind.PERSON]
    person = next((p for p in people if p.start == found.start("person")), None)
    if person is None:
        return []
    role = found["role"]
    wrong = same_kind(reading, person, sentence.index)
    if len(wrong) < 3:
        return []
    answer = person.display
    choices = [answer, *(m.display for m in wrong)]
    org_name = re.sub(r"^[Tt]he\s+", "", org.display)
    article = "the " if before.text[: org.start].lower().startswith("the ") else ""
    prompt = f"According to the article, who is the {role} of {article}{org_name}?"
    return [
        question(
            DraftKind.CHOICE,
            f"choice-{slug(role, 1)}-{slug(org_name, 3)}",
            literal(prompt),
            {"choices": choices, "answer": answer},
            f"The article says: “{before.text} {text}”",
            [(sentence, before_and(reading, before, sentence))],
            (answer,),
            CONFIDENCE_QUESTION - 0.05,
        )
    ]


def _became(reading: Reading, sentence: Sentence) -> list[DraftedQuestion]:
    found = _BECAME.match(sentence.text)
    if not found or reading.quoted[sentence.index]:
        return []
    pronoun = "It" if found["be"] == "was" else "They"
    when = (found["when"] or "").strip()
    subject = "the " + found["subject"][4:]
    asked = f"What happened to {subject}{' ' + when if when else ''}?"
    done = f"{found['be']} {found['verb']} into {found['what']}"
    answer = f"{pronoun} {done}."
    return [
        _short(
            reading,
            sentence,
            f"short-became-{slug(found['what'], 3)}",
            f"According to the article: {asked}",
            [answer, done, f"{found['verb']} into {found['what']}", _no_determiner(found["what"])],
            (answer,),
            CONFIDENCE_CLOZE,
        )
    ]


def _described(reading: Reading, sentence: Sentence) -> list[DraftedQuestion]:
    found = _DESCRIBED.match(sentence.text)
    speech = next((s for s in reading.speeches if s.sentence == sentence.index), None)
    if not found or speech is None or found["how"].split()[-1] in _STOP_WORDS:
        return []
    how = found["how"]
    reason = sentence.text[found.end() :].split(",")[0].strip()
    asked = f"How did {speech.speaker_name} describe it, “because {reason} …”?"
    return [
        _short(
            reading,
            sentence,
            f"short-described-{slug(how, 2)}",
            f"According to the article: {asked}",
            [f"as {how}", how],
            (f"as {how}",),
            CONFIDENCE_QUOTE,
        )
    ]
