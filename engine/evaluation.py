"""Evaluation: the IR's rules and facts handed to pyDatalog as Python objects, never as program text.

pyDatalog's text interfaces (`load`, `ask`) compile and run Python, so this module builds clauses
with pyEngine's `Pred`, `Literal`, `Const`, `Var` and `Clause`: constants travel as Python values.
It also stands between the program and pyDatalog's sharp edges: every relation is declared (a
negated or empty relation would raise), comparisons never raise on mixed types, and the literals of
a body are ordered so that recursion is evaluated left-recursively (right recursion over a cycle
does not terminate in pyDatalog) and each negation or comparison comes once its variables are bound.
"""

from __future__ import annotations

import datetime
import threading
from dataclasses import dataclass, field
from decimal import Decimal

from pyDatalog import pyDatalog
from pyDatalog.pyEngine import Clause, Const, Literal, Pred, Var, assert_, insert, retract

from engine import nodes as n
from engine.analysis import DependencyGraph
from engine.ir import Program, Rule

_lock = threading.Lock()


@dataclass
class Model:
    """Every tuple of every relation at the question's date."""

    relations: dict[str, set[tuple]] = field(default_factory=dict)

    def get(self, relation: str) -> set[tuple]:
        return self.relations.get(relation, set())


# Ordering comparisons are defined within one kind of value: dates with dates, numbers with numbers,
# texts with texts. Across kinds `<` is false and `!=` is true, instead of Python's TypeError.
def _kind(value) -> str:
    if isinstance(value, datetime.date):
        return "date"
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return "number"
    return "text"


def _compare(op: str, left, right) -> bool:
    if op == "!=":
        return left != right or _kind(left) != _kind(right)
    if _kind(left) != _kind(right):
        return False
    return {"<": left < right, "<=": left <= right, ">": left > right, ">=": left >= right}[op]


def _primitive(op: str):
    def primitive(literal, subgoal):
        left, right = literal.terms[0], literal.terms[1]
        if left.is_const() and right.is_const() and _compare(op, left.id, right.id):
            subgoal.fact(True)
    return primitive


_COMPARATORS = {op: f"zan{op}" for op in ("!=", "<", "<=", ">", ">=")}


def _number(value) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _arithmetic(op: str):
    """left op right on two numbers; None (no answer) for anything else or a division by zero."""
    def apply(left, right):
        if not (_number(left) and _number(right)):
            return None
        if op in ("/", "%") and right == 0:
            return None
        if op == "/":
            return left // right if isinstance(left, int) and isinstance(right, int) else left / right
        return {"+": left + right, "-": left - right, "*": left * right, "%": left % right}[op]
    return apply


# Built-in relations `op(Left, Right, Result)`, for arithmetic written by the conformance suite's rules.
# Their names cannot be written in the DSL (they are not identifiers), so the DSL never reaches them.
ARITHMETIC = {op: _arithmetic(op) for op in ("+", "-", "*", "/", "%")}


def _arithmetic_primitive(op: str, name: str):
    apply = ARITHMETIC[op]

    def primitive(literal, subgoal):
        left, right, result = literal.terms
        if not (left.is_const() and right.is_const()):
            return
        value = apply(left.id, right.id)
        if value is None:
            return
        if result.is_const():
            if result.id == value and _kind(result.id) == _kind(value):
                subgoal.fact(True)
        else:
            subgoal.fact(Literal(name, [left, right, Const(value)]))
    return primitive


def relation_name(relation: str) -> str:
    """The name under which pyDatalog knows a relation; ours never contain '.', '~' or '[' (which it reads)."""
    return "z:" + relation


def _term(term, variables: dict[str, Var]):
    if isinstance(term, n.Variable):
        if term.name == "_":  # each `_` is a variable of its own
            anonymous = variables.setdefault("_", [])
            anonymous.append(Var(f"_{len(anonymous)}_anon"))
            return anonymous[-1]
        return variables.setdefault(term.name, Var(term.name))
    return Const(term.value)


def order_body(rule: Rule, component: dict[str, int], sizes: dict[str, int]) -> list[n.Condition]:
    """Recursive literals first, then the most bound, smallest relations; tests once their variables are bound."""
    head_component = component.get(rule.relation)
    positives = [c for c in rule.body if isinstance(c, n.Atom)]
    tests = [c for c in rule.body if not isinstance(c, n.Atom) or c.predicate in ARITHMETIC]
    positives = [c for c in positives if c.predicate not in ARITHMETIC]
    recursive = [a for a in positives if head_component is not None and component.get(a.predicate) == head_component]
    others = [a for a in positives if a not in recursive]
    ordered: list[n.Condition] = []
    bound: set[str] = set()

    def place_tests():
        progress = True
        while progress:
            progress = False
            for t in list(tests):
                if isinstance(t, n.Negation):
                    needed = {v.name for v in t.atom.variables() if v.name != "_"}
                    ready = needed <= bound
                elif isinstance(t, n.Atom):  # arithmetic: ready once both operands are bound
                    ready = {a.name for a in t.args[:2] if isinstance(a, n.Variable)} <= bound
                    if ready:
                        bound.update(v.name for v in t.variables())
                else:
                    names = [x.name for x in (t.left, t.right) if isinstance(x, n.Variable)]
                    free = [v for v in names if v not in bound]
                    ready = not free or (t.operator == "=" and len(free) == 1)
                    if ready and t.operator == "=":
                        bound.update(names)
                if ready:
                    ordered.append(t)
                    tests.remove(t)
                    progress = True

    def take(atom: n.Atom):
        ordered.append(atom)
        bound.update(v.name for v in atom.variables())
        place_tests()

    place_tests()
    for atom in recursive:
        take(atom)
    while others:
        def cost(a: n.Atom):
            free = sum(1 for t in a.args if isinstance(t, n.Variable) and t.name not in bound)
            return (free == len(a.args) and bool(ordered), free, sizes.get(a.predicate, 0))
        best = min(others, key=cost)
        others.remove(best)
        take(best)
    ordered.extend(tests)  # unsafe leftovers cannot occur after the safety check; kept for completeness
    return ordered


def dependency_graph(program: Program) -> DependencyGraph:
    graph = DependencyGraph()
    for relation in program.arities:
        graph.nodes.add(relation)
    for rule in program.rules:
        graph.nodes.add(rule.relation)
        for c in rule.body:
            if isinstance(c, n.Atom):
                graph.add(rule.relation, c.predicate, False)
            elif isinstance(c, n.Negation):
                graph.add(rule.relation, c.atom.predicate, True)
    return graph


def evaluate(program: Program, relations: set[str] | None = None) -> Model:
    """Runs the program in pyDatalog and reads back every derived relation (or those the given ones rest on).

    pyDatalog keeps no answer table from one `ask` to the next, and top-down it derives a relation
    again for every binding a rule asks it with. So the components of the dependency graph are
    evaluated one at a time, dependencies first: each relation is asked once with its arguments free,
    and its answers become facts that the rules above look up through pyDatalog's indexes.
    """
    graph = dependency_graph(program)
    component = graph.component_of()
    sizes = {r: len(f) for r, f in program.facts.items()}
    rules_of: dict[str, list[Rule]] = {}
    for rule in program.rules:
        rules_of.setdefault(rule.relation, []).append(rule)
    needed = set(rules_of) if relations is None else _depended_on(graph, relations) & set(rules_of)
    # Answers are asserted as facts only where a rule evaluated later reads them (at 10k convicts,
    # asserting the question's own relations cost 4 s).
    read = {c.predicate if isinstance(c, n.Atom) else c.atom.predicate
            for r in needed for rule in rules_of[r] for c in rule.body if isinstance(c, (n.Atom, n.Negation))}
    with _lock:
        pyDatalog.clear()
        keep = []  # pyDatalog's predicate registry holds weak references
        for relation, arity in program.arities.items():
            keep.append(insert(Pred(relation_name(relation), arity)))
        for op, name in _COMPARATORS.items():
            keep.append(insert(Pred(name, 2)))
            keep[-1].prim = _primitive(op)
        for op in ARITHMETIC:
            keep.append(insert(Pred(f"zan{op}", 3)))
            keep[-1].prim = _arithmetic_primitive(op, f"zan{op}")
        for relation, facts in program.facts.items():
            _assert_facts(relation, facts)
        model = Model({r: set(f) for r, f in program.facts.items()})
        for members in graph.components():
            members = [r for r in members if r in needed]
            if _recursive(members, rules_of):
                answers = _seminaive(members, rules_of, program.arities, sizes, keep, program.facts)
            else:
                clauses = [assert_(_clause(rule, component, sizes)) for r in members for rule in rules_of[r]]
                answers = {r: _ask(r, program.arities.get(r, 0)) for r in members}
                for clause in clauses:
                    retract(clause)
            for relation, rows in answers.items():
                model.relations.setdefault(relation, set()).update(rows)
                if relation in read:
                    _assert_facts(relation, rows)
                sizes[relation] = len(rows)
        pyDatalog.clear()
    return model


def _recursive(members: list[str], rules_of: dict[str, list[Rule]]) -> bool:
    inside = set(members)
    return any(isinstance(c, n.Atom) and c.predicate in inside
               for r in members for rule in rules_of.get(r, ()) for c in rule.body)


def _seminaive(members: list[str], rules_of: dict[str, list[Rule]], arities: dict[str, int],
               sizes: dict[str, int], keep: list, facts: dict) -> dict[str, set[tuple]]:
    """A recursive component, bottom-up: pyDatalog joins, Python iterates to the fixpoint.

    pyDatalog's own top-down recursion re-derives a relation for every binding it is asked with and
    may not end on right recursion through a cycle; here each round asks only non-recursive clauses:
    every rule once per recursive literal, that literal reading the previous round's new tuples
    (`delta`) and the others everything found so far (semi-naive evaluation). The rounds are finite:
    each adds tuples over the program's finite constants, or stops.
    """
    inside = set(members)
    found: dict[str, set[tuple]] = {r: set(facts.get(r, ())) for r in members}   # asserted already
    delta: dict[str, set[tuple]] = {r: set(facts.get(r, ())) for r in members}
    # Round 0: the facts and the rules with no recursive literal.
    for r in members:
        for rule in rules_of.get(r, ()):
            if not any(isinstance(c, n.Atom) and c.predicate in inside for c in rule.body):
                delta[r] |= _ask_rule(rule, {}, arities, sizes, keep, "exit")
    for r in members:
        _assert_facts(r, delta[r] - found[r])
        found[r] |= delta[r]
    round_ = 0
    while any(delta.values()):
        round_ += 1
        for r in members:
            _assert_facts(f"delta{round_}:{r}", delta[r])
            keep.append(insert(Pred(relation_name(f"delta{round_}:{r}"), arities.get(r, 0))))
            sizes[f"delta{round_}:{r}"] = len(delta[r])
        new: dict[str, set[tuple]] = {r: set() for r in members}
        for r in members:
            for rule in rules_of.get(r, ()):
                positions = [i for i, c in enumerate(rule.body) if isinstance(c, n.Atom) and c.predicate in inside]
                for i in positions:
                    if not delta[rule.body[i].predicate]:
                        continue
                    rows = _ask_rule(rule, {i: f"delta{round_}:{rule.body[i].predicate}"}, arities, sizes, keep,
                                     f"round{round_}.{i}")
                    new[r] |= rows - found[r]
        for r in members:
            found[r] |= new[r]
            _assert_facts(r, new[r])
            sizes[r] = len(found[r])
        delta = new
    return found


def _ask_rule(rule: Rule, renamed: dict[int, str], arities: dict[str, int], sizes: dict[str, int], keep: list,
              tag: str) -> set[tuple]:
    """The head tuples of one rule, body literal i read from relation renamed[i]; no recursion involved."""
    body = tuple(n.Atom(renamed[i], c.args, c.span, c.predicate_span) if i in renamed else c
                 for i, c in enumerate(rule.body))
    query = f"{tag}:{rule.relation}"
    head = n.Atom(query, rule.head.args, rule.head.span, rule.head.predicate_span)
    keep.append(insert(Pred(relation_name(query), len(rule.head.args))))
    clause = assert_(_clause(Rule(head, body, rule.norm, rule.modality, rule.span, rule.kind), {}, sizes))
    try:
        return _ask(query, len(rule.head.args))
    finally:
        retract(clause)


def _depended_on(graph: DependencyGraph, roots) -> set[str]:
    """The roots and every relation they depend on, through any number of rules."""
    found, stack = set(), list(roots)
    while stack:
        relation = stack.pop()
        if relation not in found:
            found.add(relation)
            stack.extend(graph.edges.get(relation, ()))
    return found


def _assert_facts(relation: str, rows) -> None:
    name = relation_name(relation)
    for values in rows:
        assert_(Clause(Literal(name, [Const(v) for v in values]), []))


def _clause(rule: Rule, component: dict[str, int], sizes: dict[str, int]) -> Clause:
    variables: dict[str, Var] = {}
    head = Literal(relation_name(rule.relation), [_term(t, variables) for t in rule.head.args])
    body = []
    for c in order_body(rule, component, sizes):
        if isinstance(c, n.Atom) and c.predicate in ARITHMETIC:
            body.append(Literal(f"zan{c.predicate}", [_term(t, variables) for t in c.args]))
        elif isinstance(c, n.Atom):
            body.append(Literal(relation_name(c.predicate), [_term(t, variables) for t in c.args]))
        elif isinstance(c, n.Negation):
            body.append(Literal("~" + relation_name(c.atom.predicate), [_term(t, variables) for t in c.atom.args]))
        else:
            op = "==" if c.operator == "=" else _COMPARATORS[c.operator]
            body.append(Literal(op, [_term(c.left, variables), _term(c.right, variables)]))
    return Clause(head, body)


def _ask(relation: str, arity: int) -> set[tuple]:
    result = Literal(relation_name(relation), [Var(f"V{i}") for i in range(arity)]).ask()
    if result is True:
        return {()}
    return {tuple(row) for row in result or ()}
