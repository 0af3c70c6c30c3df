"""Quote attribution: "Who said “…”?" from a direct quotation and its speaker, with the other
people of the article as the wrong choices (at least two of them; with one other person, the
organisations the article reports as saying something make up the choices)."""

from __future__ import annotations

import re

from quizapp.core.drafting.build import question
from quizapp.core.drafting.drafted import DraftedQuestion, DraftKind
from quizapp.core.drafting.mentions import MentionKind
from quizapp.core.drafting.reading import Reading
from quizapp.core.drafting.wording import literal, slug

MAX_QUOTE_WORDS = 30


def attribution_questions(reading: Reading) -> list[DraftedQuestion]:
    drafted: list[DraftedQuestion] = []
    people = [reading.names[key] for key in reading.kind_keys(MentionKind.PERSON)]
    for speech in reading.speeches:
        others = [p.display for p in people if p.key != speech.speaker]
        if len(others) == 1:
            others += _speaking_organisations(reading)
        if len(others) < 2:
            continue
        words = speech.words.split()
        said = " ".join(words[:MAX_QUOTE_WORDS]) + (" …" if len(words) > MAX_QUOTE_WORDS else "")
        surname = speech.speaker_name.split()[-1].lower()
        if surname in said.lower():
            continue
        sentence = reading.sentences[speech.sentence]
        answer = speech.speaker_name
        choices = [answer, *others[:3]]
        drafted.append(
            question(
                DraftKind.ATTRIBUTION,
                f"quote-{slug(answer, 2)}-{slug(said, 3)}",
                f"Who said “{literal(said)}”?",
                {"choices": choices, "answer": answer},
                f"The article quotes {answer}: “{sentence.text}”",
                [(sentence, sentence.text), *reading.introduced(answer, sentence)],
                (answer,),
                speech.confidence,
            )
        )
    return drafted


def _speaking_organisations(reading: Reading) -> list[str]:
    """The organisations the article reports as saying something ("the union said")."""
    found: list[str] = []
    for sentence, mentions in zip(reading.sentences, reading.mentions, strict=True):
        for mention in mentions:
            after = sentence.text[mention.end : mention.end + 12]
            if mention.kind is MentionKind.ORG and re.match(r"\s+(?:said|says|told)\b", after):
                found.append(mention.display)
    return list(dict.fromkeys(found))
