"""Conditions on a concluded predicate: `p(...)` in a rule's conditions, where norms conclude p.

A condition reads the facts of its predicate. For a predicate that norms conclude (`permitted p(...)`),
those facts are not its status: the condition never asks whether p is permitted or prohibited. Where no
norm makes p obligatory, a case may state no fact of p (conclusion-as-fact), so the condition can never
hold; where some norm makes it obligatory, it holds only for a duty recorded as fulfilled. Either way
the author most likely meant something else: say so, with what the condition does read.
"""

from __future__ import annotations

from engine.base.diagnostics import Diagnostic
from engine.base.messages import either, message
from engine.checks import rows
from engine.checks.conclusions import concluded
from engine.checks.names import atoms_of
from engine.syntax.knowledge import KnowledgeBase


def check(kb: KnowledgeBase, language: str | None = None) -> list[Diagnostic]:
    modalities = concluded(kb)
    found: list[Diagnostic] = []
    for clause, norm in rows.of(kb).all_clauses():   # a case's row has no conditions
        for atom in atoms_of(clause.body):
            said = modalities.get(atom.predicate)
            if not said:
                continue
            kinds = either(sorted(said))
            reads = message("reads fulfilled" if "obligatory" in said else "reads never", language,
                            predicate=atom.predicate, kinds=kinds)
            found.append(Diagnostic(
                "condition-on-conclusion",
                message("condition-on-conclusion", language, predicate=atom.predicate, kinds=kinds, reads=reads), atom.span,
                hint=message("own predicate", language)))
    return found
