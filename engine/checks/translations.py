"""Translations: every act (title, citation forms), predicate, kind, constant, norm (quotes, interpretation) and
saved question speaks kk, ru and en (each of them that the kb writes in at all). The engine's own words are checked by tests/test_i18n_words.py."""

from __future__ import annotations

from engine.syntax import nodes as n
from engine.base.diagnostics import Diagnostic
from engine.base.messages import message
from engine.syntax.knowledge import KnowledgeBase


def _missing_in(labels, languages=n.LANGUAGES) -> list[str]:
    present = {label.language for label in labels}
    return [language for language in languages if language not in present]


def _diagnostic(what: str, missing: list[str], span, write: str, language: str | None = None) -> Diagnostic:
    return Diagnostic("missing-translation", message("missing in", language, what=what, languages=", ".join(missing)), span,
                      hint=message("add", language, text="  ".join(write.format(language=m) for m in missing)))


def spoken(kb: KnowledgeBase) -> tuple[str, ...]:
    """The languages the knowledge base writes in: a kb written only in English (another country's law) is
    asked for no Kazakh or Russian; one that writes any text in a language must write all of it in that one."""
    used = {label.language for act in kb.acts.values() for label in act.labels}
    used |= {label.language for decl in kb.predicates.values() for label in decl.labels}
    used |= {label.language for constant in kb.constants.values() for label in constant.labels}
    used |= {q.language for norm in kb.norms.values() for q in norm.quotes}
    return tuple(language for language in n.LANGUAGES if language in used) or n.LANGUAGES


def check(kb: KnowledgeBase, language: str | None = None) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    languages = spoken(kb)

    def _missing(labels, wanted=n.LANGUAGES):
        return _missing_in(labels, tuple(lang for lang in wanted if lang in languages))
    for act in kb.acts.values():
        if missing := _missing(act.labels):
            found.append(_diagnostic(message("no title", language, what=act.key), missing, act.key_span, '{language} "..."', language=language))
    for decl in kb.predicates.values():
        if missing := _missing(decl.labels):
            found.append(_diagnostic(message("predicate no label", language, what=decl.name), missing, decl.name_span, '{language} "..."', language=language))
        if missing := _missing(decl.readings):
            placeholders = " ".join("{{" + p + "}}" for p in decl.parameters)
            found.append(_diagnostic(message("predicate no reads", language, what=decl.name), missing, decl.name_span,
                                     f'reads {{language}} "{placeholders} ..."', language=language))
    for kind in kb.kinds.values():   # what a reader calls a value of the kind (a party of a fact, in words)
        if missing := _missing(kind.labels):
            found.append(_diagnostic(message("kind no label", language, what=kind.name), missing, kind.name_span,
                                     '{language} "..."', language=language))
    for const in kb.constants.values():
        if missing := _missing(const.labels):
            found.append(_diagnostic(message("constant no label", language, what=const.name), missing, const.span, '{language} "..."', language=language))
    for norm in kb.norms.values():
        # the Kazakh quote is missing-quote's to report; here the renderings in ru and en
        if missing := _missing(norm.quotes, ("ru", "en")):
            found.append(_diagnostic(message("norm no quote", language, what=norm.id), missing, norm.id_span, '{language} "..."', language=language))
        # a reading of the text is shown wherever the norm is used (untagged: English)
        written = norm.interpretations or ((n.Label("en", norm.interpretation, norm.span),) if norm.interpretation else ())
        if written:
            if missing := _missing(written):
                found.append(_diagnostic(message("norm no interpretation", language, what=norm.id), missing, norm.id_span,
                                         'interpretation {language} "..."', language=language))
    for act in kb.acts.values():  # citations are shown in the reader's form where the act has forms at all
        if act.citations and (missing := _missing(act.citations, ("kk", "ru"))):
            found.append(_diagnostic(message("act no citation form", language, what=act.key), missing, act.key_span,
                                     'citation {language} "... {{1}} ..."', language=language))
    for question in kb.questions.values():
        if missing := _missing(question.labels):
            found.append(_diagnostic(message("question no title", language, what=question.name), missing, question.span,
                                     '{language} "..."', language=language))
    return found
