"""Exceptions that can never bite: `exception to` between norms whose conclusions can never conflict, or
written by an act of lower rank against a norm of a higher-ranked act that delegates no such power
(lex superior bounds lex specialis: `exception-outranked`)."""

from __future__ import annotations

from engine.checks.conflicts import overlap, unifier
from engine.logic.norms import conflicting
from engine.base.diagnostics import Diagnostic, Note
from engine.base.messages import message
from engine.logic.ir import norm_info
from engine.syntax.knowledge import KnowledgeBase


def check(kb: KnowledgeBase, language: str | None = None) -> list[Diagnostic]:
    """An exception only decides where both norms conclude the same atom with conflicting modalities.

    Anything else (a provision with no conclusion, two prohibitions, q(..., a) against
    r(...), validity intervals that never meet) makes the `exception to` dead text: the
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
                    message("exception-outranked", language, norm=norm.id, lower=lower, rank=a.rank, excepted=excepted.id,
                            higher=higher, higher_rank=b.rank), ref.span,
                    notes=(Note(message("norm declared here", language, norm=excepted.id), excepted.id_span),),
                    hint=message("delegate or remove", language, higher=higher, lower=lower, excepted=excepted.id)))
                continue
            why = _why_never(kb, norm, excepted, language)
            if why:
                found.append(Diagnostic(
                    "exception-never-bites", message("exception-never-bites", language, norm=norm.id, excepted=excepted.id,
                                                     why=why), ref.span,
                    notes=(Note(message("norm declared here", language, norm=excepted.id), excepted.id_span),),
                    hint=message("exception concludes", language)))
    return found


def _why_never(kb: KnowledgeBase, norm, excepted, language: str | None = None) -> str | None:
    a, b = norm.clause, excepted.clause
    for node, clause in ((norm, a), (excepted, b)):
        if clause is None or clause.modality is None:
            return message("concludes nothing", language, norm=node.id)
    if not conflicting(a.modality, b.modality):
        return message("both are", language, modality=a.modality) if a.modality == b.modality else \
            message("do not conflict", language, first=a.modality, second=b.modality)
    if unifier(a.head, b.head) is None:
        return message("no common atom", language, first=str(a.head), second=str(b.head))
    if not overlap(norm_info(kb, norm), norm_info(kb, excepted)):
        return message("never together", language)
    return None
