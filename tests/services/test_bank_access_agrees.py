"""``assignments.access`` (one bank, one query: the pages of a bank) and ``assignments.accesses``
(every bank: the lists) read a student's assignments two ways and end in the one decision
(``core.visibility.bank_access`` through ``_decided``): here they give the same answer in every
case, at times before and after the openings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from quizapp.core.visibility import NONE, BankAccess
from quizapp.db import account_store, assignment_store
from quizapp.db.base import db
from quizapp.services import accounts, assignments
from quizapp.services.assignments import AssignmentTerms, BankFlags
from tests.helpers.assignments import (
    BANK,
    accommodate,
    add_assignment,
    assigned_to_tinas_class_alone,
    clear_tinas_class,
)
from tests.helpers.banks import DRAFTS_ONLY_BANK as DRAFTS

T = datetime(2030, 3, 1, 12, tzinfo=UTC)
TIMES = (T - timedelta(days=3), T, T + timedelta(days=2))  # before, at and after the opening


def _flags(slug: str, **flags) -> Callable:
    def change(app, people) -> None:
        with app.app_context():
            assignments.set_bank_flags(slug, BankFlags(**flags), T)

    return change


def _opening_later(app, people, **terms) -> int:
    return assigned_to_tinas_class_alone(app, people, opens_at=T + timedelta(days=1), **terms)


def _archived(app, people) -> None:
    with app.app_context():
        accounts.archive_class(people.teacher, people.class_id, T - timedelta(days=10))


def _other_class_only(app, people) -> None:
    clear_tinas_class(app, people)
    with app.app_context():
        bank_id = assignment_store.bank_id_of(BANK)
        assignment_store.create_assignment(people.other_class_id, bank_id, AssignmentTerms())


SCENARIOS: dict[str, tuple[Callable, dict[datetime, BankAccess]]] = {
    # each: how to set it up, and what Sam may then do with the article at each time
    "assigned, study on": (lambda app, people: None, dict.fromkeys(TIMES, BankAccess(True, True, True))),
    "not yet open": (
        _opening_later,
        {
            TIMES[0]: BankAccess(True, False, False),
            TIMES[1]: BankAccess(True, False, False),
            TIMES[2]: BankAccess(True, True, True),
        },
    ),
    "study off": (
        lambda app, people: assigned_to_tinas_class_alone(app, people, study=False),
        dict.fromkeys(TIMES, BankAccess(True, True, False)),
    ),
    "closed (due in the past)": (
        lambda app, people: assigned_to_tinas_class_alone(app, people, due_at=T - timedelta(days=5)),
        dict.fromkeys(TIMES, BankAccess(True, True, True)),
    ),
    "his own earlier opening": (
        lambda app, people: accommodate(
            app, people, _opening_later(app, people), "sam", opens_at=T - timedelta(days=1)
        ),
        {
            TIMES[0]: BankAccess(True, False, False),
            TIMES[1]: BankAccess(True, True, True),
            TIMES[2]: BankAccess(True, True, True),
        },
    ),
    "a later one studies, an open one does not": (
        lambda app, people: (
            assigned_to_tinas_class_alone(app, people, study=False),
            add_assignment(app, people, opens_at=T + timedelta(days=1)),
        ),
        {
            TIMES[0]: BankAccess(True, True, False),
            TIMES[1]: BankAccess(True, True, False),
            TIMES[2]: BankAccess(True, True, True),
        },
    ),
    "another class's only": (_other_class_only, dict.fromkeys(TIMES, NONE)),
    "class archived": (_archived, dict.fromkeys(TIMES, NONE)),
    "hidden": (_flags(BANK, published=False), dict.fromkeys(TIMES, NONE)),
    "open practice, no assignment": (
        lambda app, people: (clear_tinas_class(app, people), _flags(BANK, open_practice=True)(app, people)),
        dict.fromkeys(TIMES, BankAccess(True, True, True)),
    ),
}


def _both(app, username: str, when: datetime) -> dict[str, BankAccess]:
    """Every bank's access both ways (and an unknown id's), asserting they agree."""
    with app.app_context():
        db.session.rollback()
        account = account_store.account_by_username(username)
        listed = assignments.accesses(account, when)
        slugs = [*assignment_store.bank_flags(), "no-such-bank"]
        one = {slug: assignments.access(account, slug, when) for slug in slugs}
        if not account.is_teacher:
            assert one == {slug: listed.get(slug, NONE) for slug in slugs}
        else:
            assert all(one[slug] == listed[slug] for slug in listed)
        return one


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_one_bank_and_every_bank_give_the_same_access(app, people, banks_with_drafts, scenario):
    arrange, expected = SCENARIOS[scenario]
    arrange(app, people)
    for when in TIMES:
        sam = _both(app, "sam", when)
        assert sam[BANK] == expected[when], when
        assert sam[DRAFTS] == NONE  # nothing to take: shown to no student
        _both(app, "oleg", when)
        _both(app, "tina", when)
