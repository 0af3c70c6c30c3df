"""The importers by format name, as the command and the upload page name them."""

from __future__ import annotations

from collections.abc import Callable

from quizapp.core.interchange.aiken import read_aiken
from quizapp.core.interchange.common import Imported
from quizapp.core.interchange.gift import read_gift
from quizapp.core.interchange.quizlet import QuizletSeparators, read_quizlet
from quizapp.core.interchange.term_lists import read_anki_text

READERS: dict[str, Callable[[str], Imported]] = {
    "gift": read_gift,
    "aiken": read_aiken,
    "quizlet": read_quizlet,
    "anki-text": read_anki_text,
}


def read(source: str, format_name: str, quizlet: QuizletSeparators | None = None) -> Imported:
    """``source`` read as ``format_name``; ``quizlet`` is the separators of a Quizlet export."""
    if format_name == "quizlet":
        return read_quizlet(source, quizlet)
    return READERS[format_name](source)
