"""Stratification: no predicate may depend on itself through negation (pyDatalog would answer wrongly or hang)."""

from __future__ import annotations

from engine.checks import rows
from engine.syntax.analysis import DependencyGraph
from engine.base.diagnostics import Diagnostic, Note
from engine.base.messages import message
from engine.syntax.knowledge import KnowledgeBase
from engine.syntax import nodes as n
from engine.logic.ir import norm_relation


def head_relation(clause: n.Clause) -> str:
    """Deontic conclusions live apart from plain facts of the same predicate."""
    return norm_relation(clause.predicate) if clause.modality else clause.predicate


def dependency_graph(kb: KnowledgeBase) -> DependencyGraph:
    graph = DependencyGraph()
    summary = rows.of(kb)
    graph.nodes.update(summary.predicates)   # a case's row: its predicate, with no body
    for clause, _norm in summary.all_clauses():
        head = head_relation(clause)
        graph.nodes.add(head)
        for c in clause.body:
            if isinstance(c, n.Atom):
                graph.add(head, c.predicate, False, c.span)
            elif isinstance(c, n.Negation):
                graph.add(head, c.atom.predicate, True, c.span)
    return graph


def check(kb: KnowledgeBase, language: str | None = None) -> list[Diagnostic]:
    graph = dependency_graph(kb)
    found = []
    for members, negatives in graph.negative_cycles():
        notes = tuple(Note(message("depends on not", language, head=head, body=body), graph.witnesses.get((head, body)))
                      for head, body in negatives)
        first = graph.witnesses.get(negatives[0])
        found.append(Diagnostic(
            "unstratifiable", message("unstratifiable", language, names=", ".join(members), count=len(members)),
            first, notes=notes, hint=message("split or drop not", language)))
    return found
