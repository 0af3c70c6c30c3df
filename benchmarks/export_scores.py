"""Export 1,000,000 answer rows to CSV and XLSX: rows per second and peak memory.

Target (issue 5): over 200,000 rows/s to CSV, and peak memory under 100 MB for CSV and XLSX.
Run: python benchmarks/export_scores.py [--answers N]. The figures come from one run; rows/s is
also given as a ratio to writing the same number of bare rows with the csv module.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from quizapp import create_app
from quizapp.core.accounts import Role
from quizapp.core.answer_key import full_marks_response
from quizapp.db.account_store import create_class, create_user, enroll
from quizapp.db.base import db
from quizapp.db.database import begin_write
from quizapp.db.models import Answer, Attempt, Bank
from quizapp.services.bank_library import library

PROJECT = Path(__file__).resolve().parent.parent
ARTICLE_FILES = ("kosovo-peacekeepers.yaml", "sources/kosovo-peacekeepers.txt")


def copy_article_bank(target: Path) -> Path:
    """A folder of its own with the article bank: questions/ is live (the app a developer runs
    from the checkout imports and edits banks there), so no benchmark reads or serves it."""
    for name in ARTICLE_FILES:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(PROJECT / "questions" / name, target / name)
    return target


_CHILD = """
import json, re, sys, time
from datetime import datetime
from quizapp.services import clock
from quizapp import create_app
from quizapp.db.account_store import all_classes
from quizapp.services.score_exports import ExportRequest, export_scores
def peak_kb():
    return int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
app = create_app(json.loads(sys.argv[1]))
with app.app_context():
    from quizapp.services.bank_library import library
    library().reload()
    before = peak_kb()
    start = time.perf_counter()
    export = export_scores(ExportRequest("answers", sys.argv[2], tuple(all_classes())), clock.now())
    size = 0
    for chunk in export.chunks:
        size += len(chunk)
    seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "bytes": size, "peak_kb": peak_kb(), "app_kb": before}))
"""


def seed(answers: int, per_attempt: int = 25) -> None:
    teacher = create_user("tina", "Tina", "a-long-password", Role.TEACHER)
    db.session.commit()
    classroom = create_class(teacher.id, "Big class", random.Random(1))
    library().reload()
    library().sync_to_database()
    bank = library().catalog.banks[0]
    bank_id = db.session.scalar(select(Bank.id).where(Bank.slug == bank.slug))
    rng = random.Random(2)
    attempts = answers // per_attempt
    students = []
    for number in range(max(1, attempts // 40)):
        student = create_user(f"student{number}", f"Student {number}", "a-long-password", Role.STUDENT)
        enroll(classroom.id, student.id)
        students.append(student.id)
    db.session.commit()
    questions = list(bank.questions)
    now = datetime.now(UTC)
    items = [[q.id, q.content_hash] for q in questions[:per_attempt]]
    rows = [
        {
            "user_id": students[n % len(students)],
            "bank_id": bank_id,
            "mode": "test",
            "status": "submitted",
            "closed_by": "student",
            "seed": n,
            "items": items,
            "started_at": now - timedelta(days=1),
            "deadline": None,
            "submitted_at": now,
        }
        for n in range(attempts)
    ]
    begin_write()  # the seed writes like the app: SQLite's write lock first (db/database.py)
    for start in range(0, len(rows), 5_000):
        db.session.execute(insert(Attempt), rows[start : start + 5_000])
    db.session.commit()
    attempt_ids = db.session.scalars(select(Attempt.id)).all()
    responses = {q.id: [full_marks_response(q), None] for q in questions[:per_attempt]}
    batch = []
    begin_write()
    for attempt_id in attempt_ids:
        for question in questions[:per_attempt]:
            right = rng.random() < 0.7
            response = responses[question.id][0] if right else "wrong answer"
            if question.type.value in ("single", "multiple", "ordering", "matching", "true_false", "cloze"):
                response = responses[question.id][0]  # a wrong shape would not be stored: keep it valid
            batch.append(
                {
                    "attempt_id": attempt_id,
                    "question_key": question.id,
                    "response": response,
                    "answered_at": now,
                }
            )
        if len(batch) >= 50_000:
            db.session.execute(insert(Answer), batch)
            batch = []
    if batch:
        db.session.execute(insert(Answer), batch)
    db.session.commit()


def bare_csv_seconds(rows: int) -> float:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    row = [
        "student1",
        "Student 1",
        "Big class",
        "kosovo-peacekeepers",
        1,
        "test",
        "q",
        "single",
        "abcdef",
        '"cabc"',
        "true",
        1,
        1,
        "2026-01-01T00:00:00+00:00",
    ]
    start = time.perf_counter()
    for number in range(rows):
        writer.writerow(row)
        if number % 10_000 == 0:
            buffer.seek(0)
            buffer.truncate()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        config = {
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{Path(tmp) / 'bench.sqlite'}",
            "QUESTIONS_DIR": str(copy_article_bank(Path(tmp) / "questions")),
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        }
        app = create_app(config)
        started = time.perf_counter()
        with app.app_context():
            seed(args.answers)
            rows = db.session.scalar(select(db.func.count()).select_from(Answer))
        seeding = time.perf_counter() - started
        figures: dict[str, object] = {"answer_rows": rows, "seeding_seconds": round(seeding, 1)}
        for fmt in ("csv", "xlsx"):
            output = subprocess.run(
                [sys.executable, "-c", _CHILD, json.dumps(config), fmt],
                capture_output=True,
                text=True,
                check=True,
                cwd=PROJECT,
            ).stdout
            result = json.loads(output)
            figures[f"{fmt}_rows_per_second"] = round(rows / result["seconds"])
            figures[f"{fmt}_peak_mb"] = round(result["peak_kb"] / 1024, 1)
            figures[f"{fmt}_peak_over_the_app_mb"] = round((result["peak_kb"] - result["app_kb"]) / 1024, 1)
            figures["app_alone_mb"] = round(result["app_kb"] / 1024, 1)
            figures[f"{fmt}_megabytes"] = round(result["bytes"] / 2**20, 1)
        bare = bare_csv_seconds(rows)
        figures["bare_csv_rows_per_second"] = round(rows / bare)
        figures["csv_to_bare_csv"] = round(
            figures["csv_rows_per_second"] / figures["bare_csv_rows_per_second"], 3
        )
    print(json.dumps(figures, indent=2))
    speed = figures["csv_rows_per_second"] > 200_000
    memory = figures["csv_peak_mb"] < 100 and figures["xlsx_peak_mb"] < 100
    print(
        f"target CSV > 200,000 rows/s: {'met' if speed else 'NOT met'}; "
        f"target peak < 100 MB (CSV and XLSX, the whole process): {'met' if memory else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
