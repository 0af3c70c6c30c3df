"""Load and validate a generated 10,000-question bank; print time and peak memory.

Target (issue 2): under 1 s and under 100 MB on one core. Run: python benchmarks/load_banks.py
Times are the best of --repeat runs; memory is measured in a separate run with tracemalloc
(which slows the code down, so it is never timed). The ratio line compares the bank load with
a bare ``yaml.safe_load`` of the same text, measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import yaml

from quizapp.core import load_bank_file

SOURCE = "Kosovo has sent an army platoon to Kuwait. A ceremony was held on March 9.\n"
TEMPLATES = [
    "  - id: q{n}\n    type: single\n    prompt: Question {n}, where was the platoon sent?\n"
    "    choices: [Kuwait, Iraq, Qatar, Oman]\n    answer: Kuwait\n"
    "    explanation: The article says so.\n    source: sent an army platoon to Kuwait\n"
    "    tags: [mission]\n",
    "  - id: q{n}\n    type: multiple\n    prompt: Question {n}, which apply?\n"
    "    choices: [a{n}, b{n}, c{n}, d{n}]\n    answers: [a{n}, b{n}]\n    explanation: Two.\n",
    "  - id: q{n}\n    type: true_false\n    prompt: Statement {n}.\n    answer: true\n",
    '  - id: q{n}\n    type: numeric\n    prompt: How many {n}?\n    answer: "5,000"\n    tolerance: 1%\n',
    "  - id: q{n}\n    type: short\n    prompt: Name {n}?\n    accept: [Kuwait, State of Kuwait]\n"
    "    typos: true\n",
    "  - id: q{n}\n    type: cloze\n    prompt: Sent to {{{{1}}}} on March {{{{2}}}}.\n"
    '    blanks: [[Kuwait], ["9"]]\n',
    "  - id: q{n}\n    type: ordering\n    prompt: Order {n}\n"
    "    items: [first {n}, second {n}, third {n}]\n",
    "  - id: q{n}\n    type: matching\n    prompt: Match {n}\n    pairs:\n"
    "      - {{left: a{n}, right: x{n}}}\n      - {{left: b{n}, right: y{n}}}\n",
]


def generate(folder: Path, count: int) -> Path:
    (folder / "sources").mkdir()
    (folder / "sources" / "a.txt").write_text(SOURCE)
    parts = ["title: Big\nsource:\n  title: A\n  path: sources/a.txt\nquestions:\n"]
    parts += [TEMPLATES[n % len(TEMPLATES)].format(n=n) for n in range(count)]
    path = folder / "big.yaml"
    path.write_text("".join(parts))
    return path


def best_time(function, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


_PEAK_RSS = "import re; print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))"


def _fresh_process_rss(path: Path | None) -> float:
    """Peak resident memory (VmHWM) of a new interpreter that loads the bank, or does nothing.

    Measured in a child process: ``ru_maxrss`` would count this benchmark's own memory too.
    """
    code = ""
    if path is not None:
        code = (
            "from pathlib import Path\nfrom quizapp.core import load_bank_file\n"
            f"load_bank_file(Path({str(path)!r}))\n"
        )
    output = subprocess.run(
        [sys.executable, "-c", code + _PEAK_RSS], capture_output=True, text=True, check=True
    ).stdout
    return round(int(output) / 1024, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = generate(Path(tmp), args.questions)
        result = load_bank_file(path)
        assert result.problems == (), result.problems[:3]
        assert len(result.bank.questions) == args.questions
        text = path.read_text()
        load_seconds = best_time(lambda: load_bank_file(path), args.repeat)
        baseline = best_time(
            lambda: yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)), args.repeat
        )
        tracemalloc.start()
        load_bank_file(path)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        figures = {
            "questions": args.questions,
            "file_bytes": path.stat().st_size,
            "load_and_validate_seconds": round(load_seconds, 3),
            "peak_python_memory_mb": round(peak / 2**20, 1),
            "fresh_process_max_rss_mb": _fresh_process_rss(path),
            "bare_interpreter_max_rss_mb": _fresh_process_rss(None),
            "yaml_safe_load_seconds": round(baseline, 3),
            "ratio_load_to_safe_load": round(load_seconds / baseline, 2),
            "libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
        }
    print(json.dumps(figures, indent=2))
    target_ok = load_seconds < 1.0 and figures["fresh_process_max_rss_mb"] < 100
    print(f"target (< 1 s, < 100 MB): {'met' if target_ok else 'NOT met'}")


if __name__ == "__main__":
    main()
