"""Names and arity: every atom uses a declared predicate with its declared number of arguments."""

from __future__ import annotations

from typing import Iterable, Iterator

from engine.checks import rows
from engine.syntax import nodes as n
from engine.base.diagnostics import Diagnostic, Note, did_you_mean
from engine.base.messages import message
from engine.syntax.knowledge import KnowledgeBase


def atoms_of(conditions: Iterable[n.Condition]) -> Iterator[n.Atom]:
    for c in conditions:
        if isinstance(c, n.Atom):
            yield c
        elif isinstance(c, n.Negation):
            yield c.atom


def every_atom(kb: KnowledgeBase, rows: bool = False, summary=None) -> Iterator[n.Atom]:
    """Every atom written anywhere: heads, conditions, question domains, saved questions.

    rows: a case's fact kept as a row (n.PlainFact) is given itself, not its head (whose nodes would be made
    for it): it has the head's predicate, values and arity. summary (checks/rows.Rows): the rows left out."""
    for clause, _norm in (kb.all_clauses() if summary is None else summary.all_clauses()):
        if rows and clause.__class__ is n.PlainFact:
            yield clause   # type: ignore[misc]
            continue
        yield clause.head
        yield from atoms_of(clause.body)
    for decl in kb.predicates.values():
        if decl.domain:
            yield from atoms_of(decl.domain)
    for question in kb.questions.values():
        yield question.query.atom
    for constraint in kb.constraints:     # `never CONDITIONS`
        yield from atoms_of(constraint.conditions)
    for scope in kb.scopes:       # `outside scope "..." for ATOM if CONDITIONS`
        if scope.atom is not None:
            yield scope.atom
            yield from atoms_of(scope.conditions)


def check_atom(kb: KnowledgeBase, atom: n.Atom, language: str | None = None) -> list[Diagnostic]:
    """An atom over an undeclared predicate or with the wrong number of arguments; in `language` for a question."""
    decl = kb.predicates.get(atom.predicate)
    if decl is None and atom.predicate.startswith(n.UNIVERSAL_PREFIX):
        return []   # the counterexamples of a `for every` condition (n.Universal): no name a user writes
    if decl is None:
        guess = did_you_mean(atom.predicate, kb.predicates)
        return [Diagnostic("undefined-predicate", message("unknown predicate", language, name=atom.predicate),
                           atom.predicate_span,
                           hint=message("did you mean", language, guess=guess) if guess else
                           message("declare predicate", language))]
    if decl.arity != atom.arity:
        signature = f"{decl.name}({', '.join(decl.parameters)})"
        text = message("arity", language, name=atom.predicate, count=decl.arity, signature=signature, given=atom.arity)
        return [Diagnostic("arity", text, atom.span,
                           notes=(Note(message("declared here", language, name=atom.predicate), decl.name_span),))]
    return []


def check(kb: KnowledgeBase, language: str | None = None) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for decl in kb.predicates.values():
        if not decl.name[0].isalpha() or decl.name[0].isupper():
            found.append(Diagnostic("bad-predicate-name", message("bad-predicate-name", language, name=decl.name),
                                    decl.name_span, hint=message("write name", language,
                                                                 name=decl.name[0].lower() + decl.name[1:])))
        if len(set(decl.parameters)) != len(decl.parameters):
            found.append(Diagnostic("duplicate-id", message("argument named twice", language, name=decl.name),
                                    decl.name_span))
    predicates = kb.predicates
    summary = rows.of(kb)   # every row's predicate declared with its arity: no row is told anything, none walked
    fitting = all(p in predicates and predicates[p].arity == arity for p, arity in summary.shapes)
    for atom in every_atom(kb, rows=True, summary=summary if fitting else None):
        if atom.__class__ is n.PlainFact:   # a row: its head's nodes made only for a diagnostic
            decl = predicates.get(atom.predicate)
            if decl is not None and decl.arity == len(atom.values):   # type: ignore[attr-defined]
                continue
            atom = atom.head   # type: ignore[attr-defined]
        found += check_atom(kb, atom, language)
    for assumable in kb.assumables:      # `assumable NAME, ...`: declared predicates
        for ref in assumable.predicates:
            if ref.norm_id not in kb.predicates:
                guess = did_you_mean(ref.norm_id, kb.predicates)
                found.append(Diagnostic("undefined-predicate", message("unknown predicate", language, name=ref.norm_id),
                                        ref.span, hint=message("did you mean", language, guess=guess) if guess else
                                        message("declare predicate", language)))
    return found
