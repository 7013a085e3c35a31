"""What the logic knows of a norm (its act, rank, in-force interval, modality), and which of two
conflicting norms prevails and why: lex specialis, lex superior, lex posterior.

Below both the IR (which records the priorities of a program) and the deontic layer (which decides
statuses with them), so that neither has to import the other.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from engine.syntax import nodes as n

PRINCIPLES = ("lex specialis", "lex superior", "lex posterior")


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


def priority(a: NormInfo, b: NormInfo) -> Defeat | None:
    """Which of two conflicting norms prevails, or None where no principle orders them."""
    if not conflicting(a.modality, b.modality):
        return None
    a_excepts = any(r.norm_id == b.id for r in a.node.exception_to)
    b_excepts = any(r.norm_id == a.id for r in b.node.exception_to)
    if a_excepts != b_excepts:
        w, l = (a, b) if a_excepts else (b, a)
        return Defeat(w.id, l.id, "lex specialis", (("exception_to", l.id),))
    if a.rank != b.rank:
        w, l = (a, b) if a.rank > b.rank else (b, a)
        return Defeat(w.id, l.id, "lex superior", (
            ("winner_act", w.act.key if w.act else ""), ("winner_rank", str(w.rank)),
            ("loser_act", l.act.key if l.act else ""), ("loser_rank", str(l.rank))))
    if a.start and b.start and a.start != b.start:
        w, l = (a, b) if a.start > b.start else (b, a)
        return Defeat(w.id, l.id, "lex posterior", (
            ("winner_date", w.start.isoformat()), ("loser_date", l.start.isoformat())))
    return None
