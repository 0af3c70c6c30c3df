"""The current time and fresh randomness, read at the edge and passed into the core.

Tests replace ``now`` to freeze or move the clock.
"""

from __future__ import annotations

import random
import secrets
from datetime import UTC, datetime


def now() -> datetime:
    return datetime.now(UTC)


def new_seed() -> int:
    return secrets.randbits(48)


def secure_random() -> random.Random:
    return random.SystemRandom()
