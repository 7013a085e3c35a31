"""Cold question: `zan ask --explain` on the bundled kb as a fresh process, against importing click, lark and pyDatalog.

Both wall and CPU time (user + sys of the process) are medians of the same runs; on a shared machine the CPU
ratio is the steadier one (docs/performance.md).
"""

from __future__ import annotations

import statistics
import sys

from common import PYTHON, report, run_measured

RUNS = 9
ASK = [PYTHON, "-m", "engine", "ask", "call(kunakbaev, P, Purpose)", "--at", "2025-03-10", "--explain"]
FLOOR = [PYTHON, "-c", "import click, lark, pyDatalog"]
TRUE_FLOOR = [PYTHON, "-c", "import click, pyDatalog"]   # a cached kb needs no lark


def timed(runs: int, *commands: list[str]) -> list[tuple[float, float]]:
    """Medians of (wall seconds, CPU seconds) of each command, the commands run in turn (one of each per round, so
    that a change in the machine's load falls on all of them alike)."""
    measured: list[list] = [[] for _ in commands]
    for _ in range(runs):
        for argv, times in zip(commands, measured):
            times.append(run_measured(argv))
    return [(statistics.median(m[0] for m in times), statistics.median(m[2] for m in times)) for times in measured]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main(runs: int = RUNS) -> None:
    for argv in (FLOOR, ASK):  # warm the bytecode, the grammar and the knowledge cache
        run_measured(argv)
    floor, cold, true_floor = timed(runs, FLOOR, ASK, TRUE_FLOOR)
    report("cold question (zan ask --explain), wall", ms(cold[0]), "floor " + ms(floor[0]), cold[0] / floor[0], "target <= 1.1x")
    report("  the same, CPU", ms(cold[1]), "floor " + ms(floor[1]), cold[1] / floor[1], "target <= 1.1x")
    report("  against click + pyDatalog alone, CPU", ms(cold[1]), "floor " + ms(true_floor[1]), cold[1] / true_floor[1])
    uncached, = timed(3, ["env", "ZAN_CACHE=0"] + ASK)
    report("  knowledge cache off (ZAN_CACHE=0), CPU", ms(uncached[1]), "floor " + ms(floor[1]), uncached[1] / floor[1])


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else RUNS)
