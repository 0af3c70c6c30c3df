"""Print, for each GIFT fixture under tests/fixtures/interop/, how many questions it holds, how
many were imported, and each skipped one with its line and reason (from the import report).

    python scripts/gift_fixture_table.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizapp.core.interchange.gift import read_gift  # noqa: E402

INTEROP = ROOT / "tests" / "fixtures" / "interop"


def rows() -> list[tuple[str, int, int, list[str]]]:
    table = []
    for path in sorted(INTEROP.glob("*.gift")):
        imported = read_gift(path.read_text(encoding="utf-8"))
        skipped = [f"line {note.line}: {note.text}" for note in imported.skipped]
        table.append((path.name, len(imported.questions) + len(skipped), len(imported.questions), skipped))
    return table


def main() -> None:
    print("| file | questions in file | imported | skipped (why) |")
    print("|---|---|---|---|")
    for name, total, done, skipped in rows():
        why = "; ".join(skipped) or "none"
        print(f"| {name} | {total} | {done} | {len(skipped)}: {re.sub(r'[|]', '/', why)} |")


if __name__ == "__main__":
    main()
