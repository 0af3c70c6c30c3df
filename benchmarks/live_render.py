"""The server's CPU for one live state change: every player's event stream renders its state.

    python benchmarks/live_render.py [--players 200] [--profile]

In one process on SQLite (no HTTP, no Redis): a host opens a session of short questions and
N guests join; at each state (lobby, question open, a third answered, revealed, finished) the
fragment each player's stream sends is rendered for all N, as the streams do when a change
wakes them, and the CPU time per player and per change is printed. ``--profile`` prints the
top of a cProfile of the revealed state's renders. This is the part of benchmarks/live.py's
delay that grows with the class (docs/performance.md, live quizzes).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizapp import create_app  # noqa: E402
from quizapp.core.accounts import Role  # noqa: E402
from quizapp.db import account_store  # noqa: E402
from quizapp.services import bank_library, clock, live  # noqa: E402
from quizapp.web.live import pages  # noqa: E402
from tests.helpers.live import LIVE_BANK  # noqa: E402
from tests.helpers.live_clients import SHORT_QUESTIONS  # noqa: E402


def renders(app, players: list[live.PlayerRow]) -> float:
    """CPU seconds to render every player's fragment once, each in its own request context."""
    started = time.process_time()
    for player in players:
        with app.test_request_context(f"/live/{player.session_id}/events"):
            pages.player_fragment(player, after_change=True)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--players", type=int, default=200)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="quizapp-live-render-"))
    try:
        shutil.copytree(ROOT / "questions", work / "questions")
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{work / 'd.sqlite'}",
                "QUESTIONS_DIR": str(work / "questions"),
                "SECRET_KEY": "bench",
                "UPGRADE_SCHEMA_ON_START": True,
                "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
            }
        )
        start = clock.now()
        with app.app_context():
            host = account_store.create_user("host", "Host", "bench-live-password", Role.TEACHER)
            account_store.commit()
            library = bank_library.library()
            library.reload()
            library.sync_to_database()
            rng = random.Random(1)
            found = live.create(host, LIVE_BANK, start, 1, rng, SHORT_QUESTIONS[:2], allow_guests=True,
                                seconds_per_question=300)  # fmt: skip
            players = [live.join_guest(found.pin, f"P{n}", start)[1] for n in range(args.players)]
        now = clock.now()
        print(f"{args.players} players: CPU ms per change (all players), us per player")
        steps = [("lobby", None), ("open", "start"), ("a third answered", "answer"), ("revealed", "reveal"),
                 ("finished", "end")]  # fmt: skip
        for name, action in steps:
            with app.app_context():
                if action == "answer":
                    for n, player in enumerate(players[::3]):
                        live.answer(player, 0, "U.S. Central Command" if n % 2 else "CENTCOM", now)
                elif action:
                    live.act(host, found.id, action, now)
                live.release()
            if args.profile and name == "revealed":
                profile = cProfile.Profile()
                profile.enable()
            spent = renders(app, players)
            if args.profile and name == "revealed":
                profile.disable()
                pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
            print(f"  {name:18} {spent * 1000:8.1f} ms  {spent / len(players) * 1e6:8.0f} us")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
