"""Text from question files, printed so a terminal shows it and does not obey it."""

from __future__ import annotations

import click


def printable(text: str) -> str:
    """``text`` with control and formatting characters written as escapes ("\\x1b"): a prompt
    holding an escape sequence would otherwise retitle or recolour the teacher's terminal."""
    return "".join(char if char.isprintable() or char == "\n" else _escape(char) for char in text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def echo_problem(problem: object, err: bool = False) -> None:
    """Print a problem or warning of a question file as ``FILE:LINE: [id] message``."""
    click.echo(printable(str(problem)), err=err)
