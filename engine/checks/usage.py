"""Usage: predicates declared but used nowhere, and case facts about predicates that no rule reads."""

from __future__ import annotations

from engine.checks import rows
from engine.checks.names import atoms_of, every_atom
from engine.base.diagnostics import Diagnostic
from engine.base.messages import message
from engine.syntax.knowledge import KnowledgeBase


def read_predicates(kb: KnowledgeBase) -> set[str]:
    """Predicates some rule, domain or saved question reads (or that are concluded with a modality)."""
    read: set[str] = set()
    for clause, _norm in rows.of(kb).all_clauses():   # a case's row reads nothing and concludes nothing
        read.update(a.predicate for a in atoms_of(clause.body))
        if clause.modality:
            read.add(clause.head.predicate)  # a fact of a deontic predicate records fulfilment
    for decl in kb.predicates.values():
        if decl.domain:
            read.update(a.predicate for a in atoms_of(decl.domain))
    read.update(q.query.atom.predicate for q in kb.questions.values())
    return read


def check(kb: KnowledgeBase, language: str | None = None) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    summary = rows.of(kb)
    used = {atom.predicate for atom in every_atom(kb, rows=True, summary=summary)} | summary.predicates
    for decl in kb.predicates.values():
        if decl.name not in used:
            found.append(Diagnostic("unused-predicate", message("unused-predicate", language, name=decl.name),
                                    decl.name_span, hint=message("use or remove", language)))
    read = read_predicates(kb)
    reported: set[tuple[str, str]] = set()
    unread = any(p not in read and p in kb.predicates for p in summary.predicates)   # some row is told it is unread
    for clause in (kb.clauses if unread else summary.others):
        predicate = clause.predicate
        if not clause.is_fact or predicate in read or predicate not in kb.predicates:
            continue
        key = (clause.span.file, predicate)
        if key in reported:
            continue
        reported.add(key)
        count = sum(1 for c in kb.clauses if c.is_fact and c.predicate == predicate and c.span.file == clause.span.file)
        found.append(Diagnostic(
            "unread-fact", message("unread-facts", language, name=predicate, more=count - 1) if count > 1
            else message("unread-fact", language, name=predicate),
            clause.head.predicate_span, hint=message("write the norm", language, name=predicate)))
    return found
