"""Proofs rebuilt after evaluation: derivation trees of minimal height (never circular) and why-not.

pyDatalog keeps no provenance. As in Soufflé's `explain`, the proof of an atom is found afterwards:
the tuples relevant to the target are collected with the rule instances that derive them, then
each atom gets a rule instance of minimal height (facts 0, a rule 1 + its highest condition),
computed like Knuth's generalisation of Dijkstra's algorithm, so no step can rest on itself.
An atom's instances come from matching each rule body against the model, or, where the evaluator
recorded that one instance alone derives it (engine/logic/derivations.py), from that record. Where no
atom below the target has a choice (each a fact or of exactly one instance) the heights are read off
by a walk (`_forced`); the search, whose order breaks ties of equal height, decides the rest. An atom's
proof, once built, is shared by every proof that uses it (tests/test_shortcuts.py compares both ways).
"""

from __future__ import annotations

import heapq
import itertools
import operator
from typing import TYPE_CHECKING, AbstractSet
from dataclasses import field
from engine.base.records import dataclass

from engine.syntax import nodes as n
from engine.logic.model import Model
from engine.logic.ir import Program, Rule
from engine.logic.matching import Index, ground, plan, ready, solutions, test, unify
from engine.base.source import Span

if TYPE_CHECKING:   # the evaluator's record of derivations: read where a model has one (a question's pyDatalog model has none)
    from engine.logic.derivations import Layout

GroundAtom = tuple  # (relation, values)
Instance = tuple[Rule, dict, list]   # a rule, the solution of its body, the ground atoms of its body


@dataclass
class ProofNode:
    """Why a condition holds: a fact (with where it was written), a rule instance, a negation or a comparison."""

    kind: str                       # fact | rule | negation | comparison
    relation: str | None = None
    values: tuple = ()
    text: str | None = None         # for comparisons: the instantiated comparison
    source: Span | None = None
    rule: Rule | None = None
    bindings: dict = field(default_factory=dict)
    children: list["ProofNode"] = field(default_factory=list)

    @property
    def norm(self) -> str | None:
        return self.rule.norm if self.rule else None


@dataclass
class WhyNot:
    """Why a rule does not conclude an atom: the first condition that fails, and why that fails in turn."""

    rule: Rule | None
    norm: str | None
    reason: str                     # missing | negation-holds | comparison-false | not-in-force | no-rule
    condition: n.Condition | None = None
    relation: str | None = None
    values: tuple = ()              # of the failing atom; None where a variable stayed open
    bindings: dict = field(default_factory=dict)
    held: list[ProofNode] = field(default_factory=list)
    deeper: list["WhyNot"] = field(default_factory=list)
    counter_proof: ProofNode | None = None   # for a negation that fails: the proof of what holds
    reach: int = 0                  # how many of the rule's conditions held before the failing one
    existential: tuple[str, ...] = ()   # body-only variables the failure holds for every value of (left open)
    group: tuple = ()               # the conditions on those variables, in written order (n.Condition)
    total: int = 0                  # how many conditions the rule has


class Prover:
    """Proofs and why-nots over one evaluated program."""

    # False: every atom settled by the search and every proof built anew (tests/test_shortcuts.py compares)
    shortcuts = True

    def __init__(self, program: Program, model: Model, recorded: bool = True):
        self.program = program
        self.model = model
        self.index = Index(model)
        self.rules: dict[str, list[Rule]] = {}
        for rule in program.rules:
            self.rules.setdefault(rule.relation, []).append(rule)
        # the rules every condition of which is an atom (a proof's conditions are then its body atoms' proofs)
        self._plain = {id(rule) for rule in program.rules if all(isinstance(c, n.Atom) for c in rule.body)}
        # False: every instance by matching (tests/test_derivations.py compares)
        self.recorded = recorded and model.derivations is not None
        # relation -> its values are of kinds equal only to their own (derivations.exact): all of them, where the facts'
        # values and the rules' constants are (derivations.exact_everywhere), found when the record is first read
        self._exact: dict[str, bool] | None = None
        # relation -> its record's table and its joins' layouts by number, None where it is matched (_recorded)
        self._records: dict[str, tuple[dict, AbstractSet, dict[int, Layout]] | None] = {}
        self._instances: dict[GroundAtom, list[Instance]] = {}
        self._best: dict[GroundAtom, tuple[int, Instance | None]] = {}   # atom -> (height, instance or None for a fact)
        self._proofs: dict[GroundAtom, ProofNode] = {}   # atom -> its proof, built once (see prove)
        self._norms: dict[int, tuple[ProofNode, tuple[str, ...]]] = {}   # id of a kept proof -> (it, norms_below)
        self._whys: dict[tuple, WhyNot | None] = {}   # (id of a rule, values, depth, budget) -> a nested why-not (why_not)
        self._named: dict[int, tuple[Rule, dict[int, set[str]]]] = {}   # id of a rule -> (it, _names_in(it))
        self._concluding: dict[str, list] = {}   # predicate -> the norms concluding it, by id: norms_concluding()

    # ------------------------------------------------------------ proofs
    def row(self, c: n.Atom, solution: dict) -> tuple:
        """The tuple a body atom stands for under a solution; an anonymous `_` (no value in the solution) is
        the first tuple of the model that matches, so the proof can go on below it."""
        values = ground(c, solution)
        if None in values:
            for row in self.index.lookup(c.predicate, values):
                if unify(c, row, solution) is not None:
                    return row
        return values

    def is_fact(self, atom: GroundAtom) -> bool:
        return atom[1] in self.program.facts.get(atom[0], {})

    def instances(self, atom: GroundAtom) -> list:
        """The rule instances whose body holds and that derive the atom: (rule, solution, body atoms)."""
        found = self._instances.get(atom)
        if found is None:
            relation, values = atom
            rules = self.rules.get(relation, [])
            only = self._recorded(relation, rules, values)
            if only is not None:
                found = self._instances[atom] = [only]
                return found
            found = self._several(relation, rules, values)
            if found is not None:
                self._instances[atom] = found
                return found
            found = []
            for rule in rules:
                binding = unify(rule.head, values, {})
                if binding is None:
                    continue
                for solution in solutions(rule.body, binding, self.index):
                    body = [(c.predicate, self.row(c, solution)) for c in rule.body if isinstance(c, n.Atom)]
                    found.append((rule, solution, body))
            self._instances[atom] = found
        return found

    def _recorded(self, relation: str, rules: list[Rule], values: tuple):
        """The atom's only instance, where the evaluation recorded that it has one (None: match instead)."""
        record = self._records.get(relation)
        if record is None:
            if relation in self._records:
                return None
            # first asked: whether the relation's rules are recorded as the matching would find them
            record = self._records[relation] = self._record_of(relation, rules)
            if record is None:
                return None
        rows, repeated, layouts = record
        at = rows.get(values)
        if at is None or values in repeated:
            return None
        k, row = at
        layout = layouts.get(k)
        if layout is None:   # the solution's variables in the order the matching binds them (its plan)
            from engine.logic.derivations import Layout, head_variables

            derivations = self.model.derivations
            assert derivations is not None, "a relation's table is the record's"
            rule, slots = derivations.join(relation, k)
            layout = layouts[k] = Layout(rule, slots, self._steps(rule, head_variables(rule)))
        return layout.instance(row, self.row)

    def _steps(self, rule: Rule, head: dict[str, None]) -> list:
        """The body in the order the matching binds its variables (a Layout's names): its plan, or the body as written
        where the head binds every variable of it (any order binds none then, and the plan's statistics, the distinct
        values of each relation, are not gathered)."""
        if all(name in head for c in rule.body for name in _names(c)):
            return list(rule.body)
        return plan(rule.body, head, self.index)

    def _several(self, relation: str, rules: list[Rule], values: tuple) -> list[Instance] | None:
        """The instances of an atom several rules derive, each by one instance, read off the record in the order the
        matching finds them (the rules' order, one solution each: the search breaks ties by that order); None where
        the record cannot say so (a rule deriving it twice, a relation matched)."""
        record = self._records.get(relation)
        if not record or values not in record[1]:
            return None
        derivations = self.model.derivations
        assert derivations is not None, "a relation's table is the record's"
        joined = derivations.rules(relation)
        if len(joined) != len(rules) or not all(map(operator.is_, joined, rules)):
            return None   # the joins are not the rules, one each, in order
        every = derivations.every(relation, values)
        if every is None:
            return None
        layouts = record[2]
        found = []
        for k, row in every:
            layout = layouts.get(k)
            if layout is None:
                from engine.logic.derivations import Layout, head_variables

                rule, slots = derivations.join(relation, k)
                layout = layouts[k] = Layout(rule, slots, self._steps(rule, head_variables(rule)))
            found.append(layout.instance(row, self.row))
        return found

    def _record_of(self, relation: str, rules: list[Rule]) -> tuple[dict, AbstractSet, dict[int, Layout]] | None:
        """The record's table of the relation (Derivations.table) and its joins' layouts by number, where every rule
        of the relation is recorded exactly; else None."""
        derivations = self.model.derivations
        if not self.recorded or derivations is None or not rules:
            return None
        from engine.logic.derivations import Exact, exact, exact_everywhere, recordable

        if self._exact is None:
            self._exact = Exact() if exact_everywhere(self.program.facts, self.program.rules) else {}
        if not all(recordable(rule) and exact(rule, self.model.get, self._exact) for rule in rules):
            return None
        table = derivations.table(relation)
        return None if table is None else (*table, {})

    def _settle(self, target: GroundAtom) -> None:
        if target in self._best or (self.shortcuts and self._forced(target)):
            return
        relevant: dict[GroundAtom, list] = {}
        stack = [target]
        while stack:
            atom = stack.pop()
            if atom in relevant or atom in self._best:
                continue
            relevant[atom] = [] if self.is_fact(atom) else self.instances(atom)
            for _rule, _sol, body in relevant[atom]:
                stack.extend(b for b in body if b not in relevant and b not in self._best)
        counter = itertools.count()
        heap: list = []
        waiting: dict[int, int] = {}
        users: dict[GroundAtom, list[tuple[GroundAtom, int]]] = {}
        for atom, instances in relevant.items():
            if self.is_fact(atom):
                heapq.heappush(heap, (0, next(counter), atom, None))
                continue
            for i, inst in enumerate(instances):
                pending = {b for b in inst[2] if b not in self._best}
                key = id(inst)
                waiting[key] = len(pending)
                if not pending:
                    h = 1 + max((self._best[b][0] for b in inst[2]), default=0)
                    heapq.heappush(heap, (h, next(counter), atom, inst))
                for b in pending:
                    users.setdefault(b, []).append((atom, i))
        while heap:
            h, _, atom, inst = heapq.heappop(heap)
            if atom in self._best:
                continue
            self._best[atom] = (h, inst)
            for head, i in users.get(atom, []):
                inst2 = relevant[head][i]
                key = id(inst2)
                waiting[key] -= 1
                if waiting[key] == 0 and head not in self._best:
                    h2 = 1 + max(self._best[b][0] for b in inst2[2]) if inst2[2] else 1
                    heapq.heappush(heap, (h2, next(counter), head, inst2))

    def _forced(self, target: GroundAtom) -> bool:
        """Settles the target where no choice is left below it: every atom not yet settled is a fact or has exactly
        one instance (and no atom rests on itself). Its height is then 1 + the highest of its body's, what the
        search of `_settle` finds, and no tie is broken, so the proofs are the same; False (nothing settled) where
        some atom has several instances or none: the search decides.

        In the same walk each newly settled atom's proof is built (and kept, as `prove` keeps it) where the proofs
        of its body's atoms are built too and it has no `for every` condition; the others are left to `prove`."""
        best, proofs, facts, known, records = self._best, self._proofs, self.program.facts, self._instances, self._records
        found: dict[GroundAtom, tuple[int, Instance | None]] = {}
        made: dict[GroundAtom, ProofNode] = {}
        started: set[GroundAtom] = set()
        # an atom to settle, or [atom, its instance] once its body is (a list: an atom is a tuple)
        stack: list = [target]
        while stack:
            atom = stack.pop()
            if atom.__class__ is list:   # its body is settled: its height, and its proof where its body's are built
                atom, finished = atom
                body = finished[2]
                found[atom] = (1 + max([found[b][0] if b in found else best[b][0] for b in body]) if body else 1,
                               finished)
                node = self._built(atom, finished, made)
                if node is not None:
                    made[atom] = node
                continue
            if atom in best or atom in found:
                continue
            if atom in started:
                return False   # an atom resting on itself
            written = facts.get(atom[0])
            if written is not None and atom[1] in written:   # a fact
                found[atom] = (0, None)
                made[atom] = ProofNode("fact", atom[0], atom[1], None, written[atom[1]])
                continue
            instance: Instance | None = None
            instances = known.get(atom)
            if instances is None:
                record = records.get(atom[0])   # `_recorded` inline: the record's row of an atom derived once
                if record is not None:
                    at = record[0].get(atom[1])
                    if at is not None and atom[1] not in record[1]:
                        layout = record[2].get(at[0])
                        if layout is not None:   # (not kept in `_instances`: the search reads it again if asked)
                            instance = layout.instance(at[1], self.row)
                if instance is None:
                    instances = self.instances(atom)
            if instance is None:
                assert instances is not None, "an atom's instances are asked for where the record has no row"
                if len(instances) != 1:
                    return False
                instance = instances[0]
            started.add(atom)
            stack.append([atom, instance])
            stack += instance[2]
        best.update(found)
        proofs.update(made)
        return True

    def _direct(self, atom: GroundAtom) -> ProofNode | None:
        """The proof of an atom not yet settled that the record derives by one instance whose body's proofs are all
        built (a register's deciding proofs, most of whose conditions earlier answers proved): what `_forced` settles
        and builds, read straight off the record's row; None where that is not so (`prove` settles it)."""
        relation, values = atom
        record = self._records.get(relation)
        if not record or atom in self._best:
            return None   # (a relation's use of the record is known once `_recorded` was asked)
        written = self.program.facts.get(relation)
        if written is not None and values in written:
            return None
        at = record[0].get(values)   # `_recorded` inline
        if at is None or values in record[1]:
            return None
        layout = record[2].get(at[0])
        instance = layout.instance(at[1], self.row) if layout is not None else self._recorded(relation, [], values)
        assert instance is not None, "a recorded tuple derived once has its instance"
        node = self._built(atom, instance, {})
        if node is None:
            self._instances[atom] = [instance]   # as `instances` reads it off the record, for `prove`
            return None
        best, body = self._best, instance[2]
        if body:
            best[atom] = (1 + max([best[b][0] for b in body]), instance)
        else:
            best[atom] = (1, instance)
        self._proofs[atom] = node
        return node

    def known(self, atom: GroundAtom) -> tuple[Rule, dict, list[ProofNode]] | None:
        """The rule, solution and conditions of the proof `prove` would build for an atom through `_direct` (not yet
        settled, derived by the record's one instance of a rule whose every condition is an atom, every body atom's
        proof built), without building or keeping it: a caller that knows what such a proof says by its rule and its
        conditions' proofs (register._solve) needs no node. None where `prove` would take another way."""
        relation, values = atom
        if not self.shortcuts or not self._records.get(relation) or atom in self._best or self.is_fact(atom):
            return None
        instance = self._recorded(relation, [], values)
        if instance is None or id(instance[0]) not in self._plain:
            return None
        proofs = self._proofs
        children = [proofs.get(b) for b in instance[2]]
        for child in children:
            if child is None:
                return None
        return instance[0], instance[1], children   # type: ignore[return-value]

    def _built(self, atom: GroundAtom, instance: Instance, made: dict) -> ProofNode | None:
        """The proof of an atom settled by its instance, its conditions in place as `prove` fills them in, where
        every body atom's proof is built (in `made` or kept) and no condition is a `for every` (None: `prove` builds it)."""
        rule, solution, body = instance
        proofs = self._proofs
        children: list[ProofNode] = []
        if id(rule) in self._plain:   # every condition an atom: each its own body atom's proof
            for b in body:
                child = made.get(b)
                if child is None:
                    child = proofs.get(b)
                    if child is None:
                        return None
                children.append(child)
            return ProofNode("rule", atom[0], atom[1], None, rule.span, rule, solution, children)
        below = iter(body)
        for c in rule.body:
            if isinstance(c, n.Atom):
                b = next(below)
                child = made.get(b)
                if child is None:
                    child = proofs.get(b)
                if child is None:
                    return None
                children.append(child)
            elif isinstance(c, n.Negation):
                if c.universal is not None:
                    return None
                children.append(ProofNode("negation", c.atom.predicate, ground(c.atom, solution), source=c.span))
            else:
                children.append(ProofNode("comparison", text=comparison_text(c, solution), source=c.span))
        return ProofNode("rule", atom[0], atom[1], None, rule.span, rule, solution, children)

    def prove(self, relation: str, values: tuple) -> ProofNode | None:
        """A minimal-height proof, built without Python recursion (a derivation may be thousands of steps deep).

        An atom's proof is built once and shared by every proof that uses it (its instance, and those of the atoms
        below it, are settled for good): callers only read proof nodes. Where no choice is left below the atom,
        `_forced` has built it while settling it."""
        atom = (relation, values)
        proofs = self._proofs if self.shortcuts else _Forgetful()
        root = proofs.get(atom)
        if root is not None:
            return root
        if self.shortcuts:
            root = self._direct(atom)
            if root is not None:
                return root
        self._settle(atom)
        if atom not in self._best:
            return None
        root = proofs.get(atom)
        if root is not None:   # built by `_forced`
            return root
        root = proofs[atom] = self._proof_node(atom)
        stack = [root]
        while stack:
            node = stack.pop()
            if node.kind != "rule":
                continue
            assert node.rule is not None, "a rule's node has its rule"
            solution = node.bindings
            _h, instance = self._best[(node.relation, node.values)]
            assert instance is not None, "a rule's node has its instance"
            body = iter(instance[2])   # its instance's atoms, in the order of the rule's body
            for c in node.rule.body:
                if isinstance(c, n.Atom):
                    below = next(body)   # (c.predicate, self.row(c, solution)), as the instance was built
                    child = proofs.get(below)
                    if child is not None:   # built already (or being built in this tree: filled before prove returns)
                        node.children.append(child)
                        continue
                    self._settle(below)
                    if below in self._best:
                        child = proofs.get(below)   # built by `_forced`
                        if child is not None:
                            node.children.append(child)
                            continue
                        child = proofs[below] = self._proof_node(below)
                        node.children.append(child)
                        stack.append(child)
                elif isinstance(c, n.Negation):
                    negation = ProofNode("negation", c.atom.predicate, ground(c.atom, solution), source=c.span)
                    node.children.append(negation)
                    if c.universal is not None:   # `for every`: each instance, with its proof (n.Universal)
                        stack += self._instances_of(c.universal, solution, negation)
                else:
                    node.children.append(ProofNode("comparison", text=comparison_text(c, solution), source=c.span))
        return root

    def norms_below(self, node: ProofNode) -> tuple[str, ...]:
        """The norms of a proof's rule nodes in the order a depth-first walk (conditions in order) meets them, each
        once: what citations are read off. Remembered for a proof the prover keeps (`prove`: it never changes once
        built), so that the answers whose proofs rest on one condition walk it once."""
        kept = node.kind == "rule" and self._proofs.get((node.relation, node.values)) is node
        if kept:
            known = self._norms.get(id(node))
            if known is not None and known[0] is node:
                return known[1]
        found: dict[str, None] = {}
        stack = [node]
        while stack:   # without Python recursion: proofs may be deep
            current = stack.pop()
            if current.rule is not None and current.rule.norm:
                found[current.rule.norm] = None
            stack.extend(reversed(current.children))
        norms = tuple(found)
        if kept:
            self._norms[id(node)] = (node, norms)
        return norms

    def _instances_of(self, u: n.Universal, solution: dict, node: ProofNode, limit: int = 50) -> list[ProofNode]:
        """Below a `for every` that holds: for each value meeting its conditions (at most `limit`), the proofs of
        those conditions and of the last one; returns the rule nodes still to be filled in."""
        free = {v: solution[v] for v in u.free if v in solution}
        pending = []
        for k, instance in enumerate(solutions(u.domain, free, self.index)):
            if k >= limit:
                break
            whole = next(iter(solutions((u.body,), instance, self.index)), instance) \
                if isinstance(u.body, n.Atom) else instance
            for c in u.domain + (u.body,):
                if isinstance(c, n.Atom):
                    below = (c.predicate, self.row(c, whole))
                    if None in below[1]:
                        continue
                    self._settle(below)
                    if below in self._best:
                        child = self._proof_node(below)
                        node.children.append(child)
                        pending.append(child)
                elif isinstance(c, n.Negation):
                    node.children.append(ProofNode("negation", c.atom.predicate, ground(c.atom, whole), source=c.span))
                else:
                    node.children.append(ProofNode("comparison", text=comparison_text(c, whole), source=c.span))
        return pending

    def _proof_node(self, atom: GroundAtom) -> ProofNode:
        """The node for a settled atom, its conditions still to be filled in."""
        relation, values = atom
        _h, inst = self._best[atom]
        if inst is None:
            return ProofNode("fact", relation, values, source=self.program.facts[relation][values])
        rule, solution, _body = inst
        return ProofNode("rule", relation, values, source=rule.span, rule=rule, bindings=solution)

    # ------------------------------------------------------------ why-not
    def norms_concluding(self, predicate: str) -> list:
        """The program's norms whose clause concludes `predicate` ((id, NormInfo), by id), found once a predicate: the
        why-nots of every answer ask (answering.why_not)."""
        made = self._concluding.get(predicate)
        if made is None:
            made = self._concluding[predicate] = [
                (nid, info) for nid, info in sorted(self.program.norms.items())
                if info.node.clause is not None and info.node.clause.head.predicate == predicate]
        return made

    def _names_in(self, rule: Rule) -> dict[int, set[str]]:
        """The variables each condition of the rule names (`_names`), by the condition's id: once a rule (its why-nots
        for every answer read them)."""
        made = self._named.get(id(rule))
        if made is None or made[0] is not rule:
            made = self._named[id(rule)] = (rule, {id(c): _names(c) for c in rule.body})
        return made[1]

    def _for_everyone(self, conditions, name: str, head: dict, current: dict, names: dict[int, set[str]]) -> bool:
        """Whether to speak of no one in particular: the condition that introduces `name` offers more than one
        value, or the one it offers is a value of the conclusion (Q = P: "if b is p" would mislead)."""
        generator = next(c for c in conditions if isinstance(c, n.Atom) and name in names[id(c)])
        open_ = {k: v for k, v in current.items() if k != name}
        values = set()
        for row in self.index.lookup(generator.predicate, ground(generator, open_)):
            extended = unify(generator, row, open_)
            if extended is not None and name in extended:
                values.add(extended[name])
                if len(values) > 1:
                    return True
        return bool(values & set(head.values()))

    def why_not(self, rule: Rule, values: tuple, depth: int = 3, budget: int = 20000) -> WhyNot | None:
        """The furthest any instance of the rule gets towards concluding `values`, and what stops it. A why-not below
        another (a failing condition's, `depth` below 3) asked again, as answers failing the same condition ask it,
        is the one made before, shared as proofs are (Prover.shortcuts; a cold question: 26 of its 122)."""
        if depth >= 3 or not self.shortcuts:
            return self._why_not(rule, values, depth, budget)
        key = (id(rule), values, depth, budget)
        if key not in self._whys:
            self._whys[key] = self._why_not(rule, values, depth, budget)
        return self._whys[key]

    def _why_not(self, rule: Rule, values: tuple, depth: int, budget: int) -> WhyNot | None:
        binding = unify(rule.head, values, {})
        if binding is None:
            return None
        conditions = list(rule.body)
        best: dict = {"reach": -1}
        steps = [0]

        def record(i, current, failing, extra=None):
            if i > best["reach"]:
                best.update(reach=i, binding=dict(current), failing=failing, extra=extra)

        def options(i: int, current: dict, pending: list):
            """The next steps from condition i on (written order, a test waiting until its variables are bound)."""
            if not pending:
                return
            chosen = next((c for c in pending if isinstance(c, n.Atom) or ready(c, current)), pending[0])
            rest = [c for c in pending if c is not chosen]
            if isinstance(chosen, n.Atom):
                matched = False
                for row in self.index.lookup(chosen.predicate, ground(chosen, current)):
                    extended = unify(chosen, row, current)
                    if extended is not None:
                        matched = True
                        yield i + 1, extended, rest
                if not matched:
                    record(i, current, chosen)
                return
            result = test(chosen, current, self.index)
            if result is True:
                yield i + 1, current, rest
            elif isinstance(result, dict):
                yield i + 1, result, rest
            else:
                record(i, current, chosen)

        # depth first over the conditions, without Python recursion (a rule may have a thousand conditions)
        over_budget = False
        steps[0] += 1
        stack = [options(0, binding, conditions)]
        while stack:
            step = next(stack[-1], None)
            if step is None:
                stack.pop()
                continue
            steps[0] += 1
            if steps[0] > budget:
                over_budget = True
                break
            stack.append(options(*step))

        if over_budget and best["reach"] < 0:
            return None
        if best["reach"] < 0:
            return None  # the rule concludes the atom after all
        failing = best["failing"]
        current = best["binding"]
        # A variable only of the body (Q in `q(C, Q) and r(Q)`), bound by the condition that
        # introduces it and failing at the first condition that tests it, failed for every value: the
        # why-not says so of no one in particular, never of the value tried last (docs/semantics.md).
        names = self._names_in(rule)
        existential = [name for name in _existential(conditions, failing, set(binding), current, names)
                       if self._for_everyone(conditions, name, binding, current, names)]
        if existential:
            current = {k: v for k, v in current.items() if k not in existential}
        why = WhyNot(rule, rule.norm, "missing", failing, bindings=current, reach=best["reach"], total=len(conditions),
                     existential=tuple(existential),
                     group=tuple(c for c in conditions if names[id(c)] & set(existential)) if existential else ())
        bound = current.keys()
        held_atoms = [c for c in conditions if isinstance(c, n.Atom) and c is not failing and bound >= names[id(c)]]
        shown = set()
        for c in held_atoms:
            atom = (c.predicate, ground(c, current))
            if atom in shown:  # the same atom written twice (family(C, P), family(C, Q) with P = Q)
                continue
            shown.add(atom)
            proof = self.prove(*atom)
            if proof is not None:
                why.held.append(proof)
        if isinstance(failing, n.Atom):
            why.relation, why.values = failing.predicate, ground(failing, current)
            if depth > 0 and None not in why.values:
                for sub in self.rules.get(failing.predicate, []):
                    deeper = self.why_not(sub, why.values, depth - 1, budget // 4)
                    if deeper is not None:
                        why.deeper.append(deeper)
        elif isinstance(failing, n.Negation):
            why.reason = "negation-holds"
            why.relation, why.values = failing.atom.predicate, ground(failing.atom, current)
            why.counter_proof = self.prove(why.relation, why.values)
        else:
            why.reason = "comparison-false"
        return why


class _Forgetful(dict):
    """A memo that keeps nothing (Prover.shortcuts off: every proof node built anew, as before they were shared)."""

    def __setitem__(self, key, value) -> None:
        pass


def _names(c: n.Condition) -> set[str]:
    if isinstance(c, n.Atom):
        return {v.name for v in c.variables() if v.name != "_"}
    if isinstance(c, n.Negation):
        return {v.name for v in c.atom.variables() if v.name != "_"}
    return {t.name for t in (c.left, c.right) if isinstance(t, n.Variable)}


def _existential(conditions, failing, head: set[str], current: dict, names: dict[int, set[str]]) -> list[str]:
    """The body-only variables of the failing condition whose failure is not about the value tried: the
    first condition that tests them after the one that introduced them is the one that fails (`names`: each
    condition's variables, by its id)."""
    if failing is None or isinstance(failing, n.Comparison):
        return []
    found = []
    for name in sorted(names[id(failing)] - head):
        if name not in current:
            continue
        mentions = [c for c in conditions if name in names[id(c)]]
        if len(mentions) >= 2 and mentions[1] is failing:
            found.append(name)
    return found


def comparison_text(c: n.Comparison, binding: dict) -> str:
    """A comparison with its variables replaced by their values, as the DSL writes them."""
    def show(t):
        if isinstance(t, n.Variable):
            return n.format_value(binding[t.name]) if t.name in binding else t.name
        return n.format_value(t.value)
    return f"{show(c.left)} {c.operator} {show(c.right)}"
