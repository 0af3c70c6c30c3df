"""Score exports for gradebooks and analysis: one function behind the pages, the API and the command.

Three kinds (columns documented in docs/exports.md):
- ``attempts``: one row per attempt (student, class, quiz, mode, times, score, max, percent);
- ``gradebook``: one row per student, one column per quiz, the best test percentage;
- ``answers``: one row per answer, scored, for analysis.

Answers are streamed from the database a batch of attempts at a time and scored as they pass
(a response already seen for a question version is not checked again), so an export of a
million answers neither waits for all of them nor holds them in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction
from typing import Any

from quizapp import core
from quizapp.core.attempts import AttemptMode
from quizapp.core.scoring import percent, score_question
from quizapp.db import account_store, attempt_store
from quizapp.db.account_store import Account, ClassInfo
from quizapp.db.attempt_store import AttemptSummary
from quizapp.services.bank_library import library
from quizapp.services.export_formats import (
    CONTENT_TYPES,
    Columns,
    csv_chunks,
    csv_chunks_of_shared_cells,
    json_chunks,
    number,
    spreadsheet_safe,
    write_xlsx,
)
from quizapp.services.question_source import questions_for

KINDS = ("attempts", "gradebook", "answers")
ATTEMPT_COLUMNS = Columns(
    (
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
    ),
    text=(0, 1, 2, 4),
)
ANSWER_COLUMNS = Columns(
    (
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
    ),
    text=(0, 1, 2, 9),
    flags=(10,),
)


@dataclass(frozen=True, slots=True)
class ExportRequest:
    kind: str
    format: str
    classes: tuple[ClassInfo, ...]
    bank_slug: str | None = None  # one bank's quiz; None: every quiz
    since: datetime | None = None  # attempts started at or after this time


@dataclass(frozen=True, slots=True)
class Export:
    filename: str
    content_type: str
    chunks: Iterator[bytes]


@dataclass(frozen=True, slots=True)
class _Scored:
    correct: bool
    points: Fraction
    shown: int | float  # the points as a cell holds them


class _Scorer:
    """Checks each (question version, response) once: many students give the same answer."""

    def __init__(self, limit: int = 200_000):
        self.limit = limit
        self.known: dict[tuple[str, str], _Scored] = {}

    def __call__(self, question: core.Question, response_json: str) -> _Scored:
        key = (question.content_hash, response_json)
        found = self.known.get(key)
        if found is None:
            scored = score_question(question, json.loads(response_json))  # the database's own JSON
            found = _Scored(scored.check.correct, scored.points, number(scored.points))
            if len(self.known) >= self.limit:
                self.known.clear()
            self.known[key] = found
        return found


@dataclass(frozen=True, slots=True)
class _Answer:
    question: core.Question
    response_json: str
    answered_at: str
    scored: _Scored


@dataclass(frozen=True, slots=True)
class _ScoredAttempt:
    attempt: AttemptSummary
    questions: tuple[core.Question, ...]  # the questions it asked, in its order
    answers: list[_Answer]

    @property
    def points(self) -> Fraction:
        return sum((answer.scored.points for answer in self.answers), Fraction(0))

    @property
    def max_points(self) -> Fraction:
        return sum((Fraction(q.points) for q in self.questions), Fraction(0))

    @property
    def percent(self) -> Fraction:
        return percent(self.points, self.max_points)


BATCH = 500


def _scored_attempts(attempts: Sequence[AttemptSummary]) -> Iterator[_ScoredAttempt]:
    """Each attempt with its scored answers, a few hundred attempts read at a time."""
    scorer = _Scorer()
    for start in range(0, len(attempts), BATCH):
        batch = attempts[start : start + BATCH]
        items = attempt_store.attempt_items([a.id for a in batch])
        scored = {}
        for attempt in batch:
            asked = tuple(questions_for(attempt.bank_slug, items[attempt.id]))
            scored[attempt.id] = _ScoredAttempt(attempt, asked, [])
        by_key = {attempt_id: {q.id: q for q in s.questions} for attempt_id, s in scored.items()}
        for attempt_id, key, response_json, answered_at in attempt_store.stream_raw_answers(list(scored)):
            question = by_key[attempt_id].get(key)
            if question is not None:
                scored[attempt_id].answers.append(
                    _Answer(question, response_json, answered_at, scorer(question, response_json))
                )
        yield from scored.values()


def _members(classes: Sequence[ClassInfo]) -> list[tuple[ClassInfo, Account]]:
    return [(c, student) for c in classes for student in account_store.students_of_class(c.id)]


def _selected(request: ExportRequest) -> tuple[list[tuple[ClassInfo, Account]], list[AttemptSummary]]:
    members = _members(request.classes)
    ids = sorted({student.id for _, student in members})
    return members, attempt_store.submitted_attempts(ids, request.bank_slug, request.since)


def attempt_rows(request: ExportRequest) -> Iterator[tuple[Any, ...]]:
    members, attempts = _selected(request)
    classes_of: dict[int, list[tuple[ClassInfo, Account]]] = {}
    for classroom, student in members:
        classes_of.setdefault(student.id, []).append((classroom, student))
    for scored in _scored_attempts(attempts):
        attempt = scored.attempt
        points, maximum, percent = number(scored.points), number(scored.max_points), number(scored.percent)
        for classroom, student in classes_of.get(attempt.user_id, []):
            yield (
                student.username,
                student.display_name,
                classroom.name,
                attempt.bank_slug,
                attempt.bank_title,
                attempt.mode.value,
                attempt.id,
                attempt.started_at.isoformat(),
                attempt.submitted_at.isoformat(),
                points,
                maximum,
                percent,
            )


def gradebook(request: ExportRequest) -> tuple[Columns, Iterator[tuple[Any, ...]]]:
    """Columns and rows: one row per student, one column per quiz with the best test percentage."""
    members, attempts = _selected(request)
    slugs = [b.slug for b in library().catalog.banks if request.bank_slug in (None, b.slug)]
    tests = [a for a in attempts if a.mode is AttemptMode.TEST]
    best: dict[tuple[int, str], Fraction] = {}
    for scored in _scored_attempts(tests):
        key = (scored.attempt.user_id, scored.attempt.bank_slug)
        best[key] = max(best.get(key, Fraction(-1)), scored.percent)
    columns = Columns(("student_username", "student_name", "class", *slugs), text=(0, 1, 2))

    def rows() -> Iterator[tuple[Any, ...]]:
        for classroom, student in members:
            yield (
                student.username,
                student.display_name,
                classroom.name,
                *(number(best[(student.id, slug)]) if (student.id, slug) in best else None for slug in slugs),
            )

    return columns, rows()


def answer_rows(request: ExportRequest, spreadsheet: bool) -> Iterator[tuple[Any, ...]]:
    """One row per answer. With ``spreadsheet`` the cells come out safe for one already."""
    for head, part, answered_at in answer_row_parts(request, spreadsheet):
        yield (*head, *part, answered_at)


def answer_row_parts(
    request: ExportRequest, spreadsheet: bool
) -> Iterator[tuple[tuple[Any, ...], tuple[Any, ...], str]]:
    """Each answer row in three parts: the student's (one tuple per attempt and class), the
    answer's (one tuple per question version and response: many students give the same answer)
    and the time it was given. This export can be a million rows: shared parts are made once.
    """
    members, attempts = _selected(request)
    cell = spreadsheet_safe if spreadsheet else _same
    flag: Any = {True: "true", False: "false"} if spreadsheet else {True: True, False: False}
    prefixes: dict[int, list[tuple[str, str, str]]] = {}
    for classroom, student in members:
        prefixes.setdefault(student.id, []).append(
            (cell(student.username), cell(student.display_name), cell(classroom.name))
        )
    scorer = _Scorer()
    answer_parts: dict[tuple[str, str], tuple[Any, ...]] = {}
    for start in range(0, len(attempts), BATCH):
        batch = attempts[start : start + BATCH]
        items = attempt_store.attempt_items([attempt.id for attempt in batch])
        asked, heads = {}, {}
        for attempt in batch:
            asked[attempt.id] = {q.id: q for q in questions_for(attempt.bank_slug, items[attempt.id])}
            heads[attempt.id] = [
                (*prefix, attempt.bank_slug, attempt.id, attempt.mode.value)
                for prefix in prefixes.get(attempt.user_id, ())
            ]
        for attempt_id, key, response_json, answered_at in attempt_store.stream_raw_answers(list(asked)):
            question = asked[attempt_id].get(key)
            if question is None:
                continue
            part = answer_parts.get((question.content_hash, response_json))
            if part is None:
                scored = scorer(question, response_json)
                part = (
                    key,
                    str(question.type),
                    question.content_hash[:12],
                    cell(response_json),
                    flag[scored.correct],
                    scored.shown,
                    number(Fraction(question.points)),
                )
                if len(answer_parts) >= scorer.limit:
                    answer_parts.clear()
                answer_parts[(question.content_hash, response_json)] = part
            for head in heads[attempt_id]:
                yield head, part, answered_at


def _same(text: str) -> str:
    return text


def export_scores(request: ExportRequest, now: datetime) -> Export:
    """The export asked for, ready to stream (the one function behind the pages, the API and the
    command; the pages and the API send it with ``quizapp.web.downloads.streamed``).

    Rows hold plain values (text, numbers, booleans); the writers make text spreadsheet-safe.
    """
    if request.kind == "gradebook":
        columns, rows = gradebook(request)
    elif request.kind == "answers":
        spreadsheet = request.format != "json"
        columns = ANSWER_COLUMNS.for_spreadsheet() if spreadsheet else ANSWER_COLUMNS
        rows = answer_rows(request, spreadsheet)
    else:
        columns, rows = ATTEMPT_COLUMNS, attempt_rows(request)
    stem = "-".join(filter(None, ["quizapp", request.kind, request.bank_slug, f"{now:%Y%m%d}"]))
    filename = f"{stem}.{request.format}"
    if request.format == "xlsx":
        chunks = write_xlsx(columns, rows, request.kind).chunks()
    elif request.format == "json":
        chunks = json_chunks(columns, rows)
    elif request.kind == "answers":  # the big one: rows in shared parts, each encoded once
        chunks = csv_chunks_of_shared_cells(columns, answer_row_parts(request, spreadsheet=True))
    else:
        chunks = csv_chunks(columns, rows)
    return Export(filename, CONTENT_TYPES[request.format], chunks)
