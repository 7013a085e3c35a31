"""The evaluators behind the seam (engine/logic/evaluator.py) give the same model, and so the same bytes.

pyDatalog is the reference; `sets` (engine/logic/sets.py) must agree with it on the bundled law with
every example case, on a generated register (model and `zan ask --format jsonl` output), and on random
stratified programs with recursion, negation, comparisons across kinds, arithmetic, constants,
repeated and anonymous variables. Sampled so that the file runs in seconds.
"""

from __future__ import annotations

import datetime
import random
import sys
from pathlib import Path

import pytest

from engine.base.source import Span
from engine.logic import evaluator, ir
from engine.logic.evaluator import EVALUATORS, evaluate
from engine.pipeline import load_knowledge
from engine.syntax import nodes as n

ROOT = Path(__file__).resolve().parent.parent
OTHERS = sorted(set(EVALUATORS) - {evaluator.DEFAULT})
SPAN = Span("<test>", 1, 1)


def same_model(program, relations=None):
    reference = evaluate(program, relations, engine=evaluator.DEFAULT).relations
    for name in OTHERS:
        assert evaluate(program, relations, engine=name).relations == reference, name
    return reference


CASES = [None] + sorted((ROOT / "kb" / "cases").glob("*.facts"))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.stem if c else "sample")
def test_the_bundled_law_with_every_example_case(case):
    kb, _ = load_knowledge(None, [case] if case else None)
    for at in (datetime.date(2024, 12, 26), datetime.date(2025, 3, 10)):
        program = ir.lower(kb, at)
        model = same_model(program)
        assert any(model.get(r) for r in model if r.startswith(ir.NORM)), "the law concluded nothing: a vacuous test"
        same_model(ir.lower(kb, at), ir.question_relations("call"))


@pytest.fixture(scope="module")
def register_file(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from register import write_register
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    path = tmp_path_factory.mktemp("evaluators") / "register.facts"
    write_register(path, 120)
    return path


def test_a_register_has_the_same_model(register_file):
    kb, _ = load_knowledge(None, [register_file])
    model = same_model(ir.lower(kb, datetime.date(2025, 3, 10)), ir.question_relations("call"))
    assert len(model["norm:call"]) > 100


@pytest.mark.parametrize("trace", ["brief", pytest.param("full", marks=pytest.mark.slow)])   # full traces of a register: ~25 s
def test_a_register_answers_in_the_same_bytes(zan, register_file, trace):
    args = ["ask", "call(C, P, Purpose)", "--facts", str(register_file), "--at", "2025-03-10", "--format", "jsonl",
            "--trace", trace, "--partition", "300", "--jobs", "1"]
    outputs = {}
    for name in EVALUATORS:
        result = zan(*args, "--engine", name)
        assert result.exit_code == 0, result.output
        outputs[name] = result.stdout
    assert len(set(outputs.values())) == 1
    assert outputs[evaluator.DEFAULT].count('{"answer"') > 1000
    assert evaluator.chosen() == evaluator.DEFAULT   # --engine chose for that command only


@pytest.mark.parametrize("case", [None, ROOT / "kb" / "cases" / "example2-death-certificate.facts"],
                         ids=["sample", "example2"])
def test_pydatalog_is_given_only_what_the_question_rests_on(monkeypatch, case):
    """A question's evaluation declares, asserts and asks in pyDatalog only the relations the asked ones rest on
    (their rules' conditions, and so on down; engine/logic/plan.dependency_graph(program, relations)): the rest of
    the law is never handed to it, and what it does evaluate is what evaluating everything gives. (Before, every
    relation of the program was declared and every fact asserted.)"""
    from engine.logic import evaluation, plan

    kb, _ = load_knowledge(None, [case] if case else None)
    program = ir.lower(kb, datetime.date(2025, 3, 10))
    relations = ir.question_relations("call")
    cone = plan.depended_on(plan.dependency_graph(program), relations)
    assert set(program.arities) - cone, "the law has relations a question about calls does not rest on"
    declared, asserted = [], []
    insert, assert_ = evaluation.insert, evaluation.assert_
    monkeypatch.setattr(evaluation, "insert", lambda pred: declared.append(pred.name) or insert(pred))
    monkeypatch.setattr(evaluation, "assert_", lambda clause: asserted.append(clause.head.pred.name) or assert_(clause))
    model = evaluation.evaluate(program, relations)
    ours = {name[len("z:"):] for name in declared + asserted if name.startswith("z:")}
    assert ours <= cone
    assert cone & set(program.arities) <= ours   # each relation read is declared (an empty one would raise)
    everything = evaluation.evaluate(program)
    assert {r: model.relations.get(r) for r in cone} == {r: everything.relations.get(r) for r in cone}


@pytest.mark.parametrize("case", CASES[:4], ids=lambda c: c.stem if c else "sample")
def test_pydatalog_is_given_no_rule_that_reads_a_relation_found_empty(monkeypatch, case):
    """A rule with a condition on a relation evaluated before and found empty derives nothing: pyDatalog is not given
    it, and a relation none of whose rules it is given is not asked (its facts are its answers). The model is the set
    evaluator's, as every other (test_the_bundled_law_with_every_example_case). Before, every rule was given."""
    from engine.logic import evaluation

    kb, _ = load_knowledge(None, [case] if case else None)
    program = ir.lower(kb, datetime.date(2025, 3, 10))
    relations = ir.question_relations("call")
    rules, asked = [], []
    assert_, ask = evaluation.assert_, evaluation._ask
    monkeypatch.setattr(evaluation, "assert_", lambda clause: (rules.append(clause) if clause.body else None)
                        or assert_(clause))
    monkeypatch.setattr(evaluation, "_ask", lambda relation, arity: asked.append(relation) or ask(relation, arity))
    model = evaluation.evaluate(program, relations).relations
    assert model == evaluate(program, relations, engine="sets").relations
    read = [literal.pred.name[len("z:"):] for clause in rules for literal in clause.body
            if literal.pred.name.startswith("z:") and not literal.pred.name.startswith("z:@")]
    assert read and all(model.get(relation) for relation in read)
    assert set(asked) <= {clause.head.pred.name[len("z:"):] for clause in rules}
    assert any(not model.get(r) for r in program.arities if r in read or not r.startswith(("norm:", "domain:")))


def test_the_choice_is_made_in_one_place(monkeypatch):
    monkeypatch.delenv("ZAN_ENGINE", raising=False)
    assert evaluator.chosen() == evaluator.DEFAULT == "pydatalog"
    assert evaluator.chosen(many=True) == evaluator.MANY == "sets"   # registers in partitions, --mutate, cases
    evaluator.use("pydatalog")
    try:
        assert evaluator.chosen(many=True) == "pydatalog"   # a choice wins everywhere
    finally:
        evaluator.use(None)
    monkeypatch.setenv("ZAN_ENGINE", "sets")
    assert evaluator.chosen() == "sets"
    with pytest.raises(ValueError):
        evaluator.use("prolog")


def test_an_unknown_evaluator_is_refused(zan):
    result = zan("ask", "call(kunakbaev, P, Purpose)", "--engine", "prolog")
    assert result.exit_code == 2 and "prolog" in result.output


# ------------------------------------------------------------------------------ random programs

VALUES = ["a", "b", "c", 1, 2, 3, datetime.date(2025, 1, 1), datetime.date(2025, 2, 1)]


def var(name):
    return n.Variable(name, SPAN)


def const(value):
    return n.Constant(value, SPAN)


def atom(predicate, *args):
    return n.Atom(predicate, tuple(args), SPAN, SPAN)


def random_program(seed: int) -> ir.Program:
    """Facts over three base relations, then derived relations in strata: each rule joins relations of
    its stratum or below (recursion, through cycles too), may negate a lower one, compare, add."""
    rnd = random.Random(seed)
    program = ir.Program(at=datetime.date(2025, 1, 1))
    base = {"e": 2, "f": 2, "g": 1}
    for relation, arity in base.items():
        program.arities[relation] = arity
        for _ in range(rnd.randint(0, 14)):
            program.add_fact(relation, tuple(rnd.choice(VALUES) for _ in range(arity)), SPAN)
    strata = [dict(base)]
    for level in range(rnd.randint(2, 4)):
        stratum = {f"d{level}_{i}": rnd.choice([1, 2, 2, 3]) for i in range(rnd.randint(1, 3))}
        for relation, arity in stratum.items():
            program.arities[relation] = arity
        below = {r: a for s in strata for r, a in s.items()}
        joinable = {**below, **stratum}
        for relation, arity in stratum.items():
            for _ in range(rnd.randint(1, 3)):
                program.rules.append(random_rule(rnd, relation, arity, joinable, below))
        strata.append(stratum)
    return program


def random_rule(rnd, relation, arity, joinable, below) -> ir.Rule:
    names = ["X", "Y", "Z", "W"]
    body, bound = [], []
    for _ in range(rnd.randint(1, 3)):
        predicate = rnd.choice(sorted(joinable))
        args = []
        for _ in range(joinable[predicate]):
            roll = rnd.random()
            if roll < 0.1:
                args.append(const(rnd.choice(VALUES)))
            elif roll < 0.2:
                args.append(var("_"))
            else:
                args.append(var(rnd.choice(names)))
        body.append(atom(predicate, *args))
        bound += [a.name for a in args if isinstance(a, n.Variable) and a.name != "_"]
    if not bound:
        body.append(atom("g", var("X")))
        bound.append("X")
    if rnd.random() < 0.4:
        predicate = rnd.choice(sorted(below))
        body.append(n.Negation(atom(predicate, *[rnd.choice([var(rnd.choice(bound)), var("_"), const(rnd.choice(VALUES))])
                                                 for _ in range(below[predicate])]), SPAN))
    if rnd.random() < 0.4:
        body.append(n.Comparison(var(rnd.choice(bound)), rnd.choice(["<", "<=", ">", ">=", "!=", "="]),
                                 rnd.choice([var(rnd.choice(bound)), const(rnd.choice(VALUES))]), SPAN))
    if rnd.random() < 0.2:
        body.append(atom(rnd.choice(ir.ARITHMETIC_RELATIONS), var(rnd.choice(bound)), const(rnd.choice([0, 1, 2])), var("R")))
        bound.append("R")
    if rnd.random() < 0.15:
        body.append(n.Comparison(var("V"), "=", var(rnd.choice(bound)), SPAN))
        bound.append("V")
    head = [var(rnd.choice(bound)) if rnd.random() < 0.85 else const(rnd.choice(VALUES)) for _ in range(arity)]
    return ir.Rule(atom(relation, *head), tuple(body), None, None, SPAN)


@pytest.mark.parametrize("seed", range(60))
def test_random_stratified_programs(seed):
    program = random_program(seed)
    model = same_model(program)
    relations = sorted(r for r in program.arities if r.startswith("d"))
    same_model(program, {relations[seed % len(relations)]})
    assert set(program.facts) <= set(model)
