"""Static checks of a knowledge base, one small module per check; `run` applies them all in order."""

from __future__ import annotations

from engine.base.diagnostics import Diagnostic, errors
from engine.syntax.knowledge import KnowledgeBase


def checks() -> tuple[tuple, tuple]:
    """(the checks, the advice), imported when first run: a question whose law and sample case were checked
    before (engine.pipeline, from the cache) imports none of them.

    The checks: what makes the text meaningless or the law wrong, always run. The advice (warnings only):
    what makes the law doubtful or incomplete, given once the knowledge base is free of errors, so that an
    error is never buried under warnings about the same broken text."""
    from engine.checks import (concluded_reads, conclusions, conflicts, declarations, exceptions, names, phrases,
                               readings, safety, scripts, stratification, translations, usage, validity, variables)

    return ((declarations, names, safety, stratification, validity, conclusions, readings),
            (exceptions, conflicts, translations, usage, scripts, concluded_reads, variables, phrases))


def run(kb: KnowledgeBase, language: str = "en") -> list[Diagnostic]:
    """Every diagnostic of the knowledge base; in the reader's language where the check speaks it
    (engine/base/messages.py: the checks that take `language`), with the same codes in every language."""
    from engine.checks import rows

    found: list[Diagnostic] = list(kb.duplicates)
    always, advice = checks()
    with rows.kept(kb):   # the case's rows split from the other clauses once, for every check (checks/rows.py)
        for check in always:
            found += _run(check, kb, language)
        if not errors(found):
            for check in advice:
                found += _run(check, kb, language)
    return found


def _run(check, kb: KnowledgeBase, language: str) -> list[Diagnostic]:
    import inspect

    if language != "en" and "language" in inspect.signature(check.check).parameters:
        return check.check(kb, language)
    return check.check(kb)
