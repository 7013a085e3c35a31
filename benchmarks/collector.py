"""What the collector's batch policy saves (engine/base/collector.py), measured in the same run: each command as a
fresh process with the policy (the default) and with `ZAN_GC=default` (the interpreter's own thresholds, nothing
frozen), `ZAN_GC_REPORT=1` saying how many collections ran and the CPU they took; CPU seconds of the whole process.

`python benchmarks/collector.py [N] [RUNS]`: the cold question (median of RUNS, default 9) and the realistic
register of N convicts as JSON Lines with brief traces (default 3000; one run each).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

from common import PYTHON, ROOT, SCRATCH, environment, report
from register import AT, write_register

COLD = [PYTHON, "-m", "engine", "ask", "call(kunakbaev, P, Purpose)", "--at", "2025-03-10", "--explain"]


def measured(argv: list[str], policy: str) -> tuple[float, float, str]:
    """(CPU seconds of the process, of its collections, the collector's line) for one run."""
    env = environment()
    env["ZAN_GC_REPORT"] = "1"
    if policy == "default":
        env["ZAN_GC"] = "default"
    else:
        env.pop("ZAN_GC", None)
    process = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _out, err = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"failed: {' '.join(argv)}")
    line = next((l for l in err.splitlines() if l.startswith("collector:")), "")
    collector_ms = float(line.split(" ms CPU")[0].rsplit(" ", 1)[1]) if line else 0.0
    return _cpu_of_last_child(), collector_ms / 1000, line


_last = [0.0]


def _cpu_of_last_child() -> float:
    """CPU seconds (user + sys) of the children waited for since the last call."""
    times = os.times()
    total = times.children_user + times.children_system
    spent, _last[0] = total - _last[0], total
    return spent


def main(convicts: int = 3000, runs: int = 9) -> None:
    _cpu_of_last_child()
    for argv in (COLD, COLD):   # warm the bytecode and the cache
        measured(argv, "batch")
    cold = {p: [measured(COLD, p) for _ in range(runs)] for p in ("default", "batch")}
    for policy in ("default", "batch"):
        cpu = statistics.median(c for c, _g, _l in cold[policy])
        gc_cpu = statistics.median(g for _c, g, _l in cold[policy])
        report(f"cold question, collector policy {policy}", f"{cpu * 1000:.1f} ms CPU", f"collections {gc_cpu * 1000:.1f} ms",
               None, cold[policy][0][2])
    facts, _count = write_register(SCRATCH / f"realistic-{convicts}.facts", convicts)
    argv = [PYTHON, "-m", "engine", "ask", "call(C, P, Purpose)", "--facts", str(facts), "--at", AT,
            "--format", "jsonl", "--trace", "brief"]
    for policy in ("default", "batch"):
        start = time.perf_counter()
        cpu, gc_cpu, line = measured(argv, policy)
        report(f"register {convicts:,}, collector policy {policy}", f"{cpu:.1f} s CPU", f"collections {gc_cpu:.1f} s",
               None, f"{time.perf_counter() - start:.0f} s wall; {line}")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
