"""Answers: the atoms that match a question, each with its status and its derivation."""

from __future__ import annotations

from dataclasses import field
from typing import Any
from itertools import chain
from operator import attrgetter, itemgetter
from engine.base.records import dataclass

from engine.syntax import nodes as n
from engine.logic.deontic import ALLOWING, Answer, decide, decided, verdict
from engine.logic.model import Model
from engine.logic.ir import Program, domain_relation, norm_relation
from engine.logic.matching import solutions, unify
from engine.explain.proof import ProofNode, Prover, WhyNot


def candidates(program: Program, model: Model, atom: n.Atom) -> list[tuple]:
    """The ground atoms a question ranges over: its domain, what any norm concludes, or the atom itself."""
    predicate = atom.predicate
    found: set[tuple] = set()
    if predicate in program.deontic or domain_relation(predicate) in model.relations:
        found |= model.get(domain_relation(predicate))
        found |= {row[1:] for row in model.get(norm_relation(predicate))}
    found |= model.get(predicate)
    if not atom.variables():
        return [atom.ground_values()]
    if _open(atom) is not None:
        return list(found)   # every atom of the predicate matches (a register's question)
    return [values for values in found if unify(atom, values, {}) is not None]


def _open(atom: n.Atom) -> list[str] | None:
    """The names of the atom's arguments when they are distinct named variables (`p(A, B)`), else None."""
    names = [t.name for t in atom.args if isinstance(t, n.Variable) and t.name != "_"]
    return names if len(names) == len(atom.args) == len(set(names)) else None


def decided_by_norms(program: Program, predicate: str) -> bool:
    """Whether the predicate's atoms are decided by norms: some norm of the kb concludes it with a modality, in
    force on the day or not (an atom no norm in force reaches is then `undetermined`, never `not-established`)."""
    return predicate in program.deontic or any(
        info.predicate == predicate and info.modality for info in program.norms.values())


class Decisions:
    """The status of any ground atom of one predicate in a model: a deontic predicate's from the norms that apply
    to the atom (deontic.decide, once per set of them), another's from whether the model holds it.

    deontic: whether the predicate is decided by norms; None: when some norm of the kb concludes it with a
    modality, in force or not (an atom no norm in force reaches is then `undetermined`).
    """

    def __init__(self, program: Program, model: Model, predicate: str, deontic: bool | None = None):
        self.program, self.predicate = program, predicate
        self.applies: dict[tuple, set[str]] = {}
        for row in model.get(norm_relation(predicate)):
            self.applies.setdefault(row[1:], set()).add(row[0])
        self.facts = model.get(predicate)
        self.deontic = deontic if deontic is not None else decided_by_norms(program, predicate)
        self.memo: dict = {}   # verdicts per set of applicable norms (deontic.decide)
        self.verdicts: dict = {}   # the same per norm where one applies (a norm's id), else per set (`decided`)

    def __call__(self, values: tuple, bindings: dict | None = None) -> Answer:
        if self.deontic:
            return decide(self.program, self.predicate, values, self.applies.get(values, set()), self.facts,
                          bindings or {}, self.memo)
        return Answer(self.predicate, values, bindings or {}, "holds" if values in self.facts else "not-established")

    def decided(self, values: tuple, bindings: dict) -> Answer:
        """The answer of values some norm applies to (a deontic predicate's), as `__call__` gives it; `bindings` is
        kept as the answer's own. The verdict is looked up by the one applicable norm, or by the set of them."""
        applicable = self.applies[values]
        key: str | frozenset = next(iter(applicable)) if len(applicable) == 1 else frozenset(applicable)
        found = self.verdicts.get(key)
        if found is None:
            found = self.verdicts[key] = verdict(self.program, self.predicate, frozenset(applicable), self.memo)
        return decided(self.program, self.predicate, values, found, self.facts, bindings)


def answers(program: Program, model: Model, query: n.Query) -> list[Answer]:
    """The atoms matching the question, each with its status, in the order of their values."""
    atom = query.atom
    decisions = Decisions(program, model, atom.predicate)
    names = _open(atom)
    result = []
    found = candidates(program, model, atom)
    for values in found:
        answer = decisions(values, dict(zip(names, values)) if names is not None else (unify(atom, values, {}) or {}))
        if query.status is None or query.status == answer.status:
            result.append(answer)
    if _texts(found):   # texts alone (most of a register): the values' own order is the order below
        result.sort(key=_values)
        return result
    # in the order of their values' kinds' names and texts: one flat tuple of strings an answer
    result.sort(key=lambda a: tuple([part for v in a.values for part in (
        ("str", v) if v.__class__ is str else (type(v).__name__, str(v)))]))
    return result


_values = attrgetter("values")


def _texts(found: list[tuple]) -> bool:
    """Whether every value of the tuples is a text (then a tuple sorts, compares and keys by its values alone)."""
    return set(map(type, chain.from_iterable(found))) <= {str}


def statuses(program: Program, model: Model, query: n.Query) -> tuple[list, dict | None, Decisions]:
    """answers() for a register, as columns: where the question is distinct variables and every value a text, the
    values of every answer, in the same order, and the Answer of each decided one by its values (a norm applies to
    it); an undecided one's (no norm applies to the atom of a predicate decided by norms: `undetermined` with nothing
    to say, 73% of a register) is not made (`decisions(values, bindings)` makes it). Else (the second item None)
    every answer is made, as answers() makes it: the first item is then [(values, Answer)]."""
    atom = query.atom
    decisions = Decisions(program, model, atom.predicate)
    names = _open(atom)
    found = candidates(program, model, atom)
    if names is None or not decisions.deontic or not _texts(found):
        return [(a.values, a) for a in answers(program, model, query)], None, decisions
    found = _sorted(found)
    applies = decisions.applies
    made = decisions.decided
    answers_of = {values: made(values, dict(zip(names, values))) for values in filter(applies.__contains__, found)}
    if query.status is not None:   # the decided answers of that status, or those and the undecided ones
        answers_of = {values: a for values, a in answers_of.items() if a.status == query.status}
        undecided = query.status == "undetermined"
        found = [values for values in found if values in answers_of or undecided and values not in applies]
    return found, answers_of, decisions


def _sorted(found: list[tuple]) -> list[tuple]:
    """Tuples of texts of one length in order: grouped by their first value (a register's answers about one person),
    the groups in the order of those values, each sorted (fewer comparisons of whole tuples than one sort: Python
    compares tuples of equal first values item by item); one sort where the groups are small."""
    if not found or not found[0]:
        return sorted(found)
    groups: dict = {}
    get = groups.get
    for values in found:
        group = get(values[0])
        if group is None:
            groups[values[0]] = [values]
        else:
            group.append(values)
    if len(groups) * 4 > len(found):
        return sorted(found)
    out: list[tuple] = []
    for first in sorted(groups):
        group = groups[first]
        group.sort()
        out += group
    return out


@dataclass
class Trace:
    """Everything said about one answer: the deciding proof, the defeats, the why-nots."""

    answer: Answer
    proof: ProofNode | None = None                       # the deciding norm's instance (or the fact's proof)
    supporting: list[ProofNode] = field(default_factory=list)
    why_not: list[WhyNot] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    scope: int | None = None     # undetermined where the kb declares it encodes nothing: index into program.scopes


def outside_scope(program: Program, index, predicate: str, values: tuple) -> int | None:
    """The first scope declaration (`outside scope "code 12.1" for q(A, B) if ...`) whose atom the
    answer's atom matches and whose conditions hold in the model: the answer is outside what the kb encodes."""
    for k, scope in enumerate(program.scopes):
        if scope.atom is None or scope.atom.predicate != predicate or len(scope.atom.args) != len(values):
            continue
        binding = unify(scope.atom, values, {})
        if binding is not None and next(iter(solutions(scope.conditions, binding, index)), None) is not None:
            return k
    return None


class Scopes:
    """outside_scope() for many answers of one predicate over one model (a register's partition): a declaration whose
    atom is distinct variables has its conditions decided once per group of the values they name (a register's
    answers about one person share them), read off those places of the answer's values; another is asked as
    outside_scope asks it."""

    def __init__(self, program: Program, index, predicate: str):
        self.program, self.index = program, index
        # (k, its atom's arity, the places of the variables its conditions name (None: not distinct variables), their
        # names, whether they hold by the values there)
        self.checks: list[tuple[int, int, tuple | None, tuple, dict]] = []
        for k, scope in enumerate(program.scopes):
            if scope.atom is None or scope.atom.predicate != predicate:
                continue
            names = [t.name for t in scope.atom.args if isinstance(t, n.Variable) and t.name != "_"]
            if len(names) == len(scope.atom.args) == len(set(names)):
                named = sorted({v.name for c in scope.conditions for v in _variables(c)} & set(names))
                at = tuple(names.index(name) for name in named)
                self.checks.append((k, len(names), at, tuple(named), {}))
            else:
                self.checks.append((k, len(scope.atom.args), None, (), {}))

    def __call__(self, values: tuple, plain: bool = False) -> int | None:
        """The scope declaration the answer of these values falls under (plain: every value is a text)."""
        for k, arity, at, named, memo in self.checks:
            if arity != len(values):
                continue
            if at is None:
                scope = self.program.scopes[k]
                binding = unify(scope.atom, values, {})
                if binding is not None and next(iter(solutions(scope.conditions, binding, self.index)), None) is not None:
                    return k
                continue
            # the values at the named places (their kinds too, unless all are texts: 1, 1.0 and True are three values)
            key = tuple([values[p] for p in at]) if plain else tuple([(type(values[p]), values[p]) for p in at])
            holds = memo.get(key)
            if holds is None:
                binding = {name: values[p] for name, p in zip(named, at)}
                conditions = self.program.scopes[k].conditions
                holds = memo[key] = next(iter(solutions(conditions, binding, self.index)), None) is not None
            if holds:
                return k
        return None


    def of(self, plain: bool):
        """`self(values, plain)` as a function of the values alone, the declaration's key read in C where every
        declaration of the predicate is distinct variables and every value a text (a register's partition)."""
        if not plain or any(at is None for _k, _arity, at, _named, _memo in self.checks):
            return lambda values: self(values, plain)
        checks: list[tuple[int, int, Any, Any, dict]] = [
            (k, arity, _places(at), self._holds(k, named, at), {}) for k, arity, at, named, _memo in self.checks
            if at is not None]
        if len(checks) != 1:
            def scope(values: tuple) -> int | None:
                for k, arity, key_of, holds, memo in checks:
                    if arity == len(values):
                        key = key_of(values)
                        found = memo.get(key)
                        if found is None:
                            found = memo[key] = holds(values)
                        if found:
                            return k
                return None
            return scope
        (k, arity, key_of, holds, memo), = checks
        get = memo.get

        def scope_of(values: tuple) -> int | None:   # the one declaration: the common case
            if len(values) != arity:
                return None
            found = get(key_of(values))
            if found is None:
                found = memo[key_of(values)] = holds(values)
            return k if found else None
        return scope_of

    def _holds(self, k: int, named: tuple, at: tuple):
        """Whether declaration k's conditions hold for the values (at the places `at` of the variables `named`)."""
        conditions, index = self.program.scopes[k].conditions, self.index
        place = dict(zip(named, at))
        if conditions and all(isinstance(c, n.Negation) and all(
                isinstance(t, n.Constant) or t.name in place for t in c.atom.args) for c in conditions):
            # only negations of atoms the values ground (`not p(C)`): the matching tests each on the model's tuples
            tests = [(index.model.get(c.atom.predicate), _ground(c.atom, place)) for c in conditions]

            def absent(values: tuple) -> bool:
                for tuples, read in tests:
                    if read(values) in tuples:
                        return False
                return True
            return absent

        def holds(values: tuple) -> bool:
            return next(iter(solutions(conditions, {name: values[p] for name, p in zip(named, at)}, index)),
                        None) is not None
        return holds


def _ground(atom: n.Atom, place: dict[str, int]):
    """A function of the values giving the atom's tuple (a variable's value at its place, a constant's own)."""
    terms = tuple((True, place[t.name]) if isinstance(t, n.Variable) else (False, t.value) for t in atom.args)
    if all(bound for bound, _p in terms) and len(terms) > 1:
        return itemgetter(*(p for _b, p in terms))
    return lambda values: tuple([values[p] if bound else p for bound, p in terms])


def _places(at: tuple):
    """A function of a tuple giving its values at the places `at` (the value itself at one place)."""
    if not at:
        return lambda _values: ()
    return itemgetter(*at)


def _variables(c: n.Condition) -> list[n.Variable]:
    if isinstance(c, n.Negation):
        return c.atom.variables()
    if isinstance(c, n.Atom):
        return c.variables()
    return [t for t in (c.left, c.right) if isinstance(t, n.Variable)]


def trace(program: Program, prover: Prover, answer: Answer) -> Trace:
    """The derivation of an answer, rebuilt from the model."""
    t = Trace(answer)
    if answer.status == "undetermined" and not answer.ambiguity and program.scopes:
        t.scope = outside_scope(program, prover.index, answer.predicate, answer.values)
    predicate, values = answer.predicate, answer.values
    if answer.deciding:
        t.proof = prover.prove(norm_relation(predicate), (answer.deciding,) + values)
        t.supporting = [p for p in (prover.prove(norm_relation(predicate), (nid,) + values) for nid in answer.supporting) if p]
    elif answer.status == "holds":
        t.proof = prover.prove(predicate, values)
    if answer.status in ("prohibited", "undetermined", "discretionary", "not-established"):
        wanted = {"prohibited": ALLOWING, "discretionary": ("obligatory", "permitted"),
                  "undetermined": ALLOWING + ("prohibited",), "not-established": (None,)}[answer.status]
        t.why_not = why_not(program, prover, predicate, values, wanted, set(answer.applicable))
    t.citations = citations(program, t, prover)
    return t


def brief_trace(program: Program, prover: Prover, answer: Answer) -> Trace:
    """trace() without the why-nots (the dearest part): for batches, whose traces nobody reads one by one.

    The deciding proof stays, because the citations are read off it.
    """
    t = Trace(answer)
    if answer.status == "undetermined" and not answer.ambiguity and program.scopes:
        t.scope = outside_scope(program, prover.index, answer.predicate, answer.values)
    relation, values = norm_relation(answer.predicate), answer.values
    if answer.deciding:
        t.proof = prover.prove(relation, (answer.deciding,) + values)
        if answer.supporting:
            t.supporting = [p for p in (prover.prove(relation, (nid,) + values) for nid in answer.supporting) if p]
    elif answer.status == "holds":
        t.proof = prover.prove(answer.predicate, values)
    t.citations = citations(program, t, prover)
    return t


def why_not(program: Program, prover: Prover, predicate: str, values: tuple, modalities, applicable: set[str]) -> list[WhyNot]:
    """For each norm that could have concluded the atom with one of the modalities: why it does not."""
    found = []
    relation = norm_relation(predicate) if modalities != (None,) else predicate
    for nid, info in prover.norms_concluding(predicate):
        clause = info.node.clause
        if info.modality not in modalities or nid in applicable:
            continue
        if unify(clause.head, values, {}) is None:
            continue
        if info.node.readings and not any(r.norm_id in program.readings for r in info.node.readings):
            continue    # the norm belongs to a reading not in force: under this reading it is not law at all
        if not info.in_force(program.at):
            found.append(WhyNot(None, nid, "not-in-force"))
            continue
    for rule in prover.rules.get(relation, []):
        if rule.norm in applicable or (rule.modality not in modalities and modalities != (None,)):
            continue
        head_values = ((rule.norm,) + values) if rule.modality else values
        w = prover.why_not(rule, head_values)
        if w is not None:
            found.append(w)
    found.sort(key=lambda w: (w.reason == "not-in-force", w.norm or ""))
    return found


def citations(program: Program, t: Trace, prover: Prover | None = None) -> list[str]:
    """Citation keys the status rests on: the deciding norm first, its grounds, then the norms its proof used (with a
    prover, the norms below each of a proof's conditions are read off `Prover.norms_below`, once per condition)."""
    out: list[str] = []

    def add(nid: str | None):
        info = program.norms.get(nid) if nid else None
        if info and info.node.citation and info.node.citation not in out:
            out.append(info.node.citation)

    def walk(node: ProofNode | None):  # depth first, without Python recursion: proofs may be deep
        if node is not None and prover is not None:
            add(node.norm)
            for child in node.children:
                if child.children or child.rule is not None:   # a fact's or a test's node has no norm below it
                    for nid in prover.norms_below(child):
                        add(nid)
            return
        stack = [node] if node is not None else []
        while stack:
            current = stack.pop()
            add(current.norm)
            stack.extend(reversed(current.children))

    answer = t.answer
    add(answer.deciding)
    if answer.deciding:
        for ref in program.norms[answer.deciding].node.rests_on:
            add(ref.norm_id)
        for d in answer.defeated:   # what makes the deciding norm's interpretation binding (`binding by code 12.2`)
            if d.winner == answer.deciding and d.principle == "binding interpretation":
                add(d.ground("binding"))
    walk(t.proof)
    for nid in answer.supporting:
        add(nid)
        for ref in program.norms[nid].node.rests_on:
            add(ref.norm_id)
    for p in t.supporting:
        walk(p)
    return out
