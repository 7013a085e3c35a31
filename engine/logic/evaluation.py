"""Evaluation: the IR's rules and facts handed to pyDatalog as Python objects, never as program text.

pyDatalog's text interfaces (`load`, `ask`) compile and run Python, so this module builds clauses
with pyEngine's `Pred`, `Literal`, `Const`, `Var` and `Clause`: constants travel as Python values.
It is given only what the question rests on (`plan.dependency_graph(program, relations)`: the relations asked,
their rules' conditions and so on down), and stands between the program and pyDatalog's sharp edges: each of those
relations is declared (a negated or empty relation would raise), comparisons never raise on mixed types, and the literals of
a body are ordered so that recursion is evaluated left-recursively (right recursion over a cycle
does not terminate in pyDatalog) and each negation or comparison comes once its variables are bound.
"""

from __future__ import annotations

import threading

from pyDatalog import Logic, pyParser
from pyDatalog.pyEngine import Clause, Const, Literal, Pred, Var, assert_, insert, retract

from engine.base import collector
from engine.syntax import nodes as n
from engine.logic.ir import Program, Rule
from engine.logic.model import ARITHMETIC, Model, compare, kind
from engine.logic.plan import ordered, dependency_graph, order_body

_lock = threading.Lock()


def _primitive(op: str):
    def primitive(literal, subgoal):
        left, right = literal.terms[0], literal.terms[1]
        if left.is_const() and right.is_const() and compare(op, left.id, right.id):
            subgoal.fact(True)
    return primitive


_COMPARATORS = {op: f"zan{op}" for op in ("!=", "<", "<=", ">", ">=")}


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
            if result.id == value and kind(result.id) == kind(value):
                subgoal.fact(True)
        else:
            subgoal.fact(Literal(name, [left, right, Const(value)]))
    return primitive


def relation_name(relation: str) -> str:
    """The name under which pyDatalog knows a relation; ours never contain '.', '~' or '[' (which it reads)."""
    return "z:" + relation


def _clear() -> None:
    """`pyDatalog.pyDatalog.clear()` (pyDatalog 0.22.4, setup.cfg): the parser's variables and a fresh logic for this
    thread; that module itself (its Python-class API, probing for SQLAlchemy) is not imported (0.4 ms of a question)."""
    pyParser.clear()
    Logic()


def _term(term, variables: dict[str, Var]):
    if isinstance(term, n.Variable):
        if term.name == "_":  # each `_` is a variable of its own
            anonymous = variables.setdefault("_", [])
            anonymous.append(Var(f"@anon{len(anonymous)}"))  # '@' is in no name a user can write
            return anonymous[-1]
        return variables.setdefault(term.name, Var(term.name))
    return Const(term.value)


def evaluate(program: Program, relations: set[str] | None = None) -> Model:
    """Runs the program in pyDatalog and reads back every derived relation (or those the given ones rest on).

    The cycle collector runs rarely meanwhile (engine/base/collector.rarely): an evaluation makes
    hundreds of thousands of long-lived objects and few cycles (3k register: 5.0-5.7 s -> 2.0-2.9 s).
    """
    with collector.rarely():
        return _evaluate(program, relations)


def _evaluate(program: Program, relations: set[str] | None = None) -> Model:
    """evaluate(), under the collector policy.

    pyDatalog keeps no answer table from one `ask` to the next, and top-down it derives a relation
    again for every binding a rule asks it with. So the components of the dependency graph are
    evaluated one at a time, dependencies first: each relation is asked once with its arguments free,
    and its answers become facts that the rules above look up through pyDatalog's indexes.
    """
    graph = dependency_graph(program, relations)   # what the question rests on: pyDatalog is given only that
    components = graph.components()
    component = {p: i for i, members in enumerate(components) for p in members}
    cone = graph.nodes
    sizes = {r: len(f) for r, f in program.facts.items()}
    rules_of: dict[str, list[Rule]] = {}
    for rule in program.rules:
        if rule.relation not in cone:
            continue
        if rule.guard:  # the guard is joined like any condition (ir: a conclusion's open variables)
            rule = Rule(rule.head, rule.evaluated_body, rule.norm, rule.modality, rule.span, rule.kind)
        rules_of.setdefault(rule.relation, []).append(rule)
    needed = set(rules_of)
    # Answers are asserted as facts only where a rule evaluated later reads them (at 10k convicts,
    # asserting the question's own relations cost 4 s).
    # A recursive component reads its own relations through its own copies (see `_seminaive`).
    read = {p for r in needed for rule in rules_of[r] for c in rule.body if isinstance(c, (n.Atom, n.Negation))
            for p in [c.predicate if isinstance(c, n.Atom) else c.atom.predicate]
            if component.get(p) != component.get(r)}
    with _lock:
        _clear()
        keep = []  # pyDatalog's predicate registry holds weak references
        for relation, arity in program.arities.items():
            if relation in cone:
                keep.append(insert(Pred(relation_name(relation), arity)))
        for op, name in _COMPARATORS.items():
            keep.append(insert(Pred(name, 2)))
            keep[-1].prim = _primitive(op)
        for op in ARITHMETIC:
            keep.append(insert(Pred(f"zan{op}", 3)))
            keep[-1].prim = _arithmetic_primitive(op, f"zan{op}")
        for relation, facts in program.facts.items():
            if relation in cone:
                _assert_facts(relation, facts)
        model = Model({r: set(f) for r, f in program.facts.items()})
        for members in components:
            members = [r for r in members if r in needed]
            if not members:
                continue   # facts only: asserted above
            if _recursive(members, rules_of):
                answers = _seminaive(members, rules_of, program.arities, sizes, keep, model.relations)
            else:
                # A rule with a condition on a relation evaluated before and found empty derives nothing: pyDatalog
                # is not given it, nor asked for a relation none of whose rules can derive anything (its facts).
                live = {r: [rule for rule in rules_of[r] if not _starved(rule, sizes)] for r in members}
                clauses = [assert_(_clause(rule, component, sizes)) for r in members for rule in live[r]]
                answers = {r: _ask(r, program.arities.get(r, 0)) if live[r] else set(program.facts.get(r, ()))
                           for r in members}
                for clause in clauses:
                    retract(clause)
            for relation, rows in answers.items():
                model.relations.setdefault(relation, set()).update(rows)
                if relation in read:
                    _assert_facts(relation, rows)
                sizes[relation] = len(rows)
        _clear()
    return model


def _starved(rule: Rule, sizes: dict[str, int]) -> bool:
    """Whether a condition of the rule (not recursive) reads a relation evaluated before and found empty, or one that
    nothing makes: then the rule derives nothing."""
    return any(isinstance(c, n.Atom) and c.predicate not in ARITHMETIC and not sizes.get(c.predicate)
               for c in rule.body)


def _recursive(members: list[str], rules_of: dict[str, list[Rule]]) -> bool:
    inside = set(members)
    return any(isinstance(c, n.Atom) and c.predicate in inside
               for r in members for rule in rules_of.get(r, ()) for c in rule.body)


def _seminaive(members: list[str], rules_of: dict[str, list[Rule]], arities: dict[str, int],
               sizes: dict[str, int], keep: list, known: dict[str, set[tuple]]) -> dict[str, set[tuple]]:
    """A recursive component, bottom-up: pyDatalog joins, Python iterates to the fixpoint.

    pyDatalog's own top-down recursion re-derives a relation for every binding it is asked with and
    may not end on right recursion through a cycle; here each round asks only non-recursive clauses:
    every rule once per recursive literal, that literal reading the previous round's new tuples
    (`delta`) and the others everything found so far (semi-naive evaluation). The rounds are finite:
    each adds tuples over the program's finite constants, or stops.

    Inside the component each relation r is kept in pyDatalog as `@round:r`, its tuples with one more
    argument, the round that found them: each tuple is asserted once, a delta literal is
    `@round:r(.., k)` (pyDatalog's index on that argument gives exactly round k's tuples) and the
    other literals `@round:r(.., _)`. A rule's body starts with its delta literal, then takes the
    literal with the fewest expected matches (`_Statistics`). Rules whose deltas are empty are not
    asked; one ask per relation and round collects all its rules' clauses.
    """
    inside = set(members)
    stats = _Statistics(known)
    found: dict[str, set[tuple]] = {r: set(known.get(r, ())) for r in members}
    for r in members:
        stats.size[r], stats.values[r] = 0, []
        keep.append(insert(Pred(relation_name(_ROUND + r), arities.get(r, 0) + 1)))
        keep.append(insert(Pred(relation_name(_ASKED + r), arities.get(r, 0))))
    # Round 0: the facts and the rules with no recursive literal.
    delta: dict[str, set[tuple]] = {r: set(found[r]) for r in members}
    for r in members:
        exits = [rule for rule in rules_of.get(r, ())
                 if not any(isinstance(c, n.Atom) and c.predicate in inside for c in rule.body)]
        if exits:
            delta[r] |= _ask_clauses(r, [_clause(_renamed_head(rule, _ASKED + r), {}, sizes) for rule in exits],
                                     arities)
    round_ = 0
    while True:
        for r in members:
            _assert_facts(_ROUND + r, delta[r], (round_,))
            found[r] |= delta[r]
            stats.add(r, delta[r])
            sizes[r] = len(found[r])
        if not any(delta.values()):
            break
        new: dict[str, set[tuple]] = {}
        for r in members:
            clauses = []
            for rule in rules_of.get(r, ()):
                for i, c in enumerate(rule.body):
                    if isinstance(c, n.Atom) and c.predicate in inside and delta[c.predicate]:
                        clauses.append(_delta_clause(rule, i, inside, round_, stats))
            new[r] = _ask_clauses(r, clauses, arities) - found[r] if clauses else set()
        delta = new
        round_ += 1
    return found


# Internal relation names: '@' starts no identifier of the DSL or of the suite, so they cannot clash.
_ROUND = "@round:"   # a component's relation inside its fixpoint, with the round that found each tuple
_ASKED = "@asked:"   # the head under which one round's clauses of a relation are asked


class _Statistics:
    """Sizes and distinct values per argument, to guess how many tuples a literal matches."""

    def __init__(self, known: dict[str, set[tuple]]):
        self.known = known
        self.size: dict[str, int] = {}
        self.values: dict[str, list[set]] = {}

    def _columns(self, relation: str) -> list[set]:
        if relation not in self.values:
            rows = self.known.get(relation, ())
            self.size[relation] = len(rows)
            self.values[relation] = [set(column) for column in zip(*rows)] if rows else []
        return self.values[relation]

    def add(self, relation: str, rows) -> None:
        columns = self._columns(relation)
        if rows and not columns:
            columns.extend(set() for _ in next(iter(rows)))
        for column, values in zip(columns, zip(*rows)):
            column.update(values)
        self.size[relation] += len(rows)

    def matches(self, atom: n.Atom, bound: set[str]) -> float:
        """The expected number of tuples of atom's relation that agree with the bound arguments."""
        columns = self._columns(atom.predicate)
        expected = float(self.size[atom.predicate])
        for i, t in enumerate(atom.args):
            if (isinstance(t, n.Constant) or t.name in bound) and i < len(columns) and columns[i]:
                expected /= len(columns[i])
        return expected


def _renamed_head(rule: Rule, relation: str) -> Rule:
    head = n.Atom(relation, rule.head.args, rule.head.span, rule.head.predicate_span)
    return Rule(head, rule.body, rule.norm, rule.modality, rule.span, rule.kind)


def _delta_clause(rule: Rule, position: int, inside: set[str], round_: int, stats: _Statistics) -> Clause:
    """Rule `rule` for one round, its literal at `position` reading that round's delta: that literal
    first, then the literal with the fewest expected matches given the variables bound so far."""
    def cost(atom: n.Atom, bound: set[str], placed: bool):
        free = sum(1 for t in atom.args if isinstance(t, n.Variable) and t.name not in bound)
        return (stats.matches(atom, bound), free)
    order = ordered(rule.body, [position], cost)
    variables: dict[str, Var] = {}
    head = Literal(relation_name(_ASKED + rule.relation), [_term(t, variables) for t in rule.head.args])
    body = []
    for i in order:
        c = rule.body[i]
        if isinstance(c, n.Atom) and c.predicate in inside:
            tag = Const(round_) if i == position else Var(f"@round{i}")
            body.append(Literal(relation_name(_ROUND + c.predicate), [_term(t, variables) for t in c.args] + [tag]))
        else:
            body.append(_literal(c, variables))
    return Clause(head, body)


def _ask_clauses(relation: str, clauses: list[Clause], arities: dict[str, int]) -> set[tuple]:
    """The tuples of `@asked:relation` given by the clauses, asked once; the clauses are retracted after."""
    asserted = [assert_(clause) for clause in clauses]
    try:
        return _ask(_ASKED + relation, arities.get(relation, 0))
    finally:
        for clause in asserted:
            retract(clause)


def _assert_facts(relation: str, rows, extra: tuple = ()) -> None:
    name = relation_name(relation)
    for values in rows:
        assert_(Clause(Literal(name, [Const(v) for v in values + extra]), []))


def _clause(rule: Rule, component: dict[str, int], sizes: dict[str, int]) -> Clause:
    variables: dict[str, Var] = {}
    head = Literal(relation_name(rule.relation), [_term(t, variables) for t in rule.head.args])
    return Clause(head, [_literal(c, variables) for c in order_body(rule, component, sizes)])


def _literal(c: n.Condition, variables: dict[str, Var]) -> Literal:
    if isinstance(c, n.Atom) and c.predicate in ARITHMETIC:
        return Literal(f"zan{c.predicate}", [_term(t, variables) for t in c.args])
    if isinstance(c, n.Atom):
        return Literal(relation_name(c.predicate), [_term(t, variables) for t in c.args])
    if isinstance(c, n.Negation):
        return Literal("~" + relation_name(c.atom.predicate), [_term(t, variables) for t in c.atom.args])
    op = "==" if c.operator == "=" else _COMPARATORS[c.operator]
    return Literal(op, [_term(c.left, variables), _term(c.right, variables)])


def _ask(relation: str, arity: int) -> set[tuple]:
    result = Literal(relation_name(relation), [Var(f"V{i}") for i in range(arity)]).ask()
    if result is True:
        return {()}
    return {tuple(row) for row in result or ()}


class PyDatalog:
    """The reference evaluator (engine.logic.evaluator): pyDatalog, a relation at a time."""

    name = "pydatalog"

    def evaluate(self, program: Program, relations: set[str] | None = None) -> Model:
        return evaluate(program, relations)


EVALUATOR = PyDatalog()
