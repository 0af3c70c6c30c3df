"""People and classes: roles, what a username may be, and how join codes are made."""

from __future__ import annotations

import random
import re
import unicodedata
from datetime import datetime, timedelta
from enum import StrEnum


class Role(StrEnum):
    STUDENT = "student"
    TEACHER = "teacher"


USERNAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{1,39}")
USERNAME_RULE = "2 to 40 characters: letters, digits, '.', '_' or '-', starting with a letter or digit"
MIN_PASSWORD_LENGTH = 8
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I/L to misread
JOIN_CODE_LENGTH = 8
# A password a teacher made works until its student chooses their own, but no longer than this: a
# slip left on a desk, or a photo of it, stops opening the account (a reset makes a new one).
ONE_TIME_PASSWORD_LIFETIME = timedelta(days=7)
NAME_MAX_LENGTH = 100  # a person's or a class's name; the database columns are as long


def normalize_username(username: str) -> str:
    return username.strip().lower()


def valid_username(username: str) -> bool:
    return USERNAME_PATTERN.fullmatch(normalize_username(username)) is not None


def normalize_join_code(code: str) -> str:
    """Join codes are read aloud and typed by children: ignore case, spaces and dashes."""
    return re.sub(r"[\s-]", "", code).upper()


def shown_join_code(code: str) -> str:
    """Join codes read in two halves, "K7QM-3XPA", wherever they are shown (pages, commands); the
    dash is optional when typed."""
    return f"{code[:4]}-{code[4:]}" if len(code) == JOIN_CODE_LENGTH else code


# Controls (tab, ESC: a name reached terminals through `flask export-scores`), formats (the
# right-to-left override, zero-width spaces), lone surrogates, and line and paragraph separators.
_REFUSED_IN_NAMES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
# ...but the zero-width non-joiner and joiner spell words in Persian and Indic scripts, and join
# emoji sequences: formats, yet harmless.
_JOINERS = frozenset("\u200c\u200d")
# Letters and a symbol that draw nothing: the Hangul fillers and the blank Braille pattern.
_BLANK_GLYPHS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def _visible(char: str) -> bool:
    """Not a space, a control, a format, a mark on its own, private or unassigned, nor a glyph
    that draws nothing."""
    return unicodedata.category(char)[0] not in "ZCM" and char not in _BLANK_GLYPHS


def unprintable(text: str) -> bool:
    """Whether the text holds a control or formatting character (joiners aside), a lone
    surrogate or a line or paragraph separator: refused in names and titles."""
    return any(unicodedata.category(c) in _REFUSED_IN_NAMES and c not in _JOINERS for c in text)


def blank(text: str) -> bool:
    """Whether the text draws nothing a reader could see."""
    return not any(_visible(c) for c in text)


def name_problem(name: str) -> str | None:
    """What is wrong with a person's or a class's name, or None: pages, rosters and commands
    alike (blank names made rows nobody could click; long ones do not fit the column; names of
    invisible characters looked blank, and control characters reached teachers' terminals)."""
    if not name.strip():
        return "a name may not be blank"
    return shown_text_problem(name, "a name", NAME_MAX_LENGTH)


def shown_text_problem(text: str, noun: str, max_length: int, empty_hint: str = "") -> str | None:
    """What is wrong with a text people will see in rows and headings (a name, a title), or None:
    too long for its column, control characters that reach terminals, or nothing visible."""
    if len(text) > max_length:
        return f"{noun} may be at most {max_length} characters long"
    if unprintable(text):
        return f"{noun} may not contain control or formatting characters (a tab, an escape, a direction mark)"
    if blank(text):
        return f"{noun} needs at least one visible letter, digit or sign{empty_hint}"
    return None


def class_name_key(name: str) -> str:
    """What makes two class names the same to a teacher: "Geography 10A" and " geography  10a"
    are one name (case, accents' forms and blanks do not count), so a teacher has one class of it."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def new_join_code(rng: random.Random) -> str:
    return "".join(rng.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def new_password(rng: random.Random, words: int = 3) -> str:
    """A one-time password a teacher can read out: e.g. "kuwait-river-73-lamp"."""
    vocabulary = [
        "river", "lamp", "cloud", "stone", "maple", "tiger", "piano", "orbit", "amber", "cedar",
        "delta", "ember", "fable", "glade", "harbor", "island", "jungle", "koala", "lemon", "meadow",
        "nectar", "olive", "pepper", "quartz", "robin", "saddle", "tulip", "umber", "violet", "willow",
    ]  # fmt: skip
    parts = [rng.choice(vocabulary) for _ in range(words)]
    parts.insert(1, str(rng.randrange(10, 100)))
    return "-".join(parts)


def one_time_password_expired(made_at: datetime | None, now: datetime) -> bool:
    """Whether a one-time password made at ``made_at`` is past ``ONE_TIME_PASSWORD_LIFETIME``
    (None: made before its time was kept, by an older version: it still works)."""
    return made_at is not None and now - made_at > ONE_TIME_PASSWORD_LIFETIME
