"""Finding one's way in a knowledge base: what can be asked and stated (`zan vocabulary`), one norm in
full (`zan show`), and the names shell completion offers. Plain data in one language; the CLI prints it.
"""

from __future__ import annotations

from engine.explain.i18n import word
from engine.explain.phrasebook import Phrasebook, read_citation
from engine.syntax import nodes as n
from engine.syntax.knowledge import KnowledgeBase
from engine.tools.understanding import askable

STATUSES = ("permitted", "prohibited", "discretionary", "undetermined", "obligatory")


def vocabulary(kb: KnowledgeBase, language: str) -> dict:
    """Predicates (with label, reading, arguments and their kinds, phrases, whether a question asks them), the kinds
    of values (docs/authoring.md, "Kinds of parameters"), constants,
    the values each asked predicate ranges over (purposes...), statuses, and the saved questions."""
    asked = askable(kb)
    predicates = []
    for decl in sorted(kb.predicates.values(), key=lambda d: d.name):
        predicates.append({
            "name": decl.name, "arguments": list(decl.parameters),
            # the kind of value each argument takes (`B: b`; its name where none is declared), with its label
            "kinds": [{"kind": decl.kind_of(i), "label": kb.kind_label(decl.kind_of(i), language)}
                      for i in range(decl.arity)],
            "label": n.label_of(decl.labels, language), "reading": n.label_of(decl.readings, language),
            "phrases": [p.text for p in decl.phrases if p.language == language],
            "asked": decl.name in asked,
        })
    constants = [{"name": c.name, "label": n.label_of(c.labels, language),
                  "phrases": [p.text for p in c.phrases if p.language == language]}
                 for c in sorted(kb.constants.values(), key=lambda c: c.name)]
    ranges = {}
    for decl in kb.predicates.values():
        for condition in decl.domain or ():
            atom = condition.atom if isinstance(condition, n.Negation) else condition
            if isinstance(atom, n.Atom) and atom.arity == 1:
                values = sorted({str(c.head.args[0]) for c in kb.clauses
                                 if c.is_fact and c.head.predicate == atom.predicate and c.head.args})
                if values:
                    ranges[atom.predicate] = [{"name": v, "label": _label(kb, v, language)} for v in values]
    questions = [{"name": q.name, "parameters": list(q.parameters), "title": n.label_of(q.labels, language),
                  "asks": (f"{q.query.status} " if q.query.status else "") + str(q.query.atom)}
                 for q in sorted(kb.questions.values(), key=lambda q: q.name)]
    kinds = [{"name": k.name, "label": n.label_of(k.labels, language), "is": [p.norm_id for p in k.parents]}
             for k in sorted(kb.kinds.values(), key=lambda k: k.name)]
    return {"language": language, "predicates": predicates, "constants": constants, "ranges": ranges, "kinds": kinds,
            "statuses": [{"name": s, "label": word(s, language)} for s in STATUSES], "questions": questions}


def _label(kb: KnowledgeBase, value: str, language: str) -> str:
    return Phrasebook(kb, language).value_label(value)


def find_norms(kb: KnowledgeBase, text: str) -> list[n.Norm]:
    """Norms named by id (`code.12.1.a`), by citation key (`code 12.1.2`) or by a citation as any language
    cites it in the forms its act declares (`подп. 2) ч. 1 ст. 12 Кодекса`, `Кодекс, ст. 12 ч. 1 п. 2`)."""
    if text in kb.norms:
        return [kb.norms[text]]
    citation = read_citation(kb, text)
    if citation is None:
        return []
    return sorted((norm for norm in kb.norms.values() if norm.citation == citation.key), key=lambda x: x.id)


def show(kb: KnowledgeBase, norm: n.Norm, language: str) -> dict:
    """One norm in full: citation, act, in force, quotes in every language, conditions in words,
    exceptions both ways, what it rests on, its reading (interpretation) and notes."""
    act = kb.acts.get(norm.act_key or "")
    phrases = Phrasebook(kb, language)
    reading = phrases.reading_of

    conditions = []
    clause = norm.clause
    for c in clause.body if clause else ():
        if isinstance(c, n.Atom):
            conditions.append({"atom": str(c), "in_words": reading(c)})
        elif isinstance(c, n.Negation) and c.universal is not None:   # `for every X such that D: B`
            u = c.universal

            def said(d):
                return word("negated reading", language, reading=reading(d.atom)) if isinstance(d, n.Negation) else \
                    reading(d) if isinstance(d, n.Atom) else str(d)
            conditions.append({"atom": str(c), "in_words": word(
                "universal reading", language, names=", ".join(u.variables),
                domain=word("and", language).join(said(d) for d in u.domain), body=said(u.body))})
        elif isinstance(c, n.Negation):
            conditions.append({"atom": str(c), "in_words": word("negated reading", language, reading=reading(c.atom))})
        else:
            conditions.append({"atom": str(c), "in_words": str(c)})
    interval = norm.in_force or (act.in_force if act else None)
    readings = []        # the readings the norm, or one of its conditions, belongs to
    attached = [(r.norm_id, None) for r in norm.readings] + \
        [(name, str(clause.body[i])) for i, name in getattr(clause, "conditional", ())] if clause else \
        [(r.norm_id, None) for r in norm.readings]
    for name, condition in attached:
        decl = kb.readings.get(name)
        readings.append({"name": name, "label": n.label_of(decl.labels, language, name) if decl else name,
                         "default": bool(decl and decl.default), "condition": condition})
    return {
        "id": norm.id, "citation": norm.citation,
        "cited_as": phrases.cite_norm(norm),
        "act": act.key if act else None, "act_title": phrases.act_title(act.key) if act else None,
        "rank": act.rank if act else None,
        "in_force": {"from": interval.start.isoformat() if interval and interval.start else None,
                     "to": interval.end.isoformat() if interval and interval.end else None},
        "modality": clause.modality if clause else None,
        "conclusion": str(clause.head) if clause else None,
        "conclusion_in_words": reading(clause.head) if clause else None,
        "quotes": {q.language: q.text for q in norm.quotes},
        "conditions": conditions,
        "exception_to": [r.norm_id for r in norm.exception_to],
        "exceptions": sorted(m.id for m in kb.norms.values() if any(r.norm_id == norm.id for r in m.exception_to)),
        "rests_on": [r.norm_id for r in norm.rests_on],
        "see": [r.norm_id for r in norm.see],
        "interpretation": n.label_of(norm.interpretations, language, norm.interpretation),
        "readings": readings,
        "notes": [l.text for l in norm.note_labels if l.language == language] or
                 (list(norm.notes) if language == "en" else []),
        "source": norm.span.location,
    }


def saved_questions(query_dir=None) -> list[tuple[str, tuple[str, ...], str | None]]:
    """(name, parameters, English title) of the saved questions, for `zan query --help`."""
    from pathlib import Path

    from engine.base.resources import default_queries
    from engine.syntax.knowledge import load

    folder = Path(query_dir) if query_dir else default_queries()
    kb = load(sorted(q for q in folder.glob("*.zan") if q.is_file()))
    return [(q.name, q.parameters, n.label_of(q.labels, "en")) for q in sorted(kb.questions.values(), key=lambda q: q.name)]


def completions(kind: str) -> list[str]:
    """What shell completion offers: `predicates` (askable first), `questions` or `norms` (ids and citation keys)."""
    if kind == "questions":
        return [name for name, _p, _t in saved_questions()]
    from engine.pipeline import load_checked

    kb, _f, _w = load_checked(None, None)
    if kind == "predicates":
        asked = askable(kb)
        return sorted(asked) + sorted(set(kb.predicates) - asked)
    return sorted(kb.norms) + sorted({x.citation for x in kb.norms.values() if x.citation})
