"""The drafter: reads the article (reading.py) and asks each kind of question of it (one module a
kind), then merges duplicates, drops a draft that shows its own answer, and gives readable,
unique ids. ``Draft``, ``DraftedQuestion`` and ``DraftKind`` are defined in drafted.py."""

from __future__ import annotations

import re
from collections.abc import Callable

from quizapp.core.drafting.article import Article
from quizapp.core.drafting.attribution import attribution_questions
from quizapp.core.drafting.choice import choice_questions
from quizapp.core.drafting.cloze import cloze_questions
from quizapp.core.drafting.drafted import Draft, DraftedQuestion, DraftKind
from quizapp.core.drafting.lexicon import FUNCTION_WORDS, SPEECH_VERBS, TITLES
from quizapp.core.drafting.mentions import MentionKind
from quizapp.core.drafting.numeric import numeric_questions
from quizapp.core.drafting.ordering import ordering_questions
from quizapp.core.drafting.phrases import phrase_questions
from quizapp.core.drafting.reading import Reading, read
from quizapp.core.drafting.roles import role_questions
from quizapp.core.drafting.true_false import true_false_questions
from quizapp.core.drafting.wording import AUXILIARIES, base_form
from quizapp.core.drafting.worked import worked_questions

__all__ = ["Draft", "DraftKind", "DraftedQuestion", "draft_questions"]

_BUILDERS: tuple[Callable[[Reading], list[DraftedQuestion]], ...] = (
    numeric_questions,
    cloze_questions,
    choice_questions,
    true_false_questions,
    attribution_questions,
    role_questions,
    ordering_questions,
    phrase_questions,
    worked_questions,
)


# The most drafts of one article: a page of 800 words of news gives about 50; a text of numbers
# only gave 1,800, which no teacher reviews and whose review page weighed 3 MB (the attack review).
MOST_DRAFTS = 150


def draft_questions(article: Article) -> Draft:
    """The questions drafted from ``article``, in the article's order, each quoting it."""
    if not article.paragraphs:
        return Draft((), ("The article has no text to draft from.",))
    reading = read(article)
    drafted = [q for build in _BUILDERS for q in build(reading)]
    kept = [q for q in drafted if not _gives_itself_away(q)]
    merged = _merged(kept)
    ordered = sorted(merged, key=lambda q: (q.paragraphs[:1], _KIND_ORDER[q.kind]))
    questions = _tagged(reading, _trimmed(_grouped(_unique_ids(ordered))))
    notes = _notes(reading, questions)
    if len(questions) > MOST_DRAFTS:  # the most confident, in the article's order
        most_confident = set(
            sorted(range(len(questions)), key=lambda n: -questions[n].confidence)[:MOST_DRAFTS]
        )
        left_out = len(questions) - MOST_DRAFTS
        questions = [question for number, question in enumerate(questions) if number in most_confident]
        notes += (
            f"{left_out} more drafts were left out: a bank is drafted with {MOST_DRAFTS} at most, the "
            "most confident. Draft a long text a part at a time.",
        )
    return Draft(tuple(questions), notes)


_TOPIC_KINDS = (MentionKind.PERSON, MentionKind.PLACE, MentionKind.ORG)
_NOT_TOPIC = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their", "our"}
    | {"never", "not", "no", "also", "still", "today", "tonight", "yesterday", "now"}
)


def paragraph_topics(reading: Reading) -> dict[int, tuple[str, ...]]:
    """Each paragraph's topics, tags students read, best first: the first person, place or
    organisation its first sentence names (else the paragraph names), lower-cased ("kosovo
    security force"), then the first noun phrase of its first sentence ("emergency shelters");
    never "paragraph-N"."""
    topics: dict[int, tuple[str, ...]] = {}
    for sentence, mentions in zip(reading.sentences, reading.mentions, strict=True):
        if sentence.paragraph in topics:
            continue
        in_paragraph = [
            m
            for s, ms in zip(reading.sentences, reading.mentions, strict=True)
            if s.paragraph == sentence.paragraph
            for m in ms
            if m.kind in _TOPIC_KINDS and not reading.in_quote(s.index, m.start, m.end)
        ]
        named = [m for m in mentions if m.kind in _TOPIC_KINDS] or in_paragraph
        found = [named[0].display.lower()] if named else []
        opening = next(
            (m for m in mentions if m.start <= len(sentence.text) - len(sentence.text.lstrip("“\"‘'"))), None
        )
        phrase = _noun_phrase(sentence.text, opening is None or not opening.is_name)
        if phrase and phrase not in found:
            found.append(phrase)
        topics[sentence.paragraph] = tuple(found)
    return topics


_NOT_NOUNS = frozenset(
    {"first", "second", "third", "last", "next", "high", "low", "former", "new", "old", "seen", "done"}
)


def _noun_phrase(text: str, plain_start: bool = True) -> str:
    """The first run of plain lower-case words of ``text`` before a verb, no function word, an
    adverb nor a name ("emergency shelters" of "About 18 emergency shelters were opened"), or "";
    its first word is read in lower case when ``plain_start`` (it begins no name)."""
    run: list[str] = []
    for number, written in enumerate(re.findall(r"[A-Za-z][\w'’\-]*|\S", text.lstrip("“\"‘'"))):
        word = written.lower() if number == 0 and plain_start else written
        verb = word in SPEECH_VERBS or word in AUXILIARIES or base_form(word) is not None
        plain = word.isalpha() and word.islower() and not word.endswith("ly")
        title = number == 0 and word in TITLES  # "Prime Minister ..." begins a name
        if plain and not verb and not title and word not in FUNCTION_WORDS and word not in _NOT_TOPIC:
            run.append(word)
            if len(run) < 3:
                continue
        while run and (run[-1] in _NOT_NOUNS or run[-1].endswith(("ed", "ing"))):
            run.pop()  # "children aged", "finished dredging": no noun ends them
        if run:
            return " ".join(run)
    return ""


def _tagged(reading: Reading, questions: list[DraftedQuestion]) -> list[DraftedQuestion]:
    """Each draft tagged by its paragraphs' topics: the best topic that does not show one of its
    answers (a topic whose words are all in an answer, or an answer whose words are all in the
    topic): students see tags as topics. A paragraph whose every topic would show one is left
    out of the draft's tags."""
    topics = paragraph_topics(reading)
    result = []
    for question in questions:
        answers = [_words(answer) for answer in question.answers]
        if question.kind is DraftKind.TRUE_FALSE:
            answers = []
        tags: list[str] = []
        for paragraph in question.paragraphs:
            fitting = [
                topic
                for topic in topics.get(paragraph, ())
                if not any(_shares_answer(_words(topic), answer) for answer in answers)
            ]
            if fitting and fitting[0] not in tags:
                tags.append(fitting[0])
        fields = {**question.fields, "tags": tags}
        if not tags:
            del fields["tags"]
        result.append(
            DraftedQuestion(question.kind, fields, question.answers, question.paragraphs, question.confidence)
        )
    return result


def _shares_answer(tag: str, answer: str) -> bool:
    tag_words = set(tag.split())
    answer_words = set(answer.split()) - FUNCTION_WORDS
    return bool(answer_words) and (answer_words <= tag_words or tag_words <= answer_words or tag in answer)


_KIND_ORDER = {kind: number for number, kind in enumerate(DraftKind)}


def _notes(reading: Reading, questions: list[DraftedQuestion]) -> tuple[str, ...]:
    notes: list[str] = []
    if not questions:
        notes.append("No sentence of the article states a name, a number or a date to ask about.")
    if not any(m.is_name for mentions in reading.mentions for m in mentions):
        notes.append("The article names no person, place or organisation the drafter recognises.")
    if not reading.speeches:
        notes.append("No quotation with its speaker: no quote attribution was drafted.")
    return tuple(notes)


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "


def _gives_itself_away(drafted: DraftedQuestion) -> bool:
    """Whether a prompt or a wrong choice shows the question's own answer."""
    fields = drafted.fields
    if drafted.kind in {DraftKind.TRUE_FALSE, DraftKind.ORDERING, DraftKind.MATCHING}:
        return False
    shown = _words(str(fields["prompt"]))
    if drafted.kind is DraftKind.CLOZE:
        answers = [blank[0] for blank in fields["blanks"]]
    elif drafted.kind is DraftKind.SHORT:
        answers = [str(a) for a in fields["accept"]]
    elif drafted.kind is DraftKind.NUMERIC:
        answers = [str(fields["answer"]), drafted.answers[0].split()[0]]
    else:
        answers = [str(fields["answer"])]
        wrong = [c for c in fields["choices"] if c != fields["answer"]]
        shown += _words(" ".join(wrong))
    return any(_words(answer).strip() and _words(answer) in shown for answer in answers)


def _merged(drafted: list[DraftedQuestion]) -> list[DraftedQuestion]:
    """One question per answer asked the same way (bank type and answers): the most confident."""
    best: dict[tuple[str, tuple[str, ...]], DraftedQuestion] = {}
    for question in drafted:
        key = (str(question.fields["type"]), tuple(sorted(a.lower() for a in question.answers)))
        if question.kind is DraftKind.CLOZE and question.id.startswith("role-"):
            key = ("role", key[1])
        kept = best.get(key)
        if kept is None or question.confidence > kept.confidence:
            best[key] = question
    return list(best.values())


def _grouped(questions: list[DraftedQuestion]) -> list[DraftedQuestion]:
    """Drafts that quote the same passage, or ask the same answer, give each other away (a cloze
    shows the sentence a numeric question hides a number of): each such set gets a ``group``
    ("sentence-1", "sentence-2"... in the article's order), so that a test asks one of them. A
    draft quoting several passages joins by its first only: joined by each, groups would chain
    across the article into one. (``check`` warns of the give-aways left, once drafts are accepted.)"""
    parent = list(range(len(questions)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    first_of: dict[str, int] = {}
    for index, question in enumerate(questions):
        quotes = question.fields["source"]
        keys = [f"quote:{quotes if isinstance(quotes, str) else quotes[0]}"]  # a list: by its first
        if question.kind is not DraftKind.TRUE_FALSE:
            keys.append("answers:" + "|".join(sorted(a.lower() for a in question.answers)))
        for key in keys:
            other = first_of.setdefault(key, index)
            parent[root(index)] = root(other)
    members: dict[int, list[int]] = {}
    for index in range(len(questions)):
        members.setdefault(root(index), []).append(index)
    names: dict[int, str] = {}
    groups = sorted((m for m in members.values() if len(m) > 1), key=lambda m: m[0])
    for number, group in enumerate(groups, start=1):
        for index in group:
            names[index] = f"sentence-{number}"
    result = []
    for index, question in enumerate(questions):
        if index not in names:
            result.append(question)
            continue
        fields = {**question.fields, "group": names[index]}
        result.append(
            DraftedQuestion(question.kind, fields, question.answers, question.paragraphs, question.confidence)
        )
    return result


PER_GROUP = 2  # drafts kept of a group (drafts that give each other away): a test asks one


def _trimmed(questions: list[DraftedQuestion]) -> list[DraftedQuestion]:
    """At most ``PER_GROUP`` drafts a group, the most confident of different kinds first (one
    year asked as a number, a cloze, a choice and a false statement is one question, four
    times); a group left with one draft is no group."""
    members: dict[str, list[DraftedQuestion]] = {}
    for question in questions:
        if "group" in question.fields:
            members.setdefault(str(question.fields["group"]), []).append(question)
    kept_ids: set[str] = set()
    for drafts in members.values():
        kept_ids.update(q.id for q in _kept_of_group(drafts))
    result = []
    for question in questions:
        group = question.fields.get("group")
        if group is None:
            result.append(question)
        elif question.id in kept_ids:
            fields = dict(question.fields)
            if sum(1 for q in members[str(group)] if q.id in kept_ids) == 1:
                del fields["group"]
            kept = DraftedQuestion(
                question.kind, fields, question.answers, question.paragraphs, question.confidence
            )
            result.append(kept)
    return result


def _kept_of_group(group: list[DraftedQuestion]) -> list[DraftedQuestion]:
    """The most confident drafts of different kinds, ``PER_GROUP`` of them, and then any that
    asks an answer none of those asks (a fact the article states is not lost)."""
    chosen: list[DraftedQuestion] = []
    covered: set[str] = set()

    def new(question: DraftedQuestion) -> set[str]:
        if question.kind is DraftKind.TRUE_FALSE:
            return set()
        return {_words(answer) for answer in question.answers} - covered

    left = sorted(group, key=lambda q: -q.confidence)
    while left:
        kinds = {q.kind for q in chosen}
        if len(chosen) < PER_GROUP:
            best = max(left, key=lambda q: (q.kind not in kinds, len(new(q)) > 0, q.confidence))
        else:
            adding = [q for q in left if new(q)]
            if not adding:
                break
            best = max(adding, key=lambda q: (len(new(q)), q.confidence))
        covered |= new(best)
        chosen.append(best)
        left.remove(best)
    return chosen


def _unique_ids(questions: list[DraftedQuestion]) -> list[DraftedQuestion]:
    seen: dict[str, int] = {}
    result: list[DraftedQuestion] = []
    for question in questions:
        base = question.id[:60].rstrip("-")
        seen[base] = seen.get(base, 0) + 1
        ident = base if seen[base] == 1 else f"{base}-{seen[base]}"
        fields = {**question.fields, "id": ident}
        result.append(
            DraftedQuestion(question.kind, fields, question.answers, question.paragraphs, question.confidence)
        )
    return result
