"""Derivations recorded while a model is computed: for each derived tuple, the rule instance that first
derived it and how many instances derive it.

Proofs (engine/explain/proof.py) choose, per atom, a rule instance of minimal height among those whose
body holds in the model; finding them by matching each rule body against the model, atom by atom,
was most of the cost of a register's proofs. The set-at-a-time evaluator (engine/logic/sets.py) joins
every rule body anyway: it hands the rows of each non-recursive rule's join here (`add`), and a tuple
derived by exactly one instance then needs no matching: that instance is its only derivation, so the
choice is the same whatever the order. A tuple with several instances keeps the matching, whose order
breaks ties between derivations of equal height; so does a relation with a recursive rule (semi-naive
rounds may meet one instance twice), a rule the joins do not model exactly (built-in arithmetic, `_`
in a negation) and a rule over values of kinds that compare equal across types (1, 1.0, True), where
a join on equal keys would unify what the matching keeps apart (`exact`).
tests/test_derivations.py compares the proofs built both ways.
"""

from __future__ import annotations

import datetime
import itertools
import operator
from collections import Counter
from typing import AbstractSet, Callable, Mapping

from engine.syntax import nodes as n
from engine.logic.ir import ARITHMETIC_RELATIONS, Rule

# Kinds of values no two of which are equal across kinds: a join on equal keys is then a match by type.
_DISTINCT_KINDS = frozenset((str, int, datetime.date))


class Derivations:
    """Per derived relation, each of its rules' join: the head tuples and the rows that derive them (kept as the
    evaluator computed them); a tuple's only instance is read off them when first asked."""

    def __init__(self):
        self._joins: dict[str, list[tuple[Rule, dict[str, int], list, list]]] = {}
        self._unrecorded: set[str] = set()
        self._single: dict[str, tuple[dict, AbstractSet]] = {}
        self._several: dict[str, dict[tuple, list[tuple[int, tuple]]] | None] = {}

    def add(self, rule: Rule, slots: dict[str, int], heads: list, rows: list) -> None:
        """Every row of a rule's join (the values of its variables at `slots`) and the head tuple of each."""
        self._joins.setdefault(rule.relation, []).append((rule, slots, heads, rows))

    def unrecorded(self, relation: str) -> None:
        """A relation some of whose instances were not handed over (a recursive rule)."""
        self._unrecorded.add(relation)

    def single(self, relation: str, values: tuple) -> tuple[Rule, dict[str, int], tuple] | None:
        """The only instance that derives the tuple (its rule, slots and row), if the record knows it is the only one."""
        at = self.only(relation, values)
        if at is None:
            return None
        k, row = at
        rule, slots = self.join(relation, k)
        return rule, slots, row

    def join(self, relation: str, k: int) -> tuple[Rule, dict[str, int]]:
        """The rule and slots of the relation's k-th join (`only`)."""
        rule, slots, _heads, _rows = self._joins[relation][k]
        return rule, slots

    def only(self, relation: str, values: tuple) -> tuple[int, tuple] | None:
        """`single` as the number of its join and its row (a reader keeps what it makes of a join per number)."""
        table = self.table(relation)
        if table is None:
            return None
        rows, repeated = table
        if values in repeated:
            return None
        return rows.get(values)

    def rules(self, relation: str) -> list[Rule]:
        """The rules of the relation's joins, in the order they were handed over (the evaluator's: the program's)."""
        return [rule for rule, _slots, _heads, _rows in self._joins.get(relation, ())]

    def every(self, relation: str, values: tuple) -> list[tuple[int, tuple]] | None:
        """A tuple derived more than once (`table`'s repeated ones): each of its instances as (the number of its join,
        its row), in the joins' order, where no join derives it twice (each rule then has exactly one instance
        deriving it); None where the record cannot say (some join of the relation derives one tuple twice)."""
        found = self._several.get(relation, ...)
        if found is ...:
            found = self._several[relation] = self._repeated_rows(relation)
        return None if found is None else found.get(values)

    def _repeated_rows(self, relation: str) -> dict[tuple, list[tuple[int, tuple]]] | None:
        table = self.table(relation)
        if table is None:
            return None
        repeated = table[1]
        found: dict[tuple, list[tuple[int, tuple]]] = {head: [] for head in repeated}
        for k, (_rule, _slots, heads, rows) in enumerate(self._joins[relation]):
            each = dict(zip(heads, rows))   # in C; smaller than heads where the join derives a tuple twice
            if len(each) != len(heads):
                return None
            for head in repeated:
                row = each.get(head)
                if row is not None:
                    found[head].append((k, row))
        return found

    def table(self, relation: str) -> tuple[dict, AbstractSet] | None:
        """The relation's tuples, each with (the number of its join, its row), and those derived more than once (whose
        row is not their only instance); None where the record does not hold all the relation's instances."""
        if relation in self._unrecorded or relation not in self._joins:
            return None
        found = self._single.get(relation)
        if found is None:   # each tuple's row, and the tuples derived more than once (counted only if there are any)
            joins = self._joins[relation]
            rows: dict = {}
            for k, (_rule, _slots, heads, joined) in enumerate(joins):
                rows.update(zip(heads, zip(itertools.repeat(k), joined)))
            repeated: AbstractSet = frozenset()
            if len(rows) < sum(len(heads) for _rule, _slots, heads, _joined in joins):
                counts = Counter(itertools.chain.from_iterable(heads for _rule, _slots, heads, _joined in joins))
                repeated = {head for head, count in counts.items() if count > 1}
            found = self._single[relation] = (rows, repeated)
        return found


def exact(rule: Rule, tuples: Callable[[str], set[tuple]], memo: dict[str, bool]) -> bool:
    """Whether every value the rule's join meets (its constants, the tuples of the relations it reads) is of a kind
    equal only to its own kind, so that the join matches as the proofs' matching does. tuples: a relation's
    tuples in the model; memo: the answer per relation."""
    for c in rule.evaluated_body + (rule.head,):
        atom = c.atom if isinstance(c, n.Negation) else c
        terms = atom.args if isinstance(atom, n.Atom) else (atom.left, atom.right)
        if any(isinstance(t, n.Constant) and type(t.value) not in _DISTINCT_KINDS for t in terms):
            return False
        if isinstance(atom, n.Atom):
            found = memo.get(atom.predicate)
            if found is None:   # the kinds of all its values, gathered in C
                found = memo[atom.predicate] = set(map(type, itertools.chain.from_iterable(
                    tuples(atom.predicate)))) <= _DISTINCT_KINDS
            if not found:
                return False
    return True


def exact_everywhere(facts: Mapping[str, Mapping[tuple, object]], rules) -> bool:
    """Whether every value a model of these facts and rules can hold is of a kind equal only to its own (so `exact` holds
    of every rule whose constants are such): the facts' values are, and no rule makes a value of another kind (a
    constant of such a kind, built-in arithmetic). One pass over the facts, where `exact` reads every relation a rule
    reads, derived ones included: the values of a relation derived without arithmetic are values of facts and of
    constants of rules. False says nothing: `exact` decides per rule."""
    for rule in rules:
        for c in rule.evaluated_body + (rule.head,):
            atom = c.atom if isinstance(c, n.Negation) else c
            if isinstance(atom, n.Atom):
                if atom.predicate in ARITHMETIC_RELATIONS:
                    return False
                terms = atom.args
            elif isinstance(atom, n.Comparison):
                terms = (atom.left, atom.right)
            else:
                return False
            if any(isinstance(t, n.Constant) and type(t.value) not in _DISTINCT_KINDS for t in terms):
                return False
    tuples = itertools.chain.from_iterable(facts.values())   # each relation's tuples (the keys of its facts)
    return set(map(type, itertools.chain.from_iterable(tuples))) <= _DISTINCT_KINDS


class Exact(dict):
    """`exact`'s memo where `exact_everywhere` holds: every relation's values are of exact kinds."""

    def get(self, key, default=None):
        return True


def recordable(rule: Rule) -> bool:
    """Whether the joins find exactly the instances the matching would: no built-in arithmetic in the body, and
    no `_` in a negation (the matching tests such a negation on the atom with `_` left open)."""
    for c in rule.evaluated_body:
        if isinstance(c, n.Atom) and c.predicate in ARITHMETIC_RELATIONS:
            return False
        if isinstance(c, n.Negation) and any(isinstance(t, n.Variable) and t.name == "_" for t in c.atom.args):
            return False
    return True


class Layout:
    """How to read a rule instance, as the matching builds it, from a row of the rule's join: the solution
    (the head's variables first, then each in the order the matching's plan binds it) and the body atoms."""

    def __init__(self, rule: Rule, slots: dict[str, int], steps: list):
        self.rule = rule
        names = list(head_variables(rule))
        for c in steps:    # the matching's plan of the body, for the head's variables bound
            if isinstance(c, n.Atom):
                names += [t.name for t in c.args if isinstance(t, n.Variable) and t.name != "_" and t.name not in names]
            elif isinstance(c, n.Comparison) and c.operator == "=":
                names += [t.name for t in (c.left, c.right) if isinstance(t, n.Variable) and t.name not in names]
        self.names = tuple(names)
        self.positions = tuple(slots[name] for name in names)
        self.values = operator.itemgetter(*self.positions) if len(self.positions) > 1 else None
        self.atoms = [_reader(c, slots) for c in rule.body if isinstance(c, n.Atom)]
        self.readers = None if any(read is None for _atom, read in self.atoms) else \
            tuple((atom.predicate, read) for atom, read in self.atoms)
        self.body = None if self.readers is None else _body(self.readers)

    def instance(self, row: tuple, anonymous: Callable[[n.Atom, dict], tuple]) -> tuple:
        """(rule, solution, body atoms) as `Prover.instances` gives them; `anonymous` reads an atom with `_`."""
        solution = dict(zip(self.names, self.values(row))) if self.values is not None else \
            {name: row[p] for name, p in zip(self.names, self.positions)}
        if self.body is not None:
            return self.rule, solution, self.body(row)
        return self.rule, solution, [(atom.predicate, anonymous(atom, solution) if read is None else read(row))
                                     for atom, read in self.atoms]


def _body(readers: tuple) -> Callable[[tuple], list]:
    """A function from a row to the body atoms [(predicate, values)] read by `readers` (a list display for up to
    three atoms, the common case, with no loop)."""
    if len(readers) == 1:
        (p0, r0), = readers
        return lambda row: [(p0, r0(row))]
    if len(readers) == 2:
        (p0, r0), (p1, r1) = readers
        return lambda row: [(p0, r0(row)), (p1, r1(row))]
    if len(readers) == 3:
        (p0, r0), (p1, r1), (p2, r2) = readers
        return lambda row: [(p0, r0(row)), (p1, r1(row)), (p2, r2(row))]
    return lambda row: [(predicate, read(row)) for predicate, read in readers]


def head_variables(rule: Rule) -> dict[str, None]:
    """The head's variables in order, as unifying the head binds them first."""
    return dict.fromkeys(t.name for t in rule.head.args if isinstance(t, n.Variable) and t.name != "_")


def _reader(atom: n.Atom, slots: dict[str, int]):
    """(atom, a function from a row to the atom's tuple), or (atom, None) where a `_` leaves a value open."""
    terms = atom.args
    if any(isinstance(t, n.Variable) and t.name == "_" for t in terms):
        return atom, None
    names = [t.name for t in terms if isinstance(t, n.Variable)]
    if len(names) == len(terms) > 1:   # only variables, the common case: read in C
        return atom, operator.itemgetter(*(slots[name] for name in names))
    if len(names) == len(terms) == 1:
        at = slots[names[0]]
        return atom, lambda row: (row[at],)
    parts = tuple((True, slots[t.name]) if isinstance(t, n.Variable) else (False, t.value) for t in terms)
    return atom, lambda row: tuple(row[v] if bound else v for bound, v in parts)
