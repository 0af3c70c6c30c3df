"""Print, for each import fixture under tests/fixtures/interop/ (Moodle GIFT and Quizlet text),
how many questions or terms it holds, how many were imported, how many came in with a change,
and each skipped one with its line and reason (from the import report). Anki exports are made
at test time with Anki's own library (tests/core/interchange/test_anki_exports.py).

    python scripts/gift_fixture_table.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizapp.core.interchange.common import Imported  # noqa: E402
from quizapp.core.interchange.gift import read_gift  # noqa: E402
from quizapp.core.interchange.quizlet import QuizletSeparators, read_quizlet  # noqa: E402

INTEROP = ROOT / "tests" / "fixtures" / "interop"
# the separators each Quizlet fixture was exported with (the import page's choice)
QUIZLET = {
    "quizlet-tab.txt": QuizletSeparators(),
    "quizlet-comma-semicolon.txt": QuizletSeparators(",", ";"),
    "quizlet-custom.txt": QuizletSeparators(" :: ", "$$"),
}


def _read(path: Path) -> Imported:
    text = path.read_text(encoding="utf-8")
    return read_gift(text) if path.suffix == ".gift" else read_quizlet(text, QUIZLET[path.name])


def rows() -> list[tuple[str, int, int, int, list[str]]]:
    table = []
    for path in sorted([*INTEROP.glob("*.gift"), *(INTEROP / name for name in QUIZLET)]):
        imported = _read(path)
        kept = len(imported.questions) if path.suffix == ".gift" else len(imported.cards)
        skipped = [f"line {note.line}: {note.text}" for note in imported.skipped]
        changed = len({note.line for note in imported.notes})
        table.append((path.name, kept + len(skipped), kept, changed, skipped))
    return table


def main() -> None:
    print(
        "| file | questions (GIFT) or terms (Quizlet) in file | imported | of those changed | skipped (why) |"
    )
    print("|---|---|---|---|---|")
    for name, total, done, changed, skipped in rows():
        why = "; ".join(skipped) or "none"
        print(f"| {name} | {total} | {done} | {changed} | {len(skipped)}: {re.sub(r'[|]', '/', why)} |")


if __name__ == "__main__":
    main()
