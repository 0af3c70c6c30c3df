"""A student with 10,000 cards and 100,000 review log rows: time the due queue and the dashboard.

Target (issue 4): the due queue in under 20 ms, and the dashboard in a fixed number of queries.
Run: python benchmarks/due_queue.py [--database-url URL]. The figures are the best of
--repeat runs; each is also given as a ratio to one bare indexed query in the same run.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import event, insert, select

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_banks import generate

from quizapp import create_app
from quizapp.core.accounts import Role
from quizapp.core.decks import build_queue, deck_cards
from quizapp.core.scheduling import Grade, new_card, review, to_stored
from quizapp.db import study_store
from quizapp.db.account_store import create_user
from quizapp.db.base import db
from quizapp.db.database import begin_write
from quizapp.db.models import Bank, CardState, ReviewLog
from quizapp.services.bank_library import library
from quizapp.services.dashboards import student_dashboard

ZONE = ZoneInfo("UTC")  # the student's day: the school's default

CARDS = 10_000
LOGS = 100_000


def best(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def seed_data(now: datetime) -> tuple[int, str]:
    student = create_user("bench", "Bench Student", "a-long-password", Role.STUDENT)
    db.session.commit()
    library().reload()
    library().sync_to_database()
    bank = library().catalog.get("big")
    bank_id = db.session.scalar(select(Bank.id).where(Bank.slug == "big"))
    rng = random.Random(1)
    card = review(new_card(now - timedelta(days=30)), Grade.GOOD, now - timedelta(days=30), None)
    stored = to_stored(card)
    rows = []
    for question in bank.questions[:CARDS]:
        due = now + timedelta(minutes=rng.randint(-20 * 1440, 30 * 1440))
        rows.append(
            {
                "user_id": student.id,
                "bank_id": bank_id,
                "card_key": f"q:{question.id}",
                "fsrs_version": stored.fsrs_version,
                "state": stored.data,
                "due": due,
                "stability": rng.uniform(0.5, 60),
                "first_review": now - timedelta(days=40),
                "introduced_by": "flashcard",
                "last_review": now - timedelta(days=rng.randint(1, 30)),
                "reviews": 10,
                "lapses": rng.randint(0, 3),
            }
        )
    begin_write()  # the seed writes like the app: SQLite's write lock first (db/database.py)
    db.session.execute(insert(CardState), rows)
    logs = [
        {
            "user_id": student.id,
            "bank_id": bank_id,
            "card_key": rows[n % CARDS]["card_key"],
            "rating": rng.randint(1, 4),
            "source": "flashcard",
            "reviewed_at": now - timedelta(minutes=rng.randint(0, 400 * 1440)),
        }
        for n in range(LOGS)
    ]
    for start in range(0, LOGS, 20_000):
        db.session.execute(insert(ReviewLog), logs[start : start + 20_000])
    db.session.commit()
    return student.id, bank.slug


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=None, help="default: a new SQLite file")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "questions"
        folder.mkdir()
        generate(folder, CARDS)
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite'}"
        app = create_app(
            {
                "SECRET_KEY": "bench",
                "QUESTIONS_DIR": str(folder),
                "SQLALCHEMY_DATABASE_URI": url,
                "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
            }
        )
        now = datetime.now(UTC)
        with app.app_context():
            if args.database_url:
                db.drop_all()
                db.create_all()
            user_id, bank_slug = seed_data(now)
            bank = library().catalog.get(bank_slug)
            cards = deck_cards(bank)

            def due_queue() -> None:
                build_queue(
                    cards,
                    study_store.study_state(user_id, bank_slug, now),
                    study_store.new_cards_per_day(user_id),
                    study_store.new_cards_started_today(user_id, now, ZONE),
                )
                db.session.rollback()

            def bare_query() -> None:
                db.session.scalar(select(CardState.id).where(CardState.user_id == user_id).limit(1))
                db.session.rollback()

            from quizapp.db.account_store import get_account

            account = get_account(user_id)
            statements: list[str] = []

            def count(*call: object) -> None:
                statements.append(str(call[2]))

            event.listen(db.engine, "before_cursor_execute", count)

            def dashboard() -> None:
                student_dashboard(account, now, ZONE)
                db.session.rollback()

            dashboard()
            dashboard_queries = len(statements)
            event.remove(db.engine, "before_cursor_execute", count)
            bare = best(bare_query, args.repeat)
            queue_seconds = best(due_queue, args.repeat)
            dashboard_seconds = best(dashboard, max(3, args.repeat // 5))
        figures = {
            "database": url.split(":", 1)[0],
            "cards": CARDS,
            "review_logs": LOGS,
            "due_queue_ms": round(queue_seconds * 1000, 2),
            "due_queue_to_bare_query": round(queue_seconds / bare, 1),
            "dashboard_ms": round(dashboard_seconds * 1000, 1),
            "dashboard_queries": dashboard_queries,
            "bare_indexed_query_ms": round(bare * 1000, 3),
        }
    print(json.dumps(figures, indent=2))
    print(f"target (due queue < 20 ms): {'met' if queue_seconds < 0.020 else 'NOT met'}")


if __name__ == "__main__":
    main()
