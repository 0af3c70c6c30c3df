"""One-time password slips: the passwords a teacher just made (adding students, a roster, a
reset), kept on the server for ``SLIP_LIFETIME`` so that the class page can print them, one
cut-out slip per student, or give them as CSV; then deleted.

A slip is shown only while its password is still of use: the student is in the class and has
not logged in with it (nor been given a newer one). It is deleted, in every class, as soon as
it is of no use (``account_store.forget_slips_of``: spent, replaced by the student's own or by a
newer one-time password of any teacher), and expired ones at every login and class page.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from quizapp.core.file_names import class_file_name_part
from quizapp.db import short_lived_store
from quizapp.db.account_store import Account, ClassInfo
from quizapp.db.short_lived_store import Slip
from quizapp.services.export_formats import Columns, csv_chunks

__all__ = ["SLIP_LIFETIME", "Slip", "csv_file_name", "keep", "of_class", "slips_csv"]

SLIP_LIFETIME = timedelta(minutes=10)
CSV_COLUMNS = Columns(("name", "username", "one_time_password", "address"), text=(0, 1, 2, 3))


def keep(class_id: int, created: Iterable[tuple[Account, str]], now: datetime) -> None:
    """Keep the one-time passwords just made for students of the class, for ``SLIP_LIFETIME``."""
    passwords = [(account.id, password) for account, password in created]
    if passwords:
        short_lived_store.keep_slips(class_id, passwords, now, now + SLIP_LIFETIME)


def of_class(class_id: int, now: datetime) -> list[Slip]:
    """The class's slips still of use, by name; expired ones are deleted."""
    short_lived_store.delete_expired(now)
    return short_lived_store.slips_of_class(class_id, now)


def slips_csv(slips: Iterable[Slip], address: str) -> bytes:
    """The slips as CSV (name, username, one-time password, the address to log in at), every
    cell kept from running as a spreadsheet formula."""
    rows = ((slip.display_name, slip.username, slip.password, address) for slip in slips)
    return b"".join(csv_chunks(CSV_COLUMNS, rows))


def csv_file_name(classroom: ClassInfo) -> str:
    """The slips' CSV file's name, with its class's: "one-time-passwords-history-9b.csv"."""
    return f"one-time-passwords-{class_file_name_part([(classroom.id, classroom.name)])}.csv"
