"""The article as the question builders read it: its sentences with their mentions, where each
thing is mentioned, the direct quotations and who said them, and the roles people are given."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.core.drafting.article import Article
from quizapp.core.drafting.lexicon import FRAME_STOPWORDS, PRONOUN_STARTS, SPEECH_VERBS
from quizapp.core.drafting.mentions import Mention, MentionKind, find_mentions
from quizapp.core.drafting.sentences import Sentence, split_sentences

_QUOTE = re.compile(r"“([^”]{12,})”|\"([^\"]{12,})\"")
_WORD = re.compile(r"[a-z0-9][a-z0-9\-]*")


@dataclass(frozen=True, slots=True)
class Speech:
    """A direct quotation (``words``, without its quotation marks) in sentence ``sentence``,
    said by ``speaker`` (a person's mention key); ``confidence`` is lower when the speaker is
    "he" or "she" of an earlier sentence."""

    sentence: int
    words: str
    speaker: str
    speaker_name: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Reading:
    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[tuple[Mention, ...], ...]
    words: tuple[frozenset[str], ...]  # each sentence's content words, lower case
    occurrences: dict[str, tuple[int, ...]]  # mention key -> sentence indexes
    names: dict[str, Mention]  # mention key -> its first mention
    speeches: tuple[Speech, ...]
    quoted: tuple[tuple[tuple[int, int], ...], ...]  # each sentence's quotation spans

    def kind_keys(self, kind: MentionKind) -> list[str]:
        """The keys of the things of ``kind`` the article mentions, in first-mention order."""
        return [key for key, mention in self.names.items() if mention.kind is kind]

    def context(self, sentence: Sentence) -> Sentence | None:
        """The sentence before ``sentence`` in its paragraph, when ``sentence`` starts with a
        pronoun that needs it ("They are heavily supported by ...")."""
        first = sentence.text.split(maxsplit=1)[0].lower().strip("“\"'") if sentence.text.strip() else ""
        if first not in PRONOUN_STARTS or sentence.index == 0:
            return None
        before = self.sentences[sentence.index - 1]
        return before if before.paragraph == sentence.paragraph else None

    def in_quote(self, sentence: int, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self.quoted[sentence])

    def introduced(self, display: str, sentence: Sentence) -> list[tuple[Sentence, str]]:
        """The sentence that writes ``display`` in full (a person's full name, where ``sentence``
        writes only the surname), as a (sentence, quote) pair to add to a draft's sources; none
        when ``sentence`` writes it itself."""
        if display in sentence.text:
            return []
        for other in self.sentences:
            if display in other.text:
                return [(other, other.text)]
        return []

    def source(self, sentence: Sentence, with_context: bool = False) -> str:
        """The verbatim quote of ``sentence`` (with the sentence before it, when asked and needed)."""
        before = self.context(sentence) if with_context else None
        if before is None:
            return sentence.text
        paragraph = self.article.paragraphs[sentence.paragraph]
        return paragraph[before.start : sentence.end]


def read(article: Article) -> Reading:
    sentences = split_sentences(article.paragraphs)
    mentions = find_mentions(sentences)
    words = tuple(frozenset(_WORD.findall(s.text.lower())) - FRAME_STOPWORDS for s in sentences)
    occurrences: dict[str, list[int]] = {}
    names: dict[str, Mention] = {}
    for sentence, found in zip(sentences, mentions, strict=True):
        for mention in found:
            places = occurrences.setdefault(mention.key, [])
            if not places or places[-1] != sentence.index:
                places.append(sentence.index)
            if mention.key not in names or (mention.role and not names[mention.key].role):
                names[mention.key] = (
                    mention if mention.key not in names else _with_role(names[mention.key], mention)
                )
    quoted = tuple(tuple(m.span() for m in _QUOTE.finditer(s.text)) for s in sentences)
    speeches = _speeches(sentences, mentions, quoted)
    return Reading(
        article,
        sentences,
        mentions,
        words,
        {key: tuple(places) for key, places in occurrences.items()},
        names,
        speeches,
        quoted,
    )


def _with_role(first: Mention, titled: Mention) -> Mention:
    return Mention(
        first.kind,
        first.text,
        first.start,
        first.end,
        first.key,
        first.display,
        first.value,
        first.unit,
        first.number_text,
        first.order,
        titled.role,
        first.possessive,
    )


_VERB = re.compile(r"\b(?:" + "|".join(sorted(SPEECH_VERBS)) + r")\b")


def _speeches(
    sentences: tuple[Sentence, ...],
    mentions: tuple[tuple[Mention, ...], ...],
    quoted: tuple[tuple[tuple[int, int], ...], ...],
) -> tuple[Speech, ...]:
    found: list[Speech] = []
    last_person: Mention | None = None
    for sentence, sentence_mentions, spans in zip(sentences, mentions, quoted, strict=True):
        if sentence.index and sentences[sentence.index - 1].paragraph != sentence.paragraph:
            last_person = None  # "she said" names a person of the same paragraph only
        people = [m for m in sentence_mentions if m.kind is MentionKind.PERSON and not _inside(m, spans)]
        for start, end in spans:
            words = sentence.text[start + 1 : end - 1].strip().rstrip(",")
            speaker, confidence = _speaker(sentence.text, start, end, people, last_person)
            if speaker is not None and len(words.split()) >= 4:
                found.append(Speech(sentence.index, words, speaker.key, speaker.display, confidence))
        people_all = [m for m in sentence_mentions if m.kind is MentionKind.PERSON]
        if people_all:
            last_person = people_all[-1]
    return tuple(found)


def _inside(mention: Mention, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(a <= mention.start and mention.end <= b for a, b in spans)


def _speaker(
    text: str, start: int, end: int, people: list[Mention], last_person: Mention | None
) -> tuple[Mention | None, float]:
    after = text[end : end + 90]
    before = text[max(0, start - 90) : start]
    verb_after = _VERB.search(after)
    if verb_after:
        near = [p for p in people if end <= p.start <= end + verb_after.end() + 40]
        if near:
            return near[0], 0.9
        if re.match(r"[\s,]*(?:he|she)\s+" + _VERB.pattern, after):
            return last_person, 0.55
    verb_before = _VERB.search(before)
    if verb_before and before.rstrip().endswith((":", ",")):
        near = [p for p in people if p.end <= start and start - p.end < 90]
        if near:
            return near[-1], 0.8
    return None, 0.0
