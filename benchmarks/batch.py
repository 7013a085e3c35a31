"""Batch: every call status for a generated register of N convicts, `zan ask "call(C, P, Purpose)" --format json`
as a fresh process, against clingo on the same compiled program and against our own 10k figure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from common import PYTHON, SCRATCH, environment, ms, report, run
from generate import write_case

AT = "2025-03-10"


def zan_statuses(path) -> dict[str, str]:
    with open(path, encoding="utf-8") as f:
        return {a["atom"]: a["status"] for a in json.load(f)["answers"]}


def one(convicts: int) -> tuple[float, int]:
    facts = write_case(SCRATCH / f"register-{convicts}.facts", convicts)
    output = SCRATCH / f"register-{convicts}.json"
    argv = [PYTHON, "-m", "engine", "ask", "call(C, P, Purpose)", "--facts", str(facts), "--at", AT, "--format", "json"]
    with open(output, "w") as out:
        seconds, peak = run(argv, out)
    clingo_out = SCRATCH / f"register-{convicts}.clingo"
    line = subprocess.run([PYTHON, str(Path(__file__).with_name("clingo_reference.py")),
                           str(facts), AT, str(clingo_out)], capture_output=True, text=True, check=True,
                          env=environment()).stdout.split()
    clingo_seconds, count = float(line[0]), int(line[1])
    ours = zan_statuses(output)
    theirs = dict(l.rsplit(" ", 1) for l in clingo_out.read_text(encoding="utf-8").splitlines())
    same = "same statuses" if ours == theirs else f"DIFFERENT statuses ({sum(ours.get(k) != v for k, v in theirs.items())})"
    report(f"batch {convicts:,} convicts ({count:,} answers)", ms(seconds).strip(), "clingo " + ms(clingo_seconds).strip(),
           seconds / clingo_seconds, "target <= 2x at 100k; " + same)
    report(f"  peak memory, {convicts:,} convicts", f"{peak / 2**20:.0f} MiB", "", None, "target < 1024 MiB")
    return seconds, peak


def main(sizes=(10_000, 100_000)) -> None:
    SCRATCH.mkdir(parents=True, exist_ok=True)
    figures = {n: one(n) for n in sizes}
    if 10_000 in figures and 100_000 in figures:
        ratio = figures[100_000][0] / figures[10_000][0]
        report("batch scaling 100k / 10k", f"{ratio:.1f}x", "", None, "target <= 11x")


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or (10_000, 100_000))
