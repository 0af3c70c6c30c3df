"""A problem found in a question file, reported as ``FILE:LINE: [question-id] message``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int  # 1-based
    message: str
    question_id: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:"
        if self.question_id:
            return f"{where} [{self.question_id}] {self.message}"
        return f"{where} {self.message}"


class ProblemList:
    """Collects every problem of one file, so a teacher can fix them all in one go."""

    def __init__(self, file: str):
        self.file = file
        self.items: list[Problem] = []

    def add(self, line: int, message: str, question_id: str | None = None) -> None:
        self.items.append(Problem(self.file, max(line, 1), message, question_id))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)
