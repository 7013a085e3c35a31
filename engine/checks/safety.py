"""Safety: every variable of a clause is bound by a positive condition, so every answer is ground.

One exception: a norm's conclusion over a predicate that declares `asked over` may leave a variable to
the question (a ban "whoever the other party"): the question's atom, or for a question with variables
the domain, binds it (engine/logic/ir.py, docs/semantics.md).
"""

from __future__ import annotations

from functools import partial
from typing import Callable

from engine.syntax import nodes as n
from engine.base.diagnostics import Diagnostic
from engine.base.messages import message
from engine.checks import rows
from engine.logic.ir import ARITHMETIC_RELATIONS, bound_variables
from engine.syntax.knowledge import KnowledgeBase


def check_conditions(head_vars, conditions, where: str | Callable[[], str], given: frozenset[str] = frozenset(),
                     language: str | None = None) -> list[Diagnostic]:
    """given: variables the question binds (a norm's conclusion over a predicate with an `asked over` domain);
    where: the place, already in the reader's language (engine/base/messages.py), or what says it, called only for a
    diagnostic (a clause without one, nearly every clause, says nothing)."""
    bound = bound_variables(conditions) | given
    found = []
    if callable(where) and any(var.name == "_" or var.name not in bound for var in head_vars):
        where = where()
    for var in head_vars:
        if var.name == "_":
            found.append(Diagnostic("unsafe-variable", message("anonymous in conclusion", language, where=where),
                                    var.span, hint=message("name it bound", language)))
        elif var.name not in bound:
            found.append(Diagnostic("unsafe-variable", message("unbound in head", language, name=var.name, where=where),
                                    var.span, hint=message("add binding condition", language, name=var.name)))
    for c in conditions:
        variables = []
        if isinstance(c, n.Negation):
            variables = [v for v in c.atom.variables() if v.name != "_"]
            what = "under not"
        elif isinstance(c, n.Comparison):
            variables = [t for t in (c.left, c.right) if isinstance(t, n.Variable)]
            what = "in a comparison"
        elif isinstance(c, n.Atom) and c.predicate in ARITHMETIC_RELATIONS:
            variables = [t for t in c.args if isinstance(t, n.Variable)]
            what = "in arithmetic"
        for var in variables:
            if var.name not in bound:
                found.append(Diagnostic("unsafe-variable", message("unbound in condition", language, name=var.name,
                                                                   what=message(what, language)),
                                        var.span, hint=message("name it first", language, name=var.name)))
    return found


def check(kb: KnowledgeBase, language: str | None = None) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for clause, norm in rows.of(kb).all_clauses():   # a case's fact kept as a row is ground
        head_vars = clause.head.variables()
        if not clause.body and not head_vars:
            continue   # a ground fact (a register's many): nothing to bind
        where = partial(message, "the conclusion" if clause.body else "a fact", language)   # said if needed
        if not clause.body and head_vars and norm is None:
            for var in head_vars:
                found.append(Diagnostic("unsafe-variable", message("variable in fact", language, name=var.name), var.span,
                                        hint=message("facts name constants", language)))
            continue
        given: frozenset[str] = frozenset()
        decl = kb.predicates.get(clause.head.predicate)
        if norm is not None and clause.modality is not None and decl is not None and decl.domain is not None:
            # "whoever the other party": the question names it; its `asked over` domain bounds the enumeration
            given = frozenset(v.name for v in head_vars if v.name != "_")
        found += check_conditions(head_vars, clause.body, where, given, language)
    for decl in kb.predicates.values():
        if decl.domain is not None:
            params = [n.Variable(p, decl.name_span) for p in decl.parameters]
            found += check_conditions(params, decl.domain, partial(message, "the domain of", language, name=decl.name),
                                      language=language)
    return found
