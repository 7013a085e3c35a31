"""Validity: a norm's `in force` interval must lie within its act's (the act bounds every norm in it)."""

from __future__ import annotations

from engine.base.diagnostics import Diagnostic, Note
from engine.base.messages import message
from engine.syntax.knowledge import KnowledgeBase


def check(kb: KnowledgeBase, language: str | None = None) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for norm in kb.norms.values():
        act = kb.acts.get(norm.act_key) if norm.act_key else None
        if norm.in_force is None or act is None or act.in_force is None:
            continue
        own, bound = norm.in_force, act.in_force
        disjoint = ((own.end is not None and bound.start is not None and own.end < bound.start)
                    or (bound.end is not None and own.start is not None and own.start > bound.end))
        if disjoint:
            found.append(Diagnostic(
                "norm-never-in-force", message("norm-never-in-force", language, norm=norm.id, act=act.key,
                                               when=_shown(own.start, own.end, language)), own.span,
                notes=_act_in_force(act, language),
                hint=message("correct the date", language)))
        elif ((own.start is not None and bound.start is not None and own.start < bound.start)
              or (bound.end is not None and (own.end is None or own.end > bound.end))):
            found.append(Diagnostic(
                "validity-outside-act", message("validity-outside-act", language, norm=norm.id, act=act.key,
                                                when=_shown(own.start, own.end, language)), own.span,
                notes=_act_in_force(act, language),
                hint=message("narrow the interval", language)))
    return found


def _act_in_force(act, language: str | None) -> tuple[Note, ...]:
    """The note of a norm's diagnostic: when its act is in force (said only where a diagnostic has it)."""
    bound = act.in_force
    return (Note(message("act in force", language, act=act.key, when=_shown(bound.start, bound.end, language)),
                 bound.span),)


def _shown(start, end, language: str | None = None) -> str:
    if start is None:
        return message("always to", language, end=end) if end else message("always", language)
    return message("from to", language, start=start, end=end) if end else message("from", language, start=start)
