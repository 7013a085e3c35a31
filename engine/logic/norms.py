"""What the logic knows of a norm (its act, rank, in-force interval, modality), and which of two
conflicting norms prevails and why: lex specialis, lex superior, lex posterior.

Below both the IR (which records the priorities of a program) and the deontic layer (which decides
statuses with them), so that neither has to import the other.
"""

from __future__ import annotations

import datetime
from engine.base.records import dataclass

from engine.syntax import nodes as n

PRINCIPLES = ("binding interpretation", "lex specialis", "lex superior", "lex posterior")


@dataclass(frozen=True)
class NormInfo:
    """What the deontic layer and the proofs need to know about a norm."""

    node: n.Norm
    act: n.Act | None
    start: datetime.date | None
    end: datetime.date | None

    @property
    def id(self) -> str:
        return self.node.id

    @property
    def rank(self) -> int:
        return self.act.rank if self.act and self.act.rank is not None else 0

    @property
    def modality(self) -> str | None:
        return self.node.clause.modality if self.node.clause else None

    @property
    def predicate(self) -> str | None:
        return self.node.clause.head.predicate if self.node.clause else None

    def in_force(self, day: datetime.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


def conflicting(a: str | None, b: str | None) -> bool:
    """Permitted, obligatory or discretionary against prohibited, on the same ground atom."""
    return bool(a and b) and ((a == "prohibited") != (b == "prohibited"))


@dataclass(frozen=True)
class Defeat:
    """`winner` defeats `loser` on the principle, with the facts that decided it."""

    winner: str
    loser: str
    principle: str
    grounds: tuple[tuple[str, str], ...] = ()

    def ground(self, key: str) -> str | None:
        return dict(self.grounds).get(key)


def interprets(a: NormInfo, b: NormInfo) -> bool:
    """`a` is a binding interpretation of `b`: it reads `b` narrowly, and its act is not of lower rank."""
    return any(r.norm_id == b.id for r in a.node.interprets) and a.rank >= b.rank


def may_except(a: NormInfo, b: NormInfo) -> bool:
    """`a` is written as an exception to `b` and may be one: lex superior bounds lex specialis, so an act of
    lower rank carves an exception out of a higher-ranked norm only where that norm delegates it."""
    if not any(r.norm_id == b.id for r in a.node.exception_to):
        return False
    return a.rank >= b.rank or bool(a.act and any(r.norm_id == a.act.key for r in b.node.delegates))


def priority(a: NormInfo, b: NormInfo) -> Defeat | None:
    """Which of two conflicting norms prevails, or None where no principle orders them.

    In order: a binding interpretation (a court's reading of the other norm, not a norm against it),
    an explicit exception (lex specialis, bounded by lex superior), the rank (lex superior), the date
    (lex posterior).
    """
    if not conflicting(a.modality, b.modality):
        return None
    a_reads, b_reads = interprets(a, b), interprets(b, a)
    if a_reads != b_reads:
        w, l = (a, b) if a_reads else (b, a)
        binding = w.node.binding.norm_id if w.node.binding else ""
        return Defeat(w.id, l.id, "binding interpretation", (("interpreted", l.id), ("binding", binding)))
    a_excepts, b_excepts = may_except(a, b), may_except(b, a)
    if a_excepts != b_excepts:
        w, l = (a, b) if a_excepts else (b, a)
        grounds: tuple[tuple[str, str], ...] = (("exception_to", l.id),)
        if w.rank < l.rank:
            grounds += (("delegated_by", l.id),)
        return Defeat(w.id, l.id, "lex specialis", grounds)
    if a.rank != b.rank:
        w, l = (a, b) if a.rank > b.rank else (b, a)
        return Defeat(w.id, l.id, "lex superior", (
            ("winner_act", w.act.key if w.act else ""), ("winner_rank", str(w.rank)),
            ("loser_act", l.act.key if l.act else ""), ("loser_rank", str(l.rank))))
    if a.start and b.start and a.start != b.start:
        w, l = (a, b) if a.start > b.start else (b, a)
        later, earlier = max(a.start, b.start), min(a.start, b.start)
        return Defeat(w.id, l.id, "lex posterior", (("winner_date", later.isoformat()), ("loser_date", earlier.isoformat())))
    return None


class Superiority:
    """The superiority relation among a program's norms at one date, as a mapping (winner, loser) -> Defeat.

    Each pair is decided by `priority` when first asked, and remembered: a question compares only the
    norms that apply to the atom it decides, never every pair of norms of a predicate (3000 conflicting
    norms on one predicate would be 4.5 million pairs). Only norms in force at the date, of the same
    predicate, with modalities that conflict, are ordered, as `priority` says. A pair may also be set
    explicitly. Iterating goes through every pair (quadratic): for tests and small programs only.
    """

    def __init__(self, norms: dict[str, NormInfo], at: datetime.date):
        self.norms = norms
        self.at = at
        self._known: dict[tuple[str, str], Defeat | None] = {}

    def _decide(self, key) -> Defeat | None:
        if key in self._known:
            return self._known[key]
        winner, loser = key
        a, b = self.norms.get(winner), self.norms.get(loser)
        found = None
        if (a is not None and b is not None and a.modality and b.modality and a.predicate == b.predicate
                and a.in_force(self.at) and b.in_force(self.at)):
            first, second = (a, b) if a.id < b.id else (b, a)
            d = priority(first, second)
            if d is not None and d.winner == winner:
                found = d
        self._known[key] = found
        return found

    def __contains__(self, key) -> bool:
        return isinstance(key, tuple) and len(key) == 2 and self._decide(key) is not None

    def __getitem__(self, key) -> Defeat:
        found = self._decide(key)
        if found is None:
            raise KeyError(key)
        return found

    def get(self, key, default=None):
        found = self._decide(key)
        return default if found is None else found

    def __setitem__(self, key, value: Defeat) -> None:
        self._known[key] = value

    def keys(self):
        by_predicate: dict = {}
        for info in self.norms.values():
            if info.modality and info.in_force(self.at):
                by_predicate.setdefault(info.predicate, []).append(info.id)
        for ids in by_predicate.values():
            for w in sorted(ids):
                for l in sorted(ids):
                    if w != l and (w, l) in self:
                        yield (w, l)
        for key, value in self._known.items():
            if value is not None and key[0] not in self.norms:
                yield key

    def __iter__(self):
        return iter(list(self.keys()))

    def __len__(self) -> int:
        return sum(1 for _ in self.keys())

    def items(self):
        return [(key, self[key]) for key in self.keys()]

    def values(self):
        return [self[key] for key in self.keys()]
