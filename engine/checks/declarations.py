"""Declarations: acts, citations, references between norms, modalities, dates and templates."""

from __future__ import annotations

import re
from operator import attrgetter

from engine.syntax import nodes as n
from engine.base.diagnostics import Diagnostic, Note, did_you_mean
from engine.base.messages import message
from engine.syntax.knowledge import KnowledgeBase

# `act 134.1.2`, `act 34.1.a` (lettered sub-paragraphs); an act's key alone cites the act as a whole; `act word` a named part (`code reasoning`)
CITATION = re.compile(r"^\S+( (\d+[A-Za-z]?(\.(\d+[A-Za-z]?|[a-z]+))*|[a-z_]+))?$")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_INTERVAL = attrgetter("interval")


def check(kb: KnowledgeBase, language: str | None = None) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    found += _intervals(kb, language)
    for norm in kb.norms.values():
        found += _norm(kb, norm, language)
    found += _exception_cycles(kb, language)
    for scope in kb.scopes:       # the provisions a kb declares it does not encode: citation keys of declared acts
        for key in scope.citations:
            act = key.split(" ")[0]
            if not CITATION.match(key):
                found.append(Diagnostic("invalid-citation", message("invalid-citation", language, written=key), scope.span,
                                        hint=message("citation form short", language)))
            elif act not in kb.acts:
                guess = did_you_mean(act, kb.acts)
                found.append(Diagnostic("unknown-act", message("unknown-act outside scope", language, act=act),
                                        scope.span, hint=message("did you mean", language, guess=guess) if guess else
                                        message("declare act", language, act=act)))
    for clause in kb.clauses:
        if clause.modality:
            found.append(Diagnostic("modality-outside-norm", message("modality-outside-norm", language, modality=clause.modality),
                                    clause.modality_span, hint=message("inside a norm", language)))
    for decl in kb.predicates.values():
        for reading in decl.readings:
            for _m, name, _case, forms in n.template_places(reading.text):
                if forms is not None and len(forms) != len(n.GENDER_FORMS) and name in decl.parameters:
                    found.append(Diagnostic("unknown-placeholder", message("choice forms", language, name=name,
                                                                           count=len(forms)),
                                            reading.span, hint=message("choice forms hint", language, name=name)))
                if name not in decl.parameters:
                    guess = did_you_mean(name, decl.parameters)
                    found.append(Diagnostic("unknown-placeholder", message("not an argument", language, name=name,
                                                                           predicate=decl.name),
                                            reading.span, hint=message("did you mean", language, guess=f"{{{guess}}}") if guess
                                            else message("the arguments are", language,
                                                         names=", ".join(decl.parameters) or message("none", language))))
    found += _kinds(kb, language)
    for question in kb.questions.values():
        for title in question.labels:  # a typo ({Convikt}) would be printed raw
            for name in PLACEHOLDER.findall(title.text):
                if name not in question.parameters:
                    guess = did_you_mean(name, question.parameters)
                    found.append(Diagnostic("unknown-placeholder", message("not a parameter", language, name=name,
                                                                           question=question.name),
                                            title.span, hint=message("did you mean", language, guess=f"{{{guess}}}") if guess
                                            else message("the parameters are", language,
                                                         names=", ".join(question.parameters) or message("none", language))))
        used = {v.name for v in question.query.atom.variables()}
        for p in question.parameters:
            if p not in used:
                found.append(Diagnostic("unsafe-variable", message("parameter unused", language, question=question.name, name=p),
                                        question.span))
    return found


def _kinds(kb: KnowledgeBase, language: str | None = None) -> list[Diagnostic]:
    """The kinds parameters take and kinds are one of (`Y: holder`, `kind holder is party`) are declared."""
    found = []

    def unknown(ref: n.Reference, text: str) -> Diagnostic:
        guess = did_you_mean(ref.norm_id, kb.kinds)
        return Diagnostic("unknown-kind", text, ref.span, hint=message("did you mean", language, guess=guess) if guess
                          else message("declare kind", language, kind=ref.norm_id))
    for decl in kb.predicates.values():
        for parameter, ref in zip(decl.parameters, decl.kinds):
            if ref is not None and ref.norm_id not in kb.kinds:
                found.append(unknown(ref, message("unknown-kind parameter", language, parameter=parameter,
                                                  predicate=decl.name, kind=ref.norm_id)))
    for kind in kb.kinds.values():
        for ref in kind.parents:
            if ref.norm_id not in kb.kinds:
                found.append(unknown(ref, message("unknown-kind parent", language, what=kind.name, kind=ref.norm_id)))
    return found


def _intervals(kb: KnowledgeBase, language: str | None = None) -> list[Diagnostic]:
    found = []
    intervals = [a.in_force for a in kb.acts.values()] + [m.in_force for m in kb.norms.values()]
    intervals += map(_INTERVAL, kb.clauses)   # in C: a register's rows
    intervals += [norm.clause.interval for norm in kb.norms.values() if norm.clause is not None]
    for interval in filter(None, intervals):
        if interval and interval.start and interval.end and interval.end < interval.start:
            found.append(Diagnostic("invalid-interval", message("invalid-interval", language, end=interval.end,
                                                                start=interval.start), interval.span))
    return found


def _norm(kb: KnowledgeBase, norm: n.Norm, language: str | None = None) -> list[Diagnostic]:
    found = []
    if norm.citation is None:
        found.append(Diagnostic("missing-citation", message("missing-citation", language, norm=norm.id), norm.id_span,
                                hint=message("add cites", language)))
    else:
        if not CITATION.match(norm.citation):
            found.append(Diagnostic("invalid-citation", message("invalid-citation", language, written=norm.citation),
                                    norm.citation_span, hint=message("citation form", language)))
        key = norm.act_key
        if key and key not in kb.acts:
            guess = did_you_mean(key, kb.acts)
            found.append(Diagnostic("unknown-act", message("unknown-act", language, act=key),
                                    norm.citation_span, hint=message("did you mean", language, guess=guess) if guess else
                                    message("declare act", language, act=key)))
    act = kb.acts.get(norm.act_key) if norm.act_key else None
    if act is not None and act.authentic:   # the act's authentic language(s): "authentic en" for English law
        if not any(q.language in act.authentic for q in norm.quotes):
            found.append(Diagnostic("missing-quote", message("missing-quote in", language, norm=norm.id,
                                                             languages=", ".join(act.authentic)),
                                    norm.id_span, hint=message("add quote", language, tag=act.authentic[0])))
    elif not any(q.language == "kk" for q in norm.quotes):
        found.append(Diagnostic("missing-quote", message("missing-quote", language, norm=norm.id), norm.id_span,
                                hint=message("add quote", language, tag="kk")))
    for kind, refs in (("exception to", tuple(r for r in norm.exception_to if r.written_in is None)),
                       ("subject to", norm.subject_to), ("rests on", norm.rests_on), ("see", norm.see),
                       ("interprets", norm.interprets), ("binding by", (norm.binding,) if norm.binding else ())):
        for ref in refs:
            if ref.norm_id not in kb.norms:
                guess = did_you_mean(ref.norm_id, kb.norms)
                found.append(Diagnostic("unknown-norm", message("unknown-norm", language, kind=kind, norm=ref.norm_id),
                                        ref.span, hint=message("did you mean", language, guess=guess) if guess else None))
            elif ref.norm_id == norm.id and kind == "exception to":
                found.append(Diagnostic("exception-cycle", message("exception to itself", language, norm=norm.id), ref.span))
    quotes = {q.language: " ".join(q.text.split()) for q in norm.quotes}
    for d in norm.decisive:
        if " ".join(d.text.split()) not in quotes.get(d.language, ""):
            found.append(Diagnostic("decisive-not-in-quote", message("decisive-not-in-quote", language, norm=norm.id,
                                                                     tag=d.language), d.span,
                                    hint=message("copy the words", language)))
    for ref in norm.delegates:
        if ref.norm_id not in kb.acts:
            guess = did_you_mean(ref.norm_id, kb.acts)
            found.append(Diagnostic("unknown-act", message("unknown-act delegates", language, act=ref.norm_id),
                                    ref.span, hint=message("did you mean", language, guess=guess) if guess else None))
    if norm.deadline is not None and (norm.clause is None or norm.clause.modality != "obligatory"):
        found.append(Diagnostic("deadline-without-obligation", message("deadline-without-obligation", language, norm=norm.id),
                                norm.id_span, hint=message("deadline belongs", language)))
    return found


def _exception_cycles(kb: KnowledgeBase, language: str | None = None) -> list[Diagnostic]:
    """Exceptions must form no cycle: A exception to B and B exception to A decides nothing."""
    edges = {nid: [r.norm_id for r in norm.exception_to if r.norm_id in kb.norms and r.norm_id != nid]
             for nid, norm in kb.norms.items()}
    found, reported = [], set()
    state: dict[str, int] = {}
    for start in sorted(edges):
        if state.get(start):
            continue
        path: list[str] = []
        stack = [(start, iter(edges[start]))]
        state[start] = 1
        path.append(start)
        while stack:
            node, successors = stack[-1]
            nxt = next(successors, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
                path.pop()
                continue
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt):]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    first = kb.norms[cycle[0]]
                    notes = tuple(Note(message("is an exception to", language, norm=a, excepted=b), next(
                        r.span for r in kb.norms[a].exception_to if r.norm_id == b))
                        for a, b in zip(cycle, cycle[1:] + cycle[:1]))
                    found.append(Diagnostic("exception-cycle", message("exception-cycle", language,
                                                                       cycle=" -> ".join(cycle + [cycle[0]])),
                                            first.id_span, notes=notes))
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append((nxt, iter(edges[nxt])))
    return found
