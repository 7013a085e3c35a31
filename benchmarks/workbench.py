"""The rule author's workbench on the bundled kb: `zan test`, `--coverage` and `--mutate`, phase by phase.

`python benchmarks/workbench.py`: the scenario run, the coverage read off it, the mutants made, and
the mutation run over every mutant (the figure docs/authoring.md quotes), with the score. The CI
budget of the mutation test (tests/test_workbench.py) is a minute on one core.
"""

from __future__ import annotations

import sys
import time

from common import ROOT, ms, report

sys.path.insert(0, str(ROOT))

from engine.tools import mutation  # noqa: E402
from engine.tools.coverage import measure  # noqa: E402
from engine.tools.scenarios import Runner  # noqa: E402


def main() -> None:
    start = time.perf_counter()
    runner = Runner(ROOT / "kb")
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    run = runner.run([ROOT / "kb" / "scenarios"])
    ran = time.perf_counter() - start
    report("zan test: the kb parsed and checked", ms(loaded))
    report("  the scenarios run", ms(ran), f"{len(run.outcomes)} expectations")
    start = time.perf_counter()
    covered = measure(runner.knowledge(), run.outcomes)
    report("--coverage, read off the traces", ms(time.perf_counter() - start), f"{covered.percent:.1f}%")
    start = time.perf_counter()
    made = mutation.mutants(runner.knowledge())
    report("mutants made on the AST", ms(time.perf_counter() - start), f"{len(made)} mutants")
    start = time.perf_counter()
    scored = mutation.mutate(runner, run)
    whole = time.perf_counter() - start
    report("--mutate, every mutant", ms(whole), f"{scored.percent:.1f}% ({len(scored.killed)} of "
           f"{len(scored.scored)} killed)", whole / 60, "ratio to the 60 s CI budget")


if __name__ == "__main__":
    main()
