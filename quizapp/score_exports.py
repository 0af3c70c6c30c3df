"""Score exports for gradebooks and analysis: one function behind the page and the command.

Three kinds (columns documented in docs/exports.md):
- ``attempts``: one row per attempt (student, class, quiz, mode, times, score, max, percent);
- ``gradebook``: one row per student, one column per quiz, the best test percentage;
- ``answers``: one row per answer, scored, for analysis.
Rows are produced lazily and written as CSV, XLSX or JSON without holding the export in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction
from typing import Any

from . import account_store, attempt_store, core
from .account_store import Account, ClassInfo
from .bank_library import library
from .core.attempts import AttemptMode
from .core.checkers import ResponseError, check
from .export_formats import CONTENT_TYPES, csv_chunks, json_chunks, write_xlsx
from .question_source import questions_for

KINDS = ("attempts", "gradebook", "answers")
ATTEMPT_COLUMNS = (
    "student_username",
    "student_name",
    "class",
    "quiz_id",
    "quiz_title",
    "mode",
    "attempt_id",
    "started_at",
    "submitted_at",
    "score",
    "max_score",
    "percent",
)
ANSWER_COLUMNS = (
    "student_username",
    "student_name",
    "class",
    "quiz_id",
    "attempt_id",
    "mode",
    "question_id",
    "question_type",
    "question_version",
    "response",
    "correct",
    "points",
    "max_points",
    "answered_at",
)


@dataclass(frozen=True, slots=True)
class ExportRequest:
    kind: str
    format: str
    classes: tuple[ClassInfo, ...]
    quiz: str | None = None  # a bank id; None: every quiz
    since: datetime | None = None  # attempts started at or after this time


@dataclass(frozen=True, slots=True)
class Export:
    filename: str
    content_type: str
    chunks: Iterator[bytes]


def _members(classes: Sequence[ClassInfo]) -> list[tuple[ClassInfo, Account]]:
    return [
        (classroom, student)
        for classroom in classes
        for student in account_store.students_of_class(classroom.id)
    ]


def _attempts(request: ExportRequest, now: datetime) -> tuple[list[tuple[ClassInfo, Account]], list[Any]]:
    members = _members(request.classes)
    ids = sorted({student.id for _, student in members})
    attempts = [a for a in attempt_store.attempts_of_users(ids, now, request.quiz) if a.submitted]
    if request.since is not None:
        attempts = [a for a in attempts if a.started_at >= request.since]
    return members, attempts


def attempt_rows(request: ExportRequest, now: datetime) -> Iterator[tuple[Any, ...]]:
    members, attempts = _attempts(request, now)
    by_student: dict[int, list[Any]] = {}
    for attempt in sorted(attempts, key=lambda a: (a.started_at, a.id)):
        by_student.setdefault(attempt.user_id, []).append(attempt)
    for classroom, student in members:
        for attempt in by_student.get(student.id, []):
            score = attempt_store.score_of(attempt)
            yield (
                student.username,
                student.display_name,
                classroom.name,
                attempt.bank_slug,
                attempt.bank_title,
                attempt.mode.value,
                attempt.id,
                attempt.started_at,
                attempt.submitted_at,
                score.points,
                score.max_points,
                score.percent,
            )


def gradebook(request: ExportRequest, now: datetime) -> tuple[tuple[str, ...], Iterator[tuple[Any, ...]]]:
    """Columns and rows: one row per student, one column per quiz with the best test percentage."""
    members, attempts = _attempts(request, now)
    quizzes = [b.id for b in library().catalog.banks if request.quiz in (None, b.id)]
    best: dict[tuple[int, str], Fraction] = {}
    for attempt in attempts:
        if attempt.mode is AttemptMode.TEST:
            key = (attempt.user_id, attempt.bank_slug)
            best[key] = max(best.get(key, Fraction(-1)), attempt_store.score_of(attempt).percent)
    columns = ("student_username", "student_name", "class", *quizzes)

    def rows() -> Iterator[tuple[Any, ...]]:
        for classroom, student in members:
            yield (
                student.username,
                student.display_name,
                classroom.name,
                *(best.get((student.id, quiz)) for quiz in quizzes),
            )

    return columns, rows()


class _Scorer:
    """Many students give the same answer: each (question version, response) is checked once."""

    def __init__(self, limit: int = 200_000):
        self.limit = limit
        self.known: dict[tuple[str, str], tuple[bool, Fraction]] = {}

    def __call__(self, question: core.Question, response: Any) -> tuple[bool, Fraction]:
        key = (question.content_hash, json.dumps(response, sort_keys=True))
        found = self.known.get(key)
        if found is None:
            try:
                result = check(question, response)
                found = (result.correct, result.fraction * Fraction(question.points))
            except ResponseError:
                found = (False, Fraction(0))
            if len(self.known) >= self.limit:
                self.known.clear()
            self.known[key] = found
        return found


def answer_rows(request: ExportRequest, now: datetime) -> Iterator[tuple[Any, ...]]:
    members, attempts = _attempts(request, now)
    students = {student.id: student for _, student in members}
    classes_of: dict[int, list[str]] = {}
    for classroom, student in members:
        classes_of.setdefault(student.id, []).append(classroom.name)
    by_id = {attempt.id: attempt for attempt in attempts}
    questions: dict[int, dict[str, core.Question]] = {}
    scored = _Scorer()
    for attempt_id, key, response, answered_at in attempt_store.stream_answers(sorted(by_id)):
        attempt = by_id[attempt_id]
        if attempt_id not in questions:
            questions = {attempt_id: {q.id: q for q in questions_for(attempt.bank_slug, attempt.items)}}
        question = questions[attempt_id].get(key)
        if question is None:
            continue
        correct, points = scored(question, response)
        student = students[attempt.user_id]
        for class_name in classes_of[attempt.user_id]:
            yield (
                student.username,
                student.display_name,
                class_name,
                attempt.bank_slug,
                attempt.id,
                attempt.mode.value,
                key,
                question.type.value,
                question.content_hash[:12],
                json.dumps(response, ensure_ascii=False),
                correct,
                points,
                Fraction(question.points),
                answered_at,
            )


def export_scores(request: ExportRequest, now: datetime) -> Export:
    """The export asked for, ready to stream (the one function behind the page and the command)."""
    if request.kind == "gradebook":
        columns, rows = gradebook(request, now)
    elif request.kind == "answers":
        columns, rows = ANSWER_COLUMNS, answer_rows(request, now)
    else:
        columns, rows = ATTEMPT_COLUMNS, attempt_rows(request, now)
    stem = "-".join(filter(None, ["quizapp", request.kind, request.quiz, f"{now:%Y%m%d}"]))
    filename = f"{stem}.{request.format}"
    if request.format == "xlsx":
        chunks = write_xlsx(columns, rows, request.kind).chunks()
    elif request.format == "json":
        chunks = json_chunks(columns, rows)
    else:
        chunks = csv_chunks(columns, rows)
    return Export(filename, CONTENT_TYPES[request.format], chunks)
