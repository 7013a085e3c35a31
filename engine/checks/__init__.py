"""Static checks of a knowledge base, one small module per check; `run` applies them all in order."""

from __future__ import annotations

from engine.checks import (concluded_reads, conclusions, conflicts, declarations, exceptions, names, readings, safety, stratification,
                           scripts, translations, usage, validity, variables)
from engine.base.diagnostics import Diagnostic, errors
from engine.syntax.knowledge import KnowledgeBase

# What makes the text meaningless or the law wrong: always run.
CHECKS = (declarations, names, safety, stratification, validity, conclusions, readings)
# Advice (warnings only): what makes the law doubtful or incomplete. Given once the knowledge base is
# free of errors, so that an error is never buried under warnings about the same broken text.
ADVICE = (exceptions, conflicts, translations, usage, scripts, concluded_reads, variables)


def run(kb: KnowledgeBase) -> list[Diagnostic]:
    found: list[Diagnostic] = list(kb.duplicates)
    for check in CHECKS:
        found += check.check(kb)
    if not errors(found):
        for check in ADVICE:
            found += check.check(kb)
    return found
