"""Generated inputs for the benchmarks: a register of N convicts over the whole public vocabulary, and
knowledge bases k times the size of the bundled one.

The case facts use every predicate of BRIEF section 2, with proportions chosen to look like a register
(a few in the isolator, most with a spouse or relatives, some with an advocate or a certificate), from
a fixed seed so that every run sees the same files.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("social", "natural", "technogenic")
ADVOCATES = ("adv_bar_1",)  # `contact(C, P) if convict(C) and advocate(P)`: every advocate is everyone's contact


def case_lines(convicts: int, seed: int = 60):
    """Fact lines for `convicts` convicts; each line is plain Datalog as users write it."""
    rng = random.Random(seed)
    for advocate in ADVOCATES:
        yield f"advocate({advocate})."
    for i in range(convicts):
        c = f"c{i:06d}"
        yield f"convict({c})."
        place = rng.random()
        if place < 0.4:
            yield f"in_disciplinary_isolator({c})."
        elif place < 0.55:
            yield f"in_solitary_cell({c})."
        elif place < 0.7:
            yield f"in_strict_conditions({c})."
        relatives = [f"r{i:06d}_{k}" for k in range(1 if rng.random() < 0.7 else 2)]
        if rng.random() < 0.5:
            yield f"spouse({c}, s{i:06d})."
        for r in relatives:
            yield f"close_relative({c}, {r})."
        if rng.random() < 0.2:
            yield f"friend({c}, f{i:06d})."
        if rng.random() < 0.15:
            yield f"legal_aid_contract({c}, {rng.choice(ADVOCATES)})."
        if rng.random() < 0.1:
            yield f"state_legal_aid_provider({c}, l{i:06d})."
        if rng.random() < 0.2:
            yield f"medical_contact({c}, m{i:06d})."
            if rng.random() < 0.5:
                yield f"needs_medical_care({c})."
        for r in relatives:
            event = rng.random()
            if event < 0.05:
                yield f"died({r})."
                if rng.random() < 0.7:
                    yield f"death_certificate({r})."
            elif event < 0.08:
                yield f"life_threatening_illness({r})."
                if rng.random() < 0.7:
                    yield f"medical_certificate({r})."
        if rng.random() < 0.02:
            yield f"natural_disaster_damage({c})."
            if rng.random() < 0.7:
                yield f"local_executive_body_certificate({c})."
        if rng.random() < 0.02:
            yield f"emergency({c}, {rng.choice(KINDS)})."
        if rng.random() < 0.02:
            yield f"quarantine({c})."
        if rng.random() < 0.02:
            yield f'exceptional_circumstance({c}, "wedding of a child").'
            if rng.random() < 0.3:
                yield f"called_this_month({c}, {relatives[0]})."


def write_case(path: Path, convicts: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        out.write(f"% {convicts} generated convicts (benchmarks/generate.py)\n")
        for line in case_lines(convicts):
            out.write(line + "\n")
    return path


def write_grown_kb(folder: Path, factor: int) -> Path:
    """The bundled kb/ with every norm copied `factor` times under fresh ids (exceptions renamed along).

    Copy k of a norm concludes the same atom under the same conditions, so conflicts and defeats grow
    with the copies as they would in a bigger body of law; acts, predicates and vocabulary are kept once.
    """
    folder.mkdir(parents=True, exist_ok=True)
    source = ROOT / "kb"
    for path in sorted(source.glob("*.zan")):
        text = path.read_text(encoding="utf-8")
        if "\nnorm " not in "\n" + text:
            (folder / path.name).write_text(text, encoding="utf-8")
            continue
        statements = re.split(r"(?m)^(?=norm )", text)
        head, norms = statements[0], statements[1:]
        ids = [re.match(r"norm (\S+)", s).group(1) for s in norms]
        parts = [head]
        for k in range(factor):
            for s in norms:
                if k == 0:
                    parts.append(s)
                    continue
                copy = s
                for nid in ids:  # rename this norm and every reference to a norm of the same file
                    copy = re.sub(rf"(?<![\w.]){re.escape(nid)}(?![\w.])", f"{nid}.copy{k}", copy)
                parts.append(copy)
        (folder / path.name).write_text("".join(parts), encoding="utf-8")
    (folder / "sample").mkdir(exist_ok=True)
    for path in (source / "sample").glob("*.facts"):
        (folder / "sample" / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


if __name__ == "__main__":
    write_case(Path(sys.argv[2]), int(sys.argv[1]))
