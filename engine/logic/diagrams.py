"""Decision diagrams: reduced, ordered, shared, with any hashable values at the leaves.

A Boolean function of ground facts is a diagram with the leaves False and True; the case space
(engine/tools/cases.py) also builds diagrams whose leaves are outcomes (a status with its deciding
norms). Variables are integers; each has a level fixed when it is first used (`declare(v, group)`:
the variables of one group sit together, groups in their sorted order, then by number), smaller
levels nearer the root. Every diagram is canonical for its function, so two diagrams are equal
exactly when their node ids are equal.

The work is bounded: a manager made with a `Budget` (nodes and memo entries, seconds) raises
`TooLarge` as soon as either is spent, so no input exhausts the machine; callers turn it into a
message that names the bound.
"""

from __future__ import annotations

import time
from engine.base.records import dataclass
from typing import Callable, Hashable, Iterator


@dataclass
class Budget:
    """At most `entries` nodes and memo entries, and `seconds` of work from when the manager is made: CPU seconds of
    this process (`budget_clock`), so that a machine busy with other work neither spends a budget nor changes
    what a bounded answer finds."""

    entries: int = 2_000_000
    seconds: float = 20.0


def budget_clock() -> float:
    """The clock budgets are counted on: this process's CPU seconds (time.process_time)."""
    return time.process_time()


class TooLarge(Exception):
    """The budget of a manager is spent: `what` is "entries" or "seconds", `limit` the bound."""

    def __init__(self, what: str, limit):
        super().__init__(f"{what} {limit}")
        self.what, self.limit = what, limit


_LEAF_LEVEL = (1,)


class Diagrams:
    """One manager: a unique table of nodes (var, low, high) and of leaves; ids are ints."""

    def __init__(self, budget: Budget | None = None, deadline: float | None = None):
        self._leaf_id: dict[Hashable, int] = {}
        self._node_id: dict[tuple[int, int, int], int] = {}
        self.table: list[tuple] = []        # id -> ("leaf", value) | (var, low, high)
        self._memo: dict[tuple, int] = {}
        self._level: dict[int, tuple] = {}   # var -> (0, group, var)
        self.budget = budget
        self.deadline = deadline if deadline is not None else (
            budget_clock() + budget.seconds if budget is not None else None)
        self._tick = 0
        self.false = self.leaf(False)
        self.true = self.leaf(True)

    def _spend(self) -> None:
        """Called on every new node and memo entry: checks the budget every 4096 of them."""
        self._tick += 1
        if not self._tick & 4095:
            self.check()

    def check(self) -> None:
        """Raises TooLarge if the budget is spent (for loops that make no nodes)."""
        if self.budget is None:
            return
        if len(self.table) + len(self._memo) > self.budget.entries:
            raise TooLarge("entries", self.budget.entries)
        if self.deadline is not None and budget_clock() > self.deadline:
            raise TooLarge("seconds", self.budget.seconds)

    def declare(self, v: int, group: tuple = ()) -> None:
        """Fixes the level of a variable before it is used: grouped variables sit together."""
        if v not in self._level:
            self._level[v] = (0, group, v)

    def level(self, v: int) -> tuple:
        found = self._level.get(v)
        if found is None:
            found = self._level[v] = (0, (), v)
        return found

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
            self._spend()
            found = self._node_id[key] = len(self.table)
            self.table.append(key)
        return found

    def var(self, v: int) -> int:
        return self.node(v, self.false, self.true)

    def is_leaf(self, u: int) -> bool:
        return self.table[u][0] == "leaf"

    def value(self, u: int):
        return self.table[u][1]

    def top(self, u: int) -> tuple:
        """The level of u's variable (leaves below every variable)."""
        entry = self.table[u]
        return _LEAF_LEVEL if entry[0] == "leaf" else self.level(entry[0])

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
            v = min(self.top(a) for a in args)[2]
            lows, highs = zip(*(self.branches(a, v) for a in args))
            result = self.node(v, self.apply(name, op, *lows), self.apply(name, op, *highs))
        self._spend()
        self._memo[key] = result
        return result

    def conj(self, a: int, b: int) -> int:
        return self.ite(a, b, self.false) if a <= b else self.ite(b, a, self.false)

    def disj(self, a: int, b: int) -> int:
        return self.ite(a, self.true, b) if a <= b else self.ite(b, self.true, a)

    def neg(self, a: int) -> int:
        return self.ite(a, self.false, self.true)

    def ite(self, c: int, x: int, y: int) -> int:
        """if c then x else y; c Boolean, x and y with any leaves (the operation the case space is built of:
        written out rather than through `apply`, three times faster)."""
        if c == self.true:
            return x
        if c == self.false or x == y:
            return y
        if x == self.true and y == self.false:
            return c
        key = ("ite", c, x, y)
        found = self._memo.get(key)
        if found is not None:
            return found
        table, level = self.table, self.level
        top = level(table[c][0])
        entry_x, entry_y = table[x], table[y]
        if entry_x[0] != "leaf":
            top = min(top, level(entry_x[0]))
        if entry_y[0] != "leaf":
            top = min(top, level(entry_y[0]))
        v = top[2]
        c0, c1 = self.branches(c, v)
        x0, x1 = (entry_x[1], entry_x[2]) if entry_x[0] == v else (x, x)
        y0, y1 = (entry_y[1], entry_y[2]) if entry_y[0] == v else (y, y)
        result = self.node(v, self.ite(c0, x0, y0), self.ite(c1, x1, y1))
        self._spend()
        self._memo[key] = result
        return result

    def intersects(self, a: int, b: int, negate: bool = False) -> bool:
        """Whether the Boolean diagrams a and b (or a and not b) hold together for some assignment, without
        building their conjunction: the search stops at the first common path."""
        key = ("meets", a, b, negate)
        found = self._memo.get(key)
        if found is not None:
            return bool(found)
        if a == self.false:
            result = False
        elif a == self.true:              # b (or not b) holds somewhere
            result = b != (self.true if negate else self.false)
        elif self.is_leaf(b):             # b (or not b) holds everywhere, or nowhere
            result = bool(self.value(b)) != negate
        else:
            v = min(self.top(a), self.top(b))[2]
            a0, a1 = self.branches(a, v)
            b0, b1 = self.branches(b, v)
            result = self.intersects(a0, b0, negate) or self.intersects(a1, b1, negate)
        self._spend()
        self._memo[key] = int(result)
        return result

    def restrict(self, u: int, v: int, value: bool) -> int:
        """u with the variable v fixed."""
        key = ("restrict", u, v, value)
        found = self._memo.get(key)
        if found is not None:
            return found
        entry = self.table[u]
        if entry[0] == "leaf" or self.level(entry[0]) > self.level(v):
            result = u
        elif entry[0] == v:
            result = entry[2] if value else entry[1]
        else:
            result = self.node(entry[0], self.restrict(entry[1], v, value), self.restrict(entry[2], v, value))
        self._spend()
        self._memo[key] = result
        return result

    def map(self, u: int, f: Callable[[Hashable], Hashable], name: str) -> int:
        """f applied to every leaf of u (name keys the memo: one name per f)."""
        key = ("map:" + name, u)
        found = self._memo.get(key)
        if found is not None:
            return found
        entry = self.table[u]
        if entry[0] == "leaf":
            result = self.leaf(f(entry[1]))
        else:
            result = self.node(entry[0], self.map(entry[1], f, name), self.map(entry[2], f, name))
        self._spend()
        self._memo[key] = result
        return result

    # ------------------------------------------------------------ reading
    def paths(self, u: int) -> Iterator[tuple[dict[int, bool], Hashable]]:
        """Every path to a leaf: the variables it fixes and the leaf's value. The paths partition the space."""
        stack: list[tuple[int, dict[int, bool]]] = [(u, {})]
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

    def reachable(self, u: int) -> set[int]:
        """Every node of the diagram rooted at u, its leaves included (walked without recursion)."""
        seen, stack = set(), [u]
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            entry = self.table[node]
            if entry[0] != "leaf":
                stack += [entry[1], entry[2]]
        return seen

    def support(self, u: int) -> set[int]:
        """The variables the diagram rooted at u tests."""
        return {self.table[node][0] for node in self.reachable(u) if not self.is_leaf(node)}

    def leaves(self, u: int) -> set[int]:
        """The leaves the diagram rooted at u reaches."""
        return {node for node in self.reachable(u) if self.is_leaf(node)}

    # ------------------------------------------------------------ covers (decision tables)
    def cube(self, literals: dict[int, bool]) -> int:
        """The conjunction of the literals (variable -> value)."""
        out = self.true
        for v in sorted(literals, key=self.level, reverse=True):
            out = self.node(v, self.false, out) if literals[v] else self.node(v, out, self.false)
        return out

    def isop(self, lower: int, upper: int, limit: int | None = None) -> list[dict[int, bool]]:
        """A prime and irredundant cover of any function between lower and upper (lower implies upper):
        cubes (variable -> value) whose disjunction contains lower and lies within upper, none of which can
        lose a literal and stay within upper, none covered by the others where lower holds.

        Minato and Morreale's algorithm on the diagrams (S. Minato, "Fast generation of prime-irredundant
        covers from binary decision diagrams", 1993); primality and irredundancy are then checked cube by
        cube (a literal is dropped while the larger cube stays within upper, a cube is dropped while the
        others cover what it adds to lower), so they hold by construction whatever the order of variables.
        More than `limit` cubes is TooLarge("rows").
        """
        memo: dict[tuple[int, int], tuple[int, list]] = {}

        def rec(low: int, up: int) -> tuple[int, list]:
            if low == self.false:
                return self.false, []
            if up == self.true:
                return self.true, [{}]
            found = memo.get((low, up))
            if found is not None:
                return found
            self.check()
            v = min(self.top(low), self.top(up))[2]
            l0, l1 = self.branches(low, v)
            u0, u1 = self.branches(up, v)
            c0, k0 = rec(self.conj(l0, self.neg(u1)), u0)
            c1, k1 = rec(self.conj(l1, self.neg(u0)), u1)
            rest = self.disj(self.conj(l0, self.neg(c0)), self.conj(l1, self.neg(c1)))
            cs, ks = rec(rest, self.conj(u0, u1))
            cover = self.disj(self.node(v, c0, c1), cs)
            cubes = [{**c, v: False} for c in k0] + [{**c, v: True} for c in k1] + ks
            if limit is not None and len(cubes) > limit:      # more rows than a table may have
                raise TooLarge("rows", limit)
            memo[(low, up)] = cover, cubes
            return cover, cubes

        _cover, cubes = rec(lower, upper)
        outside = self.neg(upper)
        primes = []
        for c in cubes:                     # prime: no literal can go
            c = dict(c)
            for v in sorted(c, key=self.level):
                wider = {k: b for k, b in c.items() if k != v}
                if self.conj(self.cube(wider), outside) == self.false:
                    c = wider
            if c not in primes:
                primes.append(c)
        kept = list(primes)
        if len(primes) > 200:     # ISOP's cover is irredundant already; the check after widening is quadratic
            return kept
        for c in sorted(primes, key=len, reverse=True):     # irredundant: every cube adds something of lower
            others = self.false
            for o in kept:
                if o is not c:
                    others = self.disj(others, self.cube(o))
            if self.conj(self.conj(self.cube(c), lower), self.neg(others)) == self.false:
                kept.remove(c)
        return kept

    def fraction(self, u: int) -> float:
        """The share of all assignments for which the Boolean diagram u is True."""
        memo: dict[int, float] = {}
        stack = [u]
        while stack:
            node = stack.pop()
            if node in memo:
                continue
            entry = self.table[node]
            if entry[0] == "leaf":
                memo[node] = 1.0 if entry[1] else 0.0
                continue
            if entry[1] in memo and entry[2] in memo:
                memo[node] = (memo[entry[1]] + memo[entry[2]]) / 2
                continue
            stack += [node, entry[1], entry[2]]
        return memo[u]

    def cheapest(self, g: int) -> frozenset[int]:
        """The variables a path from g to True with the fewest true ones sets true (g is not False)."""
        return self._cheapest(g)

    def smallest_true_sets(self, u: int, accept: Callable[[Hashable], bool], within: int | None = None) -> Iterator[frozenset[int]]:
        """The minimal sets S of variables such that S true and every other variable false reaches an
        accepted leaf, lazily, smallest first: each is found in time linear in the diagram.

        A path to an accepted leaf is such a set (its high edges; a variable it skips does not matter,
        so false is as good as any). The cheapest path (fewest high edges) is the smallest set; once it
        is given, every superset of it is cut off (the diagram conjoined with "not all of S"), so the
        next cheapest path is again a set no smaller set is part of: minimal by construction, and no
        set is ever listed twice. Stop iterating to stop the work; the budget bounds each step. With
        `within`, only the sets S for which that Boolean diagram holds (S true, the rest false).
        """
        g = self.map(u, lambda value: bool(accept(value)), "accept")
        if within is not None:           # only sets inside this Boolean diagram (e.g. breaking no constraint)
            g = self.conj(g, within)
        while g != self.false:
            s = self._cheapest(g)
            yield s
            cube = self.true
            for v in sorted(s, key=self.level, reverse=True):
                cube = self.node(v, self.false, cube)
            g = self.conj(g, self.neg(cube))

    def _cheapest(self, g: int) -> frozenset[int]:
        """The high edges of a path from g to True with the fewest of them (g is not False)."""
        cost: dict[int, float] = {}
        stack = [(g, False)]
        while stack:                         # post-order without recursion (diagrams can be deep)
            node, done = stack.pop()
            if node in cost:
                continue
            entry = self.table[node]
            if entry[0] == "leaf":
                cost[node] = 0 if entry[1] else float("inf")
                continue
            if done:
                cost[node] = min(cost[entry[1]], 1 + cost[entry[2]])
                continue
            stack.append((node, True))
            stack += [(entry[2], False), (entry[1], False)]
        out, node = set(), g
        while not self.is_leaf(node):
            v, low, high = self.table[node]
            if cost[low] <= 1 + cost[high]:
                node = low
            else:
                out.add(v)
                node = high
        return frozenset(out)


def minimal(sets: list[frozenset]) -> list[frozenset]:
    """The sets of which no other is a proper subset (duplicates once)."""
    out: list[frozenset] = []
    for s in sorted(set(sets), key=len):
        if not any(t <= s for t in out):
            out.append(s)
    return out
