"""Helpers that build banks and questions from YAML text, the way teachers write them."""

from __future__ import annotations

import textwrap

from quizapp.core import load_bank_bytes
from quizapp.core.bank_schema import SourceUnavailable

SOURCE_TEXT = "Kosovo has sent an army platoon to Kuwait. It ended in 1999 after a 78-day campaign."


def read_source(path: str) -> str:
    if path == "source.txt":
        return SOURCE_TEXT
    raise SourceUnavailable("no such file")


def load(text: str, file: str = "bank.yaml"):
    return load_bank_bytes(textwrap.dedent(text).encode("utf-8"), file, "bank", read_source)


def bank_from(text: str):
    result = load(text)
    assert result.problems == (), [str(p) for p in result.problems]
    return result.bank


def question_from(text: str):
    """One question from the YAML of a single question (indented as a list item or not)."""
    body = textwrap.indent(textwrap.dedent(text).strip(), "    ")
    bank = bank_from("title: T\nquestions:\n  -\n" + body + "\n")
    return bank.questions[0]
