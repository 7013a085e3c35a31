"""Validity: a norm's `in force` interval must lie within its act's (the act bounds every norm in it)."""

from __future__ import annotations

from engine.base.diagnostics import Diagnostic, Note
from engine.syntax.knowledge import KnowledgeBase


def check(kb: KnowledgeBase) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for norm in kb.norms.values():
        act = kb.acts.get(norm.act_key) if norm.act_key else None
        if norm.in_force is None or act is None or act.in_force is None:
            continue
        own, bound = norm.in_force, act.in_force
        note = (Note(f"the act {act.key} is in force {_shown(bound.start, bound.end)}", bound.span),)
        disjoint = ((own.end is not None and bound.start is not None and own.end < bound.start)
                    or (bound.end is not None and own.start is not None and own.start > bound.end))
        if disjoint:
            found.append(Diagnostic(
                "norm-never-in-force", f"the norm {norm.id} is in force {_shown(own.start, own.end)}, "
                f"never while its act {act.key} is", own.span, notes=note,
                hint="a norm counts only on days its act is in force too; correct the date or the citation"))
        elif ((own.start is not None and bound.start is not None and own.start < bound.start)
              or (bound.end is not None and (own.end is None or own.end > bound.end))):
            found.append(Diagnostic(
                "validity-outside-act", f"the norm {norm.id} is in force {_shown(own.start, own.end)}, "
                f"beyond its act {act.key}", own.span, notes=note,
                hint="the days outside the act's interval are ignored; narrow the norm's interval to the act's"))
    return found


def _shown(start, end) -> str:
    return f"from {start.isoformat() if start else 'the beginning'}" + (f" to {end.isoformat()}" if end else "")
