"""Safety: every variable of a clause is bound by a positive condition, so every answer is ground.

One exception: a norm's conclusion over a predicate that declares `asked over` may leave a variable to
the question (a ban "whoever the other party"): the question's atom, or for a question with variables
the domain, binds it (engine/logic/ir.py, docs/semantics.md).
"""

from __future__ import annotations

from engine.syntax import nodes as n
from engine.base.diagnostics import Diagnostic
from engine.logic.ir import ARITHMETIC_RELATIONS, bound_variables
from engine.syntax.knowledge import KnowledgeBase


def check_conditions(head_vars, conditions, where: str, given: frozenset[str] = frozenset()) -> list[Diagnostic]:
    """given: variables the question binds (a norm's conclusion over a predicate with an `asked over` domain)."""
    bound = bound_variables(conditions) | given
    found = []
    for var in head_vars:
        if var.name == "_":
            found.append(Diagnostic("unsafe-variable", f"the anonymous variable _ cannot stand in {where}",
                                    var.span, hint="name the value with a variable bound by a condition"))
        elif var.name not in bound:
            found.append(Diagnostic("unsafe-variable", f"variable {var.name} in {where} is not bound by any condition",
                                    var.span, hint=f"add a condition that names {var.name}, such as a fact about it"))
    for c in conditions:
        variables = []
        if isinstance(c, n.Negation):
            variables = [v for v in c.atom.variables() if v.name != "_"]
            what = "under `not`"
        elif isinstance(c, n.Comparison):
            variables = [t for t in (c.left, c.right) if isinstance(t, n.Variable)]
            what = "in a comparison"
        elif isinstance(c, n.Atom) and c.predicate in ARITHMETIC_RELATIONS:
            variables = [t for t in c.args if isinstance(t, n.Variable)]
            what = "in arithmetic"
        for var in variables:
            if var.name not in bound:
                found.append(Diagnostic("unsafe-variable", f"variable {var.name} {what} is not bound by a positive condition",
                                        var.span, hint=f"name {var.name} in a condition without `not` first"))
    return found


def check(kb: KnowledgeBase) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for clause, norm in kb.all_clauses():
        where = "the conclusion" if clause.body else "a fact"
        head_vars = clause.head.variables()
        if not clause.body and head_vars and norm is None:
            for var in head_vars:
                found.append(Diagnostic("unsafe-variable", f"a fact cannot contain the variable {var.name}", var.span,
                                        hint="facts name constants: lower-case names, \"texts\", dates or numbers"))
            continue
        given: frozenset[str] = frozenset()
        decl = kb.predicates.get(clause.head.predicate)
        if norm is not None and clause.modality is not None and decl is not None and decl.domain is not None:
            # "whoever the other party": the question names it; its `asked over` domain bounds the enumeration
            given = frozenset(v.name for v in head_vars if v.name != "_")
        found += check_conditions(head_vars, clause.body, where, given)
    for decl in kb.predicates.values():
        if decl.domain is not None:
            params = [n.Variable(p, decl.name_span) for p in decl.parameters]
            found += check_conditions(params, decl.domain, f"the domain of {decl.name}")
    return found
