"""Repeated phrases: a declaration that gives the same phrase (or a label as a phrase) twice in one language.

A question in words reads a predicate's or constant's labels and `phrase`s (engine/tools/understanding.py); the same
words written twice say nothing more, and usually mean that another phrase was meant (`phrase ru "ООО"` twice where
the second was to be another abbreviation). Compared as a question reads them: letter case and spaces aside.
"""

from __future__ import annotations

from engine.base.diagnostics import Diagnostic
from engine.base.messages import message
from engine.syntax.knowledge import KnowledgeBase


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def check(kb: KnowledgeBase, language: str | None = None) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    declarations = [(d.name, d.labels, d.phrases) for d in kb.predicates.values()]
    declarations += [(d.name, d.labels, d.phrases) for d in kb.constants.values()]
    declarations += [("outside scope", s.labels, getattr(s, "phrases", ())) for s in kb.scopes]
    for name, labels, phrases in declarations:
        seen = {(label.language, _normal(label.text)): label for label in labels}
        for phrase in phrases:
            key = (phrase.language, _normal(phrase.text))
            first = seen.get(key)
            if first is not None:
                found.append(Diagnostic("duplicate-phrase", message("duplicate-phrase", language, name=name,
                                                                     phrase=phrase.text, language=phrase.language),
                                        phrase.span, hint=message("drop or change the phrase", language,
                                                                  line=first.span.line)))
            else:
                seen[key] = phrase
    return found
