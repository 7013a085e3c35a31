"""Proofs from recorded derivations are the proofs of matching (engine/logic/derivations.py).

The set-at-a-time evaluator records, for each tuple a non-recursive rule derives, its first instance
and how many derive it; the prover takes a tuple's only instance from that record instead of matching
rule bodies. Built both ways, every answer's full trace (deciding proofs, supporting proofs, why-nots
with the proofs of what held) must be the same, with the bindings of every proof node in the same
order: on the bundled law with every example case, on a generated register and on Singapore's rule 34.
"""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

import pytest

from engine.base.source import Span
from engine.explain.answering import answers, trace
from engine.explain.explanation import Explainer
from engine.explain.proof import Prover
from engine.logic import ir
from engine.logic.evaluator import evaluate
from engine.pipeline import load_knowledge
from engine.syntax import nodes as n
from engine.syntax.parser import parse_query

ROOT = Path(__file__).resolve().parent.parent
SG = ROOT / "examples" / "sg-rule34" / "kb"


def proofs_both_ways(kb, at: datetime.date, question: str) -> int:
    """Asserts the two ways agree on every answer; returns how many instances came from the record."""
    program = ir.lower(kb, at)
    query = parse_query(question)
    model = evaluate(program, ir.question_relations(query.atom.predicate), engine="sets")
    assert model.derivations is not None
    shown = {}
    for recorded in (False, True):
        prover = Prover(program, model, recorded=recorded)
        explainer = Explainer(kb, program, "en")
        lines = []
        for answer in answers(program, model, query):
            t = trace(program, prover, answer)
            lines.append(json.dumps(explainer.answer(t), default=str))
            lines += [repr(list(node.bindings.items())) for node in _nodes(t)]
        shown[recorded] = lines
        if recorded:
            used = sum(len(record[2]) for record in prover._records.values() if record is not None)   # joins read
    assert shown[True] == shown[False]
    assert len(shown[False]) > 10
    return used


def _nodes(t):
    stack = [p for p in [t.proof, *t.supporting] if p is not None]
    for w in t.why_not:
        stack += w.held
    while stack:
        node = stack.pop()
        yield node
        stack += node.children


CASES = [None] + sorted((ROOT / "kb" / "cases").glob("*.facts"))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.stem if c else "sample")
def test_the_bundled_law_with_every_example_case(case):
    kb, _ = load_knowledge(None, [case] if case else None)
    used = sum(proofs_both_ways(kb, at, "call(C, P, Purpose)")
               for at in (datetime.date(2024, 12, 26), datetime.date(2025, 3, 10)))
    assert used > 0, "no proof came from the record: a vacuous test"


def test_a_generated_register(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from register import write_register
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    path = tmp_path / "register.facts"
    write_register(path, 60)
    kb, _ = load_knowledge(None, [path])
    assert proofs_both_ways(kb, datetime.date(2025, 3, 10), "call(C, P, Purpose)") > 0


@pytest.mark.parametrize("case", [c for c in sorted((SG / "cases").glob("*.facts")) if c.stem != "base"], ids=lambda c: c.stem)
def test_singapore_rule_34(case):
    kb, _ = load_knowledge(SG, [case])
    assert proofs_both_ways(kb, datetime.date(2025, 3, 10), "accept(P, E)") > 0


def test_a_recursive_relation_is_left_to_matching():
    """Semi-naive rounds may meet one instance twice: a recursive relation's proofs are matched."""
    span = Span("<test>", 1, 1)

    def atom(p, *names):
        return n.Atom(p, tuple(n.Variable(x, span) for x in names), span, span)
    program = ir.Program(at=datetime.date(2025, 1, 1))
    program.arities.update(e=2, r=2)
    for a, b in [("a", "b"), ("b", "c"), ("a", "c")]:
        program.add_fact("e", (a, b), span)
    program.rules.append(ir.Rule(atom("r", "X", "Y"), (atom("e", "X", "Y"),), None, None, span))
    program.rules.append(ir.Rule(atom("r", "X", "Y"), (atom("r", "X", "Z"), atom("e", "Z", "Y")), None, None, span))
    model = evaluate(program, None, engine="sets")
    assert model.derivations.single("r", ("a", "b")) is None
    proof = Prover(program, model).prove("r", ("a", "c"))
    assert proof.children[0].relation == "e"   # the minimal height: e(a, c) itself, not r(a, b), e(b, c)


def test_the_kinds_of_a_derived_relation_read_off_its_rules_are_those_of_its_tuples():
    """derivations.exact with the record (a derived relation's kinds settled by its rules, its tuples not read) gives
    what reading every tuple gives: a float reaching a relation through a fact, a stated fact of a derived relation
    or a comparison's constant keeps it from being exact; texts and whole numbers through a chain of rules do not."""
    from engine.logic.derivations import _kinds_exact, exact

    span = Span("<test>", 1, 1)

    def atom(p, *terms):
        return n.Atom(p, tuple(n.Variable(x, span) if isinstance(x, str) and x[0].isupper() else n.Constant(x, span)
                               for x in terms), span, span)
    program = ir.Program(at=datetime.date(2025, 1, 1))
    program.arities.update(t=1, u=1, v=1, p=1, q=1, s=2, w=1, z=1, m=1, k=2)
    for relation, value in [("t", "a"), ("t", "b"), ("u", 1), ("u", 2), ("v", 1.5), ("v", "c"), ("w", 2.5)]:
        program.add_fact(relation, (value,), span)
    rules = [(atom("p", "X"), (atom("t", "X"),)),                       # texts: exact
             (atom("q", "X"), (atom("v", "X"),)),                       # a float from a fact: not
             (atom("s", "X", "Y"), (atom("t", "X"), n.Comparison(n.Variable("Y", span), "=", n.Constant(1.5, span),
                                                                 span))),   # a float from a constant: not
             (atom("w", "X"), (atom("t", "X"),)),                       # a stated fact 2.5 beside its rule: not
             (atom("z", "X"), (atom("p", "X"),)),                       # a chain of texts: exact
             (atom("m", "X"), (atom("u", "X"), atom("p", "Y"))),        # whole numbers and texts: exact
             (atom("k", "X", "Y"), (atom("m", "X"), atom("q", "Y")))]   # through q's float: not
    for head, body in rules:
        program.rules.append(ir.Rule(head, body, None, None, span))
    model = evaluate(program, None, engine="sets")
    record = model.derivations
    assert record is not None
    read = {r: _kinds_exact(r, model.get, {}, None) for r in program.arities}
    assert read == {"t": True, "u": True, "v": False, "p": True, "q": False, "s": False, "w": False, "z": True,
                    "m": True, "k": False}
    assert {r: _kinds_exact(r, model.get, {}, record) for r in program.arities} == read
    settled: list[str] = []
    for rule in program.rules:   # and per rule, with one memo as the prover keeps it
        assert exact(rule, model.get, {}, record) == exact(rule, model.get, {})
    memo: dict = {}
    _kinds_exact("k", lambda r: settled.append(r) or model.get(r), memo, record)
    assert "p" not in settled and "m" not in settled   # derived relations settled by their rules, not read
