"""Static checks of a knowledge base, one small module per check; `run` applies them all in order."""

from __future__ import annotations

from engine.checks import declarations, names, safety, stratification
from engine.diagnostics import Diagnostic
from engine.knowledge import KnowledgeBase


def run(kb: KnowledgeBase) -> list[Diagnostic]:
    found: list[Diagnostic] = list(kb.duplicates)
    found += declarations.check(kb)
    found += names.check(kb)
    found += safety.check(kb)
    found += stratification.check(kb)
    return found
