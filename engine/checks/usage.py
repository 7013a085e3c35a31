"""Usage: predicates declared but used nowhere, and case facts about predicates that no rule reads."""

from __future__ import annotations

from engine.checks.names import atoms_of, every_atom
from engine.base.diagnostics import Diagnostic
from engine.syntax.knowledge import KnowledgeBase


def read_predicates(kb: KnowledgeBase) -> set[str]:
    """Predicates some rule, domain or saved question reads (or that are concluded with a modality)."""
    read: set[str] = set()
    for clause, _norm in kb.all_clauses():
        read.update(a.predicate for a in atoms_of(clause.body))
        if clause.modality:
            read.add(clause.head.predicate)  # a fact of a deontic predicate records fulfilment
    for decl in kb.predicates.values():
        if decl.domain:
            read.update(a.predicate for a in atoms_of(decl.domain))
    read.update(q.query.atom.predicate for q in kb.questions.values())
    return read


def check(kb: KnowledgeBase) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    used = {atom.predicate for atom in every_atom(kb)}
    for decl in kb.predicates.values():
        if decl.name not in used:
            found.append(Diagnostic("unused-predicate", f"the predicate {decl.name} is declared but used nowhere",
                                    decl.name_span, hint="use it in a norm or a definition, or remove the declaration"))
    read = read_predicates(kb)
    reported: set[tuple[str, str]] = set()
    for clause in kb.clauses:
        predicate = clause.head.predicate
        if not clause.is_fact or predicate in read or predicate not in kb.predicates:
            continue
        key = (clause.span.file, predicate)
        if key in reported:
            continue
        reported.add(key)
        count = sum(1 for c in kb.clauses if c.is_fact and c.head.predicate == predicate and c.span.file == clause.span.file)
        found.append(Diagnostic(
            "unread-fact", f"no norm or definition reads {predicate}, so this fact"
            + (f" (and {count - 1} more about {predicate} in this file)" if count > 1 else "") + " changes no answer",
            clause.head.predicate_span, hint=f"write the norm that uses {predicate}, or drop the fact"))
    return found
