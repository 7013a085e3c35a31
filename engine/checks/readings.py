"""Readings: every reading named by a norm, a condition or `instead of` is declared; each group of
alternatives has exactly one default (docs/semantics.md, "Readings")."""

from __future__ import annotations

from engine.base.diagnostics import Diagnostic
from engine.syntax.knowledge import KnowledgeBase


def check(kb: KnowledgeBase) -> list[Diagnostic]:
    found: list[Diagnostic] = []

    def named(name: str, span, where: str) -> None:
        if name not in kb.readings:
            found.append(Diagnostic("unknown-reading", f"{where} names the reading {name}, which is not declared", span,
                                    hint="declare it with `reading NAME ...`, or correct the name"))

    for declared in kb.norms.values():
        for ref in declared.readings:
            named(ref.norm_id, ref.span, f"the norm {declared.id}")
    for clause, norm in kb.all_clauses():
        for index, name in clause.conditional:
            named(name, clause.body[index].span, f"a condition of {norm.id if norm else 'a rule'}")
    links: dict[str, set[str]] = {name: set() for name in kb.readings}
    for decl in kb.readings.values():
        for ref in decl.instead_of:
            named(ref.norm_id, ref.span, f"the reading {decl.name}")
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
            found.append(Diagnostic("reading-without-default",
                                    f"the alternative readings {', '.join(sorted(group))} have "
                                    f"{'no default' if not defaults else 'several defaults: ' + ', '.join(defaults)}",
                                    decl.name_span, hint="mark exactly one of them `default`"))
    return found
