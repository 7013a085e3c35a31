"""Readings: every reading named by a norm, a condition or `instead of` is declared; each group of
alternatives has exactly one default (docs/semantics.md, "Readings")."""

from __future__ import annotations

from engine.base.diagnostics import Diagnostic
from engine.base.messages import message
from engine.checks import rows
from engine.syntax.knowledge import KnowledgeBase


def check(kb: KnowledgeBase, language: str | None = None) -> list[Diagnostic]:
    found: list[Diagnostic] = []

    def named(reading: str, span, where: str, **values) -> None:
        """`where` (a message's key, with its values) is said only for a reading not declared."""
        if reading not in kb.readings:
            found.append(Diagnostic("unknown-reading", message("unknown-reading", language,
                                                               where=message(where, language, **values), name=reading),
                                    span, hint=message("declare reading", language)))

    for declared in kb.norms.values():
        for ref in declared.readings:
            named(ref.norm_id, ref.span, "the norm", norm=declared.id)
    for clause, norm in rows.of(kb).all_clauses():   # a case's row counts under every reading
        for index, name in clause.conditional:
            if norm:
                named(name, clause.body[index].span, "a condition of", norm=norm.id)
            else:
                named(name, clause.body[index].span, "a condition of a rule")
    links: dict[str, set[str]] = {name: set() for name in kb.readings}
    for decl in kb.readings.values():
        for ref in decl.instead_of:
            named(ref.norm_id, ref.span, "the reading", name=decl.name)
            if ref.norm_id in links:
                links[decl.name].add(ref.norm_id)
                links[ref.norm_id].add(decl.name)
    seen: set[str] = set()
    for name in sorted(kb.readings):
        if name in seen or not links[name]:
            continue
        group, stack = set(), [name]
        while stack:
            r = stack.pop()
            if r not in group:
                group.add(r)
                stack += links[r]
        seen |= group
        defaults = sorted(r for r in group if kb.readings[r].default)
        if len(defaults) != 1:
            decl = kb.readings[name]
            names = ", ".join(sorted(group))
            found.append(Diagnostic("reading-without-default",
                                    message("no default reading", language, names=names) if not defaults else
                                    message("several default readings", language, names=names, defaults=", ".join(defaults)),
                                    decl.name_span, hint=message("mark one default", language)))
    return found
