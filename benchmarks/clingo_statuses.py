"""The batch's reference: clingo deciding every status itself (issue 11).

The program is the kb's compiled rules and the case's facts as engine/logic/asp.py exports them, plus,
in ASP, the defeat order of the norms (`beats(W, L)`: program.defeats, lex specialis / superior /
posterior) and the status rules of the deontic layer (engine/logic/deontic.py on the defeasible core,
`defeat="rule"`, ambiguity blocking):

    defeated(N, X)   :- applies(N, X), applies(M, X), beats(M, N).
    live(S, X)       :- applies(N, X), side(N, S), not defeated(N, X).      % an undefeated norm on side S
    concluded(S, X)  :- live(S, X), side_pair(S, T), not live(T, X).        % ... and none on the other
    status(X, obligatory) :- concluded(allow, X), applies(N, X), not defeated(N, X), mode(N, obligatory).
    status(X, permitted)  :- ..., mode(N, permitted), not status(X, obligatory).
    status(X, discretionary) :- ..., not status(X, obligatory), not status(X, permitted).
    status(X, prohibited) :- concluded(forbid, X).
    status(X, undetermined) :- candidate(X), not decided(X).

The timed part is clingo alone: parsing the program text, grounding and solving (`Control.add`,
`ground`, `solve`, counting the `status/4` atoms of the model); writing the text beforehand (from the
IR, in Python) and reading the statuses back afterwards are not timed.

`python benchmarks/clingo_statuses.py FACTS AT OUT` prints `seconds statuses cpu-seconds` and writes `atom status` lines.
"""

from __future__ import annotations

import datetime
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine.logic import asp  # noqa: E402
from engine.logic import ir  # noqa: E402
from engine.pipeline import load_checked  # noqa: E402

PREDICATE = "call"
ARITY = 3


def status_rules(export: asp.Export, program: ir.Program) -> str:
    """The defeat order and the status rules for PREDICATE, in ASP."""
    xs = ",".join(f"X{i}" for i in range(ARITY))
    lines = []
    for nid, info in sorted(program.norms.items()):
        if info.predicate == PREDICATE and info.modality:
            side = "forbid" if info.modality == "prohibited" else "allow"
            lines.append(f"side({asp.symbol(nid)},{side}). mode({asp.symbol(nid)},{info.modality}).")
    for (winner, loser) in sorted(program.defeats):
        lines.append(f"beats({asp.symbol(winner)},{asp.symbol(loser)}).")
    names = export.names
    norm = names.get(ir.norm_relation(PREDICATE))
    if norm:
        lines.append(f"applies(N,{xs}) :- {norm}(N,{xs}).")
    for relation in (ir.domain_relation(PREDICATE), PREDICATE):
        if relation in names:
            lines.append(f"candidate({xs}) :- {names[relation]}({xs}).")
    lines += [
        f"candidate({xs}) :- applies(_,{xs}).",
        f"defeated(N,{xs}) :- applies(N,{xs}), applies(M,{xs}), beats(M,N).",
        f"live(S,{xs}) :- applies(N,{xs}), side(N,S), not defeated(N,{xs}).",
        "other(allow,forbid). other(forbid,allow).",
        f"concluded(S,{xs}) :- live(S,{xs}), other(S,T), not live(T,{xs}).",
        f"winner(M,{xs}) :- concluded(allow,{xs}), applies(N,{xs}), not defeated(N,{xs}), mode(N,M).",
        f"status({xs},obligatory) :- winner(obligatory,{xs}).",
        f"status({xs},permitted) :- winner(permitted,{xs}), not winner(obligatory,{xs}).",
        f"status({xs},discretionary) :- winner(discretionary,{xs}), not winner(obligatory,{xs}), not winner(permitted,{xs}).",
        f"status({xs},prohibited) :- concluded(forbid,{xs}).",
        f"decided({xs}) :- concluded(_,{xs}).",
        f"status({xs},undetermined) :- candidate({xs}), not decided({xs}).",
        "#defined beats/2. #defined side/2. #defined mode/2.",
        "#show status/4.",
    ]
    return "\n".join(lines) + "\n"


def main(facts: str, at: str, out: str) -> None:
    import clingo

    kb, _names, _warnings = load_checked(None, [Path(facts)])
    program = ir.lower(kb, datetime.date.fromisoformat(at))
    export = asp.Export(program)
    text = export.text() + status_rules(export, program)   # not timed: Python writing clingo's input

    start, cpu = time.perf_counter(), time.process_time()
    control = clingo.Control(["--warn=none"])
    control.add("base", [], text)
    control.ground([("base", [])])
    shown = []
    with control.solve(yield_=True) as handle:
        for model in handle:
            shown = model.symbols(shown=True)
            break
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu

    with open(out, "w", encoding="utf-8") as f:   # not timed: reading the statuses back
        for s in shown:
            *values, status = s.arguments
            shownvalues = ", ".join(str(asp.value(v)) for v in values)
            f.write(f"{PREDICATE}({shownvalues}) {status.name}\n")
    print(f"{elapsed:.3f} {len(shown)} {cpu:.3f}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
