"""The defeasible core: ground rules, their superiority and the proof conditions of defeasible logic
(Antoniou, Billington, Governatori, Maher 2001), run to a fixpoint over ground instances (`Reasoner`), and
`decide()`, one literal and its complement, which is all the knowledge base asks of it.

- +∂ q: q is definite, or some strict/defeasible rule for q applies, ~q is not definite, and every
  rule for ~q (defeaters included) is either inapplicable or beaten by an applicable rule for q
  (team defeat);
- -∂ q: the dual.
`specificity=True` adds generalised specificity: where no superiority pair orders two conflicting rules,
the one whose body (closed under the strict rules) entails the other's body wins; this is an automatic
lex specialis.

Options for the knowledge base's legal reading (docs/semantics.md, docs/conformance.md):
- `defeat="team"` (the default, as above) or `defeat="rule"`: a rule is *defeated* when an attacker
  that is not discarded is superior to it, whether or not that attacker is itself defeated; +∂ q
  then needs an undefeated rule for q besides every attacker being beaten. With an acyclic
  superiority among the rules in play the two agree; on a cycle every rule of the cycle is
  defeated and neither side is concluded, where team defeat concludes both.
- modes: a rule may carry a `mode` (the kb's permitted / obligatory / discretionary on one side of
  the conflict); `decide()` reports the strongest mode among the undefeated rules of the literal
  concluded, given the modes' order, and the rules of that mode as the winners.

The kb's deontic layer is a use of this core: `deontic.decide` calls `decide()` below once per atom,
one rule per applicable norm, superiority from exception, rank and date, `defeat="rule"` and the
allowing modalities as modes: see docs/conformance.md. Whole theories as the conformance suites pose
them (grounding by Datalog, the policies, the KLM closures) are engine/logic/theories.py, over this core.
"""

from __future__ import annotations

from dataclasses import field
from engine.base.records import dataclass
from typing import Iterable

from engine.syntax import nodes as n

DEFEAT = ("team", "rule")    # team defeat (Antoniou et al. 2001); a rule defeated by any superior attacker (the kb)

Literal = tuple[str, tuple]          # (predicate, values); the predicate of a negative literal starts with "~"


def complement(predicate: str) -> str:
    return predicate[1:] if predicate.startswith("~") else "~" + predicate


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


@dataclass
class Grounding:
    definite: set[Literal]
    supported: set[Literal]
    instances: list[Instance]
    universe: set[Literal]


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
        self._closures: dict[frozenset, frozenset] = {}
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
        """(+∂, -∂): the literals proved and refuted defeasibly, to a fixpoint. propagating: ambiguity
        propagation, where an attacker counts when its body is merely supported (+Σ) and is discarded only
        when unsupported (-Σ); else ambiguity blocking, over +∂ and -∂ themselves."""
        definite = self.g.definite
        plus: set[Literal] = set(definite)
        minus: set[Literal] = set()
        s_plus: set[Literal] = set(definite)     # supported (ambiguity propagation)
        s_minus: set[Literal] = set()
        universe = sorted(self.g.universe, key=literal_key)
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
                discarded = s_minus if propagating else minus
                applicable = s_plus if propagating else plus
                if q not in plus and q not in definite and not opponents_definite \
                        and self.proved_defeasibly(rules, attackers, plus, discarded):
                    plus.add(q)
                    changed = True
                if q not in minus and q not in definite and (
                        opponents_definite or self.refuted_defeasibly(rules, attackers, minus, applicable)):
                    minus.add(q)
                    changed = True
        return plus, minus

    def proved_defeasibly(self, rules: list[Instance], attackers: list[Instance], plus: set[Literal],
                          discarded: set[Literal]) -> bool:
        """+∂ q, for q neither definite nor opposed by a definite literal: some rule for q is live (its body
        proved, in `plus`), and every attacker is discarded (a body literal in `discarded`) or beaten by a
        live rule for q (team defeat); under `defeat="rule"`, some live rule is besides defeated by no attacker."""
        live = [r for r in rules if all(b in plus for b in r.body)]
        return bool(live) and all(any(b in discarded for b in s.body) or any(self.superior(t, s) for t in live)
                                  for s in attackers) and (
            self.defeat == "team" or any(not self.defeaters(r, attackers, discarded) for r in live))

    def refuted_defeasibly(self, rules: list[Instance], attackers: list[Instance], minus: set[Literal],
                           applicable: set[Literal]) -> bool:
        """-∂ q, for q not definite (a definite opponent refutes it already): every rule for q fails (a body
        literal refuted, in `minus`; under `defeat="rule"`, also a rule an applicable attacker is superior to),
        or some applicable attacker stands (no rule for q that has not failed is superior to it)."""
        every_rule_fails = all(any(b in minus for b in r.body) or (self.defeat == "rule" and any(
            all(b in applicable for b in s.body) and self.superior(s, r) for s in attackers)) for r in rules)
        return every_rule_fails or any(
            all(b in applicable for b in s.body)
            and all(any(b in minus for b in t.body) or not self.superior(t, s) for t in rules) for s in attackers)

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


def literal_key(literal: Literal):
    return (literal[0], tuple((type(v).__name__, str(v)) for v in literal[1]))


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


