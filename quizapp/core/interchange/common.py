"""What every importer produces, and the YAML it becomes."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import nh3
import yaml


@dataclass(frozen=True, slots=True)
class SourceNote:
    """Something about one item of the source: why it was skipped, or how it was changed."""

    line: int
    text: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.text}"


@dataclass
class Imported:
    """Questions and cards in the bank file's own field names, and what was skipped (with lines)."""

    title: str = "Imported questions"
    questions: list[dict[str, Any]] = field(default_factory=list)
    cards: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[SourceNote] = field(default_factory=list)
    notes: list[SourceNote] = field(default_factory=list)
    _ids: set[str] = field(default_factory=set)

    def add_question(self, question: dict[str, Any], hint: str) -> None:
        self.questions.append({"id": self.unique_id(hint), **question})

    def unique_id(self, hint: str) -> str:
        base = slug(hint) or "question"
        candidate, number = base, 2
        while candidate in self._ids:
            candidate, number = f"{base}-{number}", number + 1
        self._ids.add(candidate)
        return candidate

    def skip(self, line: int, reason: str) -> None:
        self.skipped.append(SourceNote(line, reason))

    def note(self, line: int, change: str) -> None:
        """Something kept, but not exactly as the source had it (e.g. partial credit)."""
        self.notes.append(SourceNote(line, change))


_LINE_BREAK = re.compile(r"<br\s*/?>|</(?:div|p|li)>", re.IGNORECASE)


def html_to_text(markup: str) -> str:
    """Plain text from an HTML field (Anki notes, GIFT's [html] text): nh3 drops every tag."""
    text = html.unescape(nh3.clean(_LINE_BREAK.sub(" ", markup), tags=set()))
    return " ".join(text.split())


def slug(text: str, words: int = 6) -> str:
    """A readable id from text: "What is the capital?" -> "what-is-the-capital"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    parts = re.findall(r"[a-z0-9]+", plain)[:words]
    return "-".join(parts)[:60].strip("-")


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # a teacher reads "tags: [a, b]" twice more easily than an anchor and an alias


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    """Multi-line text as a block; everything else quoted only when YAML needs it."""
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def bank_yaml(imported: Imported, source_note: str) -> str:
    """The bank file for an import, with a comment saying where it came from."""
    bank: dict[str, Any] = {"title": imported.title}
    if imported.questions:
        bank["questions"] = imported.questions
    if imported.cards:
        bank["cards"] = imported.cards
    body = yaml.dump(bank, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    notes = [f"# Imported from {source_note}. Check it, then save it."]
    notes += [f"# Skipped {item}" for item in imported.skipped]
    notes += [f"# Changed {item}" for item in imported.notes]
    return "\n".join(notes) + "\n" + body
