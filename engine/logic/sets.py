"""A set-at-a-time evaluator: semi-naive joins of whole relations over Python dicts (`--engine sets`).

The same model as pyDatalog's (engine/logic/evaluation.py, the reference) by another road. Each rule
body is compiled once into steps over *rows* (tuples of the values of its variables so far): an atom
extends every row by the matching tuples of its relation, looked up in a hash index on the positions
already bound (built once per relation and set of positions); a negation keeps the rows whose key is
not in its relation; a comparison or built-in arithmetic filters or extends rows one at a time. The
dependency components are evaluated dependencies first; a recursive component iterates to its
fixpoint semi-naively (each round joins one recursive literal with the previous round's new tuples,
the others with everything found so far). Comparisons and arithmetic are those of engine/logic/model.py,
so the two evaluators agree on mixed kinds of values too. Only relations the question rests on are
derived, as with pyDatalog; every fact is in the model.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Callable

from engine.syntax import nodes as n
from engine.logic.derivations import Derivations
from engine.logic.ir import Program, Rule
from engine.logic.model import ARITHMETIC, Model, compare, kind
from engine.logic.plan import dependency_graph, depended_on, ordered
from engine.base import collector

Rows = list[tuple]


def _getter(positions: list[int]) -> Callable[[tuple], object]:
    """A function from a tuple to the values at `positions`, the same shape for rows and tuples of a relation."""
    if not positions:
        return lambda _row: ()
    if len(positions) == 1:
        p = positions[0]
        return lambda row: (row[p],)
    return itemgetter(*positions)


def _key(positions: list[int]) -> Callable[[tuple], object]:
    """An index's key: the value itself at one position (no tuple made for it), else `_getter`'s tuple."""
    return itemgetter(positions[0]) if len(positions) == 1 else _getter(positions)


class _Indexes:
    """Hash indexes of relations by bound positions, built once for a relation's current tuples."""

    def __init__(self, relations: dict[str, set[tuple]]):
        self.relations = relations
        self.cache: dict[tuple, dict] = {}
        self.asked: set[tuple] = set()   # the indexes asked for once already (`lookup`'s probes)

    def forget(self, relation: str) -> None:
        for key in [k for k in self.cache if k[0] == relation]:
            del self.cache[key]

    def tuples(self, relation: str, rows) -> set[tuple]:
        """The relation's current tuples, or the round's new ones (`rows`), as they are: no index."""
        return self.relations.get(relation, ()) if rows is None else rows

    def present(self, relation: str, rows, keys: tuple, arity: int) -> set:
        """The key values of the relation's tuples when `keys` are all its positions (a test, nothing bound anew)."""
        tuples = self.tuples(relation, rows)
        if keys == tuple(range(arity)):
            return tuples   # the key of a tuple is the tuple itself
        cache_key = (relation, "present", keys)
        found = self.cache.get(cache_key) if rows is None else None
        if found is None:
            key_of = _getter(list(keys))
            found = {key_of(t) for t in tuples}
            if rows is None:
                self.cache[cache_key] = found
        return found

    def lookup(self, relation: str, rows, keys: tuple, constants: tuple, same: tuple, new: tuple,
               arity: int, probes=None) -> dict:
        """key values -> the list of `new` positions' values of the matching tuples (distinct).

        probes: the rows about to be looked up and their key, or None. The first time an index of the relation's
        tuples is asked for by few rows (under an eighth of the tuples), only the tuples those rows meet are
        indexed, and that index is not kept: an index used once costs a scan with a set test per tuple, no list
        per key; asked for again, the whole index is built and kept."""
        cache_key = (relation, keys, constants, same, new)
        found = self.cache.get(cache_key) if rows is None else None
        if found is not None:
            return found
        tuples = self.tuples(relation, rows)
        key_of = _key(list(keys))
        partial = False
        if probes is not None and rows is None and keys and cache_key not in self.asked:
            self.asked.add(cache_key)
            probed, row_key = probes
            if len(probed) * 8 < len(tuples):
                wanted = set(map(row_key, probed))
                tuples = [t for t in tuples if key_of(t) in wanted]
                partial = True
        for p, v in constants:
            tuples = [t for t in tuples if not t[p] != v]
        for a, b in same:
            tuples = [t for t in tuples if not t[a] != t[b]]
        ext_of = _getter(list(new))
        if len(keys) + len(new) + len(constants) + len(same) == arity:
            # every position is a key, a constant, a repetition or new: distinct tuples have distinct new values
            # under one key, so a list of them is the set of them
            found = {}
            get = found.get
            if len(new) == 1:
                q = new[0]
                for t in tuples:
                    k = key_of(t)
                    bucket = get(k)
                    if bucket is None:
                        found[k] = [(t[q],)]
                    else:
                        bucket.append((t[q],))
            else:
                for t in tuples:
                    k = key_of(t)
                    bucket = get(k)
                    if bucket is None:
                        found[k] = [ext_of(t)]
                    else:
                        bucket.append(ext_of(t))
        else:
            index: dict = {}
            for t in tuples:
                k = key_of(t)
                if k in index:
                    index[k].add(ext_of(t))
                else:
                    index[k] = {ext_of(t)}
            found = {k: list(v) for k, v in index.items()}
        if rows is None and not partial:
            self.cache[cache_key] = found
        return found

    def keys(self, relation: str, keys: tuple, constants: tuple, arity: int) -> set:
        if not constants and keys == tuple(range(arity)):
            return self.relations.get(relation, ())
        cache_key = (relation, "keys", keys, constants)
        found = self.cache.get(cache_key)
        if found is None:
            key_of = _getter(list(keys))
            found = self.cache[cache_key] = {key_of(t) for t in self.relations.get(relation, ())
                                             if all(t[p] == v for p, v in constants)}
        return found


class _Compiled:
    """One rule, its body in a join order, as steps over rows of variable values."""

    def __init__(self, rule: Rule, order: list[int], delta_at: int | None = None):
        self.rule = rule
        self.delta_at = delta_at     # the body position that reads the round's new tuples (recursion)
        self.slots: dict[str, int] = {}
        self.steps: list[tuple] = []
        body = rule.evaluated_body
        for i in order:
            self._compile(body[i], i)
        head = []
        for t in rule.head.args:
            if isinstance(t, n.Variable) and t.name in self.slots:
                head.append((True, self.slots[t.name]))
            elif isinstance(t, n.Variable):   # an unbound head variable: unsafe, refused by the checks
                raise ValueError(f"unbound variable {t.name} in the head of {rule.relation}")
            else:
                head.append((False, t.value))
        self.head = tuple(head)
        # the head is the row itself (its variables in the order the body binds them, nothing else): no tuple made
        self.identity = head == [(True, slot) for slot in range(len(self.slots))]
        if all(bound for bound, _ in head):
            self.project = _getter([s for _b, s in head])
        else:
            # the head's constants appended to the row, then read like its variables: no generator per row
            constants = tuple(v for b, v in head if not b)
            at, c = [], len(self.slots)
            for b, v in head:
                at.append(v if b else c)
                c += not b
            get = _getter(at)
            self.project = lambda row: get(row + constants)

    def _slot(self, name: str) -> int:
        return self.slots.setdefault(name, len(self.slots))

    def _compile(self, c: n.Condition, position: int) -> None:
        if isinstance(c, n.Atom) and c.predicate in ARITHMETIC:
            left, right, result = c.args
            terms = []
            for t in (left, right):
                terms.append((True, self.slots[t.name]) if isinstance(t, n.Variable) else (False, t.value))
            if isinstance(result, n.Variable) and result.name != "_" and result.name not in self.slots:
                self.steps.append(("compute", ARITHMETIC[c.predicate], tuple(terms), None))
                self._slot(result.name)
            elif isinstance(result, n.Variable) and result.name == "_":
                self.steps.append(("compute-test", ARITHMETIC[c.predicate], tuple(terms), None))
            else:
                target = (True, self.slots[result.name]) if isinstance(result, n.Variable) else (False, result.value)
                self.steps.append(("compute-check", ARITHMETIC[c.predicate], tuple(terms), target))
            return
        if isinstance(c, n.Atom):
            keys, slots, constants, new, same, seen = [], [], [], [], [], {}
            for p, t in enumerate(c.args):
                if isinstance(t, n.Constant):
                    constants.append((p, t.value))
                elif t.name == "_":
                    continue
                elif t.name in self.slots:
                    keys.append(p)
                    slots.append(self.slots[t.name])
                elif t.name in seen:
                    same.append((seen[t.name], p))
                else:
                    seen[t.name] = p
                    new.append(p)
            for p in new:
                self._slot(c.args[p].name)
            delta = position == self.delta_at
            arity = len(c.args)
            if not constants and not same and not new and len(keys) == arity:   # a test: no index
                self.steps.append(("delta-test" if delta else "test", c.predicate, tuple(keys), arity,
                                   _getter(slots)))
            elif not constants and not same and not keys and tuple(new) == tuple(range(arity)):   # every tuple: no index
                self.steps.append(("delta-all" if delta else "all", c.predicate))
            else:
                self.steps.append(("delta" if delta else "atom", c.predicate, tuple(keys), tuple(constants),
                                   tuple(same), tuple(new), arity, _key(slots)))
            return
        if isinstance(c, n.Negation):
            keys, slots, constants = [], [], []
            for p, t in enumerate(c.atom.args):
                if isinstance(t, n.Constant):
                    constants.append((p, t.value))
                elif t.name != "_":
                    keys.append(p)
                    slots.append(self.slots[t.name])
            self.steps.append(("not", c.atom.predicate, tuple(keys), tuple(constants), len(c.atom.args),
                               _getter(slots)))
            return
        left, right = c.left, c.right
        sides = []
        for t in (left, right):
            if isinstance(t, n.Variable) and t.name in self.slots:
                sides.append((True, self.slots[t.name]))
            elif isinstance(t, n.Variable):
                sides.append(None)
            else:
                sides.append((False, t.value))
        if c.operator == "=" and None in sides:   # binds the free side
            free = left if sides[0] is None else right
            self.steps.append(("bind", sides[1] if sides[0] is None else sides[0]))
            self._slot(free.name)
            return
        self.steps.append(("compare", c.operator, sides[0], sides[1]))

    def run(self, indexes: _Indexes, delta: set[tuple] | None = None) -> set[tuple]:
        """The head tuples the rule derives (from the round's new tuples `delta` at `delta_at`)."""
        if self.identity:
            return set(self.rows(indexes, delta))
        project = self.project
        return {project(row) for row in self.rows(indexes, delta)}

    def rows(self, indexes: _Indexes, delta: set[tuple] | None = None) -> Rows:
        """Every instance of the body: the values of its variables (at `self.slots`), each assignment once."""
        rows: Rows = [()]
        for step in self.steps:
            if not rows:
                return rows
            op = step[0]
            if op == "atom" or op == "delta":
                _op, relation, keys, constants, same, new, arity, key_of = step
                index = indexes.lookup(relation, delta if op == "delta" else None, keys, constants, same, new,
                                       arity, (rows, key_of))
                out: Rows = []
                if keys:
                    for row in rows:
                        for ext in index.get(key_of(row), ()):
                            out.append(row + ext)
                else:
                    exts = index.get((), ())
                    for row in rows:
                        for ext in exts:
                            out.append(row + ext)
                rows = out
            elif op == "test" or op == "delta-test":
                _op, relation, keys, arity, key_of = step
                present = indexes.present(relation, delta if op == "delta-test" else None, keys, arity)
                rows = [row for row in rows if key_of(row) in present]
            elif op == "all" or op == "delta-all":
                exts = indexes.tuples(step[1], delta if op == "delta-all" else None)
                if rows == [()]:   # the body's first step: each tuple is a row as it is
                    rows = list(exts)
                else:
                    rows = [row + ext for row in rows for ext in exts]
            elif op == "not":
                _op, relation, keys, constants, arity, key_of = step
                present = indexes.keys(relation, keys, constants, arity)
                rows = [row for row in rows if key_of(row) not in present]
            elif op == "compare":
                _op, operator, a, b = step
                rows = [row for row in rows
                        if _compare(operator, row[a[1]] if a[0] else a[1], row[b[1]] if b[0] else b[1])]
            elif op == "bind":
                _op, (bound, value) = step
                rows = [row + (row[value] if bound else value,) for row in rows]
            else:   # built-in arithmetic
                _op, apply, (a, b), target = step
                out = []
                for row in rows:
                    value = apply(row[a[1]] if a[0] else a[1], row[b[1]] if b[0] else b[1])
                    if value is None:
                        continue
                    if op == "compute":
                        out.append(row + (value,))
                    elif op == "compute-test":
                        out.append(row)
                    else:
                        result = row[target[1]] if target[0] else target[1]
                        if result == value and kind(result) == kind(value):
                            out.append(row)
                rows = out
        return rows


def _compare(operator: str, left, right) -> bool:
    if operator == "=":
        return left == right
    return compare(operator, left, right)


def _order(rule: Rule, first: list[int], sizes: dict[str, int]) -> list[int]:
    def cost(atom: n.Atom, bound: set[str], placed: bool):
        free = sum(1 for t in atom.args if isinstance(t, n.Variable) and t.name not in bound)
        return (free == len(atom.args) and placed, free, sizes.get(atom.predicate, 0))
    return ordered(rule.evaluated_body, first, cost)


class Sets:
    """The set-at-a-time evaluator (engine.logic.evaluator)."""

    name = "sets"

    def evaluate(self, program: Program, relations: set[str] | None = None) -> Model:
        with collector.rarely():
            return _evaluate(program, relations)


class _Plan:
    """What evaluating a program takes that its facts do not change: the components of the relations the question
    rests on, dependencies first, each with its rules and their recursive literals' positions, and each rule's body
    compiled per join order. Kept for the next program of the same rules and relations (a register's partitions)."""

    def __init__(self, program: Program, relations: set[str] | None):
        graph = dependency_graph(program)
        rules_of: dict[str, list[Rule]] = {}
        for rule in program.rules:
            rules_of.setdefault(rule.relation, []).append(rule)
        needed = set(rules_of) if relations is None else depended_on(graph, relations) & set(rules_of)
        self.components: list[tuple[list[str], list[tuple[Rule, list[int]]]]] = []
        for members in graph.components():
            members = [r for r in members if r in needed]
            if not members:
                continue
            inside = set(members)
            self.components.append((members, [(rule, [i for i, c in enumerate(rule.evaluated_body)
                                                      if isinstance(c, n.Atom) and c.predicate in inside])
                                              for r in members for rule in rules_of[r]]))
        self.compiled: dict[tuple, _Compiled] = {}

    def body(self, rule: Rule, order: list[int], delta_at: int | None = None) -> _Compiled:
        """The rule's body compiled in that order (once: a compiled body holds no state of an evaluation)."""
        key = (id(rule), tuple(order), delta_at)
        found = self.compiled.get(key)
        if found is None:
            found = self.compiled[key] = _Compiled(rule, order, delta_at)
        return found


_LAST: list = [None]   # the last program's (its rules, kept: their ids are the key; its relations; the question's
#                         relations; its _Plan)


def _plan(program: Program, relations: set[str] | None) -> _Plan:
    rules, nodes = tuple(program.rules), tuple(program.arities)
    wanted = None if relations is None else frozenset(relations)
    last = _LAST[0]
    if last is not None:
        kept, kept_nodes, kept_wanted, plan = last
        if kept_nodes == nodes and kept_wanted == wanted and len(kept) == len(rules) and \
                all(a is b for a, b in zip(kept, rules)):
            return plan
    plan = _Plan(program, relations)
    _LAST[0] = (rules, nodes, wanted, plan)
    return plan


def _evaluate(program: Program, relations: set[str] | None) -> Model:
    plan = _plan(program, relations)
    found: dict[str, set[tuple]] = {r: set(f) for r, f in program.facts.items()}
    indexes = _Indexes(found)
    derivations = Derivations()   # each non-recursive rule's instances, for proofs (engine/logic/derivations.py)
    for members, recursive in plan.components:
        sizes = {r: len(v) for r, v in found.items()}
        for r in members:
            found.setdefault(r, set())
        # the rules without a recursive literal, once; then the others to the fixpoint
        delta: dict[str, set[tuple]] = {r: set(found[r]) for r in members}
        for rule, positions in recursive:
            if not positions:
                body = plan.body(rule, _order(rule, [], sizes))
                rows = body.rows(indexes)
                heads = rows if body.identity else list(map(body.project, rows))
                delta[rule.relation].update(heads)
                derivations.add(rule, body.slots, heads, rows)
            else:
                derivations.unrecorded(rule.relation)
        for r in members:
            found[r] |= delta[r]
            indexes.forget(r)
        loops = [(rule, [plan.body(rule, _order(rule, [i], sizes), delta_at=i) for i in positions], positions)
                 for rule, positions in recursive if positions]
        while loops and any(delta.values()):
            new_delta: dict[str, set[tuple]] = {r: set() for r in members}
            for rule, compiled, positions in loops:
                for body, i in zip(compiled, positions):
                    reads = delta.get(rule.evaluated_body[i].predicate)
                    if reads:
                        new_delta[rule.relation] |= body.run(indexes, reads)
            for r in members:
                new_delta[r] -= found[r]
                found[r] |= new_delta[r]
                indexes.forget(r)
            delta = new_delta
    return Model(found, derivations)


EVALUATOR = Sets()
