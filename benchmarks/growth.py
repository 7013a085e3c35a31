"""Knowledge base growth: parse + check, and lowering to IR, of generated kbs 10x and 100x the bundled one."""

from __future__ import annotations

import datetime
import sys
import time

from common import ROOT, SCRATCH, report
from generate import write_grown_kb

sys.path.insert(0, str(ROOT))

from engine import checks  # noqa: E402

from engine.logic import ir
from engine.syntax.knowledge import kb_files, load  # noqa: E402


def measure(folder) -> tuple[int, float, float]:
    start = time.perf_counter()
    kb = load(kb_files(folder))
    checks.run(kb)
    checked = time.perf_counter()
    ir.lower(kb, datetime.date(2025, 3, 10))
    return len(kb.norms), checked - start, time.perf_counter() - checked


def main(factors=(1, 10, 100), runs: int = 3) -> None:
    previous = None  # the per-norm time of the previous size is the reference: linear growth keeps it
    for factor in factors:
        folder = write_grown_kb(SCRATCH / f"kb-x{factor}", factor)
        samples = sorted((measure(folder) for _ in range(runs)), key=lambda m: m[1] + m[2])
        norms, check_time, lower_time = samples[len(samples) // 2]  # the median run
        per = (check_time + lower_time) / norms
        report(f"kb x{factor}: {norms} norms, parse+check / lower", f"{check_time:.2f} s / {lower_time:.2f} s",
               f"{per * 1000:.2f} ms/norm", per / previous if previous else None,
               "per-norm time vs the size before; target <= 1x (linear)")
        previous = per


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or (1, 10, 100))
