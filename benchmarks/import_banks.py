"""Time an import's YAML: quizapp's own writer against PyYAML's emitter, which it replaced.

Issue 12, item 2(a): a 1.9 MB Quizlet list (200,000 lines) spent 88 s in PyYAML's emitter (about
0.45 ms a line) and the gunicorn worker was killed at 30 s. Run: python benchmarks/import_banks.py
[--lines N]. Prints seconds per 10,000 Quizlet lines (each makes a question and a card) for
reading the list, writing its YAML both ways, and loading the result as the editor's check does,
and the ratio of the two writers; both outputs load to the same bank. Times are the best of
--repeat runs.
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from typing import Any

import yaml

from quizapp.core import load_bank_bytes
from quizapp.core.interchange import bank_yaml
from quizapp.core.interchange.quizlet import read_quizlet


class _OldDumper(yaml.SafeDumper):
    """The emitter quizapp used before (quizapp/core/interchange/common.py until issue 12)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


_OldDumper.add_representer(
    str,
    lambda dumper, value: dumper.represent_scalar(
        "tag:yaml.org,2002:str", value, style="|" if "\n" in value else None
    ),
)


def old_bank_yaml(imported: Any) -> str:
    bank: dict[str, Any] = {"title": imported.title, "questions": imported.questions, "cards": imported.cards}
    return yaml.dump(bank, Dumper=_OldDumper, sort_keys=False, allow_unicode=True, width=100)


def same_bank(one: Any, other: Any) -> bool:
    """The same questions and cards, wherever each stands in its file."""

    def without_lines(bank: Any) -> list[Any]:
        return [dataclasses.replace(item, line=0) for item in bank.questions + bank.cards]

    return without_lines(one) == without_lines(other)


def best(repeat: int, function: Any) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    source = "".join(f"term {n}\tthe definition of term {n}: a thing\n" for n in range(args.lines))
    per = 10_000 / args.lines
    read_time, imported = best(args.repeat, lambda: read_quizlet(source))
    new_time, new_text = best(args.repeat, lambda: bank_yaml(imported, "bench"))
    old_time, old_text = best(args.repeat, lambda: old_bank_yaml(imported))
    load_time, loaded = best(1, lambda: load_bank_bytes(new_text.encode(), "b.yaml", "b", lambda p: ""))
    old_loaded = load_bank_bytes(old_text.encode(), "b.yaml", "b", lambda p: "")
    assert loaded.problems == () and same_bank(loaded.bank, old_loaded.bank)
    size = len(new_text.encode())
    print(f"{args.lines:,} Quizlet lines ({len(source.encode()):,} bytes) -> {size:,} bytes of YAML")
    print(f"read the list          {read_time * per:7.3f} s per 10k lines")
    print(f"YAML, quizapp's writer {new_time * per:7.3f} s per 10k lines")
    print(f"YAML, PyYAML's emitter {old_time * per:7.3f} s per 10k lines")
    print(f"load it (the check)    {load_time * per:7.3f} s per 10k lines")
    print(f"ratio: PyYAML's emitter / quizapp's writer = {old_time / new_time:.1f}x")


if __name__ == "__main__":
    main()
