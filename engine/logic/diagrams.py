"""Decision diagrams: reduced, ordered, shared, with any hashable values at the leaves.

A Boolean function of ground facts is a diagram with the leaves False and True; the case space
(engine/tools/cases.py) also builds diagrams whose leaves are outcomes (a status with its deciding
norms). Variables are integers, ordered by their number (smaller nearer the root). Every diagram is
canonical for its function, so two diagrams are equal exactly when their node ids are equal.
"""

from __future__ import annotations

from typing import Callable, Hashable, Iterator


class Diagrams:
    """One manager: a unique table of nodes (var, low, high) and of leaves; ids are ints."""

    def __init__(self):
        self._leaf_id: dict[Hashable, int] = {}
        self._node_id: dict[tuple[int, int, int], int] = {}
        self.table: list[tuple] = []        # id -> ("leaf", value) | (var, low, high)
        self._memo: dict[tuple, int] = {}
        self.false = self.leaf(False)
        self.true = self.leaf(True)

    # ------------------------------------------------------------ building
    def leaf(self, value: Hashable) -> int:
        found = self._leaf_id.get(value)
        if found is None:
            found = self._leaf_id[value] = len(self.table)
            self.table.append(("leaf", value))
        return found

    def node(self, var: int, low: int, high: int) -> int:
        if low == high:
            return low
        key = (var, low, high)
        found = self._node_id.get(key)
        if found is None:
            found = self._node_id[key] = len(self.table)
            self.table.append(key)
        return found

    def var(self, v: int) -> int:
        return self.node(v, self.false, self.true)

    def is_leaf(self, u: int) -> bool:
        return self.table[u][0] == "leaf"

    def value(self, u: int):
        return self.table[u][1]

    def top(self, u: int) -> float:
        entry = self.table[u]
        return float("inf") if entry[0] == "leaf" else entry[0]

    def branches(self, u: int, v: int) -> tuple[int, int]:
        """The low and high cofactors of u by the variable v (u itself when v is not its top)."""
        entry = self.table[u]
        if entry[0] != "leaf" and entry[0] == v:
            return entry[1], entry[2]
        return u, u

    # ------------------------------------------------------------ operations
    def apply(self, name: str, op: Callable, *args: int) -> int:
        """op applied leafwise to the diagrams args (name keys the memo: one name per op)."""
        key = (name,) + args
        found = self._memo.get(key)
        if found is not None:
            return found
        if all(self.is_leaf(a) for a in args):
            result = self.leaf(op(*(self.value(a) for a in args)))
        else:
            v = min(self.top(a) for a in args)
            lows, highs = zip(*(self.branches(a, v) for a in args))
            result = self.node(v, self.apply(name, op, *lows), self.apply(name, op, *highs))
        self._memo[key] = result
        return result

    def conj(self, a: int, b: int) -> int:
        if a == self.false or b == self.false:
            return self.false
        if a == self.true:
            return b
        if b == self.true or a == b:
            return a
        return self.apply("and", lambda x, y: x and y, *sorted((a, b)))

    def disj(self, a: int, b: int) -> int:
        if a == self.true or b == self.true:
            return self.true
        if a == self.false:
            return b
        if b == self.false or a == b:
            return a
        return self.apply("or", lambda x, y: x or y, *sorted((a, b)))

    def neg(self, a: int) -> int:
        return self.apply("not", lambda x: not x, a)

    def ite(self, c: int, x: int, y: int) -> int:
        """if c then x else y; c Boolean, x and y with any leaves."""
        if c == self.true:
            return x
        if c == self.false or x == y:
            return y
        return self.apply("ite", lambda a, b, d: b if a else d, c, x, y)

    def restrict(self, u: int, v: int, value: bool) -> int:
        """u with the variable v fixed."""
        key = ("restrict", u, v, value)
        found = self._memo.get(key)
        if found is not None:
            return found
        entry = self.table[u]
        if entry[0] == "leaf" or entry[0] > v:
            result = u
        elif entry[0] == v:
            result = entry[2] if value else entry[1]
        else:
            result = self.node(entry[0], self.restrict(entry[1], v, value), self.restrict(entry[2], v, value))
        self._memo[key] = result
        return result

    def map(self, u: int, f: Callable[[Hashable], Hashable], name: str) -> int:
        return self.apply("map:" + name, f, u)

    # ------------------------------------------------------------ reading
    def paths(self, u: int) -> Iterator[tuple[dict[int, bool], Hashable]]:
        """Every path to a leaf: the variables it fixes and the leaf's value. The paths partition the space."""
        stack = [(u, {})]
        while stack:
            node, fixed = stack.pop()
            entry = self.table[node]
            if entry[0] == "leaf":
                yield fixed, entry[1]
                continue
            v, low, high = entry
            stack.append((high, {**fixed, v: True}))
            stack.append((low, {**fixed, v: False}))

    def evaluate(self, u: int, assignment: Callable[[int], bool]):
        while not self.is_leaf(u):
            v, low, high = self.table[u]
            u = high if assignment(v) else low
        return self.value(u)

    def support(self, u: int) -> set[int]:
        seen, out, stack = set(), set(), [u]
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            entry = self.table[node]
            if entry[0] != "leaf":
                out.add(entry[0])
                stack += [entry[1], entry[2]]
        return out

    def minimal_true_sets(self, u: int, accept: Callable[[Hashable], bool]) -> list[frozenset[int]]:
        """The minimal sets S of variables such that S true and every other variable false reaches an accepted leaf."""
        memo: dict[int, list[frozenset[int]]] = {}

        def walk(node: int) -> list[frozenset[int]]:
            if node in memo:
                return memo[node]
            entry = self.table[node]
            if entry[0] == "leaf":
                found = [frozenset()] if accept(entry[1]) else []
            else:
                v, low, high = entry
                found = minimal(walk(low) + [s | {v} for s in walk(high)])
            memo[node] = found
            return found

        return walk(u)


def minimal(sets: list[frozenset]) -> list[frozenset]:
    """The sets of which no other is a proper subset (duplicates once)."""
    out: list[frozenset] = []
    for s in sorted(set(sets), key=len):
        if not any(t <= s for t in out):
            out.append(s)
    return out
