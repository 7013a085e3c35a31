"""Variables and constants that are probably typos: the law they write is wider than the author meant.

- `single-use-variable`: a variable that occurs once in a rule or norm constrains nothing (`q(C, Q)`
  where `q(C, P)` was meant). When a variable of the conclusion is left unbound, the hint names it.
- `domain-bound-variable`: a variable of a norm's conclusion that no condition binds is bound by the
  predicate's `asked over` domain only, so the norm reaches everyone the domain lists (and anyone a
  question names). Where that is meant ("whoever the other party"), the norm says so by writing the
  variable with a leading underscore (`_Other`), the usual mark of a variable left open on purpose; the
  same mark silences `single-use-variable`.
- `lone-constant`: a lower-case name in a conclusion that occurs nowhere else in the knowledge base
  (`q(C, p)`, a constant where the variable P was meant).

Advice only (warnings); it reads the parsed knowledge base and may import engine.syntax, engine.base,
engine.checks.rows (a case's rows read once) and engine.logic.ir (which variables the conditions bind).
"""

from __future__ import annotations

from typing import Iterator

from engine.base.diagnostics import Diagnostic
from engine.base.messages import message
from engine.checks import rows
from engine.logic.ir import bound_variables
from engine.syntax import nodes as n
from engine.syntax.knowledge import KnowledgeBase


def _terms(condition) -> Iterator[n.Term]:
    if isinstance(condition, n.Atom):
        yield from condition.args
    elif isinstance(condition, n.Negation):
        yield from condition.atom.args
    elif isinstance(condition, n.Comparison):
        yield condition.left
        yield condition.right


def _open(name: str) -> bool:
    """`_` and `_Name`: a variable its author marked as left open on purpose."""
    return name.startswith("_")


def _closest(name: str, candidates: list[str]) -> str | None:
    if not candidates:
        return None
    import difflib   # only for a diagnostic: a clause without one does not import it

    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.0)
    return close[0] if close else candidates[0]


def check(kb: KnowledgeBase, language: str | None = None) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for clause, norm in rows.of(kb).all_clauses():   # a case's row is a fact
        if clause.is_fact or clause.head.predicate.startswith(n.UNIVERSAL_PREFIX):
            continue   # a `for every` condition's definition is the parser's, not the author's text
        what = "in this norm" if norm is not None else "in this rule"   # said where a variable is used once
        occurrences: dict[str, list[n.Variable]] = {}
        for term in [*clause.head.args, *(t for c in clause.body for t in _terms(c))]:
            if isinstance(term, n.Variable) and not _open(term.name):
                occurrences.setdefault(term.name, []).append(term)
        bound = bound_variables(clause.body)
        head_names = {v.name for v in clause.head.variables()}
        unbound = [name for name in dict.fromkeys(v.name for v in clause.head.variables())
                   if name in occurrences and name not in bound]
        single = [uses[0] for name, uses in occurrences.items() if len(uses) == 1 and name not in head_names]
        for name in unbound:
            first = occurrences[name][0]
            if single:
                hint = message("did you mean var instead", language, meant=name, written=single[0].name,
                               where=str(single[0].span))
            else:
                hint = message("mark open variable", language, name=name)
            found.append(Diagnostic("domain-bound-variable",
                                    message("domain-bound-variable", language, name=name, predicate=clause.head.predicate),
                                    first.span, hint=hint))
        for variable in single:
            guess = _closest(variable.name, unbound) or _near(variable.name, [x for x in occurrences if x != variable.name])
            hint = message("did you mean", language, guess=guess) if guess else \
                message("mark open variable", language, name=variable.name)
            found.append(Diagnostic("single-use-variable",
                                    message("single-use-variable", language, name=variable.name,
                                            where=message(what, language)),
                                    variable.span, hint=hint))
    found += _lone_constants(kb, language)
    return found


def _near(name: str, candidates: list[str]) -> str | None:
    import difflib

    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.75)
    return close[0] if close else None


def _lone_constants(kb: KnowledgeBase, language: str | None) -> list[Diagnostic]:
    """A lower-case name in a conclusion that occurs nowhere else: a constant where a variable was meant."""
    counts: dict[str, int] = {}

    def count(term) -> None:
        if isinstance(term, n.Constant) and isinstance(term.value, str):
            counts[term.value] = counts.get(term.value, 0) + 1

    summary = rows.of(kb)   # the rows' values are asked about only for a name the rest holds once
    for clause, _norm in summary.all_clauses():
        for term in clause.head.args:
            count(term)
        for condition in clause.body:
            for term in _terms(condition):
                count(term)
    for decl in kb.predicates.values():
        for condition in decl.domain or ():
            for term in _terms(condition):
                count(term)
    for question in kb.questions.values():
        for term in question.query.atom.args:
            count(term)
    declared = set(kb.constants)
    found = []
    lone = {term.value for clause, _norm in summary.all_clauses()
            if not clause.is_fact and not clause.head.predicate.startswith(n.UNIVERSAL_PREFIX)
            for term in clause.head.args if isinstance(term, n.Constant) and isinstance(term.value, str)
            and counts.get(term.value) == 1}
    held = summary.holding(lone)   # counted once outside the rows, and in no row: once in all
    for clause, norm in summary.all_clauses():
        if clause.is_fact or clause.head.predicate.startswith(n.UNIVERSAL_PREFIX):
            continue
        for term in clause.head.args:
            if isinstance(term, n.Constant) and isinstance(term.value, str) and counts.get(term.value) == 1 \
                    and term.value not in declared and _lowercase_name(term) and term.value not in held:
                variables = [v.name for v in clause.head.variables()] + \
                    [t.name for c in clause.body for t in _terms(c) if isinstance(t, n.Variable)]
                guess = next((v for v in variables if v.lower() == term.value.lower()), None) or term.value.capitalize()
                found.append(Diagnostic("lone-constant", message("lone-constant", language, name=term.value),
                                        term.span, hint=message("lone-constant hint", language, name=term.value,
                                                                variable=guess)))
    return found


def _lowercase_name(term: n.Constant) -> bool:
    """A name written bare (`p`, `a`), not a "text", a date or a number."""
    text = str(term)
    return text == term.value and text[:1].isalpha() and text[:1].islower()
