"""The case space (`zan cases`) and `--how` on the bundled kb: the time of each phase.

`python benchmarks/cases.py`: the diagrams (grounding, outcome diagram, rows) and the representative
evaluation (one program with every row's case) for `call(C, P, Purpose)`, one date and two.
"""

from __future__ import annotations

import datetime
import sys
import time

from common import ROOT, ms, report

sys.path.insert(0, str(ROOT))

from engine.pipeline import ask, load_checked  # noqa: E402
from engine.tools import cases  # noqa: E402

DAY, BEFORE = datetime.date(2025, 1, 15), datetime.date(2024, 12, 26)


def main() -> None:
    kb, _facts, _warnings = load_checked(None, [], sample=False)
    start = time.perf_counter()
    space = cases.cases("call(C, P, Purpose)", DAY, kb=kb, cite=False)
    diagrams = time.perf_counter() - start
    start = time.perf_counter()
    space = cases.cases("call(C, P, Purpose)", DAY, kb=kb)
    whole = time.perf_counter() - start
    report("cases call(C, P, Purpose): diagrams and rows", ms(diagrams), f"{len(space.rows)} rows, "
           f"{len(space.dimensions)} dimensions")
    report("  with the representatives evaluated (citations)", ms(whole), "target a few seconds", whole / 5,
           "ratio to 5 s")
    start = time.perf_counter()
    pair = cases.cases("call(C, P, Purpose)", BEFORE, kb=kb, compare=DAY)
    compared = time.perf_counter() - start
    report("cases --compare (two dates)", ms(compared), f"{len(pair.rows)} rows")
    case = ROOT / "kb" / "cases" / "example5-no-death-certificate.facts"
    result = ask("call(bekov, daulet, social_ties)", datetime.date(2025, 3, 10), None, [case], explain=False)
    start = time.perf_counter()
    found = cases.how_for_result(result, "permitted")
    how = time.perf_counter() - start
    report("ask --how permitted (example 5)", ms(how), f"{len(found[0]['how'])} sets")


if __name__ == "__main__":
    main()
