"""Batch: every call status of a realistic register (benchmarks/register.py) of N convicts,
`zan ask "call(C, P, Purpose)" --format json --trace brief` as a fresh process, against clingo deciding
the same statuses itself (benchmarks/clingo_statuses.py, clingo's own time only); the statuses must be
identical on every atom.

`python benchmarks/batch.py [N ...] [--jobs J] [--format json|jsonl] [--engine pydatalog|sets] [--rounds R]` (default:
10000 30000; the evaluator zan chooses: sets for a register in partitions; one round). Peak memory is summed over every
process.

With `--rounds R` Zan and clingo run in turn R times on the same register (Zan, clingo, Zan, clingo, ...): each round's
ratio is printed, and the figure is the median of Zan's CPU seconds over the median of clingo's. Both vary from run
to run on a shared machine (clingo's single run of ~1.3 s by up to a third); one round of each is one sample.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

from common import PYTHON, SCRATCH, environment, report, run_measured
from register import AT, write_register

QUERY = "call(C, P, Purpose)"


def zan_statuses(path: Path, fmt: str) -> dict[str, str]:
    with open(path, encoding="utf-8") as f:
        if fmt == "jsonl":
            return {a["atom"]: a["status"] for line in f for a in [json.loads(line).get("answer")] if a}
        return {a["atom"]: a["status"] for a in json.load(f)["answers"]}


def clingo(facts: Path) -> tuple[float, float, dict[str, str]]:
    out = SCRATCH / (facts.stem + ".clingo")
    line = subprocess.run([PYTHON, str(Path(__file__).with_name("clingo_statuses.py")), str(facts), AT, str(out)],
                          capture_output=True, text=True, check=True, env=environment()).stdout.split()
    statuses = dict(l.rsplit(" ", 1) for l in out.read_text(encoding="utf-8").splitlines())
    return float(line[0]), float(line[2]), statuses


def one(convicts: int, fmt: str = "json", jobs: int | None = None, engine: str | None = None, rounds: int = 1) -> dict:
    facts, count = write_register(SCRATCH / f"realistic-{convicts}.facts", convicts)
    output = SCRATCH / f"realistic-{convicts}.{fmt}"
    argv = [PYTHON, "-m", "engine", "ask", QUERY, "--facts", str(facts), "--at", AT, "--format", fmt, "--trace", "brief"]
    if jobs:
        argv += ["--jobs", str(jobs)]
    if engine:
        argv += ["--engine", engine]
    samples = []   # (seconds, peak, cpu, clingo seconds, clingo cpu) per round, Zan and clingo in turn
    for number in range(rounds):
        with open(output, "w") as out:
            seconds, peak, cpu = run_measured(argv, out)
        clingo_seconds, clingo_cpu, theirs = clingo(facts)
        samples.append((seconds, peak, cpu, clingo_seconds, clingo_cpu))
        if rounds > 1:
            report(f"  round {number + 1} of {rounds}", f"{cpu:.2f} s CPU", f"clingo {clingo_cpu:.2f} s CPU", cpu / clingo_cpu)
    seconds, cpu, clingo_seconds, clingo_cpu = (statistics.median(s[i] for s in samples) for i in (0, 2, 3, 4))
    peak = max(s[1] for s in samples)
    ours = zan_statuses(output, fmt)
    wrong = sum(ours.get(k) != v for k, v in theirs.items()) + len(set(ours) - set(theirs))
    same = f"same {len(ours):,} statuses" if not wrong else f"DIFFERENT statuses ({wrong} of {len(theirs):,})"
    median = f", medians of {rounds} rounds" if rounds > 1 else ""
    report(f"batch {convicts:,} convicts ({count / convicts:.1f} facts each){', ' + engine if engine else ''}{median}",
           f"{seconds:.1f} s", f"clingo {clingo_seconds:.2f} s", seconds / clingo_seconds, "target <= 3x at 10k; " + same)
    report("  CPU seconds (all processes)", f"{cpu:.1f} s CPU", f"clingo {clingo_cpu:.2f} s CPU", cpu / clingo_cpu,
           "the same ratio in CPU time (the machine is shared)")
    if rounds > 1:
        ratios = sorted(s[2] / s[4] for s in samples)
        report("  CPU ratio per round", f"{ratios[0]:.2f}-{ratios[-1]:.2f}x", "", None,
               f"Zan {min(s[2] for s in samples):.2f}-{max(s[2] for s in samples):.2f} s, "
               f"clingo {min(s[4] for s in samples):.2f}-{max(s[4] for s in samples):.2f} s")
    report("  peak memory (all processes), output", f"{peak / 2**20:.0f} MiB peak", "", None,
           f"{output.stat().st_size / 2**20:.0f} MiB of {fmt}; target < 1024 MiB at 100k")
    if wrong:
        raise SystemExit(f"statuses differ from clingo's on {wrong} atoms at {convicts}")
    return {"seconds": seconds, "cpu": cpu, "peak": peak, "clingo": clingo_seconds, "clingo_cpu": clingo_cpu,
            "answers": len(ours)}


def main(sizes=(10_000, 30_000), fmt: str = "json", jobs: int | None = None, engine: str | None = None,
         rounds: int = 1) -> dict:
    SCRATCH.mkdir(parents=True, exist_ok=True)
    figures = {n: one(n, fmt, jobs, engine, rounds) for n in sizes}
    if 10_000 in figures and 30_000 in figures:
        ratio = figures[30_000]["seconds"] / figures[10_000]["seconds"]
        cpu = figures[30_000]["cpu"] / figures[10_000]["cpu"]
        report("batch scaling 30k / 10k", f"{ratio:.2f}x", f"CPU {cpu:.2f}x", None, "target <= 3.3x")
    return figures


if __name__ == "__main__":
    args = sys.argv[1:]
    fmt = args[args.index("--format") + 1] if "--format" in args else "json"
    jobs = int(args[args.index("--jobs") + 1]) if "--jobs" in args else None
    engine = args[args.index("--engine") + 1] if "--engine" in args else None
    rounds = int(args[args.index("--rounds") + 1]) if "--rounds" in args else 1
    sizes = tuple(int(a) for i, a in enumerate(args) if a.isdigit() and (i == 0 or args[i - 1] not in ("--jobs", "--rounds")))
    main(sizes or (10_000, 30_000), fmt, jobs, engine, rounds)
