"""Score exports for gradebooks and analysis: one function behind the pages, the API and the command.

Four kinds (columns documented in docs/exports.md):
- ``attempts``: one row per attempt (student, class, quiz, mode, times, score, max, percent);
- ``gradebook``: one row per student, one column per quiz the classes use
  (``assignments.banks_of_classes``), the best test percentage;
- ``answers``: one row per answer, scored, for analysis: what the student chose in words (the
  question type's ``response_text``) beside the stored response;
- ``assignment_gradebook``: one row per student, one column per assignment of their class, the
  counted attempt's percentage (or ``missed``).

XLSX shows times in ``ExportRequest.time_zone`` (the exporting teacher's); CSV and JSON in UTC.

An export of one assignment (``ExportRequest.assignment``, made by ``assignment_request``) holds
the attempts under it only: ``attempts`` adds the student's own due time and whether the attempt
was late, and ``gradebook`` is one row per student with the attempt that counts.

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
from zoneinfo import ZoneInfo

from quizapp import core
from quizapp.core.answer_key import response_text
from quizapp.core.attempts import is_test_score
from quizapp.core.file_names import class_file_name_part, file_name_part
from quizapp.core.scoring import percent, score_question
from quizapp.db import account_store, attempt_store
from quizapp.db.account_store import Account, ClassInfo
from quizapp.db.attempt_store import AttemptSummary
from quizapp.services import assignments
from quizapp.services import attempts as attempt_service
from quizapp.services.assignment_reports import Grade, grades
from quizapp.services.assignments import AssignmentRow
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

KINDS = ("attempts", "gradebook", "answers", "assignment_gradebook")
UTC_ZONE = ZoneInfo("UTC")
MISSED = "missed"  # a gradebook-by-assignment cell: the due time passed with nothing submitted
# Each column's heading in XLSX (and JSON's ``labels``), in a teacher's words; CSV's header and
# JSON's keys stay the names, as published (docs/exports.md). The one place a heading is chosen.
HEADINGS = {
    "student_username": "Username",
    "student_name": "Student",
    "class": "Class",
    "quiz_id": "Quiz id",
    "quiz_title": "Quiz",
    "mode": "Mode",
    "attempt_id": "Attempt number",
    "started_at": "Started at",
    "submitted_at": "Submitted at",
    "score": "Points",
    "max_score": "Out of",
    "percent": "Percent",
    "assignment_id": "Assignment number",
    "assignment_name": "Assignment",
    "status": "Status",
    "due_at": "Due at",
    "accommodated": "Accommodated",
    "attempts": "Attempts",
    "attempts_allowed": "Attempts allowed",
    "counted_attempt_id": "Counted attempt",
    "late": "Late",
    "question_id": "Question id",
    "question_type": "Question type",
    "question_version": "Question version",
    "response": "Answer",
    "response_ids": "Answer ids",
    "response_text": "Answer",
    "correct": "Correct",
    "points": "Points",
    "max_points": "Out of",
    "answered_at": "Answered at",
}
PEOPLE = ("student_username", "student_name", "class")  # a gradebook's first columns


def in_words(names: Sequence[str]) -> tuple[str, ...]:
    """The columns' headings for people (``HEADINGS``)."""
    return tuple(HEADINGS[name] for name in names)


def _columns(names: tuple[str, ...], **kinds: Any) -> Columns:
    """Columns named for programs and headed in words for people."""
    return Columns(names, words=in_words(names), **kinds)


ATTEMPT_COLUMNS = _columns(
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
    times=(7, 8),
    percents=(11,),
)
ASSIGNMENT_ATTEMPT_COLUMNS = _columns(
    (*ATTEMPT_COLUMNS.names, "assignment_id", "assignment_name", "due_at", "late"),
    text=(*ATTEMPT_COLUMNS.text, len(ATTEMPT_COLUMNS.names) + 1),
    flags=(len(ATTEMPT_COLUMNS.names) + 3,),
    times=(*ATTEMPT_COLUMNS.times, len(ATTEMPT_COLUMNS.names) + 2),
    percents=ATTEMPT_COLUMNS.percents,
)
ASSIGNMENT_GRADE_COLUMNS = _columns(
    (
        "student_username",
        "student_name",
        "class",
        "quiz_id",
        "assignment_id",
        "assignment_name",
        "status",
        "due_at",
        "accommodated",
        "attempts",
        "attempts_allowed",
        "counted_attempt_id",
        "score",
        "max_score",
        "percent",
        "late",
    ),
    text=(0, 1, 2, 5),
    flags=(8, 15),
    times=(7,),
    percents=(14,),
)
_ANSWER_HEAD = (
    "student_username",
    "student_name",
    "class",
    "quiz_id",
    "attempt_id",
    "mode",
    "question_id",
    "question_type",
    "question_version",
)
_ANSWER_TAIL = ("correct", "points", "max_points", "answered_at")
# In a spreadsheet (CSV, XLSX) ``response`` is what the student chose, in words, and
# ``response_ids`` the stored response (CSV: its JSON; XLSX: plain text, ``ids_text``); in JSON
# ``response`` stays the stored response, as published for programs, ``response_text`` the words.
ANSWER_COLUMNS = _columns(
    (*_ANSWER_HEAD, "response", "response_text", *_ANSWER_TAIL),
    text=(0, 1, 2, 9, 10),
    flags=(11,),
    times=(14,),
)
SPREADSHEET_ANSWER_COLUMNS = _columns(
    (*_ANSWER_HEAD, "response", "response_ids", *_ANSWER_TAIL),
    text=ANSWER_COLUMNS.text,
    flags=ANSWER_COLUMNS.flags,
    times=ANSWER_COLUMNS.times,
    ready=True,  # ``answer_row_parts`` makes its cells safe once per distinct answer
)


@dataclass(frozen=True, slots=True)
class ExportRequest:
    kind: str
    format: str
    classes: tuple[ClassInfo, ...]
    bank_slug: str | None = None  # one bank's quiz; None: every quiz
    since: datetime | None = None  # attempts started at or after this time
    assignment: AssignmentRow | None = None  # only the attempts under it (``assignment_request``)
    time_zone: ZoneInfo = UTC_ZONE  # XLSX's times: the reader's (CSV and JSON are in UTC)


def assignment_request(
    kind: str,
    export_format: str,
    row: AssignmentRow,
    since: datetime | None = None,
    time_zone: ZoneInfo = UTC_ZONE,
) -> ExportRequest:
    """The export of one assignment (the caller checked it is the teacher's): its class, its quiz,
    the attempts under it."""
    classroom = account_store.class_of_teacher(row.class_id, row.teacher_id)
    if classroom is None:  # an assignment's class is its teacher's
        raise assignments.AssignmentNotFound(row.id)
    return ExportRequest(kind, export_format, (classroom,), row.bank_slug, since, row, time_zone)


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
    assignment_id = request.assignment.id if request.assignment is not None else None
    return members, attempt_store.submitted_attempts(ids, request.bank_slug, request.since, assignment_id)


def _instant(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def attempt_rows(request: ExportRequest, now: datetime) -> Iterator[tuple[Any, ...]]:
    """One row per attempt; of one assignment, with its id, the student's due time and lateness."""
    members, attempts = _selected(request)
    row = request.assignment
    due = {}
    if row is not None:  # each student's own due time: an accommodation may move it
        due = {grade.student.id: _instant(grade.view.window.due_at) for grade in grades(row, now)}
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
                *((row.id, row.name, due.get(attempt.user_id), attempt.late) if row is not None else ()),
            )


def gradebook(request: ExportRequest) -> tuple[Columns, Iterator[tuple[Any, ...]]]:
    """Columns and rows: one row per student, one column per quiz with the best test percentage."""
    members, attempts = _selected(request)
    used = assignments.banks_of_classes([c.id for c in request.classes])  # not every bank imported
    banks = [b for b in used if request.bank_slug in (None, b.slug)]
    slugs = [b.slug for b in banks]
    tests = [a for a in attempts if is_test_score(a.mode, submitted=True)]  # exports read submitted ones
    best: dict[tuple[int, str], Fraction] = {}
    for scored in _scored_attempts(tests):
        key = (scored.attempt.user_id, scored.attempt.bank_slug)
        best[key] = max(best.get(key, Fraction(-1)), scored.percent)
    titles = [b.title for b in banks]
    labels = [f"{b.title} ({b.slug})" if titles.count(b.title) > 1 else b.title for b in banks]
    columns = Columns(
        (*PEOPLE, *slugs),
        text=(0, 1, 2),
        percents=tuple(range(3, 3 + len(slugs))),
        labels=(*PEOPLE, *labels),
        words=(*in_words(PEOPLE), *labels),
    )

    def rows() -> Iterator[tuple[Any, ...]]:
        for classroom, student in members:
            yield (
                student.username,
                student.display_name,
                classroom.name,
                *(number(best[(student.id, slug)]) if (student.id, slug) in best else None for slug in slugs),
            )

    return columns, rows()


def _percent(grade: Grade) -> int | float | None:
    return number(grade.counted.score.percent) if grade.counted is not None else None


def assignment_grade_rows(
    row: AssignmentRow, request: ExportRequest, now: datetime
) -> Iterator[tuple[Any, ...]]:
    """One assignment's gradebook: one row per student of its class, the attempt that counts."""
    classroom = request.classes[0]
    for grade in grades(row, now, request.since):
        view, counted = grade.view, grade.counted
        yield (
            grade.student.username,
            grade.student.display_name,
            classroom.name,
            row.bank_slug,
            row.id,
            row.name,
            view.status.value,
            _instant(view.window.due_at),
            view.accommodated,
            len(view.attempts),
            view.window.max_attempts,
            counted.attempt.id if counted is not None else None,
            number(counted.score.points) if counted is not None else None,
            number(counted.score.max_points) if counted is not None else None,
            _percent(grade),
            grade.counted_late,
        )


def assignment_column(row: AssignmentRow, readable: bool) -> str:
    """A gradebook-by-assignment column's name: ``<quiz_id>#<assignment id>`` for programs (JSON);
    in CSV (``readable``) the assignment's name before it, so that a test and its retake are told
    apart: "Retake (kosovo-peacekeepers#12)" (the writers keep it from being a formula). XLSX
    heads it in words: ``assignment_headings``."""
    key = f"{row.bank_slug}#{row.id}"
    return f"{row.name} ({key})" if readable else key


def _due_words(row: AssignmentRow, zone: ZoneInfo) -> str:
    due = row.terms.due_at
    if due is None:
        return "no due date"
    local = due.astimezone(zone)
    return f"due {local:%b} {local.day}, {local.year}"


def assignment_headings(rows: Sequence[AssignmentRow], zone: ZoneInfo) -> list[str]:
    """The assignments' headings for people (XLSX, JSON's ``labels``): each one's name; names
    that two assignments share get their due date in ``zone`` ("Retake (due Dec 1, 2026)"), and
    those still alike (the same day) a number in due order ("Retake (due Dec 1, 2026) 2")."""
    names = [row.name for row in rows]
    dated = [
        f"{name} ({_due_words(row, zone)})" if names.count(name) > 1 else name
        for name, row in zip(names, rows, strict=True)
    ]
    seen: dict[str, int] = {}
    headings = []
    for heading in dated:
        seen[heading] = seen.get(heading, 0) + 1
        headings.append(heading if seen[heading] == 1 else f"{heading} {seen[heading]}")
    return headings


def assignment_gradebook(request: ExportRequest, now: datetime) -> tuple[Columns, Iterator[tuple[Any, ...]]]:
    """Columns and rows: one row per student, one column per assignment of the classes (named by
    ``assignment_column``), the counted attempt's percentage, ``missed`` when the due time passed
    with nothing submitted, empty otherwise (and in another class's assignments)."""
    if request.assignment is not None:
        rows_of = [request.assignment]
    else:
        rows_of = assignments.of_classes([c.id for c in request.classes], request.bank_slug)
    cells: dict[tuple[int, int], int | float | str | None] = {}
    for row in rows_of:
        for grade in grades(row, now, request.since):
            cells[(row.id, grade.student.id)] = MISSED if grade.missed else _percent(grade)
    columns = Columns(
        (*PEOPLE, *(assignment_column(row, readable=False) for row in rows_of)),
        text=(0, 1, 2),
        percents=tuple(range(len(PEOPLE), len(PEOPLE) + len(rows_of))),
        labels=(*PEOPLE, *(assignment_column(row, readable=True) for row in rows_of)),
        words=(*in_words(PEOPLE), *assignment_headings(rows_of, request.time_zone)),
    )

    def rows() -> Iterator[tuple[Any, ...]]:
        for classroom, student in _members(request.classes):
            yield (
                student.username,
                student.display_name,
                classroom.name,
                *(
                    cells.get((row.id, student.id)) if row.class_id == classroom.id else None
                    for row in rows_of
                ),
            )

    return columns, rows()


def answer_rows(request: ExportRequest) -> Iterator[tuple[Any, ...]]:
    """One row per answer, its cells as ``answer_columns`` says."""
    for head, part, answered_at in answer_row_parts(request):
        yield (*head, *part, answered_at)


def answer_columns(export_format: str) -> Columns:
    """The answers export's columns: a spreadsheet's (CSV, XLSX) name the student's choice in
    words ``response``; JSON's keep ``response`` as published and add ``response_text``."""
    return ANSWER_COLUMNS if export_format == "json" else SPREADSHEET_ANSWER_COLUMNS


def answer_row_parts(request: ExportRequest) -> Iterator[tuple[tuple[Any, ...], tuple[Any, ...], str]]:
    """Each answer row in three parts: the student's (one tuple per attempt and class), the
    answer's (one tuple per question version and response: many students give the same answer)
    and the time it was given. This export can be a million rows: shared parts are made once.

    In a spreadsheet (CSV, XLSX) the text cells come out safe for one already, and in CSV the
    booleans as words.
    """
    members, attempts = _selected(request)
    spreadsheet = request.format != "json"
    cell = spreadsheet_safe if spreadsheet else _same
    flag: Any = {True: "true", False: "false"} if request.format == "csv" else {True: True, False: False}
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
                words = response_text(question, json.loads(response_json))  # the database's own JSON
                if request.format == "xlsx":  # for people: the ids as plain text
                    shown = (cell(words), cell(ids_text(json.loads(response_json))))
                elif spreadsheet:  # CSV: the stored JSON, as published
                    shown = (cell(words), cell(response_json))
                else:
                    shown = (response_json, words)
                part = (
                    key,
                    str(question.type),
                    question.content_hash[:12],
                    *shown,
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


def ids_text(response: Any) -> str:
    """A stored response as XLSX's ``response_ids`` shows it, plain text for people: choice ids
    and blanks comma-separated (``c2fa8b57b, c65fbc4a1``), matched pairs as ``left → right``,
    a typed answer as typed, true or false as ``true``/``false``."""
    if isinstance(response, bool):
        return "true" if response else "false"
    if isinstance(response, list):
        return ", ".join(ids_text(each) for each in response)
    if isinstance(response, dict):
        return ", ".join(f"{ids_text(key)} → {ids_text(value)}" for key, value in response.items())
    return "" if response is None else str(response)


def export_scores(request: ExportRequest, now: datetime) -> Export:
    """The export asked for, ready to stream (the one function behind the pages, the API and the
    command; the pages and the API send it with ``quizapp.web.downloads.streamed``).

    Rows hold plain values (text, numbers, booleans); the writers make text spreadsheet-safe.
    An attempt whose time ran out is closed first, as the results pages close it when they read
    it: else it would be missing here until someone opened a page.
    """
    attempt_service.close_overdue_of(sorted({student.id for _, student in _members(request.classes)}), now)
    row = request.assignment
    if request.kind == "gradebook" and row is not None:
        columns, rows = ASSIGNMENT_GRADE_COLUMNS, assignment_grade_rows(row, request, now)
    elif request.kind == "gradebook":
        columns, rows = gradebook(request)
    elif request.kind == "assignment_gradebook":
        columns, rows = assignment_gradebook(request, now)
    elif request.kind == "answers":
        columns, rows = answer_columns(request.format), answer_rows(request)
    else:
        columns = ATTEMPT_COLUMNS if row is None else ASSIGNMENT_ATTEMPT_COLUMNS
        rows = attempt_rows(request, now)
    assigned = f"assignment{row.id}" if row is not None else None
    titled = file_name_part(row.title) if row is not None and row.title else None
    classes = class_file_name_part([(c.id, c.name) for c in request.classes])
    parts = ["quizapp", request.kind, classes, request.bank_slug, assigned, titled, f"{now:%Y%m%d}"]
    stem = "-".join(filter(None, parts))
    filename = f"{stem}.{request.format}"
    if request.format == "xlsx":
        chunks = write_xlsx(columns, rows, request.kind, request.time_zone).chunks()
    elif request.format == "json":
        chunks = json_chunks(columns, rows)
    elif request.kind == "answers":  # the big one: rows in shared parts, each encoded once
        chunks = csv_chunks_of_shared_cells(columns, answer_row_parts(request))
    else:
        chunks = csv_chunks(columns, rows)
    return Export(filename, CONTENT_TYPES[request.format], chunks)
