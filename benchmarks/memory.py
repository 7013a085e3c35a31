"""Memory of a register: `zan ask "call(C, P, Purpose)" --format jsonl --trace brief` on the realistic register
of N convicts (benchmarks/register.py) as a fresh process, for each `--jobs` given: the resident memory summed
over the whole process tree at its highest (sampled every 50 ms) and the CPU seconds of every process.
No reference is needed: the target is absolute (under 1 GiB over all processes at 100k, issue 25).

`python benchmarks/memory.py [N] [--jobs J ...]` (default: 100000, --jobs 1 and 2).
"""

from __future__ import annotations

import sys

from common import PYTHON, SCRATCH, report, run_measured
from register import AT, write_register

QUERY = "call(C, P, Purpose)"


def one(convicts: int, jobs: int) -> dict:
    facts, _count = write_register(SCRATCH / f"realistic-{convicts}.facts", convicts)
    output = SCRATCH / f"realistic-{convicts}-jobs{jobs}.jsonl"
    argv = [PYTHON, "-m", "engine", "ask", QUERY, "--facts", str(facts), "--at", AT, "--format", "jsonl",
            "--trace", "brief", "--jobs", str(jobs)]
    with open(output, "w") as out:
        seconds, peak, cpu = run_measured(argv, out)
    report(f"register {convicts:,} convicts, JSON Lines, --jobs {jobs}", f"{peak / 2**20:.0f} MiB", "over all processes",
           None, f"{cpu:.1f} s CPU, {seconds:.0f} s wall; target < 1024 MiB")
    return {"peak": peak, "cpu": cpu, "seconds": seconds}


def main(argv: list[str]) -> None:
    convicts = int(argv[0]) if argv and not argv[0].startswith("-") else 100_000
    jobs = [int(argv[i + 1]) for i, a in enumerate(argv) if a == "--jobs"] or [1, 2]
    for j in jobs:
        one(convicts, j)


if __name__ == "__main__":
    main(sys.argv[1:])
