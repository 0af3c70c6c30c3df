"""Time the GIFT reader on hostile inputs of growing size; print time and ratio to the smallest.

Issue 16's attack: a comment line of "[id:" repeated (Moodle's id/tag pattern backtracks: 20 KB
took 27 s, 40 KB 149 s) and thousands of questions with one title (ids were numbered from -2
again for each: 12,500 took 260 s). Both should now grow linearly: ten times the input, about
ten times the time. Run: python benchmarks/hostile_imports.py [--sizes 20000 200000] [--repeat 3]
"""

from __future__ import annotations

import argparse

from load_banks import best_time

from quizapp.core.interchange.gift import read_gift


def id_comments(size: int) -> str:
    return "// " + "[id:" * (size // 4) + "]\nQ {=a}\n"


def same_titles(size: int) -> str:
    return "\n\n".join(["::Q::Which? {=a}"] * (size // 18))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 200_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for name, make in (
        ("comment of '[id:' repeated", id_comments),
        ("questions with one title", same_titles),
    ):
        first = None
        for size in args.sizes:
            source = make(size)
            seconds = best_time(lambda source=source: read_gift(source), args.repeat)
            first = first or seconds
            print(f"{name:32} {len(source):>9,} characters  {seconds:8.3f} s  x{seconds / first:5.1f}")


if __name__ == "__main__":
    main()
