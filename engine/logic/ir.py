"""The IR: the knowledge base lowered, at one date, to Datalog rules and facts over named relations.

Deontic conclusions become facts of `norm:p(NormId, ...)` (the norm applies to the atom); the
superiority between conflicting norms (`norms.priority`: exception, rank, date) is kept in
`Program.defeats`, for the defeasible core that decides each atom (`deontic.decide`, engine/logic/defeasible.py);
a predicate's `asked over` becomes `domain:p`, which also holds the ground atoms a question asks
about (`asked:p`): a norm whose conclusion names a variable its conditions do not bind (the isolator's
ban reaches "whoever the other party") is evaluated over `domain:p`, its *guard*, so the candidates
of a question with variables stay bounded while a ground question is always decided.
Every rule keeps the norm it came from and its span, so a proof can always point at the text.
"""

from __future__ import annotations

import datetime
from dataclasses import field
from engine.base.records import dataclass

from engine.base.source import Span
from engine.logic.norms import Defeat, NormInfo, Superiority
from engine.syntax import nodes as n
from engine.syntax.knowledge import KnowledgeBase


# The relations a predicate lowers to, besides its own: `norm:p(NormId, ...)` (a norm applies to the
# atom), `domain:p` (its `asked over` domain) and `asked:p` (the ground atoms a question asks about).
# '<word>:' starts no identifier of the DSL, so these names cannot clash with a predicate's.
NORM, DOMAIN, ASKED = "norm:", "domain:", "asked:"


def norm_relation(predicate: str) -> str:
    """The relation of the norms that apply to an atom of `predicate`: `norm:p(NormId, ...)`."""
    return NORM + predicate


def domain_relation(predicate: str) -> str:
    """The `asked over` domain of `predicate`: the candidates a norm reaching "whoever" is decided for."""
    return DOMAIN + predicate


def asked_relation(predicate: str) -> str:
    """The ground atoms of `predicate` a question asks about (they join its domain)."""
    return ASKED + predicate


def question_relations(*predicates: str) -> set[str]:
    """What answering a question about the predicates needs evaluated: each, its norms and its domain."""
    return {r for p in predicates for r in (p, norm_relation(p), domain_relation(p))}


def concluded(relation: str) -> str | None:
    """The predicate a `norm:p` relation concludes about, else None."""
    return relation[len(NORM):] if relation.startswith(NORM) else None


@dataclass(frozen=True)
class Rule:
    """head <= body, with the norm (if any) whose clause it is."""

    head: n.Atom
    body: tuple[n.Condition, ...]
    norm: str | None
    modality: str | None
    span: Span
    kind: str = "definition"  # definition | norm | domain
    guard: tuple[n.Condition, ...] = ()  # evaluated after the body; never part of a proof (see module doc)

    @property
    def relation(self) -> str:
        return self.head.predicate

    @property
    def evaluated_body(self) -> tuple[n.Condition, ...]:
        """What evaluation joins: the written conditions, then the guard that binds the rest of the head."""
        return self.body + self.guard


# Where a fact comes from: the law (kb/), a case file, or an assumption made for one question
# (`--assume`, a question in words). Recorded per source file as it is loaded (KnowledgeBase.origins).
LAW, CASE, ASSUMPTION = "law", "case", "assumption"


@dataclass
class Program:
    """Datalog at one date: relations with arities, facts with where they were written, rules."""

    at: datetime.date
    arities: dict[str, int] = field(default_factory=dict)
    facts: dict[str, dict[tuple, Span]] = field(default_factory=dict)
    rules: list[Rule] = field(default_factory=list)
    norms: dict[str, NormInfo] = field(default_factory=dict)      # every declared norm
    deontic: set[str] = field(default_factory=set)                # predicates concluded with a modality
    readings: frozenset[str] = frozenset()                        # the readings in force (docs/semantics.md)
    defeats: dict[tuple[str, str], Defeat] | Superiority = field(default_factory=dict)  # (winner, loser) -> why
    # ground atoms written with a date interval, by relation: values -> the first days of their intervals
    # that are not after `at` (events: an obligation is fulfilled by the day its atom happened; deontic.decide)
    occurrences: dict[str, dict[tuple, list[datetime.date]]] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)         # source file -> CASE | ASSUMPTION (else LAW)
    scopes: tuple = ()                                            # what the kb declares it does not encode (n.ScopeDecl)

    def add_fact(self, relation: str, values: tuple, span: Span) -> None:
        self.arities.setdefault(relation, len(values))
        self.facts.setdefault(relation, {}).setdefault(values, span)

    def origin(self, span: Span | None) -> str:
        """LAW, CASE or ASSUMPTION: where the fact written at `span` comes from."""
        return self.origins.get(span.file, LAW) if span is not None else LAW

    def in_force(self, norm_id: str) -> bool:
        info = self.norms.get(norm_id)
        return bool(info and info.in_force(self.at))


def norm_info(kb: KnowledgeBase, norm: n.Norm) -> NormInfo:
    key = norm.act_key
    act = kb.acts.get(key) if key else None
    starts = [i.start for i in (act.in_force if act else None, norm.in_force) if i and i.start]
    ends = [i.end for i in (act.in_force if act else None, norm.in_force) if i and i.end]
    return NormInfo(norm, act, max(starts) if starts else None, min(ends) if ends else None)


def _synthetic(relation: str, args, span: Span) -> n.Atom:
    return n.Atom(relation, tuple(args), span, span)


ARITHMETIC_RELATIONS = ("+", "-", "*", "/", "%")   # the built-in `op(Left, Right, Result)` (engine.logic.model)


def bound_variables(conditions) -> set[str]:
    """Variables bound by positive atoms, by `X = c` / `X = Y` once the other side is bound, and by the
    result of built-in arithmetic once both operands are bound."""
    bound = {v.name for c in conditions if isinstance(c, n.Atom) and c.predicate not in ARITHMETIC_RELATIONS
             for v in c.variables()}
    changed = True
    while changed:
        changed = False
        for c in conditions:
            if isinstance(c, n.Atom) and c.predicate in ARITHMETIC_RELATIONS and len(c.args) == 3:
                operands = [t.name for t in c.args[:2] if isinstance(t, n.Variable)]
                result = c.args[2]
                if all(o in bound for o in operands) and isinstance(result, n.Variable) and result.name not in bound:
                    bound.add(result.name)
                    changed = True
            if isinstance(c, n.Comparison) and c.operator == "=":
                sides = (c.left, c.right)
                for this, other in (sides, sides[::-1]):
                    if isinstance(this, n.Variable) and this.name not in bound and (
                            isinstance(other, n.Constant) or other.name in bound):
                        bound.add(this.name)
                        changed = True
    return bound


def open_head_variables(clause: n.Clause) -> list[str]:
    """The variables of a conclusion that no condition binds: the question binds them (its `asked over` domain)."""
    bound = bound_variables(clause.body)
    return [v.name for v in clause.head.variables() if v.name != "_" and v.name not in bound]


def asked_atoms(atoms) -> list[tuple[str, tuple]]:
    """The atoms without variables, as (predicate, values): what `lower(asked=...)` decides whoever they name."""
    return [(a.predicate, a.ground_values()) for a in atoms if not a.variables()]


def readings_compared(kb: KnowledgeBase, first=None, second=None) -> tuple[list[str], list[str]]:
    """Two sets of readings, as what differs between them: (in force under `first` only, under `second` only),
    so that "the default" is named by its name where only the other reading was chosen."""
    one, two = readings_in_force(kb, first), readings_in_force(kb, second)
    return sorted(one - two), sorted(two - one)


def readings_in_force(kb: KnowledgeBase, chosen=None) -> frozenset[str]:
    """The readings a question is answered under: the defaults, each chosen reading replacing its group.

    `instead of` links alternatives; a group is what those links connect, and choosing a reading
    puts it in force in place of every other reading of its group. Unknown names are an error.
    """
    names = chosen.split(",") if isinstance(chosen, str) else list(chosen or [])  # `--reading a,b`: several
    names = [name.strip() for name in names if name.strip()]
    written = ",".join(names)
    for k, name in enumerate(names):
        if name not in kb.readings:
            from engine.base.diagnostics import Diagnostic, ZanError, did_you_mean
            from engine.base.messages import message

            guess = did_you_mean(name, list(kb.readings))
            known = ", ".join(sorted(kb.readings)) or message("none")
            column = len(",".join(names[:k])) + (2 if k else 1)   # where the name stands in `--reading a,b`
            raise ZanError([Diagnostic("unknown-reading", message("no such reading", name=name, known=known),
                                       Span("<--reading>", 1, column, 1, column + len(name)),
                                       hint=message("did you mean", guess=guess) if guess else None)],
                           sources={"<--reading>": written})
    active = {name for name, decl in kb.readings.items() if decl.default}
    links: dict[str, set[str]] = {name: set() for name in kb.readings}
    for name, decl in kb.readings.items():
        for ref in decl.instead_of:
            if ref.norm_id in links:
                links[name].add(ref.norm_id)
                links[ref.norm_id].add(name)
    for name in names:
        group, stack = set(), [name]
        while stack:
            r = stack.pop()
            if r not in group:
                group.add(r)
                stack += links.get(r, ())
        active = (active - group) | {name}
    return frozenset(active)


def _ground(atom: n.Atom) -> tuple | None:
    """The values of an atom's arguments when they are all constants, else None."""
    values = []
    for term in atom.args:
        if not isinstance(term, n.Constant):
            return None
        values.append(term.value)
    return tuple(values)


def _under(clause: n.Clause, readings: frozenset[str]) -> n.Clause:
    """The clause with the conditions attached to a reading not in force left out."""
    if not clause.conditional:
        return clause
    dropped = {i for i, r in clause.conditional if r not in readings}
    body = tuple(c for i, c in enumerate(clause.body) if i not in dropped)
    return n.Clause(clause.modality, clause.head, body, clause.interval, clause.span, clause.modality_span)


def lower(kb: KnowledgeBase, at: datetime.date, reading=None, asked=()) -> Program:
    """The knowledge base as Datalog at the date `at` (only what is in force then), under the readings
    in force (`reading`: a reading's name or several; None: the defaults).

    asked: the ground atoms the questions are about, as (predicate, values); each joins the `asked over`
    domain of its predicate, so that a norm whose conclusion reaches "whoever" decides it too.
    """
    program = Program(at=at, origins=dict(kb.origins), scopes=tuple(kb.scopes))
    program.readings = readings = readings_in_force(kb, reading)
    for name, declared in kb.predicates.items():
        program.arities[name] = declared.arity
    program.norms = {nid: norm_info(kb, norm) for nid, norm in kb.norms.items()}

    facts, arities, row = program.facts, program.arities, n.PlainFact
    for clause in kb.clauses:
        values: tuple | None
        if clause.__class__ is row:   # a case's fact kept as a row (a register's many): no nodes read
            values = clause.values   # type: ignore[attr-defined]
            if clause.interval is None:   # Program.add_fact, without a call (most of a register's facts)
                predicate = clause.predicate
                held = facts.get(predicate)
                if held is None:
                    arities.setdefault(predicate, len(values))
                    held = facts[predicate] = {}
                if values not in held:
                    held[values] = clause.span
                continue
        else:
            values = _ground(clause.head) if clause.is_fact else None   # a fact's values (once each)
        if clause.interval is not None and values is not None \
                and clause.interval.start is not None and clause.interval.start <= at:
            program.occurrences.setdefault(clause.predicate, {}).setdefault(values, []).append(clause.interval.start)
        if clause.interval is not None and not clause.interval.contains(at):
            continue
        if values is not None:
            program.add_fact(clause.predicate, values, clause.span)
            continue
        clause = _under(clause, readings)
        if clause.is_fact and not clause.head.variables():
            program.add_fact(clause.head.predicate, clause.head.ground_values(), clause.span)
        elif clause.modality is None:
            program.arities.setdefault(clause.head.predicate, clause.head.arity)  # `every:...` (n.Universal)
            program.rules.append(Rule(clause.head, clause.body, None, None, clause.span))

    for nid, info in sorted(program.norms.items()):
        written = info.node.clause
        if written is None or not info.in_force(at):
            continue
        if info.node.readings and not any(r.norm_id in readings for r in info.node.readings):
            continue
        clause = _under(written, readings)
        if clause.interval is not None and not clause.interval.contains(at):
            continue
        if clause.modality is None:
            program.rules.append(Rule(clause.head, clause.body, nid, None, clause.span))
            continue
        predicate = clause.head.predicate
        program.deontic.add(predicate)
        head = _synthetic(norm_relation(predicate), (n.Constant(nid, info.node.id_span),) + clause.head.args, clause.head.span)
        program.arities[head.predicate] = len(head.args)
        guard: tuple[n.Atom, ...] = ()
        decl = kb.predicates.get(predicate)
        if decl is not None and decl.domain is not None and open_head_variables(clause):
            guard = (_synthetic(domain_relation(predicate), clause.head.args, clause.head.span),)
        program.rules.append(Rule(head, clause.body, nid, clause.modality, clause.span, kind="norm", guard=guard))

    program.defeats = Superiority(program.norms, at)  # each pair decided when a question asks (near-linear)
    for name, decl in sorted(kb.predicates.items()):
        if decl.domain is not None:
            span = decl.domain_span or decl.span
            head = _synthetic(domain_relation(name), [n.Variable(p, span) for p in decl.parameters], span)
            program.arities[head.predicate] = decl.arity
            program.rules.append(Rule(head, decl.domain, None, None, span, kind="domain"))
    for predicate, values in asked:
        decl = kb.predicates.get(predicate)
        if decl is None or decl.domain is None or len(values) != decl.arity:
            continue
        span = decl.domain_span or decl.span
        if asked_relation(predicate) not in program.facts:
            variables = [n.Variable(p, span) for p in decl.parameters]
            program.rules.append(Rule(_synthetic(domain_relation(predicate), variables, span),
                                      (_synthetic(asked_relation(predicate), variables, span),), None, None, span, kind="domain"))
        program.add_fact(asked_relation(predicate), tuple(values), span)
    return program
