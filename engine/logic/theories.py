"""Defeasible theories as the conformance suites pose them (engine/conformance.py): a theory's facts and rules
grounded by Datalog, then answered under a policy (`reason`), and the KLM properties of the closures.

A theory's facts and rules are evaluated twice by the chosen evaluator (`engine.logic.evaluator`; pyDatalog by
default): the strict part gives what holds definitely (+Δ), and all strict and defeasible rules together give
every literal that could be supported; the rules are then instantiated over that model (`engine.logic.matching`)
and the defeasible core's proof conditions (engine/logic/defeasible.py, `Reasoner`) run over the ground instances.
Policies: `blocking` (ambiguity blocking), `propagating` (ambiguity propagation: an attacker counts when its body
is merely supported), `rational_closure` and `lexicographic_closure` (the KLM-style closures, on the materialised
ground theory); `RelevantClosure` decides the KLM property Or for relevant closure.

Literals `~p(...)` (strong negation) are relations of their own, named `neg:p` for the evaluator.
This module serves the conformance suites only: the knowledge base asks the core alone (`defeasible.decide`).
"""

from __future__ import annotations

import datetime
import itertools
from typing import Iterable

from engine.syntax import nodes as n
from engine.logic.defeasible import DefeasibleRule, Grounding, Instance, Literal, Reasoner, Theory, complement, literal_key
from engine.logic.evaluator import evaluate
from engine.logic.ir import Program, Rule
from engine.logic.matching import Index, ground, solutions
from engine.base.source import Span

POLICIES = ("blocking", "propagating", "rational_closure", "lexicographic_closure")
SECTIONS = ("definitely", "defeasibly", "not_defeasibly", "undecided")


def relation(predicate: str) -> str:
    """The evaluator's name for a literal's predicate (pyDatalog reads a leading '~' as negation)."""
    return "neg:" + predicate[1:] if predicate.startswith("~") else predicate


def predicate_of(relation_name: str) -> str:
    return "~" + relation_name[4:] if relation_name.startswith("neg:") else relation_name



# ------------------------------------------------------------------------------------------ grounding

def _program(theory: Theory, rules: Iterable[DefeasibleRule]) -> Program:
    program = Program(at=datetime.date(2000, 1, 1))
    span = Span("<theory>", 1, 1)
    for predicate, rows in theory.facts.items():
        for row in rows:
            program.add_fact(relation(predicate), tuple(row), span)
    for rule in rules:
        head = _renamed(rule.head)
        program.arities.setdefault(head.predicate, head.arity)
        body = []
        for c in rule.body:
            if isinstance(c, n.Atom):
                c = _renamed(c)
                program.arities.setdefault(c.predicate, c.arity)
            elif isinstance(c, n.Negation):
                c = n.Negation(_renamed(c.atom), c.span)
                program.arities.setdefault(c.atom.predicate, c.atom.arity)
            body.append(c)
        program.rules.append(Rule(head, tuple(body), rule.id, None, head.span))
    return program


def _renamed(atom: n.Atom) -> n.Atom:
    from engine.logic.model import ARITHMETIC
    if atom.predicate in ARITHMETIC:
        return atom
    return n.Atom(relation(atom.predicate), atom.args, atom.span, atom.predicate_span)


def _literals(model_relations: dict[str, set[tuple]]) -> set[Literal]:
    return {(predicate_of(r), row) for r, rows in model_relations.items() for row in rows}



def ground_theory(theory: Theory) -> Grounding:
    """+Δ, the supported literals and the rule instances whose bodies are supported."""
    strict = [r for r in theory.rules if r.kind == "strict"]
    deriving = [r for r in theory.rules if r.kind != "defeater"]
    definite_model = evaluate(_program(theory, strict))
    definite = _literals(definite_model.relations)
    if len(deriving) == len(strict) and len(deriving) == len(theory.rules):
        supported_model = definite_model
    else:
        supported_model = evaluate(_program(theory, deriving))
    supported = _literals(supported_model.relations)
    index = Index(supported_model)
    instances: list[Instance] = []
    universe = set(supported)
    for rule in theory.rules:
        head = _renamed(rule.head)
        body = tuple(_renamed(c) if isinstance(c, n.Atom) else
                     n.Negation(_renamed(c.atom), c.span) if isinstance(c, n.Negation) else c for c in rule.body)
        if not head.variables():
            universe.add((rule.head.predicate, head.ground_values()))
        for binding in solutions(body, {}, index):
            head_values = ground(head, binding)
            if any(v is None for v in head_values):
                continue
            positives = tuple((predicate_of(c.predicate), ground(c, binding)) for c in body
                              if isinstance(c, n.Atom) and c.predicate not in _builtins())
            instances.append(Instance(rule.id, rule.kind, (rule.head.predicate, head_values), positives, rule.mode))
            universe.add((rule.head.predicate, head_values))
    universe |= {(complement(p), v) for p, v in universe}
    return Grounding(definite, supported, instances, universe)


def _builtins():
    from engine.logic.model import ARITHMETIC
    return ARITHMETIC



# ------------------------------------------------------------------------------------------ closures

class Closure:
    """Rational and lexicographic closure (KLM) over the ground theory, its defaults materialised.

    Entailment is forward chaining over literals; a set is inconsistent when it holds q and ~q.
    """

    def __init__(self, grounding: Grounding):
        self.strict = [i for i in grounding.instances if i.kind == "strict"]
        self.defaults = sorted({i for i in grounding.instances if i.kind == "defeasible"},
                               key=lambda i: (i.rule, literal_key(i.head)))
        self.ranks = self._rank()

    def chase(self, facts: Iterable[Literal], defaults: Iterable[Instance]) -> set[Literal]:
        known = set(facts)
        rules = self.strict + list(defaults)
        changed = True
        while changed:
            changed = False
            for r in rules:
                if r.head not in known and all(b in known for b in r.body):
                    known.add(r.head)
                    changed = True
        return known

    @staticmethod
    def consistent(literals: set[Literal]) -> bool:
        return not any((complement(p), v) in literals for p, v in literals)

    def _rank(self) -> list[list[Instance]]:
        ranks, remaining = [], list(self.defaults)
        while remaining:
            exceptional = [d for d in remaining if not self.consistent(self.chase(d.body, remaining))]
            if len(exceptional) == len(remaining):
                ranks.append(remaining)  # infinite rank: kept in every step, as a classical statement
                break
            ranks.append([d for d in remaining if d not in exceptional])
            remaining = exceptional
        return ranks

    def rational(self, facts: set[Literal]) -> set[Literal]:
        for i in range(len(self.ranks) + 1):
            used = [d for rank in self.ranks[i:] for d in rank]
            closure = self.chase(facts, used)
            if self.consistent(closure):
                return closure
        return self.chase(facts, [])

    def lexicographic(self, facts: set[Literal], limit: int = 16) -> set[Literal]:
        selections: list[list[Instance]] = [[]]
        for rank in reversed(self.ranks):
            if len(rank) > limit:
                raise ValueError("the theory is too large for the lexicographic closure")
            best = -1
            chosen: list[list[Instance]] = []   # the largest consistent selections with this rank, so far
            for selection in selections:
                for size in range(len(rank), -1, -1):
                    if size < best:
                        break
                    for subset in itertools.combinations(rank, size):
                        candidate = selection + list(subset)
                        if self.consistent(self.chase(facts, candidate)):
                            if size > best:
                                best, chosen = size, []
                            chosen.append(candidate)
                    if best == size:
                        break
            selections = chosen or selections
        closures = [self.chase(facts, s) for s in selections]
        return set.intersection(*closures) if closures else self.chase(facts, [])


class RelevantClosure:
    """Basic relevant closure (Casini, Meyer, Moodley, Nortjé 2014) of a ground theory, by truth tables.

    Rules are read classically (a default `body -> head` as the material implication); formulas are
    sets of valuations, kept as bitsets over the 2^n valuations of the theory's n atoms. Defaults get
    their base rank (rational closure's ranking by exceptionality). A justification for α is a
    minimal set of defaults that, with the strict part, entails ¬α; the defaults in some
    justification are *relevant* to α. α |~ β when the strict part, every irrelevant default and
    the relevant defaults of rank i and above entail α → β, for the least i that leaves α consistent.
    Only relevant defaults are given up, which is what loses Or (Morris 2020, appendix C.2).
    """

    def __init__(self, theory: Theory, limit: int = 14):
        ground = []
        for rule in theory.rules:
            atoms = [rule.head] + [c for c in rule.body if isinstance(c, n.Atom)]
            if len(atoms) != len(rule.body) + 1 or any(a.variables() for a in atoms):
                raise NotImplementedError("relevant closure is decided for ground theories of positive bodies")
            ground.append((rule, (rule.head.predicate, rule.head.ground_values()),
                           [(a.predicate, a.ground_values()) for a in atoms[1:]]))
        facts = [(p, tuple(row)) for p, rows in theory.facts.items() for row in rows]
        names = sorted({(p.lstrip("~"), v) for _r, h, b in ground for p, v in [h, *b]} |
                       {(p.lstrip("~"), v) for p, v in facts}, key=literal_key)
        if len(names) > limit or sum(r.kind == "defeasible" for r, _h, _b in ground) > limit:
            raise ValueError("the theory is too large for the relevant closure")
        self.atoms = {name: i for i, name in enumerate(names)}
        size = 1 << len(names)
        self.full = (1 << size) - 1
        self._true = [sum(1 << v for v in range(size) if v >> i & 1) for i in range(len(names))]
        self.strict = self.full
        for fact in facts:
            self.strict &= self.literal(fact)
        defaults = []
        for rule, head, body in ground:
            if rule.kind == "defeater":
                continue            # a defeater concludes nothing: no classical reading
            if rule.kind == "strict":
                self.strict &= self.implication(body, head)
            else:
                defaults.append((rule.id, self.conjunction(body), self.implication(body, head)))
        self.defaults = defaults
        self.rank: dict[str, int] = {}
        remaining, i = list(defaults), 0
        while remaining:
            known = self.meet(d[2] for d in remaining)
            exceptional = [d for d in remaining if self.entails(known, self.full ^ d[1])]
            if len(exceptional) == len(remaining):          # infinite rank: classical
                self.strict &= known
                break
            for d in remaining:
                if d not in exceptional:
                    self.rank[d[0]] = i
            remaining, i = exceptional, i + 1
        self.ranked = [d for d in defaults if d[0] in self.rank]
        self.levels = i
        self._justified: dict[int, frozenset] = {}

    def literal(self, literal: Literal) -> int:
        p, v = literal
        mask = self._true[self.atoms[(p.lstrip("~"), v)]]
        return self.full ^ mask if p.startswith("~") else mask

    def conjunction(self, literals) -> int:
        return self.meet(self.literal(x) for x in literals)

    def implication(self, body, head) -> int:
        return (self.full ^ self.conjunction(body)) | self.literal(head)

    def meet(self, masks) -> int:
        out = self.full
        for m in masks:
            out &= m
        return out

    def entails(self, premises: int, formula: int) -> bool:
        return premises & (self.full ^ formula) == 0

    def relevant(self, alpha: int) -> frozenset:
        """The defaults in some justification for α (minimal sets entailing ¬α with the strict part)."""
        if alpha not in self._justified:
            found: list[frozenset] = []
            ids = [d[0] for d in self.ranked]
            masks = {d[0]: d[2] for d in self.ranked}
            for size in range(len(ids) + 1):
                for subset in itertools.combinations(ids, size):
                    chosen = frozenset(subset)
                    if any(j <= chosen for j in found):
                        continue
                    if self.entails(self.strict & self.meet(masks[x] for x in subset), self.full ^ alpha):
                        found.append(chosen)
            self._justified[alpha] = frozenset().union(*found)
        return self._justified[alpha]

    def follows(self, alpha: int, beta: int) -> bool:
        """α |~ β in the basic relevant closure (α, β as sets of valuations)."""
        relevant = self.relevant(alpha)
        kept = self.strict & self.meet(d[2] for d in self.ranked if d[0] not in relevant)
        for i in range(self.levels + 1):
            known = kept & self.meet(d[2] for d in self.ranked if d[0] in relevant and self.rank[d[0]] >= i)
            if not self.entails(known, self.full ^ alpha):
                return self.entails(known & alpha, beta)
        return True                                   # α is impossible: everything follows

    def or_counterexample(self):
        """α |~ γ and β |~ γ but not α ∨ β |~ γ, for α, β literals or rule bodies and γ a literal; else None."""
        literals = sorted({(sign + p, v) for p, v in self.atoms for sign in ("", "~")}, key=literal_key)
        antecedents = {self.literal(x): (x,) for x in literals}
        for _rule, body, _d in self.defaults:
            antecedents.setdefault(body, ("body",))
        consequents = [(x, self.literal(x)) for x in literals]
        pairs = list(antecedents)
        for i, alpha in enumerate(pairs):
            for beta in pairs[i + 1:]:
                for gamma_name, gamma in consequents:
                    if self.follows(alpha, gamma) and self.follows(beta, gamma) and not self.follows(alpha | beta, gamma):
                        return antecedents[alpha], antecedents[beta], gamma_name
        return None



# ------------------------------------------------------------------------------------------ answers

def reason(theory: Theory, policy: str = "blocking", specificity: bool = False,
           defeat: str = "team") -> dict[str, dict[str, set[tuple]]]:
    """The suite's sections for a theory under a policy: definitely, defeasibly, not_defeasibly, undecided.

    `defeat="rule"` is the knowledge base's reading of defeat (see `DEFEAT`), for `blocking` and `propagating`.
    """
    if policy not in POLICIES:
        raise ValueError(f"unknown policy {policy!r}; known: {', '.join(POLICIES)}")
    if all(r.kind == "strict" for r in theory.rules):
        # Strict rules only: nothing is defeasible, so +∂ is +Δ (one evaluation, no grounding).
        definite = _literals(evaluate(_program(theory, theory.rules)).relations)
        opposed = {(complement(p), v) for p, v in definite} - definite
        return {"definitely": _sections(definite), "defeasibly": _sections(definite),
                "not_defeasibly": _sections(opposed), "undecided": {}}
    g = ground_theory(theory)
    if policy in ("rational_closure", "lexicographic_closure"):
        closure = Closure(g)
        facts = {(p, tuple(row)) for p, rows in theory.facts.items() for row in rows}
        concluded = closure.rational(facts) if policy == "rational_closure" else closure.lexicographic(facts)
        plus = concluded | g.definite
        minus = {q for q in g.universe if q not in plus}
    else:
        plus, minus = Reasoner(theory, g, specificity, defeat).run(propagating=policy == "propagating")
    undecided = {q for q in g.supported if q not in plus}
    return {
        "definitely": _sections(g.definite),
        "defeasibly": _sections(plus),
        "not_defeasibly": _sections(minus),
        "undecided": _sections(undecided),
    }


def _sections(literals: Iterable[Literal]) -> dict[str, set[tuple]]:
    out: dict[str, set[tuple]] = {}
    for predicate, values in literals:
        if predicate.startswith(("exists:", "~exists:")):  # projections made by the reader, not the theory's
            continue
        out.setdefault(predicate, set()).add(values)
    return out


def satisfies_klm_property(theory: Theory, property_name: str, policy: str) -> bool:
    """Rational and lexicographic closure are rational consequence relations: they satisfy every KLM
    postulate (Ref, LLE, RW, And, Or, CM, RM). For relevant closure, Or is decided on the theory by
    looking for a counterexample (`RelevantClosure.or_counterexample`: antecedents that are literals or
    rule bodies, consequents literals). Other pairs are not decided here."""
    if policy in ("rational_closure", "lexicographic_closure"):
        return True
    if policy == "relevant_closure" and property_name == "Or":
        return RelevantClosure(theory).or_counterexample() is None
    raise NotImplementedError(f"KLM property {property_name} is not decided for {policy}")
