"""Mutation testing of the law (`zan test --mutate`): would the scenarios notice a careless edit?

A mutant is the knowledge base with one change that a careless author or a wrong reading of the law
would make: an `exception to` dropped, two acts' ranks swapped, an in-force date moved by a day,
permitted and prohibited flipped, a condition dropped or negated, a constant (a value, a
person's role) replaced by another that stands in the same place elsewhere in the law. The scenarios
are run on each mutant; a mutant is killed when some expectation fails. A survivor is a missing
scenario or dead law; where the change cannot alter any answer it is an equivalent mutant, to be
explained in the scenarios' notes.

Speed: mutants are made on the parsed and checked AST (nothing is parsed again); each scenario's
knowledge base (law + its facts) is built once and a mutant replaces only the norms or acts it
changes; only the expectations whose predicate depends on what the mutant changes are run, those
that used the changed norm first, and a mutant stops at its first failing expectation. A mutant the
static checks reject (an unsafe variable, a cycle through negation) is *stillborn*: reported, not
scored, as `zan check` would catch it before any scenario.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
import random
from dataclasses import field
from engine.base.records import dataclass
from typing import Callable, Sequence

from engine.base.diagnostics import errors
from engine.base.messages import message, say
from engine.base.source import Span
from engine.checks import declarations, names, safety, stratification, validity
from engine.logic import ir
from engine.pipeline import evaluated
from engine.logic.norms import conflicting
from engine.syntax import nodes as n
from engine.syntax.knowledge import KnowledgeBase
from engine.tools.scenarios import Expectation, Run, Runner, Scenario, by_date, outcome, proof_norms, why_nots

MAX_MUTANTS = 1000   # the most one run makes on its own: beyond, a seeded sample of this many (and the report says so)

KINDS = ("drop-exception", "swap-ranks", "move-in-force", "flip-modality", "drop-condition", "negate-condition",
         "change-constant")
FLIPS = {"permitted": "prohibited", "prohibited": "permitted", "discretionary": "permitted", "obligatory": "permitted"}
NEGATED = {"=": "!=", "!=": "=", "<": ">=", ">=": "<", ">": "<=", "<=": ">"}
STATIC_CHECKS = (declarations, names, safety, stratification, validity)


@dataclass(frozen=True)
class Mutant:
    kind: str
    subject: str                                  # the norm id or act key changed
    description: str
    span: Span
    before: tuple[str, ...]                       # the text changed, before and after (for the diff)
    after: tuple[str, ...]
    norms: tuple[tuple[str, n.Norm], ...] = ()    # replacements
    acts: tuple[tuple[str, n.Act], ...] = ()
    touched: frozenset[str] = frozenset()         # the predicates whose rules change

    def diff(self) -> str:
        return "\n".join([f"--- {self.span.file}:{self.span.line}", *(f"-{l}" for l in self.before),
                          *(f"+{l}" for l in self.after)])

    def apply(self, kb: KnowledgeBase) -> KnowledgeBase:
        mutated = copy.copy(kb)
        if self.norms:
            mutated.norms = {**kb.norms, **dict(self.norms)}
        if self.acts:
            mutated.acts = {**kb.acts, **dict(self.acts)}
        return mutated


# ------------------------------------------------------------------ making mutants

def clause_text(clause: n.Clause) -> list[str]:
    head = (f"{clause.modality} " if clause.modality else "") + str(clause.head)
    if not clause.body:
        return [head + "."]
    lines = [head] + [f"  {'if' if i == 0 else 'and'} {c}" for i, c in enumerate(clause.body)]
    lines[-1] += "."
    return lines


def _with_clause(norm: n.Norm, clause: n.Clause) -> n.Norm:
    return dataclasses.replace(norm, clause=clause)


def _refs(refs: Sequence[n.Reference]) -> str:
    return ", ".join(r.norm_id for r in refs)


def _predicates_of_act(kb: KnowledgeBase, key: str) -> frozenset[str]:
    return frozenset(norm.clause.head.predicate for norm in kb.norms.values()
                     if norm.clause is not None and norm.act_key == key)


def _alternatives(kb: KnowledgeBase) -> dict[tuple[str, int], list]:
    """For each (predicate, argument position), the constants written there anywhere in the law."""
    found: dict[tuple[str, int], set] = {}

    def atoms(clause: n.Clause):
        yield clause.head
        for c in clause.body:
            if isinstance(c, n.Atom):
                yield c
            elif isinstance(c, n.Negation):
                yield c.atom

    for clause, _norm in kb.all_clauses():
        for atom in atoms(clause):
            for i, term in enumerate(atom.args):
                if isinstance(term, n.Constant) and isinstance(term.value, str):
                    found.setdefault((atom.predicate, i), set()).add(term.value)
    return {k: sorted(v) for k, v in found.items()}


def mutants(kb: KnowledgeBase) -> list[Mutant]:
    """Every mutant of the law in `kb`, in a stable order."""
    out: list[Mutant] = []
    alternatives = _alternatives(kb)
    for nid, norm in sorted(kb.norms.items()):
        clause = norm.clause
        head = frozenset({clause.head.predicate}) if clause is not None else frozenset()
        for ref in norm.exception_to:
            kept = tuple(r for r in norm.exception_to if r is not ref)
            out.append(Mutant("drop-exception", nid, message("mutant drop-exception", norm=nid, general=ref.norm_id), ref.span,
                              (f"  exception to {_refs(norm.exception_to)}",),
                              (f"  exception to {_refs(kept)}",) if kept else (),
                              norms=((nid, dataclasses.replace(norm, exception_to=kept)),), touched=head))
        if norm.in_force is not None and norm.in_force.start is not None and clause is not None:
            act = kb.acts.get(norm.act_key) if norm.act_key else None
            act_start = act.in_force.start if act is not None and act.in_force is not None else None
            out += _moved(nid, norm, norm.in_force, lambda i: dataclasses.replace(norm, in_force=i), head, "norms",
                          not_before=act_start)
        if clause is None:
            continue
        if clause.modality in FLIPS:
            flipped = dataclasses.replace(clause, modality=FLIPS[clause.modality])
            out.append(Mutant("flip-modality", nid, message("mutant flip-modality", norm=nid, new=flipped.modality,
                                                                old=clause.modality),
                              clause.modality_span or clause.span, tuple(clause_text(clause)),
                              tuple(clause_text(flipped)), norms=((nid, _with_clause(norm, flipped)),), touched=head))
        for i, c in enumerate(clause.body):
            # conditions attached to a reading are counted by their index: the later ones move up one
            conditional = tuple((j - (j > i), r) for j, r in clause.conditional if j != i)
            dropped = dataclasses.replace(clause, body=clause.body[:i] + clause.body[i + 1:], conditional=conditional)
            out.append(Mutant("drop-condition", nid, message("mutant drop-condition", norm=nid, position=i + 1, condition=c), c.span,
                              tuple(clause_text(clause)), tuple(clause_text(dropped)),
                              norms=((nid, _with_clause(norm, dropped)),), touched=head))
            if isinstance(c, n.Atom):
                negated: n.Condition = n.Negation(c, c.span)
            elif isinstance(c, n.Negation):
                negated = c.atom
            else:
                negated = dataclasses.replace(c, operator=NEGATED[c.operator])
            changed = dataclasses.replace(clause, body=clause.body[:i] + (negated,) + clause.body[i + 1:])
            out.append(Mutant("negate-condition", nid, message("mutant negate-condition", norm=nid, position=i + 1,
                                                                   condition=negated), c.span,
                              tuple(clause_text(clause)), tuple(clause_text(changed)),
                              norms=((nid, _with_clause(norm, changed)),), touched=head))
        out += _constants(nid, norm, clause, alternatives, head)
    out += _rank_swaps(kb)
    for key, act in sorted(kb.acts.items()):
        # an act none of whose norms concludes anything: its date cannot change an answer
        if act.in_force is not None and act.in_force.start is not None and _predicates_of_act(kb, key):
            out += _moved(key, act, act.in_force, lambda i, act=act: dataclasses.replace(act, in_force=i),
                          _predicates_of_act(kb, key), "acts")
    return out


def _moved(subject: str, node, interval: n.Interval, rebuild: Callable, touched: frozenset[str], table: str,
           not_before: datetime.date | None = None) -> list[Mutant]:
    """The first day a day earlier and a day later; not earlier than the act's own first day, which bounds the
    norm's (ir.norm_info), so that move could change nothing."""
    first = interval.start
    assert first is not None, "only an interval with a first day is moved"
    found = []

    def move(changed: n.Interval, key: str, day: datetime.date, days: int) -> None:
        moved = rebuild(changed)
        when = message("a day earlier" if days < 0 else "a day later")
        found.append(Mutant("move-in-force", subject, message(key, subject=subject, date=day, when=when),
                            interval.span, (f"  in force {_interval_text(interval)}",),
                            (f"  in force {_interval_text(moved_interval(moved))}",), touched=touched,
                            **{table: ((subject, moved),)}))

    last = interval.end
    for days in (-1, 1):
        start = first + datetime.timedelta(days=days)
        if (last is None or start <= last) and (not_before is None or start >= not_before):
            move(dataclasses.replace(interval, start=start), "mutant starts", start, days)
    for days in (-1, 1):  # the last day, too
        end = last + datetime.timedelta(days=days) if last is not None else None
        if end is not None and end >= first:
            move(dataclasses.replace(interval, end=end), "mutant ends", end, days)
    return found


def moved_interval(node) -> n.Interval:
    return node.in_force


def _interval_text(interval: n.Interval) -> str:
    assert interval.start is not None, "only an interval with a first day is moved"
    return f"from {interval.start.isoformat()}" + (f" to {interval.end.isoformat()}" if interval.end else "")


def _rank_swaps(kb: KnowledgeBase) -> list[Mutant]:
    """Two acts' ranks swapped, for every two acts of different rank with norms that conflict (the only
    pairs whose order lex superior ever consults: other swaps cannot change an answer)."""
    sides: dict[str, set[tuple[str, str]]] = {}
    for norm in kb.norms.values():
        if norm.clause is not None and norm.clause.modality and norm.act_key in kb.acts:
            sides.setdefault(norm.act_key, set()).add((norm.clause.head.predicate, norm.clause.modality))
    ranked = sorted((a for a in kb.acts.values() if a.rank is not None), key=lambda a: (-(a.rank or 0), a.key))
    found = []
    for i, upper in enumerate(ranked):
        for lower in ranked[i + 1:]:
            if upper.rank == lower.rank or not any(
                    p == q and conflicting(m, o) for p, m in sides.get(upper.key, ()) for q, o in sides.get(lower.key, ())):
                continue
            found.append(Mutant(
                "swap-ranks", f"{upper.key}/{lower.key}",
                message("mutant swap-ranks", upper=upper.key, lower=lower.key, a=upper.rank, b=lower.rank),
                upper.key_span, (f"act {upper.key} ... rank {upper.rank}", f"act {lower.key} ... rank {lower.rank}"),
                (f"act {upper.key} ... rank {lower.rank}", f"act {lower.key} ... rank {upper.rank}"),
                acts=((upper.key, dataclasses.replace(upper, rank=lower.rank)),
                      (lower.key, dataclasses.replace(lower, rank=upper.rank))),
                touched=_predicates_of_act(kb, upper.key) | _predicates_of_act(kb, lower.key)))
    return found


def _constants(nid: str, norm: n.Norm, clause: n.Clause, alternatives: dict, touched: frozenset[str]) -> list[Mutant]:
    found = []

    def replace_in(atom: n.Atom, i: int, value) -> n.Atom:
        args = list(atom.args)
        args[i] = n.Constant(value, atom.args[i].span)
        return dataclasses.replace(atom, args=tuple(args))

    places: list[tuple[int | None, n.Atom]] = [(None, clause.head)]
    for position, c in enumerate(clause.body):
        if isinstance(c, n.Atom):
            places.append((position, c))
        elif isinstance(c, n.Negation):
            places.append((position, c.atom))
    for place, atom in places:
        for i, term in enumerate(atom.args):
            if not (isinstance(term, n.Constant) and isinstance(term.value, str)):
                continue
            others = [v for v in alternatives.get((atom.predicate, i), []) if v != term.value]
            if not others:
                continue
            new_atom = replace_in(atom, i, others[0])
            if place is None:
                changed = dataclasses.replace(clause, head=new_atom)
            else:
                old = clause.body[place]
                new = n.Negation(new_atom, old.span) if isinstance(old, n.Negation) else new_atom
                changed = dataclasses.replace(clause, body=clause.body[:place] + (new,) + clause.body[place + 1:])
            found.append(Mutant("change-constant", nid, message("mutant change-constant", norm=nid, new=others[0], old=term.value),
                                term.span, tuple(clause_text(clause)), tuple(clause_text(changed)),
                                norms=((nid, _with_clause(norm, changed)),), touched=touched))
    return found


# ------------------------------------------------------------------ running the scenarios on them

@dataclass
class Case:
    """One scenario at one date: its knowledge base built once, the expectations, what they read."""

    scenario: Scenario
    at: datetime.date
    kb: KnowledgeBase
    expectations: list[Expectation]
    predicates: set[str]                    # what the expectations ask about (one evaluation for all)
    used: set[str]                          # norms the passing run's traces mention (tried first)
    readings: tuple[str, ...] | None = None


@dataclass
class Result:
    mutant: Mutant
    status: str                             # killed | survived | stillborn
    by: str | None = None                   # what killed it: the expectation, or the check


@dataclass
class Report:
    results: list[Result] = field(default_factory=list)
    total_made: int = 0
    capped: bool = False                    # more than MAX_MUTANTS were made and no --sample given

    @property
    def scored(self) -> list[Result]:
        return [r for r in self.results if r.status != "stillborn"]

    @property
    def killed(self) -> list[Result]:
        return [r for r in self.results if r.status == "killed"]

    @property
    def survivors(self) -> list[Result]:
        return [r for r in self.results if r.status == "survived"]

    @property
    def percent(self) -> float:
        return 100.0 * len(self.killed) / len(self.scored) if self.scored else 100.0


def _dependencies(kb: KnowledgeBase) -> dict[str, set[str]]:
    """predicate -> the predicates its rules read (norm conclusions, definitions, `asked over`)."""
    graph: dict[str, set[str]] = {}
    for clause, _norm in kb.all_clauses():
        reads = graph.setdefault(clause.head.predicate, set())
        for c in clause.body:
            if isinstance(c, n.Atom):
                reads.add(c.predicate)
            elif isinstance(c, n.Negation):
                reads.add(c.atom.predicate)
    for name, decl in kb.predicates.items():
        for c in decl.domain or ():
            if isinstance(c, n.Atom):
                graph.setdefault(name, set()).add(c.predicate)
    return graph


def _closure(graph: dict[str, set[str]], root: str) -> frozenset[str]:
    seen, stack = {root}, [root]
    while stack:
        for p in graph.get(stack.pop(), ()):
            if p not in seen:
                seen.add(p)
                stack.append(p)
    return frozenset(seen)


def prepare(runner: Runner, run: Run) -> list[Case]:
    """The cases of a passing run, each with its knowledge base built once."""
    cases = []
    used_by: dict[tuple[str, datetime.date], set[str]] = {}
    for o in run.outcomes:
        names_used = used_by.setdefault((o.scenario.name, o.at), set())
        if o.trace is not None:
            names_used |= set(proof_norms(o.trace)) | set(o.trace.answer.applicable)
            names_used |= {w.norm for w, _ in why_nots(o.trace) if w.norm}
    for file in run.files:
        for scenario in file.scenarios:
            kb = runner.scenario_knowledge(file, scenario, dict(run.sources))
            for at, expectations in by_date(scenario).items():
                predicates = {e.atom.predicate for e in expectations}
                cases.append(Case(scenario, at, kb, expectations, predicates, used_by.get((scenario.name, at), set()),
                                  runner.readings_of(scenario)))
    return cases


def _stillborn(law: KnowledgeBase, mutant: Mutant) -> str | None:
    mutated = mutant.apply(law)
    for check in STATIC_CHECKS:
        found = errors(check.check(mutated))
        if found:
            return message("stillborn by", message=found[0].message, code=found[0].code)
    return None


def run_mutant(mutant: Mutant, cases: Sequence[Case], graph: dict[str, set[str]], closures: dict) -> Result:
    """Runs the affected expectations on the mutant, those that used the changed norm first; the first failure kills."""
    subject = mutant.subject
    ordered = sorted(cases, key=lambda c: subject not in c.used)
    for case in ordered:
        affected = [e for e in case.expectations
                    if mutant.touched & closures.setdefault(e.atom.predicate, _closure(graph, e.atom.predicate))]
        if not affected:
            continue
        kb = mutant.apply(case.kb)
        try:
            program = ir.lower(kb, case.at, reading=case.readings, asked=ir.asked_atoms(e.atom for e in affected))
            done = evaluated(program, case.predicates, many=True)
            for e in affected:
                o = outcome(case.scenario, e, case.at, done, kb)
                if not o.passed:
                    return Result(mutant, "killed", message("killed at", scenario=case.scenario.name, atom=e.atom,
                                                            date=case.at, what=o.mismatches[0].what))
        except Exception as error:  # a mutant that breaks the evaluation is noticed, hence killed
            return Result(mutant, "killed", message("evaluation failed", scenario=case.scenario.name,
                                                    error=type(error).__name__))
    return Result(mutant, "survived")


def mutate(runner: Runner, run: Run, sample: int | None = None, seed: int = 0,
           progress: Callable[[int, int], None] | None = None) -> Report:
    """Makes the mutants of the runner's law, runs the passing run's scenarios on each, and scores them."""
    law = runner.knowledge()
    made = mutants(law)
    chosen = made
    capped = sample is None and len(made) > MAX_MUTANTS
    if capped:   # a large (or hostile) kb: the work stays bounded, and the report says it is a sample
        sample = MAX_MUTANTS
    if sample is not None and sample < len(made):
        chosen = sorted(random.Random(seed).sample(made, sample), key=made.index)
    cases = prepare(runner, run)
    graph = _dependencies(law)
    closures: dict[str, frozenset[str]] = {}
    report = Report(total_made=len(made), capped=capped)
    for i, mutant in enumerate(chosen):
        why = _stillborn(law, mutant)
        report.results.append(Result(mutant, "stillborn", why) if why else run_mutant(mutant, cases, graph, closures))
        if progress:
            progress(i + 1, len(chosen))
    return report


def render(report: Report, verbose: bool = False, language: str = "en") -> str:
    """The survivors with their diffs (every mutant, verbose), the score and the score per kind, in the reader's
    language (the kinds are the identifiers they are in every language)."""
    scored = report.scored
    lines = []
    for r in report.survivors:
        lines += [f"{r.mutant.span}: " + message("mutant survived", language, kind=r.mutant.kind,
                                                 description=say(r.mutant.description, language)),
                  *("  " + line for line in r.mutant.diff().splitlines())]
    if verbose:
        for r in report.results:
            if r.status != "survived":
                lines.append(f"{r.mutant.span}: " + message("mutant " + r.status, language, kind=r.mutant.kind,
                                                            description=say(r.mutant.description, language),
                                                            by=say(r.by, language)))
    kinds: dict[str, list[int]] = {}
    for r in scored:
        k = kinds.setdefault(r.mutant.kind, [0, 0])
        k[0] += r.status == "killed"
        k[1] += 1
    lines.append(message("mutation score", language, percent=f"{report.percent:.1f}", killed=len(report.killed), scored=len(scored))
                 + (message("mutation stillborn", language, count=len(report.results) - len(scored))
                    if len(scored) < len(report.results) else "")
                 + (message("mutation sample", language, count=len(report.results), total=report.total_made)
                    if len(report.results) < report.total_made else "")
                 + (message("mutation capped", language) if report.capped else "")
                 + ")")
    for kind in KINDS:
        if kind in kinds:
            lines.append(f"  {kind + ':':18} {kinds[kind][0]}/{kinds[kind][1]}")
    return "\n".join(lines) + "\n"
