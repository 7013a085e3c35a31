"""How a program is evaluated, whatever evaluates it: the dependency graph of its relations, the
relations a question rests on, and the order in which a rule body's literals are joined (recursive
literals first, then the most bound and smallest; each test once its variables are bound).
"""

from __future__ import annotations

from engine.syntax import nodes as n
from engine.syntax.analysis import DependencyGraph
from engine.logic.ir import ARITHMETIC_RELATIONS, Program, Rule

ARITHMETIC = ARITHMETIC_RELATIONS   # the built-in relations: tests, not joined atoms


def order_body(rule: Rule, component: dict[str, int], sizes: dict[str, int]) -> list[n.Condition]:
    """Recursive literals first, then the most bound, smallest relations; tests once their variables are bound."""
    if len(rule.body) < 2:
        return list(rule.body)   # one condition (most rules): nothing to order
    head_component = component.get(rule.relation)
    recursive = [i for i, c in enumerate(rule.body) if isinstance(c, n.Atom) and c.predicate not in ARITHMETIC
                 and head_component is not None and component.get(c.predicate) == head_component]

    def cost(atom: n.Atom, bound: set[str], placed: bool):
        free = sum(1 for t in atom.args if isinstance(t, n.Variable) and t.name not in bound)
        return (free == len(atom.args) and placed, free, sizes.get(atom.predicate, 0))
    return [rule.body[i] for i in ordered(rule.body, recursive, cost)]


def ordered(body, first: list[int], cost) -> list[int]:
    """The positions of `body` in evaluation order: the atoms `first`, then the cheapest atom by
    `cost(atom, bound variables, anything placed)` each time; a test (negation, comparison,
    arithmetic) as soon as its variables are bound."""
    tests = [i for i, c in enumerate(body) if not isinstance(c, n.Atom) or c.predicate in ARITHMETIC]
    others = [i for i, c in enumerate(body) if i not in tests and i not in first]
    ordered: list[int] = []
    bound: set[str] = set()

    def place_tests():
        progress = True
        while progress:
            progress = False
            for i in list(tests):
                t = body[i]
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
                    ordered.append(i)
                    tests.remove(i)
                    progress = True

    def take(i: int):
        ordered.append(i)
        bound.update(v.name for v in body[i].variables())
        place_tests()

    place_tests()
    for i in first:
        take(i)
    while others:
        best = min(others, key=lambda i: cost(body[i], bound, bool(ordered)))
        others.remove(best)
        take(best)
    ordered.extend(tests)  # unsafe leftovers cannot occur after the safety check; kept for completeness
    return ordered


def dependency_graph(program: Program, relations=None) -> DependencyGraph:
    """The graph of every relation of the program and its rules; given `relations`, only of what they rest on
    (`depended_on` of the whole graph: those relations, their rules' conditions, and so on down)."""
    graph = DependencyGraph()
    if relations is None:
        for relation in program.arities:
            graph.nodes.add(relation)
        for rule in program.rules:
            graph.nodes.add(rule.relation)
            _add_body(graph, rule)
        return graph
    rules_of: dict[str, list[Rule]] = {}
    for rule in program.rules:
        rules_of.setdefault(rule.relation, []).append(rule)
    pending, seen = list(relations), set()
    while pending:
        relation = pending.pop()
        if relation in seen:
            continue
        seen.add(relation)
        graph.nodes.add(relation)
        for rule in rules_of.get(relation, ()):
            pending.extend(_add_body(graph, rule))
    return graph


def _add_body(graph: DependencyGraph, rule: Rule) -> list[str]:
    """The edges from a rule's relation to the relations its conditions read; those relations."""
    read = []
    for c in rule.evaluated_body:
        if isinstance(c, n.Atom):
            graph.add(rule.relation, c.predicate, False)
            read.append(c.predicate)
        elif isinstance(c, n.Negation):
            graph.add(rule.relation, c.atom.predicate, True)
            read.append(c.atom.predicate)
    return read


def depended_on(graph: DependencyGraph, roots) -> set[str]:
    """The roots and every relation they depend on, through any number of rules."""
    found, stack = set(), list(roots)
    while stack:
        relation = stack.pop()
        if relation not in found:
            found.add(relation)
            stack.extend(graph.edges.get(relation, ()))
    return found
