"""The knowledge base's deontic layer is a use of the defeasible core (engine/logic/defeasible.py).

`deontic.decide` gives each applicable norm as a defeasible rule for the atom (allowing side) or its
complement (prohibited side), superiority from `deontic.priority`, and reads the status, deciding
norm, supporting norms, defeats and ambiguity off the core's `decide`. These tests hold it to the
reading of docs/semantics.md, written out independently below (`reference`), on random sets of norms
and priorities, cycles included; and they pin down where the core's two readings of defeat agree.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest

from engine.logic import defeasible
from engine.logic.defeasible import Instance
from engine.logic.deontic import ALLOWING, Answer, decide
from engine.logic.norms import PRINCIPLES, Defeat
from engine.logic.ir import Program

MODALITIES = ALLOWING + ("prohibited",)
DAY = datetime.date(2025, 3, 10)


@dataclass
class FakeNorm:
    """What decide reads of a norm: modality, rank, in-force date, deadline."""

    id: str
    modality: str
    rank: int
    start: datetime.date | None
    node: SimpleNamespace = field(default_factory=lambda: SimpleNamespace(deadline=None))


def reference(program: Program, predicate: str, values: tuple, applicable: set[str], facts: set[tuple]) -> Answer:
    """docs/semantics.md, directly: defeated = beaten by any applicable conflicting norm; status from the rest."""
    def order(nid):
        info = program.norms[nid]
        return (-info.rank, -(info.start.toordinal() if info.start else 0), nid)

    undefeated = {m for m in applicable if not any((w, m) in program.defeats for w in applicable)}
    answer = Answer(predicate, values, {}, "undetermined", applicable=sorted(applicable, key=order))
    modality = {nid: program.norms[nid].modality for nid in applicable}
    allowing = [nid for nid in undefeated if modality[nid] in ALLOWING]
    forbidding = [nid for nid in undefeated if modality[nid] == "prohibited"]
    if allowing and forbidding:
        answer.ambiguity = sorted({tuple(sorted((a, f))) for a in allowing for f in forbidding})
    elif applicable and not undefeated:
        answer.ambiguity = sorted({tuple(sorted((w, l))) for (w, l) in program.defeats
                                   if w in applicable and l in applicable})
    elif allowing:
        strongest = min(ALLOWING.index(modality[nid]) for nid in allowing)
        answer.status = ALLOWING[strongest]
        winners = sorted((nid for nid in allowing if ALLOWING.index(modality[nid]) == strongest), key=order)
        answer.deciding, answer.supporting = winners[0], winners[1:]
    elif forbidding:
        answer.status = "prohibited"
        winners = sorted(forbidding, key=order)
        answer.deciding, answer.supporting = winners[0], winners[1:]
    for loser in sorted(applicable - undefeated, key=order):
        beaten_by = [program.defeats[(w, loser)] for w in applicable if (w, loser) in program.defeats]
        beaten_by.sort(key=lambda d: (d.winner != answer.deciding, d.winner not in undefeated, order(d.winner)))
        answer.defeated.append(beaten_by[0])
    if answer.status == "obligatory" and answer.deciding:
        deadline = program.norms[answer.deciding].node.deadline
        if deadline is not None:
            answer.deadline = deadline
            answer.compliance = ("fulfilled" if values in facts else
                                 "overdue" if program.at > deadline else "pending")
    return answer


def random_program(rng: random.Random, size: int) -> Program:
    program = Program(at=DAY)
    for i in range(size):
        start = rng.choice([None, datetime.date(2015, 1, 1), datetime.date(2024, 12, 27)])
        norm = FakeNorm(f"n{i}", rng.choice(MODALITIES), rng.choice([0, 50, 100]), start)
        if norm.modality == "obligatory" and rng.random() < 0.5:
            norm.node.deadline = rng.choice([datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)])
        program.norms[norm.id] = norm
    ids = sorted(program.norms)
    for a in ids:
        for b in ids:
            conflict = (program.norms[a].modality == "prohibited") != (program.norms[b].modality == "prohibited")
            if a < b and conflict and rng.random() < 0.7:
                w, l = (a, b) if rng.random() < 0.5 else (b, a)     # any orientation: cycles happen
                program.defeats[(w, l)] = Defeat(w, l, rng.choice(PRINCIPLES))
    return program


def fields(a: Answer):
    return (a.status, a.deciding, a.supporting, a.applicable, a.defeated, a.ambiguity, a.deadline, a.compliance)


@pytest.mark.parametrize("seed", range(400))
def test_decide_is_the_semantics_of_the_docs(seed):
    rng = random.Random(seed)
    program = random_program(rng, rng.randint(1, 7))
    applicable = {nid for nid in program.norms if rng.random() < 0.8}
    facts = {("c", "p")} if rng.random() < 0.5 else set()
    got = decide(program, "call", ("c", "p"), applicable, facts, {})
    assert fields(got) == fields(reference(program, "call", ("c", "p"), applicable, facts))


def test_no_applicable_norm_is_undetermined_without_ambiguity():
    program = random_program(random.Random(1), 3)
    a = decide(program, "call", ("c", "p"), set(), set(), {"C": "c"})
    assert (a.status, a.deciding, a.defeated, a.ambiguity, a.bindings) == ("undetermined", None, [], [], {"C": "c"})


# -- the core's two readings of defeat

Q = ("p", ("a",))
NOT_Q = ("~p", ("a",))


def rules(*specs):
    return [Instance(rule_id, "defeasible", Q if side else NOT_Q, ()) for rule_id, side in specs]


def test_a_cycle_of_superiority_team_defeat_concludes_both_sides_the_kb_neither():
    # a1 > f1 > a2 > f2 > a1: every attacker is beaten by some rule of the other side
    instances = rules(("a1", True), ("a2", True), ("f1", False), ("f2", False))
    superiority = {("a1", "f1"), ("f1", "a2"), ("a2", "f2"), ("f2", "a1")}
    team_plus, _ = defeasible.Reasoner(defeasible.Theory(superiority=superiority), defeasible.Grounding(
        set(), {Q, NOT_Q}, instances, {Q, NOT_Q}), defeat="team").run()
    assert {Q, NOT_Q} <= team_plus
    verdict = defeasible.decide(Q, instances, superiority, defeat="rule")
    assert verdict.literal is None and verdict.undefeated == [] and verdict.ambiguous
    assert verdict.defeated == {"a1": ["f2"], "a2": ["f1"], "f1": ["a1"], "f2": ["a2"]}


@pytest.mark.parametrize("seed", range(200))
def test_with_acyclic_superiority_the_two_readings_agree(seed):
    rng = random.Random(seed)
    ids = [f"r{i}" for i in range(rng.randint(1, 6))]
    instances = [Instance(r, rng.choice(["defeasible", "defeasible", "defeater"]), rng.choice([Q, NOT_Q]), ()) for r in ids]
    rank = {r: rng.random() for r in ids}          # a superiority that follows one order has no cycle
    superiority = {(a, b) for a in ids for b in ids if rank[a] > rank[b] and rng.random() < 0.6}
    team = defeasible.decide(Q, instances, superiority, defeat="team")
    legal = defeasible.decide(Q, instances, superiority, defeat="rule")
    assert team.literal == legal.literal


def test_modes_the_strongest_undefeated_mode_decides():
    instances = [Instance("d", "defeasible", Q, (), "discretionary"), Instance("p1", "defeasible", Q, (), "permitted"),
                 Instance("p0", "defeasible", Q, (), "permitted"), Instance("f", "defeasible", NOT_Q, (), "prohibited")]
    verdict = defeasible.decide(Q, instances, {("p0", "f"), ("f", "p1")}, modes=MODALITIES)
    assert (verdict.literal, verdict.mode, verdict.winners) == (Q, "permitted", ["p0"])
    assert verdict.undefeated == ["d", "p0"] and verdict.defeated == {"f": ["p0"], "p1": ["f"]}
