"""People and their roles, from titles and appositions ("Kosovo's acting President Vjosa Osmani",
"Jane Doe, a spokeswoman for the agency,"): a cloze on each person's role, and a matching
question when the article gives two or more people roles."""

from __future__ import annotations

import re

from quizapp.core.drafting.build import question
from quizapp.core.drafting.drafted import DraftedQuestion, DraftKind
from quizapp.core.drafting.lexicon import ROLE_NOUNS, TITLES
from quizapp.core.drafting.mentions import Mention, MentionKind
from quizapp.core.drafting.reading import Reading
from quizapp.core.drafting.sentences import Sentence
from quizapp.core.drafting.wording import literal, says, slug

MAX_PAIRS = 5


def role_questions(reading: Reading) -> list[DraftedQuestion]:
    found = _roles(reading)
    others = [m.role.lower() for m in reading.names.values() if m.kind is MentionKind.PERSON and m.role]
    drafted = [
        _role_choice(person, sentence, found) or _role_cloze(person, sentence, others)
        for person, sentence in found
    ]
    if len(found) >= 2:
        pairs = found[:MAX_PAIRS]
        drafted.append(
            question(
                DraftKind.MATCHING,
                "matching-roles",
                "Match each person with the role the article gives them.",
                {"pairs": [{"left": p.display, "right": _capital(p.role)} for p, _ in pairs]},
                "The article names them so: " + " ".join(f"“{s.text}”" for _, s in pairs),
                [(s, s.text) for _, s in pairs],
                tuple(f"{p.display} → {p.role}" for p, _ in pairs),
                0.7,
            )
        )
    return drafted


def _roles(reading: Reading) -> list[tuple[Mention, Sentence]]:
    found: dict[str, tuple[Mention, Sentence]] = {}
    roles: set[str] = set()
    for sentence, mentions in zip(reading.sentences, reading.mentions, strict=True):
        for mention in mentions:
            if mention.kind is MentionKind.PERSON and mention.role and mention.key not in found:
                if (
                    mention.role.lower() in roles
                    or mention.display.split()[-1].lower() in mention.role.lower()
                ):
                    continue
                roles.add(mention.role.lower())
                found[mention.key] = (mention, sentence)
    return list(found.values())


def role_head(role: str, others: list[str]) -> str:
    """The word that says what a long role is ("director" of "director of Nigeria's National
    Commission for Museums and Monuments"), when none of the ``others`` (the roles the article
    gives other people) has it: a short answer that names no one else; "" when none or ambiguous."""
    for word in re.findall(r"[A-Za-z][\w\-]*", role):
        lowered = str(word).lower()
        if word[0].isupper():
            continue  # a capitalised title is the role's name ("Chief Financial Officer"), no head
        if lowered in ROLE_NOUNS or lowered in TITLES:
            if any(re.search(rf"\b{re.escape(lowered)}\b", other) for other in others):
                return ""
            return lowered
    return ""


def _role_cloze(person: Mention, sentence: Sentence, roles: list[str]) -> DraftedQuestion:
    role = person.role
    accepted = [role]
    unowned = re.sub(r"^[A-Z][\w.\-]*['’]s\s+", "", role)
    unowned = re.sub(r"^(?:a|an|the)\s+", "", unowned)
    accepted.append(unowned)
    owner = re.match(r"^([A-Z][\w.\-]*)['’]s\s+(.+)$", role)
    if owner:  # "Kosovo's acting President" is the "acting President of Kosovo"
        accepted.append(f"{owner.group(2)} of {owner.group(1)}")
    *before, last = role.split()
    compound = any(word.lower() in TITLES for word in before)  # "Prime Minister", "Chief ... Officer"
    head = last if last[0].isupper() and last.lower() in TITLES and not compound else ""
    if head:  # "Interior Minister" is a "Minister"; "... at Aldenburg University" no "University"
        accepted.append(head)
    others = [other for other in roles if other != role.lower()]
    short = role_head(unowned, others) if len(unowned.split()) > 2 else ""
    if short and short not in {a.lower() for a in accepted}:
        accepted.append(short)
    accepted = list(dict.fromkeys(accepted))
    prompt = f"In the article, {literal(person.display)} is {{{{1}}}}."
    return question(
        DraftKind.CLOZE,
        f"role-{slug(person.display, 3)}",
        prompt,
        {"blanks": [accepted]},
        says(sentence.text),
        [(sentence, sentence.text)],
        tuple(accepted[:3]),
        0.7,
    )


MIN_CHOICE_WORDS = 4  # a role this long, with no short head to accept, is asked as a choice


def _role_choice(
    person: Mention, sentence: Sentence, found: list[tuple[Mention, Sentence]]
) -> DraftedQuestion | None:
    """A long role whose head word would not name this person alone ("director of …" where
    another person is a director too) asked as a single choice among the other people's roles:
    typed in full, it would be refused for any small slip."""
    role = person.role
    unowned = re.sub(r"^(?:a|an|the)\s+", "", role)
    others = [p.role for p, _ in found if p.key != person.key]
    if len(unowned.split()) < MIN_CHOICE_WORDS or len(others) < 2:
        return None
    if role_head(unowned, [o.lower() for o in others]):
        return None
    choices = [_capital(role), *(_capital(o) for o in others[:3])]
    return question(
        DraftKind.CHOICE,
        f"role-{slug(person.display, 3)}",
        f"What does the article say {literal(person.display)} is?",
        {"choices": choices, "answer": choices[0]},
        says(sentence.text),
        [(sentence, sentence.text)],
        (role,),
        0.7,
    )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
