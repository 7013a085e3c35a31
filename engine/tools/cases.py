"""The case space (`zan cases`): every case a question can meet, and the law's answer to each.

For a question such as `q(A, B, R)`:

- **individuals**: the question's variables become generic persons (`a`, `b`); a variable whose
  domain the knowledge base itself enumerates (`r(R)`: facts of kb/, no rule) takes each
  of those values in turn; and every existential variable of a deciding norm (a person its conditions
  speak of and its conclusion does not) gets one more person of its own.
- **dimensions**: the ground facts over them that the deciding norms read, directly or through
  definitions, and that a case file could state (no norm concludes them, kb/ does not fix them).
- **rows**: a decision table per atom of the question, read top down (the first row that matches an
  assignment decides it; the last row, "otherwise", has no condition), each row fixing some facts
  (`holds`, `absent`) and leaving the rest "–"; every condition of a row is needed.

How: each norm's conditions are unfolded, at the question's date, into a decision diagram over the
dimensions (engine/logic/diagrams.py); the status of every pattern of applicable norms comes from
the deontic core itself (`deontic.decide`), so the outcome diagram maps every assignment to what the
knowledge base answers. Each outcome but the largest becomes a prime and irredundant cover of its
region with what the rows above decide as don't-cares (`_table`). Then one representative case per row is evaluated
through the ordinary path (all rows in one program, each with its own renamed persons): the status
must agree and the row's citations are read off its trace.

The same diagrams answer `--how STATUS` (minimal sets of facts that, added to a case, give STATUS).
"""

from __future__ import annotations

import datetime
import itertools
import operator
import sys
from dataclasses import field
from functools import partial
from engine.base.records import dataclass
from pathlib import Path
from typing import AbstractSet, Any, Callable, Hashable, Iterable, Sequence

from engine.base.diagnostics import Diagnostic, ZanError
from engine.base.source import Span
from engine.explain.answering import Decisions, decided_by_norms
from engine.explain.explanation import Explainer, atom_text, query_text
from engine.explain.i18n import word
from engine.logic import ir
from engine.logic.deontic import decide
from engine.logic.diagrams import Budget, Diagrams, TooLarge, budget_clock
from engine.logic.model import compare as compare_values
from engine.pipeline import checked_question, evaluated
from engine.syntax import nodes as n
from engine.syntax.knowledge import KnowledgeBase

GroundAtom = tuple  # (relation, values)
ASSUMED = "<assumed>"
CASES_BUDGET = Budget(entries=3_000_000, seconds=30.0)   # the diagrams of one case space
MAX_ROWS = 3000                                          # the most rows one case space lists
MAX_OUTCOMES = 256          # different outcomes (status and deciding norms) of one atom a table is made of
MAX_COMBINATIONS = 16384    # combinations of applicable norms one question weighs (the bundled call space: 760; rule 34: about 3,000 with its exceptions)


# ---------------------------------------------------------------- what-if: assumed and retracted facts

def parse_fact(text: str) -> GroundAtom:
    """A ground fact written on the command line, e.g. `p(a)`, as (relation, values)."""
    from engine.syntax.parser import parse_query

    query = parse_query(text.strip().rstrip("."), path="<assumed>")
    if query.status is not None or query.atom.variables():
        from engine.base.messages import message

        raise ZanError([Diagnostic("invalid-query", message("not a ground fact write", text=text),
                                   query.atom.span, hint=message("assumed names no variables"))],
                       sources={"<assumed>": text})
    return query.atom.predicate, query.atom.ground_values()


def assume(program: ir.Program, assumed: Iterable[GroundAtom] = (), retracted: Iterable[GroundAtom] = ()) -> ir.Program:
    """Adds the assumed facts to a lowered program and takes the retracted ones out (in place; returned).

    An assumed fact's source is `<assumed>`, so every trace shows it as an assumption, never as a
    fact of the case.
    """
    for relation, values in retracted:
        program.facts.get(relation, {}).pop(tuple(values), None)
    program.origins[ASSUMED] = ir.ASSUMPTION
    for i, (relation, values) in enumerate(assumed, 1):
        program.add_fact(relation, tuple(values), Span(ASSUMED, i, 1))
    return program


# ---------------------------------------------------------------- individuals and dimensions

@dataclass
class Individual:
    name: str
    types: set[str]
    origin: str                 # query | case | existential
    variable: str | None = None
    norm: str | None = None

    @property
    def fresh(self) -> bool:
        return self.origin == "existential"


class Grounder:
    """Unfolds the rules of one program into diagrams over the registered dimensions."""

    def __init__(self, space: "Builder", program: ir.Program):
        self.space = space
        self.d = space.d
        self.program = program
        self.rules: dict[str, list[ir.Rule]] = {}
        for rule in program.rules:
            self.rules.setdefault(rule.relation, []).append(rule)
        self.memo: dict[GroundAtom, int] = {}
        self.busy: set[GroundAtom] = set()

    def holds(self, relation: str, values: tuple) -> int:
        key = (relation, values)
        if key in self.memo:
            return self.memo[key]
        if key in self.busy:     # a cycle: the least fixpoint adds nothing through it
            return self.d.false
        if values in self.program.facts.get(relation, {}):
            self.memo[key] = self.d.true
            return self.d.true
        self.busy.add(key)
        result = self.d.false
        if relation in self.space.open_relations and key not in self.space.fixed_false:
            result = self.d.var(self.space.dimension(relation, values))
        for rule in self.rules.get(relation, []):
            binding = _unify(rule.head.args, values, {})
            if binding is not None:
                result = self.d.disj(result, self.body(rule, binding))
        self.busy.discard(key)
        self.memo[key] = result
        return result

    def body(self, rule: ir.Rule, binding: dict) -> int:
        conditions = _named_wildcards(rule.body)
        atoms = [c for c in conditions if isinstance(c, n.Atom)]
        atoms.sort(key=lambda a: a.predicate not in self.space.fixed_relations)
        rest = [c for c in conditions if not isinstance(c, n.Atom)]
        owner = rule.norm or f"{rule.span.file}:{rule.span.line}"
        return self._join(atoms + rest, 0, binding, owner)

    def _join(self, conditions: list, i: int, binding: dict, owner: str) -> int:
        d = self.d
        if i == len(conditions):
            return d.true
        c = conditions[i]
        if isinstance(c, n.Comparison):
            left, right = _value(c.left, binding), _value(c.right, binding)
            if left is _UNBOUND or right is _UNBOUND:
                return d.false
            ok = (left == right) if c.operator in ("=", "==") else compare_values(c.operator, left, right)
            return self._join(conditions, i + 1, binding, owner) if ok else d.false
        if isinstance(c, n.Negation):
            values = tuple(_value(t, binding) for t in c.atom.args)
            if any(v is _UNBOUND for v in values):
                return d.false
            inner = self.holds(c.atom.predicate, values)
            if inner == d.true:
                return d.false
            return d.conj(d.neg(inner), self._join(conditions, i + 1, binding, owner))
        result = d.false
        if c.predicate in self.space.fixed_relations:
            for values in sorted(self.program.facts.get(c.predicate, {}), key=str):
                extended = _unify(c.args, values, binding)
                if extended is not None:
                    result = d.disj(result, self._join(conditions, i + 1, extended, owner))
            return result
        free = [t for t in c.args if isinstance(t, n.Variable) and t.name not in binding]
        names = list(dict.fromkeys(t.name for t in free))
        options = []
        bound = tuple(_value(t, binding) if not (isinstance(t, n.Variable) and t.name in names) else None
                      for t in c.args)
        for name in names:
            position = next(k for k, t in enumerate(c.args) if isinstance(t, n.Variable) and t.name == name)
            options.append(self.space.candidates(c.predicate, position, owner, name,
                                                 (c.predicate, position, bound), set(binding.values())))
        for choice in itertools.product(*options):
            extended = {**binding, **dict(zip(names, choice))}
            here = self.holds(c.predicate, tuple(_value(t, extended) for t in c.args))
            if here == d.false:
                continue
            result = d.disj(result, d.conj(here, self._join(conditions, i + 1, extended, owner)))
        return result


_UNBOUND = object()


def _value(term, binding):
    if isinstance(term, n.Variable):
        return binding.get(term.name, _UNBOUND)
    return term.value


def _unify(args, values, binding):
    out = dict(binding)
    for term, value in zip(args, values):
        if isinstance(term, n.Variable):
            if term.name == "_":
                continue
            if term.name in out and out[term.name] != value:
                return None
            out[term.name] = value
        elif term.value != value:
            return None
    return out


def _named_wildcards(conditions):
    """Each `_` of a body as a variable of its own (an existential like any other)."""
    count = itertools.count(1)

    def rename(atom: n.Atom) -> n.Atom:
        args = tuple(n.Variable(f"_{next(count)}", t.span) if isinstance(t, n.Variable) and t.name == "_" else t
                     for t in atom.args)
        return n.Atom(atom.predicate, args, atom.span, atom.predicate_span)

    out = []
    for c in conditions:
        if isinstance(c, n.Atom):
            out.append(rename(c))
        elif isinstance(c, n.Negation):
            out.append(n.Negation(rename(c.atom), c.span))
        else:
            out.append(c)
    return out


@dataclass
class Outcome:
    """What the knowledge base answers on a region of the space."""

    status: str
    deciding: str | None
    supporting: tuple[str, ...] = ()
    ambiguity: tuple[tuple[str, str], ...] = ()
    grounds: tuple[str, ...] = ()      # citation keys of the deciding and supporting norms and what they rest on
    compliance: str | None = None      # for an obligation with a deadline: pending | fulfilled | overdue ...
    scope: int | None = None           # undetermined outside what the kb encodes: index into program.scopes

    def key(self):
        """Rows are split by what a reader is told: the status, its citations, whether it is a conflict, and
        whether an undetermined case is outside what the kb encodes (and which declaration says so)."""
        return (self.status, self.grounds, bool(self.ambiguity), self.compliance, self.scope)


class Builder:
    """The shared state of one case space: the diagrams, the individuals, the dimensions."""

    def __init__(self, kb: KnowledgeBase, programs: Sequence[ir.Program], case_constants: dict[str, set[str]] | None = None,
                 case_facts: AbstractSet[GroundAtom] = frozenset(), budget: Budget | None = None, deadline: float | None = None,
                 grouped: bool = True):
        self.kb = kb
        self.d = Diagrams(budget, deadline)
        self.grouped = grouped          # the facts of one person together (the case space), or in the order read (--how)
        # --how: what the case's own facts make true (the evaluated model); its values are candidates in the
        # roles where the model has them, whatever the kind (a person the case names as `q`'s B)
        self.model = None
        self.anchors: set = set()       # the question's own persons: facts about the others are grouped per person
        self.combinations = 0           # patterns of applicable norms decided so far (bounded: MAX_COMBINATIONS)
        self.individuals: dict[str, Individual] = {}
        self.dimensions: list[GroundAtom] = []
        self._dimension_index: dict[GroundAtom, int] = {}
        self._fresh: dict[tuple[str, str], str] = {}
        self.fixed_false: set[GroundAtom] = set()
        concluded = {info.node.clause.head.predicate for info in programs[0].norms.values() if info.node.clause}
        ruled = {r.relation for p in programs for r in p.rules}
        with_facts = {rel for p in programs for rel, rows in p.facts.items() if rows}
        case_relations = {rel for rel, _ in case_facts}
        # kb/ enumerates these itself (the values of a kind such as `r(x)`, `r(y)`): facts, no rule, no case fact states them
        self.fixed_relations = {rel for rel in with_facts - ruled - concluded - case_relations if rel in kb.predicates}
        # an obligation's fulfilment is stated as a fact of its own atom (a case may say the duty was done);
        # a permission or prohibition never is (checks/conclusions.py: conclusion-as-fact)
        modalities: dict[str, set] = {}
        for p in programs:
            for info in p.norms.values():
                if info.node.clause is not None and info.node.clause.modality:
                    modalities.setdefault(info.node.clause.head.predicate, set()).add(info.node.clause.modality)
        fulfilled_by_fact = {rel for rel, kinds in modalities.items() if kinds == {"obligatory"}}
        # what a case file may state: declared, not concluded by a norm (but for fulfilments), not fixed by kb/
        self.open_relations = {rel for rel in kb.predicates if rel not in self.fixed_relations and (
            rel in fulfilled_by_fact or (rel not in concluded and not any(p.deontic and rel in p.deontic for p in programs)))}
        # a fact the kb declares a case may establish (assumable: evidence, circumstances) stays a fact of the
        # case even where a norm also derives it (evidence a norm reads as proof may still be stated)
        modal = {rel for rel, kinds in modalities.items() if kinds}
        self.open_relations |= {ref.norm_id for decl in kb.assumables for ref in decl.predicates
                                if ref.norm_id in kb.predicates and ref.norm_id not in modal
                                and ref.norm_id not in self.fixed_relations}
        # the values kb/ itself enumerates (x, y in `r(x)`, `r(y)`) are not persons
        self.law_values = {v for p in programs for rel in self.fixed_relations for row in p.facts.get(rel, {}) for v in row}
        for name, types in (case_constants or {}).items():
            if name not in self.law_values:
                self.individuals[name] = Individual(name, set(types), "case")

    def dimension(self, relation: str, values: tuple) -> int:
        key = (relation, values)
        index = self._dimension_index.get(key)
        if index is None:
            index = self._dimension_index[key] = len(self.dimensions)
            self.dimensions.append(key)
            # the facts about one person (b, then c) sit together in the diagrams: a
            # disjunction over persons then grows with their number, not exponentially. Ungrouped, a fact
            # sits where the conditions first read it (depth first: a norm's facts about one person
            # together, then the next person): on rule 34's case files with many entities up to fifty times
            # smaller, as the persons of one role there are read together in every norm
            self.d.declare(index, tuple(v for v in values if isinstance(v, str) and v in self.individuals
                                        and v not in self.anchors) if self.grouped else ())
        return index

    def parameter(self, relation: str, position: int) -> str:
        decl = self.kb.predicates.get(relation)
        if decl is not None and position < decl.arity:
            return decl.parameters[position]
        return f"{relation}#{position}"

    def individual(self, name: str, types: set[str], origin: str, variable=None, norm=None) -> str:
        if name in self.individuals:
            self.individuals[name].types |= types
        else:
            self.individuals[name] = Individual(name, set(types), origin, variable, norm)
        return name

    def candidates(self, relation: str, position: int, owner: str, variable: str, role=None,
                   taken_here=frozenset()) -> list[str]:
        """The values an existential variable ranges over: the persons of its kind met so far, and one of its own.

        One of its own per role: the position of the condition that first names it, with the values its
        other arguments are bound to (`q(e, X)`). Every norm and definition reaching the same role shares
        the person (the entity the appointment e is in is one entity, whichever paragraph speaks of it), so
        the space does not grow by a block of facts per norm; a second variable of the same role within one
        condition (`A != B`) gets a person of its own."""
        kind = self.parameter(relation, position)
        known = [i.name for i in self.individuals.values() if not i.fresh and kind in i.types]
        if self.model is not None and role is not None:
            _relation, _position, bound = role
            for row in sorted(self.model.get(relation), key=str):
                if len(row) == len(bound) and all(b is None or b == v for b, v in zip(bound, row)) \
                        and row[position] in self.individuals and row[position] not in known:
                    known.append(row[position])
        key = ("role", role) if role is not None else (owner, variable)
        if key in self._fresh and self._fresh[key] in taken_here:
            key = (owner, variable)
        if key not in self._fresh:
            base = variable.lstrip("_").lower()
            if not base[:1].isalpha():     # a wildcard `_` of the rule: named after its kind (`B` -> b)
                base = kind.lstrip("_").lower() if kind[:1].isalpha() else "x"
            name, k = base, 2
            taken = set(self.individuals) | set(self.kb.constants)
            while name in taken:
                name, k = f"{base}{k}", k + 1
            self._fresh[key] = self.individual(name, {kind}, "existential", variable, owner)
        return known + [self._fresh[key]]


# ---------------------------------------------------------------- the space of one question

@dataclass
class Row:
    atom: str
    predicate: str
    values: tuple
    holds: list[GroundAtom]
    absent: list[GroundAtom]
    outcome: Outcome
    citations: list[str] = field(default_factory=list)
    compared: Outcome | None = None        # with --compare or --versus-reading: the outcome on the other side
    compared_citations: list[str] = field(default_factory=list)
    causes: list = field(default_factory=list)
    case: list[GroundAtom] = field(default_factory=list)   # a representative case the row decides: the facts that hold
    otherwise: bool = False                                # the unconditional last row of an ordered table


@dataclass
class CaseSpace:
    query: n.Query
    at: datetime.date
    kb: KnowledgeBase
    programs: list[ir.Program]
    individuals: dict[str, Individual]
    dimensions: list[GroundAtom]
    rows: list[Row]
    redundant: list[dict] = field(default_factory=list)
    compare: datetime.date | None = None
    reading: str | None = None
    versus_reading: str | None = None
    assumed: list[GroundAtom] = field(default_factory=list)
    retracted: list[GroundAtom] = field(default_factory=list)
    hit_policy: str = "first"     # first: the first row that matches decides; any: overlapping rows agree
    given: list[GroundAtom] = field(default_factory=list)      # --given: the facts the question fixes
    persons: dict[str, Individual] = field(default_factory=dict)   # every person the space met (representatives' renaming)


def _instances(builder: Builder, program: ir.Program, atom: n.Atom) -> list[tuple]:
    """The question's atom over the individuals: variables enumerated by kb/ take each value, the others a person."""
    decl = builder.kb.predicates.get(atom.predicate)
    options: list[list] = []
    enumerated: dict[str, list] = {}
    if decl is not None and decl.domain:
        for c in decl.domain:
            if isinstance(c, n.Atom) and c.predicate in builder.fixed_relations:
                params = {decl.parameters[k]: a for k, a in enumerate(atom.args)}
                for k, t in enumerate(c.args):
                    param = params.get(t.name) if isinstance(t, n.Variable) else None
                    if isinstance(param, n.Variable):
                        enumerated[param.name] = sorted({row[k] for row in program.facts.get(c.predicate, {})}, key=str)
    named_by_law = _law_constants(program)
    for k, t in enumerate(atom.args):
        if isinstance(t, n.Constant):
            # a person of the question is renamed in each hypothetical case; a constant the law itself names
            # (`obligatory p(x, code)`) must stay what the norms speak of
            if isinstance(t.value, str) and t.value not in builder.law_values and t.value not in named_by_law:
                builder.individual(t.value, {builder.parameter(atom.predicate, k)}, "query")
            options.append([t.value])
        elif t.name in enumerated:
            options.append(enumerated[t.name])
        else:
            name = t.name.lower()
            builder.individual(name, {builder.parameter(atom.predicate, k)}, "query", variable=t.name)
            # and the constants a norm's conclusion puts there (`obligatory p(x, code)`)
            concluded = [r.head.args[k + 1] for r in _norm_rules(program, atom.predicate) if k + 1 < len(r.head.args)]
            named = sorted({c.value for c in concluded if isinstance(c, n.Constant)}, key=str)
            options.append([name] + [v for v in named if v != name])
    seen, out = set(), []
    for values in itertools.product(*options):
        if values not in seen:
            seen.add(values)
            out.append(values)
    return out


def _law_constants(program: ir.Program) -> set:
    """The constants the rules themselves name, in their conclusions or conditions."""
    named: set = set()
    for rule in program.rules:
        atoms = [rule.head] + [c.atom if isinstance(c, n.Negation) else c for c in rule.body]
        for atom in atoms:
            if isinstance(atom, n.Atom):
                named.update(term.value for term in atom.args if isinstance(term, n.Constant))
    return named


def _norm_rules(program: ir.Program, predicate: str) -> list[ir.Rule]:
    """The rules of the norms concluding the predicate; general rules (those others are exceptions to) first."""
    rules = [r for r in program.rules if r.kind == "norm" and r.relation == ir.norm_relation(predicate)]
    targets = {ref.norm_id for info in program.norms.values() for ref in info.node.exception_to}
    return sorted(rules, key=lambda r: (r.norm not in targets, r.modality != "prohibited", r.norm or ""))


def _outcomes(builder: Builder, grounder: Grounder, program: ir.Program, predicate: str, values: tuple,
              without: str | None = None, max_outcomes: int = MAX_ROWS, status_only: bool = False,
              verdicts: dict | None = None) -> tuple[int, dict]:
    """The outcome diagram of one ground atom: leaves are outcome keys; and the outcomes by key.

    With `status_only` (--how, which asks only for a status) an outcome is its status alone, not which
    norm decides: fewer leaves, a smaller diagram.

    More than `max_outcomes` different outcomes is TooLarge("rows"): each needs a row of its own.
    `verdicts` (a dict kept for one program and predicate) keeps the deontic core's verdict per set of norms
    for the next atom (deontic.decide's memo)."""
    d = builder.d
    deontic = decided_by_norms(program, predicate)
    found: dict = {}
    if not deontic:
        here = grounder.holds(predicate, values)
        yes, no = Outcome("holds", None), Outcome("not-established", None)
        found[yes.key()], found[no.key()] = yes, no
        return d.ite(here, d.leaf(yes.key()), d.leaf(no.key())), found
    applies: list[tuple[str, int]] = []
    for rule in _norm_rules(program, predicate):
        if rule.norm == without:
            continue
        binding = _unify(rule.head.args[1:], values, {})
        if binding is None:
            continue
        condition = grounder.body(rule, binding)
        if condition != d.false:
            assert rule.norm is not None, "a norm's rule names its norm"
            applies.append((rule.norm, condition))
    stated = set(program.facts.get(predicate, {}))
    deadline = any(program.norms[nid].node.deadline for nid, _c in applies)
    if deadline and values not in stated and predicate in builder.kb.predicates:
        # an obligation's fulfilment is the fact of its atom: a dimension of its own
        fulfilled = d.var(builder.dimension(predicate, values))
    else:
        fulfilled = None

    def outcome(chosen: frozenset, stated: set):
        d.check()
        builder.combinations += 1
        if builder.combinations > MAX_COMBINATIONS:
            raise TooLarge("combinations", MAX_COMBINATIONS)
        a = decide(program, predicate, values, set(chosen), stated, {}, verdicts)
        if status_only:
            o = Outcome(a.status, None, (), tuple(a.ambiguity), (), a.compliance)
        else:
            o = Outcome(a.status, a.deciding, tuple(a.supporting), tuple(a.ambiguity),
                        _grounds(program, [a.deciding]), a.compliance)
        found.setdefault(o.key(), o)
        return o.key()

    together = _together(d, [c for _nid, c in applies])
    if fulfilled is not None:
        root = d.ite(fulfilled, _combined(d, applies, together, lambda chosen: outcome(chosen, stated | {values})),
                     _combined(d, applies, together, lambda chosen: outcome(chosen, stated)))
    else:
        root = _combined(d, applies, together, lambda chosen: outcome(chosen, stated))
    reached = {d.value(u) for u in d.leaves(root)}      # combinations no case meets decide nothing
    for key in [k for k in found if k not in reached]:
        del found[key]
    if len(found) > max_outcomes:
        raise TooLarge("rows", max_outcomes)
    return _scoped(builder, grounder, program, predicate, values, root, found), found


def _together(d: Diagrams, conditions: list[int]) -> tuple[set, set]:
    """Which norms' conditions can never hold together (`apart`: pairs i < j), and which imply another
    (`implies`: (i, j) when condition i never holds without j). Pairs only: cheap tests on the small
    diagrams of single norms, which rule out most combinations no case can meet."""
    apart, implies = set(), set()
    for i, a in enumerate(conditions):
        for j, b in enumerate(conditions):
            if i < j and not d.intersects(a, b):
                apart.add((i, j))
            if i != j and not d.intersects(a, b, negate=True):
                implies.add((i, j))
    return apart, implies


def _combined(d: Diagrams, applies: list[tuple[str, int]], together: tuple[set, set], decide_set: Callable) -> int:
    """The outcome diagram of the norms `applies` (id, condition): decide_set(the ids that apply) for every
    assignment of the dimensions.

    First over the norms themselves, in a small diagram of its own (one variable per norm, its leaves what
    `decide_set` says of each combination that the pairs of `together` leave possible); then each norm's
    variable is replaced by its condition, once per node of that small diagram. Every intermediate diagram
    is then an outcome of the law for what is still open (a few hundred nodes on rule 34, whatever the
    case), not a combination of norms: the cost is that of the answer, not of the 2^n combinations
    (combining the conditions one norm at a time made 3,000,000 nodes for a 500-node answer)."""
    apart, implies = together
    conditions = [c for _nid, c in applies]
    norms = Diagrams()

    def over(i: int, chosen: tuple, off: tuple) -> int | None:
        if i == len(applies):
            return norms.leaf(decide_set(frozenset(applies[j][0] for j in chosen)))
        can_hold = (not any((j, i) in apart for j in chosen) and not any((i, j) in implies for j in off))
        can_fail = conditions[i] != d.true and not any((j, i) in implies for j in chosen)
        high = over(i + 1, chosen + (i,), off) if can_hold else None
        low = over(i + 1, chosen, off + (i,)) if can_fail else None
        if high is None or low is None:
            return low if high is None else high
        return norms.node(i, low, high)

    top = over(0, (), ())
    if top is None:              # no combination is possible: cannot be, as some assignment holds
        return d.leaf(decide_set(frozenset()))
    memo: dict[int, int] = {}

    def replaced(u: int) -> int:
        found = memo.get(u)
        if found is None:
            entry = norms.table[u]
            if entry[0] == "leaf":
                found = d.leaf(entry[1])
            else:
                found = d.ite(conditions[entry[0]], replaced(entry[2]), replaced(entry[1]))
            memo[u] = found
        return found

    return replaced(top)


def _scoped(builder: Builder, grounder: Grounder, program: ir.Program, predicate: str, values: tuple,
            root: int, found: dict) -> int:
    """The undetermined outcomes (no conflict) where a scope declaration of the kb holds, marked as outside
    what the kb encodes (`outside scope "code 12.1" for q(A, B) if ...`): not gaps."""
    import dataclasses

    d = builder.d
    for k, scope in enumerate(program.scopes):
        if scope.atom is None or scope.atom.predicate != predicate or len(scope.atom.args) != len(values):
            continue
        binding = _unify(scope.atom.args, values, {})
        if binding is None:
            continue
        condition = grounder._join(_named_wildcards(list(scope.conditions)), 0, binding, f"scope:{k}")
        if condition == d.false:
            continue
        root = d.ite(condition, d.map(root, partial(_outside_scope, k), f"scope:{k}"), root)
    for u in d.leaves(root):          # the marked outcomes of this atom
        key = d.value(u)
        if key is not None and key not in found:
            found[key] = dataclasses.replace(found[key[:4] + (None,)], scope=key[4])
    return root


def _outside_scope(k: int, key):
    """An outcome key marked as outside the k-th scope declaration, where no norm decides it."""
    if key is not None and key[0] == "undetermined" and not key[2] and key[4] is None:
        return key[:4] + (k,)
    return key


def _grounds(program: ir.Program, norms: list) -> tuple[str, ...]:
    out: list[str] = []
    for nid in norms:
        info = program.norms.get(nid) if nid else None
        if info is None:
            continue
        for ref in [nid] + [r.norm_id for r in info.node.rests_on]:
            cited = program.norms.get(ref)
            if cited and cited.node.citation and cited.node.citation not in out:
                out.append(cited.node.citation)
    return tuple(out)


def _table(d: Diagrams, root: int, impossible_value: Callable, keep: Callable | None, max_rows: int, bound: int) -> list:
    """The rows of one question's decision table: [(literals, value, case)], case the variables true in a
    representative assignment that the row decides (it matches the row and no row above it).

    Without a status filter, an ordered table (DMN's first-hit policy): the outcome that covers most of
    the space is the unconditional last row ("otherwise"); the others come first, each as a prime and
    irredundant cover (Diagrams.isop) of its region where the regions of the rows above are don't-cares,
    chosen greedily (the outcome with the fewest rows next). So every condition of a row is needed:
    without it the row would also take cases of an outcome below it. With a status filter (`permitted
    q(...)`): the outcomes of that status only, each a prime cover of its own region (rows of one
    outcome may overlap, rows of different outcomes never do: DMN's "any").
    Assignments that no case can have (the None leaf: an impossible pattern) are don't-cares everywhere.
    """
    region, impossible = _regions(d, root, impossible_value)
    rows = _Rows(d, max_rows, bound)
    if keep is not None:
        for v in (v for v in region if keep(v)):
            rows.cover(d.isop(region[v], d.disj(region[v], impossible), bound), v, region[v], d.false)
    elif region:
        _first_hit(d, region, impossible, rows, bound)
    return rows.out


def _regions(d: Diagrams, root: int, impossible_value: Callable) -> tuple[dict, int]:
    """Each possible outcome's region of the space, and the region no case can have (don't-cares everywhere)."""
    values = sorted({v for v in (d.value(u) for u in d.leaves(root))}, key=repr)
    region = {v: d.map(root, partial(operator.eq, v), f"is:{v!r}") for v in values}
    impossible = d.false
    for v in values:
        if impossible_value(v):
            impossible = d.disj(impossible, region.pop(v))
    if len(region) > MAX_OUTCOMES:
        raise TooLarge("outcomes", MAX_OUTCOMES)
    return region, impossible


class _Rows:
    """A decision table's rows as they are added, each (literals, value, case): bounded by max_rows."""

    def __init__(self, d: Diagrams, max_rows: int, bound: int):
        self.d, self.max_rows, self.bound = d, max_rows, bound
        self.out: list = []

    def add(self, literals: dict, value, case_region: int) -> None:
        if len(self.out) >= self.max_rows:
            raise TooLarge("rows", self.bound)
        self.out.append((literals, value, self.d.cheapest(case_region)))

    def cover(self, cubes: list, value, region: int, above: int) -> int:
        """One outcome's cubes as rows, fewest literals first; a row's case is one of its region that no row
        above it takes. Returns the space the rows above the next one take."""
        d = self.d
        for c in sorted(cubes, key=lambda c: (len(c), sorted((d.level(v), not b) for v, b in c.items()))):
            self.add(c, value, d.conj(d.conj(d.cube(c), region), d.neg(above)))
            above = d.disj(above, d.cube(c))
        return above


def _first_hit(d: Diagrams, region: dict, impossible: int, rows: _Rows, bound: int) -> None:
    """The ordered table: the outcome covering most of the space last and unconditional ("otherwise"); before
    it, greedily, the outcome with the fewest rows next, the regions of the rows above as don't-cares."""
    share = {v: d.fraction(r) for v, r in region.items()}
    otherwise = max(region, key=lambda v: (share[v], repr(v)))
    rest = [v for v in region if v != otherwise]
    done = impossible
    while rest:
        d.check()
        choice = None
        for v in rest if len(rest) <= 12 else sorted(rest, key=lambda v: share[v])[:1]:
            cubes = d.isop(region[v], d.disj(region[v], done), bound)
            cost = (len(cubes), -share[v], repr(v))
            if choice is None or cost < choice[0]:
                choice = (cost, v, cubes)
        assert choice is not None, "rest is not empty"
        _cost, v, cubes = choice
        rows.cover(cubes, v, region[v], done)
        done = d.disj(done, region[v])
        rest.remove(v)
    rows.add({}, otherwise, region[otherwise])


class Progress:
    """Progress on stderr, only on a terminal and only once it takes a while."""

    def __init__(self, total: int, label: str):
        import time

        self.total, self.label, self.done = total, label, 0
        self.start = time.monotonic()
        self.shown = False
        self.tty = sys.stderr.isatty()

    def step(self, what: str = "") -> None:
        import time

        self.done += 1
        if self.tty and time.monotonic() - self.start > 1.5:
            sys.stderr.write(f"\r{self.label}: {self.done}/{self.total} {what[:50]:50}")
            sys.stderr.flush()
            self.shown = True

    def phase(self, what: str) -> None:
        """A new phase of the work: said on a terminal once the whole has taken more than a moment."""
        import time

        if self.tty and time.monotonic() - self.start > 1.5:
            sys.stderr.write(f"\r{self.label}: {what[:80]:80}")
            sys.stderr.flush()
            self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r" + " " * 90 + "\r")
            sys.stderr.flush()


def _rename(value, suffix: str, individuals: dict):
    return f"{value}__{suffix}" if isinstance(value, str) and value in individuals and individuals[value].origin != "case" else value


def _unrenamed(values: tuple, suffix: str, individuals: dict) -> tuple:
    """The values of a representative case's fact with its persons' own names again (the inverse of _rename)."""
    renamed = {_rename(name, suffix, individuals): name for name in individuals}
    return tuple(renamed.get(v, v) if isinstance(v, str) else v for v in values)


def _representatives(kb: KnowledgeBase, make: Callable, builder: Builder,
                     cases: list[tuple[tuple, list[GroundAtom]]]) -> list:
    """Evaluates many hypothetical cases, each with its own renamed persons: a trace per case.

    Cases go in as few programs as can hold them apart: two cases whose atoms stay the same once
    renamed (the constants of the law, `q(a, b)` where a and b are no persons) are evaluated in
    different programs. make(asked) lowers the program of one side; the asked atoms join their
    `asked over` domains, as a ground question's do (ir.lower), so a norm reaching "whoever" decides them.
    """
    renamed, batches = _batches(builder.individuals, cases)
    return [t for t, _program in _representative_runs(make, builder.individuals, cases, renamed, batches)]


def _representative_runs(make: Callable, individuals: dict, cases: list, renamed: list, batches: dict,
                         level: str = "brief") -> list[tuple]:
    """(trace, program) per case: each batch of _representatives' cases evaluated in one program."""
    traces: list = [(None, None)] * len(cases)
    for members in batches.values():
        program = make([(cases[k][0][0], renamed[k]) for k in members], False)
        for k in members:
            for relation, values in cases[k][1]:
                program.add_fact(relation, tuple(_rename(v, str(k), individuals) for v in values),
                                 Span("<case space>", k + 1, 1))
        predicates = {cases[k][0][0] for k in members}
        done = evaluated(program, predicates, many=True)
        decisions = {p: Decisions(program, done.model, p) for p in predicates}
        for k in members:
            traces[k] = (done.trace(decisions[cases[k][0][0]](renamed[k]), level), program)
    return traces


def _batches(builder_individuals: dict, cases: list) -> tuple[list, dict]:
    """The renamed values of each case and the batches of cases one program can hold apart (_representatives)."""
    renamed = [tuple(_rename(v, str(k), builder_individuals) for v in values)
               for k, ((_predicate, values), _facts) in enumerate(cases)]
    seen: dict[tuple, int] = {}
    batches: dict[tuple, list[int]] = {}
    for k, ((predicate, _values), facts) in enumerate(cases):
        # a fact that names no person of the case (a proposition, `conditions_satisfied`) would hold in
        # every case of its program: cases go together only when they state the same such facts
        shared = frozenset(f for f in facts if not any(_rename(v, "", builder_individuals) != v for v in f[1]))
        key = (predicate, renamed[k], shared)
        batches.setdefault((shared, seen.get(key, 0)), []).append(k)
        seen[key] = seen.get(key, 0) + 1
    return renamed, batches


def according_rows(space: CaseSpace, norm_ids: Sequence[str], language: str, names: dict[str, str] | None = None,
                   budget: Budget | None = None) -> list[list[dict] | None]:
    """What the norms of a provision cited in a general question did in each row (engine/tools/according.fates):
    the row's representative case evaluated the ordinary way with the full trace (its why-nots), read in the
    reader's language with the persons named as `names` says. Within the cases' CPU budget (CASES_BUDGET's
    seconds, budget_clock): the rows past it get None."""
    from engine.explain.phrasebook import Phrasebook
    from engine.tools.according import bearing, fates

    deadline = budget_clock() + (budget or CASES_BUDGET).seconds
    cases = [((r.predicate, r.values), list(r.case) + list(space.assumed) + list(space.given)) for r in space.rows]
    individuals = space.persons or space.individuals
    renamed, batches = _batches(individuals, cases)
    make = _lowering(space.kb, space.at, space.reading, list(space.assumed) + list(space.given), space.retracted)
    cite = Phrasebook(space.kb, language).cite
    out: list[list[dict] | None] = [None] * len(cases)
    for members in batches.values():
        if budget_clock() > deadline:
            break
        runs = _representative_runs(make, individuals, cases, renamed, {0: members}, level="full")
        for k in members:
            trace, program = runs[k]
            if trace is None or budget_clock() > deadline:
                continue
            shown = {_rename(name, str(k), individuals): (names or {}).get(name, name) for name in individuals}
            entry = _Naming(space.kb, program, language, shown).answer(trace)
            row = space.rows[k]
            ids = [m.id for m in bearing(space.kb, [space.kb.norms[i] for i in norm_ids], row.predicate)]
            out[k] = fates(space.kb, entry, {}, ids, cite)
    return out


def cases(query: str | n.Query, at: datetime.date, kb_dir: Path | None = None, compare: datetime.date | None = None,
          reading: str | None = None, versus_reading: str | None = None,
          assumed: Sequence[str | n.Atom | GroundAtom] = (), retracted: Sequence[str | n.Atom | GroundAtom] = (),
          kb: KnowledgeBase | None = None, verify: bool = True, cite: bool = True,
          budget: Budget | None = None, max_rows: int | None = None, language: str = "en",
          given: Sequence[str | n.Atom | GroundAtom] = ()) -> CaseSpace:
    """The case space of a question at a date (and against a second date or reading): plain data, see document.

    Bounded: more than `max_rows` rows (MAX_ROWS), or diagrams past the budget (CASES_BUDGET: nodes
    and memo entries, seconds), is a located error that names the bound and suggests narrowing the
    question (`--given FACT`, a value in place of a variable), in `language`; never an exhausted machine.
    """
    from engine.pipeline import load_checked

    if kb is None:
        kb, _facts, _warnings = load_checked(kb_dir, [], sample=False)
    parsed = checked_question(kb, query)
    given_facts = _checked_facts(kb, given, "--given", parsed, language)
    assumed_facts = _checked_facts(kb, assumed, "<assumed>", parsed, language) + given_facts
    retracted_facts = _checked_facts(kb, retracted, "<retracted>", parsed, language)
    sides = [(at, reading)]
    if compare is not None or versus_reading is not None:
        sides.append((compare or at, versus_reading if versus_reading is not None else reading))
    makers = [_lowering(kb, day, r, assumed_facts, retracted_facts) for day, r in sides]
    programs = [make(()) for make in makers]
    # an assumed fact's relation stays one a case may state (not one kb/ enumerates)
    builder = Builder(kb, programs, case_facts={tuple(a) for a in assumed_facts}, budget=budget or CASES_BUDGET)
    builder.fixed_false = set(retracted_facts)
    grounders = [Grounder(builder, p) for p in programs]
    instances = _instances(builder, programs[0], parsed.atom)
    builder.anchors = {v for values in instances for v in values}
    try:
        return _space(kb, parsed, at, programs, makers, builder, grounders, instances, compare, reading,
                      versus_reading, assumed_facts, retracted_facts, verify, cite, max_rows or MAX_ROWS, given_facts)
    except TooLarge as e:
        raise ZanError([_too_large(parsed, builder, instances, e, language)],
                       sources={"<query>": query if isinstance(query, str) else query_text(parsed)}) from None


def _checked_facts(kb: KnowledgeBase, facts: Sequence[str | n.Atom | GroundAtom], path: str, parsed: n.Query,
                   language: str) -> list[GroundAtom]:
    """Facts written on the command line (text) or given as atoms, as (relation, values): each a declared
    predicate with its arity, else an error at the fact, in the reader's language. A --given fact may name the
    question's own variables (`p(B)`: the person b)."""
    from engine.pipeline import check_query, fact_atoms

    out: list[GroundAtom] = []
    for fact in facts:
        if isinstance(fact, tuple) and not isinstance(fact, n.Atom):   # a ground atom (an Atom is a tuple-backed record)
            out.append(tuple(fact))
            continue
        if isinstance(fact, n.Atom):
            written, atom = str(fact), fact
            if path == "--given":
                _given_variables(atom, parsed, language, {path: written})
            elif atom.variables():
                raise ValueError(f"{atom} is not a ground fact")   # a caller's error: atoms come from code
        else:
            written = fact.strip().rstrip(".")
            atom = _given_atom(written, path, parsed, language) if path == "--given" else fact_atoms([fact], path=path)[0]
        try:
            check_query(kb, n.Query(None, atom, atom.span), language)
        except ZanError as e:
            raise ZanError(e.diagnostics, sources={**e.sources, path: written}) from None
        out.append((atom.predicate, tuple(t.value if isinstance(t, n.Constant) else t.name.lower() for t in atom.args)))
    return out


def _lowering(kb: KnowledgeBase, day: datetime.date, reading, assumed: list[GroundAtom],
              retracted: list[GroundAtom]) -> Callable[..., ir.Program]:
    """One side's program maker: make(asked) is the kb lowered at the side's day and reading, with the asked
    atoms, the assumed facts added and the retracted ones taken out; make(asked, own=False) leaves the assumed
    facts to the representatives, which get them case by case, over their own renamed persons."""
    def make(asked, own: bool = True) -> ir.Program:
        return assume(ir.lower(kb, day, reading=reading, asked=asked), assumed if own else (), retracted)
    return make


def _given_atom(text: str, path: str, parsed: n.Query, language: str) -> n.Atom:
    """A --given fact: ground, or over the question's own variables (`p(B)` is about the person b)."""
    from engine.base.messages import message
    from engine.syntax.parser import parse_query

    try:
        query = parse_query(text, path=path)
    except ZanError as e:
        raise ZanError(e.diagnostics, sources={path: text}) from None
    _given_variables(query.atom, parsed, language, {path: text})
    if query.status is not None:
        raise ZanError([Diagnostic("invalid-query", message("given status", language), query.atom.span,
                                   hint=message("given hint", language))], sources={path: text})
    return query.atom


def _given_variables(atom: n.Atom, parsed: n.Query, language: str, sources: dict[str, str]) -> None:
    """A --given fact names no variable but the question's own: else an error at the variable."""
    from engine.base.messages import message

    own = {t.name for t in parsed.atom.args if isinstance(t, n.Variable)}
    for t in atom.args:
        if isinstance(t, n.Variable) and (t.name not in own or t.name == "_"):
            raise ZanError([Diagnostic("invalid-query", message("given variable", language, name=t.name,
                                                                 variables=", ".join(sorted(own)) or "—"),
                                       t.span, hint=message("given hint", language))], sources=sources)


def _too_large(parsed: n.Query, builder: Builder, instances: list[tuple], e: TooLarge, language: str) -> Diagnostic:
    """The bound a case space ran into, and how to narrow the question (a fact to fix, a value to give)."""
    from engine.base.messages import message

    limit = f"{e.limit:g}" if isinstance(e.limit, float) else str(e.limit)
    fact = atom_text(*builder.dimensions[0]) if builder.dimensions else "…"
    example = query_text(parsed)
    if instances:      # the question with a value the space enumerates in place of its variable
        args = [t.name if isinstance(t, n.Variable) and builder.individuals.get(v) is not None
                and builder.individuals[v].origin == "query" else (t.value if isinstance(t, n.Constant) else v)
                for t, v in zip(parsed.atom.args, instances[-1])]
        example = f"{parsed.atom.predicate}({', '.join(str(a) for a in args)})"
    span = parsed.atom.span if parsed.atom.span.file == "<query>" else Span("<query>", 1, 1)
    hint = message("too large narrow", language, fact=fact)
    if example != query_text(parsed):
        hint += " " + message("too large value", language, example=example)
    return Diagnostic("too-large", message(f"too large {e.what}", language, query=query_text(parsed), limit=limit),
                      span, hint=hint)


def _space(kb, parsed, at, programs, makers, builder, grounders, instances, compare, reading, versus_reading,
           assumed, retracted, verify, cite, max_rows, given=()) -> CaseSpace:
    # ground every side first so that all dimensions exist before the diagrams are read
    diagrams = []
    progress = Progress(len(instances) * len(programs), "cases")
    for values in instances:
        per_side = []
        for g, p in zip(grounders, programs):
            per_side.append(_outcomes(builder, g, p, parsed.atom.predicate, values, max_outcomes=max_rows))
            progress.step(atom_text(parsed.atom.predicate, values))
        diagrams.append((values, per_side))
    d = builder.d
    rows: list[Row] = []
    progress.phase("rows")
    for values, per_side in diagrams:
        (root, found), others = per_side[0], per_side[1:]
        if others:
            other_root, other_found = others[0]
            pair = d.apply("pair", lambda a, b: (a, b), root, other_root)
        else:
            pair, other_found = root, {}
        split = (lambda v: v) if others else (lambda v: (v, None))
        impossible = (lambda v: v[0] is None or v[1] is None) if others else (lambda v: v is None)
        keep = None
        if parsed.status is not None:
            keep = lambda v: found[split(v)[0]].status == parsed.status or (
                bool(others) and other_found[split(v)[1]].status == parsed.status)
        table = _table(d, pair, impossible, keep, max_rows - len(rows), max_rows)
        for k, (fixed, value, case) in enumerate(table):
            key, other = split(value)
            order = sorted(fixed, key=d.level)
            holds = [builder.dimensions[v] for v in order if fixed[v]]
            absent = [builder.dimensions[v] for v in order if not fixed[v]]
            row = Row(atom_text(parsed.atom.predicate, values), parsed.atom.predicate, values, holds, absent,
                      found[key], compared=other_found.get(other) if others else None,
                      case=[builder.dimensions[v] for v in sorted(case)],
                      otherwise=keep is None and k == len(table) - 1)
            rows.append(row)
    if cite:
        progress.phase(f"{len(rows)} rows: one case each, evaluated to check the status and read the citations")
        _cite(kb, programs, makers, builder, rows, verify, assumed)
    progress.close()
    # the dimensions that can matter: those some outcome depends on (grounding may meet more)
    support: set[int] = set()
    for _values, per_side in diagrams:
        for root, _found in per_side:
            support |= d.support(root)
    mattering = [dim for k, dim in enumerate(builder.dimensions) if k in support]
    used = {name for _rel, values in mattering for name in values} | {v for r in rows for v in r.values}
    individuals = {name: ind for name, ind in builder.individuals.items() if name in used}
    space = CaseSpace(parsed, at, kb, programs, individuals, mattering, rows,
                      compare=compare, reading=reading, versus_reading=versus_reading,
                      assumed=[a for a in assumed if a not in given], retracted=retracted, given=list(given),
                      hit_policy="any" if parsed.status is not None else "first", persons=dict(builder.individuals))
    space.redundant = _redundant(builder, grounders[0], programs[0], parsed.atom.predicate, instances, rows)
    return space


def _cite(kb, programs, makers, builder: Builder, rows: list[Row], verify: bool, assumed=()) -> None:
    """Citations (and, with two sides, causes) read off one representative case per row, evaluated the ordinary way."""
    from engine.tools.diff import causes

    cases = [((r.predicate, r.values), list(r.case) + list(assumed)) for r in rows]
    sides = [_representatives(kb, make, builder, cases) for make in makers]
    for k, row in enumerate(rows):
        t = sides[0][k]
        if verify and (t is None or t.answer.status != row.outcome.status):
            raise RuntimeError(f"the case space disagrees with the knowledge base on {row.atom}: "
                               f"{row.outcome.status} vs {t.answer.status if t else None}")
        if verify and t is not None and t.scope != row.outcome.scope:
            raise RuntimeError(f"the case space disagrees with the knowledge base on the scope of {row.atom}: "
                               f"{row.outcome.scope} vs {t.scope}")
        row.citations = list(t.citations) if t else []
        if t is not None:   # the row's norms as the representative case has them (same status and citations)
            row.outcome = Outcome(t.answer.status, t.answer.deciding, tuple(t.answer.supporting),
                                  tuple(tuple(p) for p in t.answer.ambiguity), row.outcome.grounds, row.outcome.compliance,
                                  row.outcome.scope)
        if len(programs) > 1:
            t1 = sides[1][k]
            if verify and row.compared is not None and (t1 is None or t1.answer.status != row.compared.status):
                raise RuntimeError(f"the case space disagrees with the knowledge base on {row.atom} (second side): "
                                   f"{row.compared.status} vs {t1.answer.status if t1 else None}")
            row.compared_citations = list(t1.citations) if t1 else []
            if t1 is not None and row.compared is not None:
                row.compared = Outcome(t1.answer.status, t1.answer.deciding, tuple(t1.answer.supporting),
                                       tuple(tuple(p) for p in t1.answer.ambiguity), row.compared.grounds,
                                       row.compared.compliance, row.compared.scope)
            if row.compared is not None and row.compared.status != row.outcome.status:
                row.causes = causes(programs[0], programs[1], t, t1, row.predicate)
                for cause in row.causes:     # a fact of the representative case names its renamed persons
                    if cause.fact is not None:
                        relation, values = cause.fact
                        cause.atom = atom_text(relation, _unrenamed(values, str(k), builder.individuals))


def _status_of(key: Hashable) -> Hashable:
    """An outcome key's status (None: an impossible pattern)."""
    return key[0] if isinstance(key, tuple) else None


def _redundant(builder: Builder, grounder: Grounder, program: ir.Program, predicate: str,
               instances: list[tuple], rows: list[Row]) -> list[dict]:
    """Norms of the asked predicate that decide no row; exceptions whose removal changes no status."""
    d = builder.d
    deciding = {r.outcome.deciding for r in rows} | {s for r in rows for s in r.outcome.supporting}
    out = []
    norms = sorted({r.norm for r in _norm_rules(program, predicate)       # those that could conclude an atom asked
                    if r.norm is not None and any(_unify(r.head.args[1:], values, {}) is not None for values in instances)})
    statuses = {}
    for values in instances:
        root, found = _outcomes(builder, grounder, program, predicate, values)
        statuses[values] = d.map(root, _status_of, "status")
    for nid in norms:
        if nid not in deciding:
            out.append({"norm": nid, "reason": "decides-no-row"})
            continue
        info = program.norms[nid]
        if not info.node.exception_to:
            continue
        same = True
        for values in instances:
            root, _found = _outcomes(builder, grounder, program, predicate, values, without=nid)
            if d.map(root, _status_of, "status") != statuses[values]:
                same = False
                break
        if same:
            out.append({"norm": nid, "reason": "exception-changes-nothing"})
    return out


# ---------------------------------------------------------------- --how: what would make it so

HOW_MAX = 10                                        # sets per answer when --max is not given
HOW_TIES = 16                                       # sets of the last size looked at beyond --max, to sort ties
HOW_BUDGET = Budget(entries=1_500_000, seconds=10.0)  # for all the answers of one question together


@dataclass
class HowFound:
    """The sets found for one answer: smallest first; `more` when --max cut the list; `stopped` when
    the budget ran out ("entries" or "seconds"), so the list may be incomplete."""

    sets: list[list[str]]
    fresh: set[str]
    more: bool = False
    stopped: dict | None = None        # {"bound": "entries" | "seconds", "limit": the bound}
    work: int = 0                      # diagram nodes and memo entries made: what the budget counts
    atoms: dict = field(default_factory=dict)   # a fact's text -> (relation, values)


def how(program: ir.Program, kb: KnowledgeBase, predicate: str, values: tuple, status: str,
        case_facts: set[GroundAtom], limit: int | None = None, budget: Budget | None = None,
        deadline: float | None = None, verdicts: dict | None = None, current: str | None = None,
        model=None) -> HowFound:
    """The minimal sets of facts that, added to the case, would give the atom the status; smallest first.

    The case's own facts stay as they are (each is true in the program); every other ground fact a
    case file could state over the persons of the case and one new person per existential is a
    candidate. Minimal: no proper subset gives the status. Bounded by construction: the sets are
    enumerated lazily, smallest first (engine/logic/diagrams.py), at most `limit` of them (HOW_MAX
    when None), and the work stops when the budget (entries, seconds; until `deadline`) is spent.
    `model`: the case's evaluated model (the names it puts in a role are candidates there). `current`: the status the case has now, as evaluated; when it is the status asked, the one minimal set
    is the empty one (and the empty set is never offered for another status: the evaluation decides).
    """
    if current is not None and current == status:
        return HowFound([[]], set())
    limit = limit or HOW_MAX
    budget = budget or HOW_BUDGET
    constants: dict[str, set[str]] = {}
    for relation, vals in case_facts:
        for k, v in enumerate(vals):
            if isinstance(v, str):
                decl = kb.predicates.get(relation)
                constants.setdefault(v, set()).add(decl.parameters[k] if decl and k < decl.arity else f"{relation}#{k}")
    builder = Builder(kb, [program], constants, case_facts, budget=budget, deadline=deadline, grouped=False)
    builder.anchors = {v for v in values if isinstance(v, str)}
    builder.model = model
    if kb.assumables:    # only what a case may still establish (kb `assumable`): evidence, circumstances, contracts
        builder.open_relations &= {ref.norm_id for decl in kb.assumables for ref in decl.predicates}
    for k, v in enumerate(values):
        if isinstance(v, str) and v not in builder.law_values:
            builder.individual(v, {builder.parameter(predicate, k)}, "case")
    found: list[list[str]] = []
    batch: list[frozenset] = []
    more, stopped = False, None
    try:
        grounder = Grounder(builder, program)
        root, _outcome = _outcomes(builder, grounder, program, predicate, values, status_only=True, verdicts=verdicts)
        d = builder.d
        keep = d.true          # no set may make a combination the kb rules out (kb `never`) true
        for k, constraint in enumerate(kb.constraints):
            broken = grounder._join(_named_wildcards(list(constraint.conditions)), 0, {}, f"never:{k}")
            if d.evaluate(broken, lambda v: False) is not True:      # a case already breaking it stays askable
                keep = d.conj(keep, d.neg(broken))
        if current is not None and _status_of(d.evaluate(root, lambda v: False)) != current:
            # the diagrams read the case otherwise than its evaluation: a name of the case in a role that a
            # definition gives another kind (`q(X, G)` over `r(P, F)`) is not a candidate there
            stopped = {"bound": "case", "limit": 0}
        for s in d.smallest_true_sets(root, lambda key: _status_of(key) == status, within=keep):
            if not s and current is not None:      # the case as it is: the evaluation said otherwise
                continue
            if batch and len(s) != len(batch[0]):      # one size at a time, in alphabetical order
                found += _texts(builder, batch)
                batch = []
            if len(found) + len(batch) >= limit + (HOW_TIES if batch or not found else 0):
                more = True                            # a few more of the same size, to sort the ties
                break
            batch.append(s)
    except TooLarge as e:
        stopped = {"bound": e.what, "limit": e.limit}
    found += _texts(builder, batch)
    more = more or len(found) > limit
    fresh = {i.name for i in builder.individuals.values() if i.fresh}
    atoms = {atom_text(*dim): dim for dim in builder.dimensions}
    return HowFound(found[:limit], fresh, more, stopped, len(builder.d.table) + len(builder.d._memo), atoms)


def _texts(builder: Builder, sets: list[frozenset]) -> list[list[str]]:
    out = [sorted(atom_text(*builder.dimensions[v]) for v in s) for s in sets]
    return sorted(out, key=lambda s: (len(s), s))


def how_for_result(result, status: str, limit: int | None = None, budget: Budget | None = None,
                   language: str = "en") -> list[dict]:
    """--how for every answer of a pipeline result: [{"atom", "status", "how": [[fact, ...], ...], "how_read":
    [[the fact in words, ...], ...], "new": [person, ...], "new_names": {person: letter}, "more": bool,
    "stopped": null | {"bound": "entries" | "seconds", "limit": N}}].

    The case is the result's program (the kb's facts, the case's, the assumed ones); a set's facts are
    ground atoms in the public vocabulary, and a person no fact of the case names is listed in "new"; in
    words (`how_read`, in `language`) the persons are named as the case names them and a new person by a
    letter of the reader's alphabet, never by a placeholder.
    One budget bounds all the answers together: once it is spent, the rest are `stopped` with no sets.
    """
    budget = budget or HOW_BUDGET
    deadline = budget_clock() + budget.seconds
    program, kb = result.program, result.kb
    decls = kb.predicates
    case_facts = {(rel, values) for rel, rows in program.facts.items() if rel in decls
                  for values, span in rows.items() if not span.file.endswith(".zan")}
    explainer = Explainer(kb, program, language)
    out = []
    verdicts: dict[str, dict] = {}       # per predicate: the deontic core's verdicts, shared by the answers
    model = evaluated(program, {t.answer.predicate for t in result.traces}).model if result.traces else None
    for t in result.traces:
        a = t.answer
        if budget_clock() > deadline:
            found = HowFound([], set(), stopped={"bound": "seconds", "limit": budget.seconds})
        else:
            found = how(program, kb, a.predicate, a.values, status, case_facts, limit, budget, deadline,
                        verdicts.setdefault(a.predicate, {}), a.status, model)
        named = sorted({name for s in found.sets for fact in s for name in found.fresh if name in found.atoms[fact][1]})
        alphabet = LETTERS.get(language, LETTERS["en"])
        letter = {name: alphabet[k % len(alphabet)] for k, name in enumerate(named)}
        read = [[explainer.reading(found.atoms[f][0], tuple(letter.get(v, v) for v in found.atoms[f][1]))
                 or f for f in s] for s in found.sets]
        out.append({"atom": atom_text(a.predicate, a.values), "status": a.status, "how": found.sets, "how_read": read,
                    "new": named, "new_names": letter, "more": found.more, "stopped": found.stopped,
                    "work": found.work})
    return out


# ---------------------------------------------------------------- general questions

def general(query: n.Query, roles: Sequence[n.Atom], at: datetime.date, kb_dir: Path | None = None,
            assumptions: Sequence[n.Atom] = (), reading: str | None = None, language: str = "en") -> CaseSpace:
    """A question about no named person ("may someone who is p do q with a b?"), answered in general: the
    case space of its atom given what the question says of its persons (the role atoms over its variables,
    e.g. `p(A)`, `b(B)`), at its date."""
    assumed = [a for a in assumptions if not a.variables()]
    return cases(query, at, kb_dir, reading=reading, given=list(roles), assumed=assumed, language=language)


def general_question(text: str, kb_dir: Path | None, language: str):
    """The question in words as a general question (it names no one; what it says of its persons are role
    atoms), understood against the kb without a case; or None when it names someone or is not general."""
    from engine.tools.understanding import Understood, knowledge, understand

    kb = knowledge(kb_dir, None, sample=False)
    found = understand(text, kb, language, general_questions=True)
    if isinstance(found, Understood) and found.roles and not found.names and not found.between:
        return found, kb
    return None


def general_document(understood, kb: KnowledgeBase, at: datetime.date, kb_dir: Path | None = None,
                     language: str = "en", reading: str | None = None) -> dict:
    """A general question's answer as data: the case space's document (persons named by letters) plus
    `question` (as understood) and `conditions` (per atom: the atom in words and its lines in words)."""
    from engine.explain.render.as_cases import conditions
    from engine.tools.understanding import in_words

    space = general(understood.query, understood.roles, understood.at or at, kb_dir,
                    assumptions=understood.assumptions, reading=reading, language=language)
    doc = document(space, language, names=letters(space, language))
    doc["question"] = in_words(understood, kb, language)
    doc["conditions"] = [{"atom_read": atom_read, "lines": lines} for atom_read, lines in conditions(doc, language)]
    cited = [nid for c in understood.according_to for nid in c[2]]
    if cited:   # a provision cited in the question: what its norms did in each row's case (tools/according.py)
        verdicts = according_rows(space, list(dict.fromkeys(cited)), language, names=doc.get("names"))
        for row, said in zip(doc["rows"], verdicts):
            if said is not None:
                row["according_to"] = said
            else:
                row["according_stopped"] = True   # the budget ran out before this row's case was read
    return doc


# ---------------------------------------------------------------- the report as plain data

def _fact(explainer: Explainer, atom: GroundAtom) -> dict:
    relation, values = atom
    return {"atom": atom_text(relation, values), "reading": explainer.reading(relation, values)}


# the persons of a general answer are named by letters of the reader's alphabet ("осужденный А", "лицо Б"),
# never by a variable's English name or a placeholder such as q2
LETTERS = {"en": "ABCDEFGHJKLMNPRSTUVW", "ru": "АБВГДЕЖЗИКЛМНПРСТУФХ", "kk": "АӘБВГҒДЕЖЗИКҚЛМНОӨПР"}
NEW_LETTERS = {**LETTERS, "en": "QRSTUVWXYZ"}     # beside a question's own C, P (Latin), new persons from Q on


def letters(space: CaseSpace, language: str, new_only: bool = False) -> dict[str, str]:
    """A letter for each person of the space: the question's persons first, then the others (with new_only,
    only the new persons and values a norm's existential brings, which have no name a reader wrote)."""
    alphabet = (NEW_LETTERS if new_only else LETTERS).get(language, LETTERS["en"])
    people = ([] if new_only else [i for i in space.individuals.values() if i.origin == "query"]) + \
             [i for i in space.individuals.values() if i.origin != "query" and (i.fresh or not new_only)]
    return {ind.name: alphabet[k] if k < len(alphabet) else f"{alphabet[-1]}{k - len(alphabet) + 2}"
            for k, ind in enumerate(people)}


class _Naming(Explainer):
    """An Explainer whose readings name the persons as `names` says (a general answer's letters)."""

    def __init__(self, kb: KnowledgeBase, program: ir.Program, language: str, names: dict[str, str]):
        super().__init__(kb, program, language)
        self.names = names

    def reading(self, relation: str, values: tuple) -> str | None:
        return super().reading(relation, tuple(self.names.get(v, v) for v in values))


def document(space: CaseSpace, language: str = "en", names: dict[str, str] | None = None) -> dict:
    """The case space as plain data (schema in docs/cases.md); the JSON output is a dump of it.

    `names` (a person -> the name shown, e.g. `letters`) names the persons in the readings (the atoms
    keep the space's own persons)."""
    explainer = _Naming(space.kb, space.programs[0], language, names) if names else \
        Explainer(space.kb, space.programs[0], language)
    other = Explainer(space.kb, space.programs[-1], language)
    individuals = {}
    for ind in space.individuals.values():
        if ind.origin == "query":
            text = word("cases individual query", language, variable=(names or {}).get(ind.name) or ind.variable or ind.name)
        elif ind.origin == "existential":
            info = space.programs[0].norms.get(ind.norm or "")
            cited = explainer.cite_key(info.node.citation) if info and info.node.citation else (ind.norm or "?")
            text = word("cases individual new", language, variable=(names or {}).get(ind.name) or ind.variable or "?",
                        norm=cited)
        else:
            text = word("cases individual case", language)
        individuals[ind.name] = text
    rows, gaps, conflicts, changes, outside = [], [], [], [], []
    for k, r in enumerate(space.rows, 1):
        entry: dict[str, Any] = {
            "holds": [atom_text(*a) for a in r.holds],
            "absent": [atom_text(*a) for a in r.absent],
            "atom": r.atom,
            "atom_read": explainer.reading(r.predicate, r.values) or r.atom,
            "status": r.outcome.status,
            "citations": r.citations,
            "cited_as": [explainer.cite_key(c) for c in r.citations],
            "deciding": explainer.norm_key(r.outcome.deciding),
            "holds_read": [explainer.reading(*a) or atom_text(*a) for a in r.holds],
            "absent_read": [explainer.reading(*a) or atom_text(*a) for a in r.absent],
            "case": [atom_text(*a) for a in r.case],
        }
        if r.otherwise:
            entry["otherwise"] = True
        if r.outcome.ambiguity:
            entry["ambiguity"] = [list(p) for p in r.outcome.ambiguity]
        if r.outcome.scope is not None:
            entry["outside_scope"] = explainer.scope(r.outcome.scope)
        info = space.programs[0].norms.get(r.outcome.deciding) if r.outcome.deciding else None
        if info is not None and info.start is not None and entry["deciding"] is not None:
            entry["deciding"]["in_force_from"] = info.start.isoformat()
        if r.outcome.compliance:
            entry["compliance"] = r.outcome.compliance
        if r.compared is not None:
            entry["compared"] = {"status": r.compared.status, "citations": r.compared_citations,
                                 "cited_as": [other.cite_key(c) for c in r.compared_citations],
                                 "deciding": other.norm_key(r.compared.deciding)}
        rows.append(entry)
        if r.outcome.status == "undetermined" and not r.outcome.ambiguity and r.outcome.scope is None:
            gaps.append(k - 1)
        if r.outcome.scope is not None:
            outside.append(k - 1)
        if r.outcome.ambiguity:
            conflicts.append(k - 1)
        if r.compared is not None and r.compared.status != r.outcome.status:
            changes.append({
                "row": k - 1, "atom": r.atom, "holds": entry["holds"], "absent": entry["absent"],
                "before": r.outcome.status, "after": r.compared.status,
                "causes": [{"kind": c.kind, "change": c.change, "date": c.date.isoformat() if c.date else None,
                            "norm": other.norm_key(c.norm) if c.norm else None, "atom": c.atom,
                            "primary": c.primary} for c in r.causes],
            })
    out: dict[str, Any] = {
        "query": query_text(space.query),
        "at": space.at.isoformat(),
        "individuals": individuals,
        "dimensions": [atom_text(*a) for a in space.dimensions],
        "hit_policy": space.hit_policy,
        **({"names": dict(names)} if names else {}),
        "rows": rows,
        "gaps": gaps,
        "outside_scope": outside,
        "conflicts": conflicts,
        "redundant": [{**r, "norm": explainer.norm_key(r["norm"])} for r in space.redundant],
        "changes": changes,
    }
    if space.compare is not None:
        out["compare"] = space.compare.isoformat()
    if space.reading is not None or space.versus_reading is not None:
        out["reading"] = space.reading
        out["versus_reading"] = space.versus_reading
        if space.reading is None and space.versus_reading is not None:   # the default it is compared with, by name
            out["reading"] = ", ".join(ir.readings_compared(space.kb, None, space.versus_reading)[0]) or None
        out["readings"] = {}
        for name in [*(out["reading"] or "").split(", "), space.versus_reading]:
            decl = space.kb.readings.get(name) if name else None
            if decl is not None:
                out["readings"][name] = {
                    "label": n.label_of(decl.labels, language, name),
                    "supported_by": n.label_of(decl.supported_by, language)
                    or (decl.supported_by[0].text if decl.supported_by else None),
                    "default": decl.default}
    if space.given:
        out["given"] = [atom_text(*a) for a in space.given]
        out["given_read"] = [explainer.reading(*a) or atom_text(*a) for a in space.given]
    if space.assumed or space.retracted:
        out["assumed"] = [atom_text(*a) for a in space.assumed]
        out["retracted"] = [atom_text(*a) for a in space.retracted]
    return out
