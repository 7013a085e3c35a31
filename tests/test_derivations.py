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


def _instances_both_ways(program, model):
    """Every derived tuple's instances, matched and read off the record: equal, in the same order (rule, solution with
    its names in order, body atoms). Returns how many tuples derived more than once the record gave."""
    matched, recorded = Prover(program, model, recorded=False), Prover(program, model, recorded=True)
    several = 0
    for relation in sorted({rule.relation for rule in program.rules}):
        for values in sorted(model.get(relation), key=repr):
            a, b = matched.instances((relation, values)), recorded.instances((relation, values))
            assert [(id(r), list(s.items()), body) for r, s, body in a] == \
                [(id(r), list(s.items()), body) for r, s, body in b], (relation, values)
            record = recorded._records.get(relation)
            several += len(b) > 1 and bool(record) and values in record[1] and \
                model.derivations.every(relation, values) is not None
    return several


def test_a_tuple_several_rules_derive_is_read_off_the_record(tmp_path):
    """A contact who is both a close relative and a friend (two rules, one instance each) and a norm met by two
    circumstances: their instances come from the record, in the matching's order."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from register import write_register
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    path = tmp_path / "register.facts"
    write_register(path, 200)
    kb, _ = load_knowledge(None, [path])
    program = ir.lower(kb, datetime.date(2025, 3, 10))
    model = evaluate(program, ir.question_relations("call"), engine="sets")
    assert _instances_both_ways(program, model) > 10


def test_a_rule_deriving_a_tuple_twice_is_matched():
    """r(X) by two rules, the first of which derives r(a) twice (through b and c): the record cannot give the matching's
    order of those two, so r(a)'s instances are matched; r(d) (once by each rule) is read off the record."""
    span = Span("<test>", 1, 1)

    def atom(p, *names):
        return n.Atom(p, tuple(n.Variable(x, span) for x in names), span, span)
    program = ir.Program(at=datetime.date(2025, 1, 1))
    program.arities.update(e=2, f=1, r=1)
    for a, b in [("a", "c"), ("a", "b"), ("d", "e")]:
        program.add_fact("e", (a, b), span)
    for a in ("a", "d"):
        program.add_fact("f", (a,), span)
    program.rules.append(ir.Rule(atom("r", "X"), (atom("e", "X", "Y"),), None, None, span))
    program.rules.append(ir.Rule(atom("r", "X"), (atom("f", "X"),), None, None, span))
    model = evaluate(program, None, engine="sets")
    assert model.derivations.every("r", ("a",)) is None   # the first rule's join derives r(a) twice
    _instances_both_ways(program, model)
    program.facts["e"].pop(("a", "b"))
    model = evaluate(program, None, engine="sets")
    assert [k for k, _row in model.derivations.every("r", ("a",))] == [0, 1]
    assert _instances_both_ways(program, model) == 2


def test_the_matching_index_gives_each_lookup_in_row_order():
    """Index.lookup sorts a list of its index when first asked for (most never are): every lookup, on one or several
    positions, gives the tuples matching the pattern sorted by `row_key`, values of kinds equal across types included
    (1, 1.0 and True are one key, as in a tuple)."""
    from engine.logic.matching import Index, row_key
    from engine.logic.model import Model

    values = ["b", "a", 1, 2, 1.0, True, datetime.date(2025, 1, 2), "c", 0]
    rows = {(x, y, z) for x in values for y in values[:5] for z in ("p", "q") if hash((x, y, z)) % 3}
    index = Index(Model({"r": rows}))
    for pattern in [(x, None, None) for x in values + ["absent"]] + [(None, y, z) for y in values for z in ("p", "q")] \
            + [(x, None, z) for x in values for z in ("q", "p")] + [(x, None, None) for x in reversed(values)]:
        expected = sorted((row for row in rows if all(p is None or p == v for p, v in zip(pattern, row))), key=row_key)
        assert index.lookup("r", pattern) == expected, pattern


@pytest.mark.parametrize("case", CASES[:4], ids=lambda c: c.stem if c else "sample")
def test_exact_everywhere_is_what_scanning_every_relation_finds(case):
    """Where the facts' values and the rules' constants are of exact kinds and no rule computes (derivations.
    exact_everywhere), every relation of the model is: the prover's memo then reads no relation's tuples."""
    from engine.logic.derivations import _DISTINCT_KINDS, Exact, exact_everywhere

    kb, _ = load_knowledge(None, [case] if case else None)
    program = ir.lower(kb, datetime.date(2025, 3, 10))
    model = evaluate(program, ir.question_relations("call"), engine="sets")
    assert exact_everywhere(program.facts, program.rules)
    for relation, tuples in model.relations.items():
        assert {type(v) for row in tuples for v in row} <= _DISTINCT_KINDS, relation
    prover = Prover(program, model)
    assert prover._record_of("norm:call", prover.rules["norm:call"]) is not None
    assert isinstance(prover._exact, Exact)


def test_a_value_of_another_kind_anywhere_leaves_exactness_to_each_rule():
    """A fact's float, a rule's float constant or built-in arithmetic: exact_everywhere says nothing (False), and the
    per-rule scan decides as before."""
    from engine.logic.derivations import exact_everywhere

    span = Span("<test>", 1, 1)

    def atom(p, *terms):
        return n.Atom(p, tuple(n.Variable(x, span) if isinstance(x, str) and x[:1].isupper() else n.Constant(x, span)
                               for x in terms), span, span)
    rule = ir.Rule(atom("r", "X"), (atom("e", "X", "Y"),), None, None, span)
    facts = {"e": {("a", "b"): span, ("c", 1): span, ("d", datetime.date(2025, 1, 1)): span}}
    assert exact_everywhere(facts, [rule])
    assert not exact_everywhere({**facts, "f": {(1.5,): span}}, [rule])
    assert not exact_everywhere({**facts, "f": {(True,): span}}, [rule])
    assert not exact_everywhere(facts, [rule, ir.Rule(atom("r", "X"), (atom("e", "X", 2.0),), None, None, span)])
    assert not exact_everywhere(facts, [rule, ir.Rule(atom("s", "Z"), (atom("e", "X", "Y"), atom("+", "Y", 1, "Z")),
                                                       None, None, span)])
    program = ir.Program(at=datetime.date(2025, 1, 1))
    program.arities.update(e=2, r=1)
    for values in [("a", 1), ("b", 1.0)]:
        program.add_fact("e", values, span)
    program.rules.append(ir.Rule(atom("r", "X"), (atom("e", "X", "Y"),), None, None, span))
    model = evaluate(program, None, engine="sets")
    prover = Prover(program, model)
    assert prover.instances(("r", ("a",))) and prover._records["r"] is None   # 1 and 1.0: matched, as before


def test_a_layout_plans_only_a_body_binding_variables_of_its_own():
    """A recorded instance's solution names its variables in the order the matching binds them: the plan's (here the
    smaller relation first, against the written order), which needs each relation's statistics; where the head binds
    every variable of the body, the written order is that order and no statistics are gathered."""
    span = Span("<test>", 1, 1)

    def atom(p, *names):
        return n.Atom(p, tuple(n.Variable(x, span) for x in names), span, span)
    program = ir.Program(at=datetime.date(2025, 1, 1))
    program.arities.update(big=2, small=2, one=1, r=1, s=2)
    for k in range(40):
        program.add_fact("big", ("a", f"y{k}"), span)
    program.add_fact("small", ("a", "z"), span)
    program.add_fact("one", ("a",), span)
    program.rules.append(ir.Rule(atom("r", "X"), (atom("big", "X", "Y"), atom("small", "X", "Z")), None, None, span))
    program.rules.append(ir.Rule(atom("s", "X", "Z"), (atom("small", "X", "Z"), atom("one", "X")), None, None, span))
    model = evaluate(program, None, engine="sets")
    prover = Prover(program, model)
    (_rule, solution, _body), = prover.instances(("s", ("a", "z")))
    assert list(solution) == ["X", "Z"] and not prover.index._distinct   # no plan: nothing to order
    _instances_both_ways(program, model)
    for values in model.get("r"):   # r(a) by 40 instances: matched; each one's names in the plan's order
        instances = Prover(program, model).instances(("r", values))
        assert [list(s) for _r, s, _b in instances] == [["X", "Z", "Y"]] * 40
    program.facts["big"] = {("a", "y0"): span, ("b", "y1"): span, ("b", "y2"): span}   # r(a) now derived once: read
    # off the record, in the plan's order (small has fewer expected matches for X bound: 1 against 3 / 2)
    model = evaluate(program, None, engine="sets")
    (_rule, solution, _body), = Prover(program, model).instances(("r", ("a",)))
    assert list(solution) == ["X", "Z", "Y"]
    _instances_both_ways(program, model)
