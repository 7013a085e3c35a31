"""Matching rule bodies against an evaluated model in Python, for proofs and why-not (never for answers)."""

from __future__ import annotations

from operator import itemgetter
from typing import Iterator, Mapping

from engine.syntax import nodes as n
from engine.logic.model import Model, compare


class Index:
    """Tuples of each relation, indexed lazily by the positions that are bound; plans of evaluation per body."""

    __slots__ = ("model", "_indexes", "_distinct", "_plans")

    def __init__(self, model: Model):
        self.model = model
        # (relation, positions) -> (the relation's tuples by their values at those positions (one position: the value
        # itself), the keys whose list is sorted already)
        self._indexes: dict[tuple[str, tuple[int, ...]], tuple[dict, set]] = {}
        self._distinct: dict[tuple[str, int], int] = {}
        self._plans: dict[tuple[int, frozenset], tuple[object, list]] = {}

    def distinct(self, relation: str, position: int) -> int:
        """How many different values the relation has at a position (at least 1)."""
        key = (relation, position)
        found = self._distinct.get(key)
        if found is None:
            found = self._distinct[key] = max(1, len({row[position] for row in self.model.get(relation)}))
        return found

    def expected(self, atom: n.Atom, bound) -> float:
        """Expected matches of an atom once the variables in `bound` have values: its size divided by the
        distinct values at each bound position (constants included). A small relation none of whose
        arguments is bound still costs all its rows, for every binding it is tried with."""
        size = float(len(self.model.get(atom.predicate)))
        for i, t in enumerate(atom.args):
            if isinstance(t, n.Variable):
                if t.name == "_" or t.name not in bound:
                    continue
            size /= self.distinct(atom.predicate, i)
        return size

    def lookup(self, relation: str, pattern: tuple) -> list[tuple]:
        """Tuples matching `pattern`, where None is a free position, in the order of `row_key`."""
        positions = tuple(i for i, v in enumerate(pattern) if v is not None)
        rows = self.model.get(relation)
        if not positions:
            return sorted(rows, key=row_key)
        if len(positions) == len(pattern):
            return [pattern] if pattern in rows else []
        key = (relation, positions)
        made = self._indexes.get(key)
        if made is None:
            index: dict = {}
            values = itemgetter(*positions)   # one position: the value itself, else a tuple (equal keys alike)
            for row in rows:
                bucket = index.get(values(row))
                if bucket is None:
                    index[values(row)] = [row]
                else:
                    bucket.append(row)
            made = self._indexes[key] = (index, set())
        index, ordered = made
        wanted = itemgetter(*positions)(pattern)
        bucket = index.get(wanted)
        if bucket is None:
            return []
        if wanted not in ordered:   # each list sorted when first asked for: most never are
            bucket.sort(key=row_key)
            ordered.add(wanted)
        return bucket

    def holds(self, relation: str, values: tuple) -> bool:
        return values in self.model.get(relation)


def row_key(row: tuple):
    """The order in which lookups return tuples (and so the order in which proofs meet rule instances)."""
    return tuple((type(v).__name__, str(v)) for v in row)


def value_of(term, binding: Mapping[str, object]):
    if isinstance(term, n.Variable):
        return binding.get(term.name) if term.name != "_" else None
    return term.value


def ground(atom: n.Atom, binding: Mapping[str, object]) -> tuple:
    return tuple(value_of(t, binding) for t in atom.args)


def unify(atom: n.Atom, values: tuple, binding: Mapping[str, object]) -> dict | None:
    """Extends the binding so that the atom's arguments equal the values, or None."""
    out = dict(binding)
    for term, value in zip(atom.args, values):
        if isinstance(term, n.Variable):
            if term.name == "_":
                continue
            if term.name in out:
                if out[term.name] != value or type(out[term.name]) is not type(value):
                    return None
            else:
                out[term.name] = value
        elif term.value != value or type(term.value) is not type(value):
            return None
    return out


def test(condition, binding: Mapping[str, object], index: Index) -> bool | dict:
    """A negation or comparison under a binding: True/False, or an extended binding for `X = c`."""
    if isinstance(condition, n.Negation):
        return not index.holds(condition.atom.predicate, ground(condition.atom, binding))
    left, right = value_of(condition.left, binding), value_of(condition.right, binding)
    if condition.operator == "=":
        for term, other in ((condition.left, right), (condition.right, left)):
            if isinstance(term, n.Variable) and term.name not in binding and other is not None:
                return {**binding, term.name: other}
        return left == right and type(left) is type(right)
    return compare(condition.operator, left, right)


def ready(condition, binding: Mapping[str, object]) -> bool:
    if isinstance(condition, n.Negation):
        return all(v.name in binding for v in condition.atom.variables() if v.name != "_")
    names = [t.name for t in (condition.left, condition.right) if isinstance(t, n.Variable)]
    free = [x for x in names if x not in binding]
    return not free or (condition.operator == "=" and len(free) == 1)


def plan(conditions, binding: Mapping[str, object], index: Index) -> list:
    """An order of evaluation: at each step the test that is ready, else the atom with the fewest expected
    matches (Index.expected); computed once per body and set of bound variables."""
    key = (id(conditions), frozenset(binding))
    cached = index._plans.get(key)
    if cached is not None and cached[0] is conditions:
        return cached[1]
    order = _plan(conditions, binding, index)
    index._plans[key] = (conditions, order)   # holds the body, so that its id is not reused
    return order


def _plan(conditions, binding: Mapping[str, object], index: Index) -> list:
    pending = list(conditions)
    bound = set(binding)
    order = []
    while pending:
        tests = [c for c in pending if not isinstance(c, n.Atom) and ready(c, {b: 1 for b in bound})]
        if tests:
            chosen = tests[0]
        else:
            atoms = [c for c in pending if isinstance(c, n.Atom)]
            if not atoms:
                order.extend(pending)
                break
            # the fewest expected matches (one atom left: itself, its relation's statistics not gathered)
            chosen = atoms[0] if len(atoms) == 1 else min(atoms, key=lambda a: index.expected(a, bound))
            bound.update(v.name for v in chosen.variables())
        if isinstance(chosen, n.Comparison) and chosen.operator == "=":
            bound.update(t.name for t in (chosen.left, chosen.right) if isinstance(t, n.Variable))
        pending.remove(chosen)
        order.append(chosen)
    return order


def solutions(conditions, binding: Mapping[str, object], index: Index) -> Iterator[dict]:
    """Every extension of the binding that satisfies all conditions (depth first, without Python recursion:
    a rule may have a thousand conditions)."""
    order = plan(conditions, binding, index)

    def options(i: int, current: dict) -> Iterator[dict]:
        c = order[i]
        if isinstance(c, n.Atom):
            for row in index.lookup(c.predicate, ground(c, current)):
                extended = unify(c, row, current)
                if extended is not None:
                    yield extended
        else:
            result = test(c, current, index)
            if result is True:
                yield current
            elif isinstance(result, dict):
                yield result

    if not order:
        yield dict(binding)
        return
    stack = [options(0, dict(binding))]
    while stack:
        extended = next(stack[-1], None)
        if extended is None:
            stack.pop()
        elif len(stack) == len(order):
            yield extended
        else:
            stack.append(options(len(stack), extended))
