"""Names and arity: every atom uses a declared predicate with its declared number of arguments."""

from __future__ import annotations

from typing import Iterable, Iterator

from engine.syntax import nodes as n
from engine.base.diagnostics import Diagnostic, Note, did_you_mean
from engine.syntax.knowledge import KnowledgeBase


def atoms_of(conditions: Iterable[n.Condition]) -> Iterator[n.Atom]:
    for c in conditions:
        if isinstance(c, n.Atom):
            yield c
        elif isinstance(c, n.Negation):
            yield c.atom


def every_atom(kb: KnowledgeBase) -> Iterator[n.Atom]:
    """Every atom written anywhere: heads, conditions, question domains, saved questions."""
    for clause, _norm in kb.all_clauses():
        yield clause.head
        yield from atoms_of(clause.body)
    for decl in kb.predicates.values():
        if decl.domain:
            yield from atoms_of(decl.domain)
    for question in kb.questions.values():
        yield question.query.atom


def check_atom(kb: KnowledgeBase, atom: n.Atom) -> list[Diagnostic]:
    decl = kb.predicates.get(atom.predicate)
    if decl is None:
        guess = did_you_mean(atom.predicate, kb.predicates)
        return [Diagnostic("undefined-predicate", f"unknown predicate {atom.predicate}", atom.predicate_span,
                           hint=f"did you mean {guess}?" if guess else
                           "declare it with `predicate name(Arg, ...) en \"label\".`")]
    if decl.arity != atom.arity:
        signature = f"{decl.name}({', '.join(decl.parameters)})"
        return [Diagnostic("arity", f"{atom.predicate} takes {decl.arity} argument{'s' if decl.arity != 1 else ''}"
                           f" ({signature}), but {atom.arity} {'are' if atom.arity != 1 else 'is'} given here",
                           atom.span, notes=(Note(f"{atom.predicate} is declared here", decl.name_span),))]
    return []


def check(kb: KnowledgeBase) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for decl in kb.predicates.values():
        if not decl.name[0].isalpha() or decl.name[0].isupper():
            found.append(Diagnostic("bad-predicate-name", f"a predicate name must start with a lower-case letter: {decl.name}",
                                    decl.name_span, hint=f"write {decl.name[0].lower() + decl.name[1:]}"))
        if len(set(decl.parameters)) != len(decl.parameters):
            found.append(Diagnostic("duplicate-id", f"{decl.name} names an argument twice", decl.name_span))
    for atom in every_atom(kb):
        found += check_atom(kb, atom)
    return found
