"""What one answer of a register costs, step by step, in process: the first partition of the realistic register of
N convicts (benchmarks/register.py), its model computed once, each step of `register.solve` and of the JSON Lines
writer timed over all its undecided answers (no norm applies: 73% of a register) and all its decided ones, in
CPU microseconds an answer (`time.process_time`, the collector off as `solve` has it).

`python benchmarks/per_answer.py [N]` (default 3000). Run it from two checkouts in turn to compare a change A/B
(`PYTHONPATH=<checkout> python <checkout>/benchmarks/per_answer.py`): the figures are medians of 3 passes.
"""

from __future__ import annotations

import datetime
import gc
import statistics
import sys
import time

from common import SCRATCH
from register import AT, write_register

from engine.explain.answering import Scopes, statuses
from engine.explain.explanation import Explainer, Row, Rows, Tables
from engine.explain.render import as_json
from engine.pipeline import evaluated, prepare
from engine.tools import register
from engine.tools.register import _constants, _undecided, _with_facts, shape_of

QUERY = "call(C, P, Purpose)"


def clock(name: str, count: int, step) -> None:
    times = []
    for _ in range(3):
        start = time.process_time()
        step()
        times.append(time.process_time() - start)
    print(f"  {name:34s} {statistics.median(times) / count * 1e6:6.2f} us")


def main(convicts: int) -> None:
    facts, _count = write_register(SCRATCH / f"realistic-{convicts}.facts", convicts)
    result = register.detached(prepare(QUERY, datetime.date.fromisoformat(AT), None, [facts]))
    batch = register.Register(result, "brief", "en")
    part = _with_facts(batch.program, batch.base, batch.parts[0])
    done = evaluated(part, [batch.query.atom.predicate], many=True)
    explainer = Explainer(batch.kb, part, "en", level="brief", tables=Tables())
    gc.disable()
    every = list(done.answers(batch.query))
    undecided = [a for a in every if _undecided(a)]
    decided = [a for a in every if not _undecided(a)]
    own = _constants(batch.parts[0]) - batch.shared
    print(f"{len(every):,} answers in the first partition: {len(undecided):,} undecided, {len(decided):,} decided")
    clock("statuses (answers), each answer", len(every), lambda: list(done.answers(batch.query)))
    clock("statuses as rows (register), each", len(every), lambda: statuses(part, done.model, batch.query))
    own = {v for kind, v in own if kind == "str"}
    clock("owned by the partition, each answer", len(every), lambda: [not own.isdisjoint(a.values) for a in every])

    print("undecided answers (rows of values: register._solve)")
    scopes = Scopes(part, done.prover.index, batch.query.atom.predicate)
    clock("scope declaration", len(undecided), lambda: [scopes(a.values, True) for a in undecided])
    firsts: dict = {}
    names = [t.name for t in batch.query.atom.args]
    for a in undecided:
        key = (a.predicate, scopes(a.values, True))
        if key not in firsts:
            firsts[key] = Rows(explainer, explainer.answer(done.trace(a, "brief")), a.values, a.predicate, names)
    keys = [(a.predicate, scopes(a.values, True)) for a in undecided]
    clock("row", len(undecided), lambda: [Row(firsts[k], a.values) for k, a in zip(keys, undecided)])
    rows = [Row(firsts[k], a.values) for k, a in zip(keys, undecided)]
    clock("JSON line (_row_text)", len(undecided),
          lambda: [as_json._row_text(r, "jsonl", as_json._answer_line, as_json._compact) for r in rows])
    clock("(its dictionary, when asked for)", len(undecided), lambda: [r.dict() for r in rows])

    print("decided answers")
    times = []
    for _ in range(3):   # over a model of its own each time: the prover's memos start empty, as in `solve`
        fresh = evaluated(part, [batch.query.atom.predicate], many=True)
        start = time.process_time()
        for a in decided:
            fresh.trace(a, "brief")
        times.append(time.process_time() - start)
    print(f"  {'deciding proof (trace)':34s} {statistics.median(times) / len(decided) * 1e6:6.2f} us")
    traces = [done.trace(a, "brief") for a in decided]
    clock("shape", len(decided), lambda: [shape_of(t) for t in traces])
    shapes: dict = {}
    for t in traces:
        if shape_of(t) not in shapes:
            shapes[shape_of(t)] = explainer.answer(t)
    clock("dictionary (refill)", len(decided), lambda: [explainer.refill(shapes[shape_of(t)], t) for t in traces])
    made = [explainer.refill(shapes[shape_of(t)], t) for t in traces]
    clock("JSON line (_by_form)", len(decided),
          lambda: [as_json._by_form(d, "jsonl", as_json._answer_line, as_json._compact) for d in made])
    # as register._solve has them: rows of the atom's values and the shared deciding entry and summary
    known = [t for t in traces if shape_of(t) is not None]
    firsts = {shape: Rows(explainer, shapes[shape], t.answer.values, t.answer.predicate, names, True)
              for shape, t in {shape_of(t): t for t in reversed(known)}.items()}
    lasts = [firsts[shape_of(t)] for t in known]
    clock("row (deciding entry and summary)", len(known),
          lambda: [Row(r, t.answer.values + explainer.deciding(r.first, t)) for r, t in zip(lasts, known)])
    decided_rows = [Row(r, t.answer.values + explainer.deciding(r.first, t)) for r, t in zip(lasts, known)]
    clock("JSON line (_row_text)", len(known),
          lambda: [as_json._row_text(r, "jsonl", as_json._answer_line, as_json._compact) for r in decided_rows])


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3000)
