"""The banks the tests use: named files of the project's questions/, copied, never the folder itself.

The project's questions/ is a live folder: the app a developer runs from the checkout imports and
edits banks there. A test that copied the whole folder, or read it, saw those banks too (a quiz
list that began with an imported bank of 6 questions instead of the article's 55). So each test
copies the files it needs, listed here, into a folder of its own; and ``guard_project_banks``
fails the test during which anything under questions/ changed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = PROJECT_ROOT / "questions"
ARTICLE_BANK = QUESTIONS / "kosovo-peacekeepers.yaml"
BANK_FILES = ("kosovo-peacekeepers.yaml", "sources/kosovo-peacekeepers.txt")  # the article and its text


def copy_banks(target: Path) -> Path:
    """``target`` (created) holding a copy of the test banks, and nothing else from questions/."""
    for name in BANK_FILES:
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(QUESTIONS / name, destination)
    return target


def snapshot(folder: Path | None = None) -> dict[str, tuple[int, int]]:
    """Every file and folder under ``folder`` (questions/): its size and modification time (stat only)."""
    folder = folder or QUESTIONS
    return {str(path.relative_to(folder)): _stat(path) for path in folder.rglob("*")}


def _stat(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def assert_untouched(before: dict[str, tuple[int, int]], folder: Path | None = None) -> None:
    """AssertionError naming what changed under ``folder`` (questions/) since ``before``."""
    after = snapshot(folder)
    added = [f"added {name}" for name in sorted(after.keys() - before.keys())]
    removed = [f"removed {name}" for name in sorted(before.keys() - after.keys())]
    changed = [
        f"changed {name}" for name in sorted(before.keys() & after.keys()) if before[name] != after[name]
    ]
    found = added + removed + changed
    if found:
        raise AssertionError(
            f"the project's questions/ changed during this test ({', '.join(found[:5])}): a test must "
            "write to its own copy (the questions_dir fixture); if it was not a test, re-run without "
            "the app that changed it (a development server importing or editing banks there)"
        )


PROBE_BANK = "disclosure-probe"  # a bank of every question type, for the answer-disclosure tests
DRAFTS_ONLY_BANK = "drafts-only"  # a bank whose every question is `draft: true`


def probe_bank(visibility: str) -> str:
    flashcards = "" if visibility == "never" else "\n  flashcards: true"
    return f"""\
id: {PROBE_BANK}
title: Disclosure probe
source:
  title: "Kosovar Peacekeepers Sent On First Mission Abroad"
  path: sources/kosovo-peacekeepers.txt
settings:
  show_answers: {visibility}{flashcards}
questions:
  - id: destination
    type: single
    prompt: To which country has Kosovo sent an army platoon?
    choices: [Kuwait, Iraq, Afghanistan]
    answer: Kuwait
    explanation: EXPLANATION-ONE
    source: Kosovo has sent an army platoon to Kuwait
  - id: alliance
    type: short
    prompt: Which alliance carried out the 78-day air campaign?
    accept: [NATO]
    explanation: EXPLANATION-TWO
    source: a 78-day NATO air campaign
cards:
  - id: ksf
    term: Kosovo Security Force
    definition: EXPLANATION-CARD, the force turned into a regular army
"""


def assign_every_bank(app, max_attempts: int | None = None) -> None:
    """Every bank in service assigned to every class, as the upgrade to assignments left an
    existing database (no dates, the bank's time limit, study on; unlimited attempts unless
    ``max_attempts``). Pairs already assigned are left alone, so a test that adds a bank file
    calls it again. Tests of assignments themselves make their own."""
    from quizapp.db import assignment_store
    from quizapp.db.base import db
    from quizapp.db.models import Assignment, Classroom
    from quizapp.services import bank_library

    with app.app_context():
        library = bank_library.library()
        library.reload()
        library.sync_to_database()
        assigned = {(row.class_id, row.bank_id) for row in db.session.scalars(db.select(Assignment))}
        class_ids = db.session.scalars(db.select(Classroom.id)).all()
        db.session.rollback()
        for class_id in class_ids:
            for bank in library.catalog.banks:
                bank_id = assignment_store.bank_id_of(bank.slug)
                if bank_id is not None and (class_id, bank_id) not in assigned:
                    terms = assignment_store.AssignmentTerms(max_attempts=max_attempts)
                    assignment_store.create_assignment(class_id, bank_id, terms)


def open_for_practice(app, *slugs: str) -> None:
    """Mark these banks open practice for every student (the index then lists them to visitors)."""
    from quizapp.db import assignment_store
    from quizapp.services import bank_library

    with app.app_context():
        library = bank_library.library()
        library.reload()
        library.sync_to_database()
        for slug in slugs:
            assert assignment_store.set_bank_flags(slug, assignment_store.BankFlags(open_practice=True))


QUOTES_BANK = "two-quotes"  # questions whose answers rest on two quotes of the article
QUOTES_BANK_YAML = f"""\
id: {QUOTES_BANK}
title: Two quotes
source:
  title: "Kosovar Peacekeepers Sent On First Mission Abroad"
  publisher: RFE/RL
  path: sources/kosovo-peacekeepers.txt
settings:
  show_answers: immediately
  shuffle_questions: false
questions:
  - id: platoon-command
    type: true_false
    prompt: The unit Kosovo sent abroad will serve under an American state's National Guard.
    answer: true
    explanation: The platoon sent to Kuwait is under the command of the National Guard of Iowa.
    source:  # listed last paragraph first: shown in the article's order
      - under the command of the National Guard of Iowa
      - Kosovo has sent an army platoon to Kuwait
  - id: war-to-independence
    type: true_false
    prompt: Kosovo declared independence less than ten years after the war ended.
    answer: true
    explanation: The war ended in 1999, and Kosovo declared independence in 2008.
    source: [that ended in 1999, Kosovo declared independence from Serbia in 2008.]
"""
PARAGRAPH_OF_KUWAIT, PARAGRAPH_OF_IOWA, PARAGRAPH_OF_THE_WAR = 3, 10, 7  # from 1, as the source page's ids


def copy_banks_with_quotes(target: Path) -> Path:
    """``target`` holding the test banks and ``QUOTES_BANK`` beside them."""
    copy_banks(target)
    (target / f"{QUOTES_BANK}.yaml").write_text(QUOTES_BANK_YAML, encoding="utf-8")
    return target


# Two questions where one shows the other's answer ("Paris"): the give-away lint's smallest case.
GIVEAWAY_BANK = """\
title: Paris in spring
questions:
  - id: capital
    type: short
    prompt: What is the capital of France?
    accept: [Paris]
  - id: seine
    type: true_false
    prompt: Paris lies on the Seine.
    answer: true
"""
