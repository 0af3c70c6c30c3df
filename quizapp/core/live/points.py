"""Points for a live answer, Kahoot-style, and the standings (docs/live.md).

An answer earns ``round(MAX_POINTS x fraction x (1 - elapsed / limit / 2))``: a right answer
given at once earns 1000, one given as time runs out 500; ``fraction`` is the existing score
fraction of the answer (``core.scoring``: 1 right, 0 wrong, partial credit where the question
type gives some). Standings rank by points, most first; equal points share a place and the next
place skips as many ("1, 2, 2, 2, 5": competition ranking), listed by name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from fractions import Fraction

MAX_POINTS = 1000


def live_points(fraction: Fraction, elapsed: timedelta, limit: timedelta) -> int:
    if fraction <= 0:
        return 0
    share = min(max(elapsed / limit, 0.0), 1.0) if limit > timedelta(0) else 1.0
    return round(MAX_POINTS * float(fraction) * (1 - share / 2))


@dataclass(frozen=True, slots=True)
class Standing:
    player_id: int
    name: str
    points: int
    place: int  # 1-based; equal points share a place


def standings(names: Mapping[int, str], points: Mapping[int, int]) -> tuple[Standing, ...]:
    """Every player, ranked (a player with no points has 0)."""
    ordered = sorted(names, key=lambda pid: (-points.get(pid, 0), names[pid].casefold(), pid))
    ranked: list[Standing] = []
    for position, pid in enumerate(ordered, start=1):
        earned = points.get(pid, 0)
        place = ranked[-1].place if ranked and ranked[-1].points == earned else position
        ranked.append(Standing(pid, names[pid], earned, place))
    return tuple(ranked)
