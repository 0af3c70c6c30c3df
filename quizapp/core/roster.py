"""Reading a class roster from CSV text: one student per row, username and name."""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from quizapp.core.accounts import USERNAME_RULE, name_problem, normalize_username, valid_username
from quizapp.core.storable_text import unstorable_text

MAX_ROWS = 150  # each new account's password is hashed (scrypt, about 0.1 s): well within a 30 s request


@dataclass(frozen=True, slots=True)
class RosterEntry:
    line: int
    username: str
    display_name: str


_LINE_NUMBER = re.compile(r"line (\d+):")


def by_line(problems: Iterable[str]) -> list[str]:
    """Problems of a roster in the order of its lines ("line 3: ..." before "line 12: ..."),
    whether the reading or the import found them; any without a line come last."""

    def line_of(problem: str) -> int:
        found = _LINE_NUMBER.match(problem)
        return int(found.group(1)) if found else sys.maxsize

    return sorted(problems, key=line_of)


def parse_roster(text: str) -> tuple[list[RosterEntry], list[str]]:
    """Entries and line-numbered problems; a header row (username, name) is optional.

    Commas, semicolons and tabs are all accepted as separators (spreadsheets differ by country).
    """
    text = text.lstrip("\ufeff")
    sample = text[:2048]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    entries: list[RosterEntry] = []
    problems: list[str] = []
    rows = csv.reader(io.StringIO(text), dialect)
    try:
        _read_rows(rows, entries, problems)
    except csv.Error as error:  # e.g. a cell longer than the csv module's limit (128 KiB)
        problems.append(f"line {rows.line_num}: cannot be read as CSV ({error})")
    return entries, problems


def _read_rows(rows: Iterator[list[str]], entries: list[RosterEntry], problems: list[str]) -> None:
    seen: dict[str, int] = {}
    for line, row in enumerate(rows, start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if line == 1 and cells[0].lower() in {"username", "user", "login"}:
            continue
        if len(entries) >= MAX_ROWS:
            problems.append(f"line {line}: more than {MAX_ROWS} students; send the rest in another file")
            break
        username = normalize_username(cells[0])
        name = cells[1] if len(cells) > 1 and cells[1] else username
        if unstorable_text(cells):
            problems.append(f"line {line}: {unstorable_text(cells)}")
        elif not valid_username(username):
            problems.append(f"line {line}: username '{cells[0][:40]}' is not valid ({USERNAME_RULE})")
        elif username in seen:
            problems.append(
                f"line {line}: username '{username}' is listed twice (first on line {seen[username]})"
            )
        elif problem := name_problem(name):
            problems.append(f"line {line}: {problem}")
        else:
            seen[username] = line
            entries.append(RosterEntry(line, username, name))
