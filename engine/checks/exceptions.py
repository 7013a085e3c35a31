"""Exceptions that can never bite: `exception to` between norms whose conclusions can never conflict, or
written by an act of lower rank against a norm of a higher-ranked act that delegates no such power
(lex superior bounds lex specialis: `exception-outranked`)."""

from __future__ import annotations

from engine.checks.conflicts import overlap, unifier
from engine.logic.norms import conflicting
from engine.base.diagnostics import Diagnostic, Note
from engine.logic.ir import norm_info
from engine.syntax.knowledge import KnowledgeBase


def check(kb: KnowledgeBase) -> list[Diagnostic]:
    """An exception only decides where both norms conclude the same atom with conflicting modalities.

    Anything else (a provision with no conclusion, two prohibitions, call(..., legal_aid) against
    visit(...), validity intervals that never meet) makes the `exception to` dead text: the
    priority the author meant is never used, usually because a head or a modality was mistyped.
    """
    found: list[Diagnostic] = []
    for norm in kb.norms.values():
        for ref in norm.exception_to:
            excepted = kb.norms.get(ref.norm_id)
            if excepted is None or excepted.id == norm.id:
                continue  # unknown-norm and exception-cycle report these
            a, b = norm_info(kb, norm), norm_info(kb, excepted)
            if a.rank < b.rank and not (a.act and any(r.norm_id == a.act.key for r in excepted.delegates)):
                lower, higher = (a.act.key if a.act else "?"), (b.act.key if b.act else "?")
                found.append(Diagnostic(
                    "exception-outranked",
                    f"{norm.id} ({lower}, rank {a.rank}) is written as an exception to {excepted.id} ({higher}, rank {b.rank}), "
                    f"but an act of lower rank cannot carve an exception out of a higher-ranked act: lex superior decides "
                    f"between them, and {excepted.id} prevails", ref.span,
                    notes=(Note(f"{excepted.id} is declared here", excepted.id_span),),
                    hint=f"if {higher} delegates this to {lower}, say so on {excepted.id}: `delegates exceptions to {lower}`; "
                         f"otherwise remove the `exception to`"))
                continue
            why = _why_never(kb, norm, excepted)
            if why:
                found.append(Diagnostic(
                    "exception-never-bites", f"{norm.id} is an exception to {excepted.id}, but {why}", ref.span,
                    notes=(Note(f"{excepted.id} is declared here", excepted.id_span),),
                    hint="an exception must conclude the same atom as the norm it excepts, with the opposite modality "
                         "(permitted/obligatory/discretionary against prohibited)"))
    return found


def _why_never(kb: KnowledgeBase, norm, excepted) -> str | None:
    a, b = norm.clause, excepted.clause
    for node, clause in ((norm, a), (excepted, b)):
        if clause is None or clause.modality is None:
            return f"{node.id} concludes no permission, prohibition or obligation"
    if not conflicting(a.modality, b.modality):
        return f"both are {a.modality}" if a.modality == b.modality else \
            f"{a.modality} and {b.modality} do not conflict"
    if unifier(a.head, b.head) is None:
        return f"no atom is both {a.head} and {b.head}"
    if not overlap(norm_info(kb, norm), norm_info(kb, excepted)):
        return "they are never in force on the same day"
    return None
