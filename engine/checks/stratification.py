"""Stratification: no predicate may depend on itself through negation (pyDatalog would answer wrongly or hang)."""

from __future__ import annotations

from engine.syntax.analysis import DependencyGraph
from engine.base.diagnostics import Diagnostic, Note
from engine.syntax.knowledge import KnowledgeBase
from engine.syntax import nodes as n
from engine.logic.ir import norm_relation


def head_relation(clause: n.Clause) -> str:
    """Deontic conclusions live apart from plain facts of the same predicate."""
    return norm_relation(clause.head.predicate) if clause.modality else clause.head.predicate


def dependency_graph(kb: KnowledgeBase) -> DependencyGraph:
    graph = DependencyGraph()
    for clause, _norm in kb.all_clauses():
        head = head_relation(clause)
        graph.nodes.add(head)
        for c in clause.body:
            if isinstance(c, n.Atom):
                graph.add(head, c.predicate, False, c.span)
            elif isinstance(c, n.Negation):
                graph.add(head, c.atom.predicate, True, c.span)
    return graph


def check(kb: KnowledgeBase) -> list[Diagnostic]:
    graph = dependency_graph(kb)
    found = []
    for members, negatives in graph.negative_cycles():
        notes = tuple(Note(f"{head} depends on `not {body}` here", graph.witnesses.get((head, body)))
                      for head, body in negatives)
        first = graph.witnesses.get(negatives[0])
        found.append(Diagnostic(
            "unstratifiable", f"unable to stratify predicate(s) {{{', '.join(members)}}}: they depend on each other through negation",
            first, notes=notes, hint="a predicate may not depend on its own negation; split it, or drop the `not`"))
    return found
