"""A realistic register of N convicts for the batch benchmark (issue 11): heavier than generate.py's.

The mix, per convict, from a fixed seed (so every run sees the same files); `python benchmarks/register.py N FILE`
writes it and prints the facts per convict:

- regime: 30% in the disciplinary isolator (a third of them for an interval, `from .. to ..`, half of
  those intervals over the date of the question), 12% in a solitary cell, 13% in strict conditions,
  45% in none of them (an ordinary regime, where no norm of the kb decides a social call: undetermined);
- relatives: a spouse for 65%; 1 to 4 close relatives (1: 20%, 2: 35%, 3: 30%, 4: 15%); a friend for 35%;
- each relative (the spouse too): 10% died, three quarters of them with a death certificate; 8%
  seriously ill, two thirds of them with a medical certificate;
- legal aid: a contract with one of two advocates' bar members for 15% (`advocate` facts: every
  advocate is everyone's contact in the kb), a state-guaranteed provider for 8%;
- medical: a medical contact for 25%, half of them needing care;
- circumstances: a disaster for 3% (70% certified), an emergency for 2%, a quarantine for 2%, an
  unlisted exceptional circumstance for 5% (a third of them already called this month).

About 6.7 facts per convict (generate.py's register: 4.5; the issue's independent generator: 7.4).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ADVOCATES = ("adv_bar_1", "adv_bar_2")
KINDS = ("social", "natural", "technogenic")
AT = "2025-03-10"
CIRCUMSTANCES = ("wedding of a child", "birth of a grandchild", "a relative's operation", "a court hearing")


def case_lines(convicts: int, seed: int = 11):
    rng = random.Random(seed)
    for advocate in ADVOCATES:
        yield f"advocate({advocate})."
    for i in range(convicts):
        c = f"c{i:06d}"
        yield f"convict({c})."
        place = rng.random()
        if place < 0.30:
            if rng.random() < 1 / 3:
                if rng.random() < 0.5:
                    yield f"in_disciplinary_isolator({c}) from 2025-03-01 to 2025-03-15."   # over the date
                else:
                    yield f"in_disciplinary_isolator({c}) from 2025-01-10 to 2025-01-20."   # before it
            else:
                yield f"in_disciplinary_isolator({c})."
        elif place < 0.42:
            yield f"in_solitary_cell({c})."
        elif place < 0.55:
            yield f"in_strict_conditions({c})."
        people = []
        if rng.random() < 0.65:
            people.append(f"s{i:06d}")
            yield f"spouse({c}, s{i:06d})."
        count = rng.choices((1, 2, 3, 4), weights=(20, 35, 30, 15))[0]
        relatives = [f"r{i:06d}_{k}" for k in range(count)]
        for r in relatives:
            yield f"close_relative({c}, {r})."
        people += relatives
        if rng.random() < 0.35:
            yield f"friend({c}, f{i:06d})."
        for person in people:
            event = rng.random()
            if event < 0.10:
                yield f"died({person})."
                if rng.random() < 0.75:
                    yield f"death_certificate({person})."
            elif event < 0.18:
                yield f"life_threatening_illness({person})."
                if rng.random() < 2 / 3:
                    yield f"medical_certificate({person})."
        if rng.random() < 0.15:
            yield f"legal_aid_contract({c}, {rng.choice(ADVOCATES)})."
        if rng.random() < 0.08:
            yield f"state_legal_aid_provider({c}, l{i:06d})."
        if rng.random() < 0.25:
            yield f"medical_contact({c}, m{i:06d})."
            if rng.random() < 0.5:
                yield f"needs_medical_care({c})."
        if rng.random() < 0.03:
            yield f"natural_disaster_damage({c})."
            if rng.random() < 0.7:
                yield f"local_executive_body_certificate({c})."
        if rng.random() < 0.02:
            yield f"emergency({c}, {rng.choice(KINDS)})."
        if rng.random() < 0.02:
            yield f"quarantine({c})."
        if rng.random() < 0.05:
            yield f'exceptional_circumstance({c}, "{rng.choice(CIRCUMSTANCES)}").'
            if rng.random() < 1 / 3:
                yield f"called_this_month({c}, {relatives[0]})."


def write_register(path: Path, convicts: int) -> tuple[Path, int]:
    """Writes the register (unless the same one is there already); returns the path and its number of facts."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = list(case_lines(convicts))
    text = f"% {convicts} generated convicts (benchmarks/register.py)\n" + "\n".join(lines) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path, len(lines)


if __name__ == "__main__":
    n = int(sys.argv[1])
    _, facts = write_register(Path(sys.argv[2]), n)
    print(f"{n} convicts, {facts} facts, {facts / n:.2f} facts per convict")
