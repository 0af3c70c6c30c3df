"""Live quizzes on two real app servers (gunicorn, gthread) sharing the database and a Redis of
the test's own (issue 19, "built to run on several app servers"): every state change reaches
every player on either server; a server killed with kill -9 mid-question loses no acknowledged
answer and its players carry on on the other; Redis killed and started again mid-session: the
session goes on by the database poll, and the host is told while changes cannot be published."""

from __future__ import annotations

from sqlalchemy import text

from quizapp.db.base import db
from tests.helpers.live_clients import SHORT_QUESTIONS, Host, Player, wait_until
from tests.helpers.live_servers import PASSWORD

SLOWER = "message service is down"


def join(players: list[Player], servers, pin: str, count: int) -> list[Player]:
    """``count`` guests, alternately on each server, each following the stream."""
    for n in range(count):
        own = [servers[n % 2].url, servers[(n + 1) % 2].url]
        players.append(Player(own, pin, f"Guest {n}").join().listen())
    return players


def everyone_has(players: list[Player], seq: int, timeout: float = 5.0) -> bool:
    return wait_until(lambda: all(player.has(seq) for player in players), timeout)


def answers_stored(app, live_id: int) -> set[tuple[int, str]]:
    with app.app_context():
        rows = db.session.execute(
            text(
                "SELECT a.question_index, p.nickname FROM live_answers a "
                "JOIN live_players p ON p.id = a.player_id WHERE a.session_id = :id"
            ),
            {"id": live_id},
        )
        found = {(int(index), nickname) for index, nickname in rows}
        db.session.rollback()
        return found


def test_every_state_change_reaches_every_player_on_both_servers(app, two_servers):
    servers, players = two_servers
    host = Host(servers[0].url, "teacher", PASSWORD).open(SHORT_QUESTIONS[:2])
    join(players, servers, host.pin, 6)
    assert everyone_has(players, 0)  # the lobby
    for seq, action in enumerate(("start", "reveal", "next", "reveal", "next"), start=1):  # then the podium
        status, _ = host.act(action)
        assert status == 302
        assert everyone_has(players, seq, timeout=3.0), (action, [sorted(p.received) for p in players])
    assert all("You finished in place" in player.last_html for player in players)
    assert all(set(player.statuses) == {200, 302} for player in players)


def test_kill_9_of_one_server_mid_question_loses_no_acknowledged_answer(app, two_servers):
    servers, players = two_servers
    host = Host(servers[1].url, "teacher", PASSWORD).open(SHORT_QUESTIONS[:2])
    join(players, servers, host.pin, 8)
    assert everyone_has(players, 0)
    host.act("start")
    assert everyone_has(players, 1)
    acknowledged: set[tuple[int, str]] = set()
    for n, player in enumerate(players):
        if n == 4:
            servers[0].kill()  # the players of server 0 who have not answered yet lose it
        if player.answer(0, "CENTCOM") == 302:
            acknowledged.add((0, player.nickname))
    assert len(acknowledged) >= 6  # 4 before the kill, and server 1's after it
    moved = players[::2]
    assert wait_until(lambda: all(p.url == servers[1].url for p in moved), 5.0)
    for player in moved:  # their next try goes to the server that is left, with the same cookie
        if (0, player.nickname) not in acknowledged and player.answer(0, "CENTCOM") == 302:
            acknowledged.add((0, player.nickname))
    assert len(acknowledged) == len(players)
    host.act("reveal")
    assert everyone_has(players, 2)  # the reveal reaches those that moved too
    assert acknowledged <= answers_stored(app, host.live_id)
    assert f"{len(players)} of {len(players)} answers right" in host.page()
    assert all(player.reconnects >= 1 for player in moved)


def test_redis_restarted_mid_session_the_session_goes_on_and_the_host_is_told(app, two_servers, redis_server):
    servers, players = two_servers
    host = Host(servers[0].url, "teacher", PASSWORD).open(SHORT_QUESTIONS[:2])
    join(players, servers, host.pin, 4)
    assert everyone_has(players, 0)
    host.act("start")
    assert everyone_has(players, 1, timeout=2.0)
    assert SLOWER not in host.page()

    redis_server.stop()
    for player in players:
        assert player.answer(0, "CENTCOM") == 302
    host.act("reveal")  # cannot be published: the other server's players find it by the poll
    assert everyone_has(players, 2, timeout=3.0)
    assert SLOWER in host.page()

    redis_server.start()
    assert wait_until(lambda: SLOWER not in host.page(), 5.0, step=0.2)
    host.act("next")
    assert everyone_has(players, 3, timeout=2.0)
    assert answers_stored(app, host.live_id) == {(0, player.nickname) for player in players}
