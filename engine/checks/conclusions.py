"""Conclusions stated as facts: a case (or the kb) cannot state what the norms conclude."""

from __future__ import annotations

from engine.base.diagnostics import Diagnostic
from engine.base.messages import either, message
from engine.checks import rows
from engine.syntax.knowledge import KnowledgeBase


def concluded(kb: KnowledgeBase) -> dict[str, set[str]]:
    """Each predicate some norm concludes with a modality, with those modalities."""
    found: dict[str, set[str]] = {}
    for norm in kb.norms.values():
        if norm.clause is not None and norm.clause.modality:
            found.setdefault(norm.clause.head.predicate, set()).add(norm.clause.modality)
    return found


def check(kb: KnowledgeBase, language: str | None = None) -> list[Diagnostic]:
    """A fact of a predicate the norms conclude is an error, unless some norm makes it obligatory (then the
    fact records the duty's fulfilment, as engine/logic/deontic.py reads it)."""
    modalities = concluded(kb)
    found = []
    summary = rows.of(kb)   # the rows walked only where one states a conclusion
    told = any(p in modalities and "obligatory" not in modalities[p] for p in summary.predicates)
    for clause in (kb.clauses if told else summary.others):
        if not clause.is_fact:
            continue
        p = clause.predicate
        if p in modalities and "obligatory" not in modalities[p]:
            said = either(sorted(modalities[p]))
            found.append(Diagnostic(
                "conclusion-as-fact", message("conclusion-as-fact", language, fact=str(clause.head), predicate=p, said=said),
                clause.head.span, hint=message("state the facts", language, predicate=p, fact=str(clause.head))))
    return found
