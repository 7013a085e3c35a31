"""Singapore rule 34 (examples/sg-rule34): the time to answer N cases, beside the bundled law's.

Writes N cases about rule 34 (a fixed seed; each case its own practitioner, practice, entity and business,
in the vocabulary of the cases: an appointment in a business entity with or without the features of (1)(a)
to (f), in a related practice connected or not, in an entity providing law-related or legal services, a locum
solicitor's, one in a Third Schedule institution, a position without executive functions), each in a file
of its own, and answers each case's question `accept(P, E)` with its full trace and JSON document, one
after the other in one fresh process (the knowledge base loaded once, as a service would). The bundled law
is measured the same way in the same run, on its example cases (kb/cases/, `call(C, P, Purpose)`) taken in
turn N times: the ratio per question is what to read (docs/performance.md).

A register of N cases in one file is another question: `accept(P, E)` over it asks every practitioner about
every position (N x N atoms), since nothing in the rule links a practitioner to the posts offered to others.

`python benchmarks/sg_rule34.py [N ...]` (default: 1000); `--write FOLDER N` only writes the cases.
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

from common import PYTHON, ROOT, SCRATCH, report, run_measured
from register import AT as BUNDLED_AT

KB = ROOT / "examples" / "sg-rule34" / "kb"
AT = "2025-06-01"
FEATURES = {   # a ground of (1), as the cases state it ({p}: the practitioner, {e}: the post, {b}: the business)
    "a": ["incompatible_dignity_of_legal_profession({b})."],
    "a2": ["derogates_from_dignity_of_legal_profession({b})."],
    "b": ["materially_interferes_with({e}, availability, {p})."],
    "c": ["unfair({b})."],
    "d": ["involves_paying_commission({b}, fee_{i}, tout_{i}).", "unauthorized(tout_{i}).",
          "as_compensation_for(fee_{i}, work_{i}).", "legal_work(work_{i}).", "performed_by(work_{i}, {p})."],
    "e": ["described_in_first_schedule({b})."],
    "f": ["prohibited_business({b})."],
}


def case(i: int, rng: random.Random) -> list[str]:
    p, f, e, x, b = f"lp_{i}", f"firm_{i}", f"post_{i}", f"entity_{i}", f"biz_{i}"
    out = [f"legal_practitioner({p}).", f"member_of({p}, {f}).", f"law_practice({f}).", f"jurisdiction({f}, singapore).",
           f"position({e}).", f"entitles_holder({e})."]
    kind = rng.choice(["entity", "entity", "entity", "related", "related", "law_related", "locum", "third", "no_ea"])
    if kind in ("entity", "locum", "law_related", "third", "no_ea"):
        out += [f"{rng.choice(['company', 'corporation', 'partnership'])}({x}).", f"carries_on({x}, {b}).",
                f"business({b}).", f"in({e}, {x})."]
        if rng.random() < 0.7:
            out.append("conditions_of_second_schedule_satisfied.")
        if kind == "law_related":
            out += [f"provides({x}, advice_{i}).", f"law_related_service(advice_{i})."]
        elif rng.random() < 0.2:
            out += [f"provides({x}, wills_{i}).", f"legal_service(wills_{i})."]
        if kind == "locum":
            out.append(f"locum_solicitor({p}).")
        if kind == "third":
            out += [f"institution({x}).", f"in_third_schedule({x})."]
        if kind == "no_ea":
            out.remove(f"entitles_holder({e}).")
    else:
        out += [f"law_practice({x}).", f"jurisdiction({x}, singapore).", f"in({e}, {x}).", f"legal_owner_of(own_{i}, {x})."]
        if rng.random() < 0.5:
            out.append(f"{rng.choice(['partner_of', 'director_of', 'sole_proprietor_of'])}(own_{i}, {f}).")
        if rng.random() < 0.3:
            out.append(f"accepts_position_as_representative({p}, {e}, {f}).")
        if rng.random() < 0.3:
            out += [f"carries_on({x}, {b}).", f"business({b})."]
    if rng.random() < 0.4:
        for line in FEATURES[rng.choice(sorted(FEATURES))]:
            out.append(line.format(p=p, e=e, b=b, i=i))
    return out


def write_cases(folder: Path, n: int, seed: int = 34) -> list[tuple[str, str]]:
    """N case files in the folder; (file, question) for each."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        path = folder / f"case-{i:05d}.facts"
        path.write_text("\n".join(case(i, rng)) + "\n", encoding="utf-8")
        out.append((str(path), f"accept(lp_{i}, post_{i})"))
    return out


def loop(spec: Path) -> None:
    """In this process: answer each (kb, file, question, date) of the spec with its full trace and JSON document."""
    import datetime
    import time

    sys.path.insert(0, str(ROOT))
    from engine import pipeline
    from engine.explain.explanation import document

    jobs = json.loads(spec.read_text(encoding="utf-8"))
    statuses: Counter = Counter()
    start = time.perf_counter()
    for kb, facts, question, at in jobs:
        result = pipeline.ask(question, datetime.date.fromisoformat(at), Path(kb), [Path(facts)], trace_level="full")
        json.dumps(document(result, shared=True), default=str)
        statuses.update(t.answer.status for t in result.traces)
    print(json.dumps({"seconds": time.perf_counter() - start, "statuses": statuses}))


def measure(jobs: list, name: str) -> tuple[float, float, int, dict]:
    spec = SCRATCH / f"{name}.json"
    spec.parent.mkdir(parents=True, exist_ok=True)
    spec.write_text(json.dumps(jobs), encoding="utf-8")
    output = SCRATCH / f"{name}.out"
    with open(output, "w") as out:
        _wall, peak, cpu = run_measured([PYTHON, str(Path(__file__).resolve()), "--loop", str(spec)], out)
    found = json.loads(output.read_text(encoding="utf-8"))
    return found["seconds"], cpu, peak, found["statuses"]


def one(n: int) -> dict:
    cases = write_cases(SCRATCH / f"sg-rule34-{n}", n)
    ours = measure([(str(KB), f, q, AT) for f, q in cases], f"sg-rule34-{n}")
    examples = sorted((ROOT / "kb" / "cases").glob("*.facts"))
    bundled = measure([(str(ROOT / "kb"), str(examples[i % len(examples)]), "call(C, P, Purpose)", BUNDLED_AT)
                       for i in range(n)], f"bundled-{n}")
    report(f"rule 34: {n:,} cases, one question each", f"{ours[0]:.1f} s", f"bundled {n:,} questions {bundled[0]:.1f} s",
           ours[0] / bundled[0], ", ".join(f"{k} {v}" for k, v in sorted(ours[3].items())))
    report("  per question", f"{ours[0] / n * 1000:.1f} ms", f"bundled {bundled[0] / n * 1000:.1f} ms", ours[0] / bundled[0],
           f"bundled: {sum(bundled[3].values()):,} answers")
    report("  CPU seconds (whole process)", f"{ours[1]:.1f} s CPU", f"bundled {bundled[1]:.1f} s CPU", ours[1] / bundled[1])
    report("  peak memory", f"{ours[2] / 2**20:.0f} MiB", f"bundled {bundled[2] / 2**20:.0f} MiB", ours[2] / bundled[2])
    return {"seconds": ours[0], "bundled": bundled[0]}


if __name__ == "__main__":
    if sys.argv[1:2] == ["--write"]:
        print(len(write_cases(Path(sys.argv[2]), int(sys.argv[3]))), "cases")
    elif sys.argv[1:2] == ["--loop"]:
        loop(Path(sys.argv[2]))
    else:
        for n in [int(a) for a in sys.argv[1:]] or [1000]:
            one(n)
