"""The clingo reference for the batch: the same compiled program (engine/logic/asp.py) solved by clingo, statuses
decided as Zan decides them; prints `seconds-for-clingo answers` and writes `atom status` lines."""

from __future__ import annotations

import datetime
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine.logic import asp  # noqa: E402

from engine.logic import ir
from engine.explain.answering import answers  # noqa: E402
from engine.explain.explanation import atom_text  # noqa: E402
from engine.pipeline import load_checked, parse_question  # noqa: E402


def main(facts: str, at: str, out: str) -> None:
    kb, _names, _warnings = load_checked(None, [Path(facts)])
    query = parse_question("call(C, P, Purpose)")
    start = time.perf_counter()
    program = ir.lower(kb, datetime.date.fromisoformat(at))
    model = asp.solve(program, {"call", "norm:call", "domain:call"})
    found = answers(program, model, query)
    elapsed = time.perf_counter() - start
    with open(out, "w", encoding="utf-8") as f:
        for a in found:
            f.write(f"{atom_text(a.predicate, a.values)} {a.status}\n")
    print(f"{elapsed:.3f} {len(found)}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
