"""Relevant closure (engine/logic/theories.py `RelevantClosure`) on Morris 2020's Or counterexample."""

from __future__ import annotations

from engine.syntax import nodes as n
from engine.logic.defeasible import DefeasibleRule, Theory
from engine.logic.theories import RelevantClosure, satisfies_klm_property
from engine.base.source import Span

SPAN = Span("<test>", 1, 1)


def atom(text: str) -> n.Atom:
    return n.Atom(text, (), SPAN, SPAN)


def theory(*rules: tuple[str, str, str]) -> Theory:
    return Theory(rules=[DefeasibleRule(rid, "defeasible", atom(head), (atom(body),)) for rid, head, body in rules])


MORRIS = theory(("r1", "b", "a"), ("r2", "c", "b"), ("r3", "~c", "a"), ("r4", "d", "a"), ("r5", "d", "g"),
                ("r6", "e", "d"), ("r7", "h", "g"), ("r8", "~e", "h"), ("r9", "e", "g"))


def test_base_ranks():
    closure = RelevantClosure(MORRIS)
    assert closure.rank == {"r2": 0, "r6": 0, "r8": 0, "r1": 1, "r3": 1, "r4": 1, "r5": 1, "r7": 1, "r9": 1}


def test_only_relevant_defaults_are_given_up():
    c = RelevantClosure(MORRIS)
    lit = c.literal
    a, g, e = lit(("a", ())), lit(("g", ())), lit(("e", ()))
    assert c.follows(a, lit(("~c", ()))) and not c.follows(a, lit(("c", ())))   # the exception wins
    assert c.follows(a, e)             # d -> e is not relevant to a: kept (rational closure drops it)
    assert c.follows(g, e)
    assert not c.follows(a | g, e)     # relevant to a or g: given up with the rest of rank 0
    assert c.or_counterexample() == ((("a", ()),), (("g", ()),), ("e", ()))


def test_or_is_decided_for_relevant_closure():
    assert satisfies_klm_property(MORRIS, "Or", "relevant_closure") is False
    assert satisfies_klm_property(theory(("p1", "e", "a"), ("p2", "e", "g")), "Or", "relevant_closure") is True
