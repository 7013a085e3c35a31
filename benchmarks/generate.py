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


def write_grown_kb(folder: Path, factor: int, independent: bool = True) -> Path:
    """The bundled kb/ `factor` times over.

    With `independent` (the default), copy k is a body of law of its own: every predicate and norm id
    gets the suffix of its copy, so the norms of different copies never meet on one atom; that is how
    a bigger body of law grows (more subjects), and every stage should grow linearly with it. Without
    it, copy k concludes the same atoms as the original, so the conflicts between copies (and the
    `beats` facts recording them) grow with the square of the copies, by the nature of the input.
    """
    folder.mkdir(parents=True, exist_ok=True)
    source = ROOT / "kb"
    files = sorted(source.glob("*.zan"))
    predicates = sorted({m.group(1) for path in files
                         for m in re.finditer(r"(?m)^predicate (\w+)\(", path.read_text(encoding="utf-8"))},
                        key=len, reverse=True)
    ids = sorted({m.group(1) for path in files
                  for m in re.finditer(r"(?m)^norm (\S+)", path.read_text(encoding="utf-8"))}, key=len, reverse=True)
    for path in files:
        text = path.read_text(encoding="utf-8")
        (folder / path.name).write_text(text, encoding="utf-8")
        if path.name == "acts.zan":
            continue
        for k in range(1, factor):
            copy = re.sub(r'(?ms)^constant\b.*?"\s*\.[ \t]*$', "", text)  # constants are declared once
            for nid in ids:
                copy = re.sub(rf"(?<![\w.]){re.escape(nid)}(?![\w.])", f"{nid}.copy{k}", copy)
            if independent:
                for name in predicates:
                    copy = re.sub(rf"(?<![\w.]){name}(?=\s*\()", f"{name}_c{k}", copy)
            (folder / f"{path.stem}.copy{k}.zan").write_text(copy, encoding="utf-8")
    (folder / "sample").mkdir(exist_ok=True)
    for path in (source / "sample").glob("*.facts"):
        (folder / "sample" / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


if __name__ == "__main__":
    write_case(Path(sys.argv[2]), int(sys.argv[1]))
