"""The PIN players type to join: six digits, from a random source the caller gives (the
services pass ``secrets.SystemRandom``; tests a seeded one). One of a million; wrong PINs
are limited per address (docs/live.md), and a PIN works only while its session is active."""

from __future__ import annotations

import random

PIN_LENGTH = 6


def new_pin(rng: random.Random) -> str:
    return f"{rng.randrange(10**PIN_LENGTH):0{PIN_LENGTH}d}"


def clean_pin(typed: str) -> str | None:
    """A typed PIN with spaces and dashes removed, or None if it cannot be one."""
    digits = "".join(ch for ch in typed if ch not in " -")
    return digits if len(digits) == PIN_LENGTH and digits.isascii() and digits.isdigit() else None
