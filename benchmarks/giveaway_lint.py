"""Time the give-away lint on generated clean banks of growing size; print time and ratio to the smallest.

Issue 15's attack: the lint was quadratic (250 questions 1.5 s, 1,000 27 s, 2,000 115 s), and the
editor asks for the warnings on every open. Run: python benchmarks/giveaway_lint.py [--sizes ...]
Each bank is loaded first (not timed); the figure is the best of --repeat runs of
``find_giveaways`` alone, and its ratio to the smallest bank's, measured in the same run: a
linear lint doubles with the bank, a quadratic one quadruples.
"""

from __future__ import annotations

import argparse
import json
import random
import textwrap

from load_banks import best_time

from quizapp.core import load_bank_bytes
from quizapp.core.bank_schema import SourceUnavailable
from quizapp.core.giveaways import find_giveaways

# 200 three-letter nonsense words: a small vocabulary, so every prompt shares words with every answer
WORDS = sorted(
    {
        "bcdfghjklmnpqrstvwxz"[k % 20] + "aeiou"[k // 20 % 5] + "bcdfghjklmnpqrstvwxz"[k // 100 % 20]
        for k in range(200)
    }
)


def clean_bank(size: int) -> str:
    """``size`` single-choice questions whose answers are six words in alphabetical order (the
    wrong choices are the same words shuffled), and whose 80-word prompts, over the same
    vocabulary, list their words in reverse order: every prompt has words of every answer, and
    almost none gives one away (a bank a teacher has cleaned of its warnings)."""
    rng = random.Random(1)
    lines = ["title: Big", "questions:"]
    for number in range(size):
        answer = sorted(rng.sample(WORDS, 6))
        wrong: list[str] = []
        while len(wrong) < 3:
            shuffled = answer[:]
            rng.shuffle(shuffled)
            text = " ".join(shuffled)
            if text != " ".join(answer) and text not in wrong:
                wrong.append(text)
        prompt = " ".join(sorted({rng.choice(WORDS) for _ in range(80)}, reverse=True))
        lines += [f"  - id: q{number}", "    type: single", f'    prompt: "Which? {prompt}"', "    choices:"]
        lines += [f'      - "{choice}"' for choice in [" ".join(answer), *wrong]]
        lines += [f'    answer: "{" ".join(answer)}"']
    return "\n".join(lines) + "\n"


def _no_source(path: str) -> str:
    raise SourceUnavailable("no sources in a generated bank")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    figures = []
    for size in args.sizes:
        text = textwrap.dedent(clean_bank(size)).encode("utf-8")
        result = load_bank_bytes(text, "big.yaml", "big", _no_source)
        assert result.bank is not None, [str(problem) for problem in result.problems[:3]]
        giveaways = len(find_giveaways(result.bank))
        seconds = best_time(lambda bank=result.bank: find_giveaways(bank), args.repeat)
        figures.append({"questions": size, "giveaways": giveaways, "lint_seconds": round(seconds, 3)})
    for row in figures:
        row["ratio_to_smallest"] = round(row["lint_seconds"] / max(figures[0]["lint_seconds"], 1e-9), 1)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
