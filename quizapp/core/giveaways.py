"""Give-aways: a question's answer shown, before it is answered, by another question that can be
drawn into the same test, or by a text of the bank students read: its title, description,
source title and publisher, tags (docs/question-format.md, "Give-aways"). ``check`` warns of
each; ``allow_giveaway`` on either question silences a pair, and a name in it that silences
nothing is a warning too (it would outlive its reason).

Each question type says what its answer is (``giveaway_texts``) and what a student reads of a
question (``shown_texts``); this module compares their words (core/giveaway_words.py). A
distinctive part of an answer is

- a number of 10 or more, with its unit word when the answer has one ("32 soldiers", "78-day");
- its words, once common words (``COMMON_WORDS``), numbers below 10 and the words the question
  shows itself (its prompt, its wrong choices) are left out, side by side: "platoon" of the
  answer "An army platoon" beside the wrong "An army battalion";
- a run of at least ``MIN_RUN`` of its words, in its order, at least half of them, that no wrong
  choice has: "ethnic Albanian rebels and Serb forces" beside the wrong "Serb rebels and
  Albanian forces";
- of an answer the student writes (short, cloze, numeric), a name: capitalized words, "Kuwait"
  or "Vjosa Osmani", and a surname alone where it is capitalized ("Osmani"); not a word that
  only describes the next one ("Serb" in "Serb forces").

An answer the student sees among the question's own choices is given away only by what another
text says: its prompt, its right choices, its items and matching pairs, the bank's texts; not by
another question's wrong choices, nor by another question that names one of its wrong choices
as well ("Belgrade (Serbia)" beside "Russia"), which single nothing out. A bank text has no such
pass: it is read as a fact about the quiz, so a description that names the answer gives it away
even beside a wrong choice. Questions of one ``group`` are never in one test, so they never give
each other away.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from quizapp.core.giveaway_words import (
    COMMON_WORDS,
    Token,
    contains,
    content,
    key_positions,
    key_set,
    keys,
    phrase_at,
    plurals,
    side_by_side,
    singular,
    tokens,
)
from quizapp.core.model import Bank, Question
from quizapp.core.problems import Problem
from quizapp.core.question_types import question_type

MIN_RUN = 3  # words of an answer in its order that make a run
# What ``allow_giveaway`` calls the bank's texts: "source" is its title and its publisher
BANK_TEXTS = ("title", "description", "source", "tags")
_FIELD_WORDS = {"left": "matching item", "right": "matching option", "unit": "unit beside its answer field"}
# A bank text: (what shows the answer, how to fix it) in a warning, by its field
_BANK_WORDS = {
    "title": ("the bank's title shows", "reword the title"),
    "description": ("the bank's description shows", "reword the description"),
    "source title": ("the source's title shows", "reword the source's title"),
    "source publisher": ("the source's publisher shows", "reword the source's publisher"),
    "tags": ("the bank's tags show", "change the tag"),
}
STALE = "silences nothing; remove it"

__all__ = ["BANK_TEXTS", "COMMON_WORDS", "MIN_RUN", "Giveaway", "find_giveaways", "giveaway_warnings"]


@dataclass(frozen=True, slots=True)
class Giveaway:
    """The answer of question ``revealed`` is shown by ``shown_by`` (another question's id, or,
    ``by_bank``, the name ``allow_giveaway`` gives a bank text: ``BANK_TEXTS``), in its
    ``field``, as ``text``, on ``line``."""

    revealed: str
    revealed_line: int
    shown_by: str
    field: str  # "prompt", "choice", "item", "left", "right"; or a bank text's (``_BANK_WORDS``)
    text: str
    line: int
    by_bank: bool = False

    @property
    def message(self) -> str:
        """What ``check`` prints after FILE:LINE: [shown_by]."""
        answer = f"the answer of [{self.revealed}] (line {self.revealed_line})"
        silence = f"silence with allow_giveaway: [{self.shown_by}] on [{self.revealed}]"
        if self.by_bank:
            shows, fix = _BANK_WORDS[self.field]
            return f'warning: {shows} "{self.text}", {answer}; {fix}, or {silence}'
        where = f"its {_FIELD_WORDS.get(self.field, self.field)}"
        return f'warning: {where} shows "{self.text}", {answer}; put them in one group, reword, or {silence}'


def find_giveaways(bank: Bank, limit: int | None = None) -> tuple[Giveaway, ...]:
    """For each question, each other question (and bank text) that can be shown in a test with
    it and gives its answer away, at the first of its texts that does; less the pairs
    ``allow_giveaway`` silences. The first ``limit`` found, when there are more."""
    return _search(bank, limit).found


def giveaway_warnings(bank: Bank, limit: int | None = None) -> tuple[Problem, ...]:
    """The give-aways of ``bank`` as warnings of its file, each at the line of the text that shows
    an answer (with the question that shows it), and each ``allow_giveaway`` name that silences
    nothing (unless the search stopped at ``limit``, as for ``find_giveaways``), in line order."""
    search = _search(bank, limit)
    warnings = [
        Problem(bank.path, found.line, found.message, None if found.by_bank else found.shown_by)
        for found in search.found
    ]
    if search.complete:
        warnings.extend(_stale_allowances(bank, search.used))
    return tuple(sorted(warnings, key=lambda warning: warning.line))


@dataclass(frozen=True, slots=True)
class _Search:
    found: tuple[Giveaway, ...]  # not silenced
    complete: bool  # every question looked at (no ``limit`` reached)
    used: frozenset[tuple[str, str]]  # (question id, name) of each allow_giveaway name that silences


def _search(bank: Bank, limit: int | None) -> _Search:
    shown = _shown_texts(bank)
    by_shower: dict[tuple[bool, str], list[_Shown]] = {}
    for text in shown:
        by_shower.setdefault(text.shower, []).append(text)
    answers = [_Answer(question, by_shower.get((False, question.id), [])) for question in bank.questions]
    looked_for = {word for answer in answers for part in answer.parts for word in part.first_words}
    index = _index(shown, looked_for)
    questions = {question.id: question for question in bank.questions}
    found: list[Giveaway] = []
    used: set[tuple[str, str]] = set()
    complete = True
    for answer in answers:
        if limit is not None and len(found) >= limit:
            complete = False
            break
        question = answer.question
        first: dict[tuple[bool, str], tuple[int, str]] = {}  # shower -> its first text found, words
        singled_out: dict[tuple[bool, str], bool] = {}
        for part in answer.parts:
            for number in part.candidates(index):
                text = shown[number]
                known = first.get(text.shower)
                if (known is not None and known[0] <= number) or not answer.may_be_revealed_by(text):
                    continue
                words = part.find(text, answer)
                if words is None:
                    continue
                if text.shower not in singled_out:  # a bank text is read apart from the questions
                    singled_out[text.shower] = text.owner is None or not answer.rivals_named_in(
                        by_shower[text.shower]
                    )
                if singled_out[text.shower]:
                    first[text.shower] = (number, words)
        for (by_bank, shower), (number, words) in sorted(first.items(), key=lambda entry: entry[1][0]):
            silencing = _silencing(question, shower, None if by_bank else questions[shower])
            if silencing:
                used.update(silencing)
                continue
            text = shown[number]
            found.append(Giveaway(question.id, question.line, shower, text.field, words, text.line, by_bank))
    return _Search(tuple(found[:limit]), complete, frozenset(used))


def _silencing(question: Question, shower: str, other: Question | None) -> list[tuple[str, str]]:
    """The allow_giveaway names (question id, name) that silence ``shower`` showing the answer
    of ``question``: a bank text's name on the question, or either question's on the other."""
    names = [(question.id, shower)] if shower in question.allow_giveaway else []
    if other is not None and question.id in other.allow_giveaway:
        names.append((other.id, question.id))
    return names


def _stale_allowances(bank: Bank, used: frozenset[tuple[str, str]]) -> list[Problem]:
    """A warning for each allow_giveaway name that silences no give-away (none between the
    pair, no such bank text, or the name written twice): kept, it would outlive its reason."""
    stale = []
    for question in bank.questions:
        lines = question.allow_giveaway_lines
        seen: set[str] = set()
        for number, name in enumerate(question.allow_giveaway):
            if name in seen or (question.id, name) not in used:
                line = lines[number] if number < len(lines) else question.line
                stale.append(
                    Problem(bank.path, line, f"warning: allow_giveaway: '{name}' {STALE}", question.id)
                )
            seen.add(name)
    return stale


# --- What a student reads before answering -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Shown:
    """A text a student reads: a question's (``owner``) or one of the bank's (``_BANK_WORDS``).
    Its words are looked up in ``keys``; it is cut into tokens only when it may show an answer."""

    owner: Question | None
    field: str
    text: str
    decoy: bool
    keys: frozenset[str]
    bank_line: int = 0  # a bank text's

    @property
    def shower(self) -> tuple[bool, str]:
        """Whose text it is: (True, its name in ``BANK_TEXTS``), or (False, a question's id)."""
        if self.owner is None:
            return (True, "source" if self.field.startswith("source ") else self.field)
        return (False, self.owner.id)

    @property
    def tokens(self) -> tuple[Token, ...]:
        return tokens(self.text)

    @property
    def line(self) -> int:
        """The line it is written on: that of its question's first text that is it (the prompt
        for the prompt, another field for a choice or an item), else the prompt's for the prompt
        (a cloze prompt is shown with gaps), else the question's."""
        if self.owner is None:
            return self.bank_line
        is_prompt = self.field == "prompt"
        for written in self.owner.text_lines:
            if written.text == self.text and (written.field == "prompt") == is_prompt:
                return written.line
        for written in self.owner.text_lines:
            if is_prompt and written.field == "prompt":
                return written.line
        return self.owner.line


def _bank_texts(bank: Bank) -> list[tuple[str, str, int]]:
    """What students read of the bank itself (field, text, line): the quiz list and page show its
    title, description and source ("Source: title, publisher"); the API lists its tags."""
    lines = {(written.field, written.text): written.line for written in bank.text_lines}
    found = [("title", bank.title, bank.title_line), ("description", bank.description, bank.description_line)]
    if bank.source is not None:
        for field, text in (("source title", bank.source.title), ("source publisher", bank.source.publisher)):
            found.append((field, text, lines.get((field, text), 0)))
    found.extend(("tags", tag, lines.get(("tags", tag), 0)) for tag in bank.tags)
    return [(field, text, line) for field, text, line in found if text]


def _shown_texts(bank: Bank) -> list[_Shown]:
    shown = [_Shown(None, field, text, False, key_set(text), line) for field, text, line in _bank_texts(bank)]
    for question in bank.questions:
        for text in question_type(question.type).shown_texts(question):
            shown.append(_Shown(question, text.field, text.text, text.decoy, key_set(text.text)))
    return shown


_Index = dict[str, dict[int, list[int]]]  # a word looked for -> the texts that have it (by number) -> where


def _index(shown: list[_Shown], looked_for: set[str]) -> _Index:
    """Where each word looked for stands in each text that has it."""
    index: _Index = {}
    for number, text in enumerate(shown):
        if text.keys.isdisjoint(looked_for):
            continue
        for key, where in key_positions(text.text).items():
            if key in looked_for:
                index.setdefault(key, {})[number] = where
    return index


# --- What an answer is, and what gives it away ----------------------------------------------------


class _Answer:
    """A question's answer: its distinctive parts, and what of the question itself says nothing
    (worked out from its own texts' tokens only when another text may give it away)."""

    def __init__(self, question: Question, shown: list[_Shown]):
        self.question = question
        kind = question_type(question.type)
        answers = kind.giveaway_texts(kind.answer_of(question))
        shown_as_answer = {spellings[0] for spellings in answers if spellings}
        self.on_screen = any(text.text in shown_as_answer for text in shown)  # among its choices
        self.prompt: frozenset[str] = frozenset().union(*(t.keys for t in shown if t.field == "prompt"))
        self._others = [t for t in shown if t.field != "prompt" and t.text not in shown_as_answer]
        # the words it shows itself: its prompt's, its wrong choices'
        self.own: frozenset[str] = self.prompt.union(*(text.keys for text in self._others))
        self._shown_as_answer = shown_as_answer
        parts: dict[_Part, None] = {}  # in order, each once
        for spellings in answers:
            for number, spelling in enumerate(spellings):
                for part in _parts(
                    tokens(spelling),
                    self.own,
                    self.prompt,
                    written=not self.on_screen,
                    shown_as_answer=number == 0,
                ):
                    parts.setdefault(part)
        self.parts = tuple(parts)
        self._wrong_choices: tuple[tuple[str, ...], ...] | None = None

    @property
    def wrong_choices(self) -> tuple[tuple[str, ...], ...]:
        """The words of its other texts (wrong choices), less its prompt's, in order."""
        if self._wrong_choices is None:
            self._wrong_choices = tuple(keys(content(text.tokens, self.prompt)) for text in self._others)
        return self._wrong_choices

    def may_be_revealed_by(self, text: _Shown) -> bool:
        """Whether ``text`` can be read in a test with the question, and can say anything of it
        (``allow_giveaway`` aside: a give-away it silences is found, to tell a stale name)."""
        question = self.question
        if text.owner is None:
            return True
        other = text.owner
        if other.id == question.id or (question.group and question.group == other.group):
            return False
        return not (self.on_screen and text.decoy)

    def rivals_named_in(self, texts: list[_Shown]) -> bool:
        """Whether ``texts`` also name what sets a wrong choice apart from the answer (its words
        less the prompt's and the answer's): then they single out no choice."""
        if not self.on_screen:
            return False
        drop = self.prompt.union(*(key_set(spelling) for spelling in self._shown_as_answer))
        rivals = [rival for text in self._others if (rival := keys(content(text.tokens, drop)))]
        return any(
            side_by_side(rival, content(text.tokens, self.prompt)) for text in texts for rival in rivals
        )


@dataclass(frozen=True, slots=True)
class _Part:
    """A distinctive part of an answer, and how it is looked for in a text."""

    kind: Literal["number", "phrase", "name", "surname", "run"]
    words: tuple[str, ...]  # keys (a number's digits)
    unit: str = ""  # a number's unit word, singular
    names: tuple[bool, ...] = ()  # of a phrase: which words the answer writes as (part of) a name

    @property
    def first_words(self) -> tuple[str, ...]:
        """The words of which a text that has it has at least one: its first (any, of a run; a
        one-word phrase's plural too)."""
        if self.kind == "run":
            return self.words
        if self.kind == "phrase" and len(self.words) == 1:
            return (self.words[0], *plurals(self.words[0]))
        return self.words[:1]

    def candidates(self, index: _Index) -> list[int]:
        """The texts that may have it, in order: those with one of its ``first_words``; of a run,
        those with the words of a run long enough, in order (``_texts_with_run``)."""
        if self.kind == "run":
            return _texts_with_run(self.words, index)
        return sorted({number for word in self.first_words for number in index.get(word, {})})

    def find(self, text: _Shown, answer: _Answer) -> str | None:
        """Its words in ``text``, as written there, or None."""
        span = self._span(text.tokens, answer)
        return None if span is None else " ".join(text.text[span[0].start : span[1].end].split())

    def _span(self, found: tuple[Token, ...], answer: _Answer) -> tuple[Token, Token] | None:
        if self.kind == "number":
            return self._number(found)
        if self.kind == "name":
            return _capitalized(self.words, found)
        if self.kind == "surname":
            here = next(
                (t for t in found if t.key == self.words[0] and t.capitalized and not t.initial), None
            )
            return None if here is None else (here, here)
        if self.kind == "phrase":
            return phrase_at(self.words, self.names, content(found, answer.own))
        return _run(self.words, content(found, answer.prompt), answer.wrong_choices)

    def _number(self, found: tuple[Token, ...]) -> tuple[Token, Token] | None:
        """The number, followed within two words by the unit when there is one ("78-day air")."""
        for index, token in enumerate(found):
            if token.key != self.words[0]:
                continue
            if not self.unit:
                return token, token
            unit = next(
                (after for after in found[index + 1 : index + 3] if singular(after.key) == self.unit), None
            )
            if unit is not None:
                return token, unit
        return None


def _parts(
    found: tuple[Token, ...],
    own: frozenset[str],
    prompt: frozenset[str],
    written: bool,
    shown_as_answer: bool,
) -> list[_Part]:
    """The distinctive parts of one spelling of an answer; names and runs only of the spelling
    shown as the answer, names only of an answer the student writes (``written``)."""
    parts: list[_Part] = []
    units: set[int] = set()  # the unit words' indexes: a unit alone ("soldiers") says nothing of the number
    for index, token in enumerate(found):
        after = found[index + 1] if index + 1 < len(found) else None
        unit = (
            after.key
            if token.value is not None and after and after.value is None and not after.common
            else ""
        )
        if unit:
            units.add(index + 1)
        if token.value is not None and not token.common and token.key not in own:
            parts.append(_Part("number", (token.key,), singular(unit)))
    names = _names(found)
    in_names = {key for name in names for key in name}
    phrase = [
        token
        for index, token in enumerate(found)
        if token.value is None and index not in units and not token.common and token.key not in own
    ]
    if phrase:
        parts.append(_Part("phrase", keys(phrase), names=tuple(token.key in in_names for token in phrase)))
    if not shown_as_answer:
        return parts
    if written:
        for name in names:
            if not own.intersection(name):
                parts.append(_Part("name", name))
                if len(name) > 1:
                    parts.append(_Part("surname", name[-1:]))
    in_order = keys(content(found, prompt))
    if len(in_order) >= MIN_RUN:
        parts.append(_Part("run", in_order))
    return parts


def _names(found: tuple[Token, ...]) -> list[tuple[str, ...]]:
    """Capitalized words written side by side ("Vjosa Osmani", "Central Command"), less those
    that describe the word after them ("Serb forces", "Western military attaches")."""
    names: list[tuple[str, ...]] = []
    run: list[Token] = []
    for token in (*found, None):
        if token is not None and token.value is None and not token.common and token.capitalized:
            if run and not token.joined:
                names.append(keys(run))
                run = []
            run.append(token)
            continue
        describes = token is not None and token.joined and not token.common and token.value is None
        if run and not describes:
            names.append(keys(run))
        run = []
    return names


def _capitalized(words: tuple[str, ...], found: tuple[Token, ...]) -> tuple[Token, Token] | None:
    """Where ``words`` stand side by side, each capitalized (as a name is written)."""
    size = len(words)
    for start in range(len(found) - size + 1):
        window = found[start : start + size]
        if all(token.key == word and token.capitalized for token, word in zip(window, words, strict=True)):
            return window[0], window[-1]
    return None


def _shortest_run(words: tuple[str, ...]) -> int:
    """The fewest words of ``words`` a run has: MIN_RUN, and half of them."""
    return max(MIN_RUN, (len(words) + 1) // 2)


def _texts_with_run(words: tuple[str, ...], index: _Index) -> list[int]:
    """The fast path of the search for runs (without it the lint took minutes on a large bank):
    the texts that may have a run of ``words``, in order. A run covers a window of
    ``_shortest_run`` of ``words`` (the window's words, repeated or not), so a text that has it
    has each word of the window, in the window's order; only those texts are scanned in full
    (``_run``), not every text with any word of the answer."""
    shortest = _shortest_run(words)
    found: set[int] = set()
    for begin in range(len(words) - shortest + 1):
        window = words[begin : begin + shortest]
        where = [index.get(word, {}) for word in set(window)]
        if not all(where):
            continue
        where.sort(key=len)  # intersect from the rarest word
        having_all = set(where[0]).intersection(*where[1:]) - found
        found.update(number for number in having_all if _in_order(window, index, number))
    return sorted(found)


def _in_order(window: tuple[str, ...], index: _Index, number: int) -> bool:
    """Whether text ``number`` has the words of ``window`` in their order (not side by side:
    a run may skip words of the question's own prompt)."""
    at = -1
    for word in window:
        after = next((start for start in index[word][number] if start > at), None)
        if after is None:
            return False
        at = after
    return True


def _run(
    words: tuple[str, ...], found: list[Token], wrong_choices: tuple[tuple[str, ...], ...]
) -> tuple[Token, Token] | None:
    """The longest run of ``words`` in their order in ``found`` that no wrong choice has, if it has
    at least MIN_RUN words and half of ``words`` (the first found of the longest)."""
    best: tuple[int, int] | None = None  # the run's first and last index in ``found``
    starts: dict[str, list[int]] = {}  # a word -> where it stands in ``words``
    for begin, word in enumerate(words):
        starts.setdefault(word, []).append(begin)
    for start in range(len(found)):
        for begin in starts.get(found[start].key, ()):  # the others match no word here
            length = 0
            while (
                start + length < len(found)
                and begin + length < len(words)
                and found[start + length].key == words[begin + length]
            ):
                length += 1
            if length < _shortest_run(words) or (best and length <= best[1] - best[0] + 1):
                continue
            if not any(contains(wrong, words[begin : begin + length]) for wrong in wrong_choices):
                best = (start, start + length - 1)
    return None if best is None else (found[best[0]], found[best[1]])
