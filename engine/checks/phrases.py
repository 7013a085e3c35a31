"""Repeated phrases: a declaration that gives the same phrase (or a label as a phrase) twice in one language; a
`phrase ... member` (one kind of person within a relation) where no relation of two arguments is named; and a
`phrase ... gender` that is not female or male, stands where a phrase names no person, or disagrees with another
phrase of the same member.

A question in words reads a predicate's or constant's labels and `phrase`s (engine/tools/understanding.py); the same
words written twice say nothing more, and usually mean that another phrase was meant (`phrase ru "ООО"` twice where
the second was to be another abbreviation). Compared as a question reads them: letter case and spaces aside.
"""

from __future__ import annotations

from engine.base.diagnostics import Diagnostic
from engine.base.messages import message
from engine.syntax import nodes as n
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
    found += _members(kb, language)
    found += _genders(kb, language)
    return found


def _genders(kb: KnowledgeBase, language: str | None) -> list[Diagnostic]:
    """A phrase's `gender` is `female` or `male`, on a phrase of a predicate of one or two arguments (the person it
    names); the phrases of one member that say a gender say the same."""
    found: list[Diagnostic] = []
    declarations = [(d.name, d.phrases, d.arity in (1, 2)) for d in kb.predicates.values()]
    declarations += [(d.name, d.phrases, False) for d in kb.constants.values()]
    declarations += [("outside scope", getattr(s, "phrases", ()), False) for s in kb.scopes]
    for name, phrases, of_a_person in declarations:
        said: dict[str, n.Label] = {}   # a member -> its first phrase that says a gender
        for phrase in phrases:
            gender = getattr(phrase, "gender", None)
            if gender is None:
                continue
            first = said.setdefault(phrase.member, phrase) if phrase.member is not None and gender in n.PHRASE_GENDERS else None
            why = (message("gender unknown", language, genders=", ".join(n.PHRASE_GENDERS)) if gender not in n.PHRASE_GENDERS
                   else message("gender of no person", language, name=name) if not of_a_person
                   else message("gender of the member", language, phrase=first.text, gender=first.gender, line=first.span.line)
                   if first is not None and first.gender != gender else None)
            if why is not None:
                found.append(Diagnostic("phrase-gender", message("phrase-gender", language, name=name, phrase=phrase.text,
                                                                  language=phrase.language, gender=gender, why=why),
                                        phrase.span, hint=message("say the gender", language,
                                                                  genders=" / ".join(f"gender {g}" for g in n.PHRASE_GENDERS))))
    return found


def _members(kb: KnowledgeBase, language: str | None) -> list[Diagnostic]:
    """A `phrase ... member` only of a relation of two arguments, its member no predicate's name (a new person of it is
    named `MEMBER_of_SUBJECT`, which would read as that predicate's)."""
    found: list[Diagnostic] = []
    declarations = [(d.name, d.phrases, d.arity == 2) for d in kb.predicates.values()]
    declarations += [(d.name, d.phrases, False) for d in kb.constants.values()]
    declarations += [("outside scope", getattr(s, "phrases", ()), False) for s in kb.scopes]
    for name, phrases, relation in declarations:
        for phrase in phrases:
            member = getattr(phrase, "member", None)
            if member is None:
                continue
            why = (message("member of no relation", language, name=name) if not relation
                   else message("member is a predicate", language, member=member) if member in kb.predicates else None)
            if why is not None:
                found.append(Diagnostic("member-not-relation", message("member-not-relation", language, name=name,
                                                                        phrase=phrase.text, language=phrase.language,
                                                                        member=member, why=why),
                                        phrase.span, hint=message("drop member", language, member=member)))
    return found
