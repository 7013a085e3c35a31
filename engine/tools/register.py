"""Registers: a question over many independent cases, evaluated in partitions of bounded size.

Cases that share no constant cannot meet in a rule, so a register's case facts can be split into
groups evaluated one at a time (memory bounded by a group, time linear in the register) and on
several cores (`zan ask --jobs N`). Which constants matter is read off the program, soundly:

- **broadcast facts**: where a rule's body has parts joined by no variable (`q(A, B) if
  p(A) and r(B)`), the facts of the smaller part (and of what derives them) are given
  to every partition, with the knowledge base's own facts;
- **linking positions**: an argument position links two facts when some rule joins it, by a shared
  variable, with another literal that is not broadcast (directly, or through the head of a rule
  whose conclusion is joined so). Case facts are grouped by the values at linking positions;
  values elsewhere (a free-text description) do not tie cases together, nor do the values every
  partition holds (the law's facts', broadcast facts', the rules' constants: `a` of a broadcast
  `r(a)`), except where a join needs the facts naming one together: `layout` reads that off
  the rules (two literals meeting only on such a value; a tuple of such values derived from a case),
  and then the register is one partition (the same answers as without partitions).

An answer belongs to the partition holding one of its atom's values that not every partition holds (a
person); answers with none are the common facts' own, taken from a partition with no case facts. Answers
are sorted within each partition and the partitions follow the order of their first fact in the input,
whatever the number of jobs (`--jobs 1` and `--jobs 2` write the same bytes).

`answer_facts` is the partition step as a plain function: fact lines in, JSON Lines out. It is what a
distributed engine maps (docs/performance.md shows it with dask.bag).
"""

from __future__ import annotations

import datetime
from dataclasses import replace
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import AbstractSet, Any, Iterable, Iterator, Sequence

from engine.base import collector
from engine.base.source import Span
from engine.explain.answering import Scopes, Trace, statuses
from engine.explain.explanation import SCHEMA_VERSION, Document, Explainer, Row, Rows, Tables, query_text
from engine.logic import ir
from engine.pipeline import evaluated
from engine.syntax import nodes as n

PARTITION_FACTS = 5_000       # case facts per partition (a partition holds whole groups, so it may hold more)
# Full traces hold every answer's why-nots until its partition is written, about five times what brief traces hold:
# a partition of 5,000 facts reached ~1 GB (10k register, 1,042 MiB; 30k, 1,106 MiB), one of 1,000 ~230 MiB, in the
# same CPU time and the same bytes (docs/performance.md, fourth round).
PARTITION_FACTS_BY_LEVEL = {"full": 1_000}


def partition_facts(level: str) -> int:
    """Case facts per partition of a register explained at trace `level`, unless --partition says otherwise."""
    return PARTITION_FACTS_BY_LEVEL.get(level, PARTITION_FACTS)

Fact = tuple[str, tuple, Span]  # (relation, values, where it was written)


# ---------------------------------------------------------------------------------------- analysis

def _literals(rule: ir.Rule) -> list[n.Atom]:
    out = []
    for c in rule.evaluated_body:
        if isinstance(c, n.Atom):
            out.append(c)
        elif isinstance(c, n.Negation):
            out.append(c.atom)
    return out


def _names(atom: n.Atom) -> set[str]:
    return {t.name for t in atom.args if isinstance(t, n.Variable) and t.name != "_"}


def _parts(rule: ir.Rule) -> list[list[n.Atom]]:
    """The body's literals grouped by shared variables (and `X = Y`)."""
    literals = _literals(rule)
    parent = list(range(len(literals)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    holder: dict[str, int] = {}
    for i, atom in enumerate(literals):
        for name in _names(atom):
            if name in holder:
                parent[find(i)] = find(holder[name])
            else:
                holder[name] = i
    for c in rule.evaluated_body:
        if isinstance(c, n.Comparison) and c.operator == "=" and isinstance(c.left, n.Variable) \
                and isinstance(c.right, n.Variable):
            a, b = holder.get(c.left.name), holder.get(c.right.name)
            if a is not None and b is not None:
                parent[find(a)] = find(b)
    groups: dict[int, list[n.Atom]] = {}
    for i, atom in enumerate(literals):
        groups.setdefault(find(i), []).append(atom)
    return list(groups.values())


class Layout:
    """What the program says about splitting a register's facts (or None: do not split).

    broadcast: relations whose facts every partition gets. linking: positions whose values tie a fact to the
    other facts holding that value (unless every partition holds the value). everywhere: the values every
    partition holds, as `_key` gives them. uniform: relations whose tuples of such values alone every partition
    must derive alike (their case facts of such values go to every partition).
    """

    def __init__(self, broadcast: set[str], linking: set[tuple[str, int]], everywhere: AbstractSet = frozenset(),
                 uniform: AbstractSet[str] = frozenset()):
        self.broadcast = broadcast
        self.linking = linking
        self.everywhere = everywhere
        self.uniform = uniform


def _key(value) -> tuple[str, object]:
    return (type(value).__name__, value)   # 1, 1.0 and True are three values here


def _named(keys: Iterable[tuple[str, object]]) -> set:
    """The keys as the layout's loops look them up: a name (a register's many values) is its own key, any other
    value its `_key` (a name and a tuple are never equal: the same values stay apart as with `_key` alone)."""
    return {value if kind == "str" else (kind, value) for kind, value in keys}


def _case_files(program: ir.Program) -> set[str]:
    return {name for name, origin in program.origins.items() if origin == ir.CASE}


def rule_constants(program: ir.Program) -> set:
    """The constants the rules and the scope declarations write (every partition's tuples may hold them)."""
    out: set[tuple[str, object]] = set()
    atoms: list[n.Atom] = []
    for rule in program.rules:
        atoms.append(rule.head)
        conditions = list(rule.evaluated_body)
        for c in conditions:
            if isinstance(c, n.Atom):
                atoms.append(c)
            elif isinstance(c, n.Negation):
                atoms.append(c.atom)
            elif isinstance(c, n.Comparison):
                out.update(_key(t.value) for t in (c.left, c.right) if isinstance(t, n.Constant))
    for scope in program.scopes:
        if scope.atom is not None:
            atoms.append(scope.atom)
        for c in scope.conditions:
            if isinstance(c, n.Atom):
                atoms.append(c)
            elif isinstance(c, n.Negation):
                atoms.append(c.atom)
            elif isinstance(c, n.Comparison):
                out.update(_key(t.value) for t in (c.left, c.right) if isinstance(t, n.Constant))
    for atom in atoms:
        out.update(_key(t.value) for t in atom.args if isinstance(t, n.Constant))
    return out


class _Body:
    """A rule's head and evaluated body as the layout reads them: the literals that hold facts (not broadcast, not
    arithmetic), variables made one by `X = Y`, and those that always hold a value every partition holds."""

    def __init__(self, head: n.Atom, conditions: Sequence, broadcast: set[str]):
        self.head = head
        alias: dict[str, str] = {}

        def rep(name: str) -> str:
            while alias.get(name, name) != name:
                name = alias[name]
            return name

        for c in conditions:
            if isinstance(c, n.Comparison) and c.operator == "=" and isinstance(c.left, n.Variable) \
                    and isinstance(c.right, n.Variable):
                a, b = rep(c.left.name), rep(c.right.name)
                if a != b:
                    alias[max(a, b)] = min(a, b)
        self.rep = rep
        self.always: set[str] = set()     # bound by a broadcast fact or to a constant
        self.literals: list[n.Atom] = []  # positive and negated literals over facts of the register
        self.positive: list[bool] = []
        for c in conditions:
            if isinstance(c, n.Comparison):
                if c.operator == "=":
                    for one, other in ((c.left, c.right), (c.right, c.left)):
                        if isinstance(one, n.Variable) and isinstance(other, n.Constant):
                            self.always.add(rep(one.name))
                continue
            atom, positive = (c, True) if isinstance(c, n.Atom) else (c.atom, False)
            if atom.predicate in ir.ARITHMETIC_RELATIONS:
                continue   # computes a value: joins no facts (a variable it alone binds is followed nowhere)
            if atom.predicate in broadcast:
                if positive:
                    self.always.update(rep(t.name) for t in atom.args if isinstance(t, n.Variable))
                continue
            self.literals.append(atom)
            self.positive.append(positive)
        # each literal's variables by position (None: a constant); an anonymous `_` is a variable of its own, which
        # may read any value (`q(P, _)` holds for P in the partition of whichever fact has it)
        self.names: list[list[str | None]] = [
            [(rep(t.name) if t.name != "_" else f"#{k}.{i}") if isinstance(t, n.Variable) else None
             for i, t in enumerate(a.args)] for k, a in enumerate(self.literals)]
        self.vars = [{name for name in names if name is not None} for names in self.names]
        self.filled: dict[str, list[tuple[str, int]]] = {}   # variable -> positions of positive literals holding it
        for atom, positive, names in zip(self.literals, self.positive, self.names):
            if positive:
                for i, name in enumerate(names):
                    if name is not None:
                        self.filled.setdefault(name, []).append((atom.predicate, i))

    def may_be_everywhere(self, name: str, may: set) -> bool:
        """Whether the variable can hold a value every partition holds: bound so, or every fact position it is
        read from may hold one (a value computed by arithmetic may be anything)."""
        name = self.rep(name)
        return name in self.always or all(p in may for p in self.filled.get(name, ()))

    def join(self, free: set[str], linking: set) -> bool:
        """Whether the literals holding a variable outside `free` (a variable whose value may be anything: not one
        every partition holds) are joined through such variables; their positions join `linking`. The literals
        whose variables are all in `free` hold only values every partition holds."""
        nodes = [k for k, names in enumerate(self.vars) if names - free]
        if len(nodes) < 2:
            return True
        holders: dict[str, list[int]] = {}
        for k in nodes:
            for name in sorted(self.vars[k] - free):
                holders.setdefault(name, []).append(k)
        group = {k: k for k in nodes}

        def find(i):
            while group[i] != i:
                i = group[i]
            return i

        for name, ks in sorted(holders.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            if len({find(k) for k in ks}) < 2:
                continue
            for k in ks:
                group[find(k)] = find(ks[0])
                linking.update((self.literals[k].predicate, i) for i, held in enumerate(self.names[k]) if held == name)
        return len({find(k) for k in nodes}) == 1


SCOPE = "@scope:"   # a scope declaration read as a rule (no relation a user can name starts so)
SUBSETS = 12   # variables per rule that may hold a value every partition holds, beyond which a register is not split


def layout(program: ir.Program, sizes: dict[str, int], question: str | None = None,
           case: Sequence[Fact] | None = None) -> Layout | None:
    """How to split the case facts `case` (default: the program's) for `question`, or None (one partition).

    Sound by construction, for any program (the engine knows no relation by name):

    - a value every partition holds (a value of the law's facts, of broadcast facts, or a constant of the rules:
      `everywhere`) ties no facts together by itself. For each rule and each choice of which of its variables
      hold such values, the literals holding another value must be joined through variables holding other values
      (their positions are `linking`): else the register is not split. A join of `q(C, P)` with `not t(P)`
      where P is `a` of the law's `r(a)` needs nothing together: `t(a)` is a fact about `a` alone, and every
      partition has it (`uniform`); `s(C, D) if q(C, P) and q(D, P)` with P such a value does need C's and D's
      facts together, and is not split.
    - a literal whose variables all hold such values (`not t(P)` above) is `uniform`: its relation's tuples of
      such values must be the same in every partition. A relation's case facts of such values go to every
      partition, and a rule deriving such a tuple must read only such values (`t(P) if q(C, P)` reads C: a fact
      `q(c, a)` in one partition would make `t(a)` hold there alone), else the register is not split.
    - a linking position of a rule's head links the positions of the body that fill it; one filled by
      arithmetic alone cannot be followed, and the register is not split.
    - the answers are looked up by their atom's values (answering.candidates, deontic.decide): every position of
      the question's relations is linking (an answer lives where its values' facts are), and those relations are
      uniform (an answer of such values alone is the partitions' common answer); a scope declaration's conditions
      are read with an answer's values (answering.outside_scope): a rule whose body joins them with the answer.
    """
    if case is None:
        case = case_facts(program)
    rules = list(program.rules)
    rules_of: dict[str, list[ir.Rule]] = {}
    for rule in rules:
        rules_of.setdefault(rule.relation, []).append(rule)

    def closure(relations: Iterable[str]) -> set[str]:
        seen, stack = set(), list(relations)
        while stack:
            r = stack.pop()
            if r in seen:
                continue
            seen.add(r)
            for rule in rules_of.get(r, []):
                stack.extend(a.predicate for a in _literals(rule))
        return seen

    def weight(relations: set[str]) -> int:
        return sum(sizes.get(r, 0) for r in relations)

    broadcast: set[str] = set()
    for rule in rules:
        parts = _parts(rule)
        if len(parts) < 2:
            continue
        closures = sorted((closure(a.predicate for a in part) for part in parts), key=lambda c: (weight(c), sorted(c)))
        for c in closures[:-1]:   # every part but the heaviest goes to every partition
            broadcast |= c

    bodies = [_Body(rule.head, rule.evaluated_body, broadcast) for rule in rules]
    scoped: set[str] = set()
    if question is not None:
        for k, scope in enumerate(program.scopes):
            if scope.atom is not None and scope.atom.predicate == question:
                # read with an answer's values: the conditions joined with the answer's atom, as a rule of its own
                head = replace(scope.atom, predicate=f"{SCOPE}{k}")
                bodies.append(_Body(head, (scope.atom,) + tuple(scope.conditions), broadcast))
                scoped.add(head.predicate)
    # the values every partition holds, and the positions that may hold one
    everywhere = rule_constants(program)
    may: set[tuple[str, int]] = set()
    files = _case_files(program)
    for relation, facts in program.facts.items():
        every = relation in broadcast
        for values, span in facts.items():
            if every or span is None or span.file not in files:   # not a case's fact (program.origin)
                everywhere.update(_key(v) for v in values)
                may.update((relation, i) for i in range(len(values)))
    by_relation: dict[str, list[tuple]] = {}
    for relation, values, _span in case:
        if relation not in broadcast:
            by_relation.setdefault(relation, []).append(values)
    known = _named(everywhere)
    for relation, rows in by_relation.items():
        shortest = min(map(len, rows))
        for i in range(max(map(len, rows))):
            if (relation, i) in may:
                continue
            if i < shortest:
                column = list(map(itemgetter(i), rows))
                if set(map(type, column)) == {str}:   # names alone (a register's many): a set's test, in C
                    if not known.isdisjoint(column):
                        may.add((relation, i))
                    continue
            if any(i < len(v) and ((v[i] if v[i].__class__ is str else _key(v[i])) in known) for v in rows):
                may.add((relation, i))
    changed = True
    while changed:
        changed = False
        for body in bodies:
            for j, t in enumerate(body.head.args):
                if (body.head.predicate, j) not in may and (
                        isinstance(t, n.Constant) or body.may_be_everywhere(t.name, may)):
                    may.add((body.head.predicate, j))
                    changed = True
        if question is not None:   # an answer's atom holds the values of its norms' conclusions and its domain
            for r in ir.question_relations(question):
                first = 1 if ir.concluded(r) else 0
                for i in range(program.arities.get(question, 0)):
                    if (r, first + i) in may and (question, i) not in may:
                        may.add((question, i))
                        changed = True

    linking: set[tuple[str, int]] = set()
    uniform: set[str] = set()
    for body in bodies:
        names = set().union(*body.vars) if body.vars else set()
        maybe = sorted(name for name in names - body.always if body.may_be_everywhere(name, may))
        if len(maybe) > SUBSETS:
            return None
        for mask in range(1 << len(maybe)):
            free = body.always | {name for k, name in enumerate(maybe) if mask >> k & 1}
            if not body.join(free, linking):
                return None
            uniform.update(a.predicate for a, names in zip(body.literals, body.vars) if not names - free)
    if question is not None:
        for r in sorted(ir.question_relations(question)):
            first = 1 if ir.concluded(r) else 0   # a norm's conclusion names its norm first
            linking.update((r, i) for i in range(first, first + program.arities.get(question, 0)))
            uniform.add(r)
        uniform |= scoped
    changed = True
    while changed:  # a linking head position links the body positions that fill it
        changed = False
        for body in bodies:
            for j, t in enumerate(body.head.args):
                if (body.head.predicate, j) not in linking or not isinstance(t, n.Variable):
                    continue   # a constant of a rule: every partition holds it
                name = body.rep(t.name)
                if name in body.always:
                    continue
                filled = body.filled.get(name)
                if not filled:
                    return None          # filled by arithmetic: no fact to follow
                for p in filled:
                    if p not in linking:
                        linking.add(p)
                        changed = True
    stack = sorted(uniform)
    while stack:   # a uniform relation's rules read only values every partition holds, where its tuple holds only such
        r = stack.pop()
        for body in bodies:
            if body.head.predicate != r:
                continue
            heads = {body.rep(t.name) for t in body.head.args if isinstance(t, n.Variable)}
            if not all(body.may_be_everywhere(name, may) for name in heads):
                continue   # never a tuple of such values alone
            for atom, names in zip(body.literals, body.vars):
                if names - heads - body.always:
                    return None
                if atom.predicate not in uniform:
                    uniform.add(atom.predicate)
                    stack.append(atom.predicate)
    return Layout(broadcast, linking, everywhere, uniform)


def partitions(program: ir.Program, case: Sequence[Fact], limit: int = PARTITION_FACTS, question: str | None = None
               ) -> tuple[list[Fact], list[list[Fact]]]:
    """(case facts every partition gets, partitions of the other case facts in input order); one partition when
    the layout does not split (layout)."""
    sizes: dict[str, int] = {}
    for relation, facts in program.facts.items():
        sizes[relation] = len(facts)
    plan = layout(program, sizes, question, case) if len(case) > limit else None
    if plan is None:
        return [], [list(case)] if case else []
    uniform, linking, broadcast = plan.uniform, plan.linking, plan.broadcast
    known = _named(plan.everywhere)   # a value's key: the value itself when a name, else _key (see _named)
    shared, rest = [], []
    for fact in case:
        relation = fact[0]
        if relation in broadcast or relation in uniform and all(
                (v if v.__class__ is str else _key(v)) in known for v in fact[1]):
            shared.append(fact)
        else:
            rest.append(fact)
    parent: dict[object, object] = {}   # union-find over the values that tie facts together (roots are not in it)

    def find(x):
        root = x
        while root in parent:
            root = parent[root]
        while x in parent and parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    positions: dict[str, list[int]] = {}
    nodes: list[object] = []   # each fact's first tying value, or the fact itself (k) when it has none
    for k, (relation, values, _span) in enumerate(rest):
        at = positions.get(relation)
        if at is None:
            at = positions[relation] = [i for i in range(len(values)) if (relation, i) in linking]
        node: object = None
        for i in at:
            if i >= len(values):
                continue
            key = values[i]
            if key.__class__ is not str:
                key = _key(key)
            if key in known:
                continue
            if node is None:
                node = key
            else:
                a, b = find(node), find(key)
                if a != b:
                    parent[b] = a
        nodes.append(node if node is not None else k)
    groups: dict[object, list[Fact]] = {}
    for fact, first in zip(rest, nodes):
        groups.setdefault(first if isinstance(first, int) else find(first), []).append(fact)
    out: list[list[Fact]] = []
    current: list[Fact] = []
    for group in groups.values():   # in the order of each group's first fact
        if current and len(current) + len(group) > limit:
            out.append(current)
            current = []
        current.extend(group)
    if current:
        out.append(current)
    return shared, out


# ---------------------------------------------------------------------------------------- evaluation

def case_facts(program: ir.Program) -> list[Fact]:
    """The program's facts written in the case files, in the order written."""
    return _case_and_law(program)[0]


_WHERE = attrgetter("file", "line", "column")


def _case_and_law(program: ir.Program) -> tuple[list[Fact], dict[str, dict[tuple, Span]]]:
    """(the case files' facts in the order written, the program's other facts by relation), in one pass."""
    files = _case_files(program)
    found: list[Fact] = []
    law: dict[str, dict[tuple, Span]] = {}
    for relation, facts in program.facts.items():
        own = law[relation] = {}
        for values, span in facts.items():
            if span is not None and span.file in files:   # program.origin(span) == CASE
                found.append((relation, values, span))
            else:
                own[values] = span
    keys = list(map(_WHERE, map(itemgetter(2), found)))   # (file, line, column): no two facts share one
    order = sorted(range(len(found)), key=keys.__getitem__)
    return [found[i] for i in order], law


def _with_facts(program: ir.Program, base: dict[str, dict[tuple, Span]], facts: Iterable[Fact]) -> ir.Program:
    merged = {r: dict(v) for r, v in base.items()}
    for relation, values, span in facts:
        merged.setdefault(relation, {})[values] = span
    return replace(program, facts=merged)


def _constants(facts: Iterable[Fact]) -> set:
    return {(type(v).__name__, v) for _r, values, _s in facts for v in values}


def solve(kb, program: ir.Program, query: n.Query, level: str, language: str, steps: bool,
          facts: Sequence[Fact], base: dict, shared: set, owned: bool | None) -> list[tuple[str, str | None, dict]]:
    """One partition: ('norms'|'proofs', key, entry) items before the first answer using them, then ('answer', None, answer).

    owned: True keeps the answers holding a constant of the partition's own facts, False those holding
    none (the broadcast facts' own answers), None all of them (a register in one partition).
    """
    with collector.paused():   # the partition's objects live until it is written: collecting them frees nothing
        return _solve(kb, program, query, level, language, steps, facts, base, shared, owned)


def _solve(kb, program: ir.Program, query: n.Query, level: str, language: str, steps: bool,
           facts: Sequence[Fact], base: dict, shared: set, owned: bool | None) -> list[tuple[str, str | None, dict]]:
    part = _with_facts(program, base, facts)
    done = evaluated(part, [query.atom.predicate], many=owned is not None)   # a register in partitions
    tables = Tables()
    explainer = Explainer(kb, part, language, steps=steps, level=level, tables=tables)
    items: list = []
    shaped = SHAPES and level != "full" and not steps
    decided = None
    if shaped:   # undecided answers as values (plain: every value a text), their Answer not made
        listed, decided, decisions = statuses(part, done.model, query)
    else:
        listed = [(a.values, a) for a in done.answers(query)]
    plain = decided is not None
    if owned is not None:   # the answers holding a constant of the partition's own facts, or those holding none
        if plain:   # the partition's own texts (every value is a text)
            mine = {v for _r, values, _s in facts for v in values if v.__class__ is str}
            mine = {v for v in mine if ("str", v) not in shared}
            listed = [values for values in listed if mine.isdisjoint(values) is not owned]
        else:
            own = _constants(facts) - shared
            listed = [(values, a) for values, a in listed
                      if any((type(v).__name__, v) in own for v in values) is owned]
    if decided is not None:   # (values, Answer), None for an undecided one: pairs made one at a time
        pairs: Iterable[tuple[tuple, Any]] = zip(listed, map(decided.get, listed))
    else:
        pairs = listed
    predicate = query.atom.predicate
    names = [t.name for t in query.atom.args if isinstance(t, n.Variable)] if plain else []   # all distinct when plain
    scope_of = Scopes(part, done.prover.index, predicate).of(plain) if part.scopes else _no_scope
    shapes: dict[tuple, Any] = {}   # shape -> the first answer of that shape (explained; its Rows when plain): shape_of
    append = items.append
    # Decided answers whose deciding proof `prove` would read off the record (Prover.known) are known by their decision,
    # deciding rule and conditions' proofs: the answers decided so before them have their shape, so their proof is not
    # built (no proof ever needs theirs: no rule's condition names the norms' relation; KNOWN_PROOFS off: built)
    prover, relation = done.prover, ir.norm_relation(predicate)
    skipping = KNOWN_PROOFS and shaped and plain and relation not in _conditions(part)
    proved: dict[tuple, tuple[list, Rows]] = {}   # decision, id of the rule, ids of the conditions -> their shape's rows
    decision = None
    explained: Row | dict
    for values, a in pairs:
        if shaped:
            if a is None or _undecided(a):   # no proof to build: its shape is known before its trace, all but its atom
                undecided = (predicate, scope_of(values))   # shape_of less the rest
                first = shapes.get(undecided)
                if first is not None:   # no trace made: it would hold the answer and its scope alone
                    append(("answer", None, Row(first, values) if plain else explainer.refill_undecided(first, a)))
                    continue
                if a is None:
                    a = decisions(values, dict(zip(names, values)))
                shape: tuple | None = undecided
                decision = None
                t = done.trace(a, level)
            else:
                decision = None
                if skipping and a.deciding and not a.supporting and a.status != "undetermined":
                    found = prover.known((relation, (a.deciding,) + values))
                    if found is not None:   # its deciding proof's rule and conditions, no proof built
                        rule, solution, children = found
                        decision = (a.status, a.deciding, tuple(a.applicable), tuple(a.defeated), tuple(a.ambiguity),
                                    a.deadline, a.compliance, a.fulfilled_on, id(rule), *map(id, children))
                        known = proved.get(decision)
                        if known is not None:   # the shape of an earlier answer decided so (its children kept: ids)
                            first = known[1]
                            explained = Row(first, values + explainer.deciding(first.first, children, solution)
                                            if first.extra else values)
                            items.extend(tables.drain())
                            append(("answer", None, explained))
                            continue
                t = done.trace(a, level)
                shape = shape_of(t)
                if shape is not None and shape in shapes:
                    first = shapes[shape]
                    if plain:   # a row: its values, then its deciding entry and summary (shared: Explainer.deciding)
                        proof = t.proof   # a deciding proof where the shape's rows hold entries (shape_of)
                        explained = Row(first, values + explainer.deciding(first.first, proof.children, proof.bindings)
                                        if first.extra and proof is not None else values)
                        if decision is not None:
                            proved[decision] = (children, first)
                    else:
                        explained = explainer.refill(first, t)
                    items.extend(tables.drain())   # a derived condition's proof met for the first time, before its use
                    append(("answer", None, explained))
                    continue
        else:
            assert a is not None, "every answer is made unless shaped"
            shape, t, decision = None, done.trace(a, level), None
        explained = explainer.answer(t)
        items.extend(tables.drain())
        append(("answer", None, explained))
        if shape is not None:
            shapes[shape] = Rows(explainer, explained, values, predicate, names, t.proof is not None and a.deciding is not None) \
                if plain else explained
            if decision is not None:
                proved[decision] = (children, shapes[shape])
    return items


def _no_scope(_values: tuple) -> None:
    return None


SHAPES = True   # answers of one shape filled in from the first (tests/test_register.py compares with False)
KNOWN_PROOFS = True   # decided answers of a known decision, rule and conditions without their proof (tests compare)


def _conditions(program: ir.Program) -> set[str]:
    """The relations some rule's condition names (an atom, a negation's, a `for every`'s): the proofs that may be
    asked for inside other proofs."""
    out: set[str] = set()
    for rule in program.rules:
        for c in rule.body + rule.guard:
            if isinstance(c, n.Atom):
                out.add(c.predicate)
            elif isinstance(c, n.Negation):
                out.add(c.atom.predicate)
                if c.universal is not None:
                    out.add(c.universal.relation)
                    out.update(d.predicate for d in (*c.universal.domain, c.universal.body) if isinstance(d, n.Atom))
                    out.update(d.atom.predicate for d in (*c.universal.domain, c.universal.body)
                               if isinstance(d, n.Negation))
    return out


def shape_of(t: Trace) -> tuple | None:
    """What an answer's brief explanation holds besides its atom's values (None: not filled in from a shape).

    Answers of one shape have the same status, applicable, deciding and supporting norms, defeats, dates,
    citations, scope and deciding rule: their explanations differ only in the atom, its bindings and its
    reading, and the deciding proof's bindings and conditions (`Explainer.refill`). A binding
    interpretation's explanation says the answer's reading: such answers are explained one by one.
    """
    a = t.answer
    if any(d.principle == "binding interpretation" for d in a.defeated):
        return None
    if (a.deciding is not None) != (t.proof is not None):   # a fact's or a definition's proof: one by one
        return None
    return (a.predicate, a.status, a.deciding, tuple(a.supporting), tuple(a.applicable), tuple(a.defeated),
            tuple(a.ambiguity), a.deadline, a.compliance, a.fulfilled_on, tuple(t.citations), t.scope,
            id(t.proof.rule) if t.proof is not None else None)


def _undecided(a) -> bool:
    """No norm applies and nothing about the answer is dated: no proof to build (73% of a realistic register's
    answers; docs/performance.md)."""
    return (a.status == "undetermined" and not a.applicable and a.deciding is None and not a.supporting
            and not a.defeated and not a.ambiguity and a.deadline is None and a.compliance is None
            and a.fulfilled_on is None)


def detached(result, limit: int = PARTITION_FACTS):
    """`result` without its parsed case (the case files' clauses and modules) when the case is larger than a
    partition, else `result` itself. Its program keeps the case's facts (values and where each was written), all a
    register is answered from; the caller keeps the returned result in place of its own, so that the parsed case
    (for a register of 100k cases most of the memory: nodes and spans for every argument) is let go before the register is
    laid out in partitions, whether it splits or not."""
    program = result.program
    files = {name for name, origin in program.origins.items() if origin == ir.CASE}
    if not files:
        return result
    count = 0
    for facts in program.facts.values():
        for span in facts.values():
            count += span.file in files
    if count <= limit:
        return result
    kb = replace(result.kb, clauses=[c for c in result.kb.clauses if c.span.file not in files],
                 modules=[m for m in result.kb.modules if m.path not in files])
    return replace(result, kb=kb)


class Register:
    """A prepared question over a register: the partitions and what every partition shares."""

    def __init__(self, result, level: str, language: str, steps: bool = False, limit: int = PARTITION_FACTS):
        self.kb, self.query, self.level, self.language, self.steps = result.kb, result.query, level, language, steps
        self.at = result.at
        program = result.program
        case, self.base = _case_and_law(program)
        broadcast, self.parts = partitions(program, case, limit, result.query.atom.predicate)
        del case   # the partitions hold the case facts from here
        for relation, values, span in broadcast:
            self.base.setdefault(relation, {})[values] = span
        self.program = replace(program, facts={})
        # the values every partition holds: an answer holding none of its partition's others is the common answer
        self.shared = {_key(v) for facts in self.base.values() for values in facts for v in values} | rule_constants(program)
        self.split = len(self.parts) > 1
        if self.split:  # the register now lives in its partitions: its own kb holds no parsed case (the caller's
            # result is left as it was; `lean` gives the caller one without the case, to let it go before workers fork)
            names = {name for name, origin in program.origins.items() if origin == ir.CASE}
            self.kb = replace(result.kb, clauses=[c for c in result.kb.clauses if c.span.file not in names],
                              modules=[m for m in result.kb.modules if m.path not in names])

    def lean(self, result):
        """`result` over this register's kb and program, which hold no case facts: the caller keeps it in place of
        its own, so the parsed case (held now by the partitions alone) is let go before workers fork."""
        return replace(result, kb=self.kb, program=self.program) if self.split else result

    def run(self, index: int, facts: list[Fact] | None = None) -> list[tuple[str, str | None, dict]]:
        """Partition `index` (its facts given, in a worker); index -1 is the broadcast facts' own answers (only when split)."""
        if index < 0:
            return solve(self.kb, self.program, self.query, self.level, self.language, self.steps,
                         [], self.base, self.shared, owned=False)
        return solve(self.kb, self.program, self.query, self.level, self.language, self.steps,
                     self.parts[index] if facts is None else facts, self.base, self.shared,
                     owned=True if self.split else None)

    def tasks(self) -> list[int]:
        return list(range(len(self.parts))) + ([-1] if self.split else [])


_CURRENT: Register | None = None   # the register in a worker (sent once, when the worker starts)


def _install(register: Register) -> None:
    global _CURRENT
    _CURRENT = register


def _run_part(index: int, facts: list[Fact]):
    assert _CURRENT is not None, "installed when the worker started"
    return _CURRENT.run(index, facts)


def results(register: Register, jobs: int = 1) -> Iterator[list[tuple[str, str | None, dict]]]:
    """Each partition's items, in partition order, computed on `jobs` processes as they are needed.

    The workers do not inherit the parent's heap (the parsed register: forked from it, two workers held
    2.16 GiB at 100k, counted in every process): they are started by a fork server, a fresh interpreter
    (`forkserver`, where the system has it; else `spawn`), and get the register without its partitions once
    (the law, the program, the facts every partition shares) and each partition's facts with its task.
    What crosses is our own objects between the processes of one command, never anything read from disk."""
    tasks = register.tasks()
    if jobs <= 1 or len(tasks) <= 1:
        for index in tasks:
            yield register.run(index)
        return
    import copy
    import multiprocessing

    methods = _start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    shared = copy.copy(register)
    shared.parts = []
    workers = min(jobs, len(tasks))
    with context.Pool(workers, initializer=_install, initargs=(shared,)) as pool:
        # At most two rounds of partitions in flight: results are not piled up faster than they are written.
        pending = []
        for index in tasks:
            pending.append(pool.apply_async(_run_part, (index, register.parts[index] if index >= 0 else [])))
            if len(pending) >= 2 * workers:
                yield pending.pop(0).get()
        while pending:
            yield pending.pop(0).get()


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()


class Answers:
    """A register's answers, in order, each partition computed when it is read (on `jobs` processes), read once.

    Iterated, one answer at a time, each table entry queued (once) in `tables` before its first use: what every
    writer of a document reads. `partitions()`: a partition at a time, its items in order, for a writer that writes
    a partition at once (as_json.lines): ('answer', None, answer), and the table entries ('norms'|'proofs', key,
    entry) its answers use, among them entries of earlier partitions again: the writer writes those whose (table,
    key) `tables.seen` does not hold, and adds them there. A reader lets go of a partition's items before it asks for
    the next: they are freed then, before the next partition is solved (one partition's answers held at a time).

    Under the command line's collector policy no collection runs while a partition is solved and written: its
    objects all live until it is written (a collection walked them all to free nothing), and the first collection
    after it meets only what it left (collector.paused)."""

    __slots__ = ("register", "tables", "jobs", "progress")

    def __init__(self, register: Register, tables: Tables, jobs: int = 1, progress=None):
        self.register, self.tables, self.jobs, self.progress = register, tables, jobs, progress

    def __iter__(self) -> Iterator[dict]:
        seen, add = self.tables.seen, self.tables.add
        for items in self.partitions():
            for table, key, entry in items:
                if table == "answer":
                    yield entry
                elif (table, key) not in seen:
                    assert key is not None, "a norm or a proof has its id"
                    seen.add((table, key))
                    add(table, key, entry)
            items, entry = [], None   # let go before the next partition (partitions())

    def partitions(self) -> Iterator[list[tuple[str, str | None, Any]]]:
        register, progress = self.register, self.progress
        total = sum(len(p) for p in register.parts)
        sizes = [len(register.parts[i]) if i >= 0 else 0 for i in register.tasks()]
        solved = results(register, self.jobs)
        for size in sizes:
            with collector.paused():
                items = next(solved)
                yield items
                answers = sum(1 for item in items if item[0] == "answer") if progress is not None else 0
                del items   # freed before the collector resumes
            if progress is not None:
                progress.partition(total, size, answers)
        if progress is not None:
            progress.done()


def document(register: Register, jobs: int = 1, progress=None) -> Document:
    """The JSON document (explanation.Document, with tables) of a register, its answers computed as they are read."""
    tables = Tables()
    doc = Document(query=query_text(register.query), at=register.at.isoformat(), schema=SCHEMA_VERSION,
                   trace=register.level, norms={}, proofs={})
    doc.tables = tables
    doc["answers"] = Answers(register, tables, jobs, progress)
    return doc


class Progress:
    """Cases done, answers, rate and time left, on one line of a terminal, once a batch has run ~2 s.

    `write` gets the text (with a carriage return); nothing is written for a batch that ends sooner.
    """

    AFTER = 2.0

    def __init__(self, write, clock=None):
        import time

        self.write = write
        self.clock = clock or time.monotonic
        self.start = self.clock()
        self.answers = 0
        self.facts = 0
        self.total = 0
        self.shown = False

    def answer(self) -> None:
        self.answers += 1

    def partition(self, total_facts: int, facts: int, answers: int = 0) -> None:
        """A partition of `facts` case facts (of `total_facts`) and `answers` more answers is written."""
        self.total = total_facts
        self.facts += facts
        self.answers += answers
        elapsed = self.clock() - self.start
        if elapsed < self.AFTER:
            return
        rate = self.answers / elapsed if elapsed else 0.0
        left = elapsed * (self.total - self.facts) / self.facts if self.facts else 0.0
        share = 100 * self.facts / self.total if self.total else 100
        self.write(f"\r{share:5.1f}% of the case facts, {self.answers:,} answers, {rate:,.0f} answers/s, "
                   f"~{left:,.0f} s left ")
        self.shown = True

    def done(self) -> None:
        if self.shown:
            self.write("\n")


def default_jobs() -> int:
    """One process unless --jobs asks for more: workers cost a fresh interpreter each and the parent still
    holds the parsed register, and one process is faster on a shared machine (docs/performance.md)."""
    return 1


# ---------------------------------------------------------------------------------------- a plain function

def answer_facts(fact_lines: Sequence[str], question: str, at: str, kb_dir: str | None = None,
                 trace_level: str = "brief", language: str = "en") -> list[str]:
    """The partition step as a plain function, for a distributed engine: fact lines in, JSON Lines out.

    Every line is `{"norm": ...}`, `{"proof": ...}` or `{"answer": ...}` as `--format jsonl` writes
    them (without the `document` line); the caller keeps the first `norm`/`proof` line of each id.
    The knowledge base is read from `kb_dir` (default: the bundled one; its cache makes this cheap).
    """
    import json
    import tempfile

    from engine.pipeline import ask

    with tempfile.TemporaryDirectory(prefix="zan-part-") as folder:
        path = Path(folder) / "part.facts"
        path.write_text("".join(line.rstrip("\n") + "\n" for line in fact_lines), encoding="utf-8")
        result = ask(question, datetime.date.fromisoformat(at), Path(kb_dir) if kb_dir else None, [path],
                     trace_level="none")
        result.traces = []
        register = Register(result, trace_level, language, limit=len(fact_lines) + 1)
        out = []
        for items in results(register, 1):
            for table, key, entry in items:
                if entry.__class__ is Row:
                    entry = entry.dict()
                value = {"answer": entry} if table == "answer" else {"norm": entry} if table == "norms" \
                    else {"proof": {"id": key, **entry}}
                out.append(json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    return out
