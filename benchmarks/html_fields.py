"""Time an HTML field's conversion to the bank's Markdown (GIFT's [html], Anki's HTML notes).

A 500 KB [html] field of "<b>x</b>" took 16 s and 2 MB 255 s: each piece was added to a growing
line (copying it), side-by-side code spans were searched again as they grew, and the whole
Markdown was rendered to check it. Run: python benchmarks/html_fields.py [--small N]. Prints
seconds for fields of --small characters, ten and a hundred times that, for several kinds of
markup, and the ratio of each time to the one before: near 10 when the cost grows with the
field's length (a quadratic cost: 100). The check that renders the Markdown runs only while it
is at most a field's length (MAX_TEXT), so the last ratio is often lower: the larger field
skips it. Fields longer than html_text.MAX_HTML are only read as text, so the sizes stay below
it. Times are the best of --repeat runs.
"""

from __future__ import annotations

import argparse
import itertools
import time

from quizapp.core.interchange.html_text import MAX_HTML, html_to_markdown

UNITS = {
    "plain words": "ab ",
    "<b>x</b>": "<b>x</b>",
    "<b>x</b> (blanks between)": "<b>x</b> ",
    "<code>a</code>": "<code>a</code>",
    "a<br>": "a<br>",
    "<li>a</li>": "<li>a</li>",
    "&amp;<i>copy;</i>": "&amp;<i>copy;</i>",
    "nested 8 deep": "<div><b><i><ul><li><b><code>x</code></b></li></ul></i></b></div>",
}


def best(repeat: int, markup: str) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        html_to_markdown(markup)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=MAX_HTML // 100, help="the smallest field's length")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = (args.small, 10 * args.small, 100 * args.small)
    if sizes[-1] > MAX_HTML:
        parser.error(f"--small at most {MAX_HTML // 100:,}: a longer field is only read as text")
    print(f"{'markup':28}" + "".join(f" {size:>10,}" for size in sizes) + "   ratios")
    for name, unit in UNITS.items():
        times = [best(args.repeat, unit * (size // len(unit))) for size in sizes]
        ratios = "  ".join(f"{later / earlier:5.1f}" for earlier, later in itertools.pairwise(times))
        print(f"{name:28}" + "".join(f" {seconds:9.3f}s" for seconds in times) + f"  {ratios}")


if __name__ == "__main__":
    main()
