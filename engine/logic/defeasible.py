"""Defeasible reasoning: strict and defeasible rules, defeaters and superiority, over our Datalog evaluation.

A theory's facts and rules are evaluated twice by the chosen evaluator (`engine.logic.evaluator`; pyDatalog by default): the strict part
gives what holds definitely (+Δ), and all strict and defeasible rules together give every literal
that could be supported; the rules are then instantiated over that model (`engine.logic.matching`) and
the proof conditions of defeasible logic (Antoniou, Billington, Governatori, Maher 2001) are run to
a fixpoint over the ground instances:

- +∂ q: q is definite, or some strict/defeasible rule for q applies, ~q is not definite, and every
  rule for ~q (defeaters included) is either inapplicable or beaten by an applicable rule for q
  (team defeat);
- -∂ q: the dual.
Policies: `blocking` (ambiguity blocking, the above), `propagating` (ambiguity propagation: an
attacker counts when its body is merely supported), `rational_closure` and `lexicographic_closure`
(the KLM-style closures, on the materialised ground theory). `specificity=True` adds generalised
specificity: where no superiority pair orders two conflicting rules, the one whose body (closed
under the strict rules) entails the other's body wins; this is an automatic lex specialis.

Options for the knowledge base's legal reading (docs/semantics.md, docs/conformance.md):
- `defeat="team"` (the default, as above) or `defeat="rule"`: a rule is *defeated* when an attacker
  that is not discarded is superior to it, whether or not that attacker is itself defeated; +∂ q
  then needs an undefeated rule for q besides every attacker being beaten. With an acyclic
  superiority among the rules in play the two agree; on a cycle every rule of the cycle is
  defeated and neither side is concluded, where team defeat concludes both.
- modes: a rule may carry a `mode` (the kb's permitted / obligatory / discretionary on one side of
  the conflict); `decide()` reports the strongest mode among the undefeated rules of the literal
  concluded, given the modes' order, and the rules of that mode as the winners.

Literals `~p(...)` (strong negation) are relations of their own, named `neg:p` for the evaluator.
The kb's deontic layer is a use of this core: `deontic.decide` calls `decide()` below once per atom,
one rule per applicable norm, superiority from exception, rank and date, `defeat="rule"` and the
allowing modalities as modes: see docs/conformance.md.
"""

from __future__ import annotations

import datetime
import itertools
from dataclasses import field
from engine.base.records import dataclass
from typing import Iterable

from engine.syntax import nodes as n
from engine.logic.evaluator import evaluate
from engine.logic.ir import Program, Rule
from engine.logic.matching import Index, ground, solutions
from engine.base.source import Span

POLICIES = ("blocking", "propagating", "rational_closure", "lexicographic_closure")
DEFEAT = ("team", "rule")    # team defeat (Antoniou et al. 2001); a rule defeated by any superior attacker (the kb)
SECTIONS = ("definitely", "defeasibly", "not_defeasibly", "undecided")

Literal = tuple[str, tuple]          # (predicate, values); the predicate of a negative literal starts with "~"


def complement(predicate: str) -> str:
    return predicate[1:] if predicate.startswith("~") else "~" + predicate


def relation(predicate: str) -> str:
    """The evaluator's name for a literal's predicate (pyDatalog reads a leading '~' as negation)."""
    return "neg:" + predicate[1:] if predicate.startswith("~") else predicate


def predicate_of(relation_name: str) -> str:
    return "~" + relation_name[4:] if relation_name.startswith("neg:") else relation_name


@dataclass(frozen=True)
class DefeasibleRule:
    """One rule of a theory: `kind` is strict, defeasible or defeater; heads may be negative literals."""

    id: str
    kind: str
    head: n.Atom
    body: tuple[n.Condition, ...]
    mode: str | None = None


@dataclass
class Theory:
    facts: dict[str, set[tuple]] = field(default_factory=dict)
    rules: list[DefeasibleRule] = field(default_factory=list)
    superiority: set[tuple[str, str]] = field(default_factory=set)   # any container of (stronger, weaker)
    conflicts: set[tuple[str, str]] = field(default_factory=set)   # predicate pairs beyond p / ~p


@dataclass(frozen=True)
class Instance:
    """A ground instance of a rule."""

    rule: str
    kind: str
    head: Literal
    body: tuple[Literal, ...]
    mode: str | None = None


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


@dataclass
class Grounding:
    definite: set[Literal]
    supported: set[Literal]
    instances: list[Instance]
    universe: set[Literal]


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
            universe.add((rule.head.predicate, tuple(t.value for t in head.args)))
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


# ------------------------------------------------------------------------------------------ reasoning

class Reasoner:
    """The proof conditions of defeasible logic over ground instances, run to a fixpoint."""

    def __init__(self, theory: Theory, grounding: Grounding, specificity: bool = False, defeat: str = "team"):
        if defeat not in DEFEAT:
            raise ValueError(f"unknown defeat {defeat!r}; known: {', '.join(DEFEAT)}")
        self.theory, self.g, self.defeat = theory, grounding, defeat
        self.by_head: dict[Literal, list[Instance]] = {}
        for inst in grounding.instances:
            self.by_head.setdefault(inst.head, []).append(inst)
        self.conflicting: dict[str, set[str]] = {}
        for a, b in theory.conflicts:
            self.conflicting.setdefault(a, set()).add(b)
            self.conflicting.setdefault(b, set()).add(a)
        self.specificity = specificity
        self._closures: dict[tuple, frozenset] = {}
        self.strict_instances = [i for i in grounding.instances if i.kind == "strict"]
        self._opposed: dict[str, list[str]] = {}          # the rules are fixed: who opposes whom is computed once
        self._attackers: dict[Literal, list[Instance]] = {}
        self._supporters: dict[Literal, list[Instance]] = {}

    def opponents(self, q: Literal) -> list[Literal]:
        p, values = q
        if p not in self._opposed:
            self._opposed[p] = sorted({complement(p)} | self.conflicting.get(p, set()))
        return [(c, values) for c in self._opposed[p]]

    def attackers(self, q: Literal) -> list[Instance]:
        if q not in self._attackers:
            self._attackers[q] = [s for o in self.opponents(q) for s in self.by_head.get(o, [])]
        return self._attackers[q]

    def supporters(self, q: Literal) -> list[Instance]:
        if q not in self._supporters:
            self._supporters[q] = [r for r in self.by_head.get(q, []) if r.kind != "defeater"]
        return self._supporters[q]

    def superior(self, t: Instance, s: Instance) -> bool:
        if (t.rule, s.rule) in self.theory.superiority:
            return True
        if self.specificity and (s.rule, t.rule) not in self.theory.superiority and t.kind != "defeater":
            return self.more_specific(t, s)
        return False

    def closure(self, literals: frozenset) -> frozenset:
        """The literals reached from `literals` by the strict rules alone."""
        if literals not in self._closures:
            known = set(literals)
            changed = True
            while changed:
                changed = False
                for inst in self.strict_instances:
                    if inst.head not in known and all(b in known for b in inst.body):
                        known.add(inst.head)
                        changed = True
            self._closures[literals] = frozenset(known)
        return self._closures[literals]

    def more_specific(self, t: Instance, s: Instance) -> bool:
        t_body, s_body = frozenset(t.body), frozenset(s.body)
        return s_body <= self.closure(t_body) and not t_body <= self.closure(s_body)

    def run(self, propagating: bool = False) -> tuple[set[Literal], set[Literal]]:
        definite = self.g.definite
        plus: set[Literal] = set(definite)
        minus: set[Literal] = set()
        s_plus: set[Literal] = set(definite)     # supported (ambiguity propagation)
        s_minus: set[Literal] = set()
        universe = sorted(self.g.universe, key=_literal_key)
        changed = True
        while changed:
            changed = False
            for q in universe:
                rules, attackers = self.supporters(q), self.attackers(q)
                opponents_definite = any(o in definite for o in self.opponents(q))
                if propagating:
                    if q not in s_plus and self._supported(q, rules, attackers, s_plus, minus):
                        s_plus.add(q)
                        changed = True
                    if q not in s_minus and self._unsupported(q, rules, attackers, s_minus, plus, definite):
                        s_minus.add(q)
                        changed = True
                beaten = s_minus if propagating else minus
                applicable = s_plus if propagating else plus
                if q not in plus and q not in definite and rules and not opponents_definite:
                    live = [r for r in rules if all(b in plus for b in r.body)]
                    if live and all(any(b in beaten for b in s.body) or any(self.superior(t, s) for t in live)
                                    for s in attackers) and (
                            self.defeat == "team" or any(not self.defeaters(r, attackers, beaten) for r in live)):
                        plus.add(q)
                        changed = True
                if q not in minus and q not in definite:
                    if (all(any(b in minus for b in r.body) or (self.defeat == "rule" and any(
                            all(b in applicable for b in s.body) and self.superior(s, r) for s in attackers))
                            for r in rules) or opponents_definite or any(
                            all(b in applicable for b in s.body) and
                            all(any(b in minus for b in t.body) or not self.superior(t, s) for t in rules)
                            for s in attackers)):
                        minus.add(q)
                        changed = True
        return plus, minus

    def defeaters(self, r: Instance, attackers: list[Instance], discarded: set[Literal]) -> list[Instance]:
        """The attackers of `r`, not discarded (no body literal in `discarded`), that are superior to it."""
        return [s for s in attackers if not any(b in discarded for b in s.body) and self.superior(s, r)]

    def _supported(self, q, rules, attackers, s_plus, minus) -> bool:
        return any(all(b in s_plus for b in r.body) and
                   all(any(b in minus for b in s.body) or not self.superior(s, r) for s in attackers)
                   for r in rules)

    def _unsupported(self, q, rules, attackers, s_minus, plus, definite) -> bool:
        if q in definite:
            return False
        return all(any(b in s_minus for b in r.body) or
                   any(all(b in plus for b in s.body) and self.superior(s, r) for s in attackers)
                   for r in rules)


def _literal_key(literal: Literal):
    return (literal[0], tuple((type(v).__name__, str(v)) for v in literal[1]))


# ------------------------------------------------------------------------------------------ closures

class Closure:
    """Rational and lexicographic closure (KLM) over the ground theory, its defaults materialised.

    Entailment is forward chaining over literals; a set is inconsistent when it holds q and ~q.
    """

    def __init__(self, grounding: Grounding):
        self.strict = [i for i in grounding.instances if i.kind == "strict"]
        self.defaults = sorted({i for i in grounding.instances if i.kind == "defeasible"},
                               key=lambda i: (i.rule, _literal_key(i.head)))
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
            best, chosen = -1, []
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
            literal = lambda a: (a.predicate, tuple(t.value for t in a.args))  # noqa: E731
            ground.append((rule, literal(rule.head), [literal(a) for a in atoms[1:]]))
        facts = [(p, tuple(row)) for p, rows in theory.facts.items() for row in rows]
        names = sorted({(p.lstrip("~"), v) for _r, h, b in ground for p, v in [h, *b]} |
                       {(p.lstrip("~"), v) for p, v in facts}, key=_literal_key)
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
        literals = sorted({(sign + p, v) for p, v in self.atoms for sign in ("", "~")}, key=_literal_key)
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


# ------------------------------------------------------------------------------------------ one literal

@dataclass
class Decision:
    """The proof conditions on one ground literal q and its complement, with what each rule did.

    `literal` is the side proved +∂ (q or ~q), or None; `mode` the strongest mode among the
    undefeated rules for it; `winners` those rules of that mode, in the caller's order;
    `undefeated` every rule not discarded and not defeated; `defeated` each defeated rule with the
    attackers superior to it (in order); `ambiguous` when rules on both sides are in play and
    neither side is concluded.
    """

    literal: Literal | None
    mode: str | None
    winners: list[str]
    undefeated: list[str]
    defeated: dict[str, list[str]]
    ambiguous: bool


def decide(q: Literal, instances: Iterable[Instance], superiority, definite: Iterable[Literal] = (),
           defeat: str = "rule", modes: tuple[str, ...] = (), order=None) -> Decision:
    """Ground rules for q and ~q (heads q or its complement), their superiority, under ambiguity blocking.

    Bodies are ground literals that hold when in `definite` (an empty body: the rule applies). The
    knowledge base asks this once per atom, its norms' conditions evaluated by Datalog beforehand.
    """
    instances = list(instances)
    opposite = (complement(q[0]), q[1])
    heads = {q, opposite}
    g = Grounding(set(definite), {i.head for i in instances if i.kind != "defeater"}, instances, heads)
    reasoner = Reasoner(Theory(superiority=superiority), g, defeat=defeat)
    plus, minus = reasoner.run()
    key = order or (lambda rule_id: rule_id)
    live = sorted((i for i in instances if all(b in plus for b in i.body)), key=lambda i: key(i.rule))
    defeated: dict[str, list[str]] = {}
    undefeated: list[str] = []
    for r in live:
        beaten_by = reasoner.defeaters(r, reasoner.attackers(r.head), minus)
        if beaten_by:
            defeated[r.rule] = sorted((s.rule for s in beaten_by), key=key)
        elif r.kind != "defeater":
            undefeated.append(r.rule)
    literal = q if q in plus else opposite if opposite in plus else None
    mode, winners = None, []
    if literal is not None:
        candidates = [r for r in live if r.head == literal and r.rule in undefeated and r.kind != "defeater"]
        ranked = [r.mode for r in candidates if r.mode in modes]
        mode = min(ranked, key=modes.index) if ranked else None
        winners = [r.rule for r in candidates if r.mode == mode]
    sides = {r.head for r in live if r.kind != "defeater"}
    return Decision(literal, mode, winners, undefeated, defeated, literal is None and len(sides) == 2)


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
