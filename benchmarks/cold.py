"""Cold question: `zan ask --explain` on the bundled kb as a fresh process, against importing click, lark and pyDatalog."""

from __future__ import annotations

import sys

from common import PYTHON, median_of, ms, report, run

RUNS = 9
ASK = [PYTHON, "-m", "engine", "ask", "call(kunakbaev, P, Purpose)", "--at", "2025-03-10", "--explain"]
FLOOR = [PYTHON, "-c", "import click, lark, pyDatalog"]
TRUE_FLOOR = [PYTHON, "-c", "import click, pyDatalog"]   # a cached kb needs no lark


def main(runs: int = RUNS) -> None:
    for argv in (FLOOR, ASK):  # warm the bytecode, the grammar and the knowledge cache
        run(argv)
    floor = median_of(runs, lambda: run(FLOOR)[0])
    cold = median_of(runs, lambda: run(ASK)[0])
    true_floor = median_of(runs, lambda: run(TRUE_FLOOR)[0])
    report("cold question (zan ask --explain)", ms(cold), "floor " + ms(floor), cold / floor, "target <= 1.1x")
    report("  against click + pyDatalog alone", ms(cold), "floor " + ms(true_floor), cold / true_floor)
    uncached = median_of(3, lambda: run(["env", "ZAN_CACHE=0"] + ASK)[0])
    report("  same, knowledge cache off (ZAN_CACHE=0)", ms(uncached), "floor " + ms(floor), uncached / floor)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else RUNS)
