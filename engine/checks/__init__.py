"""Static checks of a knowledge base, one small module per check; `run` applies them all in order."""

from __future__ import annotations

import inspect

from engine.checks import (concluded_reads, conclusions, conflicts, declarations, exceptions, names, readings, safety, stratification,
                           scripts, translations, usage, validity, variables)
from engine.base.diagnostics import Diagnostic, errors
from engine.syntax.knowledge import KnowledgeBase

# What makes the text meaningless or the law wrong: always run.
CHECKS = (declarations, names, safety, stratification, validity, conclusions, readings)
# Advice (warnings only): what makes the law doubtful or incomplete. Given once the knowledge base is
# free of errors, so that an error is never buried under warnings about the same broken text.
ADVICE = (exceptions, conflicts, translations, usage, scripts, concluded_reads, variables)


def run(kb: KnowledgeBase, language: str = "en") -> list[Diagnostic]:
    """Every diagnostic of the knowledge base; in the reader's language where the check speaks it
    (engine/base/messages.py: the checks that take `language`), with the same codes in every language."""
    found: list[Diagnostic] = list(kb.duplicates)
    for check in CHECKS:
        found += _run(check, kb, language)
    if not errors(found):
        for check in ADVICE:
            found += _run(check, kb, language)
    return found


def _run(check, kb: KnowledgeBase, language: str) -> list[Diagnostic]:
    if language != "en" and "language" in inspect.signature(check.check).parameters:
        return check.check(kb, language)
    return check.check(kb)
