"""Live quizzes on two app servers: how soon each state change reaches each player (issue 19).

    python benchmarks/live.py [--players 50 100 200] [--questions 3] [--postgres URL]

Starts a Redis of its own (redis-server on a free port) and two gunicorn app servers (2 gthread
workers each) sharing a fresh PostgreSQL database and that Redis on loopback, with
LIVE_SIGNALS=redis://.... For each class size: a host on server A opens a session of short
questions and lets guests join; the players, half on each server, join by PIN and hold the
event stream (one thread each, plain HTTP); for each question the host clicks "start"/"next",
every player answers (one in ten taps twice), the host clicks "reveal". It prints, for every
state change, the delay from the host's click to each player's receipt of it (p50, p99, max;
the target is p99 < 500 ms at 200 players), those missed, the answers stored per question
(each must be there exactly once), and the 5xx. The host waits until every player has a change
(or 10 s) before the next click, as a teacher waits for the class.

The players run in this process (Python threads) on the same machine as the servers, the
database and Redis: the delays include the clients' own share of the CPU, printed for each class
beside the app servers' (CPU seconds of this process and of the gunicorn processes, from
/proc). ``--first-port N``: the servers listen on N, N+1, N+2 (Redis, A, B) instead of any free
port (a shared machine's agreed range). One run, no repeat.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
from sqlalchemy import text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the test helpers' servers and clients

from quizapp import create_app  # noqa: E402
from quizapp.core.accounts import Role  # noqa: E402
from quizapp.db import account_store  # noqa: E402
from quizapp.db.base import db  # noqa: E402
from tests.helpers import live_servers, redis_server  # noqa: E402
from tests.helpers.live_clients import SHORT_QUESTIONS, Host, Player, wait_until  # noqa: E402
from tests.helpers.live_servers import Gunicorn, server_env  # noqa: E402
from tests.helpers.redis_server import RedisServer  # noqa: E402

PASSWORD = "bench-live-password"
TARGET_P99 = 0.5  # seconds, at 200 players (issue 19)


def fresh_database(admin_url: str) -> tuple[str, str]:
    """A new empty PostgreSQL database; its SQLAlchemy URL and its name (to drop)."""
    name = f"quizapp_live_bench_{os.getpid()}"
    admin = make_url(admin_url)
    with psycopg.connect(
        host=admin.host, port=admin.port, user=admin.username, password=admin.password,
        dbname=admin.database or "postgres", autocommit=True,
    ) as connection:  # fmt: skip
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    url = admin.set(drivername="postgresql+psycopg", database=name)
    return url.render_as_string(hide_password=False), name


def drop_database(admin_url: str, name: str) -> None:
    admin = make_url(admin_url)
    with psycopg.connect(
        host=admin.host, port=admin.port, user=admin.username, password=admin.password,
        dbname=admin.database or "postgres", autocommit=True,
    ) as connection:  # fmt: skip
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def prepare(database_url: str, questions: Path):
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "QUESTIONS_DIR": str(questions),
            "SECRET_KEY": "bench",
            "UPGRADE_SCHEMA_ON_START": True,
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        }
    )
    with app.app_context():
        account_store.create_user("host", "Host", PASSWORD, Role.TEACHER)
        account_store.commit()
    return app


def quantiles(delays: list[float]) -> tuple[float, float, float]:
    ordered = sorted(delays)
    p99 = ordered[min(len(ordered) - 1, math.ceil(0.99 * len(ordered)) - 1)]
    return statistics.median(ordered), p99, ordered[-1]


def answers_per_question(app, live_id: int) -> dict[int, tuple[int, int]]:
    """question index -> (rows, distinct players)."""
    with app.app_context():
        rows = db.session.execute(
            text(
                "SELECT question_index, count(*), count(DISTINCT player_id) FROM live_answers "
                "WHERE session_id = :id GROUP BY question_index"
            ),
            {"id": live_id},
        )
        found = {int(index): (int(count), int(players)) for index, count, players in rows}
        db.session.rollback()
        return found


def cpu_seconds(groups: list[int]) -> float:
    """User and system CPU seconds of every live process in these process groups (/proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        if int(fields[2]) in groups:  # fields[2] is the process group (the 5th field of stat)
            total += int(fields[11]) + int(fields[12])
    return total / tick


def run_class(app, servers: list[Gunicorn], players_count: int, questions: int) -> dict:
    groups = [server.process.pid for server in servers if server.process is not None]
    client_before, servers_before, wall_before = time.process_time(), cpu_seconds(groups), time.monotonic()
    host = Host(servers[0].url, "host", PASSWORD).open(SHORT_QUESTIONS[:questions], seconds=300)
    players: list[Player] = []
    with ThreadPoolExecutor(16) as pool:
        players = list(
            pool.map(
                lambda n: Player([servers[n % 2].url, servers[(n + 1) % 2].url], host.pin, f"P{n}").join(),
                range(players_count),
            )
        )
    for player in players:
        player.listen()
    delays: dict[str, list[float]] = {"open": [], "reveal": []}
    missed = 0
    clicks: list[float] = []
    answer_statuses: list[int] = []
    try:
        assert wait_until(lambda: all(p.has(0) for p in players), 30.0), "not every player got the lobby"
        seq = 0
        with ThreadPoolExecutor(32) as pool:
            for index in range(questions):
                for action, kind in (("start" if index == 0 else "next", "open"), ("reveal", "reveal")):
                    started = time.perf_counter()
                    status, clicked = host.act(action)
                    clicks.append(time.perf_counter() - started)
                    assert status == 302, status
                    seq += 1
                    wait_until(lambda s=seq: all(p.has(s) for p in players), 10.0, step=0.01)
                    for player in players:
                        if player.has(seq):
                            delays[kind].append(player.received[seq] - clicked)
                        else:
                            missed += 1
                    if kind == "open":
                        taps = [(p, index) for p in players] + [(p, index) for p in players[::10]]
                        answer_statuses += pool.map(lambda tap: tap[0].answer(tap[1], "CENTCOM"), taps)
        stored = answers_per_question(app, host.live_id)
    finally:
        for player in players:
            player.close()
    statuses = answer_statuses + [s for p in players for s in p.statuses]
    cpu = {
        "clients": time.process_time() - client_before,
        "servers": cpu_seconds(groups) - servers_before,
        "wall": time.monotonic() - wall_before,
    }
    return {
        "cpu": cpu,
        "players": players_count,
        "delays": delays,
        "missed": missed,
        "stored": stored,
        "questions": questions,
        "server_errors": sum(1 for s in statuses if s >= 500),
        "unanswered": sum(1 for s in answer_statuses if s != 302),
        "click": statistics.median(clicks),
        "reconnects": sum(p.reconnects for p in players),
    }


def report(result: dict) -> str:
    n = result["players"]
    lines = [f"players {n}: host click (POST) median {result['click'] * 1000:.0f} ms"]
    every: list[float] = []
    for kind, delays in result["delays"].items():
        every += delays
        p50, p99, top = quantiles(delays)
        lines.append(
            f"  {kind:7} {len(delays):5} receipts  p50 {p50 * 1000:6.0f} ms  p99 {p99 * 1000:6.0f} ms  "
            f"max {top * 1000:6.0f} ms"
        )
    p50, p99, top = quantiles(every)
    lines.append(
        f"  all     {len(every):5} receipts  p50 {p50 * 1000:6.0f} ms  p99 {p99 * 1000:6.0f} ms  "
        f"max {top * 1000:6.0f} ms  (p99 / 500 ms target: {p99 / TARGET_P99:.2f})"
    )
    stored = [result["stored"].get(i) for i in range(result["questions"])]
    once = all(rows == (n, n) for rows in stored)
    lines.append(
        f"  missed {result['missed']}; answers stored per question {stored}"
        f" (rows, players): each of {n} once: {'yes' if once else 'NO'}; answers not acknowledged "
        f"{result['unanswered']}; 5xx {result['server_errors']}; stream reconnects {result['reconnects']}"
    )
    cpu = result["cpu"]
    share = cpu["clients"] / (cpu["clients"] + cpu["servers"])
    lines.append(
        f"  CPU over {cpu['wall']:.1f} s: clients (this process) {cpu['clients']:.1f} s, app servers "
        f"{cpu['servers']:.1f} s; the clients' share: {share:.0%}"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--players", type=int, nargs="+", default=[50, 100, 200])
    parser.add_argument("--questions", type=int, default=3, choices=range(1, len(SHORT_QUESTIONS) + 1))
    parser.add_argument(
        "--postgres",
        default=os.environ.get(
            "QUIZAPP_CI_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
        ),
        help="a PostgreSQL server where a fresh database is made and dropped",
    )
    parser.add_argument("--first-port", type=int, help="listen on this port and the next two, not any")
    options = parser.parse_args()
    if options.first_port:
        ports = iter(range(options.first_port, options.first_port + 3))
        live_servers.free_port = redis_server.free_port = lambda: next(ports)
    started = time.monotonic()
    database_url, name = fresh_database(options.postgres)
    redis = RedisServer().start()
    servers: list[Gunicorn] = []
    try:
        with tempfile.TemporaryDirectory() as folder:
            questions = Path(folder) / "questions"
            shutil.copytree(ROOT / "questions", questions)
            app = prepare(database_url, questions)
            # each worker may hold all its server's streams (the kernel does not share them out
            # evenly), plus a few threads for the pages
            threads = max(options.players) // 2 + 10
            env = server_env(
                database_url,
                questions,
                QUIZAPP_LIVE_SIGNALS=redis.url,
                QUIZAPP_LIVE_SIGNALS_CHANNEL=f"bench:{uuid.uuid4().hex}",
                QUIZAPP_THREADS=str(threads),
                QUIZAPP_LIVE_STREAM_SECONDS="120",
                QUIZAPP_LIVE_WRONG_PIN_LIMIT_PER_ADDRESS="100000 per minute",
                QUIZAPP_LIVE_GUEST_JOIN_LIMIT_PER_SESSION="100000 per hour",  # every guest from here
                QUIZAPP_LIVE_GUEST_JOIN_LIMIT_PER_ADDRESS="100000 per hour",
                QUIZAPP_LIVE_STREAMS_PER_PROCESS=str(threads - 10),
            )
            servers = [Gunicorn(env, workers=2).start(), Gunicorn(env, workers=2).start()]
            print(
                f"two gunicorn servers x 2 gthread workers x {threads} threads, PostgreSQL, Redis pub/sub; "
                f"{os.cpu_count()} CPUs shared with the clients"
            )
            for count in options.players:
                print(report(run_class(app, servers, count, options.questions)), flush=True)
            with app.app_context():
                db.engine.dispose()
    finally:
        for server in servers:
            server.kill()  # at once: a graceful stop waits for open streams
        redis.stop()
        drop_database(options.postgres, name)
    print(f"({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
